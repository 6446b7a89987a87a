"""generator/compare/diff.py (through pipeline.diff): matching and the change dict between two revisions, and its text (summary)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import ALOK
from factory import ANGGARAN, KINERJA, make_workbook

from generator import pipeline
from generator.base.problems import errors
from generator.compare.diff import ada_perubahan, match
from generator.summary import diff_lines

UNIT = "Kecamatan Contoh"
TOTAL_SAMA = {"pagu": ["35.000.000", "35.000.000"], "realisasi": ["32.500.000", "32.500.000"],
              "penyerapan": ["92,86%", "92,86%"], "capaian_instansi": ["91,88%", "91,88%"],
              "predikat_instansi": ["Sangat Tinggi", "Sangat Tinggi"]}
KOSONG = {"indikator": [], "indikator_baru": [], "indikator_dihapus": [],
          "anggaran": {"baru": [], "dihapus": [], "berubah": []}, "total": TOTAL_SAMA, "unit": [],
          "narasi": {"berubah": [], "baru": [], "dihapus": []}, "profil": {}, "laporan": []}
S1_KUNCI = "S1 / Persentase layanan tepat waktu"
SUB_BARU = {"Kode": "7.01.01.2.01.0003", "Uraian": "Penyusunan Laporan Kinerja", "Pagu": 1_000_000, "Realisasi": 800_000}


def diff(tmp_path: Path, old: dict, new: dict) -> dict:
    d, problems = pipeline.diff(make_workbook(tmp_path / "lama.xlsx", **old), make_workbook(tmp_path / "baru.xlsx", **new))
    assert errors(problems) == []  # diff checks both revisions as build does: warnings may stand
    assert d is not None
    json.dumps(d)  # JSON-able as is
    return d


def data_lines(d: dict) -> list[str]:
    """The diff's lines about the data, without the part listing where the report changes (test_diff_laporan)."""
    lines = diff_lines(d)
    assert "Bagian laporan yang berubah:" in lines  # a change of the data is a change of the report
    return lines[: lines.index("Bagian laporan yang berubah:")]


def kinerja_with(row: int, **changes) -> list[dict]:
    rows = copy.deepcopy(KINERJA)
    rows[row].update(changes)
    return rows


# ------------------------------------------------------------------ matching


def test_match_pairs_in_order_then_by_fallback_key():
    old = [("a", 1), ("a", 2), ("b", 3), ("x", 9)]
    new = [("a", 20), ("c", 3), ("a", 10), ("z", 0)]
    pairs, baru, dihapus = match(old, new, [lambda t: t[0], lambda t: t[1]])
    assert pairs == [(("a", 1), ("a", 20)), (("b", 3), ("c", 3)), (("a", 2), ("a", 10))]
    assert baru == [("z", 0)]
    assert dihapus == [("x", 9)]


def test_match_none_key_never_matches():
    pairs, baru, dihapus = match([1], [1], [lambda _: None])
    assert (pairs, baru, dihapus) == ([], [1], [1])


# ------------------------------------------------------------------ no change


def test_identical_workbooks_nothing_changed(tmp_path: Path):
    d = diff(tmp_path, {}, {})
    assert d == KOSONG
    assert not ada_perubahan(d)
    assert diff_lines(d) == ["Tidak ada perubahan."]


def test_same_file_twice(small: Path):
    d, problems = pipeline.diff(small, small)
    assert problems == []
    assert d == KOSONG


# ------------------------------------------------------------------ indicators


def test_changed_realisasi(tmp_path: Path):
    d = diff(tmp_path, {}, {"kinerja": kinerja_with(1, **{"Realisasi 2024": 74})})
    assert d["indikator"] == [{
        "kunci": S1_KUNCI, "node": "S1", "nama": "Persentase layanan tepat waktu",
        "perubahan": {"realisasi": ["67", "74"], "capaian": ["83,75%", "92,50%"], "predikat": ["Tinggi", "Sangat Tinggi"]},
    }]
    assert d["total"] == {**TOTAL_SAMA, "capaian_instansi": ["91,88%", "96,25%"]}
    assert d["anggaran"] == KOSONG["anggaran"]
    assert data_lines(d) == [
        "Indikator S1 'Persentase layanan tepat waktu': realisasi 67 -> 74; capaian 83,75% -> 92,50%; "
        "predikat Tinggi -> Sangat Tinggi",
        "Capaian instansi 91,88% -> 96,25%",
    ]


def test_changed_target_qualitative(tmp_path: Path):
    d = diff(tmp_path, {}, {"kinerja": kinerja_with(2, **{"Target 2024": "BB"})})
    assert d["indikator"] == [{"kunci": "S2 / Nilai SAKIP", "node": "S2", "nama": "Nilai SAKIP",
                               "perubahan": {"target": ["B", "BB"]}}]  # BB against B or BB: 100% either way


