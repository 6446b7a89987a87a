"""The example folder of one synthetic kabupaten for `lkjip gabung`, derived from the three real examples.

    python bench/kabupaten_contoh.py                 (re)writes workbooks/kabupaten-contoh/
    python bench/kabupaten_contoh.py --banyak 100 DIR   100 Alok-sized OPD workbooks (the benchmark's folder)

"Kabupaten Contoh" does not exist: every name, NIP and code below is made up. Each OPD
workbook is one of the real example workbooks (Alok 2024, Kota Sumenep 2023, Raas 2020) with
its year moved to 2024, its names replaced, its realisasi and budget figures varied, and the
two optional columns of the recap filled: `Profil.kode_opd` and Kinerja `Sasaran RPJMD`.
Budgets are multiplied by a whole number, so every typed sum stays the sum of its rows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

from generator.workbook.blank import append_rows, build_blank, set_isian  # noqa: E402

TAHUN = 2024
PEMERINTAH = "Pemerintah Kabupaten Contoh"
KOTA = "Kota Contoh"
SUMBER = {
    "alok": (ROOT / "workbooks" / "kecamatan-alok-2024.xlsx", {"Kecamatan Alok": None, "Alok": None, "Sikka": "Contoh", "Maumere": KOTA}),
    "sumenep": (ROOT / "workbooks" / "kecamatan-kota-sumenep-2023.xlsx",
                {"Kecamatan Kota Sumenep": None, "Kota Sumenep": None, "Sumenep": "Contoh"}),
    "raas": (ROOT / "workbooks" / "kecamatan-raas-2020.xlsx", {"Kecamatan Raas": None, "Raas": None, "Sumenep": "Contoh"}),
}

# file, instansi, kode OPD, source, realisasi factor, budget multiplier, Sasaran RPJMD code per OPD sasaran (in order)
OPD = (
    ("dinas-pendidikan.xlsx", "Dinas Pendidikan", "1.01.0.00.0.00.01.0000", "sumenep", "1.04", 3, ["SR.1", "SR.1", "SR.3"]),
    ("dinas-kesehatan.xlsx", "Dinas Kesehatan", "1.02.0.00.0.00.02.0000", "sumenep", "0.93", 4, ["SR.2", "SR.2", "SR.2"]),
    ("bappeda.xlsx", "Badan Perencanaan Pembangunan Daerah", "5.01.5.05.0.00.03.0000", "alok", "1.00", 1, ["SR.3", "SR.3", "SR.4", "SR.3"]),
    ("inspektorat.xlsx", "Inspektorat Daerah", "6.01.0.00.0.00.04.0000", "raas", "0.97", 2, ["SR.3", "SR.3", "SR.4", "SR.3", "SR.3"]),
    ("dinas-sosial.xlsx", "Dinas Sosial", "1.06.0.00.0.00.05.0000", "alok", "0.88", 2, ["SR.4", "SR.4", "SR.4", "SR.4"]),
    ("kecamatan-utara.xlsx", "Kecamatan Utara", "7.01.0.00.0.00.10.0001", "alok", "1.02", 1, ["SR.3", "SR.4", "SR.9", "SR.4"]),
    ("kecamatan-selatan.xlsx", "Kecamatan Selatan", "7.01.0.00.0.00.10.0002", "sumenep", "0.98", 1, ["SR.3", "SR.4", "SR.3"]),
    ("kecamatan-timur.xlsx", "Kecamatan Timur", "7.01.0.00.0.00.10.0003", "raas", "1.05", 1, ["SR.3"]),
    ("kecamatan-barat.xlsx", "Kecamatan Barat", "7.01.0.00.0.00.10.0004", "alok", "0.95", 1, None),  # no Sasaran RPJMD column at all
)
SALAH = ("kecamatan-tengah.xlsx", "Kecamatan Tengah", "7.01.0.00.0.00.10.0005", "raas", "1.00", 1, ["SR.3"])


def _shift_years(ws, offset: int) -> None:
    for cell in ws[1]:
        m = re.fullmatch(r"(Target|Realisasi) (\d{4})", str(cell.value or ""))
        if m:
            cell.value = f"{m.group(1)} {int(m.group(2)) + offset}"


def _header(ws) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[1] if c.value}


def _replace_names(wb, names: dict[str, str]) -> None:
    pattern = re.compile("|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)))
    for ws in wb.worksheets:
        if ws.title == "Petunjuk":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and pattern.search(cell.value):
                    cell.value = pattern.sub(lambda m: names[m.group(0)], cell.value)


def _scaled(value, factor: Decimal):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value  # qualitative (BB, WTP ...) or blank: as typed
    d = Decimal(str(value)) * factor
    if float(value).is_integer():
        return int(d.quantize(Decimal(1), ROUND_HALF_UP))
    return float(d.quantize(Decimal("0.01"), ROUND_HALF_UP))


def derive(source: str, instansi: str, kode_opd: str, faktor: str, kali: int, rpjmd: list[str] | None, nomor: int):
    """One synthetic OPD workbook (an openpyxl Workbook) from a real example."""
    path, names = SUMBER[source]
    wb = openpyxl.load_workbook(path)
    singkat = instansi.removeprefix("Kecamatan ").removeprefix("Dinas ")
    _replace_names(wb, {k: (v if v is not None else (instansi if k.startswith("Kecamatan") else singkat)) for k, v in names.items()})
    profil = wb["Profil"]
    rows = {profil.cell(row=r, column=1).value: r for r in range(2, profil.max_row + 1)}
    tahun = int(profil.cell(row=rows["tahun"], column=2).value)
    offset = TAHUN - tahun
    awal, akhir = (int(x) for x in str(profil.cell(row=rows["periode_renstra"], column=2).value).split("-"))
    if "kode_opd" not in rows:
        rows["kode_opd"] = profil.max_row + 1
        profil.cell(row=rows["kode_opd"], column=1, value="kode_opd")
    jabatan = f"Camat {singkat}" if instansi.startswith("Kecamatan") else f"Kepala {instansi}"
    values = {
        "pemerintah": PEMERINTAH, "instansi": instansi, "tahun": TAHUN, "periode_renstra": f"{awal + offset}-{akhir + offset}",
        "kota": KOTA, "kode_opd": kode_opd, "tanggal_laporan": dt.datetime(TAHUN + 1, 1, 20 + nomor % 9),
        "kepala_nama": f"Pejabat Contoh {nomor}, S.Sos., M.Si. (sintetis)", "kepala_jabatan": jabatan,
        "kepala_nip": f"19800{nomor % 9 + 1}01 200501 1 {nomor % 1000:03d}", "kepala_pangkat": "Pembina (IV/a)",
        "atasan_nama": "Bupati Contoh (sintetis)", "atasan_jabatan": "Bupati Contoh", "telepon": None, "alamat": f"Jl. Contoh No. {nomor}, {KOTA}",
    }
    values["tanggal_pk"] = dt.datetime(TAHUN, 1, 2 + nomor % 20)
    for key, value in values.items():
        profil.cell(row=rows[key], column=2, value=value)
        if key in ("kepala_nip", "kode_opd"):
            profil.cell(row=rows[key], column=2).number_format = "@"

    kin = wb["Kinerja"]
    _shift_years(kin, offset)
    h = _header(kin)
    real = h.get(f"Realisasi {TAHUN}")
    factor = Decimal(faktor)
    rpjmd_col = h.get("Sasaran RPJMD") or kin.max_column + 1
    if rpjmd is not None:
        kin.cell(row=1, column=rpjmd_col, value="Sasaran RPJMD")
    codes = iter(rpjmd or [])
    for r in range(2, kin.max_row + 1):
        if real:
            kin.cell(row=r, column=real).value = _scaled(kin.cell(row=r, column=real).value, factor)
        if "Capaian" in h:
            kin.cell(row=r, column=h["Capaian"]).value = None  # typed capaian would now differ: recomputed anyway
        if rpjmd is not None and kin.cell(row=r, column=h["Level"]).value == "Sasaran":
            kin.cell(row=r, column=rpjmd_col, value=next(codes, None))
    ang = wb["Anggaran"]
    h = _header(ang)
    for r in range(2, ang.max_row + 1):
        for key in ("Pagu", "Realisasi", "Pagu PK"):
            cell = ang.cell(row=r, column=h[key])
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.value = cell.value * kali
    if "Belanja" in wb.sheetnames:
        bel = wb["Belanja"]
        h = _header(bel)
        for r in range(2, bel.max_row + 1):
            for key in ("Anggaran", "Realisasi"):
                cell = bel.cell(row=r, column=h[key])
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.value = cell.value * kali
    return wb


def pemda() -> openpyxl.Workbook:
    """The kabupaten's own workbook: Profil of the Bupati, Kinerja with tujuan/sasaran RPJMD and IKU Pemda."""
    wb = build_blank(TAHUN, (2021, 2026))
    set_isian(wb, {"pemerintah": PEMERINTAH, "instansi": PEMERINTAH, "kota": KOTA,
                   "tanggal_laporan": dt.datetime(2025, 3, 14), "tanggal_pk": dt.datetime(2024, 1, 2), "kepala_nama": "Bupati Contoh (sintetis)",
                   "kepala_jabatan": "Bupati Contoh", "atasan_nama": "Gubernur Contoh (sintetis)",
                   "atasan_jabatan": "Gubernur Provinsi Contoh", "visi": "Kabupaten Contoh yang Maju dan Sejahtera (sintetis)"})
    set_isian(wb, {"total_apbd": 100_000_000_000}, "Pengaturan")
    rows = [
        ("Tujuan", "T.1", "Meningkatkan kualitas sumber daya manusia", "Indeks Pembangunan Manusia", "indeks", 71.2, 71.6, ""),
        ("Sasaran", "SR.1", "Meningkatnya kualitas pendidikan", "Rata-rata lama sekolah", "tahun", 7.9, 7.95, "Dinas Pendidikan"),
        ("Sasaran", "SR.2", "Meningkatnya derajat kesehatan masyarakat", "Angka harapan hidup", "tahun", 68.5, 68.3, "Dinas Kesehatan"),
        ("Tujuan", "T.2", "Mewujudkan tata kelola pemerintahan yang baik", "Nilai SAKIP Kabupaten", "nilai", "BB", "B", ""),
        ("Sasaran", "SR.3", "Meningkatnya akuntabilitas kinerja dan kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "indeks", 80, 82.1,
         "Badan Perencanaan Pembangunan Daerah"),
        ("Sasaran", "SR.4", "Meningkatnya pemberdayaan masyarakat", "Persentase penduduk miskin", "%", 9.5, 9.8, "Dinas Sosial"),
        ("Sasaran", "SR.5", "Meningkatnya daya saing pariwisata daerah", "Jumlah kunjungan wisatawan", "orang", 150_000, 141_250,
         "Dinas Pariwisata"),
    ]
    append_rows(wb, "Kinerja", [
        {"Level": lv, "Kode": kode, "Uraian": uraian, "Indikator": ind, "Satuan": sat,
         "Polaritas": "Negatif" if kode == "SR.4" else "Positif", "IKU": "Ya" if lv == "Sasaran" else "Tidak", "PK": "Ya",
         f"Target {TAHUN}": target, f"Realisasi {TAHUN}": real, "Penanggung Jawab": pj}
        for lv, kode, uraian, ind, sat, target, real, pj in rows])
    return wb


