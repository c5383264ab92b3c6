"""mkdocs serve: a failed build, the first as much as a rebuild, shows its Danish errors in the browser
(vidensportal/preview.py); mkdocs 1.6 would stop, or leave the browser waiting. The server goes on serving."""

from __future__ import annotations

import logging
import sys

from vidensportal.preview import PreviewState

_STATE = PreviewState()
_SERVE_MODULES = ("mkdocs.commands.serve", "properdocs.commands.serve")
serving: list[str] = []  # not empty under serve, whose live reload needs an inline script in every page


def on_startup(command: str, dirty: bool) -> None:
    """Under serve (`serve --clean` says "build"; the serve module is loaded only for serve), wrap the `build` the
    serve command calls, before its first build."""
    serving[:] = [name for name in _SERVE_MODULES if name in sys.modules]
    for module in [sys.modules[name] for name in serving]:
        build, log = module.build, logging.getLogger(module.__name__.partition(".")[0])
        module.build = lambda config, build=build, log=log, **options: _STATE.reporting(
            lambda: build(config, **options), log
        )()


def on_serve(server, config, builder):
    server.set_app(_STATE.app(server.get_app()))
    return server
