"""The one list of file kinds the site publishes, each with how it is read; any other kind is refused, with the
Danish advice of what to publish instead."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from vidensportal.guards.documents.images import read_image
from vidensportal.guards.documents.office import read_office
from vidensportal.guards.documents.outcome import UnreadableDocument
from vidensportal.guards.documents.pdf import read_pdf

Reader = Callable[[bytes, str, int], list[str]]


@dataclass(frozen=True)
class Kind:
    """A publishable kind: its Danish name for the guide, its reader (None: read as the site's own text) and
    whether contributors may put it under docs/ (False: only the build writes it)."""

    label: str
    reader: Reader | None = None
    contributed: bool = True


_TEXT = Kind("tekst")
PUBLISHABLE: dict[str, Kind] = {
    ".pdf": Kind("PDF", read_pdf),
    ".docx": Kind("Word-dokument", read_office),
    ".pptx": Kind("PowerPoint-præsentation", read_office),
    ".xlsx": Kind("Excel-projektmappe", read_office),
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico"), Kind("billede", read_image)),
    ".svg": Kind("SVG-billede"),
    **dict.fromkeys((".md", ".markdown"), Kind("side")),
    **dict.fromkeys(
        (".html", ".htm", ".css", ".js", ".json", ".xml", ".txt", ".csv", ".ics", ".yml", ".yaml", ".webmanifest"),
        _TEXT,
    ),
    # Written by the build only: the theme's source maps and Pagefind's index (gzip, signature, CBOR) and program.
    ".map": Kind("kildekort", contributed=False),
    **dict.fromkeys((".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter"), Kind("søgeindeks", contributed=False)),
    ".pagefind": Kind("søgeprogram", contributed=False),
}

_ADVICE = {
    "Gem den som PDF, eller som Word-dokument (.docx).": ".doc .dot .dotx .odt .ott .rtf .pages .wpd .wps .txt~",
    "Gem den som PDF, eller som PowerPoint-præsentation (.pptx).": ".ppt .pps .ppsx .pot .potx .odp .key",
    "Gem den som PDF, eller som Excel-projektmappe (.xlsx).": ".xls .xlt .xltx .xlsb .ods .numbers",
    "Gem den som .docx, .pptx eller .xlsx uden makroer, eller som PDF.": ".docm .dotm .pptm .potm .ppsm .xlsm .xltm",
    "Gem mailen som PDF, og udgiv kun det, der må udgives.": ".eml .msg .mbox .mht .mhtml .oft",
    "Pak filerne ud, og læg dem, der må udgives, hver for sig.": ".zip .7z .rar .tar .gz .tgz .bz2 .xz .cab .iso",
    "Gem billedet som PNG eller JPEG.": ".bmp .tif .tiff .heic .heif .emf .wmf .psd .eps .ai .avif",
}
_ADVICE_BY_SUFFIX = {suffix: advice for advice, suffixes in _ADVICE.items() for suffix in suffixes.split()}


def kind_of(name: str) -> str:
    """The kind a published name has: its last suffix, or the one before '.gz' (a compressed sitemap)."""
    suffixes = [s.lower() for s in PurePosixPath(name).suffixes]
    if len(suffixes) >= 2 and suffixes[-1] == ".gz":
        return suffixes[-2]
    return suffixes[-1] if suffixes else ""


def kind_refusal(name: str, *, contributed: bool) -> str | None:
    """The Danish line refusing a file of a kind the site does not publish (`contributed`: under docs/), or None."""
    # A contributor's file is taken by its last suffix: only the build compresses (the sitemap).
    suffix = PurePosixPath(name).suffix.lower() if contributed else kind_of(name)
    kind = PUBLISHABLE.get(suffix)
    if kind is not None and (kind.contributed or not contributed):
        return None
    shown = f"'{suffix}'" if suffix else "uden endelse"
    advice = _ADVICE_BY_SUFFIX.get(suffix, "Gem den som PDF, eller brug en af de filtyper, bidragsguiden nævner.")
    return f"filtypen {shown} udgives ikke: portalen udgiver kun filtyper, som den kan læse helt. {advice}"


def document_reader(name: str) -> Reader | None:
    """The reader of a document or picture kind, or None for the site's own text kinds and unknown kinds."""
    kind = PUBLISHABLE.get(PurePosixPath(name).suffix.lower())
    return kind.reader if kind is not None else None


def read_document(data: bytes, name: str, depth: int = 0) -> list[str]:
    """Every text of a document inside another (an attached or embedded file), read by its kind's reader; a kind
    without a reader of its own is refused."""
    reader = document_reader(name)
    if reader is None:
        raise UnreadableDocument(
            f"den indlejrede fil '{name}' kan porten ikke læse: inde i en anden fil læses kun PDF, Word, PowerPoint, "
            "Excel og billeder i PNG, JPEG, GIF, WebP og ICO. Fjern den, og gem filen igen."
        )
    return read_completely(reader, data, name, depth)


def read_completely(reader: Reader, data: bytes, name: str, depth: int) -> list[str]:
    """The reader's texts; any error it meets becomes a refusal, never a partial reading."""
    try:
        return reader(data, name, depth)
    except UnreadableDocument:
        raise
    # A damaged document makes pypdf, zipfile or lxml raise nearly anything; it is refused, never read in part.
    except Exception as error:
        raise UnreadableDocument(
            "filen kan ikke læses helt (den er beskadiget, eller porten kender ikke dens variant). Åbn den, og gem "
            "den igen som PDF uden adgangskode."
        ) from error
