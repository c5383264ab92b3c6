"""The pipeline's first stage belongs to the engine: the page macros get the build without any hook having run,
and the build is read once per configuration."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import macros
from vidensportal.content.macro_table import DATED_MACROS, MACROS, SITE_MACROS

from .support import ROOT, copy_project, replace_in


class MacrosOnlyBuilder:
    """What a builder that runs mkdocs-macros modules but no mkdocs hooks gives define_env: a plain config."""

    def __init__(self, project) -> None:
        self.conf = {
            "config_file_path": str(project / "mkdocs.yml"),
            "docs_dir": str(project / "docs"),
            "extra": {"klassifikation": "intern"},
            "use_directory_urls": True,
        }
        self.macros: dict[str, object] = {}
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri="index.md"))

    def macro(self, function, name: str) -> None:
        self.macros[name] = function


def test_every_macro_renders_without_a_hook_having_run():
    """define_env on a plain config (no hook has run) registers every macro, each one renders, and the catalog's,
    the dated and the site's macros give their content (Følgegruppen's contact is empty without a mailbox)."""
    builder = MacrosOnlyBuilder(ROOT)
    macros.define_env(builder)
    missing = sorted({*MACROS, *DATED_MACROS, *SITE_MACROS} - set(builder.macros))
    rendered = {name: str(function()) for name, function in builder.macros.items()}
    empty = [name for name in ("parter_oversigt", "seminar_oversigt", *SITE_MACROS) if not rendered[name].strip()]
    assert not missing and not empty, f"not registered: {missing}; rendered nothing: {empty}"


def test_the_build_is_read_once_per_configuration(monkeypatch):
    """build_of reads the build at the first call for a configuration and hands the same Build to later callers
    (hooks and macros alike); a new configuration (the next `mkdocs serve` rebuild) reads it again."""
    reads = []
    real = macros.load_build
    monkeypatch.setattr(macros, "load_build", lambda *args: reads.append(args) or real(*args))
    first = MacrosOnlyBuilder(ROOT)
    assert macros.build_of(first.conf) is macros.build_of(first.conf)
    macros.define_env(first)
    assert len(reads) == 1, reads
    macros.build_of(MacrosOnlyBuilder(ROOT).conf)
    assert len(reads) == 2, reads


def test_bad_data_stops_the_macros_with_the_danish_error_not_a_traceback(tmp_path):
    """Negative control: with a broken data file, define_env stops with the builder's error and the Danish
    message naming the file."""
    project = copy_project(tmp_path / "projekt")
    replace_in(project / "data" / "parter" / "al-capone.yml", "spor: [bekaempelse]", "spor: [bekampelse]")
    with pytest.raises(PluginError, match=r"data/parter/al-capone\.yml, linje \d+.*mente du 'bekaempelse'"):
        macros.define_env(MacrosOnlyBuilder(project))
