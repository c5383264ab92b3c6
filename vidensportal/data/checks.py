"""Cross-checks of the agreement's facts: references resolve, numbers are unique, parents form no loop."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from vidensportal.content.dates import danish_date
from vidensportal.data.model import Party, Strategy, period_year
from vidensportal.data.reader import DataReader, Record
from vidensportal.data.yamlfile import line_of
from vidensportal.errors import Problem
from vidensportal.guards.boundary import reserved_id


def check_track_numbers(reader: DataReader, track_records: list[Record]) -> None:
    seen: dict[int, str] = {}
    for record in track_records:
        number = record.item.number
        if number in seen:
            reader.problem(
                record,
                ("nummer",),
                f"spor nummer {number} bruges allerede af '{seen[number]}'. Giv sporet et andet nummer.",
            )
        seen.setdefault(number, record.item.id)


def check_references(
    reader, agreement, department_records, party_records, actor_records, authorities, departments, parties, tracks
) -> None:
    reader.refs(agreement, ("parter",), agreement.item.authorities, authorities, "myndighed")
    facilitators = agreement.item.follow_up_group.facilitators
    reader.refs(agreement, ("følgegruppe", "planlægges-af"), facilitators, parties, "part")
    for record in department_records:
        reader.ref(record, ("myndighed",), record.item.authority, authorities, "myndighed")
    parents = {**departments, **parties}
    for record in party_records:
        party = record.item
        reader.ref(record, ("myndighed",), party.authority, authorities, "myndighed")
        reader.ref(record, ("forælder",), party.parent, parents, "forælder (forvaltning eller part)")
        parent = parents.get(party.parent)
        if parent is not None and parent.authority != party.authority:
            reader.problem(
                record,
                ("forælder",),
                f"'{party.parent}' hører under en anden myndighed end '{party.id}'. Ret 'forælder' eller 'myndighed'.",
            )
        reader.refs(record, ("spor",), party.tracks, tracks, "spor")
        if party.left is not None and period_year(party.joined) > party.left.year:
            reader.problem(
                record, ("udtrådt",), "en enhed kan ikke udtræde, før den er tiltrådt. Ret 'udtrådt' eller 'tiltrådt'."
            )
    for record in actor_records:
        reader.refs(record, ("spor",), record.item.tracks, tracks, "spor")


def check_parent_cycles(reader: DataReader, party_records: list[Record], parties: Mapping[str, Party]) -> None:
    reported: set[frozenset] = set()
    for record in party_records:
        chain = [record.item.id]
        current = record.item.parent
        while current in parties:
            if current in chain:
                members = chain[chain.index(current) :]
                if frozenset(members) not in reported:
                    reported.add(frozenset(members))
                    loop = " → ".join([*members, current])
                    reader.problem(
                        record, ("forælder",), f"forælder-kæden går i ring: {loop}. Ret 'forælder' på en af dem."
                    )
                break
            chain.append(current)
            current = parties[current].parent


def goal_ids(strategy: Strategy) -> dict[str, str]:
    """Every Sikker By goal and sub-goal id, mapped to its name."""
    ids = {}
    for goal in strategy.goals:
        ids[goal.id] = goal.name
        ids.update({sub.id: sub.name for sub in goal.subgoals})
    return ids


def check_initiatives(reader: DataReader, records: list[Record], tracks, parties, strategy: Strategy, actors) -> None:
    goals = goal_ids(strategy)
    for record in records:
        item = record.item
        reader.refs(record, ("spor",), item.tracks, tracks, "spor")
        reader.refs(record, ("parter",), item.parties, parties, "part")
        reader.refs(record, ("sikker-by-mål",), item.goals, goals, "Sikker By-mål")
        reader.refs(record, ("eksterne-parter",), item.partners, actors, "ekstern aktør")


def check_reserved_ids(
    reader: DataReader, records: Iterable[Record], id_of: Callable[[Record], str | None], loc: tuple = ()
) -> None:
    """A problem for each record whose id is a name the site uses itself (index, kalender, search …): its page
    or file would take the place of the site's own."""
    for record in records:
        identifier = id_of(record)
        reason = reserved_id(identifier) if identifier else None
        if reason:
            reader.problem(record, (*loc, "id"), reason)


def check_statuses(reader: DataReader, records: Iterable[Record], today: date) -> None:
    """A warning (not an error: the day moves on while the file stands still) on the status line of an event or
    meeting whose status contradicts its date or its minutes."""
    for record in records:
        item, when = record.item, danish_date(record.item.day)
        if item.status == "planlagt" and getattr(item, "minutes", None) is not None:
            message = "mødet har et referat, men status er 'planlagt'. Skriv status: afholdt, eller fjern referatet."
        elif item.status == "afholdt" and item.day > today:
            message = f"status er 'afholdt', men datoen {when} er ikke kommet endnu. Skriv status: planlagt."
        elif item.status == "planlagt" and item.day < today:
            message = f"datoen {when} er gået, men status er stadig 'planlagt'. Skriv status: afholdt eller aflyst."
        else:
            continue
        reader.warnings.append(Problem(record.file, message, line_of(record.raw, ("status",)), None, "status"))
