"""generator/docx/finish.py: finishing the rendered document — each `sisip_*` marker paragraph replaced by
generated text, tables, native charts and pictures; captions numbered per chapter; the Daftar Isi /
Tabel / Gambar entries cached (with LibreOffice's page numbers when given).

Here the `Finisher` runs on a small python-docx document with hand-made markers. Whole reports
are tested in tests/docx/test_render.py (caption numbering, staff text as list items), tests/test_package.py
(landscape end section, charts), tests/report/test_layout.py (`--perbarui-daftar` page numbers, signatures)
and tests/test_pages.py (captions keep with their table or figure).
"""

from __future__ import annotations

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from generator.base.specs import Baris, Grafik, Kolom, Tabel
from generator.docx import ooxml
from generator.docx.finish import Finisher, _page_pool

W = "{%s}" % ooxml.W_NS
NONCE = "a1b2c3"


def _text(el) -> str:
    return "".join(x.text or "" for x in el.iter(W + "t"))


def _marker(doc, kind: str, key: str) -> None:
    doc.add_paragraph(f"\u27e6{NONCE}:{kind}:{key}\u27e7")


def _toc(doc, switch: str) -> None:
    p = doc.add_paragraph()
    for xml in (f'<w:r xmlns:w="{ooxml.W_NS}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{ooxml.W_NS}"><w:instrText xml:space="preserve"> TOC {switch} </w:instrText></w:r>',
                f'<w:r xmlns:w="{ooxml.W_NS}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{ooxml.W_NS}"><w:t>Klik kanan untuk memperbarui.</w:t></w:r>',
                f'<w:r xmlns:w="{ooxml.W_NS}"><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(docx.oxml.parse_xml(xml))


def _tabel(judul: str, n: int) -> Tabel:
    return Tabel(judul, [Kolom("No", 0.45, "tengah"), Kolom("Uraian", 3), Kolom("Jumlah", 1, "kanan")],
                 [Baris([str(i), f"Baris {i}", f"{i}.000"]) for i in range(1, n + 1)])


@pytest.fixture
def finished():
    doc = docx.Document()
    _toc(doc, '\\h \\z \\c "Judul Tabel"')
    doc.add_paragraph("BAB III AKUNTABILITAS KINERJA", style="Heading 1")
    _marker(doc, "teks", "pengukuran")
    _marker(doc, "tabel", "capaian")
    _marker(doc, "tabel", "kosong")
    _marker(doc, "grafik", "capaian")
    _marker(doc, "tabel", "anggaran")
    doc.add_paragraph("LAMPIRAN", style="Heading 1")
    _marker(doc, "tabel", "rencana_aksi")
    ctx = {"teks": {"pengukuran": [{"jenis": "paragraf", "teks": "Capaian dihitung dari realisasi dibagi target."},
                                   {"jenis": "nomor", "teks": "Polaritas positif"}]},
           "tabel": {"capaian": _tabel("Capaian Indikator Kinerja Sasaran", 2), "kosong": Tabel("Tanpa Baris", [Kolom("A")], []),
                     "anggaran": _tabel("Anggaran per Unit", 3), "rencana_aksi": _tabel("Rencana Aksi", 1)},
           "grafik": {"capaian": Grafik("Capaian Indikator", "capaian", [{"nama": "IKM", "capaian": 102.5}])},
           "gambar": {}}
    fin = Finisher(doc, ctx, NONCE)
    fin.run()
    return doc, fin


def test_captions_are_numbered_per_chapter_in_document_order(finished):
    _doc, fin = finished
    assert fin.captions == [("tabel", "Tabel 3.1 Capaian Indikator Kinerja Sasaran"), ("gambar", "Gambar 3.1 Capaian Indikator"),
                            ("tabel", "Tabel 3.2 Anggaran per Unit"), ("tabel", "Tabel L.1 Rencana Aksi")]
    assert len(fin.splices) == 3  # a table with no rows is not printed: its sentence says what is missing


def test_markers_are_replaced_by_text_and_a_chart_part(finished):
    doc, _fin = finished
    texts = [_text(p) for p in doc.element.body.iter(W + "p")]
    assert "Capaian dihitung dari realisasi dibagi target." in texts and "1.Polaritas positif" in texts
    assert not [t for t in texts if "\u27e6" in t and ":splice:" not in t]  # every marker is gone
    assert "Gambar 3.1 Capaian Indikator" in texts  # the figure's caption, below it (one line, issue 20.5)
    charts = [r for r in doc.part.rels.values() if r.reltype.endswith("/chart")]
    assert len(charts) == 1 and charts[0].target_part.partname == "/word/charts/chart1.xml"
    assert [r.target_part.partname for r in charts[0].target_part.rels.values()] == [
        "/word/embeddings/Microsoft_Excel_Worksheet1.xlsx"]
    have = {s.style_id for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    assert {"IsiLaporan", "IsiTabel", "JudulTabel", "JudulGambar", "TOC1", "TOC2"} <= have


def test_daftar_tabel_is_cached_with_page_numbers_from_libreoffice(finished):
    doc, fin = finished
    fin.fill_tocs(["Tabel 3.1 Capaian Indikator Kinerja Sasaran\t12\nTabel 3.2 Anggaran per Unit\t14\n"
                   "Tabel L.1 Rencana Aksi\t30"])
    entries = [p for p in doc.element.body.iter(W + "p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='TOC1']") is not None]
    first = doc.element.body[0]
    assert _text(first) == "Tabel 3.1 Capaian Indikator Kinerja Sasaran12"  # "Klik kanan …" replaced
    assert [_text(p) for p in entries] == ["Tabel 3.2 Anggaran per Unit14", "Tabel L.1 Rencana Aksi30"]
    assert entries[-1].find(f".//{W}fldChar[@{W}fldCharType='end']") is not None  # the field closes after the last entry


def test_page_pool_keeps_repeated_entries_in_order():
    assert _page_pool(["Tabel 3.1  Capaian\t12\nTabel 3.1 Capaian\t13\nBAB I\t1\ntanpa nomor\t"]) == {
        "Tabel3.1Capaian": ["12", "13"], "BABI": ["1"]}
