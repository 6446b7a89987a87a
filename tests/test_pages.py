"""Issue 20: how the examples' pages flow, read from the generated .docx (no LibreOffice needed).

What LibreOffice makes of it (page fill, orientation, where the signatures fall) is measured
in tests/report/test_layout.py.
"""

from __future__ import annotations

import re

import pytest
from conftest import ALOK, RAAS, SUMENEP
from docx.oxml.ns import qn
from docx_text import load

from generator.docx.render import render_docx
from generator.pipeline import check
from generator.report.context import build_context


@pytest.fixture(scope="module")
def built():
    """workbook stem -> (context, python-docx Document)."""
    out = {}
    for wb in (ALOK, SUMENEP, RAAS):
        _lap, hasil, problems = check(wb)
        assert hasil is not None, problems
        ctx = build_context(hasil)
        out[wb.stem] = (ctx, load(render_docx(ctx)))
    return out


def _style(p) -> str:
    st = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return st.get(qn("w:val")) if st is not None else ""


def _keeps(el) -> bool:
    return el.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _table_after(doc, caption_start: str):
    found = False
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p") and _style(el) == "JudulTabel" and _text(el).startswith(caption_start):
            found = True
        elif el.tag == qn("w:tbl") and found:
            return el
    raise AssertionError(caption_start)


def _captions(doc) -> list[str]:
    return [_text(el) for el in doc.element.body.iterchildren() if el.tag == qn("w:p") and _style(el) == "JudulTabel"]


def _body_rows_kept(tbl) -> list[bool]:
    rows = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    return [all(_keeps(p) for p in r.iter(qn("w:p"))) for r in rows]


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_figure_captions_keep_with_their_figure_only(built, stem):
    """Issue 20.1: a chart keeps with its caption below; the caption does not drag the next heading and table along."""
    _ctx, doc = built[stem]
    body = list(doc.element.body.iterchildren())
    figures = [i for i, el in enumerate(body) if el.tag == qn("w:p") and _style(el) == "JudulGambar"]
    assert figures
    for i in figures:
        assert not _keeps(body[i]), _text(body[i])
        above = body[i - 1]  # the chart itself (or the last row of a drawn chart) stays with its caption
        assert _keeps(above) or all(_keeps(x) for x in above.findall(f"{qn('w:tr')}/{qn('w:tc')}/{qn('w:p')}"))
    tables = [el for el in body if el.tag == qn("w:p") and _style(el) == "JudulTabel"]
    assert tables and all(_keeps(el) for el in tables)


def test_a_tall_table_breaks_with_its_header_repeated(built):
    """Issue 20.1: Alok's IKU table (5 rows of definitions, most of a page) is not kept whole: it starts under its
    intro and breaks where the page ends."""
    _ctx, doc = built[ALOK.stem]
    tbl = _table_after(doc, "Tabel 2.2")
    kept = _body_rows_kept(tbl)
    assert len(kept) == 5
    assert kept == [True, False, False, True, False]  # header with the first two rows, the last two together
    small = _body_rows_kept(_table_after(doc, "Tabel 3.1"))  # the predicate scale: a few short rows, kept whole
    assert all(small[:-1])


def _printed_tables(doc) -> list[tuple[str, list[list[str]]]]:
    """(caption, body rows) of every generated table (those with a repeating header)."""
    from docx.table import Table

    out, caption = [], ""
    for el in doc.element.body.iterchildren():
        if el.tag == qn("w:p") and _style(el) == "JudulTabel":
            caption = re.sub(r"^Tabel [\dL]+\.\d+ ?", "", _text(el))  # the title, without its number
        elif el.tag == qn("w:tbl"):
            rows = el.findall(qn("w:tr"))
            body = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
            if len(body) < len(rows):
                t = Table(el, doc._body)
                out.append((caption, [[c.text for c in row.cells] for row in t.rows[len(rows) - len(body):]]))
    return out


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_no_printed_column_holds_only_dashes(built, stem):
    """Issue 20.6: Alok's program-indicator Target/Realisasi/Capaian, Sumenep's Solusi, Raas's Sumber Data and
    Penanggung Jawab, the Kode of Alok's and Sumenep's budget detail: columns of "-" are not printed."""
    _ctx, doc = built[stem]
    tables = _printed_tables(doc)
    assert len(tables) > 15
    for caption, rows in tables:
        for i in range(1, len(rows[0])):
            assert any(r[i].strip() not in ("", "-") for r in rows), f"{caption}: kolom {i + 1} kosong"
        assert not any(r[1].startswith("Program: Program") for r in rows), caption


