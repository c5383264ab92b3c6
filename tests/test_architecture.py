"""The shape of the code: the engine imports no builder; only the adapter in macros/ does, and it stays thin."""

from __future__ import annotations

import ast

from .support import ROOT

BUILDERS = {"mkdocs", "mkdocs_macros", "material", "jinja2"}
ADAPTER_LINE_BUDGET = 420  # "about 400 lines": the adapter translates (and copies in a thread), the engine decides


def builder_imports(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return [n for n in names if n.split(".")[0] in BUILDERS]


def test_engine_modules_do_not_import_a_builder():
    """No module of the engine (vidensportal/) imports mkdocs, mkdocs-macros, Material or Jinja."""
    engine = sorted((ROOT / "vidensportal").rglob("*.py"))
    offenders = {str(p.relative_to(ROOT)): found for p in engine if (found := builder_imports(p.read_text("utf-8")))}
    assert len(engine) >= 20, f"too few engine modules found: {engine}"
    assert not offenders, f"engine modules importing a builder: {offenders}"


def test_every_builder_import_sits_in_the_adapter():
    """Every project file that imports mkdocs, Material, mkdocs-macros or Jinja lives in macros/."""
    python = [p for folder in ("vidensportal", "macros", "tools") for p in (ROOT / folder).rglob("*.py")]
    outside = [str(p.relative_to(ROOT)) for p in python if p.parent.name != "macros" and builder_imports(p.read_text())]
    assert not outside, f"builder imports outside macros/: {outside}"


def test_the_adapter_stays_thin():
    """macros/, the adapter, comes to about 400 lines together."""
    lines = {p.name: len(p.read_text("utf-8").splitlines()) for p in sorted((ROOT / "macros").glob("*.py"))}
    assert sum(lines.values()) <= ADAPTER_LINE_BUDGET, f"the adapter has {sum(lines.values())} lines: {lines}"


def test_no_folder_holds_more_than_a_dozen_modules():
    """Folders show the flow: none of the engine's folders holds more than about a dozen modules."""
    crowded = {
        str(folder.relative_to(ROOT)): count
        for folder in [ROOT / "vidensportal", *(ROOT / "vidensportal").rglob("*/")]
        if folder.is_dir() and (count := len([p for p in folder.glob("*.py") if p.name != "__init__.py"])) > 13
    }
    assert not crowded, f"folders with too many modules: {crowded}"


def test_negative_control_the_check_sees_a_builder_import():
    """Negative control: the import scan finds both import forms and Jinja."""
    assert builder_imports("import mkdocs.plugins\nfrom mkdocs.structure.files import File\nimport jinja2\n") == [
        "mkdocs.plugins",
        "mkdocs.structure.files",
        "jinja2",
    ]
