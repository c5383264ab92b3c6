"""`make build` publishes a site a web server can serve: 755/644 whatever the umask, an atomic swap when site/
is a link, leftovers cleaned, and a full disk or a crash as one Danish line with the previous site untouched."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from tools import build_site


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
    """.site-new-* folders and .site-old from an interrupted run are gone after the next build."""
    for name in (".site-new-abc", ".site-old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.html").write_text("x", encoding="utf-8")
    (tmp_path / "andet").mkdir()
    assert build_site.build(tmp_path / "site", fake_site("x")) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["andet", "site"]


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