def make_example(folder: Path) -> list[Path]:
    """workbooks/kabupaten-contoh/: nine OPD workbooks, one with errors, the Pemda workbook, one non-workbook."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for n, (name, instansi, kode, source, faktor, kali, rpjmd) in enumerate(OPD, 1):
        wb = derive(source, instansi, kode, faktor, kali, rpjmd, n)
        wb.save(folder / name)
        written.append(folder / name)
    name, instansi, kode, source, faktor, kali, rpjmd = SALAH
    wb = derive(source, instansi, kode, faktor, kali, rpjmd, len(OPD) + 1)
    kin = wb["Kinerja"]
    real = _header(kin)[f"Realisasi {TAHUN}"]
    kin.cell(row=3, column=real, value="tujuh puluh")  # angka.tidak-terbaca: a figure written in words
    wb["Profil"].cell(row=7, column=2, value=None)  # kota left empty: profil.wajib-kosong
    wb.save(folder / name)
    written.append(folder / name)
    pemda().save(folder / "pemda-kabupaten-contoh.xlsx")
    written.append(folder / "pemda-kabupaten-contoh.xlsx")
    (folder / "catatan-bagian-organisasi.txt").write_text(
        "Kabupaten Contoh adalah kabupaten sintetis: seluruh nama, NIP, kode dan angka dalam folder ini dibuat-buat\n"
        "dari tiga workbook contoh (Kecamatan Alok, Kota Sumenep, Raas) oleh bench/kabupaten_contoh.py.\n"
        "Berkas ini sengaja bukan workbook: `lkjip gabung` mencantumkannya di Status_Pengumpulan beserta alasannya.\n",
        encoding="utf-8")
    written.append(folder / "catatan-bagian-organisasi.txt")
    return written


def make_many(folder: Path, n: int) -> list[Path]:
    """`n` Alok-sized OPD workbooks of one kabupaten, each with its own instansi and kode (for the benchmark)."""
    import io

    folder.mkdir(parents=True, exist_ok=True)
    base = derive("alok", "Kecamatan Contoh", "7.01.0.00.0.00.10.0000", "1.00", 1, ["SR.3", "SR.4"], 0)
    buf = io.BytesIO()
    base.save(buf)
    out = []
    profil_rows = {base["Profil"].cell(row=r, column=1).value: r for r in range(2, base["Profil"].max_row + 1)}
    wb = openpyxl.load_workbook(io.BytesIO(buf.getvalue()))  # loaded once; only Profil changes from copy to copy
    for i in range(1, n + 1):
        wb["Profil"].cell(row=profil_rows["instansi"], column=2, value=f"Kecamatan Contoh {i:03d}")
        wb["Profil"].cell(row=profil_rows["kode_opd"], column=2, value=f"7.01.0.00.0.00.10.{i:04d}")
        path = folder / f"kecamatan-contoh-{i:03d}.xlsx"
        wb.save(path)
        out.append(path)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--banyak", type=int, help="tulis N workbook seukuran Alok (untuk bench) ke FOLDER")
    ap.add_argument("folder", nargs="?", type=Path, default=ROOT / "workbooks" / "kabupaten-contoh")
    args = ap.parse_args()
    paths = make_many(args.folder, args.banyak) if args.banyak else make_example(args.folder)
    print(f"{len(paths)} berkas ditulis ke {args.folder}")


if __name__ == "__main__":
    main()
