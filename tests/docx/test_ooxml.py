"""generator/docx/ooxml.py: WordprocessingML string builders for generated content — tables from a `Tabel`
spec, captions, narrative blocks — every text escaped and XML-illegal characters removed.

The same XML inside a built report is tested in tests/docx/test_render.py (workbook text stays verbatim,
never evaluated), tests/test_package.py (styles defined, OpenXML validator) and tests/test_pages.py
(a tall table repeats its header); column widths and kept rows in tests/report/test_layout.py.
"""

from __future__ import annotations

from lxml import etree

from generator.base.specs import Baris, Kolom, Tabel
from generator.docx.ooxml import W_NS, blocks, caption, clean, paragraph, table, wrap

W = "{%s}" % W_NS


def _body(xml: str):
    return etree.fromstring(wrap(xml))


def _text(el) -> str:
    return "".join(x.text or "" for x in el.iter(W + "t"))


def test_text_is_escaped_and_illegal_characters_are_dropped():
    assert clean("Camat\x00 Alok\x0b\ufffe") == "Camat Alok"
    p = _body(paragraph("<b>Rp1.000 & 5%</b>\x01\nbaris dua\tkolom", style="IsiLaporan", jc="both"))[0]
    assert _text(p) == "<b>Rp1.000 & 5%</b>baris duakolom"
    assert [etree.QName(x).localname for x in p.find(W + "r")] == ["t", "br", "t", "tab", "t"]
    assert p.find(f"{W}pPr/{W}pStyle").get(W + "val") == "IsiLaporan"


def test_blocks_number_each_list_from_one_again():
    body = _body(blocks([{"jenis": "nomor", "teks": "Satu"}, {"jenis": "nomor", "teks": "Dua"},
                         {"jenis": "paragraf", "teks": "Di antara."}, {"jenis": "nomor", "teks": "Lagi"},
                         {"jenis": "butir", "teks": "Butir"}]))
    assert [_text(p) for p in body] == ["1.Satu", "2.Dua", "Di antara.", "1.Lagi", "Butir"]
    assert [p.find(f"{W}pPr/{W}pStyle").get(W + "val") for p in body] == [
        "IsiLaporan", "IsiLaporan", "IsiLaporan", "IsiLaporan", "ListBullet"]


def test_table_caption_keeps_with_its_table_and_a_figure_caption_does_not():
    tab = _body(caption("Tabel 3.1", "Capaian Indikator Kinerja Sasaran Tahun 2024"))[0]
    assert _text(tab) == "Tabel 3.1 Capaian Indikator Kinerja Sasaran Tahun 2024"  # one line of text (issue 20.5)
    assert tab.find(f"{W}pPr/{W}keepNext") is not None
    fig = _body(caption("Gambar 3.1", "Capaian", style="JudulGambar"))[0]
    assert fig.find(f"{W}pPr/{W}keepNext") is None and fig.find(f"{W}pPr/{W}pStyle").get(W + "val") == "JudulGambar"


def test_table_from_a_spec_has_header_rows_aligned_cells_and_styled_rows():
    spec = Tabel("Anggaran", [Kolom("No", 0.45, "tengah"), Kolom("Uraian", 3), Kolom("Anggaran (Rp)", 1.5, "kanan")],
                 [Baris(["1", "Program Penunjang <Urusan> & Daerah", "15.000.000"], "program"),
                  Baris(["", "Penyusunan Dokumen", "10.000.000"], indent=2),
                  Baris(["", "Jumlah", "35.000.000"], "total")],
                 nomor_kolom=["1", "2", "3"])
    tbl = _body(table(spec))[0]
    rows = tbl.findall(W + "tr")
    assert [[_text(tc) for tc in tr.findall(W + "tc")] for tr in rows] == [
        ["No", "Uraian", "Anggaran (Rp)"], ["1", "2", "3"],
        ["1", "Program Penunjang <Urusan> & Daerah", "15.000.000"], ["", "Penyusunan Dokumen", "10.000.000"],
        ["", "Jumlah", "35.000.000"]]
    assert all(tr.find(f"{W}trPr/{W}tblHeader") is not None for tr in rows[:2])
    assert rows[2].find(f"{W}trPr/{W}tblHeader") is None
    data = rows[2].findall(W + "tc")
    assert [tc.find(f".//{W}jc").get(W + "val") for tc in data] == ["center", "left", "right"]
    assert data[1].find(f".//{W}b") is not None  # a program row is bold
    assert rows[3].findall(W + "tc")[1].find(f".//{W}ind").get(W + "left") == str(2 * 227)  # indented under it
    assert rows[4].find(f".//{W}shd").get(W + "fill") == "EDEDED"  # the total row is shaded
    widths = [int(g.get(W + "w")) for g in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
    assert widths[1] > widths[2] > widths[0]
