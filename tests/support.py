"""Helpers the tests share: building a copy of the project as a user would, and hostile data for the engine."""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType

from hypothesis import strategies as st

from tools.project import ROOT, copy_project
from vidensportal.data.model import Event

__all__ = ["ROOT", "copy_project"]

# A fixed build moment, so two builds of the same sources agree.
BUILD_ENV = {"SOURCE_DATE_EPOCH": str(int(datetime(2026, 11, 25, 12, tzinfo=UTC).timestamp()))}

# Characters that mean something to HTML, Markdown, its extensions or Jinja, and a few Danish letters.
SYNTAX = "<>&\"'`*_[](){}#+-.!|~^=:$%\\/@ \næøåÆØÅ"
HOSTILE = st.text(alphabet=st.sampled_from(SYNTAX) | st.characters(codec="utf-8", categories=["L", "N"]), max_size=40)


# The Markdown extensions the site's pages go through: mkdocs.yml's, plus the three MkDocs always adds.
SITE_MARKDOWN_EXTENSIONS = ["abbr", "attr_list", "md_in_html", "admonition", "toc", "tables", "fenced_code"]


def run_build(project: Path, site: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`, run from another folder than the project."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(
        [*command, *extra], cwd=site.parent, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def build_log(project: Path, site: Path | None = None, env: dict | None = None) -> str:
    """Build `project`, fail the test with mkdocs' own output if the build fails, and return that output."""
    result = run_build(project, site or project.parent / "site", env=env)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def build_ok(project: Path, site: Path | None = None, env: dict | None = None) -> Path:
    """Build `project` (see build_log) and return the built site's folder."""
    site = site or project.parent / "site"
    build_log(project, site, env)
    return site


def build_fails(project: Path) -> str:
    """Build `project`, expect a clean failure (non-zero exit, no traceback) and return its output."""
    site = project.parent / "site"
    result = run_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed but exited 0:\n{output}"
    assert "Traceback" not in output, f"the build printed a Python traceback:\n{output}"
    return output


def replace_in(path: Path, old: str, new: str) -> None:
    """Change a copied project's file in place: `old` becomes `new`."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def line_number(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def hostile_catalog(shipped, value: str):
    """`shipped` with `value` in every text field that reaches a page."""
    parties = {
        key: p.model_copy(update={"name": value, "note": value, "role": value, "description": value})
        for key, p in shipped.parties.items()
    }
    tracks = {
        key: t.model_copy(update={"name": value, "purpose": value, "examples": (value,)})
        for key, t in shipped.tracks.items()
    }
    materials = {key: m.model_copy(update={"title": value, "language": value}) for key, m in shipped.materials.items()}
    events = {
        key: e.model_copy(
            update={
                "title": value,
                "place": value,
                "audience": value,
                "description": value,
                "summary": value,
                "materials": tuple(materials[m.id] for m in e.materials),
            }
        )
        for key, e in shipped.events.items()
    }
    initiatives = {
        key: i.model_copy(update={"title": value, "description": value}) for key, i in shipped.initiatives.items()
    }
    meetings = {key: m.model_copy(update={"agenda": (value,)}) for key, m in shipped.meetings.items()}
    return dataclasses.replace(
        shipped,
        parties=MappingProxyType(parties),
        tracks=MappingProxyType(tracks),
        materials=MappingProxyType(materials),
        events=MappingProxyType(events),
        initiatives=MappingProxyType(initiatives),
        meetings=MappingProxyType(meetings),
        strategy=shipped.strategy.model_copy(update={"name": value}),
    )


# mkdocs serve for the preview tests (tests/test_contrib_preview.py, tests/browser/test_contrib_preview.py).
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_get(url: str) -> tuple[int, str]:
    """(status, text) of a GET on the local test server; an error status is returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=15) as answer:  # noqa: S310 -- our own local test server
            return answer.status, answer.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for_text(url: str, text: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if http_get(url)[1] == text:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} did not answer {text!r} within {seconds} s")


@contextlib.contextmanager
def serving(project: Path, status_path: str = "/__vidensportalen/status", first: str = "ok"):
    """`mkdocs serve` of `project` on a free 127.0.0.1 port until the block ends; yields the base address once the
    status address answers `first` ("ok", or "fejl" when the project starts out broken)."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    with (project.parent / "serve.log").open("w") as log:
        server = subprocess.Popen(
            command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            wait_for_text(f"http://127.0.0.1:{port}{status_path}", first)
            yield f"http://127.0.0.1:{port}"
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def add_mailboxes(project: Path) -> None:
    """Give Sikker By and Følgegruppen's secretariat an example mailbox in a copied project."""
    for name, after, mailbox in (
        ("parter/sikker-by.yml", "forælder: oekonomiforvaltningen\n", "sikkerby@enhed.example"),
        ("aftale.yml", "  planlægges-af: [eas, sikker-by]\n", "sekretariat@enhed.example"),
    ):
        path = project / "data" / name
        text = path.read_text(encoding="utf-8")
        assert after in text, f"{after!r} is not in {name}; the test no longer matches the data"
        indent = after[: len(after) - len(after.lstrip())]
        path.write_text(text.replace(after, f"{after}{indent}postkasse: {mailbox}\n", 1), encoding="utf-8")


def run_tjek(project: Path) -> subprocess.CompletedProcess:
    """`make tjek` (python -m tools.tjek) on a copied project."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "tools.tjek", "-f", str(project / "mkdocs.yml")]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def search_files(site: Path) -> dict[str, bytes]:
    """Every file of the built Pagefind index (site/pagefind/), gzip unpacked, by site-relative path."""
    files = {}
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data
    return files


def search_records(site: Path) -> dict[str, dict]:
    """The pages in the built search index by URL ('parter/eas/'): text, title and labels as Pagefind holds them."""
    records = {}
    for name, data in search_files(site).items():
        if name.endswith(".pf_fragment"):
            record = json.loads(data.removeprefix(b"pagefind_dcd"))
            records[record["url"].lstrip("/")] = record
    return records


def make_event(**changes: object) -> Event:
    """A valid planned winter seminar; `changes` overrides its Danish keys."""
    data: dict[str, object] = {
        "titel": "Vidensseminar om exit",
        "type": "vidensseminar",
        "dato": "2026-03-12",
        "start": "13:00",
        "slut": "15:30",
        "sted": "Politigården, København",
        "status": "planlagt",
        "spor": ["exit"],
        "arrangører": ["eas"],
        "målgruppe": "Medarbejdere i politi og kommune",
        "beskrivelse": "Erfaringer med exitforløb.",
        "klassifikation": "intern",
    }
    data.update(changes)
    return Event.model_validate(data)
