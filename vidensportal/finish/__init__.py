"""The stages after the builder has written the pages: content policy → index → gate → publish.

`finish_site` is the one entry point of the first three, for any builder: the mkdocs adapter calls it at the end of
its build with the index it started while the pages rendered; another builder calls it on the site it wrote, and
the index is then made from the written pages. Publishing (`publish.py`) is the last step of `make build`."""

from __future__ import annotations

from pathlib import Path

from vidensportal.editor.site_files import EDITOR_PAGE
from vidensportal.finish.gate import gate_site
from vidensportal.finish.index import INDEX_DIR, SearchIndexError, SiteIndex, start_index
from vidensportal.guards.content_policy import apply_content_policy
from vidensportal.guards.output import gate_report
from vidensportal.load import Build


def finish_site(
    site_dir: Path, build: Build, site_url: str, index: SiteIndex | None = None, live_reload: bool = False
) -> tuple[str | None, list]:
    """(None when the site may be published, else the Danish report of why not: the content policy's and the gate's,
    or why the index could not be written; warnings about documents whose text the search could not read, as
    Danish lines). `live_reload`: the site is served by `mkdocs serve`, whose reload script is inline."""
    if index is None:
        index = start_index(build.catalog, build.docs_dir, build.root, site_dir, {})
    try:
        policy = apply_content_policy(site_dir, build.docs_dir, live_reload=live_reload, own_policy={EDITOR_PAGE})
        index.start_writing()
        report = gate_site(site_dir, build, site_url, last=(INDEX_DIR, index.finish_writing))
        report = "\n".join(filter(None, (policy and gate_report(policy), report))) or None
    except SearchIndexError as error:
        report = str(error)
    finally:
        index.close()
    return report, [f"ADVARSEL: {warning}" for warning in index.warnings]
