"""generator/docx/docx_package.py: the one deterministic zip writer — the finished .docx (generated tables
spliced in as text), embedded chart workbooks and the template; same input, same bytes.

Byte-identical reports from the same workbook are tested in tests/docx/test_render.py and
tests/test_examples.py; the metadata and the absence of stale parts in a built report in
tests/test_package.py.
"""

from __future__ import annotations

import io
import zipfile

import docx
from lxml import etree

from generator.docx.docx_package import FIXED_ZIP_TIME, Metadata, ZipWriter, fixed_xlsx, normalize_zip, package, splice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_zip_writer_bytes_depend_only_on_the_content():
    def write(pieces: bool) -> bytes:
        z = ZipWriter()
        z.put("a.xml", b"<a/>")
        if pieces:
            z.put_pieces("b.xml", [b"<b>", b"x" * 3_000_000, b"</b>"])
        else:
            z.put("b.xml", b"<b>" + b"x" * 3_000_000 + b"</b>")
        return z.close()

    first = write(False)
    assert first == write(False) == write(True)  # pieces give the same bytes as the joined blob
    infos = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert [(i.filename, i.date_time, i.external_attr >> 16) for i in infos] == [
        ("a.xml", FIXED_ZIP_TIME, 0o644), ("b.xml", FIXED_ZIP_TIME, 0o644)]


def test_normalize_zip_orders_entries_and_fixed_xlsx_fixes_its_dates():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("docProps/core.xml", '<cp><dcterms:created xsi:type="dcterms:W3CDTF">2026-12-06T20:20:47Z</dcterms:created>'
                                         '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-06T20:21:00Z</dcterms:modified></cp>')
        zf.writestr("[Content_Types].xml", "<Types/>")
    fixed = zipfile.ZipFile(io.BytesIO(fixed_xlsx(buf.getvalue())))
    assert fixed.namelist() == ["[Content_Types].xml", "docProps/core.xml", "xl/workbook.xml"]
    assert fixed.read("docProps/core.xml").decode().count("2000-01-01T00:00:00Z") == 2
    assert "2026" not in fixed.read("docProps/core.xml").decode()
    assert normalize_zip(buf.getvalue()) == normalize_zip(buf.getvalue())


def test_splice_replaces_only_known_placeholder_paragraphs():
    token = "\u27e6abc:splice:0\u27e7"
    other = "\u27e6abc:splice:1\u27e7"
    blob = (f"<w:body><w:p><w:r><w:t>{token}</w:t></w:r></w:p><w:p><w:r><w:t>{other}</w:t></w:r></w:p></w:body>").encode()
    pieces = splice(blob, {token: [b"<w:tbl>", b"</w:tbl>"]})
    assert b"".join(pieces) == f"<w:body><w:tbl></w:tbl><w:p><w:r><w:t>{other}</w:t></w:r></w:p></w:body>".encode()
    assert splice(blob, {}) == [blob]


def test_package_writes_metadata_and_drops_stale_template_parts():
    doc = docx.Document()  # python-docx's own template carries a thumbnail and stylesWithEffects
    doc.add_paragraph("BAB I PENDAHULUAN")
    meta = Metadata("Laporan Kinerja <Kecamatan> & 2024", "Kecamatan Alok", "2025-01-30")
    data = package(doc, {}, meta)
    assert data == package(doc, {}, meta)
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = zf.namelist()
    assert names[0] == "[Content_Types].xml"
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names
    assert b"thumbnail" not in zf.read("_rels/.rels") and b"stylesWithEffects" not in zf.read("word/_rels/document.xml.rels")
    core = etree.fromstring(zf.read("docProps/core.xml"))
    dc, dcterms = "{http://purl.org/dc/elements/1.1/}", "{http://purl.org/dc/terms/}"
    assert core.findtext(dc + "title") == "Laporan Kinerja <Kecamatan> & 2024"
    assert core.findtext(dc + "creator") == "Kecamatan Alok" and core.findtext(dc + "language") == "id-ID"
    assert core.findtext(dcterms + "created") == core.findtext(dcterms + "modified") == "2025-01-30T00:00:00Z"
    assert b"<Company>Kecamatan Alok</Company>" in zf.read("docProps/app.xml")
    body = etree.fromstring(zf.read("word/document.xml")).find(W + "body")
    assert "".join(body.itertext()) == "BAB I PENDAHULUAN"
