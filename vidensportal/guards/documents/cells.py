"""An Excel workbook's cells as Excel shows them: every number through its cell's number format; hidden sheets,
rows, columns and numbers hidden by their format found."""

from __future__ import annotations

from lxml import etree

from vidensportal.guards.documents.numformat import BUILT_IN, UnknownFormat, hides_numbers, shown
from vidensportal.guards.documents.xmltext import local

_HIDE_HOW = "Vis alt skjult i Excel (Vis skjulte ark, rækker og kolonner), slet det, der ikke må udgives, og gem igen."


class Workbook:
    """The number formats of a workbook's styles part, by the cell style index a cell's `s` names."""

    def __init__(self, styles: etree._Element | None, workbook: etree._Element | None = None) -> None:
        custom: dict[int, str] = {}
        self.formats: list[int] = []
        if styles is not None:
            for element in styles.iter():
                name = local(element.tag)
                if name == "numFmt":
                    custom[int(element.get("numFmtId", "-1"))] = element.get("formatCode", "")
                elif name == "cellXfs":
                    self.formats = [int(xf.get("numFmtId", "0")) for xf in element if local(xf.tag) == "xf"]
        self.custom = custom
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
    """(each row's numbers as shown, one line a row; Danish lines for hidden rows, columns or numbers)."""
    rows: list[str] = []
    hidden: list[str] = []
    for element in sheet.iter():
        name = local(element.tag)
        if name in ("row", "col") and element.get("hidden") in ("1", "true"):
            what = "rækker" if name == "row" else "kolonner"
            hidden.append(f"arket '{part}' har skjulte {what}. {_HIDE_HOW}")
        if name != "row":
            continue
        shown_cells = []
        for cell in element:
            if local(cell.tag) != "c" or cell.get("t", "n") != "n":
                continue  # strings, booleans and errors are read as the part's text
            value = next((child.text for child in cell if local(child.tag) == "v"), None)
            if value is None:
                continue
            code = workbook.code(int(cell.get("s", "0")))
            if hides_numbers(code):
                hidden.append(f"arket '{part}' har tal, som talformatet '{code}' skjuler. {_HIDE_HOW}")
            shown_cells += shown(float(value), code, date1904=workbook.date1904)
        rows.append("\t".join(shown_cells))
    return rows, sorted(set(hidden))


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
