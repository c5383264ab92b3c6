"""The build-time charts: the SVG bar chart well-formed, labelled, proportional and coloured by charts.css; the
organisation chart an HTML tree of linked boxes; both escaped and Markdown-safe."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import markdown
import pytest

from vidensportal.content.charts import (
    SVG_NS,
    Node,
    bar_chart,
    chart_text_alternative,
    org_chart,
)

from .support import ROOT, SITE_MARKDOWN_EXTENSIONS

CSS = ROOT / "docs" / "assets" / "charts.css"
HOSTILE = "<script>alert(1)</script> & co"
QUOTED = "Politiets \"EAS\" & 'Team #2'"
MARKDOWN_BAIT = "[klik](javascript:alert(2)) *fed* _kursiv_ {{ 7*7 }}"
EXTENSIONS = SITE_MARKDOWN_EXTENSIONS
SLATE_BG = "#1e2129"

TREE = (
    Node(
        "Københavns Kommune",
        (
            Node("Socialforvaltningen", (Node("Enhed A", (Node("Team 1", (Node("Gruppe x", href="x/"),)),), "a/"),)),
            Node("Børne- og Ungdomsforvaltningen"),
        ),
    ),
    Node("Københavns Politi", (Node("Efterretnings- og Analysesektion", href="../parter/eas/"),)),
)
CATEGORIES = ["2026", "2025"]
SERIES = ["1. Forebyggelse", "4. Vidensdeling og vidensopbygning", "Følgegruppemøder"]
VALUES = {
    ("2026", "1. Forebyggelse"): 2,
    ("2026", "4. Vidensdeling og vidensopbygning"): 3,
    ("2026", "Følgegruppemøder"): 4,
    ("2025", "1. Forebyggelse"): 0,
    ("2025", "4. Vidensdeling og vidensopbygning"): 6,
}


def q(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def svg_of(html: str) -> ET.Element:
    """The <svg> element of a chart, parsed as XML (the chart is an <svg> inside one <div>)."""
    root = ET.fromstring(html)  # noqa: S314 - our own output, built in this test
    return root if root.tag == q("svg") else root.find(q("svg"))


def classes(element: ET.Element) -> set[str]:
    return set(element.get("class", "").split())


def text_of(element: ET.Element) -> str:
    """The element's text with each line (<tspan>) joined by one space."""
    return " ".join(" ".join(element.itertext()).split())


def texts(svg: ET.Element) -> list[str]:
    return [text_of(t) for t in svg.iter(q("text"))]


def org() -> str:
    return org_chart(TREE, title="Organisering")


