"""Text as a reader receives it: escapes and entities decoded, markup stripped, look-alike characters folded."""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from urllib.parse import unquote

from vidensportal.guards.text.css_text import declared_strings

# JSON/JS escapes (\u00e6, \u{e6}, \x2d), CSS escapes (\2d ) and the control-letter escapes (\n, \t …).
_ESCAPE = re.compile(
    r"\\u\{(?P<brace>[0-9a-fA-F]{1,6})\}|\\u(?P<u4>[0-9a-fA-F]{4})|\\x(?P<x2>[0-9a-fA-F]{2})"
    r"|\\(?P<ctl>[nrtfvb])|\\(?P<char>[^\n0-9a-fA-F])"
)
_CSS_ESCAPE = re.compile(r"\\(?P<css>[0-9a-fA-F]{1,6}) ?")
_SURROGATE_PAIR = re.compile("([\ud800-\udbff])([\udc00-\udfff])")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
# Everything a parser takes out of the text a reader sees: a comment, the brackets of a CDATA section (its text
# is text), a processing instruction or declaration, a script or style element whole (its body is code, not
# shown text) and any tag at all.
_IN_TAG = r"""[^>"']*+(?:(?:"[^"]*+"|'[^']*+')[^>"']*+)*+"""
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[|\]\]>|<[?!][^>]*+>"
    rf"|<(?:script|style)\b{_IN_TAG}>.*?(?:</(?:script|style)\s*>|\Z)|</?[A-Za-z][\w:.-]*+{_IN_TAG}>",
    re.DOTALL | re.IGNORECASE,
)
_RAW_ELEMENT = re.compile(
    rf"<(?P<name>script|style)\b(?P<tag>{_IN_TAG})>(?P<body>.*?)(?:</(?:script|style)\s*>|\Z)", re.S | re.I
)
_DELIMITED = re.compile(r"<!--(?P<comment>.*?)(?:-->|\Z)|<[?!](?P<other>[^>]*)>", re.S)
_VALUE = re.compile(r"""(?P<name>[^\s=<>"'/]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")
_STYLE_HINT = re.compile(r"<style|style\s*=", re.IGNORECASE)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>(?P<body>.*?)(?:</style\s*>|\Z)", re.S | re.I)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""", re.I)
# Where markup may split what a reader sees as one number: a digit (or what may read as one: the end of an entity,
# a digit of another script) just before markup or at the end of an attribute value or comment; and markup just
# before a digit, or a tag or comment whose first value starts with one. Cheap to find; a superset, only to
# know where to look: elsewhere no markup stands between digits, and the text as written is read there.
_COMPAT_DIGITS = "\u00b2\u00b3\u00b9\u2070-\u2089\u2460-\u24ff\u2776-\u2793"
_BEGINS_WITH_DIGIT = rf"(?:\d|&#|\\|[{_COMPAT_DIGITS}])"  # a digit, an entity or an escape
# Separators as written: a dash, space, dot or slash, a named entity (&ndash;, &nbsp;), any other non-ASCII
# character that is no digit (a dash or space of another kind, an invisible character); before markup also an
# escape (\u2013), which after markup counts as a possible digit instead.
_SEPARATOR = rf"[-\s./]|&[a-zA-Z]\w*+;|[^\x00-\x7f\d{_COMPAT_DIGITS}]"
_ESCAPE_SEPARATOR = r"\\(?:u\{?+|x)?+[0-9a-fA-F]++\}?+ ?+"
# Two passes, each starting with one class of characters, which the regex engine skips to: ten times as fast as
# one pass with every alternative.
_DIGIT_BEFORE_MARKUP = re.compile(
    rf"[\d;{_COMPAT_DIGITS}](?:(?:{_SEPARATOR}|{_ESCAPE_SEPARATOR})*+(?=<)|[^<>\w]{{0,4}}(?=>))"
)
_MARKUP_BEFORE_DIGIT = re.compile(
    rf"[<>](?:(?<=>)(?:{_SEPARATOR})*+{_BEGINS_WITH_DIGIT}"
    rf"|(?<=<)(?:[A-Za-z][\w:.-]*+\s++[^\s=>/]++\s*+=\s*+[\"']?+|!--\s*+|!\[CDATA\[){_BEGINS_WITH_DIGIT})"
)
# How far apart the two sides of a split may stand: the markup and the text left out between them (a hidden
# element, an annotation). Farther apart, they are not read as one number.
_SPLIT_REACH = 2000
_CONTEXT = 200
# Number-like text: letters and digits (a hash, a longer number), separators, entities and escapes.
_CONTEXT_RIGHT = re.compile(rf"[\w&#;./\s\\\x80-\U0010ffff-]{{0,{_CONTEXT}}}")
# A piece of text that may hold a digit once decoded and folded (an entity, an escape, a digit of another script).
_MAY_HOLD_DIGIT = re.compile(r"[0-9&%\\]|[^\x00-\x7f]")
_DIGIT = re.compile(r"\d")
# An escape that may swallow digits a reader sees as written (a browser decodes &#… itself, so not those).
_MAY_EAT_DIGITS = re.compile(r"\\[0-9ux]|%[0-9a-fA-F]{2}[0-9]")
_ENTITY_BEFORE_DIGIT = re.compile(r"&#x?[0-9a-fA-F]+;?[0-9]")


