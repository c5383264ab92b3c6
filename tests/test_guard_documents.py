"""Documents are published only when the gate reads them completely: every route a number could hide by in a
Word, PowerPoint, Excel or PDF file is read or refused, hidden content is refused, and any kind not on the list
is refused under docs/ and in the output; the clean variant of each document publishes."""

from __future__ import annotations

import email.message
from pathlib import Path

import pytest

from vidensportal.guards.documents.kinds import PUBLISHABLE, kind_refusal
from vidensportal.guards.output import check_output
from vidensportal.guards.project import check_project

from .documents_made import edited, in_body, pdf, png, slides, word, workbook

WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def gate(tmp_path: Path, name: str, data: bytes) -> list[str]:
    """The gate's problems for a site that publishes `data` as `name`."""
    site = tmp_path / "site"
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_bytes(data)
    return [str(problem) for problem in check_output(site)]


def utf16(encoding: str, text: str):
    """An edit of a Word part: stored as UTF-16 (`encoding`: 'utf-16' with a byte-order mark, or 'utf-16-be'),
    the paragraph's text replaced by `text`."""

    def edit(part: bytes) -> bytes:
        xml = part.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return xml.replace("Referat af mødet", text).encode(encoding)

    return edit


def embedded(inner: bytes) -> bytes:
    return edited(
        word(),
        {"word/embeddings/Dokument1.docx": inner},
        types=f'<Default Extension="docx" ContentType="{WORD_TYPE}"/>',
    )


CHART = (
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:numCache>'
    '<c:formatCode>000000-0000</c:formatCode><c:pt idx="0"><c:v>{value}</c:v></c:pt></c:numCache></c:chartSpace>'
)


def conditional_rule(sheet: bytes) -> bytes:
    rule = b'<cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule>'
    return sheet.replace(
        b"</sheetData>", b'</sheetData><conditionalFormatting sqref="A1">' + rule + b"</conditionalFormatting>"
    )


def differential_format(styles: bytes) -> bytes:
    dxf = b'<dxfs count="1"><dxf><numFmt numFmtId="200" formatCode="000000-0000"/></dxf></dxfs>'
    return styles.replace(b"</styleSheet>", dxf + b"</styleSheet>")


GLYPHS_OUT_OF_ORDER = b"BT /F1 11 Tf 200 700 Td (1234) Tj ET BT /F1 11 Tf 100 700 Td (%s0190-) Tj ET"
TRACKED_DELETION = '<w:del w:id="1" w:author="A"><w:r><w:delText>{cpr}</w:delText></w:r></w:del>'

