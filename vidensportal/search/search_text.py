"""Add text that is not on a page (the words inside its PDF) to that page's entry in the built search index."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path


def add_to_search_index(index_path: Path, texts: Mapping[str, str]) -> list[str]:
    """Append each text to the index entry whose location it is keyed by; return the locations not found."""
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_location = {doc["location"]: doc for doc in index["docs"]}
    missing = []
    for location, text in texts.items():
        doc = by_location.get(location)
        if doc is None:
            missing.append(location)
        elif text:
            doc["text"] = f"{doc['text']} {text}".strip()
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return missing
