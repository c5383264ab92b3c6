"""Every data value that reaches HTML is escaped: markup, Markdown and Jinja in data/ show as text."""

from __future__ import annotations

import pytest

from .support import build_ok, search_records

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_PURPOSE = "[klik](javascript:alert(2)) {{ 7*7 }} **fed** <img src=x onerror=alert(3)>"


def _plant(project) -> None:
    parties = project / "data" / "parter" / "eas.yml"
    text = parties.read_text(encoding="utf-8")
    parties.write_text(text.replace("navn: Efterretnings- og Analysesektion", f'navn: "{HOSTILE_NAME}"'), "utf-8")
    tracks = project / "data" / "spor.yml"
    text = tracks.read_text(encoding="utf-8")
    tracks.write_text(text.replace("Styrket fokus på", f"'{HOSTILE_PURPOSE}' Styrket fokus på", 1), "utf-8")


@pytest.mark.slow
def test_hostile_data_is_shown_as_text_everywhere(project):
    """A name like <script>alert(1)</script> and Markdown/Jinja in a field show as text and never run."""
    _plant(project)
    site = build_ok(project)
    pages = {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    live = ["<script>alert(1)", 'href="javascript', "<img src=x", "<strong>fed</strong>"]
    leaks = [f"{path}: {needle}" for path, html in pages.items() for needle in live if needle in html]
    assert not leaks, "unescaped data in the built site:\n" + "\n".join(leaks)
    eas = pages["parter/eas/index.html"]
    shown = ["&lt;script&gt;alert(1)&lt;/script&gt;", "<title>&lt;script&gt;alert(1)&lt;/script&gt;"]
    missing = [needle for needle in shown if needle not in eas]
    assert not missing, f"the name is not shown as text on its page: {missing}"
    assert "49" not in pages["spor/bekaempelse/index.html"].split("md-content")[1], "Jinja in data was evaluated"


@pytest.mark.slow
def test_search_index_holds_hostile_titles_as_text(project):
    """The search index holds a hostile name as plain text (the search box shows it with textContent)."""
    _plant(project)
    site = build_ok(project)
    record = search_records(site)["parter/eas/"]
    assert record["meta"]["title"].startswith("<script>alert(1)</script>"), record["meta"]
    assert "alert(1)" in record["content"], "negative control: the hostile name is not in the page's text"


@pytest.mark.slow
def test_negative_control_plain_markup_in_docs_is_rendered(project):
    """Negative control: Markdown a contributor writes in docs/ is rendered, so the checks above can fail."""
    page = project / "docs" / "aftalen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n**fed** tekst\n", encoding="utf-8")
    site = build_ok(project)
    assert "<strong>fed</strong>" in (site / "aftalen" / "index.html").read_text(encoding="utf-8")
