"""`lkjip periksa`: readiness against the evaluator's reporting criteria (LKE), one test per criterion."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from click.testing import CliRunner
from conftest import ALOK, RAAS, SUMENEP
from factory import make_workbook

from generator.checks.periksa import KRITERIA
from generator.cli import main
from generator.pipeline import periksa_file

ANALISIS = "Target tercapai karena jam layanan diperpanjang dan petugas loket ditambah dua orang sejak triwulan kedua."
SOLUSI = "Menambah petugas, membuka layanan daring, dan memantau waktu layanan setiap minggu bersama kepala seksi."
IND = ("Indeks Kepuasan Masyarakat", "Persentase layanan tepat waktu", "Nilai SAKIP")


def kinerja():
    """Kinerja rows (rows 2-4: T1, S1, S2) that satisfy every criterion; tests take cells out."""
    common = {"Definisi Operasional": "Definisi indikator", "Formula": "Realisasi / target x 100",
              "Sumber Data": "Laporan seksi"}
    rows = [
        {"Level": "Tujuan", "Kode": "T1", "Uraian": "Meningkatkan pelayanan publik", "Indikator": IND[0], "Satuan": "indeks",
         "IKU": "Ya", "Target 2024": 80, "Target 2025": 81, "Target 2026": 82, "Realisasi 2023": 78, "Realisasi 2024": 82,
         "Target Akhir Renstra": 82, "Standar Nasional": "tidak ada", **common},
        {"Level": "Sasaran", "Kode": "S1", "Uraian": "Meningkatnya kualitas layanan administrasi", "Indikator": IND[1],
         "Satuan": "%", "IKU": "Ya", "PK": "Ya", "Target 2024": 80, "Target 2025": 85, "Target 2026": 90,
         "Realisasi 2023": 70, "Realisasi 2024": 76, "Target Akhir Renstra": 90, "Standar Nasional": 75, **common},
        {"Level": "Sasaran", "Kode": "S2", "Uraian": "Meningkatnya akuntabilitas kinerja", "Indikator": IND[2],
         "Satuan": "predikat", "IKU": "Ya", "PK": "Ya", "Target 2024": "B", "Target 2025": "BB", "Target 2026": "BB",
         "Realisasi 2023": "B", "Realisasi 2024": "BB", "Standar Nasional": "-", **common},
    ]
    for row, name in zip(rows, IND):  # written for each indicator: the same text on several is boilerplate
        row.update({"Analisis": f"{ANALISIS} Indikator {name}.", "Solusi": f"{SOLUSI} Indikator {name}."})
    return rows


def rencana_aksi(skip=()):
    return [{"Indikator": name, "Periode": f"Triwulan {q}", "Target Kinerja": 20, "Realisasi Kinerja": 20}
            for name in IND[1:] if name not in skip for q in ("I", "II", "III", "IV")]


def workbook(tmp_path, *, kinerja_rows=None, anggaran=None, narasi=True, ra=None, profil=None):
    sheets = {"Rencana_Aksi": rencana_aksi() if ra is None else ra}
    if narasi:
        sheets["Narasi"] = [{"Bagian": "saran", "Isi": "Memperkuat pemantauan rencana aksi setiap triwulan."}]
    return make_workbook(tmp_path / "lengkap.xlsx", kinerja=kinerja_rows or kinerja(), anggaran=anggaran, sheets=sheets,
                         profil=profil)


def status(path) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    kriteria, _problems = periksa_file(path)
    return {k.kode: (k.status, [(b.sheet, b.cell) for b in k.bukti]) for k in kriteria}


def test_complete_workbook_meets_every_criterion_a_workbook_can_show(tmp_path):
    got = status(workbook(tmp_path))
    assert {k: s for k, (s, _b) in got.items()} == {
        **{kode: "terpenuhi" for kode, _k, _s in KRITERIA}, "lke.reviu-publikasi": "tidak-dapat-diperiksa"}
    _k, problems = periksa_file(workbook(tmp_path))
    assert not [p for p in problems if p.code == "nilai.tidak-terbaca"]  # "tidak ada" and "-" are accepted as standar


def test_1_sistematika_without_budget_figures(tmp_path):
    anggaran = [{**row, "Pagu": 0, "Realisasi": 0} if "Pagu" in row else row for row in make_anggaran()]
    assert status(workbook(tmp_path, anggaran=anggaran))["lke.sistematika"] == ("sebagian", [("Anggaran", "E1")])


def make_anggaran():
    from factory import ANGGARAN

    return [dict(r) for r in ANGGARAN]


def test_2_target_pk_missing_for_one_pk_indicator(tmp_path):
    rows = kinerja()
    rows[1].pop("Target 2024")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.target-pk"] == ("sebagian", [("Kinerja", "I3")])


def test_2_target_pk_without_any_pk_indicator(tmp_path):
    rows = kinerja()
    for r in rows:
        r.pop("PK", None)
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.target-pk"] == ("belum", [("Kinerja", "H1")])


def test_3_realisasi_missing_names_the_unmeasured_indicator(tmp_path):
    rows = kinerja()
    rows[2].pop("Realisasi 2024")
    kriteria, _ = periksa_file(workbook(tmp_path, kinerja_rows=rows))
    k = next(k for k in kriteria if k.kode == "lke.realisasi")
    assert (k.status, [(b.sheet, b.cell) for b in k.bukti]) == ("sebagian", [("Kinerja", "M4")])
    assert k.bukti[0].pesan == "Indikator 'Nilai SAKIP' belum memiliki Realisasi 2024 (tidak terukur)."


def test_4_tahun_lalu_missing(tmp_path):
    rows = kinerja()
    rows[1].pop("Realisasi 2023")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.tahun-lalu"] == ("sebagian", [("Kinerja", "L3")])


def test_5_renstra_target_missing(tmp_path):
    rows = kinerja()
    rows[0].pop("Target Akhir Renstra")
    rows[0].pop("Target 2026")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.renstra"] == ("sebagian", [("Kinerja", "N2")])


def test_6_standar_nasional_blank_is_not_a_stated_none(tmp_path):
    rows = kinerja()
    rows[1].pop("Standar Nasional")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.standar-nasional"] == ("sebagian", [("Kinerja", "O3")])


def test_7_analisis_stub_and_empty_solusi(tmp_path):
    rows = kinerja()
    rows[1]["Analisis"] = "Jumlah petugas kurang."
    rows[2].pop("Solusi")
    kriteria, _ = periksa_file(workbook(tmp_path, kinerja_rows=rows))
    k = next(k for k in kriteria if k.kode == "lke.analisis")
    assert (k.status, [(b.sheet, b.cell) for b in k.bukti]) == ("sebagian", [("Kinerja", "U3"), ("Kinerja", "V4")])
    assert k.bukti[0].pesan == "Analisis 'Persentase layanan tepat waktu' hanya 3 kata ('Jumlah petugas kurang.')."
    assert k.bukti[1].pesan == "Solusi 'Nilai SAKIP' kosong."


def test_8_budget_line_linked_to_an_unknown_sasaran(tmp_path):
    anggaran = make_anggaran()
    anggaran[4]["Sasaran"] = "S9"  # the second program (row 6); its kegiatan (row 7) inherits it
    got = status(workbook(tmp_path, anggaran=anggaran))["lke.tautan-anggaran"]
    assert got == ("sebagian", [("Anggaran", "I6"), ("Anggaran", "I7")])


def test_9_efisiensi_of_a_sasaran_without_budget(tmp_path):
    anggaran = make_anggaran()
    anggaran[4]["Sasaran"] = "S1"  # nothing left for S2
    assert status(workbook(tmp_path, anggaran=anggaran))["lke.efisiensi"] == ("sebagian", [("Kinerja", "C4")])


def test_10_definisi_formula_sumber_data_of_iku(tmp_path):
    rows = kinerja()
    rows[0].pop("Sumber Data")
    rows[2].pop("Formula")
    got = status(workbook(tmp_path, kinerja_rows=rows))["lke.keandalan-data"]
    assert got == ("sebagian", [("Kinerja", "S2"), ("Kinerja", "R4")])


def test_11_rekomendasi_without_solusi_or_saran(tmp_path):
    rows = kinerja()
    rows[1].pop("Solusi")
    assert status(workbook(tmp_path, kinerja_rows=rows, narasi=False))["lke.rekomendasi"] == (
        "sebagian", [("Kinerja", "V3"), ("Narasi", "A1")])
    rows = kinerja()
    for r in rows:
        r.pop("Solusi")
    assert status(workbook(tmp_path, kinerja_rows=rows, narasi=False))["lke.rekomendasi"][0] == "belum"


@pytest.mark.parametrize("tanggal, expected", [
    (dt.date(2025, 2, 28), "terpenuhi"), (dt.date(2025, 3, 10), "sebagian"), (dt.date(2025, 4, 15), "belum"),
    (dt.date(2024, 12, 20), "sebagian"), (None, "belum")])
def test_12_ketepatan_waktu(tmp_path, tanggal, expected):
    got = status(workbook(tmp_path, profil={"tanggal_laporan": tanggal}))["lke.ketepatan-waktu"]
    assert got == (expected, [] if expected == "terpenuhi" else [("Profil", "B8")])


def profil_cell(key: str) -> str:
    """The Nilai cell of an isian in the standard Profil sheet (its rows follow contract.PROFIL_FIELDS)."""
    from generator import contract

    return f"B{[f.key for f in contract.PROFIL_FIELDS].index(key) + 2}"


def test_13_reviu_and_publication_are_never_claimed(tmp_path):
    # the blank rows of tanggal_reviu and alamat_publikasi are where to fill them in
    assert status(workbook(tmp_path))["lke.reviu-publikasi"] == (
        "tidak-dapat-diperiksa", [("Profil", profil_cell("tanggal_reviu")), ("Profil", profil_cell("alamat_publikasi"))])


def test_21_14_reviu_and_publication_from_the_optional_profil_isian(tmp_path):
    both = {"tanggal_reviu": dt.date(2025, 1, 20), "alamat_publikasi": "https://esakip.sikkakab.go.id/lkjip-2024.pdf"}
    assert status(workbook(tmp_path, profil=both))["lke.reviu-publikasi"] == ("terpenuhi", [])
    kriteria, _ = periksa_file(workbook(tmp_path, profil={"nomor_reviu": "700/LHR/05/2025"}))
    k = next(k for k in kriteria if k.kode == "lke.reviu-publikasi")
    assert (k.status, [(b.where, b.pesan) for b in k.bukti]) == ("sebagian", [
        (f"Profil!{profil_cell('alamat_publikasi')}", "alamat_publikasi kosong: publikasi laporan tidak terlihat dari workbook.")])
    late = {**both, "tanggal_reviu": dt.date(2025, 2, 10)}  # tanggal_laporan of the factory: 30-01-2025
    kriteria, _ = periksa_file(workbook(tmp_path, profil=late))
    k = next(k for k in kriteria if k.kode == "lke.reviu-publikasi")
    assert (k.status, [b.where for b in k.bukti]) == ("sebagian", [f"Profil!{profil_cell('tanggal_reviu')}"])
    assert k.bukti[0].pesan.startswith("Tanggal reviu 10-02-2025 sesudah tanggal_laporan 30-01-2025")
    assert status(ALOK)["lke.reviu-publikasi"][0] == "tidak-dapat-diperiksa"  # the rows are not there at all


def test_14_rencana_aksi_missing_for_one_pk_indicator_and_one_realisation(tmp_path):
    ra = rencana_aksi(skip=(IND[2],))
    ra[1]["Realisasi Kinerja"] = None
    assert status(workbook(tmp_path, ra=ra))["lke.rencana-aksi"] == (
        "sebagian", [("Kinerja", "D4"), ("Rencana_Aksi", "D3")])
    assert status(workbook(tmp_path, ra=[]))["lke.rencana-aksi"] == ("belum", [("Rencana_Aksi", "A2")])


EXAMPLES = {
    ALOK: ["terpenuhi", "terpenuhi", "sebagian", "sebagian", "terpenuhi", "belum", "sebagian", "terpenuhi", "terpenuhi",
           "sebagian", "sebagian", "terpenuhi", "tidak-dapat-diperiksa", "sebagian"],  # Rencana_Aksi filled, Triwulan IV realisasi blank
    SUMENEP: ["terpenuhi", "terpenuhi", "sebagian", "terpenuhi", "terpenuhi", "sebagian", "sebagian", "terpenuhi",
              "terpenuhi", "terpenuhi", "sebagian", "terpenuhi", "tidak-dapat-diperiksa", "belum"],
    RAAS: ["terpenuhi", "terpenuhi", "terpenuhi", "terpenuhi", "terpenuhi", "belum", "sebagian", "terpenuhi", "sebagian",
           "belum", "sebagian", "terpenuhi", "tidak-dapat-diperiksa", "belum"],
}


@pytest.mark.parametrize("path", list(EXAMPLES), ids=lambda p: p.stem)
def test_examples_json(path):
    res = CliRunner().invoke(main, ["periksa", str(path), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert [d["status"] for d in data] == EXAMPLES[path]
    assert all(set(d) == {"kode", "kriteria", "status", "bukti", "saran"} for d in data)
    assert all(set(b) == {"sheet", "cell", "pesan"} for d in data for b in d["bukti"])


def test_alok_text_names_cells_and_counts_without_claiming_a_score():
    res = CliRunner().invoke(main, ["periksa", str(ALOK)])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert " 6. [belum] Laporan membandingkan capaian dengan standar nasional (bila ada)" in lines
    assert "      Kinerja!O3: Standar Nasional 'Indeks Sarana dan Prasarana' kosong (bukan pernyataan 'tidak ada')." in lines
    assert lines[-1].startswith("6 dari 14 kriteria terpenuhi, 6 sebagian, 1 belum, 1 tidak dapat diperiksa")
    assert "bukan nilai resmi" in lines[-1]


def test_unreadable_workbook_exits_1_and_a_workbook_without_kinerja_is_partly_checkable(tmp_path):
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"bukan workbook")
    res = CliRunner().invoke(main, ["periksa", str(bad)])
    assert res.exit_code == 1 and "bukan workbook Excel" in res.output
    got = status(make_workbook(tmp_path / "tanpa.xlsx", drop=("Kinerja", "Anggaran")))
    assert got["lke.realisasi"] == ("tidak-dapat-diperiksa", [("Kinerja", "")])  # realisasi rests on Kinerja only
    assert got["lke.ketepatan-waktu"] == ("terpenuhi", [])


def build(path, tmp_path):
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        return CliRunner().invoke(main, ["build", str(path)])
    finally:
        os.chdir(old)


def test_build_points_to_periksa_only_when_a_criterion_is_belum(tmp_path):
    complete = build(workbook(tmp_path), tmp_path)
    assert complete.exit_code == 0, complete.output
    assert "lkjip periksa" not in complete.output
    rows = kinerja()
    for r in rows:
        r.pop("Realisasi 2023")
    src = make_workbook(tmp_path / "tanpa-2023.xlsx", kinerja=rows)
    res = build(src, tmp_path)
    assert res.exit_code == 0, res.output
    pointer = [line for line in res.output.splitlines() if "lkjip periksa" in line]
    assert pointer == [f"  Kesiapan evaluasi: 2 dari 14 kriteria mutu pelaporan (LKE) belum terpenuhi; rinciannya: lkjip periksa {src}"]


def half_filled(tmp_path):
    """Alok taken to 2025 with `template --dari`, then half typed in as staff do midway: the first half of the
    indicators get Realisasi 2025, the first half of the sub kegiatan a Pagu and Realisasi; no dates yet."""
    import openpyxl

    out = tmp_path / "alok-2025.xlsx"
    assert CliRunner().invoke(main, ["template", "--dari", str(ALOK), "--out", str(out)]).exit_code == 0
    wb = openpyxl.load_workbook(out)
    ws = wb["Kinerja"]
    col = {c.value: c.column for c in ws[1] if c.value}
    rows = [r for r in range(2, ws.max_row + 1) if isinstance(ws.cell(r, col["Target 2025"]).value, (int, float))]
    for r in rows[: len(rows) // 2]:
        ws.cell(r, col["Realisasi 2025"], ws.cell(r, col["Target 2025"]).value)
    ws = wb["Anggaran"]
    col = {c.value: c.column for c in ws[1] if c.value}
    subs = [r for r in range(2, ws.max_row + 1) if ws.cell(r, col["Level"]).value == "Sub Kegiatan"]
    for r in subs[: len(subs) // 2]:
        ws.cell(r, col["Pagu"], "12.500.000")  # typed as text with thousands dots, as staff do
        ws.cell(r, col["Realisasi"], "11.250.000")
    wb.save(out)
    return out


def test_21_9_half_filled_workbook_says_first_that_no_report_can_be_built_and_meets_nothing_on_rejected_data(tmp_path):
    from generator.pipeline import check

    path = half_filled(tmp_path)
    _lap, _h, problems = check(path)
    errs = [p for p in problems if p.severity == "error"]
    # tanggal_laporan, 37 sub kegiatan without pagu, the Belanja total (not refilled) differing from Anggaran's
    assert len(errs) == 40 and errs[0].where == "Profil!B8"
    assert sum(p.code == "anggaran.pagu-kosong" for p in errs) == 37
    res = CliRunner().invoke(main, ["periksa", str(path)])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert lines[0] == (f"Laporan BELUM dapat dibuat: workbook berisi 40 galat (pertama di Profil!B8: Isian wajib "
                        f"'tanggal_laporan' kosong); semuanya: lkjip validate {path}. Tidak ada kriteria yang terpenuhi "
                        "di atas data yang bergalat.")
    got = status(path)
    assert got["lke.sistematika"][0] == "belum" and got["lke.sistematika"][1][0] == ("Profil", "B8")
    first_empty = next(p.cell for p in errs if p.sheet == "Anggaran")
    # budget criteria rest on the rejected Anggaran: never terpenuhi; the errors are their evidence
    assert got["lke.tautan-anggaran"] == ("sebagian", [("Anggaran", first_empty), *got["lke.tautan-anggaran"][1][1:]])
    assert got["lke.efisiensi"][0] in ("sebagian", "belum")
    # Kinerja itself has no error: what it holds is judged as usual
    assert got["lke.target-pk"] == ("terpenuhi", [])
    assert got["lke.realisasi"][0] == "sebagian"
    assert all(s != "terpenuhi" for k, (s, _b) in got.items() if k in ("lke.sistematika", "lke.tautan-anggaran", "lke.efisiensi"))
    complete = CliRunner().invoke(main, ["periksa", str(workbook(tmp_path))])
    assert complete.output.splitlines()[0] == "Laporan dapat dibuat dari workbook ini (lkjip build)."


def test_21_12_missing_sheet_or_renamed_required_column_cannot_be_checked_instead_of_belum_diisi(tmp_path):
    got = status(make_workbook(tmp_path / "tanpa-anggaran.xlsx", drop=("Anggaran",)))
    assert got["lke.sistematika"] == ("tidak-dapat-diperiksa", [("Anggaran", "")])
    assert got["lke.tautan-anggaran"] == ("tidak-dapat-diperiksa", [("Anggaran", "")])
    assert got["lke.efisiensi"] == ("tidak-dapat-diperiksa", [("Anggaran", "")])
    assert got["lke.realisasi"][0] == "terpenuhi"  # Kinerja is there and clean

    def rename_pagu(wb):
        ws = wb["Anggaran"]
        col = {c.value: c.column for c in ws[1] if c.value}
        ws.cell(1, col["Pagu"]).value = "Nilai Pagu"

    src = make_workbook(tmp_path / "pagu.xlsx", edit=rename_pagu)
    kriteria, _p = periksa_file(src)
    sis = next(k for k in kriteria if k.kode == "lke.sistematika")
    assert sis.status == "tidak-dapat-diperiksa"
    assert [(b.where, b.pesan) for b in sis.bukti] == [
        ("Anggaran!A1", "Kolom 'Pagu' tidak ditemukan di baris judul sheet Anggaran: kriteria ini tidak dapat diperiksa. "
                        "Judul kolom yang tidak dikenal: Anggaran!E1.")]
    assert "belum diisi" not in " ".join(b.pesan for k in kriteria for b in k.bukti)
    res = CliRunner().invoke(main, ["periksa", str(src)])
    assert "[tidak dapat diperiksa] Laporan mengikuti sistematika standar" in res.output


def test_21_10_analisis_everywhere_and_solusi_nowhere_is_sebagian_not_belum(tmp_path):
    rows = kinerja()
    for r in rows:
        r.pop("Solusi")
    got = status(workbook(tmp_path, kinerja_rows=rows))["lke.analisis"]
    assert got == ("sebagian", [("Kinerja", "V2"), ("Kinerja", "V3"), ("Kinerja", "V4")])
    for r in rows:
        r.pop("Analisis")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.analisis"][0] == "belum"


def test_21_10_only_sumber_data_missing_is_sebagian_not_belum(tmp_path):
    rows = kinerja()
    for r in rows:
        r.pop("Sumber Data")
    got = status(workbook(tmp_path, kinerja_rows=rows))["lke.keandalan-data"]
    assert got == ("sebagian", [("Kinerja", "S2"), ("Kinerja", "S3"), ("Kinerja", "S4")])
    for r in rows:
        r.pop("Definisi Operasional"), r.pop("Formula")
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.keandalan-data"][0] == "belum"


def test_21_11_realisasi_counts_every_indicator_with_a_target_not_only_iku_pk(tmp_path):
    kriteria, _ = periksa_file(SUMENEP)
    k = next(k for k in kriteria if k.kode == "lke.realisasi")
    assert (k.status, [(b.where, b.pesan) for b in k.bukti]) == ("sebagian", [
        ("Kinerja!R46", "Indikator tujuan 'Nilai SAKIP Perangkat Daerah' belum memiliki Realisasi 2023 (tidak terukur).")])
    rows = kinerja() + [{"Level": "Program", "Uraian": "Program penunjang", "Indikator": "Persentase dokumen tepat waktu",
                         "Satuan": "%", "Target 2024": 100}]  # row 5, no Realisasi 2024
    assert status(workbook(tmp_path, kinerja_rows=rows))["lke.realisasi"] == ("sebagian", [("Kinerja", "M5")])


def test_21_11_sisa_method_without_measured_capaian_is_no_efficiency_analysis(tmp_path):
    rows = kinerja()
    rows[2].pop("Realisasi 2024")  # S2 (row 4) not measured
    src = make_workbook(tmp_path / "sisa.xlsx", kinerja=rows, pengaturan={"metode_efisiensi": "sisa"})
    kriteria, _ = periksa_file(src)
    k = next(k for k in kriteria if k.kode == "lke.efisiensi")
    assert (k.status, [b.where for b in k.bukti]) == ("sebagian", ["Kinerja!C4"])
    assert "capaian sasarannya belum terukur (Realisasi 2024 indikatornya kosong)" in k.bukti[0].pesan


def test_21_11_rencana_aksi_only_at_year_end_and_boilerplate_solusi_on_alok(tmp_path):
    kriteria, _ = periksa_file(ALOK)
    ra = next(k for k in kriteria if k.kode == "lke.rencana-aksi")
    assert ra.status == "sebagian"
    assert [(b.where, b.pesan) for b in ra.bukti] == [
        (f"Rencana_Aksi!B{r}", f"Rencana aksi '{name}' hanya memiliki realisasi pada periode Triwulan IV: tidak dipantau "
                               "selama tahun berjalan.")
        for r, name in ((2, "Indeks Sarana dan Prasarana"), (3, "Indeks Sistem Informasi Pelayanan Publik"),
                        (4, "Indeks Mekanisme Konsultasi dan Pengaduan"), (5, "Jumlah Inovasi"))]
    # row 6 (Jumlah Inovasi inherited on a second program, realisasi written once in row 5) is not a missing realisasi
    analisis = next(k for k in kriteria if k.kode == "lke.analisis")
    same = [(b.where, b.pesan) for b in analisis.bukti if "sama persis" in b.pesan]
    assert same == [(f"Kinerja!V{r}", f"Solusi '{name}' sama persis dengan Solusi 'Indeks Sarana dan Prasarana' (V3).")
                    for r, name in ((7, "Indeks Mekanisme Konsultasi dan Pengaduan"), (9, "Jumlah Inovasi"))]
    year_end = [{"Indikator": name, "Periode": "Triwulan IV", "Target Kinerja": 80, "Realisasi Kinerja": 80} for name in IND[1:]]
    assert status(workbook(tmp_path, ra=year_end))["lke.rencana-aksi"] == (
        "sebagian", [("Rencana_Aksi", "B2"), ("Rencana_Aksi", "B3")])


def test_21_13_report_says_no_national_standard_only_when_staff_wrote_it(tmp_path):
    import openpyxl
    from docx_text import all_text, load

    from generator.docx.render import render_docx
    from generator.pipeline import check
    from generator.report.context import build_context

    def report(path):
        _lap, hasil, _p = check(path)
        return all_text(load(render_docx(build_context(hasil))))

    blank = report(ALOK)  # every Standar Nasional cell of Alok is blank: nothing is claimed
    assert "Belum terdapat standar nasional" not in blank
    # not stated: no claim, and no table of "-" either (issue 20.6); the sentence says what is missing
    assert "Perbandingan Realisasi Kinerja dengan Standar Nasional" not in blank
    assert "Standar nasional untuk indikator kinerja Kecamatan Alok belum dicantumkan" in blank
    assert status(ALOK)["lke.standar-nasional"][0] == "belum"

    wb = openpyxl.load_workbook(ALOK)
    ws = wb["Kinerja"]
    col = {c.value: c.column for c in ws[1] if c.value}
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["Indikator"]).value:
            ws.cell(r, col["Standar Nasional"], "tidak ada")  # typed by staff after checking
    stated = tmp_path / "alok-tidak-ada.xlsx"
    wb.save(stated)
    text = report(stated)
    assert "Belum terdapat standar nasional untuk indikator kinerja Kecamatan Alok" in text
    assert "Belum terdapat standar nasional untuk indikator Jumlah Inovasi" in text
    assert "Perbandingan Realisasi Kinerja dengan Standar Nasional" not in text
    assert status(stated)["lke.standar-nasional"] == ("terpenuhi", [])


def test_21_15_names_cut_at_a_word_criterion_11_names_7s_cells_once_and_identical_problems_grouped(tmp_path):
    kriteria, _ = periksa_file(RAAS)
    by = {k.kode: k for k in kriteria}
    assert [b.pesan for b in by["lke.analisis"].bukti if b.cell == "AC31"] == [
        "Solusi 'Persentase gangguan keamanan, ketentraman dan ketertiban masyarakat …' kosong."]
    assert [(b.where, b.pesan) for b in by["lke.rekomendasi"].bukti] == [
        ("Kinerja!AC26", "Solusi kosong untuk 5 dari 7 indikator IKU/PK (AC26, AC30, AC31, AC41, AC42); rinciannya di kriteria 7.")]

    fresh = tmp_path / "alok-2025.xlsx"
    assert CliRunner().invoke(main, ["template", "--dari", str(ALOK), "--out", str(fresh)]).exit_code == 0
    res = CliRunner().invoke(main, ["validate", str(fresh)])
    pagu = [line for line in res.output.splitlines() if "[anggaran.pagu-kosong]" in line]
    assert len(pagu) == 1 and pagu[0].startswith("GALAT Anggaran!E4, E6–E7, E9–E12, E14,")
    assert pagu[0].endswith("E117–E120 (73 sel) [anggaran.pagu-kosong] Baris rincian tanpa pagu. Saran: Isi Pagu (0 jika "
                            "memang tidak dianggarkan).")
    assert res.output.splitlines()[-1] == "74 galat, 16 peringatan: workbook belum dapat dibuat laporannya."  # + anggaran.pagu-pk-kosong (19.3)
    data = json.loads(CliRunner().invoke(main, ["validate", str(fresh), "--format", "json"]).output)
    assert sum(p["code"] == "anggaran.pagu-kosong" for p in data) == 73  # JSON keeps every cell


# status and first evidence cell per criterion, as in the closing table of docs/periksa.md
TABLE = {
    "alok": [("terpenuhi", None), ("terpenuhi", None), ("sebagian", "Kinerja!M2"), ("sebagian", "Kinerja!L2"),
             ("terpenuhi", None), ("belum", "Kinerja!O2"), ("sebagian", "Kinerja!U2"), ("terpenuhi", None),
             ("terpenuhi", None), ("sebagian", "Kinerja!R2"), ("sebagian", "Kinerja!V2"), ("terpenuhi", None),
             ("tidak-dapat-diperiksa", "Profil"), ("sebagian", "Rencana_Aksi!B2")],
    "sumenep": [("terpenuhi", None), ("terpenuhi", None), ("sebagian", "Kinerja!R46"), ("terpenuhi", None),
                ("terpenuhi", None), ("sebagian", "Kinerja!T39"), ("sebagian", "Kinerja!AA3"), ("terpenuhi", None),
                ("terpenuhi", None), ("terpenuhi", None), ("sebagian", "Kinerja!AA3"), ("terpenuhi", None),
                ("tidak-dapat-diperiksa", "Profil"), ("belum", "Rencana_Aksi!A2")],
    "raas": [("terpenuhi", None), ("terpenuhi", None), ("terpenuhi", None), ("terpenuhi", None), ("terpenuhi", None),
             ("belum", "Kinerja!V3"), ("sebagian", "Kinerja!AC21"), ("terpenuhi", None), ("sebagian", "Kinerja!C3"),
             ("belum", "Kinerja!X3"), ("sebagian", "Kinerja!AC26"), ("terpenuhi", None),
             ("tidak-dapat-diperiksa", "Profil"), ("belum", "Rencana_Aksi!A2")],
    "setengah": [("belum", "Profil!B8"), ("terpenuhi", None), ("sebagian", "Kinerja!N5"), ("sebagian", "Kinerja!M2"),
                 ("terpenuhi", None), ("belum", "Kinerja!P2"), ("belum", "Kinerja!V2"), ("sebagian", "Anggaran!E64"),
                 ("sebagian", "Kinerja!C5"), ("sebagian", "Kinerja!S2"), ("belum", "Kinerja!W2"), ("belum", "Profil!B8"),
                 ("tidak-dapat-diperiksa", "Profil!" + profil_cell("tanggal_reviu")), ("belum", "Rencana_Aksi!B2")],
}


def test_21_closing_table_of_docs_per_criterion_status_and_evidence_cell(tmp_path):
    paths = {"alok": ALOK, "sumenep": SUMENEP, "raas": RAAS, "setengah": half_filled(tmp_path)}
    for name, path in paths.items():
        kriteria, _ = periksa_file(path)
        got = [(k.status, k.bukti[0].where if k.bukti else None) for k in kriteria]
        assert got == TABLE[name], name


def test_21_12_unreadable_year_makes_year_criteria_uncheckable_not_belum(tmp_path):
    kriteria, _ = periksa_file(make_workbook(tmp_path / "tanpa-tahun.xlsx", profil={"tahun": "dua ribu"}))
    by = {k.kode: k for k in kriteria}
    for kode in ("lke.sistematika", "lke.realisasi", "lke.target-pk", "lke.efisiensi"):
        assert by[kode].status == "tidak-dapat-diperiksa", kode
        assert by[kode].bukti[0].where == "Profil!B4" and by[kode].bukti[0].pesan.startswith("Tahun laporan (isian tahun) tidak terbaca")
