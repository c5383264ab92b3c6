"""The README's map of the code matches the tree: every module named, nothing named that is gone."""

from __future__ import annotations

import re

from .support import ROOT

MAPPED = ("vidensportal", "macros")


def named_in(readme: str) -> set[str]:
    section = readme.split("### Kodens kort", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([\w/]+\.py)` \|", section, re.M))


def in_tree() -> set[str]:
    return {
        str(path.relative_to(ROOT))
        for folder in MAPPED
        for path in (ROOT / folder).rglob("*.py")
        # A package's docstring says enough, unless its __init__ holds code of its own (macros/, finish/).
        if path.name != "__init__.py" or "\ndef " in path.read_text(encoding="utf-8")
    }


def test_the_code_map_names_every_module_and_only_those():
    """Each module of the engine and the adapter is in the README's table, and each row is a real module."""
    named, present = named_in((ROOT / "README.md").read_text(encoding="utf-8")), in_tree()
    missing, gone = sorted(present - named), sorted(named - present)
    assert not missing and not gone, f"not in the README: {missing}; gone from the tree: {gone}"


def test_negative_control_a_missing_row_is_seen():
    """Negative control: a table without one of the modules does not match the tree."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8").replace("| `vidensportal/plan.py` |", "| plan |")
    assert "vidensportal/plan.py" in in_tree() - named_in(readme)
