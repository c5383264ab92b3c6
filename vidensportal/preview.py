"""While a rebuild under `make serve` fails, every page is the Danish errors instead of the last good site or a
hanging reload, and the browser returns to the site by itself once the files are fixed.

The builder's own dev server stays in charge: PreviewState wraps its rebuild (to note the outcome instead of
raising it) and its WSGI application (to answer with the error page while the outcome is a failure). The page
is self-contained: no file of the last good site, nothing from another host."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from markupsafe import escape

# The adapter answers this address with BUILD_OK or BUILD_FAILED; the error page asks it once a second.
STATUS_PATH = "/__vidensportalen/status"
BUILD_OK = "ok"
BUILD_FAILED = "fejl"
# Where the builder's dev server answers an open page's question whether the site has changed.
LIVERELOAD_PATH = "/livereload/"

_PAGE = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portalen kan ikke bygges – Vidensportalen</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }}
h1 {{ color: #a40000; font-size: 1.6rem; }}
pre {{ background: #fff4f4; border-left: 4px solid #a40000; padding: 1rem; white-space: pre-wrap; font-size: 1rem; }}
</style>
</head>
<body>
<main>
<h1>Portalen kan ikke bygges</h1>
<p>Den seneste ændring har en fejl, så portalen blev ikke bygget. Beskeden nedenfor siger, hvilken fil og linje
det drejer sig om, og hvad der skal stå i stedet.</p>
<pre id="fejl">{report}</pre>
<p>Ret fejlen, og gem filen. Denne side skifter af sig selv tilbage til portalen, når bygningen lykkes.
De samme beskeder får du i terminalen med <code>make tjek</code>. Se også afsnittet om almindelige fejl i
"Sådan bidrager du" (docs/bidrag.md).</p>
</main>
<script>
(function poll() {{
  fetch("{status}", {{cache: "no-store"}})
    .then(function (answer) {{ return answer.text(); }})
    .then(function (state) {{ if (state === "{ok}") {{ location.reload(); }} else {{ setTimeout(poll, 1000); }} }})
    .catch(function () {{ setTimeout(poll, 2000); }});
}})();
</script>
</body>
</html>
"""


def error_page(report: str) -> str:
    """The whole HTML page for a failed build, with `report` (the build's Danish messages) escaped."""
    return _PAGE.format(report=escape(report.strip()), status=STATUS_PATH, ok=BUILD_OK)


def first_cause(error: BaseException) -> str:
    """The message of the error that started it all: a builder wraps the Danish error in its own ("Aborted
    with a BuildError!"), raised while handling it."""
    while (inner := error.__cause__ or error.__context__) is not None and inner is not error:
        error = inner
    return str(error) or type(error).__name__


class _Messages(logging.Handler):
    """The warnings and errors logged during one build: the Danish problems among them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class PreviewState:
    """The outcome of the last rebuild: `report` holds its messages while it fails, None once it succeeds."""

    def __init__(self) -> None:
        self.report: str | None = None

    def reporting(self, rebuild: Callable[[], None], logger: logging.Logger) -> Callable[[], None]:
        """`rebuild`, noting a failure (with what `logger` said during it) instead of raising it."""

        def run() -> None:
            messages = _Messages()
            logger.addHandler(messages)
            try:
                rebuild()
                self.report = None
            except Exception as error:  # any failed rebuild is shown in the browser, not raised into the server
                self.report = "\n".join(messages.lines) or None
                if self.report is None:
                    # The builder logs a message only once per process: a mistake repeated is not logged again,
                    # so the report comes from the error that stopped the build, and the terminal gets it here.
                    self.report = first_cause(error)
                    logger.error(self.report)
            finally:
                logger.removeHandler(messages)
            if self.report is not None:
                logger.error("Bygningen fejlede (se ovenfor). Browseren viser fejlen, indtil den er rettet.")

        return run

    def app(self, serve: Callable[..., Iterable[bytes]]) -> Callable[..., Iterable[bytes]]:
        """The WSGI application `serve`, answering pages with the error page while the last rebuild failed."""

        def answer(environ: dict, start_response: Callable) -> Iterable[bytes]:
            path = environ.get("PATH_INFO", "")
            if path == STATUS_PATH:
                start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")])
                return [(BUILD_OK if self.report is None else BUILD_FAILED).encode()]
            # While a build fails nothing of the site is served (a half-built site may hold what the output gate
            # stopped); the reload poll goes on, so an open tab turns into the error page by itself.
            if self.report is not None and not path.startswith(LIVERELOAD_PATH):
                start_response("500 Internal Server Error", [("Content-Type", "text/html; charset=utf-8")])
                return [error_page(self.report).encode("utf-8")]
            return serve(environ, start_response)

        return answer
