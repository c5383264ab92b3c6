"""Build-time charts: the organisation chart as an HTML tree of linked boxes, and grouped horizontal bars as SVG."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import escape

from vidensportal.content.text import md
from vidensportal.numbers import danish_int

SVG_NS = "http://www.w3.org/2000/svg"
EMPTY_BAR_CHART = "Der er ingen data at vise endnu."
EMPTY_ORG_CHART = "Der er ingen enheder at vise endnu."

# Geometry in SVG user units. The viewBox is WIDTH wide and scales with the page: on a 375 px phone the content
# column is about 343 px, so everything shrinks to ~54 %. FONT_SIZE must therefore be 16 at the very least (the
# minimum); 22 keeps text ~12 px on a phone, and charts.css caps the chart at 28rem so it is ~19 px on a desktop.
WIDTH = 640
MARGIN = 8  # room for the box strokes at the edges
FONT_SIZE = 22
LINE_HEIGHT = 28
# Estimated average glyph width in em (~7 px per char at 14 px is 0.5 em; a little more, so text never overflows).
CHAR_EM = 0.55
BOLD_CHAR_EM = 0.6

# Bar chart.
SWATCH = 18
BAR_HEIGHT = 26
BAR_GAP = 6
GROUP_GAP = 14
VALUE_GAP = 8

_CHART_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Node:
    """A box in the organisation chart; `href` (relative to the page) makes the box a link to the unit's page."""

    label: str
    children: tuple[Node, ...] = ()
    href: str | None = None


def _num(value: float) -> str:
    """A coordinate as short, deterministic text: 12, 12.5, never 12.000000001."""
    rounded = round(value, 2)
    return str(int(rounded)) if rounded == int(rounded) else f"{rounded:g}"


