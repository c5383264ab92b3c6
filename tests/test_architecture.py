"""The shape of the code: the engine imports no builder; only the adapter in macros/ does, and it stays thin."""

from __future__ import annotations

import ast
import builtins
import dataclasses

from vidensportal.catalog import Catalog
from vidensportal.paths import NEWS_FEED
from vidensportal.settings import SiteSettings

from .support import ROOT

BUILDERS = {"mkdocs", "mkdocs_macros", "material", "jinja2"}
ADAPTER_LINE_BUDGET = 300  # the adapter translates; the engine decides
# What a condition in the adapter must not read: the catalog or any of its collections.
CATALOG_NAMES = {"catalog", *(field.name for field in dataclasses.fields(Catalog))}


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


def _adapter_sources() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted((ROOT / "macros").glob("*.py"))}


def conditions(source: str) -> list[ast.expr]:
    """Every expression the code branches on: if, while, assert, conditional expressions, comprehension filters,
    match subjects and the operands of and/or."""
    found: list[ast.expr] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If | ast.IfExp | ast.While | ast.Assert):
            found.append(node.test)
        elif isinstance(node, ast.comprehension):
            found += node.ifs
        elif isinstance(node, ast.Match):
            found.append(node.subject)
        elif isinstance(node, ast.BoolOp):
            found += node.values
    return found


def _read_names(node: ast.AST) -> set[str]:
    """The names and attributes an expression reads itself; what it only hands to a function (the engine's,
    which decides) is not counted."""
    if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and hasattr(builtins, node.func.id)):
        return _read_names(node.func)  # len(), any() … read what they are given
    names = {node.attr} if isinstance(node, ast.Attribute) else {node.id} if isinstance(node, ast.Name) else set()
    return names.union(*(_read_names(child) for child in ast.iter_child_nodes(node)))


def catalog_reads(source: str) -> list[str]:
    """The conditions in `source` that read the catalog or one of its collections, as source text, sorted."""
    return sorted(ast.unparse(c) for c in conditions(source) if _read_names(c) & CATALOG_NAMES)


def test_the_adapter_never_branches_on_catalog_data():
    """No condition in macros/ reads the catalog: what is published, and how, is decided in the engine."""
    offenders = {name: found for name, source in _adapter_sources().items() if (found := catalog_reads(source))}
    assert not offenders, f"conditions in the adapter that read the catalog: {offenders}"


def test_negative_control_a_branch_on_catalog_data_is_seen():
    """Negative control: a branch on the catalog's events, in any form, is found; a branch on a page's meta is not."""
    source = (
        "if build.catalog.events:\n    pass\n"
        "x = [e for e in items if e in catalog.materials]\n"
        "y = build.catalog and 1\n"
        "z = 1 if len(build.catalog.parties) > 3 else 2\n"
        "if env.page.meta.get('render_macros') is False:\n    pass\n"
    )
    expected = ["build.catalog", "build.catalog.events", "e in catalog.materials", "len(build.catalog.parties) > 3"]
    assert catalog_reads(source) == expected, source


def test_the_adapter_never_imports_the_data_layer():
    """macros/ never imports vidensportal.data: records, models and validation are the engine's alone."""
    offenders = {}
    for name, source in _adapter_sources().items():
        for node in ast.walk(ast.parse(source)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            modules += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if found := [m for m in modules if m == "vidensportal.data" or m.startswith("vidensportal.data.")]:
                offenders[name] = found
    assert not offenders, f"adapter modules importing vidensportal.data: {offenders}"


def test_the_adapter_stays_thin():
    """macros/, the adapter, comes to at most 300 lines together."""
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


def settings_read_raw(template: str) -> list[str]:
    """Our settings read from raw config.extra, and the feed's address written as a literal, in a template."""
    ours = {field.alias for field in SiteSettings.model_fields.values() if field.alias}
    raw = [f"config.extra.{key}" for key in sorted(ours) if f"config.extra.{key}" in template]
    return raw + ([NEWS_FEED] if NEWS_FEED in template else [])


def test_templates_read_the_validated_settings_not_raw_config():
    """overrides/ shows the classification, the accessibility statement and the feed from the validated settings
    and paths.py (the `vidensportalen` values the adapter hands the templates), never from raw config.extra."""
    templates = {str(p.relative_to(ROOT)): p.read_text("utf-8") for p in (ROOT / "overrides").rglob("*.html")}
    offenders = {name: found for name, text in templates.items() if (found := settings_read_raw(text))}
    used = [name for name, text in templates.items() if "vidensportalen." in text]
    assert not offenders and used, f"raw settings in templates: {offenders}; templates reading them: {used}"


def test_negative_control_raw_settings_in_a_template_are_seen():
    """Negative control: the classification from config.extra and a literal feed address are both found."""
    template = '{{ config.extra.klassifikation }} <link href="{{ base_url }}/nyt.xml">'
    assert settings_read_raw(template) == ["config.extra.klassifikation", "nyt.xml"]