def test_captions_name_only_what_the_table_lists(built):
    """Issue 20.6: Sumenep's budget detail lists programs only; Alok's program indicators have no capaian; Sumenep has
    no Solusi per indicator; Raas's IKU have no definition."""
    captions = {stem: [c for c, _rows in _printed_tables(doc)] for stem, (_ctx, doc) in built.items()}
    assert "Realisasi Anggaran per Program Tahun 2023" in captions[SUMENEP.stem]
    assert "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan Tahun 2024" in captions[ALOK.stem]
    assert "Indikator Program Tahun 2024 beserta Anggarannya" in captions[ALOK.stem]
    assert not any(c.startswith("Analisis Penyebab") for c in captions[SUMENEP.stem])  # printed per sasaran (20.8)
    assert "Indikator Kinerja Utama Kecamatan Raas" in captions[RAAS.stem]
    assert not any("Definisi dan Formula" in c for c in captions[RAAS.stem])
    assert built[SUMENEP.stem][0]["ringkas"]["kalimat_analisis"] == \
        "Penyebab keberhasilan atau kegagalan setiap indikator dirangkum pada tabel berikut."


def test_tables_with_nothing_to_show_are_a_sentence(tmp_path):
    """Issue 19.5 / 20.6: no analysis nor solusi, one year of realisasi, no Renstra end target: no table of "-",
    one sentence saying what is missing instead of "disajikan pada tabel berikut"."""
    from factory import KINERJA, make_workbook

    kinerja = [{k: v for k, v in r.items() if k not in ("Analisis", "Solusi", "Realisasi 2023", "Target 2025", "Target 2026")}
               for r in KINERJA]
    wb = make_workbook(tmp_path / "kosong.xlsx", kinerja=kinerja)
    _lap, hasil, problems = check(wb)
    assert hasil is not None, problems
    doc = load(render_docx(build_context(hasil)))
    captions = [c for c, _rows in _printed_tables(doc)]
    assert not any(c.startswith(("Analisis Penyebab", "Perbandingan Realisasi dan Capaian", "Realisasi sampai dengan"))
                   for c in captions), captions
    paras = [p.text for p in doc.paragraphs]
    assert "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya belum diuraikan." in paras
    assert ("Realisasi indikator kinerja tahun-tahun sebelum 2024 belum tersedia, sehingga perbandingan dengan "
            "tahun-tahun sebelumnya belum dapat disajikan.") in paras
    assert ("Target akhir periode Renstra 2024-2026 untuk indikator kinerja belum tersedia, sehingga perbandingan "
            "dengan target akhir Renstra belum dapat disajikan.") in paras
    assert not any("tabel berikut" in p and ("solusi" in p or "target akhir" in p) for p in paras)


def test_group_rows_keep_with_the_rows_under_them(built):
    """Issue 20.3: in Kota Sumenep's program-indicator table every sasaran, program and kegiatan row keeps with the
    row under it."""
    _ctx, doc = built[SUMENEP.stem]
    tbl = _table_after(doc, next(c for c in _captions(doc) if "Indikator Program" in c))
    rows = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    kept = _body_rows_kept(tbl)
    heads = [i for i, r in enumerate(rows[:-1]) if r.find(f".//{qn('w:shd')}") is not None or r.find(f".//{qn('w:b')}") is not None]
    assert len(heads) > 10
    assert all(kept[i] for i in heads)
    assert not all(kept)  # the table still breaks between groups


