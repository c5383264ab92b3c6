"""A cell's number as Excel shows it through its number format: the common formats, and a refusal for any other
(a format not understood could show digits the gate never sees)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from vidensportal.guards.documents.outcome import UnreadableDocument

# Excel's built-in formats by id (ECMA-376 §18.8.30); 14 is the short date, shown in the reader's own order.
BUILT_IN = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
    20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
    39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
    48: "##0.0E+0", 49: "@",
}  # fmt: skip
# How each locale may show the short date (id 14): Danish and US order both, four- and two-digit years.
SHORT_DATES = ("dd-mm-yyyy", "mm-dd-yy", "dd-mm-yy", "yyyy-mm-dd")
_TOKEN = re.compile(
    r'"(?P<quoted>[^"]*)"|\\(?P<escaped>.)|_(?P<space>.)|\*(?P<fill>.)|\[(?P<bracket>[^\]]*)\]'
    r"|(?P<ampm>AM/PM|A/P)|(?P<date>y+|m+|d+|h+|s+|e+)|(?P<digit>[0#?])|(?P<other>.)",
    re.IGNORECASE | re.DOTALL,
)
_COLOURS = frozenset(["black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"])
_EXCEL_EPOCH = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)


class UnknownFormat(UnreadableDocument):
    """A number format the gate does not know how to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"{reason} Vælg et almindeligt talformat i Excel (Tal, Dato eller Tekst), eller gem som PDF.")


def shown(value: float, code: str, *, date1904: bool = False) -> list[str]:
    """Every way the number may be shown through `code` (one, or several for a locale-dependent short date);
    `date1904`: the workbook counts its dates from 1904, as old Mac workbooks do."""
    epoch = _EPOCH_1904 if date1904 else _EXCEL_EPOCH
    if code == "mm-dd-yy":
        return [_section_shown(value, date_code, epoch) for date_code in SHORT_DATES]
    sections = _sections(code)
    if value < 0 and len(sections) > 1:
        return [_section_shown(-value, sections[1], epoch)]
    if value == 0 and len(sections) > 2:
        return [_section_shown(value, sections[2], epoch)]
    return [("-" if value < 0 else "") + _section_shown(abs(value), sections[0], epoch)]


def hides_numbers(code: str) -> bool:
    """True for a format that shows a number as nothing (';;;'): the value is there, but hidden."""
    sections = _sections(code)
    return len(sections) >= 3 and all(not _literal_free(section).strip() for section in sections[:3])


def _sections(code: str) -> list[str]:
    sections, current, quoted = [], "", False
    for index, char in enumerate(code):
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted and not (index and code[index - 1] == "\\"):
            sections.append(current)
            current = ""
        else:
            current += char
    return [*sections, current]


def _literal_free(section: str) -> str:
    return re.sub(r"\[[^\]]*\]", "", section)


def _section_shown(value: float, section: str, epoch: datetime) -> str:
    tokens = list(_TOKEN.finditer(section))
    for token in tokens:
        bracket = token["bracket"]
        if bracket is not None and bracket.lower() not in _COLOURS and not re.fullmatch(r"[hms]+", bracket, re.I):
            raise UnknownFormat(f"talformatet '{section}' (betingelser, sprog- eller kalenderkoder) kendes ikke.")
    if section.strip().lower() in ("general", ""):
        return _general(value)
    if section.strip() == "@":
        return _general(value)
    if any(token["date"] or token["ampm"] for token in tokens):
        return _date_shown(value, tokens, section, epoch)
    return _number_shown(value, tokens, section)


def _general(value: float) -> str:
    if value == int(value) and abs(value) < 1e11:
        return str(int(value))
    return f"{value:.10g}"


def _number_shown(value: float, tokens: list[re.Match[str]], section: str) -> str:
    """Digit placeholders (0 # ?), a decimal point, thousands separators and a percent sign among literals."""
    parts = [_literal(token) if not token["digit"] else token["digit"] for token in tokens]
    kinds = ["digit" if token["digit"] else "literal" for token in tokens]
    text = "".join(parts)
    if re.search(r"[eE][+-]", section.replace('"', "")) or "/" in text.replace("\\/", ""):
        raise UnknownFormat(f"talformatet '{section}' (eksponent eller brøk) kendes ikke.")
    if "%" in text:
        value *= 100
    # The decimal point: the first literal '.' among the tokens; placeholders after it are decimals.
    point = next((i for i, (k, p) in enumerate(zip(kinds, parts, strict=True)) if k == "literal" and p == "."), None)
    integer_tokens = list(range(point if point is not None else len(parts)))
    decimal_tokens = [] if point is None else list(range(point + 1, len(parts)))
    grouped = any(parts[i] == "," for i in integer_tokens[1:-1] if kinds[i] == "literal")
    while integer_tokens and parts[integer_tokens[-1]] == "," and kinds[integer_tokens[-1]] == "literal":
        value /= 1000  # a trailing comma scales by a thousand
        parts[integer_tokens.pop()] = ""
    if grouped:
        for i in integer_tokens:
            if parts[i] == "," and kinds[i] == "literal":
                parts[i] = ""
    decimals = sum(1 for i in decimal_tokens if kinds[i] == "digit")
    rounded = f"{abs(value):.{decimals}f}"
    whole, _, fraction = rounded.partition(".")
    whole = whole.lstrip("0")
    out = _fill_integer([(kinds[i], parts[i]) for i in integer_tokens], whole, grouped)
    if point is not None:
        out += "." + _fill_decimals([(kinds[i], parts[i]) for i in decimal_tokens], fraction)
    return out


