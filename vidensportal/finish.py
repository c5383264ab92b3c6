"""finish_site: the built site before it may be published. Its scripts' CDN addresses are made local, its pages get
the Content Security Policy, the search index (under way since the pages' articles were made) gets any page it
lacks, and the output gate reads every file, the index last, once it is written."""

from __future__ import annotations

from pathlib import Path

from vidensportal.catalog import Catalog
from vidensportal.guards.content_policy import apply_content_policy
from vidensportal.guards.external_loads import localise_cdn_urls
from vidensportal.guards.output import gate_report, output_gate
from vidensportal.search.indexer import INDEX_DIR, SiteIndex
from vidensportal.settings import SiteSettings


def finish_site(
    site_dir: Path,
    root: Path,
    docs_dir: Path,
    catalog: Catalog,
    settings: SiteSettings,
    site_url: str,
    index: SiteIndex,
    live_reload: bool = False,
) -> str | None:
    """None when the site may be published; else the Danish report of why not (the files it names are withdrawn).
    Raises SearchIndexError when the index cannot be written. `live_reload`: the site is served by `mkdocs serve`."""
    localise_cdn_urls(site_dir / "assets" / "javascripts")
    policy_problems = apply_content_policy(site_dir, docs_dir, live_reload=live_reload)
    index.start_writing()
    last = (INDEX_DIR, index.finish_writing)
    report = output_gate(site_dir, root, docs_dir, catalog, settings.cpr_allowed, site_url, last=last)
    return "\n".join(filter(None, (policy_problems and gate_report(policy_problems), report))) or None