def test_small_things_a_reviewer_circles(built):
    """Issue 20.5: captions are one line of text (no manual break feeding the Daftar Tabel); the capaian chart's axis
    starts at 0; no Compatibility Mode (Word 2013+ layout); numbered misi and Daftar entries hang their wrapped lines."""
    import zipfile
    from io import BytesIO

    _ctx, doc = built[RAAS.stem]
    for p in doc.element.body.iter(qn("w:p")):
        if _style(p) in ("JudulTabel", "JudulGambar"):
            assert p.find(f".//{qn('w:br')}") is None, _text(p)
    blob = BytesIO()
    doc.save(blob)
    with zipfile.ZipFile(blob) as z:
        charts = [z.read(n).decode() for n in z.namelist() if n.startswith("word/charts/chart")]
        settings = z.read("word/settings.xml").decode()
    capaian = [c for c in charts if "Capaian (%)" in c]
    assert capaian and all(re.search(r'<c:valAx>.*?<c:scaling><c:orientation val="minMax"/><c:min val="0"/>', c, re.S)
                           for c in charts)
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    misi = [p for p in doc.paragraphs if re.match(r"\d\.\t", p.text)]
    assert misi and all(p.paragraph_format.first_line_indent < 0 for p in misi)
    toc = doc.styles["toc 3"].paragraph_format  # Daftar Tabel / Gambar entries: hanging, wrapped 1 cm before the number
    assert toc.first_line_indent < 0 and toc.left_indent == -toc.first_line_indent and toc.right_indent > 0
    assert doc.styles["toc 1"].paragraph_format.first_line_indent in (None, 0)  # no tab stop jamming "LAMPIRAN27"


def test_each_table_is_printed_once_unless_pengaturan_asks_for_both(built, tmp_path):
    """Issue 20.8: the PK tables in the signed Lampiran only (Bab II refers to it), the IKU table in Bab II only, the
    per-indicator analysis under each sasaran only; `tabel_ganda = Ya` prints them twice as before."""
    from factory import make_workbook

    for stem, (ctx, doc) in built.items():
        titles = [c for c, _rows in _printed_tables(doc)]
        assert len(titles) == len(set(titles)), stem
        paras = [p.text for p in doc.paragraphs]
        tahun = ctx["profil"]["tahun"]
        assert [x for x in paras if x.startswith(f"Perjanjian Kinerja Tahun {tahun} ditandatangani")
                and x.endswith(f"Naskahnya disajikan pada Lampiran A (Perjanjian Kinerja Tahun {tahun}).")], stem
    alok = [c for c, _rows in _printed_tables(built[ALOK.stem][1])]
    assert "Indikator Kinerja Utama Kecamatan Alok" in alok
    assert not any(c.startswith("Analisis Penyebab") for c in alok)
    assert ("Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya diuraikan pada analisis capaian per "
            "sasaran (angka 3 di atas).") in [p.text for p in built[ALOK.stem][1].paragraphs]

    wb = make_workbook(tmp_path / "ganda.xlsx", pengaturan={"tabel_ganda": "Ya"})
    _lap, hasil, problems = check(wb)
    assert hasil is not None, problems
    titles = [c for c, _rows in _printed_tables(load(render_docx(build_context(hasil))))]
    assert titles.count("Sasaran, Indikator dan Target Perjanjian Kinerja Tahun 2024") == 2
    assert titles.count("Indikator Kinerja Utama Kecamatan Contoh") == 2
    assert "Analisis Penyebab Keberhasilan/Kegagalan dan Solusi" in titles


