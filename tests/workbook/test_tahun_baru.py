"""`lkjip template --dari`: next year's workbook from last year's."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from conftest import ALOK, RAAS, SUMENEP
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
    # dasar_hukum names "Nomor 682 Tahun 2024" (a regulation keeps its year): not flagged
    assert ("Periksa teks Narasi yang menyebut tahun lalu (2024 atau sebelumnya): gambaran_umum (Narasi!C4: 2024), "
            "arah_kebijakan (Narasi!C8: 2024).") in res.output
    petunjuk = "\n".join(str(c.value) for c in new["Petunjuk"]["A"] if c.value)
    assert "WORKBOOK 2025 DARI WORKBOOK 2024" in petunjuk and "kepala_nama" in petunjuk


def test_result_validates_with_only_what_is_still_to_fill(tmp_path):
    out = tmp_path / "alok-2025.xlsx"
    assert dari(ALOK, out).exit_code == 0
    _lap, _hasil, problems = check(out)
    assert {p.code for p in problems if p.severity == "error"} == {"profil.wajib-kosong", "anggaran.pagu-kosong"}
    assert {p.cell for p in problems if p.code == "profil.wajib-kosong"} == {"B8"}  # tanggal_laporan
    # tanggal_pk was cleared: the PK date still has to be filled in
    assert {p.code for p in problems if p.severity == "warning"} == {
        "kinerja.target-tanpa-realisasi", "profil.tanggal-pk-kosong", "kinerja.tanpa-target-realisasi",
        "anggaran.pagu-pk-kosong", "indeks.skor-kosong"}  # Pagu PK and the scores of 2025 are still to be filled in
    # the five program indicators had no target in the Renstra columns of 2024 either
    assert [p.cell for p in problems if p.code == "kinerja.tanpa-target-realisasi"] == ["J4", "J6", "J8", "J10", "J11"]


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


def test_26_4_a_workbook_saved_while_dari_runs_is_never_replaced(tmp_path, monkeypatch):
    """The colleague's file appears after the existence check, while the new workbook is being written."""
    import generator.write.output as output

    out = tmp_path / "LKjIP-2025.xlsx"
    real_fsync = os.fsync

    def colleague_saves(fd):
        real_fsync(fd)
        if not out.exists():
            out.write_bytes(b"workbook rekan yang baru disimpan")

    monkeypatch.setattr(output.os, "fsync", colleague_saves)
    res = dari(ALOK, out)
    assert res.exit_code == 1, res.output
    assert f"Berkas {out} sudah ada dan tidak ditimpa" in res.output
    assert out.read_bytes() == b"workbook rekan yang baru disimpan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["LKjIP-2025.xlsx"]  # no temporary file left