class _Boxes(HTMLParser):
    """The organisation chart's boxes as (depth, tag, href, text), depth counted in nested <ul>s."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.boxes, self.open = 0, [], None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "ul":
            self.depth += 1
        elif "vp-orgchart__box" in (attributes.get("class") or ""):
            self.open = [self.depth, tag, attributes.get("href"), ""]

    def handle_endtag(self, tag):
        if tag == "ul":
            self.depth -= 1
        elif self.open and tag == self.open[1]:
            self.boxes.append(tuple(self.open))
            self.open = None

    def handle_data(self, data):
        if self.open:
            self.open[3] += data


def boxes(html: str) -> list[tuple[int, str, str | None, str]]:
    parser = _Boxes()
    parser.feed(html)
    return parser.boxes


def bars() -> str:
    return bar_chart(CATEGORIES, SERIES, VALUES, chart_id="aktivitet", title="Aktivitet", description="Tal pr. år.")


def css_rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) for every rule in `css`, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [(selector.strip(), body) for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def missing_fill_rules(names: set[str], css: str) -> list[str]:
    """The class names in `names` that no rule in `css` gives a fill."""
    rules = css_rules(css)
    return sorted(
        name
        for name in names
        if not any(re.search(rf"\.{re.escape(name)}(?![\w-])", sel) and "fill:" in body for sel, body in rules)
    )


def contrast(a: str, b: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("make", "chart_id", "title", "desc"), [(bars, "aktivitet", "Aktivitet", "Tal pr. år.")])
def test_chart_is_xml_with_title_and_desc_first(make, chart_id, title, desc):
    """Each chart parses as XML; its first children are <title> and <desc>, the ids aria-labelledby names."""
    svg = svg_of(make())
    first, second = list(svg)[:2]
    problems = []
    if svg.get("role") != "img":
        problems.append(f"role={svg.get('role')!r}")
    if svg.get("aria-labelledby") != f"{chart_id}-title {chart_id}-desc":
        problems.append(f"aria-labelledby={svg.get('aria-labelledby')!r}")
    if (first.tag, first.get("id"), first.text) != (q("title"), f"{chart_id}-title", title):
        problems.append(f"first child {first.tag} id={first.get('id')!r} text={first.text!r}")
    if (second.tag, second.get("id"), second.text) != (q("desc"), f"{chart_id}-desc", desc):
        problems.append(f"second child {second.tag} id={second.get('id')!r} text={second.text!r}")
    if not re.fullmatch(r"0 0 \d+ \d+(\.\d+)?", svg.get("viewBox", "")) or svg.get("width") != "100%":
        problems.append(f"viewBox={svg.get('viewBox')!r} width={svg.get('width')!r}")
    assert not problems, f"{chart_id}: " + "; ".join(problems)


@pytest.mark.parametrize("label", [HOSTILE, QUOTED])
def test_hostile_labels_are_text_not_markup(label):
    """A label like '<script>alert(1)</script> & co' is escaped: no <script> element, the text is shown as-is."""
    tree = (Node(label, (Node("Enhed", href='x/" onclick="alert(1)'),)),)
    org_html = org_chart(tree, title=label)
    problems = []
    if "<script" in org_html or 'onclick="' in org_html or [b[3] for b in boxes(org_html)] != [label, "Enhed"]:
        problems.append(f"org: markup from data in {org_html}")
    charts = {"bar": bar_chart([label], [label], {(label, label): 1}, chart_id="b", title=label, description="x")}
    for name, html in charts.items():
        svg = svg_of(html)
        if "<script" in html or any(el.tag.endswith("script") for el in svg.iter()):
            problems.append(f"{name}: a <script> element")
        if label not in texts(svg):
            problems.append(f"{name}: label not shown as text, texts are {texts(svg)}")
        if svg.find(q("title")).text != label:
            problems.append(f"{name}: title is {svg.find(q('title')).text!r}")
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("context", ["{}", "- punkt\n\n    {}\n", "Tekst lige før\n{}\nog efter"])
def test_markdown_around_the_chart_changes_nothing(context):
    """Markdown syntax in labels stays inert wherever the chart lands in a page: no link, no emphasis, no Jinja."""
    chart = bar_chart([MARKDOWN_BAIT], [HOSTILE], {}, chart_id="o", title=MARKDOWN_BAIT, description=MARKDOWN_BAIT)
    html = markdown.markdown(context.format(chart), extensions=EXTENSIONS)
    live = ["javascript:alert(2)</a", 'href="javascript', "<em>", "<strong>", "<script", "49"]
    leaks = [needle for needle in live if needle in html]
    assert not leaks, f"Markdown turned label text into markup: {leaks}"
    assert MARKDOWN_BAIT in texts(svg_of(chart)), "the label text itself was altered"


def test_org_chart_one_box_per_node_nested_and_linked_where_given():
    """One box per node, each child one list deeper than its parent, a link exactly where the node has a page."""
    found = boxes(org())
    expected = []

    def walk(nodes, depth):
        for node in nodes:
            expected.append((depth, "a" if node.href else "span", node.href, node.label))
            walk(node.children, depth + 1)

    walk(TREE, 1)
    assert found == expected, f"boxes {found}, expected {expected}"


def test_org_chart_labels_in_markdown_stay_text():
    """Markdown and Jinja in a label stay inert when the chart lands in a Markdown page."""
    chart = org_chart((Node(MARKDOWN_BAIT, (Node(HOSTILE, href="a/"),)),), title=MARKDOWN_BAIT)
    html = markdown.markdown(chart, extensions=EXTENSIONS)
    live = ["javascript:alert(2)</a", 'href="javascript', "<em>", "<strong>", "<script", "49"]
    leaks = [needle for needle in live if needle in html]
    assert not leaks and [b[3] for b in boxes(html)] == [MARKDOWN_BAIT, HOSTILE], f"leaks {leaks} in {html}"


def test_org_chart_is_styled_by_charts_css():
    """Every class the organisation chart uses has a rule in charts.css (boxes, lines, the authority's box)."""
    used = set(re.findall(r'class="([^"]+)"', org()))
    names = {name for value in used for name in value.split()}
    css = CSS.read_text(encoding="utf-8")
    unstyled = sorted(name for name in names if f".{name}" not in css)
    assert names and not unstyled, f"classes without a rule in charts.css: {unstyled}"


def test_bar_lengths_are_proportional_and_zero_shows_its_number():
    """A value twice another gives a bar twice as long; 0 gives width 0 with the number '0' still printed."""
    svg = svg_of(bars())
    bar = {
        text_of(rect.find(q("title"))): float(rect.get("width"))
        for rect in svg.iter(q("rect"))
        if "vp-chart__bar" in classes(rect)
    }
    values = [text_of(t) for t in svg.iter(q("text")) if "vp-chart__value" in classes(t)]
    three, six = (
        bar["2026 – 4. Vidensdeling og vidensopbygning: 3"],
        bar["2025 – 4. Vidensdeling og vidensopbygning: 6"],
    )
    two, four = bar["2026 – 1. Forebyggelse: 2"], bar["2026 – Følgegruppemøder: 4"]
    problems = []
    if six != pytest.approx(2 * three, abs=0.02) or four != pytest.approx(2 * two, abs=0.02):
        problems.append(f"3→{three}, 6→{six}, 2→{two}, 4→{four}")
    if bar["2025 – 1. Forebyggelse: 0"] != 0 or bar["2025 – Følgegruppemøder: 0"] != 0:
        problems.append(f"zero bars are {bar['2025 – 1. Forebyggelse: 0']}, {bar['2025 – Følgegruppemøder: 0']}")
    if len(bar) != len(CATEGORIES) * len(SERIES) or values.count("0") != 2:
        problems.append(f"{len(bar)} bars, printed values {values}")
    if six > 640:
        problems.append(f"the longest bar ({six}) leaves the 640-wide chart")
    assert not problems, "; ".join(problems)


def test_every_series_class_used_has_a_colour_in_charts_css():
    """Every vp-chart__series-N class a chart uses has a rule with a fill in docs/assets/charts.css."""
    many = [f"Serie {i}" for i in range(6)]
    svg = svg_of(bar_chart(["2026"], many, {}, chart_id="b", title="t", description="d"))
    used = {c for el in svg.iter() for c in classes(el) if c.startswith("vp-chart__series-")}
    missing = missing_fill_rules(used, CSS.read_text(encoding="utf-8"))
    assert len(used) == 6 and not missing, f"series classes without a colour in charts.css: {missing} (used: {used})"


def test_negative_control_a_made_up_series_class_is_reported_missing():
    """Negative control: the CSS check reports a class that has no rule, and does not confuse -1 with -10."""
    css = ".vp-chart__series-1 { fill: #000; } /* .vp-chart__series-3 { fill: #000; } */"
    assert missing_fill_rules({"vp-chart__series-1", "vp-chart__series-99", "vp-chart__series-3"}, css) == [
        "vp-chart__series-3",
        "vp-chart__series-99",
    ]
    assert missing_fill_rules({"vp-chart__series-10"}, css) == ["vp-chart__series-10"]


def test_series_colours_contrast_with_light_and_dark_background():
    """Each series colour in charts.css has at least 3:1 contrast against white and against slate's #1e2129."""
    rules = [(sel, body) for sel, body in css_rules(CSS.read_text(encoding="utf-8")) if "vp-chart__series-" in sel]
    fills = {sel: re.search(r"fill:\s*(#[0-9a-fA-F]{6})", body).group(1) for sel, body in rules}
    weak = {
        sel: (round(contrast(c, "#ffffff"), 2), round(contrast(c, SLATE_BG), 2))
        for sel, c in fills.items()
        if min(contrast(c, "#ffffff"), contrast(c, SLATE_BG)) < 3
    }
    assert len(fills) >= 6 and not weak, f"series colours under 3:1 (white, slate): {weak}; found {fills}"


@pytest.mark.parametrize("make", [bars])
def test_output_is_markdown_safe_and_self_contained(make):
    """No blank line, no line indented 4 spaces, no URL but the SVG namespace, no colour or script in the markup."""
    html = make()
    problems = []
    if re.search(r"\n\s*\n", html):
        problems.append("a blank line")
    if re.search(r"^ {4}", html, flags=re.MULTILINE):
        problems.append("a line indented 4 spaces")
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html)) - {SVG_NS}
    if urls:
        problems.append(f"URLs {urls}")
    hard_coded = re.findall(r"\b(?:fill|stroke|style|color)=\"[^\"]*\"|<script|<style|#[0-9a-fA-F]{3,6}\b", html)
    if hard_coded:
        problems.append(f"hard-coded presentation {hard_coded}")
    sizes = [int(t.get("font-size")) for t in svg_of(html).iter(q("text"))]
    if not sizes or min(sizes) < 16:
        problems.append(f"font sizes {sizes} (at least 16 so text survives the scaling to a phone)")
    if make() != html:
        problems.append("two calls give different output")
    assert not problems, "; ".join(problems)


