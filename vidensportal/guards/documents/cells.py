"""An Excel workbook's cells as Excel shows them: every value through its cell's number format (and the formats
conditional formatting may apply); hidden sheets, rows, columns and numbers hidden by their format found."""

from __future__ import annotations

from lxml import etree

from vidensportal.guards.documents.numformat import BUILT_IN, UnknownFormat, hides_numbers, shown, shown_text
from vidensportal.guards.documents.xmltext import local

_HIDE_HOW = "Vis alt skjult i Excel (Vis skjulte ark, rækker og kolonner), slet det, der ikke må udgives, og gem igen."


class Workbook:
    """What a workbook's cells are shown through: the number formats of its styles by the style index a cell's
    `s` names, the formats conditional formatting may apply, its shared strings and its date system."""

    def __init__(self, parts: dict[str, etree._Element]) -> None:
        styles, workbook, strings = (parts.get(f"xl/{name}.xml") for name in ("styles", "workbook", "sharedStrings"))
        self.custom: dict[int, str] = {}
        self.conditional: list[str] = []  # formats of differential styles, which conditional formatting applies
        self.formats: list[int] = []
        for element in styles.iter() if styles is not None else ():
            name = local(element.tag)
            if name == "numFmt" and local(element.getparent().tag) == "dxf":
                self.conditional.append(element.get("formatCode", ""))
            elif name == "numFmt":
                self.custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
            elif name == "cellXfs":
                self.formats = [int(xf.get("numFmtId", "0")) for xf in element if local(xf.tag) == "xf"]
        self.strings = [_text_of(item) for item in (strings if strings is not None else ()) if local(item.tag) == "si"]
        properties = [e for e in (workbook.iter() if workbook is not None else ()) if local(e.tag) == "workbookPr"]
        self.date1904 = any(e.get("date1904") in ("1", "true") for e in properties)

    def code(self, style: int) -> str:
        """The format code of a cell style; a style or format id the workbook does not define is refused."""
        if style >= len(self.formats) and style != 0:
            raise UnknownFormat(f"en celle bruger typografi nr. {style}, som projektmappen ikke har.")
        format_id = self.formats[style] if self.formats else 0
        code = self.custom.get(format_id, BUILT_IN.get(format_id))
        if code is None:
            raise UnknownFormat(f"talformat nr. {format_id} kendes ikke (et sprogafhængigt format).")
        return code


def sheet_texts(sheet: etree._Element, workbook: Workbook, part: str) -> tuple[list[str], list[str]]:
    """(each row's cells as shown, one line a row; Danish lines for hidden rows, columns or numbers). Where the
    sheet has conditional formatting, each cell is also shown through every format it may apply."""
    rows: list[str] = []
    hidden: list[str] = []
    conditional: list[str] = []
    if any(local(e.tag) == "conditionalFormatting" for e in sheet.iter()):
        # Excel 2010's rules (in an extension list) carry their differential formats in the sheet itself.
        in_sheet = [e.get("formatCode", "") for e in sheet.iter() if local(e.tag) == "numFmt"]
        conditional = [*workbook.conditional, *in_sheet]
    for element in sheet.iter():
        name = local(element.tag)
        if name in ("row", "col") and element.get("hidden") in ("1", "true"):
            what = "rækker" if name == "row" else "kolonner"
            hidden.append(f"arket '{part}' har skjulte {what}. {_HIDE_HOW}")
        if name != "row":
            continue
        shown_cells = []
        for cell in element:
            if local(cell.tag) != "c":
                continue
            code = workbook.code(int(cell.get("s", "0")))
            for each in [code, *conditional]:
                shown_cells += _cell_shown(cell, each, workbook)
            if hides_numbers(code):
                hidden.append(f"arket '{part}' har tal, som talformatet '{code}' skjuler. {_HIDE_HOW}")
        rows.append("\t".join(shown_cells))
    return rows, sorted(set(hidden))


def _cell_shown(cell: etree._Element, code: str, workbook: Workbook) -> list[str]:
    """A cell's value through a format: a number as formatted, a text through the format's text section."""
    kind = cell.get("t", "n")
    value = next((child.text for child in cell if local(child.tag) == "v"), None)
    if kind == "inlineStr":
        text = "".join(_text_of(child) for child in cell if local(child.tag) == "is")
    elif kind == "s" and value is not None:
        text = workbook.strings[int(value)]
    elif kind in ("str", "d") and value is not None:
        text = value
    elif kind == "n" and value is not None:
        return shown(float(value), code, date1904=workbook.date1904)
    else:
        return []  # booleans, errors and empty cells: read as the part's text
    return [shown_text(text, code)]


def _text_of(element: etree._Element) -> str:
    return "".join(node.text or "" for node in element.iter() if local(node.tag) == "t")


def hidden_sheets(workbook_part: etree._Element) -> list[str]:
    """Danish lines for the sheets the workbook part marks hidden or very hidden."""
    return [
        f"arket '{sheet.get('name')}' er skjult. {_HIDE_HOW}"
        for sheet in workbook_part.iter()
        if local(sheet.tag) == "sheet" and sheet.get("state") in ("hidden", "veryHidden")
    ]


def chart_numbers(part: etree._Element) -> list[str]:
    """The numbers a chart caches for its labels and axes, as its number format shows them (Word, PowerPoint
    and Excel charts alike)."""
    texts = []
    for cache in part.iter():
        if local(cache.tag) != "numCache":
            continue
        code = next((child.text or "General" for child in cache if local(child.tag) == "formatCode"), "General")
        for point in cache:
            if local(point.tag) != "pt":
                continue
            value = next((child.text for child in point if local(child.tag) == "v"), None)
            if value is not None:
                texts += shown(float(value), point.get("formatCode") or code)
    return ["\n".join(texts)] if texts else []
