"""Pagefind's filter files in a fixed order, so two builds of the same sources write the same bytes.

Pagefind 1.5 writes each filter's values (and the list of filters in its metadata) in the order of a Rust
hash map, which changes from run to run. This sorts them and renames the files after their new content;
the search reads a file by the name its metadata gives, so nothing else changes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Mapping

PREFIX = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
FILTER_DIR = "filter"
# Pagefind's metadata: [version, pages, index chunks, filters, sorts, meta fields]; a filter is [name, file hash].
FILTERS = 3

CborValue = int | str | bytes | list


def stable_filters(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """Pagefind's `files` (by path in its folder) with every language's filter values and filter list sorted,
    the files renamed to match."""
    stable = dict(files)
    entry = json.loads(stable[ENTRY])
    for language, facts in entry["languages"].items():
        meta = _read(stable.pop(f"pagefind.{facts['hash']}.pf_meta"))
        filters = []
        for name, old_hash in meta[FILTERS]:
            filter_name, values = _read(stable.pop(f"{FILTER_DIR}/{old_hash}.pf_filter"))
            sorted_filter = [filter_name, sorted(values)]
            filters.append([name, _put(stable, f"{FILTER_DIR}/", language, 7, sorted_filter, ".pf_filter")])
        meta[FILTERS] = sorted(filters)
        facts["hash"] = _put(stable, "pagefind.", language, 10, meta, ".pf_meta")
    stable[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return stable


def _read(packed: bytes) -> list:
    data = gzip.decompress(packed)
    value, end = _decode(data, len(PREFIX))
    if not data.startswith(PREFIX) or end != len(data) or not isinstance(value, list):
        raise ValueError("not a Pagefind file this code knows")
    return value


def _put(files: dict[str, bytes], prefix: str, language: str, length: int, value: list, suffix: str) -> str:
    """Add `value` to `files` as Pagefind writes it (a marker, CBOR, gzip) under a name from its content."""
    data = PREFIX + _encode(value)
    name = f"{language}_{hashlib.sha256(data).hexdigest()[:length]}"
    files[f"{prefix}{name}{suffix}"] = gzip.compress(data, mtime=0)
    return name


def _decode(data: bytes, position: int) -> tuple[CborValue, int]:
    """One CBOR item of the kinds Pagefind writes: unsigned integers, byte and text strings, arrays."""
    head = data[position]
    major, info = head >> 5, head & 0x1F
    position += 1
    if info >= 24:
        size = 1 << (info - 24)
        if info > 27:
            raise ValueError(f"CBOR head {head:#x} is not one Pagefind writes")
        info, position = int.from_bytes(data[position : position + size], "big"), position + size
    if major == 0:
        return info, position
    if major in (2, 3):
        chunk = data[position : position + info]
        return (chunk if major == 2 else chunk.decode("utf-8")), position + info
    if major == 4:
        items = []
        for _ in range(info):
            item, position = _decode(data, position)
            items.append(item)
        return items, position
    raise ValueError(f"CBOR major type {major} is not one Pagefind writes")


def _head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError(f"{argument} is too large for CBOR")


def _encode(value: CborValue) -> bytes:
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        encoded = value.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    return _head(4, len(value)) + b"".join(_encode(item) for item in value)
