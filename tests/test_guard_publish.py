"""`make build` publishes a site a web server can serve: 755/644 whatever the umask, site/ a link swapped in one
step, one build at a time, a kill at any point leaving the last good site, and a full disk or a crash as one
Danish line with the previous site untouched."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools import build_site
from vidensportal.finish import publish

from .support import ROOT, copy_project


def fake_site(content: str):
    """A make_site that writes a small site (a page in a folder) and succeeds."""

    def make(folder: Path) -> int:
        (folder / "sub").mkdir()
        (folder / "index.html").write_text(content, encoding="utf-8")
        (folder / "sub" / "page.html").write_text(content, encoding="utf-8")
        return 0

    return make


def modes(folder: Path) -> set[tuple[str, str]]:
    found = {("dir", oct(stat.S_IMODE(folder.stat().st_mode)))}
    for path in folder.rglob("*"):
        found.add(("dir" if path.is_dir() else "file", oct(stat.S_IMODE(path.stat().st_mode))))
    return found


@pytest.fixture
def strict_umask():
    old = os.umask(0o077)
    yield
    os.umask(old)


def test_folders_are_755_and_files_644_whatever_the_umask(tmp_path: Path, strict_umask):
    """Under umask 077 the published folders are 755 and files 644, so another user can serve them."""
    target = tmp_path / "site"
    assert build_site.build(target, fake_site("ny")) == 0
    assert modes(target) == {("dir", "0o755"), ("file", "0o644")}, modes(target)


def test_a_failed_build_leaves_the_previous_site(tmp_path: Path, capsys):
    """Negative control: a failing build changes nothing and says so in Danish."""
    target = tmp_path / "site"
    build_site.build(target, fake_site("gammel"))
    assert build_site.build(target, lambda folder: 1) == 1
    assert (target / "index.html").read_text(encoding="utf-8") == "gammel"
    assert "er ikke ændret" in capsys.readouterr().err


@pytest.mark.parametrize("step", ["rename", "symlink_to"])
def test_a_full_disk_is_one_danish_line_and_the_previous_site_stays(tmp_path: Path, monkeypatch, capsys, step):
    """ENOSPC while publishing gives a Danish message, exit 1, no traceback, and the previous site unchanged."""
    target = tmp_path / "site"
    if step == "symlink_to":  # publishing through a link to a web root
        (tmp_path / "www").mkdir()
        target.symlink_to(tmp_path / "www")
    build_site.build(target, fake_site("gammel"))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, step, full)
    assert build_site.build(target, fake_site("ny")) == 1
    assert (target / "index.html").read_text(encoding="utf-8") == "gammel"
    err = capsys.readouterr().err
    assert "ikke mere plads på disken" in err and "Traceback" not in err, err
    assert not list(target.parent.glob(".site-new-*")), "the build folder was left behind"


def test_a_site_link_is_swapped_atomically_to_a_new_release(tmp_path: Path):
    """With site/ a link to the web root, each build lands in a new release folder beside the target and the link
    is replaced in one step; the previous release of ours is removed, a web root made by hand is kept."""
    web_root = tmp_path / "www" / "html"
    web_root.mkdir(parents=True)
    target = tmp_path / "projekt" / "site"
    target.parent.mkdir()
    target.symlink_to(web_root)
    assert build_site.build(target, fake_site("første")) == 0
    first = target.resolve()
    assert target.is_symlink() and first.parent == web_root.parent and first != web_root, first
    assert build_site.build(target, fake_site("anden")) == 0
    second = target.resolve()
    assert (target / "index.html").read_text(encoding="utf-8") == "anden" and second != first
    assert not first.exists() and web_root.exists(), sorted(p.name for p in web_root.parent.iterdir())
    assert modes(second) == {("dir", "0o755"), ("file", "0o644")}


def test_replacing_the_link_uses_os_replace(tmp_path: Path, monkeypatch):
    """The swap is one os.replace of a new link over the old one, so a reader never sees no site."""
    (tmp_path / "www").mkdir()
    target = tmp_path / "site"
    target.symlink_to(tmp_path / "www")
    calls = []
    real = os.replace
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append((Path(a).name, Path(b).name)), real(a, b)))
    build_site.build(target, fake_site("x"))
    assert calls == [(".site-link-new", "site")], calls


def test_leftovers_of_an_interrupted_build_are_removed(tmp_path: Path):
    """.site-new-* folders, a half-made link and an unused release from an interrupted run are gone after the
    next build; the site it publishes is complete."""
    releases = tmp_path / publish.RELEASES
    for folder in (tmp_path / ".site-new-abc", releases / ".site-new-def", releases / "site.release-1"):
        folder.mkdir(parents=True)
        (folder / "x.html").write_text("x", encoding="utf-8")
    (tmp_path / ".site-link-new").symlink_to("ingenting")
    (tmp_path / "andet").mkdir()
    assert build_site.build(tmp_path / "site", fake_site("x")) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".cache", publish.RELEASES, "andet", "site"]
    assert [p.name for p in releases.iterdir()] == [(tmp_path / "site").resolve().name], list(releases.iterdir())
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "x"


def test_the_first_build_turns_a_plain_site_folder_into_a_link(tmp_path: Path):
    """A site/ folder from before becomes a link to a release in one step; its old content is gone."""
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("fra før", encoding="utf-8")
    assert build_site.build(target, fake_site("ny")) == 0
    assert target.is_symlink() and (target / "index.html").read_text(encoding="utf-8") == "ny"
    assert len(list((tmp_path / publish.RELEASES).iterdir())) == 1, list((tmp_path / publish.RELEASES).iterdir())


def test_an_earlier_versions_site_old_is_put_back_when_site_is_missing(tmp_path: Path):
    """Killed between an earlier version's two renames (no site/, only .site-old): the next build starts from
    .site-old as the live site, and a failing build leaves it in place."""
    (tmp_path / ".site-old").mkdir()
    (tmp_path / ".site-old" / "index.html").write_text("gammel", encoding="utf-8")
    assert build_site.build(tmp_path / "site", lambda folder: 1) == 1
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "gammel"


class Killed(BaseException):
    """The process ends here, as if killed: nothing after it runs, no handler catches it."""


# Every step publishing takes on the file system, in the order it takes them.
STEPS = [
    (os, "replace"), (Path, "rename"), (Path, "symlink_to"), (shutil, "rmtree"), (publish, "_exchange"),
]  # fmt: skip


def _killed_at(monkeypatch, step: int) -> list[str]:
    """Make the `step`-th file-system step of publishing raise Killed; returns the steps taken."""
    taken: list[str] = []
    for owner, name in STEPS:
        real = getattr(owner, name)

        def counted(*args, real=real, name=name, **kwargs):
            taken.append(name)
            if len(taken) == step:
                raise Killed(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    return taken


@pytest.mark.parametrize("first", ["folder", "link"])
@pytest.mark.parametrize("step", range(1, 9))
def test_a_build_killed_at_any_step_leaves_a_complete_site_and_the_next_recovers(tmp_path, monkeypatch, first, step):
    """Killed at any step of publishing, site/ is the old or the new site, complete; the next build publishes
    and keeps nothing but its release. With site/ a plain folder before (first build) and a link."""
    target = tmp_path / "site"
    if first == "folder":
        target.mkdir()
        fake_site("gammel")(target)
    else:
        assert build_site.build(target, fake_site("gammel")) == 0
    with monkeypatch.context() as patch:
        taken = _killed_at(patch, step)
        with contextlib.suppress(Killed):
            build_site.build(target, fake_site("ny"))
    assert (target / "index.html").read_text(encoding="utf-8") in ("gammel", "ny"), (step, taken)
    assert (target / "sub" / "page.html").is_file(), f"half a site after a kill at {taken}"
    assert build_site.build(target, fake_site("næste")) == 0
    assert (target / "index.html").read_text(encoding="utf-8") == "næste"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == [".cache", publish.RELEASES, "site"], f"after a kill at {taken}: {left}"
    assert len(list((tmp_path / publish.RELEASES).iterdir())) == 1, list((tmp_path / publish.RELEASES).iterdir())


def test_without_an_atomic_exchange_a_kill_between_the_renames_is_repaired(tmp_path, monkeypatch):
    """Where the system cannot exchange a folder and a link in one step, a kill between the two renames leaves
    no site/ for a moment; the next build points site at the newest complete release, deleting nothing live."""
    target = tmp_path / "site"
    target.mkdir()
    fake_site("gammel")(target)
    monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    with monkeypatch.context() as patch:
        real = os.replace
        patch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(Killed()) if Path(a[1]) == target else real(*a))
        with contextlib.suppress(Killed):
            build_site.build(target, fake_site("ny"))
    assert not os.path.lexists(target), "the kill was not between the renames"
    assert build_site.build(target, lambda folder: 1) == 1
    assert (target / "index.html").read_text(encoding="utf-8") == "ny", "the complete release was not put back"


HOLDER = """
import sys, time
from pathlib import Path
from tools import build_site

