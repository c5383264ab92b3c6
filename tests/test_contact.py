"""Functional mailboxes: optional per party and for Følgegruppen's secretariat, checked as e-mail addresses with a
Danish message, shown as escaped mailto links on their pages (the calendar side is in test_calendar_links.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vidensportal.catalog import load_catalog
from vidensportal.errors import DataError

from .support import add_mailboxes, build_ok, copy_project


def problems_of(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalog(data)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("address", ["sikkerby", "sikker by@enhed.example", 'x@y.dk"><script>alert(1)</script>'])
def test_a_mailbox_that_is_not_an_address_is_one_danish_line(project, address):
    """'postkasse: <not an address>' on a party names file, line, entry and field and how to write it."""
    path = project / "data/parter/sikker-by.yml"
    text = path.read_text(encoding="utf-8")
    after = "forælder: oekonomiforvaltningen\n"
    path.write_text(text.replace(after, f"{after}postkasse: '{address}'\n"), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "postkasse" in row)
    [problem] = problems_of(project / "data")
    assert problem.startswith(f"data/parter/sikker-by.yml, linje {line}: felt 'postkasse': "), problem
    assert "er ikke en e-mailadresse" in problem and "navn@domæne.dk" in problem, problem


@pytest.fixture(scope="module")
def with_mailboxes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("kontakt") / "projekt")
    add_mailboxes(project)
    return build_ok(project)


@pytest.mark.slow
def test_the_mailboxes_show_on_their_pages_as_mailto_links(with_mailboxes):
    """Sikker By's page and the Følgegruppe page (under Kontakt) link the mailboxes with mailto."""
    party = (with_mailboxes / "parter/sikker-by/index.html").read_text(encoding="utf-8")
    group = (with_mailboxes / "foelgegruppe/index.html").read_text(encoding="utf-8")
    problems = []
    if '<strong>Funktionspostkasse:</strong> <a href="mailto:sikkerby@enhed.example">' not in party:
        problems.append("no mailbox on Sikker By's page")
    if 'id="kontakt"' not in group or '<a href="mailto:sekretariat@enhed.example">' not in group:
        problems.append("no Kontakt with the secretariat's mailbox on the Følgegruppe page")
    assert not problems, problems


@pytest.mark.slow
def test_negative_control_the_shipped_site_names_no_mailbox(built_site):
    """The shipped data has no mailbox: no page has a mailto link, yet every party page and the Følgegruppe page
    have a Kontakt section that names the secretariat (EAS and Sikker By) and links to their pages."""
    with_mailto = [str(p) for p in built_site.rglob("*.html") if "mailto:" in p.read_text(encoding="utf-8")]
    pages = [built_site / "foelgegruppe/index.html", *sorted((built_site / "parter").glob("*/index.html"))]
    without = [
        str(page.relative_to(built_site))
        for page in pages
        if 'id="kontakt"' not in (text := page.read_text(encoding="utf-8"))
        or any(
            not re.search(rf'href="[^"]*\b{unit}/"', text.split('id="kontakt"', 1)[-1])
            for unit in ("eas", "sikker-by")
            if page.parent.name != unit  # a unit's own page does not link to itself
        )
    ]
    assert len(pages) > 10 and not with_mailto and not without, (with_mailto, without)


@pytest.mark.slow
def test_a_party_with_a_mailbox_names_it_under_kontakt(with_mailboxes):
    """A party with a postkasse gives it under Kontakt; one without points to the secretariat and its mailbox."""
    own = (with_mailboxes / "parter/sikker-by/index.html").read_text(encoding="utf-8")
    other = (with_mailboxes / "parter/cuku/index.html").read_text(encoding="utf-8")
    kontakt = own.split('id="kontakt"', 1)[-1]
    problems = []
    if 'href="mailto:sikkerby@enhed.example"' not in kontakt:
        problems.append("Sikker By's own mailbox is not under Kontakt")
    if 'href="mailto:sekretariat@enhed.example"' not in other.split('id="kontakt"', 1)[-1]:
        problems.append("CUKU's Kontakt does not give the secretariat's mailbox")
    assert not problems, problems