def test_indicator_matched_by_uraian_when_kode_changes(tmp_path: Path):
    d = diff(tmp_path, {}, {"kinerja": kinerja_with(1, Kode="", **{"Realisasi 2024": 80})})
    uraian = "Meningkatnya kualitas layanan administrasi"
    assert d["indikator"] == [{
        "kunci": f"{uraian} / Persentase layanan tepat waktu", "node": uraian, "nama": "Persentase layanan tepat waktu",
        "perubahan": {"realisasi": ["67", "80"], "capaian": ["83,75%", "100,00%"], "predikat": ["Tinggi", "Sangat Tinggi"]},
    }]
    assert d["indikator_baru"] == d["indikator_dihapus"] == []


def test_indicator_added_and_removed(tmp_path: Path):
    extra = {"Indikator": "Jumlah pengaduan", "Satuan": "kasus", "Polaritas": "Negatif", "Target 2024": 10,
             "Realisasi 2024": 12}
    with_extra = KINERJA[:2] + [extra] + KINERJA[2:]
    d = diff(tmp_path, {}, {"kinerja": with_extra})
    added = {"kunci": "S1 / Jumlah pengaduan", "node": "S1", "nama": "Jumlah pengaduan", "target": "10",
             "realisasi": "12", "capaian": "80,00%", "predikat": "Tinggi"}
    assert d["indikator_baru"] == [added]
    assert d["indikator"] == d["indikator_dihapus"] == []
    assert d["total"]["capaian_instansi"] == ["91,88%", "90,94%"]  # S1 = mean(83,75; 80) with S2 100
    assert diff_lines(d)[0] == "Indikator baru: S1 'Jumlah pengaduan' target 10, realisasi 12, capaian 80,00%"

    back, _ = pipeline.diff(tmp_path / "baru.xlsx", tmp_path / "lama.xlsx")
    assert back["indikator_dihapus"] == [added]
    assert back["indikator_baru"] == []


# ------------------------------------------------------------------ budget


def test_added_sub_kegiatan(tmp_path: Path):
    rows = ANGGARAN[:4] + [SUB_BARU] + ANGGARAN[4:]
    d = diff(tmp_path, {}, {"anggaran": rows})
    assert d["anggaran"] == {
        "baru": [{"unit": UNIT, "kode": "7.01.01.2.01.0003", "level": "Sub Kegiatan", "uraian": "Penyusunan Laporan Kinerja",
                  "pagu": "1.000.000", "realisasi": "800.000"}],
        "dihapus": [],
        "berubah": [
            {"unit": UNIT, "kode": "7.01.01", "level": "Program", "uraian": "Program Penunjang Urusan Pemerintahan Daerah",
             "pagu": ["15.000.000", "16.000.000"], "realisasi": ["14.500.000", "15.300.000"]},
            {"unit": UNIT, "kode": "7.01.01.2.01", "level": "Kegiatan", "uraian": "Perencanaan, Penganggaran dan Evaluasi Kinerja",
             "pagu": ["15.000.000", "16.000.000"], "realisasi": ["14.500.000", "15.300.000"]},
        ],
    }
    assert d["total"]["pagu"] == ["35.000.000", "36.000.000"]
    assert d["total"]["realisasi"] == ["32.500.000", "33.300.000"]
    assert d["total"]["penyerapan"] == ["92,86%", "92,50%"]
    assert d["unit"] == [{"unit": UNIT, "pagu": ["35.000.000", "36.000.000"], "realisasi": ["32.500.000", "33.300.000"]}]
    text = diff_lines(d)
    assert ("Anggaran baru: Kecamatan Contoh / 7.01.01.2.01.0003 Sub Kegiatan 'Penyusunan Laporan Kinerja' "
            "pagu 1.000.000, realisasi 800.000") in text
    assert "Total pagu 35.000.000 -> 36.000.000" in text
    assert "Unit 'Kecamatan Contoh': pagu 35.000.000 -> 36.000.000; realisasi 32.500.000 -> 33.300.000" in text


def test_removed_sub_kegiatan(tmp_path: Path):
    rows = [r for r in ANGGARAN if r["Kode"] != "7.01.01.2.01.0002"]
    d = diff(tmp_path, {}, {"anggaran": rows})
    assert d["anggaran"]["dihapus"] == [{"unit": UNIT, "kode": "7.01.01.2.01.0002", "level": "Sub Kegiatan",
                                         "uraian": "Evaluasi Kinerja", "pagu": "5.000.000", "realisasi": "5.000.000"}]
    assert d["anggaran"]["baru"] == []
    assert [(b["kode"], b["pagu"], b["realisasi"]) for b in d["anggaran"]["berubah"]] == [
        ("7.01.01", ["15.000.000", "10.000.000"], ["14.500.000", "9.500.000"]),
        ("7.01.01.2.01", ["15.000.000", "10.000.000"], ["14.500.000", "9.500.000"]),
    ]
    assert ("Anggaran dihapus: Kecamatan Contoh / 7.01.01.2.01.0002 Sub Kegiatan 'Evaluasi Kinerja' "
            "pagu 5.000.000, realisasi 5.000.000") in diff_lines(d)


