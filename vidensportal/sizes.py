"""File sizes in Danish, for pages and for the data's own messages alike."""

from __future__ import annotations

from functools import lru_cache

from babel.numbers import format_decimal


@lru_cache(maxsize=4096)
def danish_size(size: int) -> str:
    """A file size as staff read it: '980 byte', '1,5 kB', '12,3 MB'."""
    if size < 1000:
        return f"{size} byte"
    unit, factor = ("kB", 1e3) if size < 1e6 else ("MB", 1e6)
    return f"{format_decimal(size / factor, format='#,##0.#', locale='da_DK')} {unit}"
