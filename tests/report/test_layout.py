"""The three examples as a reader sees them: LibreOffice's PDF, read page by page (pdftotext).

One build with `--pdf` per example for the whole session (LibreOffice is slow); skipped
cleanly where LibreOffice or poppler is not installed.
"""

from __future__ import annotations

import re
import shutil

import pytest
from conftest import ALOK, RAAS, SUMENEP
from pdf_pages import (
    ENTRY_END,
    PAGE_NUMBER,
    broken_words,
    daftar_entries,
    group_rows_last,
    lone_rows,
    only_page_number,
    page_fills,
    pages,
    stretched_lines,
    underfilled,
    word_heights,
)

from generator.pipeline import build

pytestmark = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                reason="LibreOffice (soffice) atau pdftotext tidak terpasang")


@pytest.fixture(scope="module", autouse=True)
def one_libreoffice():
    """Every PDF of this module through one LibreOffice (started once, not per report: ~2 s each)."""
    from generator import satu_libreoffice

    with satu_libreoffice():
        yield


@pytest.fixture(scope="module")
def printed(one_libreoffice, tmp_path_factory):
    """workbook stem -> (docx path, text of each PDF page)."""
    out = {}
    for wb in (ALOK, SUMENEP, RAAS):
        res = build(wb, out_dir=tmp_path_factory.mktemp("cetak"), pdf=True)
        assert res.pdf, res.error
        out[wb.stem] = (res.output, pages(res.pdf))
    return out


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_no_page_holds_only_its_number(printed, stem):
    _docx, texts = printed[stem]
    empty = [i + 1 for i, t in enumerate(texts) if only_page_number(t)]
    assert not empty, f"halaman tanpa isi: {empty}"


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_no_table_row_alone_on_a_page(printed, stem):
    docx, texts = printed[stem]
    assert lone_rows(docx, texts) == []


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_pk_signatures_on_the_page_of_the_last_pk_paragraph(printed, stem):
    _docx, texts = printed[stem]
    last = [i for i, t in enumerate(texts) if "Jumlah anggaran yang direncanakan" in " ".join(t.split())]
    assert last, "paragraf terakhir PK tidak ditemukan"
    page = " ".join(texts[last[-1]].split())
    assert "Pihak Pertama," in page and "Pihak Kedua," in page


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_no_heading_stranded_at_the_foot_of_a_page(printed, stem):
    """Neither a lettered heading ("B. Indikator Kinerja Utama") nor a lead-in ("Permasalahan dan kendala yang
    dihadapi:") is the last line of a page."""
    _docx, texts = printed[stem]
    for i, t in enumerate(texts):
        lines = [ln.strip() for ln in t.splitlines() if ln.strip() and not only_page_number(ln.strip())]
        if lines:
            assert not re.fullmatch(r"[A-H]\. [A-Z][\w ,/-]+", lines[-1]), f"halaman {i + 1}: {lines[-1]}"
            assert not lines[-1].endswith(":"), f"halaman {i + 1}: {lines[-1]}"


def test_chart_labels_use_indonesian_separators(printed):
    """The capaian chart of Alok prints 86,67 (id-ID profile), money axes 1.000 with a thousands separator."""
    _docx, texts = printed[ALOK.stem]
    chart = [t for t in texts if "Gambar 3.1" in t and "Capaian (%)" in t][-1]
    assert "86,67" in chart and "100,00" in chart
    assert not re.search(r"\b\d{1,3}\.\d{2}\b", chart)
    money = [t for t in texts if re.search(r"Gambar 3\.\d", t) and "Pagu (juta Rp)" in t][-1]  # numbered after the charts Alok has
    assert re.search(r"\b\d\.\d{3}\b", money)


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_header_words_are_never_broken(printed, stem):
    """Column widths start from the longest header word: no "Realisa|si", "Penyerap|an", "Perubaha|n"."""
    docx, texts = printed[stem]
    assert broken_words(docx, texts) == set()


