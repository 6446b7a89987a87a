"""generator/base/contract.py: the standard workbook contract — sheets, columns, closed lists and how
headers are matched — the one source for the blank workbook (writer) and the reader.

The blank workbook built from it is tested in tests/workbook/test_blank.py (sheets, headers, dropdowns),
the next year's workbook in tests/workbook/test_tahun_baru.py; reading headers that staff moved, renamed or
typed differently in tests/read/test_sheets.py and tests/test_typed_mistakes.py.
"""

from __future__ import annotations

from conftest import ALOK

from generator import contract
from generator.base.contract import normalize_header, program_key, sheet
from generator.pipeline import check


def test_headers_match_whatever_case_spacing_or_underscores_staff_typed():
    assert normalize_header("  Target\u00a0 Akhir_Renstra ") == "target akhir renstra"
    assert normalize_header(None) == ""
    assert sheet(" rencana aksi ").name == "Rencana_Aksi" and sheet("KINERJA").name == "Kinerja"
    kinerja = {c.key: c for c in sheet("Kinerja").columns}
    assert kinerja["target"].matches(normalize_header("Target 2025")).group(1) == "2025"
    assert kinerja["target"].matches("target akhir renstra") is False  # not a year column
    assert kinerja["target_akhir"].matches("target akhir renstra")
    assert not kinerja["uraian"].matches("uraian kegiatan")


def test_required_sheets_and_columns():
    assert [(s.name, s.required) for s in contract.SHEETS] == [
        ("Profil", True), ("Kinerja", True), ("Anggaran", True), ("Belanja", False), ("Narasi", False), ("Pegawai", False),
        ("Rencana_Aksi", False), ("Indeks", False), ("Gambar", False), ("Pengaturan", False)]
    assert [c.header for c in sheet("Kinerja").columns if c.required] == ["Level", "Uraian"]
    assert [c.header for c in sheet("Anggaran").columns if c.required] == ["Uraian", "Pagu", "Realisasi"]
    assert {c.key: c.kind for c in sheet("Anggaran").columns if c.kind == "money"} == {
        "pagu": "money", "realisasi": "money", "pagu_pk": "money", "pagu_pk_perubahan": "money"}
    assert [f.key for f in contract.PROFIL_FIELDS if f.required] == [
        "pemerintah", "instansi", "tahun", "periode_renstra", "kota", "tanggal_laporan", "kepala_nama", "kepala_jabatan",
        "atasan_nama", "atasan_jabatan"]


def test_pengaturan_choices_are_the_closed_lists():
    choices = {f.key: f.choices for f in contract.PENGATURAN_FIELDS if f.kind == "choice"}
    assert choices == {"skala_predikat": ("permendagri86", "tiga_tingkat", "kalianget", "esakip", "kustom"),
                       "metode_efisiensi": ("selisih", "sisa", "rasio"), "rumus_negatif": ("kemenpan", "sipd"),
                       "izinkan_selisih": ("Ya", "Tidak"), "tabel_ganda": ("Ya", "Tidak"),
                       "matriks_cascading": ("Kegiatan", "Sub Kegiatan", "Program", "Tidak")}
    levels = {c.key: c.choices for c in sheet("Kinerja").columns if c.key == "level"}
    assert levels == {"level": ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")}


def test_program_key_joins_the_same_program_of_several_units():
    assert program_key("Program Penunjang Urusan Pemerintahan Daerah") == program_key("PROGRAM  Penunjang Urusan Pemerintahan Daerah")
    assert program_key("Program Penunjang Urusan Pemerintahan Daerah") == "penunjang urusan pemerintahan daerah"
    assert contract.LEVEL_BY_KODE_DEPTH[len("7.01.01.2.01".split("."))] == "Kegiatan"


def test_the_reader_finds_alok_columns_by_the_contract_keys():
    lap, _hasil, _problems = check(ALOK)
    for name in ("Kinerja", "Anggaran", "Belanja", "Pegawai"):
        keys = {c.key for c in sheet(name).columns}
        assert {k.split(":")[0] for k in lap.kolom[name]} <= keys, name
    assert lap.kolom["Anggaran"]["pagu_pk"] == "N" and lap.kolom["Kinerja"]["realisasi:2024"] == "M"
