"""Next year's workbook from last year's (`lkjip template --dari`).

Last year's cells are read through the project's own reader (`xlsx_safety.inspect_file`,
`xlsx.Xlsx`, `cells`) and its model (`sheets.read_workbook`) for the year, Renstra period
and year columns; the new workbook is a fresh `blank.build_blank` (dropdowns, comments,
number formats, Petunjuk) with the stable cells carried over and the year-specific ones
left empty. What stays and what is cleared is declared in `CARRY` below and documented
in docs/workbook.md ("Tahun berikutnya").
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import contract
from .cells import Cell, Cells, SheetData
from .problems import LkjipError
from .xlsx import Xlsx
from .xlsx_safety import ReadError, inspect_file

# Per sheet, the column keys carried to the new year; every other column starts empty.
# Kinerja's year columns are decided separately (targets kept, realisasi up to last year kept).
CARRY: dict[str, set[str]] = {
    "Kinerja": {"level", "kode", "uraian", "indikator", "satuan", "polaritas", "iku", "pk", "target_akhir", "standar",
                "definisi", "formula", "sumber_data", "penanggung_jawab", "sasaran_rpjmd"},
    "Anggaran": {"unit", "kode", "level", "uraian", "sumber_dana", "sasaran", "indikator_keluaran", "satuan_keluaran"},
    "Belanja": {"kelompok", "jenis"},
    "Narasi": {"bagian", "judul", "isi"},
    "Pegawai": {"nama", "nip", "jabatan", "golongan", "pendidikan", "eselon", "status", "unit"},
    "Rencana_Aksi": {"indikator", "periode", "program"},
    "Indeks": {"indikator", "aspek", "bobot", "perhitungan_aspek"},
    "Gambar": {"bagian", "berkas", "keterangan"},
}
# Narasi sections that describe the office rather than the year: carried; the others are written anew.
NARASI_TETAP = ("latar_belakang", "maksud_tujuan", "dasar_hukum", "tugas_fungsi", "gambaran_umum", "struktur_organisasi",
                "sumber_daya", "isu_strategis", "sistematika", "strategi", "arah_kebijakan", "iku", "pengukuran")
PROFIL_KOSONG = ("tanggal_laporan", "tanggal_pk")
PEJABAT = ("kepala_nama", "kepala_jabatan", "kepala_nip", "kepala_pangkat", "atasan_nama", "atasan_jabatan", "atasan_nip",
           "atasan_pangkat")

_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class TahunBaru:
    """What `buat_tahun_baru` wrote, for the terminal."""

    path: Path
    tahun_lama: int
    tahun: int
    periode: tuple[int, int] | None  # None: the Renstra period ended and no new one was given
    catatan: list[str] = field(default_factory=list)  # what staff must fill in or review (Indonesian)


def default_out(source: Path, tahun_lama: int, tahun: int) -> Path:
    """`LKjIP-2024.xlsx` -> `LKjIP-2025.xlsx` beside it (image paths stay relative to the same folder)."""
    stem = source.stem
    new = stem.replace(str(tahun_lama), str(tahun)) if str(tahun_lama) in stem else f"{stem}-{tahun}"
    return source.with_name(new + ".xlsx")


def _raw_sheets(path: Path) -> tuple[dict[str, SheetData], set[Cell]]:
    """The contract's sheets as raw cells, and the number cells formatted as a percentage."""
    percent: set[Cell] = set()
    with Xlsx(path) as book:
        sheets = Cells().load_sheets(book)
        for data in sheets.values():  # number formats are read while the package is open
            for row in data.rows:
                for cell in row.cells.values():
                    if cell.percent:
                        percent.add(cell)
    return sheets, percent


def _value(cell: Cell) -> object:
    v = cell.value
    if isinstance(v, str):
        return _ILLEGAL.sub("", v.replace("\x0b", "\n"))  # a line break pasted from Word stays a line break
    return v


def _put(ws, row: int, col: int, cell: Cell, percent: set[Cell]) -> None:
    target = ws.cell(row=row, column=col, value=_value(cell))
    if isinstance(target.value, str) and target.value.startswith("="):
        target.data_type = "s"  # text that looks like a formula stays text
    if cell in percent:
        target.number_format = "0.00%"  # 85% stays 85%, not 0,85


def _columns(ws, spec: contract.Sheet) -> dict[str, int]:
    """Column key (`target:2025`) -> 1-based column of a freshly written sheet."""
    headers = [(c.column - 1, c.value) for c in ws[1] if c.value]
    by_index, _years = Cells().match_headers(spec, headers)
    return {key: idx + 1 for idx, (key, _col) in by_index.items()}