def test_perbarui_daftar_stores_page_numbers_in_the_docx(tmp_path):
    """--perbarui-daftar: the Daftar Isi read by LibreOffice/WPS without refreshing already has its page numbers."""
    import docx_text

    from generator.write.pdf import uno_python

    if not uno_python():
        pytest.skip("LibreOffice tanpa modul Python UNO")
    res = build(ALOK, out_dir=tmp_path, perbarui_daftar=True)
    assert res.ok, res.error
    assert any("disimpan di .docx" in n for n in res.notes)
    toc = [p.text for p in docx_text.load(res.output).paragraphs if p.style.name in ("toc 1", "toc 2", "toc 3")]
    assert "KATA PENGANTAR\ti" in toc
    assert "BAB I PENDAHULUAN\t1" in toc
    assert any(re.fullmatch(r"Tabel L\.2 Program dan Anggaran Perjanjian Kinerja Tahun 2024\t\d+", t) for t in toc)
    again = build(ALOK, out_dir=tmp_path / "lagi", perbarui_daftar=True)
    assert again.output.read_bytes() == res.output.read_bytes()  # deterministic


def _cover(pdf, instansi_word: str) -> tuple[float, float, float]:
    height, words = word_heights(pdf, 1)
    return words["LAPORAN"] / height, words["TAHUN"] / height, words[instansi_word] / height


def test_cover_without_logo_looks_finished(printed, tmp_path):
    """Issue 20.5: without a logo the page is balanced: title and year at the top, the instansi in the middle (not a
    blank middle half), its town at the foot (Alok has no logo; before: the instansi at 83 % of the height)."""
    docx, _texts = printed[ALOK.stem]
    pdf = docx.with_suffix(".pdf")
    title, year, instansi = _cover(pdf, "ALOK")
    assert title < 0.25 and year < 0.3
    assert 0.4 < instansi < 0.6
    height, words = word_heights(pdf, 1)
    assert words["MAUMERE"] / height > 0.75


def test_cover_with_logo_keeps_the_same_places(tmp_path):
    import base64

    from factory import make_workbook

    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
    (tmp_path / "logo.png").write_bytes(png)
    wb = make_workbook(tmp_path / "berlogo.xlsx", profil={"logo": "logo.png"})
    res = build(wb, out_dir=tmp_path / "out", pdf=True)
    assert res.pdf, res.error
    texts = pages(res.pdf)
    assert "LAPORAN KINERJA" in texts[0] and "KATA PENGANTAR" not in texts[0]  # the cover stays one page
    instansi = res.hasil.laporan.profil.instansi.upper().split()[-1]
    title, year, bottom = _cover(res.pdf, instansi)
    assert title < 0.25 and year < 0.3 and bottom > 0.7


def test_report_ending_with_a_wide_table_has_no_empty_last_page(tmp_path):
    from test_package import _ends_with_wide_table

    res = build(_ends_with_wide_table(tmp_path), out_dir=tmp_path / "out", pdf=True)
    assert res.pdf, res.error
    texts = pages(res.pdf)
    assert not only_page_number(texts[-1])
    assert "Sesuai jadwal" in " ".join(texts[-1].split())  # the last page holds the end of the Rencana Aksi table
    assert lone_rows(res.output, texts) == []


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_pk_signed_on_the_page_where_its_tables_end(printed, stem):
    """Issue 20.4: the PK's budget table ends on the page of both signatures; the next lampiran opens a new page."""
    _docx, texts = printed[stem]
    flats = [" ".join(t.split()) for t in texts]
    sig = [i for i, t in enumerate(flats) if "Pihak Kedua," in t and "Pihak Pertama," in t]
    assert len(sig) == 1, sig
    page = flats[sig[0]]
    assert page.index("Jumlah") < page.index("Pihak Kedua,")  # the total row of the PK budget table
    assert "Jumlah anggaran yang direncanakan" in page
    assert not re.search(r"\b[B-H]\. [A-Z][a-z]+ [A-Z]", page.split("Pihak Pertama,")[1])  # no next lampiran under the signatures
    if sig[0] + 1 < len(flats):  # the next lampiran (the cascading matrix, Alok's Rencana Aksi): on a page of its own
        assert re.match(r"B\. (Matriks Cascading Kinerja|Rencana Aksi)", flats[sig[0] + 1])


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_portrait_pages_are_at_least_half_filled(printed, stem):
    """Issue 20.1: no portrait page under half filled but the cover, a chapter's last page and the PK signature page
    (before: Alok p23 37 %, p25 38 %, p30 33 %; Kota Sumenep p20 31 %; Raas p24 48 %, then p23 35 % when all of
    III.A.8 went onto the landscape page: it now stays upright under III.A.7 where the page has room for it)."""
    docx, texts = printed[stem]
    # measured at 50 % in the closing note of issue 20; 45 % here, so that a sentence more or less elsewhere (another
    # branch's wording) does not flip a page that sits right at the mark
    found = [x for x in underfilled(docx.with_suffix(".pdf"), texts, limit=0.45) if "lanskap" not in x]
    assert found == []


