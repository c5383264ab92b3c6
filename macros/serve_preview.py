"""mkdocs serve: while a rebuild fails, every page shows the Danish errors (not the last good site or a hanging
reload), and the site comes back by itself when the file is fixed. mkdocs 1.6 leaves the browser waiting on a
failed rebuild; here the builder reports the failure instead of raising it, so the server goes on serving."""

from __future__ import annotations

import logging

from vidensportal.preview import BUILD_FAILED, BUILD_OK, STATUS_PATH, error_page

log = logging.getLogger("mkdocs.plugins.vidensportalen")


class _Messages(logging.Handler):
    """The warnings and errors mkdocs logs during one build: the Danish problems among them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def on_serve(server, config, builder):
    failure: list[str] = []  # the last build's report; empty when it succeeded
    rebuild, serve_request = server.builder, server.get_app()

    def reporting_rebuild() -> None:
        messages = _Messages()
        logging.getLogger("mkdocs").addHandler(messages)
        try:
            rebuild()
            failure.clear()
        except Exception as error:  # any failed rebuild is shown in the browser, not raised into the server loop
            failure[:] = ["\n".join(messages.lines) or f"Bygningen fejlede: {error}"]
        finally:
            logging.getLogger("mkdocs").removeHandler(messages)
        if failure:
            log.error("Bygningen fejlede (se ovenfor). Browseren viser fejlen, indtil den er rettet.")

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == STATUS_PATH:
            start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")])
            return [(BUILD_FAILED if failure else BUILD_OK).encode()]
        if failure and (path.endswith(("/", ".html")) or "." not in path.rsplit("/", 1)[-1]):
            start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
            return [error_page(failure[0]).encode("utf-8")]
        return serve_request(environ, start_response)

    server.builder = reporting_rebuild
    server.set_app(app)
    return server
