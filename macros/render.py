"""Catalog → Markdown fragments for the macros and the generated pages; every data value escaped."""

from __future__ import annotations

from .catalog import Catalog
from .dates import danish_date, danish_period
from .model import Party, Track
from .paths import GOALS_PAGE, PARTIES_INDEX, party_page, track_page
from .text import bullets, link, md


def track_label(track: Track) -> str:
    return f"{track.number}. {track.name}"


def party_line(party: Party, here: str) -> str:
    line = link(here, party_page(party.id), party.label)
    if party.note:
        line += f" – {md(party.note)}"
    if party.left:
        line += f" *(udtrådt {md(danish_date(party.left))})*"
    return line


def _party_tree(catalog: Catalog, parties: list[Party], here: str, depth: int = 0) -> list[str]:
    lines = []
    for party in parties:
        lines.append("    " * depth + "- " + party_line(party, here))
        lines += _party_tree(catalog, catalog.children(party.id), here, depth + 1)
    return lines


def parties_overview(catalog: Catalog, here: str) -> str:
    """Every party, grouped by authority and then by forvaltning/afdeling, with sub-units nested."""
    sections = []
    for authority in catalog.authorities.values():
        own = [p for p in catalog.parties.values() if p.authority == authority.id]
        top = [p for p in own if p.parent is None]
        sections.append(f"## {md(authority.name)}\n")
        if top:
            sections.append("\n".join(_party_tree(catalog, top, here)) + "\n")
        for department in catalog.departments.values():
            members = catalog.children(department.id)
            if department.authority == authority.id and members:
                sections.append(f"### {md(department.name)}\n")
                sections.append("\n".join(_party_tree(catalog, members, here)) + "\n")
        if not own:
            sections.append("*Ingen enheder fra denne myndighed er registreret som part.*\n")
    return "\n".join(sections)


def parties_summary(catalog: Catalog, here: str) -> str:
    """One sentence: how many units per authority, linking to the overview."""
    counts = []
    for authority in catalog.authorities.values():
        count = sum(1 for p in catalog.parties.values() if p.authority == authority.id and not p.left)
        counts.append(f"{count} fra {md(authority.name)}")
    total = sum(1 for p in catalog.parties.values() if not p.left)
    overview = link(here, PARTIES_INDEX, "Se alle parter")
    return f"Aftalen har {total} parter: {' og '.join(counts)}. {overview}."


def tracks_overview(catalog: Catalog, here: str) -> str:
    """The four tracks as cards: number, name, purpose."""
    cards = []
    for track in catalog.tracks.values():
        cards.append(
            f"-   **{link(here, track_page(track.id), track_label(track))}**\n\n    ---\n\n    {md(track.purpose)}"
        )
    return '<div class="grid cards" markdown>\n\n' + "\n\n".join(cards) + "\n\n</div>"


def goals_overview(catalog: Catalog, here: str) -> str:
    """Why the agreement follows the Sikker By goals, the goals with their sub-goals, and the footnote."""
    strategy = catalog.strategy
    lines = []
    for goal in strategy.goals:
        lines.append(f"- **{md(goal.name)}**")
        lines += [f"    - {md(sub.name)}" for sub in goal.subgoals]
    parts = [md(strategy.relation), f"## Målene i {md(strategy.name)} {md(strategy.period)}", "\n".join(lines)]
    if strategy.note:
        parts.append(f'!!! note "Hvis strategien ændres"\n    {md(strategy.note)}')
    return "\n\n".join(parts)


def goals_summary(catalog: Catalog, here: str) -> str:
    names = " og ".join(md(goal.name) for goal in catalog.strategy.goals)
    strategy = f"{md(catalog.strategy.name)} {md(catalog.strategy.period)}"
    return f"Aftalen sigter efter målene i {strategy}: {names}. {link(here, GOALS_PAGE, 'Se målene')}."


def agreement_purpose(catalog: Catalog, here: str) -> str:
    return bullets([md(p) for p in catalog.agreement.purpose], "Aftalen angiver intet formål.")


def agreement_commitments(catalog: Catalog, here: str) -> str:
    return bullets([md(c) for c in catalog.agreement.commitments], "Aftalen angiver ingen forpligtelser.")


def organisation(catalog: Catalog, here: str) -> str:
    """Følgegruppen: who meets, how often, who plans it, and the yearly overview and status."""
    group = catalog.agreement.follow_up_group
    facilitators = " og ".join(link(here, party_page(f), catalog.parties[f].label) for f in group.facilitators)
    return "\n".join(
        [
            f"## {md(group.name)}\n",
            f"Samarbejdsaftalen er forankret i {md(group.name)}, der mødes {md(group.meets)}.\n",
            f"- **Deltagere:** {md(group.participants)}",
            f"- **Planlægges og faciliteres af:** {facilitators}",
            f"- **Mindst antal møder om året:** {group.min_meetings_per_year}\n",
            "## Årlig oversigt over indsatser\n",
            md(group.yearly_overview) + "\n",
            "## Årlig status\n",
            md(group.yearly_status) + "\n",
        ]
    )


def economy_and_period(catalog: Catalog, here: str) -> str:
    agreement = catalog.agreement
    return f"## Økonomi\n\n{md(agreement.economy)}\n\n## Aftaleperiode\n\n{md(agreement.period)}\n"


def party_facts(catalog: Catalog, party: Party, here: str) -> str:
    """The facts block at the top of a party page."""
    authority = catalog.authorities[party.authority]
    facts = [f"**Myndighed:** {md(authority.name)}"]
    if party.parent in catalog.parties:
        facts.append(f"**Hører under:** {party_line(catalog.parties[party.parent], here)}")
    elif party.parent in catalog.departments:
        facts.append(f"**Hører under:** {md(catalog.departments[party.parent].name)}")
    if party.note:
        facts.append(f"**Bemærkning:** {md(party.note)}")
    facts.append(f"**Tiltrådt aftalen:** {md(danish_period(party.joined))}")
    if party.left:
        facts.append(f"**Udtrådt af aftalen:** {md(danish_date(party.left))}")
    return bullets(facts, "")


def party_role(party: Party) -> str:
    return md(party.role) if party.role else "*Aftalen beskriver ikke en særskilt rolle for enheden.*"


def party_tracks(catalog: Catalog, party: Party, here: str) -> str:
    lines = [link(here, track_page(t), track_label(catalog.tracks[t])) for t in party.tracks]
    return bullets(lines, "Aftalen knytter ikke enheden til et bestemt spor.")


def party_children(catalog: Catalog, party: Party, here: str) -> str | None:
    children = catalog.children(party.id)
    return "\n".join(_party_tree(catalog, children, here)) if children else None


def track_examples(track: Track) -> str:
    return bullets([md(e) for e in track.examples], "Aftalen nævner ingen eksempler for sporet.")


def track_parties(catalog: Catalog, track: Track, here: str) -> str:
    lines = [party_line(p, here) for p in catalog.parties_in_track(track.id)]
    return bullets(lines, "Aftalen knytter ikke navngivne parter til dette spor.")


def track_actors(catalog: Catalog, track: Track) -> str | None:
    actors = catalog.actors_in_track(track.id)
    return bullets([md(a.name) for a in actors], "") if actors else None


def tracks_list(catalog: Catalog, here: str) -> str:
    lines = [f"{link(here, track_page(t.id), track_label(t))}: {md(t.purpose)}" for t in catalog.tracks.values()]
    return bullets(lines, "Der er ingen spor i data/spor.yml.")
