"""generator/report/program_kinerja.py: the table of program, kegiatan and sub kegiatan indicators beside their
budget, grouped per sasaran, and the sentence that introduces each sasaran's part of it.

Read here from `build_context` (no Word file). The printed report around it is tested in
tests/test_report_truth.py and tests/test_report_truth2.py (a workbook without program indicators
prints no such table); the Raas example's kegiatan capaian in tests/test_examples.py.
"""

from __future__ import annotations

import functools

from conftest import ALOK, RAAS

from generator.pipeline import check
from generator.report.context import build_context
from generator.report.program_kinerja import jenjang


@functools.lru_cache(maxsize=None)
def _context(path):  # each example is read once for this file
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    return build_context(hasil)


def test_jenjang_names_the_levels_present_in_order():
    assert jenjang({"Program"}) == "Program"
    assert jenjang({"Kegiatan", "Program"}) == "Program dan Kegiatan"
    assert jenjang({"Sub Kegiatan", "Tujuan", "Program", "Kegiatan"}) == "Program, Kegiatan dan Sub Kegiatan"
    assert jenjang({"Tujuan", "Sasaran"}) == "Program"  # none present: the first level


def test_raas_kegiatan_rows_carry_capaian_and_their_own_budget():
    ctx = _context(RAAS)
    t = ctx["tabel"]["program_kinerja"]
    assert t.judul == "Capaian Indikator Program dan Kegiatan Tahun 2020 beserta Anggarannya"
    assert t.lanskap and t.nomor_kolom[6] == "7 = 6/5 × 100" and t.nomor_kolom[9] == "10 = 9/8 × 100"
    surat = next(b for b in t.baris if b.sel[1] == "Kegiatan: Penyediaan jasa surat menyurat")
    assert (surat.gaya, surat.indent) == ("biasa", 1)
    assert surat.sel[2:] == ["Jumlah surat menyurat yang diadministrasikan", "Surat", "500", "1.287", "257,40",
                             "7.111.000", "7.111.000", "100,00"]
    nol = next(b for b in t.baris if b.sel[0] == "1.8")  # no pagu: no penyerapan, never 0 %
    assert nol.sel[-3:] == ["0", "0", "-"]


def test_a_program_under_two_sasaran_carries_only_the_budget_of_its_children_there():
    t = _context(RAAS)["tabel"]["program_kinerja"]
    rows = [b.sel for b in t.baris if b.sel[1] == "Program Pembinaan dan Peningkatan Kapasitas Aparatur Desa"]
    assert [r[0] for r in rows[:2]] == ["1", "1"]  # numbered 1, 1.1, 1.1.1 under each sasaran (issue 20.7)
    assert [r[-3:] for r in rows[:2]] == [["6.791.500", "6.589.000", "97,02"], ["15.394.600", "15.394.600", "100,00"]]


def test_alok_without_program_capaian_prints_no_capaian_columns_and_says_why_per_sasaran():
    ctx = _context(ALOK)
    t = ctx["tabel"]["program_kinerja"]
    assert t.judul == "Indikator Program Tahun 2024 beserta Anggarannya"  # no "Capaian": nothing measured
    assert [k.judul for k in t.kolom] == ["No", "Program", "Indikator Kinerja", "Satuan", "Pagu (Rp)", "Realisasi (Rp)",
                                          "Penyerapan (%)"]
    assert t.baris[0].sel[:2] == ["", "Sasaran 1: Tersedianya Sarana dan Prasarana"] and t.baris[0].gaya == "subjudul"
    kalimat = ctx["program_kinerja"][3]
    assert kalimat.startswith("Sasaran 4 (Terciptanya Inovasi Pelayanan Publik) didukung oleh 2 (dua) program dengan "
                              "2 (dua) indikator: ")
    # no realisasi: each unmeasured indicator is named with why
    assert "Persentase Penyelenggaraan Urusan Pemerintahan Umum: " in kalimat
    assert "Persentase Pembinaan dan Pengawasan Pemerintahan Desa: " in kalimat and "realisasi belum diisi" in kalimat
    assert len(ctx["program_kinerja"]) == 4  # one sentence per sasaran with program indicators


def test_small_workbook_without_program_indicators_has_no_table(small):
    ctx = _context(small)
    assert "program_kinerja" not in ctx["tabel"] and ctx["program_kinerja"] == []
    assert ctx["ada"]["program_kinerja"] is False