def _fill_integer(tokens: list[tuple[str, str]], whole: str, grouped: bool) -> str:
    """Digits from the right into the placeholders; digits left over go before the first placeholder."""
    digits = list(whole)
    out: list[str] = []
    placeholders = [i for i, (kind, _) in enumerate(tokens) if kind == "digit"]
    for index in range(len(tokens) - 1, -1, -1):
        kind, part = tokens[index]
        if kind == "literal":
            out.append(part)
            continue
        if digits:
            out.append(digits.pop())
        else:
            out.append({"0": "0", "?": " ", "#": ""}[part])
        if placeholders and index == placeholders[0] and digits:
            out.append("".join(digits))
            digits = []
    text = "".join(reversed(out)) if placeholders else "".join(reversed(out)) + whole
    if grouped:
        number = "".join(c for c in text if c.isdigit())
        return text.replace(number, f"{int(number):,}") if number else text
    return text


def _fill_decimals(tokens: list[tuple[str, str]], fraction: str) -> str:
    digits = list(fraction)
    out = []
    for kind, part in tokens:
        if kind == "literal":
            out.append(part)
        elif digits:
            out.append(digits.pop(0))
    return "".join(out)


def _date_shown(value: float, tokens: list[re.Match[str]], section: str, epoch: datetime) -> str:
    try:
        moment = epoch + timedelta(days=value)
    except OverflowError as error:
        raise UnknownFormat(f"datoen {value} i talformatet '{section}' kan ikke vises.") from error
    out: list[str] = []
    hour_before = False
    for index, token in enumerate(tokens):
        date = token["date"]
        if token["ampm"]:
            out.append(("AM" if moment.hour < 12 else "PM") if len(token["ampm"]) > 3 else "A")
        elif token["bracket"] is not None:
            if token["bracket"].lower() not in _COLOURS:
                out.append(str(int(value * 24 * 60 ** (len(re.findall("[ms]", token["bracket"], re.I))))))
        elif date:
            letter, width = date[0].lower(), len(date)
            later = "".join(t["date"] or "" for t in tokens[index + 1 :]).lower()
            is_minute = letter == "m" and (hour_before or later.startswith("s")) and width <= 2
            out.append(_date_part(moment, letter, width, is_minute, tokens))
            hour_before = letter == "h" or (hour_before and letter not in "ymd")
        elif token["digit"]:
            out.append(f"{moment.microsecond // 100000}" if token["digit"] == "0" else token["digit"])
        else:
            out.append(_literal(token))
    return "".join(out)


def _date_part(moment: datetime, letter: str, width: int, is_minute: bool, tokens) -> str:
    twelve = any(t["ampm"] for t in tokens)
    if letter in "ye":
        return f"{moment.year:04d}" if width > 2 or letter == "e" else f"{moment.year % 100:02d}"
    if letter == "m" and is_minute:
        return f"{moment.minute:0{width}d}"
    if letter == "m":
        return {1: str(moment.month), 2: f"{moment.month:02d}"}.get(width, moment.strftime("%B" if width > 3 else "%b"))
    if letter == "d":
        return {1: str(moment.day), 2: f"{moment.day:02d}"}.get(width, moment.strftime("%A" if width > 3 else "%a"))
    if letter == "h":
        hour = (moment.hour % 12 or 12) if twelve else moment.hour
        return f"{hour:0{min(width, 2)}d}"
    return f"{moment.second:0{min(width, 2)}d}"


def _literal(token: re.Match[str]) -> str:
    if token["quoted"] is not None:
        return token["quoted"]
    if token["escaped"] is not None:
        return token["escaped"]
    if token["space"] is not None:
        return " "
    if token["fill"] is not None or token["bracket"] is not None:
        return ""
    return token.group()


def shown_text(text: str, code: str) -> str:
    """A text cell as its format shows it: the format's text section (the fourth, or a single one with '@'),
    its literals around the text; the text alone when the format has no text section."""
    sections = _sections(code)
    section = sections[3] if len(sections) >= 4 else sections[0] if "@" in sections[0] else None
    if section is None:
        return text
    out = []
    for token in _TOKEN.finditer(section):
        bracket = token["bracket"]
        if bracket is not None and bracket.lower() not in _COLOURS:
            raise UnknownFormat(f"talformatet '{section}' (betingelser, sprog- eller kalenderkoder) kendes ikke.")
        out.append(text if token["other"] == "@" else _literal(token))
    return "".join(out)
