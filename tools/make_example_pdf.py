"""Write a small, byte-reproducible PDF with Danish text, using only the standard library."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 50
TITLE_SIZE, BODY_SIZE = 16, 11
LEADING = 15
WRAP_WIDTH = 90


def _pdf_string(text: str) -> bytes:
    """Text as a PDF literal string in WinAnsiEncoding, which for Helvetica's glyphs is cp1252."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _info_string(text: str) -> bytes:
    """Text as a UTF-16 hex string, since the Info dict uses PDFDocEncoding, where – differs from cp1252."""
    return b"<FEFF%s>" % text.encode("utf-16-be").hex().upper().encode("ascii")


def _lines(title: str, paragraphs: list[str]) -> list[tuple[int, str]]:
    """(font size, text) for each line; an empty text is a blank line between blocks."""
    lines: list[tuple[int, str]] = [(TITLE_SIZE, title), (BODY_SIZE, "")]
    for number, paragraph in enumerate(paragraphs):
        if number:
            lines.append((BODY_SIZE, ""))
        wrapped = textwrap.wrap(paragraph, WRAP_WIDTH, break_long_words=False, break_on_hyphens=False)
        lines.extend((BODY_SIZE, line) for line in wrapped)
    return lines


def _pages(lines: list[tuple[int, str]]) -> list[bytes]:
    """One content stream per page, each line placed at an absolute position."""
    per_page = (PAGE_HEIGHT - 2 * MARGIN) // LEADING
    streams = []
    for start in range(0, len(lines), per_page):
        commands = []
        for row, (size, text) in enumerate(lines[start : start + per_page]):
            if not text:
                continue
            y = PAGE_HEIGHT - MARGIN - row * LEADING
            commands.append(b"BT /F1 %d Tf %d %d Td %s Tj ET" % (size, MARGIN, y, _pdf_string(text)))
        streams.append(b"\n".join(commands) + b"\n")
    return streams


def render_pdf(title: str, paragraphs: list[str]) -> bytes:
    """The PDF file's bytes; the same input always gives the same bytes."""
    streams = _pages(_lines(title, paragraphs))
    # Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
    page_numbers = [5 + 2 * index for index in range(len(streams))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % number for number in page_numbers), len(streams)),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Title %s /Producer (tools/make_example_pdf.py) >>" % _info_string(title),
    }
    for number, stream in zip(page_numbers, streams, strict=True):
        objects[number] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (PAGE_WIDTH, PAGE_HEIGHT, number + 1)
        )
        objects[number + 1] = b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream)

    # The second line's high bytes tell file-transfer tools that the file is binary.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number in sorted(objects):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref_offset = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 4 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


def write_pdf(path: Path, title: str, paragraphs: list[str]) -> None:
    """Write title and paragraphs as an A4 PDF in Helvetica; text outside cp1252 raises UnicodeEncodeError."""
    path.write_bytes(render_pdf(title, paragraphs))


EXAMPLE_TITLE = "Eksempel på oplæg – rekruttering til rocker- og bandemiljøet"
EXAMPLE_PARAGRAPHS = [
    "EKSEMPEL. Dette er eksempelindhold, lavet af tools/make_example_pdf.py for at vise, hvordan et "
    "materiale i PDF ser ud på vidensportalen. Det er ikke et rigtigt oplæg og indeholder ingen faglige "
    "oplysninger.",
    "Ordet rekrutteringsmønstre står kun i denne PDF og ikke i sitets øvrige tekst: søg på det for at se, "
    "at indholdet af PDF-materialer er med i søgningen.",
]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Brug: python -m tools.make_example_pdf UD.pdf", file=sys.stderr)
        return 2
    target = Path(args[0])
    write_pdf(target, EXAMPLE_TITLE, EXAMPLE_PARAGRAPHS)
    print(f"Eksempel-PDF skrevet til {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