# Each route: (published name, the document hiding a number written with day `dd`, what the gate must say).
# "CPR-nummer": the number is read; another phrase: the document is refused, whatever it says.
ROUTES = {
    "word tracked deletion": (
        "materialer/a.docx",
        lambda dd: edited(word(), {"word/document.xml": in_body(TRACKED_DELETION.format(cpr=f"{dd}0190-1234"))}),
        "sporede ændringer",
    ),
    "word part in utf-16 with a byte-order mark": (
        "materialer/a.docx",
        lambda dd: edited(word(), {"word/document.xml": utf16("utf-16", f"{dd}0190-1234")}),
        "CPR-nummer",
    ),
    "word part in utf-16 big-endian without a mark": (
        "materialer/a.docx",
        lambda dd: edited(word(), {"word/document.xml": utf16("utf-16-be", f"{dd}0190-1234")}),
        "CPR-nummer",
    ),
    "word runs split anywhere": ("materialer/a.docx", lambda dd: word([[f"{dd}0", "19", "0-12", "34"]]), "CPR-nummer"),
    "word header": ("materialer/a.docx", lambda dd: word(header=f"Sag {dd}0190-1234"), "CPR-nummer"),
    "word properties": ("materialer/a.docx", lambda dd: word(title=f"Sag {dd}0190-1234"), "CPR-nummer"),
    "word embedded in word": (
        "materialer/a.docx",
        lambda dd: embedded(word([[f"{dd}0190-1234"]])),
        "indlejrede fil 'word/embeddings/Dokument1.docx'",
    ),
    "powerpoint speaker notes": ("materialer/a.pptx", lambda dd: slides(notes=f"Ring {dd}0190-1234"), "CPR-nummer"),
    "powerpoint runs": ("materialer/a.pptx", lambda dd: slides([[f"{dd}01", "90-1", "234"]]), "CPR-nummer"),
    "excel number format": (
        "materialer/a.xlsx",
        lambda dd: workbook([(int(f"{dd}01901234"), "000000-0000")]),
        "CPR-nummer",
    ),
    "chart label through its number format": (
        "materialer/a.docx",
        lambda dd: edited(word(), {"word/charts/chart1.xml": CHART.format(value=int(f"{dd}01901234")).encode()}),
        "CPR-nummer",
    ),
    "excel text through a format's literals": (
        "materialer/a.xlsx",
        lambda dd: workbook([("901234", f'"{dd}01"@')]),
        "CPR-nummer",
    ),
    "excel conditional number format": (
        "materialer/a.xlsx",
        lambda dd: edited(
            workbook([(int(f"{dd}01901234"), "General")]),
            {"xl/worksheets/sheet1.xml": conditional_rule, "xl/styles.xml": differential_format},
        ),
        "CPR-nummer",
    ),
    "excel shared string": ("materialer/a.xlsx", lambda dd: workbook([(f"{dd}0190-1234", "@")]), "CPR-nummer"),
    "pdf owner password only (aes)": (
        "materialer/a.pdf",
        lambda dd: pdf(f"Borgeren {dd}0190-1234", owner_password="ejer"),  # noqa: S106 - a test document
        "CPR-nummer",
    ),
    "pdf glyphs out of order": (
        "materialer/a.pdf",
        lambda dd: pdf(content=GLYPHS_OUT_OF_ORDER % dd.encode()),
        "CPR-nummer",
    ),
    "pdf bookmark": ("materialer/a.pdf", lambda dd: pdf(outline=f"Sag {dd}0190-1234"), "CPR-nummer"),
    "pdf annotation appearance": ("materialer/a.pdf", lambda dd: pdf(appearance=f"{dd}0190-1234"), "CPR-nummer"),
    "pdf attached word file": (
        "materialer/a.pdf",
        lambda dd: pdf(attachment=("bilag.docx", word([[f"{dd}0190-1234"]]))),
        "vedhæftede fil 'bilag.docx'",
    ),
    "png compressed text chunk": ("assets/a.png", lambda dd: png(f"{dd}0190-1234", compressed=True), "CPR-nummer"),
}
CLEAN = {
    "materialer/a.docx": word([["Referat af mødet 2026-03-12"]], header="Side 1", title="Referat"),
    "materialer/a.pptx": slides(notes="Husk pausen kl. 14:30", title="Oplæg"),
    "materialer/a.xlsx": workbook([(101901234, "General"), (45000, "dd-mm-yyyy"), (1234.5, "#,##0.00"), ("x", "@")]),
    "materialer/a.pdf": pdf("Referat af mødet", outline="Indhold", appearance="Godkendt"),
    "assets/a.png": png("Lavet i et tegneprogram", compressed=True),
}


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_every_document_route_stops_the_gate(tmp_path: Path, route: str):
    """A number hidden by any route in a document stops the gate, named as read or as refused content."""
    name, build, says = ROUTES[route]
    problems = gate(tmp_path, name, build("01"))
    assert problems and all(f"site/{name}" in p for p in problems), f"{route}: not stopped: {problems}"
    assert any(says in p for p in problems), f"{route}: expected '{says}' in {problems}"


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_the_same_route_without_a_date_is_read_not_refused(tmp_path: Path, route: str):
    """Negative control: the same document with day 32 is read (no problem) unless the route is hidden content,
    which is refused whatever it says."""
    name, build, says = ROUTES[route]
    problems = gate(tmp_path, name, build("32"))
    if says == "CPR-nummer":
        assert problems == [], f"{route}: a readable document without a CPR number was stopped: {problems}"
    else:
        assert problems and not any("CPR-nummer" in p for p in problems), f"{route}: {problems}"


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_a_clean_document_of_each_kind_publishes(tmp_path: Path, name: str):
    """Negative control: a clean Word, PowerPoint, Excel, PDF and PNG file (dates, times, a 9-digit number) pass."""
    assert gate(tmp_path, name, CLEAN[name]) == [], name


