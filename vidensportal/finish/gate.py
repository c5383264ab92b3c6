"""The gate stage: the written site as readers will get it. Its scripts' CDN addresses are made local, and the
output gate reads every file (the search index last, once it is written) before anything may be published."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vidensportal.guards.external_loads import localise_cdn_urls
from vidensportal.guards.output import output_gate
from vidensportal.load import Build


def gate_site(site_dir: Path, build: Build, site_url: str, last: tuple[str, Callable[[], None]]) -> str | None:
    """None when the site may be published; else the Danish report of why not (the files it names are withdrawn).
    `last`: a folder of the site read only after its writer, the callable, has finished."""
    localise_cdn_urls(site_dir / "assets" / "javascripts")
    return output_gate(
        site_dir, build.root, build.docs_dir, build.catalog, build.settings.cpr_allowed, site_url, last=last
    )
