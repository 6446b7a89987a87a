"""generator/report/tabel_anggaran.py: the budget tables of the report (BAB III B, the efficiency analysis and
the programs of the Perjanjian Kinerja), as the context builder hands them to the renderer.

Here the tables are read from `build_context` (no Word file). The same tables as printed in the
.docx are tested in tests/test_report_truth.py (signed Pagu PK, the `sisa` method without a
Kategori column, Alok's one budget total) and tests/test_examples.py (Raas' per-kegiatan efficiency).
"""

from __future__ import annotations

import pytest
from conftest import ALOK
from factory import ANGGARAN, make_workbook

from generator.pipeline import check
from generator.report.context import build_context


def _context(path):
    _lap, hasil, problems = check(path)
    assert hasil is not None, problems
    return build_context(hasil)


@pytest.fixture(scope="module")
def kecil(tmp_path_factory) -> dict:
    """The context of the small workbook (tests/factory.py), read once for this file."""
    return _context(make_workbook(tmp_path_factory.mktemp("anggaran") / "kecil.xlsx"))


def test_anggaran_rinci_has_unit_program_kegiatan_sub_kegiatan_rows_and_the_total(kecil):
    t = kecil["tabel"]["anggaran_rinci"]
    assert t.judul == "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan Tahun 2024"
    # one unit: no unit row repeating the total (issue 20.7)
    assert [(b.gaya, b.indent, b.sel) for b in t.baris[:3]] == [
        ("program", 0, ["1", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", "15.000.000", "14.500.000", "500.000", "96,67"]),
        ("kegiatan", 1, ["", "7.01.01.2.01", "Perencanaan, Penganggaran dan Evaluasi Kinerja", "15.000.000", "14.500.000", "500.000", "96,67"]),
        ("biasa", 2, ["", "7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan", "10.000.000", "9.500.000", "500.000", "95,00"]),
    ]
    assert not [b for b in t.baris if b.gaya == "unit"]
    assert t.baris[-1].gaya == "total"
    assert t.baris[-1].sel == ["", "", "JUMLAH", "35.000.000", "32.500.000", "2.500.000", "92,86"]
    assert t.nomor_kolom[-2:] == ["6 = 4 − 5", "7 = 5/4 × 100"]


def test_signed_pagu_pk_is_printed_and_bab_ii_names_todays_total(tmp_path):
    anggaran = [dict(r) for r in ANGGARAN]
    anggaran[0]["Pagu PK"] = 16_000_000
    ctx = _context(make_workbook(tmp_path / "pk.xlsx", anggaran=anggaran))
    body, lampiran = ctx["tabel"]["pk_anggaran"], ctx["tabel"]["lampiran_pk_anggaran"]
    assert [b.sel for b in body.baris] == [
        ["1", "Program Penunjang Urusan Pemerintahan Daerah", "16.000.000", "APBD"],
        ["2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "20.000.000", "APBD"],
        ["", "Jumlah", "36.000.000", ""],
    ]
    assert body.catatan == "Pagu anggaran tahun 2024 saat ini, yang dipakai pada Bab III, adalah Rp35.000.000,00."
    assert lampiran.catatan == ""  # the signed page carries no comment
    assert [b.sel for b in lampiran.baris] == [b.sel for b in body.baris]
    assert ctx["ringkas"]["kalimat_pagu_pk"] == ("Jumlah anggaran yang direncanakan untuk mencapai sasaran strategis: "
                                                 "Rp36.000.000,00 (tiga puluh enam juta rupiah).")


def test_efisiensi_per_sasaran_and_without_kategori_under_the_sisa_method(kecil, tmp_path):
    t = kecil["tabel"]["efisiensi"]
    assert [b.sel for b in t.baris] == [
        ["1", "Meningkatnya kualitas layanan administrasi", "15.000.000", "14.500.000", "96,67", "83,75", "-12,92", "Tidak Efisien"],
        ["2", "Meningkatnya akuntabilitas kinerja", "20.000.000", "18.000.000", "90,00", "100,00", "10,00", "Efisien"],
        ["", "Kecamatan Contoh (seluruh anggaran)", "35.000.000", "32.500.000", "92,86", "91,88", "-0,98", "Tidak Efisien"],
    ]
    assert t.nomor_kolom[6] == "7 = 6 − 5"
    sisa = _context(make_workbook(tmp_path / "sisa.xlsx", pengaturan={"metode_efisiensi": "sisa"}))["tabel"]
    assert [k.judul for k in sisa["efisiensi"].kolom][-1] == "Efisiensi (%)"
    assert sisa["efisiensi"].nomor_kolom[-1] == "7 = 100 − 5"
    assert sisa["efisiensi"].baris[0].sel[-2:] == ["83,75", "3,33"]  # 100 − 96,67
    assert "Kategori" not in [k.judul for k in sisa["program"].kolom]


def test_alok_unit_and_belanja_tables_agree_on_one_total():
    tabel = _context(ALOK)["tabel"]
    unit, belanja = tabel["anggaran_unit"], tabel["belanja"]
    assert unit.baris[-1].sel == ["", "Total", "5.367.390.869", "5.194.220.376", "173.170.493", "96,77"]
    assert belanja.baris[-1].sel[:3] == ["", "Total", "5.367.390.869"]
    assert [b.sel[1] for b in belanja.baris if b.gaya == "tebal"] == ["Belanja Operasi", "Belanja Modal"]