@pytest.mark.parametrize("stem, caption", [(RAAS.stem, "Perbandingan Realisasi dan Capaian Kinerja dengan"),
                                           (ALOK.stem, "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan"),
                                           (ALOK.stem, "Rencana Aksi atas Perjanjian Kinerja"),
                                           (ALOK.stem, "Capaian Sasaran 1")])
def test_tables_that_fit_upright_stay_portrait(printed, stem, caption):
    """Issue 20.2: Raas's 7-row trend table (words that wrap in a number column), Alok's 125-row budget detail (no page
    saved by turning) and its Rencana Aksi are portrait; Alok's 10-column program table fits upright at 8 pt: no
    landscape page at all (before: p26-28 and p31-34, one of them 48 % filled)."""
    docx, texts = printed[stem]
    fills = page_fills(docx.with_suffix(".pdf"))
    at = [i for i, t in enumerate(texts) if caption in " ".join(t.split())][-1]
    assert not fills[at][0]
    if stem == ALOK.stem:
        assert sum(land for land, _fill in fills) == 0


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_no_group_row_ends_a_page(printed, stem):
    """Issue 20.3: a program, kegiatan, unit or sasaran row is never the last row of a page with its rows on the next
    (before: Alok Tabel 3.19 p31; Kota Sumenep Tabel 3.12 p22, p24)."""
    docx, texts = printed[stem]
    assert group_rows_last(docx, texts) == []


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_column_number_rows_stay_on_one_line(printed, stem):
    """Issue 20.5: "7 = 5/4 × 100" never wraps its "× 100" onto a second line (before: 7, 3 and 6 such rows)."""
    docx, _texts = printed[stem]
    layout_text = pages(docx.with_suffix(".pdf"), layout=True)
    assert not [t for t in layout_text if re.search(r"^\s*(× ?100\s*)+$", t, re.M)]


def test_a_workbook_with_every_optional_part_empty_reads_as_finished(tmp_path):
    """Issue 20 on the smallest report: no optional sheet, no analysis, one year: no page under 45 % but the cover,
    chapter ends and the signature page, the PK signed on the page its table ends, no table of "-", no lone row."""
    from factory import KINERJA, make_workbook

    kinerja = [{k: v for k, v in r.items() if k not in ("Analisis", "Solusi", "Realisasi 2023")} for r in KINERJA]
    wb = make_workbook(tmp_path / "minimal.xlsx", kinerja=kinerja,
                       drop=("Belanja", "Narasi", "Pegawai", "Rencana_Aksi", "Indeks", "Gambar", "Pengaturan"))
    res = build(wb, out_dir=tmp_path / "out", pdf=True)
    assert res.pdf, res.error
    texts = pages(res.pdf)
    assert underfilled(res.pdf, texts, limit=0.45) == []
    assert not [i for i, t in enumerate(texts) if only_page_number(t)]
    assert lone_rows(res.output, texts) == [] and group_rows_last(res.output, texts) == []
    flats = [" ".join(t.split()) for t in texts]
    signed = [t for t in flats if "Pihak Kedua," in t and "Pihak Pertama," in t]
    assert len(signed) == 1 and "Jumlah anggaran yang direncanakan" in signed[0]
    assert " - - - " not in " ".join(flats)


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_long_rupiah_figures_do_not_stretch_justified_lines(printed, stem):
    """Issue 20.5: a line pushed off by a long Rupiah figure is not stretched to gaps of three spaces and more (before:
    Alok p23 "Jumlah pagu anggaran sebesar / Rp5.367.390.869,00" at 14,5 pt a gap; Raas p16, p20, p21 at 11-13 pt)."""
    docx, _texts = printed[stem]
    assert stretched_lines(docx.with_suffix(".pdf")) == []


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_daftar_entries_end_with_a_leader_and_their_page_number(printed, stem):
    """Issue 20.5: every Daftar Isi / Tabel / Gambar entry of the PDF ends, on a line holding the end of its title,
    with a dotted leader and its page number; a long title wraps under itself (before: Kota Sumenep 3.8 and Raas 3.5,
    3.6, 3.9 jammed "…Sebelumnya15" with no leader; Alok 3.11, 3.12 and Raas 3.8, 3.10 put the number alone on a line)."""
    docx, _texts = printed[stem]
    printed_pages = pages(docx.with_suffix(".pdf"), layout=True)
    for heading, prefix in (("DAFTAR TABEL", "Tabel "), ("DAFTAR GAMBAR", "Gambar "), ("DAFTAR ISI", "")):
        entries = daftar_entries(printed_pages, heading, prefix)  # Daftar Isi: one line each (before: "LAMPIRAN27")
        assert len(entries) >= (1 if prefix == "Gambar " else 10), (heading, entries)
        bad = [e for e in entries if not ENTRY_END.search(e)]
        assert bad == [], heading