def test_numbering_shows_the_hierarchy_and_one_unit_is_a_sentence(built):
    """Issue 20.7: Kota Sumenep's program-indicator table numbers 1, 1.1, 1.1.1 (not 1…126); a one-unit report (Kota
    Sumenep, Raas) has no per-unit table of one row but a sentence, and no unit row repeating the total."""
    ctx, doc = built[SUMENEP.stem]
    tbl = _table_after(doc, next(c for c in _captions(doc) if "Indikator Program" in c))
    numbers = [r.findall(qn("w:tc"))[0] for r in tbl.findall(qn("w:tr"))]
    numbers = [_text(tc) for tc in numbers]
    assert numbers[3:7] == ["1", "1.1", "1.1.1", "2"]
    assert max(len(n.split(".")) for n in numbers if n) == 3 and "126" not in numbers
    for stem in (SUMENEP.stem, RAAS.stem):
        ctx, doc = built[stem]
        assert not any("per Unit" in c for c in _captions(doc))
        sentence = ctx["ringkas"]["kalimat_satu_unit"]
        assert sentence.startswith("Seluruh anggaran dikelola oleh Kecamatan ") and sentence in [p.text for p in doc.paragraphs]
        rinci = _table_after(doc, next(c for c in _captions(doc) if "Realisasi Anggaran per" in c))
        assert not any(_text(tc).isupper() and len(_text(tc)) > 8 for tc in rinci.iter(qn("w:tc")))  # no "KECAMATAN RAAS" row
    assert any("per Unit" in c for c in _captions(built[ALOK.stem][1]))  # five units: the table stays


def _bagan_rows(doc) -> list[list[str]]:
    caption = next(el for el in doc.element.body.iterchildren()
                   if el.tag == qn("w:p") and _style(el) == "JudulGambar" and "Struktur Organisasi" in _text(el))
    tbl = caption.getprevious()
    assert tbl.tag == qn("w:tbl")
    return [[_text(tc.find(qn("w:p"))) for tc in tr.findall(qn("w:tc")) if tc.find(f".//{qn('w:shd')}") is not None]
            for tr in tbl.findall(qn("w:tr"))]


def test_struktur_organisasi_drawn_from_the_pegawai_sheet(built, tmp_path):
    """Issue 20.10: Raas gives no picture: its Pegawai sheet draws the chart (Camat on top, the Sekretaris with both
    Kepala Sub Bagian under it, the Kepala Seksi beside); an Atasan column gives the lines; a picture wins."""
    from factory import make_workbook

    _ctx, doc = built[RAAS.stem]
    rows = [r for r in _bagan_rows(doc) if r]
    assert rows[0] == ["Camat Raas"]
    assert rows[1][0] == "Sekretaris Kecamatan" and len(rows[1]) == 5 and all(c.startswith("Kepala Seksi") for c in rows[1][1:])
    assert rows[2] == ["Kepala Sub Bagian Umum, Kearsipan dan Kepegawaian", "Kepala Sub Bagian Program, Perencanaan dan Keuangan"]
    assert "Gambar 1.1 Struktur Organisasi Kecamatan Raas" in [p.text for p in doc.paragraphs]
    assert "Selain pejabat struktural di atas, terdapat 9 orang staf pelaksana." in [p.text for p in doc.paragraphs]
    assert not any("Struktur Organisasi" in p.text for p in built[ALOK.stem][1].paragraphs if p.style.name == "Judul Gambar")

    pegawai = [{"Nama": "A", "Jabatan": "Camat Contoh", "Eselon": "III.a"},
               {"Nama": "B", "Jabatan": "Sekretaris Kecamatan", "Eselon": "III.b", "Atasan": "Camat Contoh"},
               {"Nama": "C", "Jabatan": "Kepala Seksi Pemerintahan", "Eselon": "IV.a", "Atasan": "Sekretaris Kecamatan"},
               {"Nama": "D", "Jabatan": "Staf", "Eselon": ""}]
    wb = make_workbook(tmp_path / "pegawai.xlsx", sheets={"Pegawai": pegawai})
    _lap, hasil, problems = check(wb)
    assert hasil is not None, problems
    rows = [r for r in _bagan_rows(load(render_docx(build_context(hasil)))) if r]
    assert rows == [["Camat Contoh"], ["Sekretaris Kecamatan"], ["Kepala Seksi Pemerintahan"]]