def test_renamed_line_matched_by_kode(tmp_path: Path):
    rows = copy.deepcopy(ANGGARAN)
    rows[3]["Uraian"] = "Evaluasi Kinerja Kecamatan"
    d = diff(tmp_path, {}, {"anggaran": rows})
    assert d["anggaran"] == {"baru": [], "dihapus": [], "berubah": [
        {"unit": UNIT, "kode": "7.01.01.2.01.0002", "level": "Sub Kegiatan", "uraian": "Evaluasi Kinerja Kecamatan",
         "uraian_lama": "Evaluasi Kinerja", "pagu": ["5.000.000", "5.000.000"], "realisasi": ["5.000.000", "5.000.000"]},
    ]}
    assert data_lines(d) == ["Anggaran berubah: Kecamatan Contoh / 7.01.01.2.01.0002 Sub Kegiatan 'Evaluasi Kinerja "
                              "Kecamatan': uraian Evaluasi Kinerja -> Evaluasi Kinerja Kecamatan"]


TANPA_KODE = [
    {"Unit": UNIT, "Level": "Program", "Uraian": "Program Penunjang", "Sasaran": "S1"},
    {"Level": "Kegiatan", "Uraian": "Administrasi Umum"},
    {"Level": "Sub Kegiatan", "Uraian": "Belanja ATK", "Pagu": 10_000_000, "Realisasi": 9_500_000},
    {"Level": "Kegiatan", "Uraian": "Administrasi Keuangan"},
    {"Level": "Sub Kegiatan", "Uraian": "Belanja ATK", "Pagu": 25_000_000, "Realisasi": 23_000_000},
]


def test_lines_without_kode_matched_by_uraian_path(tmp_path: Path):
    rows = copy.deepcopy(TANPA_KODE)
    rows[1]["Uraian"] = "ADMINISTRASI   umum"  # same path once normalised
    rows[4]["Pagu"] = 26_000_000  # the Belanja ATK of Administrasi Keuangan, not the other one
    d = diff(tmp_path, {"anggaran": TANPA_KODE}, {"anggaran": rows})
    assert d["anggaran"] == {"baru": [], "dihapus": [], "berubah": [
        {"unit": UNIT, "kode": "", "level": "Program", "uraian": "Program Penunjang",
         "pagu": ["35.000.000", "36.000.000"], "realisasi": ["32.500.000", "32.500.000"]},
        {"unit": UNIT, "kode": "", "level": "Kegiatan", "uraian": "ADMINISTRASI   umum", "uraian_lama": "Administrasi Umum",
         "pagu": ["10.000.000", "10.000.000"], "realisasi": ["9.500.000", "9.500.000"]},
        {"unit": UNIT, "kode": "", "level": "Kegiatan", "uraian": "Administrasi Keuangan",
         "pagu": ["25.000.000", "26.000.000"], "realisasi": ["23.000.000", "23.000.000"]},
        {"unit": UNIT, "kode": "", "level": "Sub Kegiatan", "uraian": "Belanja ATK",
         "pagu": ["25.000.000", "26.000.000"], "realisasi": ["23.000.000", "23.000.000"]},
    ]}
    assert "Anggaran berubah: Kecamatan Contoh / Sub Kegiatan 'Belanja ATK': pagu 25.000.000 -> 26.000.000" in diff_lines(d)


def test_line_without_kode_renamed_is_removed_and_added(tmp_path: Path):
    rows = copy.deepcopy(TANPA_KODE)
    rows[2]["Uraian"] = "Belanja Alat Tulis Kantor"
    d = diff(tmp_path, {"anggaran": TANPA_KODE}, {"anggaran": rows})
    line = {"unit": UNIT, "kode": "", "level": "Sub Kegiatan", "pagu": "10.000.000", "realisasi": "9.500.000"}
    assert d["anggaran"] == {"baru": [{**line, "uraian": "Belanja Alat Tulis Kantor"}],
                             "dihapus": [{**line, "uraian": "Belanja ATK"}], "berubah": []}
    assert d["unit"] == []
    assert "Anggaran baru: Kecamatan Contoh / Sub Kegiatan 'Belanja Alat Tulis Kantor' pagu 10.000.000, realisasi 9.500.000" \
        in diff_lines(d)


# ------------------------------------------------------------------ narrative and profile