def slow(folder):
    (folder / "index.html").write_text(sys.argv[2], encoding="utf-8")
    go_on = Path(sys.argv[3])
    while not go_on.exists():  # the test says when this build may finish
        time.sleep(0.02)
    (folder / "sidst.html").write_text(sys.argv[2], encoding="utf-8")
    return 0

sys.exit(build_site.build(Path(sys.argv[1]), slow))
"""


def _builder(target: Path, content: str, go_on: Path) -> subprocess.Popen:
    """A build process whose builder writes half a site and finishes once `go_on` exists; stderr in a file."""
    command = [sys.executable, "-c", HOLDER, str(target), content, str(go_on)]
    with (target.parent / f"{content}.err").open("w") as errors:  # the child keeps its own copy open
        return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errors, text=True)


def _wait_for(condition, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_a_second_build_waits_for_the_first_and_says_so(tmp_path: Path):
    """Two overlapping builds of one checkout: the second says in Danish that it waits, both publish in turn, and
    site/ is complete at every moment in between."""
    target = tmp_path / "site"
    assert build_site.build(target, fake_site("gammel")) == 0
    first = _builder(target, "første", tmp_path / "første.go")
    _wait_for(lambda: any((tmp_path / publish.RELEASES).glob(".site-new-*/index.html")))
    second = _builder(target, "anden", tmp_path / "anden.go")
    _wait_for(lambda: publish.WAITING in (tmp_path / "anden.err").read_text(encoding="utf-8"))
    (tmp_path / "første.go").touch()
    (tmp_path / "anden.go").touch()
    seen = set()
    while first.poll() is None or second.poll() is None:
        shown = (target / "index.html").read_text(encoding="utf-8")
        seen.add(shown)
        assert shown == "gammel" or (target / "sidst.html").is_file(), "a reader met half a site"
    first.wait(), second.wait()
    errors = {name: (tmp_path / f"{name}.err").read_text(encoding="utf-8") for name in ("første", "anden")}
    assert first.returncode == second.returncode == 0, errors
    assert publish.WAITING not in errors["første"], errors
    assert (target / "index.html").read_text(encoding="utf-8") == "anden" and seen <= {"gammel", "første", "anden"}


def test_a_killed_build_leaves_the_site_and_the_next_build_recovers(tmp_path: Path):
    """A build process killed (SIGKILL) half-way leaves the last good site; its lock dies with it, and the next
    build publishes without waiting."""
    target = tmp_path / "site"
    assert build_site.build(target, fake_site("gammel")) == 0
    doomed = _builder(target, "aldrig", tmp_path / "aldrig.go")
    _wait_for(lambda: any((tmp_path / publish.RELEASES).glob(".site-new-*/index.html")))
    doomed.kill()
    doomed.wait()
    assert (target / "index.html").read_text(encoding="utf-8") == "gammel"
    assert build_site.build(target, fake_site("ny")) == 0
    assert (target / "index.html").read_text(encoding="utf-8") == "ny"
    assert len(list((tmp_path / publish.RELEASES).iterdir())) == 1, list((tmp_path / publish.RELEASES).iterdir())


def test_a_crash_in_mkdocs_is_one_danish_line(tmp_path: Path, monkeypatch, capsys):
    """A traceback from the mkdocs process is replaced by one Danish line naming the cause."""

    class Crashing:
        stdout = iter(
            [
                "INFO - bygger\n",
                "Traceback (most recent call last):\n",
                '  File "x"\n',
                "OSError: [Errno 28] No space left on device\n",
            ]
        )

        def wait(self):
            return 1

    monkeypatch.setattr(build_site.subprocess, "Popen", lambda *a, **k: Crashing())
    assert build_site.run_mkdocs(tmp_path) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "ikke mere plads på disken" in err and "INFO - bygger" in err, err


@pytest.mark.slow
def test_two_overlapping_make_builds_publish_in_turn_and_site_is_always_complete(tmp_path: Path):
    """Two `python -m tools.build_site` of one checkout at once: one says in Danish that it waits, both succeed,
    and every time site/ is looked at in between it is a complete site (its home page and its search index)."""
    project = copy_project(tmp_path / "projekt")
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "tools.build_site"]
    assert subprocess.run(command, cwd=project, env=env, capture_output=True, check=False).returncode == 0
    builds = [
        subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    site, incomplete = project / "site", []
    while any(build.poll() is None for build in builds):
        if not ((site / "index.html").is_file() and (site / "pagefind" / "pagefind.js").is_file()):
            incomplete.append(sorted(p.name for p in project.iterdir()))
        time.sleep(0.05)
    outputs = [build.communicate() for build in builds]
    assert all(build.returncode == 0 for build in builds), outputs
    assert sum(publish.WAITING in err for _, err in outputs) == 1, outputs
    assert not incomplete, f"site/ was incomplete while the builds ran: {incomplete[:3]}"
    assert len(list((project / publish.RELEASES).iterdir())) == 1, list((project / publish.RELEASES).iterdir())