def test_capaian_per_tujuan_before_the_sasaran(built):
    """Issue 20.11: Kota Sumenep's two tujuan indicators get their own capaian table right before the sasaran's;
    Alok's tujuan indicator (IKM) has no realisasi: one sentence, no table of "-"."""
    _ctx, doc = built[SUMENEP.stem]
    caps = _captions(doc)
    at = next(i for i, c in enumerate(caps) if "Capaian Indikator Kinerja Tujuan Tahun 2023" in c)
    assert "Capaian Indikator Kinerja Sasaran Tahun 2023" in caps[at + 1]
    tbl = _table_after(doc, caps[at])
    body = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    assert [_text(r.findall(qn("w:tc"))[2]) for r in body] == [
        "Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan Kota Sumenep", "Nilai SAKIP Perangkat Daerah"]
    ctx, doc = built[ALOK.stem]
    assert not any("Tujuan Tahun" in c for c in _captions(doc))
    assert ("Indikator kinerja tujuan (Indeks Kepuasan Masyarakat (IKM)) belum memiliki realisasi tahun 2024, sehingga "
            "capaiannya belum dapat disajikan.") in [p.text for p in doc.paragraphs]


def test_cascading_matrix_lampiran(built):
    """Issue 20.13: a lampiran follows the tree from tujuan to sub kegiatan with each level's indicators and target,
    numbered by the hierarchy, every level row kept with the row under it (a reader can follow it across pages)."""
    ctx, doc = built[SUMENEP.stem]
    caption = next(c for c in _captions(doc) if "Matriks Cascading Kinerja" in c)
    assert caption.startswith("Tabel L.")
    tbl = _table_after(doc, caption)
    body = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    cells = [[_text(tc) for tc in r.findall(qn("w:tc"))] for r in body]
    assert cells[0][:3] == ["1", "Tujuan", "Meningkatkan Pelayanan Publik di Kecamatan"]
    assert cells[3][:2] == ["1.1.1.1", "Kegiatan"]  # down to kegiatan by default (Pengaturan matriks_cascading)
    assert {c[1] for c in cells if c[1]} == {"Tujuan", "Sasaran", "Program", "Kegiatan"}
    kept = _body_rows_kept(tbl)
    assert all(kept[i] for i in range(3))  # tujuan → sasaran → program → its first kegiatan
    assert "Matriks Cascading Kinerja" in [p.text for p in doc.paragraphs if p.style.name == "Heading 2"][-1]


def test_cascading_matrix_depth_is_a_pengaturan(tmp_path):
    """Issue 20: Pengaturan `matriks_cascading` (Kegiatan bawaan, Sub Kegiatan, Program, Tidak) sets how deep the
    lampiran goes, so a big OPD's report is not padded (Kota Sumenep: 76 sub kegiatan rows, 8 pages before)."""
    from factory import make_workbook

    lap, hasil, problems = check(SUMENEP)
    assert lap.pengaturan.matriks_cascading == "Kegiatan"
    levels = {}
    for setting in ("Sub Kegiatan", "Kegiatan", "Program", "Tidak"):
        lap.pengaturan.matriks_cascading = setting
        tabel = build_context(hasil)["tabel"].get("cascading")
        levels[setting] = {b.sel[1] for b in tabel.baris if b.sel[1]} if tabel else None
    assert levels == {"Sub Kegiatan": {"Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan"},
                      "Kegiatan": {"Tujuan", "Sasaran", "Program", "Kegiatan"},
                      "Program": {"Tujuan", "Sasaran", "Program"}, "Tidak": None}
    doc = load(render_docx(build_context(hasil)))  # "Tidak": no lampiran, no heading, not named in the text
    assert not any("Matriks Cascading" in p.text or "matriks cascading" in p.text for p in doc.paragraphs)
    for value, expected in (("sub kegiatan", "Sub Kegiatan"), ("Tidak", "Tidak")):
        wb = make_workbook(tmp_path / f"{value}.xlsx", pengaturan={"matriks_cascading": value})
        lap, _hasil, problems = check(wb)
        assert lap.pengaturan.matriks_cascading == expected, problems
    wb = make_workbook(tmp_path / "salah.xlsx", pengaturan={"matriks_cascading": "Indikator"})
    _lap, _hasil, problems = check(wb)
    assert any(p.code == "pilihan.tidak-dikenal" for p in problems)