HIDDEN = {
    "word comment": (
        "a.docx",
        edited(word(), {"word/document.xml": in_body('<w:r><w:commentReference w:id="0"/></w:r>')}),
        "kommentarer",
    ),
    "word hidden text": (
        "a.docx",
        edited(word(), {"word/document.xml": in_body("<w:r><w:rPr><w:vanish/></w:rPr><w:t>x</w:t></w:r>")}),
        "skjult tekst",
    ),
    "word macros": (
        "a.docx",
        edited(
            word(),
            {},
            types='<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>',
        ),
        "makroer",
    ),
    "powerpoint hidden slide": (
        "a.pptx",
        edited(slides(), {"ppt/slides/slide1.xml": lambda part: part.replace(b"<p:sld ", b'<p:sld show="0" ', 1)}),
        "skjulte dias",
    ),
    "powerpoint hidden shape": (
        "a.pptx",
        edited(
            slides(),
            {
                "ppt/slides/slide1.xml": lambda part: part.replace(
                    b'<p:cNvPr id="2" ', b'<p:cNvPr hidden="1" id="2" ', 1
                )
            },
        ),
        "skjulte figurer",
    ),
    "excel hidden sheet": ("a.xlsx", workbook([(1, "0")], sheet_state="veryHidden"), "er skjult"),
    "excel hidden row": ("a.xlsx", workbook([(1, "0")], row_attributes=' hidden="1"'), "skjulte rækker"),
    "excel number hidden by its format": ("a.xlsx", workbook([(1, ";;;")]), "skjuler"),
    "excel format not understood": ("a.xlsx", workbook([(1, "# ?/?")]), "talformat"),
    "word part of an unknown kind": (
        "a.docx",
        edited(
            word(),
            {"word/media/image1.emf": b"\x01\x00\x00\x00"},
            types='<Default Extension="emf" ContentType="image/x-emf"/>',
        ),
        "'word/media/image1.emf' kan porten ikke læse",
    ),
    "word nested too deep": ("a.docx", embedded(embedded(embedded(embedded(word())))), "indlejrede fil"),
    "pdf file attached to an annotation": ("a.pdf", pdf(annotation_file=("noter.docx", word())), "noter.docx"),
    "pdf with a user password": ("a.pdf", pdf(user_password="hemmelig"), "adgangskode"),  # noqa: S106
    "damaged pdf": ("a.pdf", pdf()[:400], "kan ikke læses helt"),
    "damaged word file": ("a.docx", word()[:300], "ikke en gyldig Office-fil"),
    "png that is not a png": ("a.png", b"GIF89a" + b"\x00" * 20, "ikke et PNG-billede"),
}


@pytest.mark.parametrize("route", sorted(HIDDEN))
def test_hidden_or_unreadable_content_is_refused_with_how_to_fix_it(tmp_path: Path, route: str):
    """Hidden content, a part or format not understood, a password and a damaged file are refused in Danish,
    naming the file, never read in part."""
    name, data, says = HIDDEN[route]
    problems = gate(tmp_path, name, data)
    assert len(problems) >= 1 and all(p.startswith(f"site/{name}: ") for p in problems), f"{route}: {problems}"
    assert any(says in p for p in problems), f"{route}: expected '{says}' in {problems}"
    assert all("\n" not in p and "Traceback" not in p for p in problems), problems


def test_speaker_notes_and_properties_are_read_not_refused(tmp_path: Path):
    """Speaker notes and document properties are text like any other: a clean one publishes (control), a number in
    one is reported as a CPR number."""
    assert gate(tmp_path / "ok", "a.pptx", slides(notes="Noter", title="Titel")) == []
    assert any("CPR-nummer" in p for p in gate(tmp_path / "cpr", "a.pptx", slides(title="010190-1234")))


def mail() -> bytes:
    message = email.message.EmailMessage()
    message["Subject"] = "Referat"
    message.set_content("Borgeren 010190-1234", cte="base64")
    return bytes(message)