def test_empty_bar_chart_is_a_danish_sentence():
    """A bar chart without categories (or without series) is the sentence 'Der er ingen data at vise endnu.'."""
    outputs = [
        bar_chart([], SERIES, VALUES, chart_id="b", title="t", description="d"),
        bar_chart(CATEGORIES, [], VALUES, chart_id="b", title="t", description="d"),
    ]
    wrong = [out for out in outputs if out != "<p>Der er ingen data at vise endnu.</p>"]
    assert not wrong, f"empty charts gave {wrong}"


def test_text_alternative_lists_every_number_per_category():
    """The Danish text alternative names each category with every series and its number, missing counting as 0."""
    expected = (
        "2026: 1. Forebyggelse 2, 4. Vidensdeling og vidensopbygning 3, Følgegruppemøder 4. "
        "2025: 1. Forebyggelse 0, 4. Vidensdeling og vidensopbygning 6, Følgegruppemøder 0."
    )
    assert chart_text_alternative(CATEGORIES, SERIES, VALUES) == expected


def test_bad_ids_are_refused():
    """A chart id that would break aria-labelledby raises ValueError."""
    with pytest.raises(ValueError, match="chart_id"):
        bar_chart(CATEGORIES, SERIES, VALUES, chart_id="to ord", title="t", description="d")
