"""Word, PowerPoint and Excel files read as mat2 reads them: every part of the package decided by its content
type, XML parts read whole, images read as images, embedded documents read through the list of kinds; any part
of another kind refused. Hidden content is refused the way Word's Document Inspector warns of it."""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePosixPath

from lxml import etree

from vidensportal.guards.documents.cells import Workbook, chart_numbers, hidden_sheets, sheet_texts
from vidensportal.guards.documents.outcome import MAX_DEPTH, MAX_UNPACKED, UnreadableDocument, resave_advice
from vidensportal.guards.documents.xmltext import local, parse_part, xml_texts

_TYPES = "[Content_Types].xml"
_CHANGES_HOW = "Acceptér eller afvis alle ændringer i Word under Gennemse, og gem filen igen."
_HIDDEN = {  # element name -> what it is and how to remove it
    "ins": f"indeholder sporede ændringer (indsat tekst). {_CHANGES_HOW}",
    "del": f"indeholder sporede ændringer (slettet tekst). {_CHANGES_HOW}",
    "delText": f"indeholder sporede ændringer (slettet tekst). {_CHANGES_HOW}",
    "delInstrText": f"indeholder sporede ændringer (slettet tekst). {_CHANGES_HOW}",
    "moveFrom": f"indeholder sporede ændringer (flyttet tekst). {_CHANGES_HOW}",
    "moveTo": f"indeholder sporede ændringer (flyttet tekst). {_CHANGES_HOW}",
    **dict.fromkeys(
        [
            "cellIns",
            "cellDel",
            "cellMerge",
            "customXmlInsRangeStart",
            "customXmlDelRangeStart",
            "customXmlMoveFromRangeStart",
            "customXmlMoveToRangeStart",
            "numberingChange",
        ],
        f"indeholder sporede ændringer. {_CHANGES_HOW}",
    ),
    "commentReference": "indeholder kommentarer. Slet alle kommentarer (Gennemse > Slet alle), og gem filen igen.",
    "vanish": "indeholder skjult tekst. Vis skjult tekst (Filer > Indstillinger > Vis), slet den, og gem igen.",
    "altChunk": "indeholder en indlejret fil. Kopiér dens indhold ind som almindelig tekst, og gem igen.",
}
_FORMAT_CHANGE = f"indeholder sporede ændringer (formatering). {_CHANGES_HOW}"
_REVISIONS_HOW = "Slå Spor ændringer fra i Excel (Gennemse), acceptér eller afvis ændringerne, og gem filen igen."
_COMMENTS = "indeholder kommentarer. Slet alle kommentarer (Gennemse > Slet alle), og gem filen igen."
_EMBEDDED = (
    "indeholder den indlejrede fil '{part}'. Slet den, eller udgiv den som sin egen fil, og gem igen (et diagram "
    "bærer sine data med som en indlejret projektmappe: indsæt diagrammet som billede)."
)
_MACROS = "indeholder makroer. Gem filen som .docx, .pptx eller .xlsx uden makroer, eller som PDF."
_HIDDEN_SLIDE = "har skjulte dias ('{part}'). Vis eller slet de skjulte dias i PowerPoint, og gem igen."
_HIDDEN_SHAPE = "har skjulte figurer ('{part}'). Vis dem (Markeringsruden), slet dem, der ikke skal med, og gem igen."
_OFF = frozenset({"0", "false", "off"})
# The printer's settings Office stores (a fixed DEVMODE record: printer and paper names, numbers); no reader shows
# them, their strings are read all the same.
_PRINTER_SETTINGS = ".printersettings"
_PACKAGE_SUFFIXES = frozenset({".docx", ".pptx", ".xlsx"})


def read_office(data: bytes, name: str, depth: int) -> list[str]:
    """Every text of every part of the package, numbers in sheets as shown; raises UnreadableDocument for a part
    it cannot read and, after reading everything, for hidden content."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableDocument(f"filen er ikke en gyldig Office-fil. {resave_advice(_kind(name))}") from error
    with archive:
        types = _content_types(archive)
        texts: list[str] = []
        hidden: list[str] = []
        xml_parts = {}
        for member in archive.infolist():
            if member.is_dir():
                continue
            part = member.filename
            if member.file_size > MAX_UNPACKED:
                raise UnreadableDocument(f"delen '{part}' er for stor til at blive læst.")
            texts.append(part)
            content_type = types.part(part)
            content = archive.read(member)
            if part == _TYPES or _is_xml(part, content_type):
                root = parse_part(content, part)
                xml_parts[part] = root
                texts += xml_texts(root) + chart_numbers(root)
                hidden += _hidden_in(part, root, content_type)
            else:
                reading = _other_part(part, content_type, content, depth)
                texts += reading[0]
                hidden += reading[1]
        texts += _sheets_as_shown(xml_parts, hidden)
    if hidden:
        raise UnreadableDocument(*dict.fromkeys(hidden))
    return texts


class _ContentTypes:
    """The package's [Content_Types].xml: a type by part name, else by extension."""

    def __init__(self, root: etree._Element) -> None:
        self.defaults = {}
        self.overrides = {}
        for element in root:
            if local(element.tag) == "Default":
                self.defaults[element.get("Extension", "").lower()] = element.get("ContentType", "").lower()
            elif local(element.tag) == "Override":
                self.overrides[element.get("PartName", "").lstrip("/").lower()] = element.get("ContentType", "").lower()

    def part(self, part: str) -> str:
        suffix = PurePosixPath(part).suffix.lower().lstrip(".")
        return self.overrides.get(part.lower(), self.defaults.get(suffix, ""))


