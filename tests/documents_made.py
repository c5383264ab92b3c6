"""Documents made for the gate's tests: Word, PowerPoint, Excel and PDF files built with their libraries, and
the XML edits that make the tricky variants (tracked changes, UTF-16 parts, embedded files …)."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Callable

from tools.make_example_pdf import render_pdf

Edit = bytes | Callable[[bytes], bytes] | None


def word(paragraphs: list[list[str]] | None = None, *, header: str = "", title: str = "") -> bytes:
    """A Word file, each paragraph given as its runs; a header text and a title in its properties."""
    from docx import Document

    document = Document()
    for runs in paragraphs or [["Referat af mødet"]]:
        paragraph = document.add_paragraph()
        for run in runs:
            paragraph.add_run(run)
    if header:
        document.sections[0].header.paragraphs[0].add_run(header)
    document.core_properties.title = title
    return _saved(document)


def slides(texts: list[list[str]] | None = None, *, notes: str = "", title: str = "") -> bytes:
    """A PowerPoint file with one slide whose one paragraph is given as its runs; speaker notes; a title."""
    from pptx import Presentation
    from pptx.util import Inches

    presentation = Presentation()
    slide = presentation.slides.add_slide(presentation.slide_layouts[6])
    box = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(5), Inches(1)).text_frame
    for runs in texts or [["Oplæg om samarbejdet"]]:
        paragraph = box.add_paragraph()
        for run in runs:
            paragraph.add_run().text = run
    if notes:
        slide.notes_slide.notes_text_frame.text = notes
    presentation.core_properties.title = title
    return _saved(presentation)


def workbook(
    cells: list[tuple[float | str, str]], *, sheet_state: str = "", row_attributes: str = "", strings: str = ""
) -> bytes:
    """An Excel file with one row of cells: (a number and its format code, or a shared string and '@')."""
    formats = sorted({code for _, code in cells if code not in ("General", "@")})
    format_ids = {code: 164 + index for index, code in enumerate(formats)}
    num_fmts = "".join(f'<numFmt numFmtId="{format_ids[c]}" formatCode="{_attr(c)}"/>' for c in formats)
    xfs = '<xf numFmtId="0"/>' + "".join(f'<xf numFmtId="{format_ids[c]}" applyNumberFormat="1"/>' for c in formats)
    shared = [value for value, _ in cells if isinstance(value, str)]
    row = ""
    for column, (value, code) in enumerate(cells):
        ref = f"{chr(65 + column)}1"
        style = 0 if code in ("General", "@") else 1 + formats.index(code)
        if isinstance(value, str):
            row += f'<c r="{ref}" s="{style}" t="s"><v>{shared.index(value)}</v></c>'
        else:
            row += f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    state = f' state="{sheet_state}"' if sheet_state else ""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    string_items = "".join(f"<si><t>{s}</t></si>" for s in shared) + strings
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"{state}/>'
            "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData><row r="1"{row_attributes}>{row}</row></sheetData></worksheet>'
        ),
        "xl/styles.xml": (
            f'<styleSheet xmlns="{main}"><numFmts count="{len(formats)}">{num_fmts}</numFmts>'
            f'<cellXfs count="{len(formats) + 1}">{xfs}</cellXfs></styleSheet>'
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{main}">{string_items}</sst>',
    }
    return zipped({name: text.encode("utf-8") for name, text in parts.items()})


def edited(package: bytes, edits: dict[str, Edit], *, types: str = "") -> bytes:
    """The package with parts replaced (bytes), changed (a function of the old bytes), added or removed (None);
    `types` is added to [Content_Types].xml."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    for name, edit in edits.items():
        if edit is None:
            parts.pop(name, None)
        else:
            parts[name] = edit(parts[name]) if callable(edit) else edit
    if types:
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", types.encode() + b"</Types>")
    return zipped(parts)


def in_body(xml: str) -> Callable[[bytes], bytes]:
    """An edit of word/document.xml that adds `xml` as the body's first paragraph content."""
    return lambda part: part.replace(b"<w:body>", f"<w:body><w:p>{xml}</w:p>".encode(), 1)


def zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def pdf(text: str = "Referat af mødet", **changes) -> bytes:
    """A one-page PDF of `text`, changed by pypdf: `content` (the page's drawing operators), `outline` (a
    bookmark title), `attachment` ((name, bytes)), `annotation_file` (a file pinned to the page), `appearance`
    (text only an annotation's appearance draws), `owner_password` (AES-256, empty user password), `user_password`."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(render_pdf("Referat", [text]))))
    page = writer.pages[0]
    if "content" in changes:
        stream = DecodedStreamObject()
        stream.set_data(changes["content"])
        page.replace_contents(stream)
    if "outline" in changes:
        writer.add_outline_item(title=changes["outline"], page_number=0)
    if "attachment" in changes:
        writer.add_attachment(*changes["attachment"])
    if "appearance" in changes:
        form = DecodedStreamObject()
        form.set_data(b"BT /F1 11 Tf 2 2 Td (%s) Tj ET" % changes["appearance"].encode("cp1252"))
        form.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(200), FloatObject(20)]),
                NameObject("/Resources"): page["/Resources"],
            }
        )
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Stamp"),
                NameObject("/Rect"): ArrayObject([FloatObject(50), FloatObject(50), FloatObject(250), FloatObject(70)]),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): writer._add_object(form)}),
            }
        )
        writer.add_annotation(0, annotation)
    if "annotation_file" in changes:
        name, content = changes["annotation_file"]
        embedded = DecodedStreamObject()
        embedded.set_data(content)
        spec = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Filespec"),
                NameObject("/F"): TextStringObject(name),
                NameObject("/EF"): DictionaryObject({NameObject("/F"): writer._add_object(embedded)}),
            }
        )
        pin = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/FileAttachment"),
                NameObject("/Rect"): ArrayObject([FloatObject(10), FloatObject(10), FloatObject(30), FloatObject(30)]),
                NameObject("/FS"): spec,
            }
        )
        writer.add_annotation(0, pin)
    if "owner_password" in changes or "user_password" in changes:
        writer.encrypt(
            user_password=changes.get("user_password", ""),
            owner_password=changes.get("owner_password", "ejer"),
            algorithm="AES-256",
        )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def png(text: str = "", *, compressed: bool = False) -> bytes:
    """A one-pixel PNG, with `text` in a tEXt (or compressed zTXt) chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    header = chunk(b"IHDR", (1).to_bytes(4, "big") * 2 + bytes([8, 0, 0, 0, 0]))
    if not text:
        comment = b""
    elif compressed:
        comment = chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(text.encode()))
    else:
        comment = chunk(b"tEXt", b"Comment\x00" + text.encode())
    return b"\x89PNG\r\n\x1a\n" + header + comment + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