def _copy_rows(ws, spec: contract.Sheet, data: SheetData | None, keep, percent: set[Cell]) -> int:
    """Copy the kept cells of each row, in order, from row 2; rows left empty are dropped. Returns rows written."""
    if data is None:
        return 0
    cols = _columns(ws, spec)
    out = 1
    for row in data.rows:
        kept = [(key, cell) for key, cell in row.cells.items() if key in cols and keep(key, row)]
        if not kept:
            continue
        out += 1
        for key, cell in kept:
            _put(ws, out, cols[key], cell, percent)
    return out - 1


def _isian(ws, data: SheetData | None, spec: contract.Sheet, values: dict[str, object], skip: set[str],
           percent: set[Cell] = frozenset()) -> dict[str, Cell]:
    """Carry the Nilai of a key/value sheet (Profil, Pengaturan); `values` override, `skip` stay empty."""
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    found: dict[str, Cell] = {}
    if data is not None:
        c = Cells()
        for key, row in c.key_values(data, spec).items():
            if "nilai" in row.cells:
                found[key] = row.cells["nilai"]
    for key, r in rows.items():
        if key in values:
            ws.cell(row=r, column=2).value = values[key]
        elif key in found and key not in skip:
            _put(ws, r, 2, found[key], percent)
    return found


def _periode(lama: tuple[int, int], tahun: int, renstra: tuple[int, int] | None, catatan: list[str]) -> tuple[int, int] | None:
    """The Renstra period of the new workbook: given, last year's if it still runs, else None (said in `catatan`)."""
    lo, hi = lama
    if renstra:
        if not renstra[0] <= tahun <= renstra[1]:
            raise LkjipError(f"Tahun {tahun} di luar periode Renstra {renstra[0]}-{renstra[1]} yang diberikan (--renstra).")
        return renstra
    if lo and lo <= tahun <= hi:
        return lama
    if hi:
        catatan.append(f"Periode Renstra {lo}-{hi} telah berakhir sebelum tahun {tahun}. Pohon kinerja dan "
                       "indikatornya dibawa apa adanya sebagai kerangka Renstra baru: isi periode_renstra di "
                       f"Profil, sesuaikan tujuan/sasaran/indikator, dan isi Target {tahun} (atau jalankan lagi "
                       f"dengan --renstra {tahun}-{tahun + 4}).")
    else:
        catatan.append("periode_renstra di Profil workbook asal kosong: isi periode Renstra.")
    return None


def _narasi_lama(ws, lama: int) -> list[str]:
    """Carried Narasi texts that still name last year, by their cell in the new workbook."""
    out = []
    for r in range(2, ws.max_row + 1):
        isi = ws.cell(row=r, column=3).value
        if isinstance(isi, str) and re.search(rf"\b{lama}\b", isi):
            out.append(f"{ws.cell(row=r, column=1).value} (Narasi!C{r})")
    return out


