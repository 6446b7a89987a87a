"""generator/report/context.py: the template context — one JSON-able dict holding every figure (already
formatted), sentence, table spec and chart spec of the report; staff Narasi text wins over generated text.

The budget tables of the context are tested in tests/report/test_tabel_anggaran.py, the program indicator table
in tests/report/test_program_kinerja.py; the context of the examples in tests/test_examples.py; the context as
printed in the report in tests/docx/test_render.py, tests/test_report_truth.py, tests/test_report_truth2.py
and tests/test_pages.py; `lkjip context` in tests/cli/test_commands.py.
"""

from __future__ import annotations

import json

import pytest
from factory import make_workbook

from generator.pipeline import check
from generator.report.context import TITIK_TANGGAL, build_context, context_json

NARASI = [{"Bagian": "kesimpulan", "Isi": "Kesimpulan staf.\n- butir satu\n- butir dua"},
          {"Bagian": "permasalahan", "Isi": "Petugas kurang."}]


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    path = make_workbook(tmp_path_factory.mktemp("konteks") / "narasi.xlsx", profil={"tanggal_pk": None},
                         sheets={"Narasi": NARASI})
    _lap, hasil, problems = check(path)
    assert [p.code for p in problems] == ["profil.tanggal-pk-kosong"]
    return hasil, build_context(hasil)


def test_profil_is_printed_as_text_and_a_missing_pk_date_is_a_line_to_write_on(ctx):
    _h, c = ctx
    p = c["profil"]
    assert (p["tanggal_laporan"], p["tanggal_iso"], p["periode"], p["tahun_akhir"]) == ("30 Januari 2025", "2025-01-30", "2024-2026", 2026)
    assert p["tanggal_pk"] == TITIK_TANGGAL == "." * 30
    assert p["misi"] == ["Meningkatkan kualitas pelayanan", "Meningkatkan tata kelola pemerintahan"]


def test_ringkas_holds_the_headline_figures_formatted(ctx):
    _h, c = ctx
    r = c["ringkas"]
    assert (r["jumlah_tujuan"], r["jumlah_sasaran"], r["jumlah_indikator"]) == ("1 (satu)", "2 (dua)", "2 (dua)")
    assert (r["capaian_instansi"], r["predikat_instansi"]) == ("91,88%", "Sangat Tinggi")
    assert (r["pagu"], r["realisasi"], r["sisa"], r["penyerapan"]) == ("Rp35.000.000,00", "Rp32.500.000,00", "Rp2.500.000,00", "92,86%")
    assert r["pagu_terbilang"] == "tiga puluh lima juta rupiah"
    assert r["skala_predikat"] == "Permendagri Nomor 86 Tahun 2017"


def test_staff_text_wins_and_closes_the_generated_summary(ctx):
    _h, c = ctx
    assert c["teks"]["kesimpulan"] == [{"jenis": "paragraf", "teks": "Kesimpulan staf."},
                                      {"jenis": "butir", "teks": "butir satu"}, {"jenis": "butir", "teks": "butir dua"}]
    # the Ringkasan refers to Bab III for kendala and upaya instead of repeating them (issue 20.8)
    assert c["teks"]["ringkasan_eksekutif"][-1] == {
        "jenis": "paragraf", "teks": "Kendala yang dihadapi dan upaya yang telah dilakukan untuk mengatasinya diuraikan pada Bab III."}
    assert "Petugas kurang." not in [b["teks"] for b in c["teks"]["ringkasan_eksekutif"]]
    assert c["ada"]["teks_permasalahan"] is True and c["ada"]["teks_solusi"] is False


def test_performance_tables_carry_the_computed_figures(ctx):
    _h, c = ctx
    tabel = c["tabel"]
    assert [b.sel for b in tabel["capaian"].baris] == [
        ["1", "Meningkatnya kualitas layanan administrasi", "Persentase layanan tepat waktu", "%", "80", "67", "83,75", "Tinggi"],
        ["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "predikat", "B", "BB", "100,00", "Sangat Tinggi"],
        ["", "Rata-rata capaian kinerja sasaran", "", "", "", "", "91,88", "Sangat Tinggi"]]
    assert [b.sel[1:] for b in tabel["skala"].baris] == [["≥ 91", "Sangat Tinggi"], ["76 s.d. < 91", "Tinggi"],
                                                         ["66 s.d. < 76", "Sedang"], ["51 s.d. < 66", "Rendah"], ["< 51", "Sangat Rendah"]]
    assert [b.sel for b in tabel["pk_kinerja"].baris] == [
        ["1", "Meningkatnya kualitas layanan administrasi", "Persentase layanan tepat waktu", "80%"],
        ["2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP", "B"]]
    assert tabel["tren"].baris[0].sel == ["1", "Persentase layanan tepat waktu", "%", "70", "67", "83,75", "-4,29%"]
    # columns every row leaves empty are not printed (no Definisi, Sumber Data, Penanggung Jawab typed)
    assert [k.judul for k in tabel["iku"].kolom] == ["No", "Sasaran", "Indikator Kinerja Utama", "Satuan"]


def test_context_json_is_plain_json_of_the_same_context(ctx):
    hasil, c = ctx
    data = json.loads(context_json(hasil))
    assert data["tabel"]["skala"]["baris"][0] == {"sel": ["1", "≥ 91", "Sangat Tinggi"], "gaya": "biasa", "indent": 0}
    assert data["grafik"]["capaian"]["data"] == [{"nama": "Persentase layanan tepat waktu", "capaian": 83.75},
                                                 {"nama": "Nilai SAKIP", "capaian": 100.0}]
    assert data["ringkas"] == c["ringkas"]