# Characters outside ASCII and Latin-1's letters: the only ones folding can change, so the only ones looked at
# (Danish text is mostly ASCII, æ, ø and å).
_MAY_FOLD = re.compile("[\u0080-\u00bf\u00d7\u00f7\u0100-\U0010ffff]+")


def _folded_char(code: int) -> str:
    """Every dash to '-', every space to ' ', every decimal digit of any script to ASCII, format characters
    (soft hyphen, zero-width space, word joiner, BOM …) removed: what a reader cannot tell apart."""
    char = chr(code)
    category = unicodedata.category(char)
    if category == "Pd" or char in "\u2212\u2043\u02d7\u2796\ufe63\uff0d":
        return "-"
    if char.isspace() or category in ("Zs", "Zl", "Zp"):
        return " "
    if category in ("Cf", "Mn", "Me"):  # invisible, or a mark drawn on the character before it
        return ""
    if category == "Nd":
        return str(unicodedata.digit(char))
    return char


class _FoldingTable(dict):
    """str.translate's table, each character worked out the first time it is met: building it for all of
    Unicode took 0.15 s of every build."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _folded_char(code)
        return folded


_FOLDING = _FoldingTable()


def _unescape_one(match: re.Match) -> str:
    groups = match.groupdict()
    if groups.get("ctl"):
        return " "
    if groups.get("char"):
        return groups["char"]
    code = int(groups.get("brace") or groups.get("u4") or groups.get("x2") or groups["css"], 16)
    return chr(code) if code <= sys.maxunicode else ""


def decode(text: str, *, css: bool = False) -> str:
    """Escapes, entities and percent-encoding decoded, repeatedly, so a doubly encoded text reads as a browser
    or script would finally show it. CSS escapes (\\2d ) only in CSS, where a backslash before digits means one."""
    for _ in range(3):
        decoded = text
        if "\\" in decoded:
            decoded = _ESCAPE.sub(_unescape_one, decoded)
            decoded = _CSS_ESCAPE.sub(_unescape_one, decoded) if css else decoded
            decoded = _SURROGATE_PAIR.sub(_join_surrogates, decoded)
        if "&" in decoded:
            decoded = html.unescape(decoded)
        if "%" in decoded:
            decoded = _PERCENT.sub(lambda m: unquote(m.group(), errors="replace"), decoded)
        if decoded == text:
            break
        text = decoded
    return text


def _join_surrogates(match: re.Match) -> str:
    high, low = ord(match[1]), ord(match[2])
    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))


def fold(text: str) -> str:
    """NFKC, then dashes to '-', spaces of every kind to ' ', invisible characters removed. Runs of white space
    are left as they are (the CPR pattern allows them; see `words` for comparing phrases)."""
    if text.isascii():
        return text
    return _MAY_FOLD.sub(lambda run: run.group().translate(_FOLDING), unicodedata.normalize("NFKC", text))


def words(text: str) -> str:
    """A folded text with every run of white space as one space, for comparing phrases."""
    return " ".join(text.split())


def _may_hold_digit(piece: str) -> bool:
    """True when a piece of text holds a digit as a reader sees it; quick for plain ASCII."""
    if not _MAY_HOLD_DIGIT.search(piece):
        return False
    if piece.isascii() and "&" not in piece and "\\" not in piece and "%" not in piece:
        return True  # an ASCII digit
    return bool(_DIGIT.search(fold(decode(piece))))


def _values(tag: str) -> list[str]:
    """The values of a tag's attributes, entities decoded, in order."""
    return [html.unescape(m["dq"] or m["sq"] or m["bare"] or "") for m in _VALUE.finditer(tag)]