OTHER_KINDS = {
    "docs/materialer/a.odt": b"PK\x03\x04",
    "docs/materialer/a.rtf": rb"{\rtf1 \u48?\'31 0190-1234}",
    "docs/materialer/a.eml": mail(),
    "docs/materialer/a.msg": b"\xd0\xcf\x11\xe0",
    "docs/materialer/a.doc": b"\xd0\xcf\x11\xe0",
    "docs/materialer/a.xls": b"\xd0\xcf\x11\xe0",
    "docs/materialer/a.ppt": b"\xd0\xcf\x11\xe0",
    "docs/materialer/a.zip": edited(word(), {}),
    "docs/materialer/a.docm": word(),
    "docs/assets/a.bmp": b"BM",
    "docs/assets/README": b"tekst uden endelse",
}


def docs_project(tmp_path: Path, files: dict[str, bytes]) -> Path:
    root = tmp_path / "projekt"
    for folder in ("docs", "data", "overrides"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_other_kinds_under_docs_are_refused_before_the_build_and_at_the_gate(tmp_path: Path):
    """.odt, .rtf, .eml, .msg, .doc, .xls, .ppt, archives, macro files and unknown kinds under docs/ are refused by
    the source check (make tjek and the build) and by the gate, one Danish line each with what to do instead; a
    PDF, Word file and page beside them are not (control)."""
    clean = {"docs/materialer/ok.pdf": pdf(), "docs/materialer/ok.docx": word(), "docs/side.md": b"# Side\n"}
    root = docs_project(tmp_path, {**OTHER_KINDS, **clean})
    problems = check_project(root, root / "docs", [])
    refused = {p.file.as_posix(): p.message for p in problems}
    assert sorted(refused) == sorted(OTHER_KINDS), [str(p) for p in problems]
    assert "Gem den som PDF" in refused["docs/materialer/a.odt"], refused
    assert "Gem mailen som PDF" in refused["docs/materialer/a.eml"], refused
    assert "Pak filerne ud" in refused["docs/materialer/a.zip"], refused
    assert "makroer" in refused["docs/materialer/a.docm"], refused
    site_problems = check_output(root / "docs", shown_as="site")
    named = sorted({p.file.as_posix().replace("site/", "docs/", 1) for p in site_problems})
    assert named == sorted(OTHER_KINDS), [str(p) for p in site_problems]


def test_the_build_writes_only_kinds_on_the_list():
    """The kinds only the build writes (Pagefind's index, source maps) are publishable but not contributable; a
    contributor's kind is both; a kind on no list is neither."""
    assert kind_refusal("pagefind/fragment/da_1.pf_fragment", contributed=False) is None
    assert kind_refusal("docs/x.pf_fragment", contributed=True) is not None
    assert kind_refusal("sitemap.xml.gz", contributed=False) is None
    assert kind_refusal("materialer/a.zip.gz", contributed=False) is not None
    assert kind_refusal("materialer/a.PDF", contributed=True) is None
    assert all(kind_refusal(f"x{suffix}", contributed=False) is None for suffix in PUBLISHABLE)


def test_the_guide_and_the_readme_name_every_kind_a_contributor_may_publish():
    """docs/bidrag.md and the README's "Sikkerhed" section name each kind on the list a contributor may use."""
    from .support import ROOT

    guide = (ROOT / "docs/bidrag.md").read_text(encoding="utf-8")
    contributed = [suffix for suffix, kind in PUBLISHABLE.items() if kind.contributed]
    missing = [suffix for suffix in contributed if f"`{suffix}`" not in guide]
    assert not missing, f"kinds the guide does not name: {missing}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Kun filtyper, porten kan læse helt" in readme and "`.odt`" in readme, "the README does not say it"


@pytest.mark.slow
def test_an_odt_under_docs_stops_the_build_and_a_clean_word_file_publishes(project: Path):
    """A real build: an .odt under docs/ stops it with one Danish line naming the file and what to do instead;
    the same project with a clean Word file instead builds and publishes it (control)."""
    from .support import build_fails, build_ok

    (project / "docs/assets/noter.odt").write_bytes(edited(word(), {}))
    output = build_fails(project)
    assert "docs/assets/noter.odt" in output and "Gem den som PDF" in output, output
    (project / "docs/assets/noter.odt").unlink()
    (project / "docs/assets/noter.docx").write_bytes(word([["Noter fra mødet"]]))
    site = build_ok(project)
    assert (site / "assets/noter.docx").is_file(), "the clean Word file was not published"


@pytest.mark.slow
def test_a_word_file_with_tracked_changes_stops_the_build(project: Path):
    """A real build: a Word file with a tracked deletion under docs/ stops it, saying how to remove it."""
    from .support import build_fails

    deletion = TRACKED_DELETION.format(cpr="slettet tekst")
    (project / "docs/assets/noter.docx").write_bytes(edited(word(), {"word/document.xml": in_body(deletion)}))
    output = build_fails(project)
    assert "docs/assets/noter.docx" in output and "Acceptér eller afvis alle ændringer" in output, output


FORMATS = [
    (101901234, "000000-0000", "010190-1234"),
    (101901234, "General", "101901234"),
    (101901234, '"Sag "000000\\-0000', "Sag 010190-1234"),
    (1234567.891, "#,##0.00", "1,234,567.89"),
    (0.256, "0.0%", "25.6%"),
    (-3, "#,##0 ;(#,##0)", "(3)"),
    (-3, "0", "-3"),
    (45000, "dd-mm-yyyy", "15-03-2023"),
    (45000.5, "yyyy-mm-dd hh:mm", "2023-03-15 12:00"),
    (7, "[Red]0.00", "7.00"),
]


@pytest.mark.parametrize(("value", "code", "expected"), FORMATS)
def test_excel_numbers_are_shown_through_their_format(value: float, code: str, expected: str):
    """A cell's number is read as Excel shows it through its number format, literals and padding included."""
    from vidensportal.guards.documents.numformat import shown

    assert expected in shown(value, code), f"{value} through {code!r}: {shown(value, code)}, expected {expected}"


def test_a_1904_workbook_shows_its_dates_from_1904():
    """A workbook that counts from 1904 shows the same serial four years and a day later (control: 1900)."""
    from vidensportal.guards.documents.numformat import shown

    assert shown(45000, "dd-mm-yyyy", date1904=True) == ["16-03-2027"]
    assert shown(45000, "dd-mm-yyyy") == ["15-03-2023"]


def test_a_pdf_whose_page_cannot_be_unpacked_is_refused_not_read_as_empty(tmp_path: Path):
    """A content stream pypdf cannot unpack (it would read the page as empty and go on) refuses the whole PDF; the
    same PDF with its stream intact publishes (control)."""
    from pypdf.generic import EncodedStreamObject, NameObject

    def with_stream(data: bytes, filtered: bool) -> bytes:
        import io

        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        if filtered:
            stream = EncodedStreamObject()
            stream._data = b"x\x9cnot a deflate stream"
            stream[NameObject("/Filter")] = NameObject("/FlateDecode")
            writer.pages[0][NameObject("/Contents")] = writer._add_object(stream)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    problems = gate(tmp_path / "bad", "a.pdf", with_stream(pdf(), filtered=True))
    assert any("kan ikke læses helt" in p for p in problems), problems
    assert gate(tmp_path / "ok", "a.pdf", with_stream(pdf(), filtered=False)) == []


def test_the_source_check_refuses_a_document_as_the_gate_does(tmp_path: Path):
    """make tjek and the build's first check read docs/ documents with the same readers: a Word file with tracked
    changes is refused there with the gate's line; a clean one is not (control)."""
    deletion = TRACKED_DELETION.format(cpr="slettet tekst")
    tracked = edited(word(), {"word/document.xml": in_body(deletion)})
    root = docs_project(tmp_path, {"docs/materialer/a.docx": tracked, "docs/materialer/ok.docx": word()})
    before = [str(p) for p in check_project(root, root / "docs", [])]
    at_gate = [p.replace("site/", "docs/materialer/", 1) for p in gate(tmp_path / "gate", "a.docx", tracked)]
    assert before == at_gate and len(before) == 1 and "Acceptér eller afvis" in before[0], (before, at_gate)
