"""generator/report/narrate.py: the sentences written around the figures, in Indonesian, varying with the data
(staff text from the Narasi sheet always wins over them; see generator/report/context.py).

The sentences as printed in the report are tested in tests/docx/test_render.py (narrative varies with the
data, staff text wins), tests/test_report_truth.py and tests/test_report_truth2.py (no sentence
contradicts a table or staff text), and tests/test_teks_staf.py (staff text beside generated text).
"""

from __future__ import annotations

import pytest
from factory import make_workbook

from generator.pipeline import check
from generator.report import narrate


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    _lap, h, problems = check(make_workbook(tmp_path_factory.mktemp("narasi") / "kecil.xlsx"))
    assert problems == []
    return h


def _indikator(hasil, nama: str):
    return next(h for h in hasil.indikator if h.indikator.nama == nama)


def test_units_and_lists_as_the_reports_write_them():
    assert narrate.dengan_satuan("80", "%") == "80%"
    assert narrate.dengan_satuan("12", "dokumen") == "12 dokumen"
    assert narrate.dengan_satuan("82,50", "Indeks") == "82,50"  # an index is bare
    assert narrate.dengan_satuan("-", "dokumen") == "-"
    assert narrate.daftar(["satu"]) == "satu"
    assert narrate.daftar(["satu", "dua"]) == "satu dan dua"
    assert narrate.daftar(["satu", "dua", "tiga"]) == "satu, dua dan tiga"
    assert narrate.blok("Paragraf.", "", "Lagi.") == [{"jenis": "paragraf", "teks": "Paragraf."},
                                                      {"jenis": "paragraf", "teks": "Lagi."}]


def test_an_unmet_indicator_is_described_with_its_figures_trend_and_renstra(hasil):
    h = _indikator(hasil, "Persentase layanan tepat waktu")
    assert narrate.kalimat_capaian(h, 2024) == (
        "Indikator Persentase layanan tepat waktu dengan target 80% terealisasi 67%, sehingga capaian kinerjanya 83,75% "
        "dengan predikat Tinggi. Capaian ini belum mencapai target yang ditetapkan.")
    assert narrate.kalimat_tren(h, 2024) == (
        "Realisasi tahun 2024 sebesar 67% menurun dibandingkan tahun 2023 sebesar 70% atau turun 4,29%. "
        "Perubahan ini menunjukkan penurunan kinerja yang perlu mendapat perhatian.")
    assert narrate.kalimat_renstra(h, 2024, 2026) == (
        "Dibandingkan dengan target akhir Renstra tahun 2026 sebesar 90%, realisasi sampai dengan tahun 2024 mencapai 74,44%, "
        "sehingga masih diperlukan upaya untuk mencapai target akhir periode Renstra pada tahun 2026.")


def test_a_qualitative_indicator_without_history_says_so(hasil):
    h = _indikator(hasil, "Nilai SAKIP")
    assert narrate.kalimat_capaian(h, 2024) == (
        "Indikator Nilai SAKIP dengan target B terealisasi BB, sehingga capaian kinerjanya 100,00% dengan predikat "
        "Sangat Tinggi. Capaian ini melampaui target yang ditetapkan.")
    assert narrate.kalimat_tren(h, 2024) == (
        "Realisasi indikator Nilai SAKIP pada tahun-tahun sebelumnya belum tersedia, sehingga perbandingan antartahun "
        "belum dapat disajikan.")


def test_sasaran_budget_and_efficiency_sentence(hasil):
    s1 = next(hasil.laporan.nodes("Sasaran"))
    assert narrate.kalimat_efisiensi(hasil.of(s1), "selisih") == (
        "Untuk mencapai sasaran ini dialokasikan anggaran Rp15.000.000,00 dengan realisasi Rp14.500.000,00 atau penyerapan "
        "96,67%. Dengan capaian kinerja 83,75%, selisih capaian terhadap penyerapan adalah -12,92%, sehingga penggunaan "
        "sumber daya dinilai belum efisien.")
    assert narrate.anggaran_pengantar(hasil) == (
        "Dalam Tahun Anggaran 2024, Kecamatan Contoh melaksanakan 2 (dua) program, 2 (dua) kegiatan dan 3 (tiga) sub "
        "kegiatan. Jumlah pagu anggaran sebesar Rp35.000.000,00 (tiga puluh lima juta rupiah) dengan realisasi "
        "Rp32.500.000,00 atau 92,86%, sehingga sisa anggaran sebesar Rp2.500.000,00.")


def test_profile_sentences_name_the_signatories_and_the_sasaran(hasil):
    lap = hasil.laporan
    assert narrate.pk_pengantar(lap).startswith(
        "Perjanjian Kinerja Tahun 2024 ditandatangani oleh Camat Contoh selaku Pihak Pertama dan Bupati Contoh selaku "
        "Pihak Kedua pada tanggal 1 Februari 2024.")
    assert narrate.tujuan_sasaran(lap)[:3] == [
        {"jenis": "paragraf", "teks": "Tujuan “Meningkatkan pelayanan publik” dijabarkan ke dalam 2 (dua) sasaran strategis:"},
        {"jenis": "nomor", "teks": "Meningkatnya kualitas layanan administrasi — indikator: Persentase layanan tepat waktu"},
        {"jenis": "nomor", "teks": "Meningkatnya akuntabilitas kinerja — indikator: Nilai SAKIP"}]
    assert narrate.kata_pengantar(lap)[0]["teks"].startswith(
        "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Contoh Tahun 2024 disusun sebagai wujud pertanggungjawaban")
