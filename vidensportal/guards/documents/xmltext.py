"""The text of an XML part of a document: parsed in whatever encoding it declares (or by its byte-order mark),
without DTDs or entities, every text node read, paragraphs on lines of their own."""

from __future__ import annotations

from lxml import etree

from vidensportal.guards.documents.outcome import UnreadableDocument

# Elements a program shows on a line, cell or row of their own; text within any other element runs on.
_BREAKS = frozenset({"p", "br", "cr", "tab", "tc", "tr", "si", "c", "row", "sldId", "txBody", "li", "item"})
# Attributes a program shows as text (names of sheets and shapes, alternative texts, list entries, link targets):
# read whatever they hold. In any other attribute a bare number is an id, a size or a position that no program
# shows (a slide's creationId is a random ten-digit number), so only values with more than digits are read there.
_SHOWN_ATTRIBUTES = frozenset(
    {"name", "descr", "title", "displayText", "value", "text", "alias", "tag", "Target", "label", "tooltip"}
)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def parse_part(data: bytes, part: str) -> etree._Element:
    """The part's root element; a part that is not well-formed XML, or that carries a DTD, is refused."""
    try:
        root = etree.fromstring(data, _PARSER)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise UnreadableDocument(f"delen '{part}' er ikke gyldig XML ({_short(error)}).") from error
    if root.getroottree().docinfo.doctype:
        raise UnreadableDocument(f"delen '{part}' har en DTD, som Office-filer ikke bruger.")
    return root


def local(tag: object) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def xml_texts(root: etree._Element) -> list[str]:
    """The part's text nodes with runs joined and breaks where a program shows them; then its attribute values,
    comments and processing instructions (alternative texts, properties, field codes), one a line."""
    pieces: list[str] = []
    extras: list[str] = []

    def walk(element: etree._Element) -> None:
        if isinstance(element.tag, str):
            extras.extend(
                value
                for key, value in element.attrib.items()
                if any(c.isdigit() for c in value) and (not value.isdigit() or local(key) in _SHOWN_ATTRIBUTES)
            )
            pieces.append(element.text or "")
            for child in element:
                walk(child)
            if local(element.tag) in _BREAKS:
                pieces.append("\n")
        else:  # a comment or processing instruction
            extras.append(element.text or "")
        pieces.append(element.tail or "")

    walk(root)
    # " | " keeps two neighbouring attribute numbers ("w:w" and "w:h") from reading as one number.
    return ["".join(pieces), " | ".join(extras)]


def _short(error: Exception) -> str:
    return str(error).splitlines()[0][:120] if str(error) else type(error).__name__
