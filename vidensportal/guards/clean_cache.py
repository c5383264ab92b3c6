"""Content the output gate has found clean under the same rules, remembered between builds by its hash.

An unchanged page, stylesheet or PDF is then not read again: the gate reads only what changed. The rules are
part of the key: the allow-list, the withheld titles, the site's address and the gate's own code, so a change to
any of them starts afresh. Only clean content is remembered; a problem is found again on every build."""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

_GUARDS = Path(__file__).resolve().parent


@functools.cache
def guard_code() -> bytes:
    """The guards' own code: a cache made under other code is not used."""
    return b"".join(source.read_bytes() for source in sorted(_GUARDS.rglob("*.py")))


class CleanContent:
    """A set of content keys (sha256 and file kind) found clean; `save()` keeps those seen in this build."""

    def __init__(self, cache_dir: Path | None, rules: Iterable[object]) -> None:
        self.path = None
        self.known: set[str] = set()
        self.seen: set[str] = set()
        if cache_dir is None:
            return
        fingerprint = hashlib.sha256(repr(list(rules)).encode("utf-8"))
        fingerprint.update(guard_code())
        self.path = cache_dir / f"{fingerprint.hexdigest()[:32]}.txt"
        try:
            # UTF-8: a key holds the file's name as shown, and names may hold æ, ø and å ("Oplæg.pdf").
            self.known = set(self.path.read_text(encoding="utf-8").split("\n"))
        except (OSError, UnicodeDecodeError):
            self.known = set()

    def __contains__(self, key: str) -> bool:
        if key in self.known:
            self.seen.add(key)
            return True
        return False

    def add(self, key: str) -> None:
        self.seen.add(key)

    def save(self) -> None:
        """Write the keys seen clean in this build (older ones are dropped), atomically; a cache that cannot be
        written is only a slower next build."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for old in self.path.parent.glob("*.txt"):
                if old != self.path:
                    old.unlink(missing_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write("\n".join(sorted(self.seen)))
            os.replace(temporary, self.path)
        except OSError:
            return
