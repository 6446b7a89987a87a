"""`lkjip template --dari`: next year's workbook from last year's."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from conftest import ALOK, SUMENEP
from docx_text import load, table_after
from factory import make_workbook

from generator import contract
from generator.cli import main
from generator.pipeline import check


def dari(src: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["template", "--dari", str(src), "--out", str(out), *extra])


def columns(ws) -> dict[str, int]:
    return {c.value: c.column for c in ws[1] if c.value}


def rows_by_indicator(ws) -> dict[str, int]:
    col = columns(ws)["Indikator"]
    return {ws.cell(row=r, column=col).value: r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=col).value}


def test_alok_2025_carries_renstra_targets_and_2024_realisasi_with_empty_budget(tmp_path):
    out = tmp_path / "alok-2025.xlsx"
    res = dari(ALOK, out)
    assert res.exit_code == 0, res.output
    assert f"Workbook 2025 ditulis: {out}" in res.output
    old, new = openpyxl.load_workbook(ALOK), openpyxl.load_workbook(out)
    ok, nk = old["Kinerja"], new["Kinerja"]
    oc, nc = columns(ok), columns(nk)
    assert [h for h in nc if h.startswith(("Target 2", "Realisasi"))] == [
        "Target 2024", "Target 2025", "Target 2026", "Realisasi 2023", "Realisasi 2024", "Realisasi 2025"]
    orow, nrow = rows_by_indicator(ok), rows_by_indicator(nk)
    assert list(nrow) == list(orow)  # same indicators, same order
    sarana = "Indeks Sarana dan Prasarana"
    info = "Indeks Sistem Informasi Pelayanan Publik"
    assert nk.cell(nrow[info], nc["Target 2025"]).value == ok.cell(orow[info], oc["Target 2025"]).value == 0.51
    assert nk.cell(nrow[info], nc["Realisasi 2024"]).value == ok.cell(orow[info], oc["Realisasi 2024"]).value == 0.26
    for name in (sarana, info):
        for header in ("Realisasi 2025", "Analisis", "Solusi", "Capaian"):
            assert nk.cell(nrow[name], nc[header]).value is None, (name, header)
        assert nk.cell(nrow[name], nc["Definisi Operasional"]).value == ok.cell(orow[name], oc["Definisi Operasional"]).value
    na = new["Anggaran"]
    ac = columns(na)
    assert na.max_row == old["Anggaran"].max_row
    assert all(na.cell(r, ac["Pagu"]).value is None and na.cell(r, ac["Realisasi"]).value is None for r in range(2, na.max_row + 1))
    assert na.cell(2, ac["Sasaran"]).value == "Tersedianya Sarana dan Prasarana"
    assert na.cell(2, ac["Uraian"]).value == old["Anggaran"].cell(2, columns(old["Anggaran"])["Uraian"]).value
    profil = {new["Profil"].cell(r, 1).value: new["Profil"].cell(r, 2).value for r in range(2, new["Profil"].max_row + 1)}
    assert profil["tahun"] == 2025 and profil["periode_renstra"] == "2024-2026"
    assert profil["tanggal_laporan"] is None and profil["tanggal_pk"] is None
    assert profil["kepala_nama"] and profil["kepala_nama"] == {
        old["Profil"].cell(r, 1).value: old["Profil"].cell(r, 2).value for r in range(2, 30)}["kepala_nama"]
    narasi = [new["Narasi"].cell(r, 1).value for r in range(2, new["Narasi"].max_row + 1)]
    assert "dasar_hukum" in narasi and "tugas_fungsi" in narasi and "gambaran_umum" in narasi
    assert "kata_pengantar" not in narasi and "kesimpulan" not in narasi
    assert new["Narasi"]["A4"].value == "gambaran_umum" and "Tahun 2024" in new["Narasi"]["C4"].value
    assert "Periksa teks Narasi yang menyebut tahun 2024: dasar_hukum (Narasi!C2), gambaran_umum (Narasi!C4)" in res.output
    petunjuk = "\n".join(str(c.value) for c in new["Petunjuk"]["A"] if c.value)
    assert "WORKBOOK 2025 DARI WORKBOOK 2024" in petunjuk and "kepala_nama" in petunjuk


def test_result_validates_with_only_what_is_still_to_fill(tmp_path):
    out = tmp_path / "alok-2025.xlsx"
    assert dari(ALOK, out).exit_code == 0
    _lap, _hasil, problems = check(out)
    assert {p.code for p in problems if p.severity == "error"} == {"profil.wajib-kosong", "anggaran.pagu-kosong"}
    assert {p.cell for p in problems if p.code == "profil.wajib-kosong"} == {"B8"}  # tanggal_laporan
    # tanggal_pk was cleared: the PK date still has to be filled in
    assert {p.code for p in problems if p.severity == "warning"} == {"kinerja.target-tanpa-realisasi", "profil.tanggal-pk-kosong",
                                                                      "anggaran.pagu-pk-kosong", "kinerja.target-realisasi-kosong"}


def test_dropdowns_comments_and_formats_as_a_fresh_template(tmp_path):
    out = tmp_path / "alok-2025.xlsx"
    fresh = tmp_path / "kosong.xlsx"
    assert dari(ALOK, out).exit_code == 0
    assert CliRunner().invoke(main, ["template", "--tahun", "2025", "--renstra", "2024-2026", "--out", str(fresh)]).exit_code == 0
    a, b = openpyxl.load_workbook(out), openpyxl.load_workbook(fresh)
    assert a.sheetnames == b.sheetnames
    for name in [s.name for s in contract.SHEETS]:
        wa, wb = a[name], b[name]
        assert [c.value for c in wa[1]] == [c.value for c in wb[1]], name
        assert [c.comment.text if c.comment else None for c in wa[1]] == [c.comment.text if c.comment else None for c in wb[1]]
        assert sorted((str(d.sqref), d.formula1) for d in wa.data_validations.dataValidation) == \
            sorted((str(d.sqref), d.formula1) for d in wb.data_validations.dataValidation), name
    assert a["Anggaran"]["E2"].number_format == "#,##0"
    fresh_lines = [c.value for c in b["Petunjuk"]["A"]]
    assert [c.value for c in a["Petunjuk"]["A"]][: len(fresh_lines)] == fresh_lines


def test_refuses_to_overwrite_an_existing_file(tmp_path):
    out = tmp_path / "ada.xlsx"
    out.write_bytes(b"isi lama")
    res = dari(ALOK, out)
    assert res.exit_code == 1
    assert "sudah ada dan tidak ditimpa" in res.output
    assert out.read_bytes() == b"isi lama"


def test_default_name_replaces_the_year_beside_the_source(tmp_path):
    src = tmp_path / "LKjIP-2024.xlsx"
    src.write_bytes(ALOK.read_bytes())
    res = CliRunner().invoke(main, ["template", "--dari", str(src)])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "LKjIP-2025.xlsx").exists()
    assert src.read_bytes() == ALOK.read_bytes()  # the input is never modified


def test_ended_renstra_period_is_said_and_the_tree_kept(tmp_path):
    out = tmp_path / "sumenep-2027.xlsx"
    res = dari(SUMENEP, out, "--tahun", "2027")
    assert res.exit_code == 0, res.output
    assert "Periode Renstra 2021-2026 telah berakhir sebelum tahun 2027" in res.output
    lap, _hasil, problems = check(out)
    assert ("Profil", "B5", "profil.wajib-kosong") in [(p.sheet, p.cell, p.code) for p in problems]  # periode_renstra
    assert lap.tahun_target == [2023, 2027] and lap.tahun_realisasi == [2020, 2021, 2022, 2023, 2027]
    old, _h, _p = check(SUMENEP)
    assert [n.uraian for n in lap.nodes()] == [n.uraian for n in old.nodes()]
    assert all(i.target.get(2027) is None and i.target_akhir is None for n in lap.nodes() for i in n.indikator)


def test_percent_cells_odd_text_and_other_sheets_carry(tmp_path):
    def edit(wb):
        ws = wb["Kinerja"]
        col = {c.value: c.column for c in ws[1]}
        cell = ws.cell(row=3, column=col["Target 2025"], value=0.85)
        cell.number_format = "0%"
        cell = ws.cell(row=3, column=col["Definisi Operasional"], value="=jumlah tepat waktu / jumlah layanan")
        cell.data_type = "s"  # text that looks like a formula
        ws.cell(row=3, column=col["Formula"], value="baris satu_x000B_baris dua")  # a line break pasted from Word

    src = make_workbook(tmp_path / "src-2024.xlsx", edit=edit, sheets={
        "Rencana_Aksi": [{"Indikator": "Persentase layanan tepat waktu", "Periode": "Triwulan I", "Target Kinerja": 20,
                          "Realisasi Kinerja": 18, "Target Anggaran": 1000, "Keterangan": "catatan 2024"}],
        "Pegawai": [{"Nama": "Ani", "Jabatan": "Sekretaris", "Golongan": "III/d"}],
    }, pengaturan={"metode_efisiensi": "rasio", "nama_berkas": "LKjIP Contoh 2024"})
    out = tmp_path / "baru.xlsx"
    assert dari(src, out).exit_code == 0
    lap, _h, _p = check(out)
    layanan = next(i for n in lap.nodes() for i in n.indikator if i.nama == "Persentase layanan tepat waktu")
    assert layanan.target[2025] == 85 and layanan.realisasi[2024] == 67 and layanan.realisasi[2025] is None
    assert layanan.analisis == "" and layanan.solusi == ""
    assert layanan.definisi == "=jumlah tepat waktu / jumlah layanan" and layanan.formula == "baris satu\nbaris dua"
    [ra] = lap.rencana_aksi
    assert (ra.indikator, ra.periode, ra.target_kinerja, ra.realisasi_kinerja, ra.target_anggaran, ra.keterangan) == (
        "Persentase layanan tepat waktu", "Triwulan I", None, None, None, "")
    assert [(p.nama, p.golongan) for p in lap.pegawai] == [("Ani", "III/d")]
    assert lap.pengaturan.metode_efisiensi == "rasio" and lap.pengaturan.nama_berkas == "LKjIP Contoh 2025"


def fill_2025(path: Path) -> None:
    """Type 2025 figures the way staff would: realisasi of every indicator with a 2025 target, the budget, the dates."""
    wb = openpyxl.load_workbook(path)
    ws = wb["Kinerja"]
    col = columns(ws)
    for r in range(2, ws.max_row + 1):
        target = ws.cell(r, col["Target 2025"]).value
        if isinstance(target, (int, float)):
            ws.cell(r, col["Realisasi 2025"], round(target * 0.9, 2))
    ws = wb["Anggaran"]
    col = columns(ws)
    lines = 0
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["Level"]).value == "Sub Kegiatan":
            ws.cell(r, col["Pagu"], 1_000_000)
            ws.cell(r, col["Realisasi"], 950_000)
            lines += 1
    ws = wb["Belanja"]  # the same total by type of spending (one report, one total)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 2).value:
            first = r == 2
            ws.cell(r, 3, lines * 1_000_000 if first else 0)
            ws.cell(r, 4, lines * 950_000 if first else 0)
    ws = wb["Profil"]
    rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
    ws.cell(rows["tanggal_laporan"], 2, dt.datetime(2026, 1, 30))
    ws.cell(rows["tanggal_pk"], 2, dt.datetime(2025, 2, 3))
    wb.save(path)


def test_filled_2025_workbook_builds_and_its_trend_table_shows_2024_beside_2025(tmp_path):
    out = tmp_path / "alok-2025.xlsx"
    assert dari(ALOK, out).exit_code == 0
    fill_2025(out)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        res = CliRunner().invoke(main, ["build", str(out), "--out", str(tmp_path / "alok-2025.docx")])
    finally:
        os.chdir(old)
    assert res.exit_code == 0, res.output
    doc = load(tmp_path / "alok-2025.docx")
    [label] = [p.text.split("\n")[0] for p in doc.paragraphs
               if p.style.name == "Judul Tabel" and "Perbandingan Realisasi dan Capaian" in p.text]
    rows = table_after(doc, label)
    header = rows[0]
    assert header[3:8] == ["Realisasi 2023", "Realisasi 2024", "Realisasi 2025", "Capaian 2024 (%)", "Capaian 2025 (%)"]
    info = next(r for r in rows if r[1] == "Indeks Sistem Informasi Pelayanan Publik")
    # 2024 as reported last year (0,26 of 0,30: 86,67 %) beside 2025 (0,46 of 0,51: 90,20 %)
    assert info[3:8] == ["0,26", "0,26", "0,46", "86,67", "90,20"]


def test_new_renstra_period_given_for_the_ended_one(tmp_path):
    out = tmp_path / "sumenep-2027.xlsx"
    res = dari(SUMENEP, out, "--tahun", "2027", "--renstra", "2027-2031")
    assert res.exit_code == 0, res.output
    assert "Isi Realisasi 2027, Analisis, Solusi, Target 2027 s.d. Target 2031 (Renstra baru) setiap indikator" in res.output
    lap, _hasil, problems = check(out)
    assert lap.profil.periode == (2027, 2031)
    assert lap.tahun_target == [2023, 2027, 2028, 2029, 2030, 2031]
    assert {p.code for p in problems if p.severity == "error"} == {"profil.wajib-kosong", "anggaran.pagu-kosong"}
    bad = dari(SUMENEP, tmp_path / "x.xlsx", "--tahun", "2027", "--renstra", "2028-2031")
    assert bad.exit_code == 1 and "Tahun 2027 di luar periode Renstra 2028-2031" in bad.output
    assert not (tmp_path / "x.xlsx").exists()
