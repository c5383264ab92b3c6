"""mkdocs serve: a failed rebuild shows its Danish errors in the browser (vidensportal/preview.py). mkdocs 1.6 leaves
the browser waiting on a failed rebuild; the rebuild here notes the failure instead, so the server goes on."""

from __future__ import annotations

import logging

from vidensportal.preview import PreviewState


def on_serve(server, config, builder):
    state = PreviewState()
    # The builder's own logger ("mkdocs", or "properdocs" for the fork), where its build errors are logged.
    builder_log = logging.getLogger(type(server).__module__.partition(".")[0])
    server.builder = state.reporting(server.builder, builder_log)
    server.set_app(state.app(server.get_app()))
    return server
