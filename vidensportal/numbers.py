"""Counts in Danish: a number with its noun in the form the number takes ('1 vidensseminar', '2 vidensseminarer')."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Noun:
    """A word in its two forms: `one` after exactly 1, `many` after every other number (0 included)."""

    one: str
    many: str

    def form(self, number: int) -> str:
        return self.one if number == 1 else self.many


def danish_int(number: int) -> str:
    """A whole number as Danes write it: 1.234."""
    return f"{number:,}".replace(",", ".")


def count(number: int, noun: Noun) -> str:
    """'1 vidensseminar', '0 vidensseminarer', '1.200 materialer': the one way the site shows a count."""
    return f"{danish_int(number)} {noun.form(number)}"


SEMINAR = Noun("vidensseminar", "vidensseminarer")
NETWORK_MEETING = Noun("netværksmøde", "netværksmøder")
EVENT = Noun("arrangement", "arrangementer")
MATERIAL = Noun("materiale", "materialer")
MEETING = Noun("møde", "møder")
PAGE = Noun("side", "sider")
# Initiative statuses as adjectives after a number: '1 planlagt', '2 planlagte', '2 i gang'.
STATUS_ADJECTIVES = {
    "planlagt": Noun("planlagt", "planlagte"),
    "i gang": Noun("i gang", "i gang"),
    "afsluttet": Noun("afsluttet", "afsluttede"),
}