def test_column_measures_are_kept_for_one_render_and_follow_a_changed_table(monkeypatch):
    """`measuring()` keeps a table's minimum widths while one render asks for them again and again; a table
    given another row is measured anew; nothing is kept after the render."""
    from generator.base.specs import Baris, Kolom, Tabel
    from generator.report import layout

    spec = Tabel("T", [Kolom("No", 0.5, "tengah"), Kolom("Uraian", 4)], [Baris(["1", "Belanja"])])
    calls: list[int] = []
    real = layout._longest_word
    monkeypatch.setattr(layout, "_longest_word", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = layout.min_widths(spec)
    per_measure = len(calls)
    with layout.measuring():
        assert layout.min_widths(spec) == first and layout.min_widths(spec) == first
        assert len(calls) == 2 * per_measure  # measured once inside
        spec.baris.append(Baris(["2", "Pemeliharaan Sarana dan Prasarana Gedung Kantor Kecamatan"]))
        wider = layout.min_widths(spec)
        assert len(calls) == 3 * per_measure and wider[1] > first[1]
    assert not layout._MINS
    layout.min_widths(spec)
    assert len(calls) == 4 * per_measure  # outside a render: measured every time


@pytest.mark.parametrize("stem", [ALOK.stem, SUMENEP.stem, RAAS.stem])
def test_daftar_page_numbers_are_the_pages_where_each_caption_and_chapter_is_printed(printed, stem):
    """The numbers LibreOffice puts in the Daftar Tabel and Daftar Isi (one index update when the cached entries
    stay as they were, issue 25.10) are the printed page numbers of the caption or chapter heading."""
    docx, _texts = printed[stem]
    printed_pages = pages(docx.with_suffix(".pdf"), layout=True)
    by_number: dict[str, list[str]] = {}
    for text in printed_pages:
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        if lines and PAGE_NUMBER.match(lines[-1]):
            by_number.setdefault(lines[-1], []).append(" ".join(" ".join(lines[:-1]).split()))
    checked = 0
    for heading, prefix in (("DAFTAR TABEL", "Tabel "), ("DAFTAR ISI", "")):
        for entry in daftar_entries(printed_pages, heading, prefix):
            # a Daftar Tabel entry may wrap over lines; the Daftar Isi's come as one group per chapter
            for line in [entry.replace(" | ", " ")] if prefix else entry.split(" | "):
                m = re.match(r"^(.*?)\s*\.{3,}\s*(\d+|[ivx]+)$", line)
                assert m, (heading, line)
                start = " ".join(m.group(1).split()[:4])  # the label and the first words: the same on the page
                assert any(start in page for page in by_number.get(m.group(2), [])), (heading, line)
                checked += 1
    assert checked >= 30
