"""mkdocs serve: a failed rebuild shows its Danish errors in the browser (vidensportal/preview.py). mkdocs 1.6 leaves
the browser waiting on a failed rebuild; the rebuild here notes the failure instead, so the server goes on."""

from __future__ import annotations

import logging

from vidensportal.preview import PreviewState


def on_serve(server, config, builder):
    state = PreviewState()
    server.builder = state.reporting(server.builder, logging.getLogger("mkdocs"))
    server.set_app(state.app(server.get_app()))
    return server