def buat_tahun_baru(source: Path | str, out: Path | str | None = None, tahun: int | None = None,
                    renstra: tuple[int, int] | None = None) -> TahunBaru:
    """Write next year's workbook from `source`. Raises LkjipError (Indonesian message) when it cannot."""
    from openpyxl.styles import Alignment, Font

    from .blank import build_blank
    from .output import atomic_write_bytes
    from .sheets import read_workbook

    source = Path(source)
    lap, problems = read_workbook(source)
    if lap is None:
        raise LkjipError(f"Workbook {source} tidak dapat dibaca: {problems[0].message}")
    lama = lap.profil.tahun
    if not lama:
        raise LkjipError(f"Isian tahun di Profil workbook {source.name} kosong atau tidak terbaca; isi dulu tahunnya.")
    tahun = tahun or lama + 1
    if tahun <= lama:
        raise LkjipError(f"Tahun baru ({tahun}) harus sesudah tahun workbook asal ({lama}).")
    out = Path(out) if out else default_out(source, lama, tahun)
    if out.exists() or out.resolve() == source.resolve():
        raise LkjipError(f"Berkas {out} sudah ada dan tidak ditimpa. Pakai --out dengan nama lain, "
                         "atau pindahkan/hapus berkas itu dulu.")
    try:
        inspect_file(source)
        sheets, percent = _raw_sheets(source)
    except ReadError as exc:
        raise LkjipError(f"Workbook {source} tidak dapat dibaca: {exc}") from exc

    catatan: list[str] = []
    lo, hi = lap.profil.periode
    periode = _periode(lap.profil.periode, tahun, renstra, catatan)
    same_period = periode == (lo, hi)
    new_targets = list(range(periode[0], periode[1] + 1)) if periode else [tahun]
    target_years = sorted(set(new_targets) | ({lama} if lama in lap.tahun_target else set()))
    realisasi_years = sorted({y for y in lap.tahun_realisasi if y <= lama} | {tahun})
    wb = build_blank(tahun, periode or (tahun, tahun), target_years=target_years, realisasi_years=realisasi_years)

    # Profil: the new year; dates cleared; officials kept for review
    profil_spec = contract.sheet("Profil")
    values: dict[str, object] = {"tahun": tahun, "periode_renstra": f"{periode[0]}-{periode[1]}" if periode else None}
    found = _isian(wb["Profil"], sheets.get("Profil"), profil_spec, values,
                   set(PROFIL_KOSONG), percent)
    pejabat = [k for k in PEJABAT if k in found]
    if pejabat:
        catatan.append("Periksa pejabat penandatangan di Profil (dibawa dari workbook " f"{lama}): " + ", ".join(pejabat) + ".")
    catatan.append(f"Isi tanggal_laporan dan tanggal_pk (Perjanjian Kinerja {tahun}) di Profil.")
    # Pengaturan: carried; a file name naming last year names the new one (last year's report is not overwritten)
    cfg = _isian(wb["Pengaturan"], sheets.get("Pengaturan"), contract.sheet("Pengaturan"), {}, set(), percent)
    nama = cfg.get("nama_berkas")
    if nama is not None and isinstance(nama.value, str) and str(lama) in nama.value:
        _isian(wb["Pengaturan"], None, contract.sheet("Pengaturan"), {"nama_berkas": nama.value.replace(str(lama), str(tahun))}, set())

    # Kinerja: same tree and indicators; targets of the (same) Renstra, realisasi up to last year
    def keep_kinerja(key: str, _row) -> bool:
        if key.startswith("target:"):
            y = int(key[7:])
            return y == lama or (same_period and y in new_targets)
        if key.startswith("realisasi:"):
            return int(key[10:]) <= lama
        if key == "target_akhir":
            return same_period
        return key in CARRY["Kinerja"]

    _copy_rows(wb["Kinerja"], contract.sheet("Kinerja"), sheets.get("Kinerja"), keep_kinerja, percent)
    baru = f"Target {new_targets[0]}" + (f" s.d. Target {new_targets[-1]}" if len(new_targets) > 1 else "")
    kosong = "Analisis, Solusi" + ("" if same_period else f", {baru} (Renstra baru)")
    catatan.append(f"Isi Realisasi {tahun}, {kosong} setiap indikator di sheet Kinerja.")

    for name in ("Anggaran", "Belanja", "Pegawai", "Rencana_Aksi", "Indeks", "Gambar"):
        n = _copy_rows(wb[name], contract.sheet(name), sheets.get(name), lambda key, _row, name=name: key in CARRY[name], percent)
        if n and name == "Anggaran":
            catatan.append(f"Isi Pagu dan Realisasi {tahun} sub kegiatan di sheet Anggaran (baris dan tautan Sasaran dibawa).")
        elif n and name == "Belanja":
            catatan.append(f"Isi Anggaran dan Realisasi {tahun} di sheet Belanja.")
        elif n and name == "Rencana_Aksi":
            catatan.append(f"Isi target dan realisasi rencana aksi {tahun} di sheet Rencana_Aksi.")
        elif n and name == "Indeks":
            catatan.append(f"Isi Skor Target dan Skor Realisasi {tahun} di sheet Indeks.")

    narasi = sheets.get("Narasi")
    dropped: list[str] = []

    def keep_narasi(key: str, row) -> bool:
        bagian = contract.normalize_header(Cells().text(row, "bagian")).replace(" ", "_")
        if bagian not in NARASI_TETAP:
            if key == "bagian" and bagian and bagian not in dropped:
                dropped.append(bagian)
            return False
        return True

    _copy_rows(wb["Narasi"], contract.sheet("Narasi"), narasi, keep_narasi, percent)
    if dropped:
        catatan.append("Bagian Narasi yang khusus tahun " f"{lama} dikosongkan (ditulis lkjip dari data {tahun} bila tidak diisi): "
                       + ", ".join(dropped) + ".")
    mentions = _narasi_lama(wb["Narasi"], lama)
    if mentions:
        catatan.append(f"Periksa teks Narasi yang menyebut tahun {lama}: " + ", ".join(mentions) + ".")
    if (lap.gambar or lap.profil.logo) and out.resolve().parent != source.resolve().parent:
        catatan.append("Berkas gambar (logo, sheet Gambar) dicari di folder workbook: salin gambarnya ke " f"{out.parent}.")

    ws = wb["Petunjuk"]
    row = ws.max_row + 2
    ws.cell(row=row, column=1, value=f"WORKBOOK {tahun} DARI WORKBOOK {lama} ({source.name}) — YANG PERLU DIISI ATAU DIPERIKSA").font = Font(bold=True)
    for text in catatan:
        row += 1
        ws.cell(row=row, column=1, value="- " + text).alignment = Alignment(wrap_text=True)

    buf = io.BytesIO()
    wb.save(buf)
    if out.exists():  # created meanwhile
        raise LkjipError(f"Berkas {out} sudah ada dan tidak ditimpa.")
    atomic_write_bytes(out, buf.getvalue())
    return TahunBaru(out, lama, tahun, periode, catatan)

