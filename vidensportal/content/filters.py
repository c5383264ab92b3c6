"""The filter bar above a long listing: labelled selects, a live count and a sentence for no match.

It is progressive enhancement: the bar is hidden until docs/assets/vidensportal.js shows it, so without the
script the whole listing shows. The script keeps the listing's `.vp-item`s whose `data-vp-<key>` (values
separated by spaces) holds the value chosen in `<select data-vp-key="<key>">`, and hides each `.vp-group`
left empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from vidensportal.content.numbers import Noun


@dataclass(frozen=True)
class Field:
    """One select: its key, its Danish label, the word for 'all' and the (value, label) choices."""

    key: str
    label: str
    all_label: str
    choices: Sequence[tuple[str, str]]


def item_attributes(values: dict[str, Iterable[object]]) -> Markup:
    """The data-vp-<key> attributes of one listed item, e.g. ` data-vp-spor="forebyggelse vidensdeling"`."""
    return Markup("").join(
        Markup(' data-vp-%s="%s"') % (key, " ".join(str(v) for v in found)) for key, found in values.items()
    )


def _select(field: Field) -> str:
    options = [f'<option value="">{escape(field.all_label)}</option>']
    options += [f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in field.choices]
    select_id = f"vp-filter-{escape(field.key)}"
    return (
        f'<div class="vp-filter__field"><label for="{select_id}">{escape(field.label)}</label>'
        f'<select id="{select_id}" data-vp-key="{escape(field.key)}">{"".join(options)}</select></div>'
    )


def filter_bar(fields: Sequence[Field], noun: Noun, what: str) -> Markup:
    """The bar, the live count ('2 af 5 materialer vises') and the no-match sentence, as one HTML block.

    `what` names the listing in the bar's accessible name, e.g. 'materialerne'."""
    bar = (
        f'<div class="vp-filter" data-vp-filter hidden role="group" aria-label="Filtrér {escape(what)}">'
        + "".join(_select(field) for field in fields)
        + '<button type="button" class="md-button" data-vp-reset>Nulstil filter</button></div>'
    )
    status = (
        f'<p class="vp-filter__count" role="status" aria-live="polite" data-vp-count'
        f' data-one="{escape(noun.one)}" data-many="{escape(noun.many)}"></p>'
    )
    empty = (
        f'<p class="vp-filter__empty" data-vp-empty hidden><em>Ingen {escape(noun.many)} passer til filteret.'
        " Vælg en anden værdi, eller nulstil filteret.</em></p>"
    )
    return Markup(f"{bar}\n{status}\n{empty}")  # noqa: S704 -- every value above went through escape()