def _content_types(archive: zipfile.ZipFile) -> _ContentTypes:
    try:
        data = archive.read(_TYPES)
    except KeyError as error:
        raise UnreadableDocument(
            f"filen mangler sin indholdsliste ({_TYPES}); den er ikke en gyldig Office-fil."
        ) from error
    types = _ContentTypes(parse_part(data, _TYPES))
    if any("macroenabled" in t or "vbaproject" in t for t in [*types.defaults.values(), *types.overrides.values()]):
        raise UnreadableDocument(_MACROS)
    return types


def _is_xml(part: str, content_type: str) -> bool:
    return content_type.endswith(("/xml", "+xml")) or part.lower().endswith((".xml", ".rels"))


def _hidden_in(part: str, root: etree._Element, content_type: str) -> list[str]:
    """Danish lines for the hidden content an XML part holds."""
    found = []
    lowered = part.lower()
    if "comments" in content_type or "/comments" in lowered or "threadedcomment" in lowered:
        found.append(_COMMENTS)
    if "/revisions/" in f"/{lowered}":  # a shared workbook's change history
        found.append(f"indeholder sporede ændringer. {_REVISIONS_HOW}")
    if local(root.tag) == "sld" and root.get("show") in _OFF:
        found.append(_HIDDEN_SLIDE.format(part=part))
    if lowered == "xl/workbook.xml":
        found += hidden_sheets(root)
    if any(local(e.tag) in ("cNvPr", "docPr") and e.get("hidden") in ("1", "true") for e in root.iter()):
        found.append(_HIDDEN_SHAPE.format(part=part))
    if lowered.startswith("word/"):
        for element in root.iter():
            name = local(element.tag)
            message = _HIDDEN.get(name) or (_FORMAT_CHANGE if name.endswith("PrChange") else None)
            if message is None:
                continue
            value = next((v for k, v in element.attrib.items() if local(k) == "val"), "on")
            if local(element.tag) != "vanish" or value.lower() not in _OFF:
                found.append(message)
    return found


def _other_part(part: str, content_type: str, content: bytes, depth: int) -> tuple[list[str], list[str]]:
    """(texts, hidden) of a part that is not XML: a picture, an embedded document or the printer's settings."""
    from vidensportal.guards.documents.kinds import read_document  # the list of kinds reads Office files too

    suffix = PurePosixPath(part).suffix.lower()
    if content_type.startswith("image/"):  # read as an image of its kind; a kind not on the list is refused
        return read_document(content, part, depth + 1), []
    if content_type.endswith(_PRINTER_SETTINGS):
        from vidensportal.guards.text.binary import binary_strings

        return binary_strings(content), []
    if suffix in _PACKAGE_SUFFIXES or "/embeddings/" in f"/{part.lower()}":
        if depth + 1 > MAX_DEPTH or suffix not in _PACKAGE_SUFFIXES:
            raise UnreadableDocument(_EMBEDDED.format(part=part) + " Porten kan ikke læse den.")
        return read_document(content, part, depth + 1), [_EMBEDDED.format(part=part)]
    raise UnreadableDocument(
        f"delen '{part}' ({content_type or 'ukendt type'}) kan porten ikke læse. Fjern den (fx et billede i et "
        f"andet format end PNG, JPEG eller GIF), eller gem filen som PDF."
    )


def _sheets_as_shown(xml_parts: dict[str, etree._Element], hidden: list[str]) -> list[str]:
    """The numbers of every worksheet as Excel shows them, when the package is a workbook."""
    sheets = {part: root for part, root in xml_parts.items() if local(root.tag) == "worksheet"}
    if not sheets:
        return []
    workbook = Workbook(xml_parts)
    texts = []
    for part, root in sheets.items():
        rows, found = sheet_texts(root, workbook, part)
        texts.append("\n".join(rows))
        hidden += found
    return texts


def _kind(name: str) -> str:
    return {".docx": "Word-dokument", ".pptx": "PowerPoint-præsentation", ".xlsx": "Excel-projektmappe"}.get(
        PurePosixPath(name).suffix.lower(), "Office-fil"
    )