def test_narasi_changed_added_removed(tmp_path: Path):
    old = [{"Bagian": "latar_belakang", "Isi": "Sama."}, {"Bagian": "maksud_tujuan", "Isi": "Maksud lama."},
           {"Bagian": "dasar_hukum", "Isi": "- UU 1\n- UU 2"}, {"Bagian": "saran", "Judul": "Saran", "Isi": "Teks."}]
    new = [{"Bagian": "kata_pengantar", "Isi": "Baru."}, {"Bagian": "latar_belakang", "Isi": "Sama."},
           {"Bagian": "maksud_tujuan", "Isi": "Maksud baru."}, {"Bagian": "saran", "Judul": "Saran-saran", "Isi": "Teks."}]
    d = diff(tmp_path, {"sheets": {"Narasi": old}}, {"sheets": {"Narasi": new}})
    # saran's Judul changed only: the column is not printed, so the part did not change
    assert d["narasi"] == {"berubah": ["maksud_tujuan"], "baru": ["kata_pengantar"], "dihapus": ["dasar_hukum"]}
    assert data_lines(d) == ["Narasi berubah: maksud_tujuan", "Narasi baru: kata_pengantar",
                              "Narasi dihapus: dasar_hukum"]


def test_profil_fields(tmp_path: Path):
    d = diff(tmp_path, {}, {"profil": {"kepala_nama": "Dra. Rina Wati", "tanggal_laporan": dt.date(2025, 2, 3)}})
    assert d["profil"] == {"tanggal_laporan": ["30 Januari 2025", "3 Februari 2025"],
                           "kepala_nama": ["Drs. Budi Santoso, M.Si", "Dra. Rina Wati"]}
    assert data_lines(d) == ["Profil tanggal_laporan: '30 Januari 2025' -> '3 Februari 2025'",
                              "Profil kepala_nama: 'Drs. Budi Santoso, M.Si' -> 'Dra. Rina Wati'"]


# ------------------------------------------------------------------ unreadable workbooks


def test_missing_workbook_returns_problems(tmp_path: Path, small: Path):
    d, problems = pipeline.diff(tmp_path / "hilang.xlsx", small)
    assert d is None
    assert [(p.code, p.message.split(":")[0]) for p in problems] == [("berkas.tidak-ada", "Workbook lama (hilang.xlsx)")]


def test_workbook_with_errors_returns_problems(tmp_path: Path, small: Path):
    broken = make_workbook(tmp_path / "rusak.xlsx", drop=("Kinerja",))
    d, problems = pipeline.diff(small, broken)
    assert d is None
    assert ("sheet.tidak-ada", "Kinerja") in [(p.code, p.sheet) for p in problems]
    assert all(p.message.startswith("Workbook baru (rusak.xlsx): ") for p in problems)


# ------------------------------------------------------------------ a real workbook


@pytest.mark.skipif(not ALOK.exists(), reason="workbooks/kecamatan-alok-2024.xlsx tidak ada")
def test_alok_one_cell_changed(tmp_path: Path):
    old = shutil.copy(ALOK, tmp_path / "lama.xlsx")
    new = tmp_path / "baru.xlsx"
    wb = openpyxl.load_workbook(ALOK)
    assert wb["Kinerja"]["M1"].value == "Realisasi 2024"
    assert wb["Kinerja"]["M9"].value == 0.07  # S4 Jumlah Inovasi
    wb["Kinerja"]["M9"] = 0.14
    wb.save(new)
    d, problems = pipeline.diff(old, new)
    assert errors(problems) == []  # Alok carries its original's own mistakes as warnings
    assert d["indikator"] == [{
        "kunci": "S4 / Jumlah Inovasi", "node": "S4", "nama": "Jumlah Inovasi",
        "perubahan": {"realisasi": ["0,07", "0,14"], "capaian": ["50,00%", "100,00%"],
                      "predikat": ["Sangat Rendah", "Sangat Tinggi"]},
    }]
    assert d["total"]["capaian_instansi"] == ["78,34%", "90,84%"]  # means of the printed sasaran capaian
    assert d["total"]["predikat_instansi"] == ["Tinggi", "Tinggi"]
    assert {k: v for k, v in d.items() if k not in ("indikator", "total", "laporan")} == {
        k: v for k, v in KOSONG.items() if k not in ("indikator", "total", "laporan")}
    changed = {item["bagian"] for item in d["laporan"]}
    assert "Tabel 'Capaian Indikator Kinerja Sasaran Tahun 2024'" in changed
    assert data_lines(d) == [
        "Indikator S4 'Jumlah Inovasi': realisasi 0,07 -> 0,14; capaian 50,00% -> 100,00%; "
        "predikat Sangat Rendah -> Sangat Tinggi",
        "Capaian instansi 78,34% -> 90,84%",
    ]
    same, _ = pipeline.diff(old, old)
    assert diff_lines(same) == ["Tidak ada perubahan."]