def test_26_4_concurrent_dari_runs_to_one_out_give_exactly_one_workbook(tmp_path, monkeypatch):
    """Three runs race to one --out (fsync slowed so all three are past the check): one writes, two refuse."""
    import threading
    import time

    import generator.write.output as output
    from generator.workbook.tahun_baru import buat_tahun_baru
    from generator.write.output import TargetExists

    real_fsync = os.fsync
    monkeypatch.setattr(output.os, "fsync", lambda fd: (time.sleep(0.3), real_fsync(fd)))
    for attempt in range(3):
        out = tmp_path / f"race-{attempt}.xlsx"
        results: list[str] = []
        start = threading.Barrier(3)

        def run(start=start, out=out, results=results) -> None:
            start.wait()
            try:
                buat_tahun_baru(ALOK, out)
                results.append("ditulis")
            except TargetExists:
                results.append("ditolak")

        threads = [threading.Thread(target=run) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == ["ditolak", "ditolak", "ditulis"], (attempt, results)
        assert openpyxl.load_workbook(out)["Profil"]["B4"].value == 2025  # tahun
    assert sorted(p.name for p in tmp_path.iterdir()) == ["race-0.xlsx", "race-1.xlsx", "race-2.xlsx"]


def staff_edit(src: Path, dst: Path, edit) -> Path:
    """Open an example as staff would (openpyxl keeps their cells as typed), change it, save under `dst`."""
    wb = openpyxl.load_workbook(src)
    edit(wb)
    wb.save(dst)
    return dst


def test_21_1_renamed_indikator_header_refuses_with_its_cell(tmp_path):
    def rename(wb):
        ws = wb["Kinerja"]
        ws.cell(1, columns(ws)["Indikator"]).value = "Nama Indikator"

    src = staff_edit(ALOK, tmp_path / "alok-2024.xlsx", rename)
    letter = openpyxl.utils.get_column_letter(columns(openpyxl.load_workbook(ALOK)["Kinerja"])["Indikator"])
    res = dari(src, tmp_path / "alok-2025.xlsx")
    assert res.exit_code == 1, res.output
    assert (f"Kinerja!{letter}1: judul kolom 'Nama Indikator' tidak dikenal dan kolom 'Indikator' tidak ada — isinya "
            f"tidak dapat dibawa. Ganti judul Kinerja!{letter}1 menjadi 'Indikator'") in res.output
    assert not (tmp_path / "alok-2025.xlsx").exists()


def test_21_1_missing_required_column_refuses_and_staff_columns_and_sheets_are_listed(tmp_path):
    def drop_uraian(wb):
        wb["Anggaran"].delete_cols(columns(wb["Anggaran"])["Uraian"])

    res = dari(staff_edit(SUMENEP, tmp_path / "a.xlsx", drop_uraian), tmp_path / "a-2024.xlsx")
    assert res.exit_code == 1 and "Anggaran!A1: kolom wajib 'Uraian' tidak ditemukan di baris judul" in res.output

    def staff_additions(wb):
        ws = wb["Kinerja"]
        extra = ws.max_column + 1
        ws.cell(1, extra, "Catatan Camat")
        ws.cell(2, extra, "dibahas di rapat staf")
        wb.create_sheet("Rekap Triwulan")["A1"] = "rekap"
        ws = wb["Anggaran"]
        ws.cell(1, columns(ws)["Sumber Dana"]).value = "Sumber Pendanaan"  # renamed optional column

    src = staff_edit(RAAS, tmp_path / "raas-2020.xlsx", staff_additions)
    kinerja = openpyxl.load_workbook(src)["Kinerja"]
    catatan = openpyxl.utils.get_column_letter(columns(kinerja)["Catatan Camat"])
    sumber = openpyxl.utils.get_column_letter(columns(openpyxl.load_workbook(src)["Anggaran"])["Sumber Pendanaan"])
    out = tmp_path / "raas-2021.xlsx"
    res = dari(src, out)
    assert res.exit_code == 0, res.output
    line = (f"Di luar format standar, tidak dibawa: kolom 'Catatan Camat' (Kinerja!{catatan}1), kolom 'Sumber Pendanaan' "
            f"(Anggaran!{sumber}1), sheet 'Rekap Triwulan'.")
    assert line in res.output
    petunjuk = [c.value for c in openpyxl.load_workbook(out)["Petunjuk"]["A"] if c.value]
    assert any(line in v for v in petunjuk)


def test_21_2_indicators_without_a_new_year_target_are_named_in_the_todo_validate_and_periksa(tmp_path):
    from generator.pipeline import periksa_file

    out = tmp_path / "raas-2021.xlsx"
    res = dari(RAAS, out)
    assert res.exit_code == 0, res.output
    assert ("Target 2021 kosong untuk 46 dari 46 indikator (kolom Target Renstra workbook asal tidak memuatnya): isi dari "
            "Renstra/Renja di Kinerja!N: 'Nilai Survey Kepuasan Masyarakat (SKM)' (N2), 'Indeks Reformasi Birokrasi' (N3)"
            ) in res.output
    assert "; dan 36 lainnya: Kinerja!N12–N47." in res.output
    _lap, _h, problems = check(out)
    warned = [p for p in problems if p.code == "kinerja.tanpa-target-realisasi"]
    assert [p.cell for p in warned] == [f"N{r}" for r in range(2, 48)]
    assert warned[0].message == ("Indikator tujuan 'Nilai Survey Kepuasan Masyarakat (SKM)' tidak memiliki Target 2021 "
                                 "maupun Realisasi 2021: laporan mencetak '-' untuknya.")
    kriteria, _ = periksa_file(out)
    k = next(k for k in kriteria if k.kode == "lke.realisasi")
    assert k.status == "belum" and sorted(b.where for b in k.bukti) == sorted(f"Kinerja!N{r}" for r in range(2, 48))

    sumenep = tmp_path / "sumenep-2024.xlsx"
    res = dari(SUMENEP, sumenep)
    assert "Target 2024 kosong untuk 95 dari 100 indikator" in res.output
    assert sum(p.code == "kinerja.tanpa-target-realisasi" for p in check(sumenep)[2]) == 95


def test_21_3_source_with_errors_is_carried_and_counted_and_one_without_kinerja_refused(tmp_path):
    def unfinished(wb):
        ws = wb["Kinerja"]
        col = columns(ws)
        ws.cell(3, col["Target 2025"]).value = "O,51"  # typed with a letter O for a 0
        ws = wb["Profil"]
        ws.cell({ws.cell(r, 1).value: r for r in range(2, 30)}["kota"], 2).value = None

    src = staff_edit(ALOK, tmp_path / "alok-2024.xlsx", unfinished)
    errs = [p for p in check(src)[2] if p.severity == "error"]
    assert len(errs) == 2
    letter = openpyxl.utils.get_column_letter(columns(openpyxl.load_workbook(src)["Kinerja"])["Target 2025"])
    res = dari(src, tmp_path / "alok-2025.xlsx")
    assert res.exit_code == 0, res.output
    assert (f"  - Workbook asal alok-2024.xlsx berisi 2 galat (lkjip validate alok-2024.xlsx; mis. "
            f"{errs[0].where}, {errs[1].where}): isinya dibawa apa adanya, termasuk sel yang bergalat: betulkan sel-sel "
            "itu di workbook baru.") in res.output
    assert {e.where for e in errs} == {"Profil!B7", f"Kinerja!{letter}3"}
    new = openpyxl.load_workbook(tmp_path / "alok-2025.xlsx")["Kinerja"]
    assert new.cell(3, columns(new)["Target 2025"]).value == "O,51"  # carried as typed, still flagged by validate

    def no_kinerja(wb):
        del wb["Kinerja"]

    res = dari(staff_edit(ALOK, tmp_path / "tanpa.xlsx", no_kinerja), tmp_path / "tanpa-2025.xlsx")
    assert res.exit_code == 1
    assert ("workbook asal tanpa.xlsx tidak memiliki sheet Kinerja (pohon kinerja, indikator, target Renstra), jadi tidak "
            "ada kerangka yang dapat dibawa") in res.output
    assert not (tmp_path / "tanpa-2025.xlsx").exists()


def test_21_7_todo_says_truthfully_what_happens_to_each_cleared_narasi_key(tmp_path, monkeypatch):
    out = tmp_path / "alok-2025.xlsx"
    res = dari(ALOK, out)
    assert ("  - Bagian Narasi yang khusus tahun 2024 dikosongkan: kata_pengantar, efisiensi, kesimpulan, saran ditulis "
            "lkjip dari data 2025 bila tidak diisi; permasalahan, solusi tidak ditulis lkjip: bila kosong, laporan tidak "
            "memuat paragraf kendala/upaya (subbab Analisis Penyebab Keberhasilan/Kegagalan dan Solusi hanya memuat "
            "Analisis dan Solusi setiap indikator dari sheet Kinerja); tulis kendala dan upaya tahun 2025 bila ingin "
            "paragraf itu ada.") in res.output.splitlines()
    fill_2025(out)
    monkeypatch.chdir(tmp_path)
    built = CliRunner().invoke(main, ["build", str(out), "--out", str(tmp_path / "r.docx")])
    assert built.exit_code == 0, built.output
    text = "\n".join(p.text for p in load(tmp_path / "r.docx").paragraphs)
    assert "Permasalahan dan kendala yang dihadapi:" not in text and "Solusi yang telah dilakukan:" not in text
    assert "7. Analisis Penyebab Keberhasilan/Kegagalan dan Solusi" in text  # the section stays, without those paragraphs


def test_21_4_number_formats_on_every_row_in_use_and_staff_notes_carried(tmp_path):
    def staff_note(wb):
        from openpyxl.comments import Comment

        ws = wb["Anggaran"]
        ws.cell(118, columns(ws)["Uraian"]).comment = Comment("Nama sub kegiatan diganti di DPA Perubahan.", "Staf Perencanaan")
        ws = wb["Kinerja"]
        ws.cell(3, columns(ws)["Analisis"]).comment = Comment("Dibahas dengan Sekcam.", "Staf")  # on a cell left empty

    src = staff_edit(ALOK, tmp_path / "alok-2024.xlsx", staff_note)
    out = tmp_path / "alok-2025.xlsx"
    res = dari(src, out)
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(out)
    ws = wb["Anggaran"]
    col = columns(ws)
    assert ws.max_row == 120
    for r in (2, 51, 52, 100, 120):  # the blank formats 50 rows; Alok's budget runs to row 120
        assert ws.cell(r, col["Pagu"]).number_format == "#,##0", r
        assert ws.cell(r, col["Realisasi"]).number_format == "#,##0", r
    note = ws.cell(118, col["Uraian"]).comment
    assert (note.author, note.text) == ("Staf Perencanaan", "(catatan workbook 2024) Nama sub kegiatan diganti di DPA Perubahan.")
    k = wb["Kinerja"]
    analisis_note = k.cell(3, columns(k)["Analisis"]).comment.text  # last year's Analisis offered (21.8), not the note
    assert analisis_note.startswith("Analisis 2024 (bahan awal") and "Dibahas dengan Sekcam" not in analisis_note
    assert k["D5"].comment.text.startswith("(catatan workbook 2024) Tabel 2.1 menamai indikator ini")  # Indikator: carried
    assert k.cell(1, 1).comment.author == "lkjip"  # header notes stay the standard ones
    line = next(x for x in res.output.splitlines() if "Catatan (komentar) sel workbook 2024" in x)
    assert line == ("  - Catatan (komentar) sel workbook 2024: 25 dibawa ke selnya di workbook baru, diawali '(catatan "
                    "workbook 2024)' — hapus bila tidak berlaku lagi; 20 pada sel yang dikosongkan tidak dibawa.")


def test_21_6_indeks_emptied_is_not_printed_and_last_years_scores_beside_a_new_realisasi_are_warned(tmp_path, monkeypatch):
    from docx_text import all_text

    out = tmp_path / "alok-2025.xlsx"
    assert dari(ALOK, out).exit_code == 0
    fill_2025(out)
    wb = openpyxl.load_workbook(out)
    k = wb["Kinerja"]
    row = rows_by_indicator(k)["Indeks Sarana dan Prasarana"]
    k.cell(row, columns(k)["Realisasi 2025"], 0.31)  # typed by staff: terealisasi 0,31
    wb.save(out)
    _lap, _h, problems = check(out)
    kosong = [(p.cell, p.code) for p in problems if p.code.startswith("indeks.")]
    assert kosong == [("A2", "indeks.skor-kosong"), ("A3", "indeks.skor-kosong"), ("A6", "indeks.skor-kosong"),
                      ("A10", "indeks.skor-kosong")]
    monkeypatch.chdir(tmp_path)
    built = CliRunner().invoke(main, ["build", str(out), "--out", str(tmp_path / "r.docx")])
    assert built.exit_code == 0, built.output
    text = all_text(load(tmp_path / "r.docx"))
    assert "Perhitungan Indeks Sarana dan Prasarana" not in text  # no table of "-"

    # staff refill the scores with last year's: the index (1,934 x 15 / 100 = 0,29) disagrees with 0,31
    old = openpyxl.load_workbook(ALOK)["Indeks"]
    wb = openpyxl.load_workbook(out)
    ws = wb["Indeks"]
    for r in range(2, old.max_row + 1):
        for c in range(1, old.max_column + 1):
            ws.cell(r, c, old.cell(r, c).value)
    wb.save(out)
    _lap, _h, problems = check(out)
    [berbeda] = [p for p in problems if p.code == "indeks.berbeda" and p.cell == f"N{row}"]
    assert berbeda.message == ("Realisasi 2025 'Indeks Sarana dan Prasarana' tertulis 0,31 di sheet Kinerja, tetapi sheet "
                               "Indeks menghasilkan 0,29 (Indeks!D2); laporan mencetak keduanya.")
    assert not [p for p in problems if p.code == "indeks.skor-kosong"]


def test_21_5_new_renstra_table_keeps_history_out_and_old_renstra_narrative_is_flagged(tmp_path):
    from generator.report.context import build_context

    out = tmp_path / "sumenep-2027.xlsx"
    res = dari(SUMENEP, out, "--tahun", "2027", "--renstra", "2027-2031")
    assert res.exit_code == 0, res.output
    assert ("  - Teks Narasi dari Renstra 2021-2026 dibawa apa adanya: isu_strategis (Narasi!C7), iku (Narasi!C9). Tulis "
            "ulang sesuai Renstra 2027-2031, atau hapus barisnya agar tidak dicetak.") in res.output.splitlines()
    wb = openpyxl.load_workbook(out)
    ws = wb["Kinerja"]
    col = columns(ws)
    for r in range(2, ws.max_row + 1):  # staff type the new Renstra's targets
        if ws.cell(r, col["Target 2023"]).value is not None:
            ws.cell(r, col["Target 2027"], 90)
            ws.cell(r, col["Target 2031"], 95)
    wb.save(out)
    _lap, hasil, _p = check(out)
    table = build_context(hasil)["tabel"]["renstra"]
    assert table.judul == "Tujuan, Sasaran dan Target Kinerja Renstra 2027-2031"
    assert [k.judul for k in table.kolom] == ["No", "Tujuan / Sasaran", "Indikator", "Satuan", "Target 2027", "Target 2031",
                                              "Target Akhir"]  # Target 2023 (history for the trend table) stays out
    assert "Teks Narasi dari Renstra" not in dari(SUMENEP, tmp_path / "s-2024.xlsx").output  # same period: not flagged


def test_21_8_reminders_older_years_photos_staff_pagu_pk_new_format_and_last_years_analisis(tmp_path):
    import struct
    import zlib

    def png() -> bytes:  # a 1x1 white PNG
        raw = b"\x00\xff\xff\xff"
        chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(  # noqa: E731
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))

    (tmp_path / "foto.png").write_bytes(png())
    src = make_workbook(tmp_path / "src-2024.xlsx", sheets={
        "Gambar": [{"Bagian": "dokumentasi", "Berkas": "foto.png", "Keterangan": "Musrenbang Kecamatan Tahun 2024"}],
        "Pegawai": [{"Nama": "Ani", "Jabatan": "Sekretaris", "Golongan": "III/d"},
                    {"Nama": "Budi", "Jabatan": "Kasi Pemerintahan", "Golongan": "III/c"}],
        "Narasi": [{"Bagian": "gambaran_umum", "Isi": "Pada Tahun 2023 kantor kecamatan direnovasi."},
                   {"Bagian": "dasar_hukum", "Isi": "- Peraturan Bupati Contoh Nomor 5 Tahun 2022 tentang Renstra."}],
    })
    out = tmp_path / "baru-2025.xlsx"
    res = dari(src, out)
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    narasi = next(line for line in lines if "Periksa teks Narasi" in line)
    assert narasi == ("  - Periksa teks Narasi yang menyebut tahun lalu (2024 atau sebelumnya): gambaran_umum "
                      "(Narasi!C2: 2023).")  # the regulation's year in dasar_hukum is no stale mention
    assert ("  - Daftar pegawai (2 baris) dibawa dari workbook 2024: perbarui mutasi, pensiun, kenaikan pangkat/golongan "
            "dan pendidikan di sheet Pegawai.") in lines
    assert ("  - Gambar (1 baris: logo, struktur, foto dokumentasi) dibawa dari workbook 2024: ganti foto dokumentasi "
            "dengan kegiatan tahun 2025; keterangan yang menyebut tahun lalu: Gambar!C2.") in lines
    # the factory workbook was made with today's template: nothing new in the format
    assert not any("Baru dalam format standar" in line for line in lines)
    # the factory's S1 has Analisis "Jumlah petugas kurang." and Solusi "Menambah jam layanan.": offered as notes
    ws = openpyxl.load_workbook(out)["Kinerja"]
    r = rows_by_indicator(ws)["Persentase layanan tepat waktu"]
    assert ws.cell(r, columns(ws)["Analisis"]).value is None
    assert ws.cell(r, columns(ws)["Analisis"]).comment.text == (
        "Analisis 2024 (bahan awal, tulis ulang untuk tahun ini):\nJumlah petugas kurang.")
    assert ws.cell(r, columns(ws)["Solusi"]).comment.text.endswith("\nMenambah jam layanan.")
    assert ("  - Analisis dan Solusi 2024 ada sebagai catatan (komentar) pada sel Analisis/Solusi yang kosong (2 sel): "
            "bahan awal, tulis ulang untuk 2025.") in lines

    alok = dari(ALOK, tmp_path / "alok-2025.xlsx")  # Alok's workbook predates the reviu/publikasi isian, has Pagu PK
    assert ("  - Pagu PK dikosongkan: isi pagu program menurut Perjanjian Kinerja 2025 yang ditandatangani (kolom Pagu PK, "
            "baris Program) agar lampiran PK tidak memakai pagu hari ini.") in alok.output.splitlines()
    baru = next(line for line in alok.output.splitlines() if "Baru dalam format standar" in line)
    assert baru.startswith("  - Baru dalam format standar (tidak ada di workbook asal, kini tersedia dan boleh diisi): ")
    assert "Profil 'tanggal_reviu', Profil 'nomor_reviu', Profil 'alamat_publikasi'" in baru
    timpa = dari(src, out, "--timpa")
    assert timpa.exit_code == 2 and "--timpa tidak berlaku untuk --dari" in timpa.output


def test_pegawai_atasan_is_carried_to_next_year(tmp_path):
    """The optional Atasan column (issue 20.10: the lines of the struktur organisasi) is carried like the rest of Pegawai."""
    from generator.workbook.tahun_baru import buat_tahun_baru

    wb = openpyxl.load_workbook(RAAS)  # Alok lists no Pegawai
    ws = wb["Pegawai"]
    headers = [c.value for c in ws[1]]
    col = headers.index(None) + 1 if None in headers else len(headers) + 1
    ws.cell(1, col, "Atasan")
    ws.cell(3, col, "Camat")
    src = tmp_path / "raas-atasan.xlsx"
    wb.save(src)
    out = tmp_path / "raas-2021.xlsx"
    buat_tahun_baru(src, out)
    new = openpyxl.load_workbook(out)["Pegawai"]
    headers = [c.value for c in new[1]]
    assert "Atasan" in headers
    assert new.cell(3, headers.index("Atasan") + 1).value == "Camat"
    assert new.cell(3, headers.index("Nama") + 1).value == ws.cell(3, 1 + [c.value for c in ws[1]].index("Nama")).value
