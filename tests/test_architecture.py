"""The engine imports nothing from mkdocs; only the adapter (macros/__init__.py, hooks.py, static_copies.py) does."""

from __future__ import annotations

import ast

from .conftest import ROOT

ADAPTER = {"__init__.py", "hooks.py", "static_copies.py"}


def mkdocs_imports(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return [n for n in names if n.split(".")[0] in {"mkdocs", "mkdocs_macros", "material"}]


def test_engine_modules_do_not_import_mkdocs():
    """No module of the engine imports mkdocs, mkdocs-macros or Material."""
    engine = [p for p in sorted((ROOT / "macros").glob("*.py")) if p.name not in ADAPTER]
    offenders = {p.name: found for p in engine if (found := mkdocs_imports(p.read_text(encoding="utf-8")))}
    assert len(engine) >= 5, f"too few engine modules found: {engine}"
    assert not offenders, f"engine modules importing mkdocs: {offenders}"


def test_negative_control_the_check_sees_an_mkdocs_import():
    """Negative control: the import scan finds both import forms."""
    assert mkdocs_imports("import mkdocs.plugins\nfrom mkdocs.structure.files import File\n") == [
        "mkdocs.plugins",
        "mkdocs.structure.files",
    ]
