"""Keep the built site from ever reaching a CDN: point the script loads in Material's bundle at the site's own host."""

from __future__ import annotations

import re
from pathlib import Path

# Material's bundle loads mermaid and a ResizeObserver polyfill from unpkg when a page needs them. Neither is
# needed here, but an intranet browser must never try: the loads are pointed at this host, where they fail.
_CDN = re.compile(r"https://(?:unpkg\.com|cdn\.jsdelivr\.net|fonts\.googleapis\.com|fonts\.gstatic\.com)/")
LOCAL_STAND_IN = "/ekstern-ressource-ikke-tilladt/"


def localise_cdn_urls(javascript_dir: Path) -> list[str]:
    """Rewrite every CDN URL in the .js files under `javascript_dir`; return the files changed."""
    changed = []
    for path in sorted(javascript_dir.rglob("*.js")):
        text = path.read_text(encoding="utf-8")
        rewritten = _CDN.sub(LOCAL_STAND_IN, text)
        if rewritten != text:
            path.write_text(rewritten, encoding="utf-8")
            changed.append(path.name)
    return changed
