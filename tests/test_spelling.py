"""The site spells the strategy as Danish compounds are spelt: 'Sikker By-strategien', never 'Sikker By strategien'."""

from __future__ import annotations

import re

from .support import ROOT

UNHYPHENATED = re.compile(r"Sikker By\s+(strategi|styregrupp)")


def test_sikker_by_compounds_are_hyphenated_in_every_source():
    """No file in data/, docs/, vidensportal/ or overrides/ writes 'Sikker By strategi…' or 'Sikker By styregruppe…'."""
    sources = [p for part in ("data", "docs", "vidensportal", "overrides") for p in (ROOT / part).rglob("*")]
    found = [
        f"{path.relative_to(ROOT)}: {match[0]!r}"
        for path in sources
        if path.suffix in {".yml", ".md", ".py", ".html"}
        for match in UNHYPHENATED.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, "unhyphenated: " + "; ".join(found)


def test_negative_control_the_pattern_finds_a_line_broken_compound():
    """The check sees 'Sikker By' and 'strategien' split over two lines, as YAML's folded text writes them."""
    assert UNHYPHENATED.search("status på Sikker By\n  strategien") and not UNHYPHENATED.search("Sikker By-strategien")