def _inside(markup: str) -> str:
    """The text a piece of markup carries: a comment's text, a script's or style's body, a
    tag's attribute values (all of them: value=, alt=, title=, data-* … may be shown or read aloud)."""
    delimited = _DELIMITED.match(markup)
    if delimited:
        return delimited["comment"] or delimited["other"] or ""
    raw = _RAW_ELEMENT.match(markup)
    if raw:
        return " ".join([*_values(raw["tag"]), raw["body"]])
    return " ".join(_values(markup))


def spaced_text(markup: str) -> str:
    """The text of HTML, XML or SVG with every boundary (tag, comment, script or style element …) read as a space."""
    return " ".join(_MARKUP.split(markup))


def markup_views(markup: str, *, carried: bool = True) -> list[str]:
    """The text of HTML, XML or SVG in the ways a reader may meet it, whatever the markup between its characters:
    every boundary (tag, comment, CDATA, processing instruction) read as nothing and as a space; the pieces
    without a digit left out as well (see _shown_if_hidden); and with `carried`, each boundary
    replaced by the text it carries (all attribute values, a comment's text). No list of tags: a style can make
    any element inline or hidden. White space between pieces stays: it is what a table's cells are written with."""
    pieces = _MARKUP.split(markup)
    if len(pieces) == 1:
        return []
    views = ["".join(pieces), " ".join(pieces), "".join(_shown_if_hidden(pieces))]
    if carried:
        # A marker on each side of carried text; two markers meet only between two carried texts, kept apart.
        inline = [pieces[0]]
        for inside, piece in zip(map(_inside, _MARKUP.findall(markup)), pieces[1:], strict=True):
            inline += ["\0", inside, "\0", piece] if inside else [piece]
        views.append("".join(inline).replace("\0\0", " ").replace("\0", ""))
    return views


def _shown_if_hidden(pieces: list[str]) -> list[str]:
    """The pieces without those that hold no digit and may be hidden: any such piece between markup, unless
    white space stands on both sides of it (a line of its own, such as a feed entry's title between its id and
    date, or a table cell: the parts around it are separate words to a reader either way)."""
    shown = [pieces[0]]
    for before, piece, after in zip(pieces[:-1], pieces[1:], [*pieces[2:], ""], strict=True):
        apart = before[-1:].isspace() and after[:1].isspace()
        if piece.isspace() or apart or _may_hold_digit(piece):
            shown.append(piece)
    return shown


def junctions(markup: str) -> list[tuple[str, bool]]:
    """(stretch, carries text) for each place where markup may split a number (see _DIGIT_BEFORE_MARKUP): from a digit
    before markup to the next digit after it, with the markup it starts or ends in, widened over the number-like
    text around it, overlapping ones merged. `carries text` when an attribute value or comment holds part of the
    number. The only places where markup_views can find a number that the text as written does not show."""
    edges = sorted(
        [(m.start(), m.end(), markup[m.end()] == ">") for m in _DIGIT_BEFORE_MARKUP.finditer(markup)]
        + [(m.start(), m.end(), None) for m in _MARKUP_BEFORE_DIGIT.finditer(markup)]
    )
    spans: list[list] = []
    left = None
    for start, end, carried in edges:
        if carried is not None:  # a digit before markup, or at the end of a value
            left = (start, carried)
            continue
        if left is None or start - left[0] > _SPLIT_REACH:
            continue
        carries = left[1] or markup[start] == "<"
        first = _widened_start(markup, _markup_start(markup, left[0]))
        last = _widened_end(markup, _markup_end(markup, end) if markup[start] == "<" else end)
        if spans and first <= spans[-1][1]:
            spans[-1][1:] = [max(spans[-1][1], last), spans[-1][2] or carries]
        else:
            spans.append([first, last, carries])
        left = None
    return [(markup[first:last], carries) for first, last, carries in spans]


