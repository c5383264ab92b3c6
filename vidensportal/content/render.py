"""Catalog → the agreement's parties, tracks and goals: Markdown for the macros, HTML for the generated pages."""

from __future__ import annotations

from markupsafe import Markup

from vidensportal.catalog import Catalog
from vidensportal.content import html
from vidensportal.content.dates import danish_date, danish_period
from vidensportal.content.text import bullets, link, md
from vidensportal.data.model import Party, Track
from vidensportal.paths import GOALS_PAGE, PARTIES_INDEX, party_page, track_page


def track_label(track: Track) -> str:
    return f"{track.number}. {track.name}"


def party_line(party: Party, here: str) -> Markup:
    line = html.link(here, party_page(party.id), party.label)
    if party.note:
        line += Markup(" – %s") % (html.text(party.note),)
    if party.left:
        line += Markup(" <em>(udtrådt %s)</em>") % (danish_date(party.left),)
    return line


def party_tree(catalog: Catalog, parties: list[Party], here: str) -> Markup:
    """The parties as a list, each with its sub-units in a list of their own."""
    items = []
    for party in parties:
        children = catalog.children(party.id)
        below = Markup("\n") + party_tree(catalog, children, here) if children else Markup("")
        items.append(party_line(party, here) + below)
    return html.bullet_list(items)


def parties_overview(catalog: Catalog, here: str) -> str:
    """Every party, grouped by authority and then by forvaltning/afdeling, with sub-units nested."""
    sections = []
    for group in catalog.organisation():
        sections.append(f"## {md(group.authority.name)}")
        if group.top:
            sections.append(party_tree(catalog, group.top, here))
        for department, members in group.departments:
            sections.append(f"### {md(department.name)}")
            sections.append(party_tree(catalog, members, here))
        if not group.parties:
            sections.append("*Ingen enheder fra denne myndighed er registreret som part.*")
    return "\n\n".join(str(s) for s in sections) + "\n"


def parties_summary(catalog: Catalog, here: str) -> str:
    """Who the parties are, in the agreement's words (it gives no count), linking to the overview."""
    return f"{md(catalog.agreement.key_actors)} {link(here, PARTIES_INDEX, 'Se alle parter')}."


def agreement_title(catalog: Catalog, here: str) -> str:
    """The agreement as its cover names it: title, the two authorities and the year, and when it was concluded."""
    agreement = catalog.agreement
    authorities = " og ".join(md(catalog.authorities[a].name) for a in agreement.authorities)
    return (
        f"*{md(agreement.title)}* mellem {authorities}, {agreement.year}. "
        f"Aftalen er indgået {md(danish_period(agreement.concluded))}."
    )


def agreement_key_actors(catalog: Catalog, here: str) -> str:
    """The agreement's own words on who its parties are, what they contribute and who can join."""
    return f"{md(catalog.agreement.key_actors)} {link(here, PARTIES_INDEX, 'Se parterne')}."


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


def agreement_background(catalog: Catalog, here: str) -> str:
    """The agreement's background as it states it: the cooperation since 2013 that it builds on."""
    return md(catalog.agreement.background)


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
            f"- **Møder om året:** mindst {group.min_meetings_per_year}\n",
            "## Årlig oversigt over indsatser\n",
            md(group.yearly_overview) + "\n",
            "## Årlig status\n",
            md(group.yearly_status) + "\n",
        ]
    )


def economy_and_period(catalog: Catalog, here: str) -> str:
    agreement = catalog.agreement
    return f"## Økonomi\n\n{md(agreement.economy)}\n\n## Aftaleperiode\n\n{md(agreement.period)}\n"


def party_facts(catalog: Catalog, party: Party, here: str) -> Markup:
    """The facts block at the top of a party page."""
    authority = catalog.authorities[party.authority]
    facts: list[tuple[str, object]] = [("Myndighed", html.text(authority.name))]
    if party.parent in catalog.parties:
        facts.append(("Hører under", party_line(catalog.parties[party.parent], here)))
    elif party.parent in catalog.departments:
        facts.append(("Hører under", html.text(catalog.departments[party.parent].name)))
    if party.note:
        facts.append(("Bemærkning", html.text(party.note)))
    facts.append(("Tiltrådt aftalen", html.text(danish_period(party.joined))))
    if party.left:
        facts.append(("Udtrådt af aftalen", danish_date(party.left)))
    if party.mailbox:
        facts.append(("Funktionspostkasse", html.mailto(party.mailbox)))
    return html.facts(facts)


def party_contact(catalog: Catalog, party: Party, here: str) -> Markup:
    """Whom to write to about the unit: its own functional mailbox, else the secretariat the agreement names (the
    units that plan Følgegruppen's meetings) with their pages and mailboxes. Never an invented address."""
    if party.mailbox:
        return html.paragraph(Markup("Skriv til %s: ") % party.tag + html.mailto(party.mailbox))
    group = catalog.agreement.follow_up_group
    units = [catalog.parties[f] for f in group.facilitators]
    names = [html.link(here, party_page(unit.id), unit.tag) for unit in units]
    joined = names[0] if len(names) == 1 else Markup(", ").join(names[:-1]) + Markup(" og ") + names[-1]
    sentence = Markup("Portalen har ingen funktionspostkasse for %s. Samarbejdets sekretariat er %s, der planlægger "
                      "Følgegruppens møder") % (party.tag, joined)
    mailboxes = [(group.name, group.mailbox)] if group.mailbox else []
    mailboxes += [(unit.tag, unit.mailbox) for unit in units if unit.mailbox and unit.id != party.id]
    if mailboxes:
        boxes = [Markup("%s: ") % name + html.mailto(box) for name, box in mailboxes]
        sentence += Markup(": ") + Markup("; ").join(boxes)
    return html.paragraph(sentence + Markup("."))


def party_role(party: Party) -> Markup:
    if party.role:
        return html.paragraph(party.role)
    return html.empty_note("Aftalen beskriver ikke en særskilt rolle for enheden.")


def party_tracks(catalog: Catalog, party: Party, here: str) -> Markup:
    lines = [html.link(here, track_page(t), track_label(catalog.tracks[t])) for t in party.tracks]
    return html.bullet_list(lines, "Aftalen knytter ikke enheden til et bestemt spor.")


def party_children(catalog: Catalog, party: Party, here: str) -> Markup | None:
    children = catalog.children(party.id)
    return party_tree(catalog, children, here) if children else None


def track_examples(track: Track) -> Markup:
    return html.bullet_list([html.text(e) for e in track.examples], "Aftalen nævner ingen eksempler for sporet.")


def track_parties(catalog: Catalog, track: Track, here: str) -> Markup:
    lines = [party_line(p, here) for p in catalog.parties_in_track(track.id)]
    return html.bullet_list(lines, "Aftalen knytter ikke navngivne parter til dette spor.")


def track_actors(catalog: Catalog, track: Track) -> Markup | None:
    actors = catalog.actors_in_track(track.id)
    return html.bullet_list([html.text(a.name) for a in actors]) if actors else None


def tracks_list(catalog: Catalog, here: str) -> str:
    lines = [f"{link(here, track_page(t.id), track_label(t))}: {md(t.purpose)}" for t in catalog.tracks.values()]
    return bullets(lines, "Der er ingen spor i data/spor.yml.")
