"""What a reader could see change in a file, version by version, from git: formatting, comments and schema lines
are not a change; a changed value is, and is named by its field."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from vidensportal.data.yamlfile import front_matter

# A byte git never writes in a path or a timestamp: it starts each commit in the log below.
_COMMIT = "\x01"
_DELETED = "0" * 40
# Front matter that says who looks after a page, not what it says to its readers.
REVIEW_KEYS = frozenset({"ejer", "senest_gennemgået", "gennemgå_igen_om"})
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Change:
    """A version whose content differs from the one before: when, and which fields (none for the first)."""

    moment: datetime
    fields: tuple[str, ...] = ()


# What a reader sees of one version of a file, field by field; None when the version does not hold the record.
View = Callable[[bytes], Mapping[str, object] | None]


def yaml_view(record: str | None = None) -> View:
    """A YAML file's values by top-level key; with `record`, those of the list entry whose id it is."""

    def view(data: bytes) -> Mapping[str, object] | None:
        try:
            parsed = yaml.load(data.decode("utf-8-sig"), Loader=_Loader)  # noqa: S506 -- a safe loader
        except (yaml.YAMLError, UnicodeDecodeError):
            return None
        if record is not None:
            entries = parsed if isinstance(parsed, list) else []
            parsed = next((e for e in entries if isinstance(e, dict) and e.get("id") == record), None)
        return parsed if isinstance(parsed, dict) else None

    return view


def markdown_view(data: bytes) -> Mapping[str, object] | None:
    """A Markdown page's front matter (less the review fields) and its text with white space folded."""
    try:
        meta, body = front_matter(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None
    shown = {key: value for key, value in (meta or {}).items() if key not in REVIEW_KEYS}
    return {**shown, "teksten": " ".join(body.split())}


def changes_of(versions: Iterable[bytes | None], moments: Iterable[datetime], view: View) -> list[Change]:
    """The versions (oldest first; None where the file was deleted) that changed what a reader sees."""
    changes: list[Change] = []
    before: Mapping[str, object] | None = None
    for data, moment in zip(versions, moments, strict=True):
        now = view(data) if data is not None else None
        if now is None:
            before = None
            continue
        if before is None:
            changes.append(Change(moment))
        elif fields := tuple(key for key in sorted({*before, *now}, key=str) if before.get(key) != now.get(key)):
            changes.append(Change(moment, fields))
        before = now
    return changes


class ContentHistory:
    """Every committed version of the files under `folders`, read with one `git log` and one `git cat-file`."""

    def __init__(self, versions: Mapping[str, list[tuple[datetime, str]]], blobs: Mapping[str, bytes]) -> None:
        self._versions, self._blobs = versions, blobs
        self._changes: dict[tuple[str, str | None], list[Change]] = {}

    def changes(self, path: str, view: View, record: str | None = None) -> list[Change]:
        """The changes of `path` (root-relative) a reader could see, oldest first; [] when it was never committed.
        `record` names the list entry `view` picks, so the answer is remembered per entry."""
        key = (path, record)
        if key not in self._changes:
            versions = self._versions.get(path, [])
            self._changes[key] = changes_of(
                [self._blobs.get(blob) for _, blob in versions], [moment for moment, _ in versions], view
            )
        return self._changes[key]

    def has(self, path: str) -> bool:
        return path in self._versions


def read_content_history(root: Path, folders: Iterable[str] = ("data", "docs")) -> ContentHistory | None:
    """The history of the text files under `folders`; None outside a git checkout, in a shallow clone (whose
    oldest commit would look like every file's creation) or when git cannot be run."""
    git = shutil.which("git")
    if git is None:
        return None
    base = [git, "-C", str(root)]
    shallow = _run([*base, "rev-parse", "--is-shallow-repository"])
    if shallow is None or shallow.strip() != b"false":
        return None
    log = _run([*base, "log", "--relative", "--no-show-signature", "--raw", "--no-abbrev", "-z",
                f"--format={_COMMIT}%at", "--", *folders])  # fmt: skip
    if log is None:
        return None
    versions = parse_raw_log(log.decode("utf-8", errors="replace"))
    wanted = sorted({blob for found in versions.values() for _, blob in found if blob != _DELETED})
    listing = _run([*base, "cat-file", "--batch"], "".join(f"{blob}\n" for blob in wanted).encode())
    return ContentHistory(versions, parse_batch(listing or b""))


def _run(command: list[str], given: bytes | None = None) -> bytes | None:
    try:
        result = subprocess.run(command, input=given, capture_output=True, timeout=120, check=False)  # noqa: S603 -- fixed git commands
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def parse_raw_log(output: str) -> dict[str, list[tuple[datetime, str]]]:
    """`git log --raw -z` (newest commit first) as each path's (moment, blob id) versions, oldest first."""
    versions: dict[str, list[tuple[datetime, str]]] = {}
    for commit in output.split(_COMMIT)[1:]:
        stamp, _, rest = commit.partition("\n")
        moment = datetime.fromtimestamp(int(stamp.strip().strip("\0")), UTC)
        fields = rest.strip("\n\0").split("\0")
        for at in range(0, len(fields) - 1, 2):
            head, path = fields[at].lstrip("\n"), fields[at + 1]
            parts = head.split()
            if len(parts) >= 5 and parts[4][:1] in "AMD":  # renames and copies are not listed without -M/-C
                versions.setdefault(path, []).append((moment, parts[3]))
    return {path: found[::-1] for path, found in versions.items()}


def parse_batch(output: bytes) -> dict[str, bytes]:
    """`git cat-file --batch` output as blob id → content."""
    blobs: dict[str, bytes] = {}
    position = 0
    while position < len(output):
        end = output.index(b"\n", position)
        blob, kind, *size = output[position:end].decode().split()
        position = end + 1
        if kind == "missing" or not size:
            continue
        length = int(size[0])
        blobs[blob] = output[position : position + length]
        position += length + 1
    return blobs