def test_pk_perubahan_printed_when_the_workbook_gives_one(tmp_path):
    """Issue 20.4: column Pagu PK Perubahan (Anggaran, program rows) prints the revised PK after the PK, before and
    after per program, signed again; without it nothing of the kind is printed."""
    from factory import ANGGARAN, make_workbook

    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[0]["Pagu PK"] = 15_000_000
    anggaran[0]["Pagu PK Perubahan"] = 17_500_000
    wb = make_workbook(tmp_path / "perubahan.xlsx", anggaran=anggaran)
    _lap, hasil, problems = check(wb)
    assert hasil is not None, problems
    doc = load(render_docx(build_context(hasil)))
    heads = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "B. Perjanjian Kinerja Perubahan Tahun 2024" in heads
    caption = next(c for c in _captions(doc) if "Perubahan" in c)
    rows = [[_text(tc) for tc in r.findall(qn("w:tc"))] for r in _table_after(doc, caption).findall(qn("w:tr"))]
    assert rows[2] == ["1", "Program Penunjang Urusan Pemerintahan Daerah", "15.000.000", "17.500.000", "2.500.000"]
    assert rows[-1][1:] == ["Jumlah", "35.000.000", "37.500.000", "2.500.000"]
    body = "\n".join(p.text for p in doc.paragraphs) + "".join(_text(t) for t in doc.element.body.iter(qn("w:tbl")))
    assert body.count("Pihak Kedua,") == 2
    assert "Jumlah anggaran setelah perubahan: Rp37.500.000,00" in body
    plain = load(render_docx(build_context(check(make_workbook(tmp_path / "biasa.xlsx"))[1])))
    assert not any("Perubahan" in p.text for p in plain.paragraphs if p.style.name == "Heading 2")


def test_staff_text_citing_a_table_number_is_checked_against_the_printed_numbers(tmp_path):
    """Issue 20.9: "Tabel 2.3" typed by staff names the cell and what the report now numbers that way (or that there is
    no such table): numbers follow the printed order, which this issue changed."""
    from factory import KINERJA, make_workbook

    from generator.pipeline import build

    kinerja = [dict(r) for r in KINERJA]
    kinerja[1]["Analisis"] = "Jumlah petugas kurang (lihat Gambar 3.1)."
    wb = make_workbook(tmp_path / "rujukan.xlsx", kinerja=kinerja, sheets={"Narasi": [
        {"Bagian": "latar_belakang", "Isi": "Rincian IKU ada pada Tabel 2.2; target PK pada Tabel 2.3."}]})
    res = build(wb, out_dir=tmp_path / "out")
    assert res.ok, res.error
    found = [(p.sheet, p.cell, p.message) for p in res.problems if p.code == "teks.rujukan-berbeda"]
    assert found == [
        ("Narasi", "C2", "Teks menyebut Tabel 2.2; dalam laporan ini: 'Tabel 2.2 Indikator Kinerja Utama Kecamatan Contoh'."),
        ("Narasi", "C2", "Teks menyebut Tabel 2.3; dalam laporan ini: tidak ada Tabel 2.3."),
        ("Kinerja", "U3", "Teks menyebut Gambar 3.1; dalam laporan ini: "
                          "'Gambar 3.1 Capaian Indikator Kinerja Sasaran terhadap Target Tahun 2024'."),
    ]


