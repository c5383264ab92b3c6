"""Text as a reader receives it: escapes and entities decoded, markup stripped, look-alike characters folded."""

from __future__ import annotations

import html
import re
import sys
import unicodedata
from urllib.parse import unquote

# JSON/JS escapes (\u00e6, \u{e6}, \x2d), CSS escapes (\2d ) and the control-letter escapes (\n, \t …).
_ESCAPE = re.compile(
    r"\\u\{(?P<brace>[0-9a-fA-F]{1,6})\}|\\u(?P<u4>[0-9a-fA-F]{4})|\\x(?P<x2>[0-9a-fA-F]{2})"
    r"|\\(?P<ctl>[nrtfvb])|\\(?P<char>[^\n0-9a-fA-F])"
)
_CSS_ESCAPE = re.compile(r"\\(?P<css>[0-9a-fA-F]{1,6}) ?")
_SURROGATE_PAIR = re.compile("([\ud800-\udbff])([\udc00-\udfff])")
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[|\]\]>", re.DOTALL)
_TAG = re.compile(r"</?([A-Za-z][\w:.-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
# Inline elements run on in the text a reader sees ("0101<b>90</b>-1234" reads as one number); any other
# tag, and every tag of a document format (w:p, a:p), separates what is around it.
_INLINE = frozenset(
    re.findall(
        r"\S+", "a abbr b bdi bdo cite code data del dfn em font i ins kbd label mark q s samp small span strong"
    )
    + re.findall(r"\S+", "sub sup time tspan u var wbr w:r w:t a:r a:t text:span text:a")
)
_TAG_BETWEEN_DIGITS = re.compile(r"[0-9][-\s]*(?:<[^>]*>[-\s]*)+[0-9]")
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


def visible(markup: str) -> str:
    """The text of HTML, XML or SVG without its markup: inline tags vanish, other tags separate words."""
    markup = _COMMENT.sub("", markup)
    return _TAG.sub(lambda m: "" if m[1].lower() in _INLINE else " ", markup)


def as_read(text: str, *, markup: bool = False, css: bool = False, whole_text: bool = False) -> list[str]:
    """The views of a text to check, each folded: decoded (escapes, entities), as written when decoding may have
    swallowed digits, and for markup the visible text, where tags between the characters of a number no longer
    separate them. The visible text is made when tags stand between digits, or always with `whole_text` (for
    phrases, such as titles, that inline tags may split)."""
    decoded = decode(text, css=css)
    views = [fold(decoded)]
    # Decoding can only eat digits an escape seemed to start ("\\x0101901234" shown as written in a page); an
    # entity only where no browser decodes it (text shown as it is).
    if decoded != text and (_MAY_EAT_DIGITS.search(text) or (not markup and _ENTITY_BEFORE_DIGIT.search(text))):
        views.append(fold(text))
    if markup and "<" in text and (whole_text or _TAG_BETWEEN_DIGITS.search(views[0])):
        views.append(fold(decode(visible(text), css=css)))
    return views