def _wrap(label: str, width: float, char_em: float = CHAR_EM) -> list[str]:
    """`label` broken into lines that fit `width` user units, by the estimated width of a character."""
    chars = max(1, int(width // (FONT_SIZE * char_em)))
    return textwrap.wrap(" ".join(str(label).split()), width=chars) or [""]


def _text(x: float, top: float, lines: list[str], css: str, *, bold: bool = False) -> str:
    """A <text> with one <tspan> per line; `top` is the top of the first line box."""
    baseline = top + (LINE_HEIGHT - FONT_SIZE) / 2 + FONT_SIZE * 0.8
    weight = ' font-weight="700"' if bold else ""
    spans = "".join(
        f'<tspan x="{_num(x)}" y="{_num(baseline + i * LINE_HEIGHT)}">{md(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text class="{css}" x="{_num(x)}" y="{_num(baseline)}" font-size="{FONT_SIZE}"{weight}>{spans}</text>'


def _svg(chart_id: str, title: str, description: str, height: float, body: str) -> str:
    """The <svg> with its text alternative first, wrapped in a block-level <div> so Markdown leaves it alone."""
    if not _CHART_ID.fullmatch(chart_id):
        raise ValueError(f"chart_id must be a letter followed by letters, digits, '-' or '_': {chart_id!r}")
    cid = escape(chart_id)
    return (
        f'<div class="vp-chart-frame"><svg xmlns="{SVG_NS}" class="vp-chart" role="img"'
        f' aria-labelledby="{cid}-title {cid}-desc" viewBox="0 0 {WIDTH} {_num(height)}" width="100%"'
        f' preserveAspectRatio="xMinYMin meet"><title id="{cid}-title">{md(title)}</title>'
        f'<desc id="{cid}-desc">{md(description)}</desc>{body}</svg></div>'
    )


def org_chart(roots: Sequence[Node], *, title: str) -> str:
    """The organisation chart as nested HTML lists drawn as boxes with elbow lines (charts.css).

    HTML rather than SVG: a box is an ordinary link, so Material's instant navigation, the keyboard and screen
    readers all handle it (an SVG <a> has an SVGAnimatedString href that the instant navigation cannot read)."""
    if not roots:
        return f"<p>{EMPTY_ORG_CHART}</p>"

    def item(node: Node, depth: int) -> str:
        css = "vp-orgchart__box vp-orgchart__root" if depth == 0 else "vp-orgchart__box"
        label = md(" ".join(node.label.split()))
        if node.href:
            box = f'<a class="{css}" href="{escape(node.href)}">{label}</a>'
        else:
            box = f'<span class="{css}">{label}</span>'
        below = f"<ul>{''.join(item(c, depth + 1) for c in node.children)}</ul>" if node.children else ""
        return f"<li>{box}{below}</li>"

    tree = "".join(item(root, 0) for root in roots)
    return f'<figure class="vp-orgchart"><figcaption>{md(title)}</figcaption><ul>{tree}</ul></figure>'


def _value(values: Mapping[tuple[str, str], int], category: str, series: str) -> int:
    value = values.get((category, series), 0)
    if value < 0:
        raise ValueError(f"a bar cannot be negative: {category!r}, {series!r} = {value}")
    return value


def bar_chart(
    categories: Sequence[str],
    series: Sequence[str],
    values: Mapping[tuple[str, str], int],
    *,
    chart_id: str,
    title: str,
    description: str,
) -> str:
    """Grouped horizontal bars: a legend on top, then per category its label and one bar per series.

    `values` is keyed by (category, series); a missing key counts as 0.
    """
    if not categories or not series:
        return f"<p>{EMPTY_BAR_CHART}</p>"
    table = {(c, s): _value(values, c, s) for c in categories for s in series}
    largest = max(table.values())
    value_room = VALUE_GAP + len(danish_int(largest)) * FONT_SIZE * CHAR_EM
    full = WIDTH - 2 * MARGIN - value_room
    parts: list[str] = []
    y = float(MARGIN)
    label_x = MARGIN + SWATCH + 8
    for index, name in enumerate(series):
        label = _wrap(name, WIDTH - MARGIN - label_x)
        swatch_top = y + (LINE_HEIGHT - SWATCH) / 2
        parts.append(
            f'<rect class="vp-chart__swatch vp-chart__series-{index}" x="{MARGIN}" y="{_num(swatch_top)}"'
            f' width="{SWATCH}" height="{SWATCH}"/>' + _text(label_x, y, label, "vp-chart__legend")
        )
        y += len(label) * LINE_HEIGHT + 4
    y += GROUP_GAP
    for category in categories:
        label = _wrap(category, WIDTH - 2 * MARGIN, BOLD_CHAR_EM)
        parts.append(_text(MARGIN, y, label, "vp-chart__category", bold=True))
        y += len(label) * LINE_HEIGHT + 4
        # The axis the bars grow from, so a group of zeros still shows where its bars would be.
        axis = len(series) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
        parts.append(f'<path class="vp-chart__axis" d="M{MARGIN} {_num(y - 2)}v{_num(axis + 4)}"/>')
        for index, name in enumerate(series):
            value = table[category, name]
            length = full * value / largest if largest else 0
            tip = md(f"{category} – {name}: {danish_int(value)}")
            parts.append(
                f'<rect class="vp-chart__bar vp-chart__series-{index}" x="{MARGIN}" y="{_num(y)}"'
                # A line break between the bar's title and its value, so text taken from the page (search) keeps
                # "Forebyggelse: 101" and "101" apart instead of gluing them into one number.
                f' width="{_num(length)}" height="{BAR_HEIGHT}"><title>{tip}</title></rect>\n'
                f'<text class="vp-chart__value" x="{_num(MARGIN + length + VALUE_GAP)}"'
                f' y="{_num(y + BAR_HEIGHT / 2 + FONT_SIZE * 0.35)}" font-size="{FONT_SIZE}">'
                f"{md(danish_int(value))}</text>"
            )
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP - BAR_GAP
    return _svg(chart_id, title, description, y - GROUP_GAP + MARGIN, "\n".join(parts))


def chart_text_alternative(
    categories: Sequence[str], series: Sequence[str], values: Mapping[tuple[str, str], int]
) -> str:
    """The bar chart's numbers as Danish text, e.g. '2026: 1. Forebyggelse 2, Følgegruppemøder 4. 2025: …'."""
    if not categories or not series:
        return EMPTY_BAR_CHART
    sentences = []
    for category in categories:
        counts = ", ".join(f"{' '.join(s.split())} {danish_int(_value(values, category, s))}" for s in series)
        sentences.append(f"{' '.join(category.split())}: {counts}.")
    return " ".join(sentences)