def _markup_start(markup: str, start: int) -> int:
    """Where the markup that `start` lies in begins (a digit at the end of an attribute value), else `start`."""
    before = start
    for _ in range(8):
        before = markup.rfind("<", 0, before)
        if before < 0:
            break
        around = _MARKUP.match(markup, before)
        if around:  # else a '<' in a value or in text: look further back
            return before if around.end() > start else start
    return start


def _markup_end(markup: str, end: int) -> int:
    """Where the markup that ends just before `end` began in (a tag, a comment) ends."""
    begins = markup.rfind("<", 0, end)
    around = _MARKUP.match(markup, begins) if begins >= 0 else None
    return max(end, around.end()) if around else end


# A window reaches over number-like text and the markup next to it, a few steps each way (markup on both sides of
# a part of a number joins it to the next window). Cut by the limit inside a run of digits, it would read the run
# as a shorter number: it is cut before the run instead.
_WIDENING_STEPS = 4


def _widened_start(markup: str, start: int) -> int:
    for _ in range(_WIDENING_STEPS):
        reach = len(_CONTEXT_RIGHT.match(markup[max(0, start - _CONTEXT) : start][::-1]).group())
        if reach == _CONTEXT:
            while reach and markup[start - reach].isdigit():
                reach -= 1
            return start - reach
        start -= reach
        opens = markup.rfind("<", 0, start) if start and markup[start - 1] == ">" else -1
        around = _MARKUP.match(markup, opens) if opens >= 0 else None
        if not around or around.end() != start:
            break
        start = opens
    return start


def _widened_end(markup: str, end: int) -> int:
    for _ in range(_WIDENING_STEPS):
        reach = len(_CONTEXT_RIGHT.match(markup, end).group())
        if reach == _CONTEXT:
            while reach and markup[end + reach - 1].isdigit():
                reach -= 1
            return end + reach
        end += reach
        around = _MARKUP.match(markup, end)
        if not around:
            break
        end = around.end()
    return end


def style_sheets(markup: str) -> list[str]:
    """The CSS in a page: the body of each <style> element and each style attribute's declarations, entities
    decoded (as an SVG or XHTML reader decodes them)."""
    sheets = [html.unescape(match["body"]) for match in _STYLE_ELEMENT.finditer(markup)]
    return sheets + [
        html.unescape(match["dq"] or match["sq"] or match["bare"] or "") for match in _STYLE_ATTRIBUTE.finditer(markup)
    ]


def as_read(text: str, *, markup: bool = False, css: bool = False, whole_text: bool = False) -> list[str]:
    """The views of a text to check, each folded: decoded (escapes, entities), as written when decoding may have
    swallowed digits; for markup its text across every boundary (see markup_views) where markup meets digits,
    or of the whole text with `whole_text` (for phrases, such as titles, that tags may split); and the text its
    style sheets generate (CSS `content:` and any other declared string, see css_text)."""
    decoded = decode(text, css=css)
    views = [fold(decoded)]
    # Decoding can only eat digits an escape seemed to start ("\\x0101901234" shown as written in a page); an
    # entity only where no browser decodes it (text shown as it is).
    if decoded != text and (_MAY_EAT_DIGITS.search(text) or (not markup and _ENTITY_BEFORE_DIGIT.search(text))):
        views.append(fold(text))
    sheets = [text] if css else []
    if markup and "<" in text:
        for part, carries in junctions(text):
            views += [fold(decode(view)) for view in markup_views(part, carried=carries)]
        if whole_text:
            pieces = _MARKUP.split(text)
            views += [fold(decode("".join(pieces))), fold(decode(" ".join(pieces)))]
        sheets += style_sheets(text) if _STYLE_HINT.search(text) else []
    for sheet in sheets:
        strings = declared_strings(sheet)
        views += [fold(decode("".join(strings))), fold(decode(" ".join(strings)))] if strings else []
    return views