def _section_after(doc, heading_start: str) -> bool:
    """Whether the section holding the heading that starts with `heading_start` is landscape."""
    body = doc.element.body
    heading = next(p for p in body.iterchildren(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(heading_start))
    el = heading.getnext()
    while el is not None:
        sect = el.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if el.tag == qn("w:p") else None
        if sect is not None:
            return sect.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"
        el = el.getnext()
    return body.find(qn("w:sectPr")).find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"


def test_small_subsection_before_a_landscape_table_turns_only_when_its_page_has_no_room(built):
    """Issue 20.2: III.A.8 (text and a small efisiensi table) before the landscape program table stays upright under
    the end of III.A.7 where that page has room (Raas: before, it went onto the landscape page and left p23 35 %
    filled) and goes onto the landscape page where III.A.7 ends at the foot of a page (Kota Sumenep)."""
    assert not _section_after(built[RAAS.stem][1], "8. Analisis Efisiensi")
    assert _section_after(built[SUMENEP.stem][1], "8. Analisis Efisiensi")
    assert _section_after(built[RAAS.stem][1], "9. Program dan Kegiatan")


def test_rencana_kinerja_tahunan_in_bab_ii_when_programs_support_the_sasaran(built, tmp_path):
    """Issue 20.12: Bab II prints a Rencana Kinerja Tahunan (sasaran, indikator, target beside the programs under the
    sasaran and their PK pagu) when the Kinerja sheet links programs to sasaran; without that link it would be Lampiran
    A's sasaran, indikator and target again and is not printed (each table once), nor named in the Sistematika."""
    from factory import make_workbook

    ctx, doc = built[SUMENEP.stem]
    caption = next(c for c in _captions(doc) if "Rencana Kinerja Tahunan" in c)
    assert caption.startswith("Tabel 2.")
    tbl = _table_after(doc, caption)
    body = [r for r in tbl.findall(qn("w:tr")) if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]
    cells = [[_text(tc) for tc in r.findall(qn("w:tc"))] for r in body]
    assert cells[0][:3] == ["1", "Meningkatnya Mutu Layanan", "Nilai Survei Kepuasan Masyarakat (SKM)"]
    programs = [c[4] for c in cells]
    # typed once per kelurahan in the Kinerja sheet, one program of the budget: once, with its whole pagu
    assert programs.count("Program Pemberdayaan Masyarakat Desa dan Kelurahan") == 1
    assert not any("(Kelurahan" in p for p in programs)
    assert ["Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "6.468.783.215"] == cells[-1][4:]
    headings = [p.text[3:] for p in doc.paragraphs if p.style.name == "Heading 2"]  # between IKU and PK
    assert headings.index("Rencana Kinerja Tahunan") == headings.index("Indikator Kinerja Utama") + 1
    assert headings.index("Perjanjian Kinerja Tahun 2023") == headings.index("Indikator Kinerja Utama") + 2
    assert "indikator kinerja utama, rencana kinerja tahunan dan Perjanjian Kinerja." in " ".join(
        p.text for p in built[ALOK.stem][1].paragraphs if p.text.startswith("Bab II "))  # the Sistematika names it
    for stem in (ALOK.stem, RAAS.stem):
        assert any("Rencana Kinerja Tahunan" in c for c in _captions(built[stem][1])), stem
    raas = _table_after(built[RAAS.stem][1], next(c for c in _captions(built[RAAS.stem][1]) if "Rencana Kinerja" in c))
    assert "lebih dari satu sasaran" in "".join(t.text or "" for t in raas.getnext().iter(qn("w:t")))  # one program, 4 sasaran

    wb = make_workbook(tmp_path / "tanpa.xlsx")  # programs only in Anggaran, none under a sasaran in Kinerja
    _lap, hasil, problems = check(wb)
    doc = load(render_docx(build_context(hasil)))
    assert not any("Rencana Kinerja Tahunan" in p.text for p in doc.paragraphs)
    assert "rencana kinerja tahunan" not in " ".join(p.text for p in doc.paragraphs)
