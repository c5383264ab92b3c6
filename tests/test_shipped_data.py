"""The shipped data is valid and says what the agreement says: every party, track and goal is there."""

from __future__ import annotations

POLICE_UNITS = {
    "Efterretnings- og Analysesektion": "EAS",
    "Nærpolitiafdelingen": None,
    "Nærpolitiet": None,
    "Den Kriminalpræventive Sektion": "DKS",
    "Operativ Specialafdeling": "OSA",
    "Afdelingen for Organiseret Kriminalitet": "OC",
}
MUNICIPAL_UNITS = {
    "SSP/SSP+ København": None,  # the agreement names no forvaltning for SSP
    "Enheden for Kriminalpræventive Indsatser": "Socialforvaltningen",
    "Center for Forebyggelse og Rådgivning": "Socialforvaltningen",
    "Center for Udsatte og Kriminalitetstruede Unge": "Socialforvaltningen",
    "Specialenheden for styrket aktivering": "Beskæftigelses- og Integrationsforvaltningen",
    "Jobcenter København, Ungecenteret": "Beskæftigelses- og Integrationsforvaltningen",
    "Al Capone-samarbejdet": "Beskæftigelses- og Integrationsforvaltningen",
    "Sikker By": "Økonomiforvaltningen",
}


def _parties_of(catalog, authority_name: str) -> dict[str, object]:
    authority = next(a.id for a in catalog.authorities.values() if a.name == authority_name)
    return {p.name: p for p in catalog.parties.values() if p.authority == authority}


def test_every_police_unit_of_the_agreement_is_a_party(catalog):
    """Every unit of Københavns Politi that the agreement lists is a party, with its abbreviation."""
    parties = _parties_of(catalog, "Københavns Politi")
    missing = [name for name in POLICE_UNITS if name not in parties]
    wrong = [name for name, abbr in POLICE_UNITS.items() if name in parties and parties[name].abbreviation != abbr]
    assert not missing and not wrong, f"missing: {missing}; wrong abbreviation: {wrong}"


def test_naerpolitiet_and_dks_sit_under_naerpolitiafdelingen(catalog):
    """The agreement places Nærpolitiet and DKS beneath Nærpolitiafdelingen."""
    parents = {p.name: p.parent for p in catalog.parties.values()}
    wrong = [n for n in ("Nærpolitiet", "Den Kriminalpræventive Sektion") if parents[n] != "naerpolitiafdelingen"]
    assert not wrong, f"not under naerpolitiafdelingen: {wrong}"


def test_every_municipal_unit_of_the_agreement_is_a_party_under_its_forvaltning(catalog):
    """Every unit of Københavns Kommune is a party, under the forvaltning the agreement names."""
    parties = _parties_of(catalog, "Københavns Kommune")
    problems = []
    for name, forvaltning in MUNICIPAL_UNITS.items():
        if name not in parties:
            problems.append(f"{name}: missing")
            continue
        parent = parties[name].parent
        actual = catalog.departments[parent].name if parent in catalog.departments else None
        if actual != forvaltning:
            problems.append(f"{name}: under {actual!r}, expected {forvaltning!r}")
    assert not problems, "; ".join(problems)


def test_there_are_no_parties_the_agreement_does_not_name(catalog):
    """No party is invented: the parties are exactly the agreement's fourteen units."""
    extra = {p.name for p in catalog.parties.values()} - set(POLICE_UNITS) - set(MUNICIPAL_UNITS)
    assert not extra, f"parties not in the agreement: {sorted(extra)}"


def test_all_parties_joined_at_the_signing_ultimo_2019(catalog):
    """Every shipped party joined when the agreement was concluded, ultimo 2019, and none has left."""
    wrong = [p.id for p in catalog.parties.values() if p.joined != "ultimo 2019" or p.left is not None]
    assert not wrong, f"wrong joined/left: {wrong}"


def test_the_four_tracks_with_their_numbers_and_names(catalog):
    """The four tracks of the agreement are there, numbered 1-4, each with purpose and examples."""
    expected = {
        1: "Forebyggelse",
        2: "Bekæmpelse",
        3: "Samarbejde med eksterne parter",
        4: "Vidensdeling og vidensopbygning",
    }
    actual = {t.number: t.name for t in catalog.tracks.values()}
    empty = [t.id for t in catalog.tracks.values() if not t.purpose or not t.examples]
    assert actual == expected and not empty, f"tracks {actual}; without purpose or examples: {empty}"


def test_sikker_by_goals_and_subgoals(catalog):
    """The Sikker By strategy 2018–2021 goals are 'Øget tryghed' and 'Mindre kriminalitet' with four sub-goals."""
    goals = {g.name: [s.name for s in g.subgoals] for g in catalog.strategy.goals}
    assert catalog.strategy.period == "2018–2021", catalog.strategy.period  # a range takes an en dash
    assert list(goals) == ["Øget tryghed", "Mindre kriminalitet"], list(goals)
    assert goals["Mindre kriminalitet"] == [
        "Færre københavnske unge begår kriminalitet",
        "Færre unge mellem 18 og 25 år begår alvorlig eller personfarlig kriminalitet",
        "Færre bandemedlemmer i København",
        "Færre lokalområder med tryghedsudfordringer",
    ], goals["Mindre kriminalitet"]


def test_external_actors_of_track_3(catalog):
    """The external actors the agreement names for track 3 are all there and in track 3."""
    names = {a.name for a in catalog.actors_in_track("eksterne-parter")}
    expected = {
        "Boligselskaber",
        "Boligsociale indsatser",
        "Kriminalforsorgen",
        "Justitsministeriet",
        "Psykiatrien",
        "Private virksomheder",
        "Andre kommuner",
        "Andre politikredse",
    }
    assert names == expected, f"missing: {expected - names}; extra: {names - expected}"


def test_organisation_of_the_cooperation(catalog):
    """Følgegruppen meets at least four times a year and is planned by EAS and Sikker By."""
    group = catalog.agreement.follow_up_group
    assert group.min_meetings_per_year == 4, group.min_meetings_per_year
    assert set(group.facilitators) == {"eas", "sikker-by"}, group.facilitators
    assert len(catalog.agreement.commitments) == 3, catalog.agreement.commitments
    assert catalog.agreement.concluded == "ultimo 2019", catalog.agreement.concluded
