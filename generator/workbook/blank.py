"""Write the blank standard workbook (`lkjip template`) straight from the contract."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..base import contract
from ..base.contract import Column, Sheet

HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
DATA_ROWS = 1000  # rows covered by dropdowns and number formats
MONEY_FORMAT = "#,##0"  # shown as 1.234.567 by Excel/LibreOffice in an Indonesian locale
RATIO_FORMAT = "#,##0.00"

PETUNJUK = """PETUNJUK PENGISIAN WORKBOOK LKjIP

Workbook ini adalah bahan Laporan Kinerja Instansi Pemerintah (LKjIP). Satu workbook = satu perangkat daerah dan satu tahun laporan. Setelah diisi, jalankan:  lkjip build nama-workbook.xlsx  — laporan Word jadi di folder output/.

ATURAN UMUM
- Baris 1 adalah judul kolom; data mulai baris 2. Jangan mengganti nama judul kolom. Urutan kolom boleh diubah dan kolom tambahan boleh ditambahkan (akan diabaikan).
- Arahkan kursor ke judul kolom untuk membaca keterangan isinya.
- Kolom berpilihan (Level, Polaritas, IKU, PK, Bagian ...) memakai daftar pilihan; pilih dari daftar.
- Angka boleh ditulis 1.234.567,89 atau 1234567,89; boleh dengan "Rp", ",-" atau "%". Angka dengan satuan seperti "12 laporan" juga diterima.
- Sel kosong pada kolom Level, Unit, Uraian (Kinerja), Sumber Dana dan Sasaran berarti "sama dengan baris di atas" — tabel dari laporan tahun lalu yang sel-selnya digabung dapat ditempel langsung.
- Baris kosong dilewati.

SHEET PROFIL — isi kolom Nilai untuk setiap isian (nama instansi, tahun, penandatangan, visi, misi ...). Misi: satu misi per baris (Alt+Enter).

SHEET KINERJA — pohon kinerja, berurutan dari atas ke bawah:
  Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan.
- Setiap baris milik baris terdekat di atasnya dengan level satu tingkat lebih tinggi.
- Satu baris = satu indikator. Jika satu sasaran punya dua indikator, tulis baris kedua dengan Uraian kosong.
- Target <tahun>: target setiap tahun Renstra. Realisasi <tahun>: realisasi tahun laporan dan tahun-tahun sebelumnya.
- Target/realisasi boleh kualitatif: AA, A, BB, B, CC, C, D, WTP, WDP, TW, TMP, atau "Belum ada penilaian".
- Polaritas Negatif untuk indikator yang makin kecil makin baik (mis. angka pelanggaran).
- Analisis dan Solusi: tulis penjelasan Anda sendiri; lkjip menyusun kalimat-kalimat lain dari angka.

SHEET ANGGARAN — satu baris per program, kegiatan dan sub kegiatan, per unit (kecamatan dan setiap kelurahan).
- Cukup isi Pagu dan Realisasi pada baris Sub Kegiatan; jumlah kegiatan, program, unit dan total dihitung otomatis.
- Jika baris induk diisi, angkanya diperiksa terhadap jumlah rinciannya dan selisihnya dilaporkan.
- Kolom Sasaran menghubungkan program ke sasaran (untuk analisis efisiensi per sasaran).

SHEET OPSIONAL — Belanja (menurut jenis belanja), Narasi (teks Anda untuk bab-bab laporan), Pegawai (daftar pegawai untuk tabel SDM), Rencana_Aksi, Indeks (indikator indeks komposit), Gambar (struktur organisasi, peta, foto), Pengaturan (skala predikat, metode efisiensi ...). Sheet opsional boleh dihapus atau dibiarkan kosong.

SHEET NARASI — kolom Bagian dipilih dari daftar (latar_belakang, dasar_hukum, tugas_fungsi, isu_strategis, kesimpulan, saran ...). Dalam Isi, baris kosong memisahkan paragraf; baris diawali "-" atau "1." menjadi daftar. Bagian yang tidak diisi ditulis otomatis dari data atau dilewati.

MEMERIKSA — jalankan:  lkjip validate nama-workbook.xlsx  — semua kesalahan ditampilkan sekaligus, lengkap dengan nama sheet dan sel (mis. Anggaran!E14).
"""


def _header_cell(ws, col_idx: int, column: Column, header: str) -> None:
    cell = ws.cell(row=1, column=col_idx, value=header)
    cell.font = HEADER_FONT
    cell.fill = HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center")
    text = column.comment or column.header
    if column.required:
        text += " (wajib)"
    comment = Comment(text, "lkjip")
    comment.width, comment.height = 300, 110
    cell.comment = comment
    ws.column_dimensions[get_column_letter(col_idx)].width = column.width


# digits that are not numbers: a text cell keeps all 18 digits of a NIP and the leading 0 of a telephone number
TEXT_KEYS = frozenset({"kepala_nip", "atasan_nip", "telepon", "nip"})


def _add_list_validation(ws, choices: tuple[str, ...], ref: str) -> None:
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    dv.error = "Pilih salah satu nilai dari daftar."
    dv.errorTitle = "Nilai tidak dikenal"
    dv.prompt = ", ".join(choices)
    dv.add(ref)
    ws.add_data_validation(dv)


def _expand_columns(sheet: Sheet, tahun: int, renstra: tuple[int, int],
                    years: dict[str, list[int]] | None = None) -> list[tuple[Column, str]]:
    """The headers of a table sheet; `years` ({"target": [...], "realisasi": [...]}) overrides the year columns."""
    years = years or {}
    out: list[tuple[Column, str]] = []
    for col in sheet.columns:
        if col.key == "target":
            out += [(col, f"Target {y}") for y in years.get("target") or range(renstra[0], renstra[1] + 1)]
        elif col.key == "realisasi" and col.pattern:
            first = min(renstra[0], tahun) - 1
            out += [(col, f"Realisasi {y}") for y in years.get("realisasi") or range(first, tahun + 1)]
        else:
            out.append((col, col.header))
    return out


FORMAT_ROWS = 50  # data rows given a number format in a blank workbook (`--dari`: every row in use, and more)


def _write_table_sheet(ws, sheet: Sheet, tahun: int, renstra: tuple[int, int],
                       years: dict[str, list[int]] | None = None, format_rows: int = FORMAT_ROWS) -> None:
    for idx, (col, header) in enumerate(_expand_columns(sheet, tahun, renstra, years), start=1):
        _header_cell(ws, idx, col, header)
        letter = get_column_letter(idx)
        ref = f"{letter}2:{letter}{DATA_ROWS + 1}"
        if col.choices:
            _add_list_validation(ws, col.choices, ref)
        fmt = {"money": MONEY_FORMAT, "number": RATIO_FORMAT, "percent": RATIO_FORMAT}.get(col.kind)
        if col.key in TEXT_KEYS:
            fmt = "@"
        if fmt:
            for row in range(2, format_rows + 2):
                ws[f"{letter}{row}"].number_format = fmt
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32


def _write_kv_sheet(ws, sheet: Sheet, values: dict[str, object]) -> None:
    for idx, col in enumerate(sheet.columns, start=1):
        _header_cell(ws, idx, col, col.header)
    for row, field in enumerate(sheet.fields, start=2):
        ws.cell(row=row, column=1, value=field.key).font = Font(bold=field.required)
        value = values.get(field.key)
        cell = ws.cell(row=row, column=2, value=value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if field.key in TEXT_KEYS:
            cell.number_format = "@"
        ws.cell(row=row, column=3, value=field.comment + (" (wajib)" if field.required else ""))
        if field.choices:
            _add_list_validation(ws, field.choices, f"B{row}")
    ws.freeze_panes = "A2"


def build_blank(tahun: int, renstra: tuple[int, int], *, target_years: list[int] | None = None,
                realisasi_years: list[int] | None = None, format_rows: dict[str, int] | None = None) -> Workbook:
    """The blank standard workbook for reporting year `tahun` and Renstra period `renstra`.

    `target_years` / `realisasi_years` replace the Kinerja year columns the period implies
    (`lkjip template --dari` keeps last year's history columns); `format_rows` (sheet -> rows)
    formats more than the first 50 data rows of a sheet (`--dari`: every row carried).
    """
    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"
    for i, line in enumerate(PETUNJUK.splitlines(), start=1):
        cell = petunjuk.cell(row=i, column=1, value=line)
        if line.isupper() or line.startswith("SHEET") or line.startswith("ATURAN") or line.startswith("MEMERIKSA"):
            cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    petunjuk.column_dimensions["A"].width = 130
    defaults = {"tahun": tahun, "periode_renstra": f"{renstra[0]}-{renstra[1]}"}
    for sheet in contract.SHEETS:
        ws = wb.create_sheet(sheet.name)
        if sheet.key_value:
            _write_kv_sheet(ws, sheet, defaults if sheet.name == "Profil" else {})
        else:
            _write_table_sheet(ws, sheet, tahun, renstra, {"target": target_years or [], "realisasi": realisasi_years or []},
                               max(FORMAT_ROWS, (format_rows or {}).get(sheet.name, 0)))
    return wb


def write_blank(path: Path, tahun: int, renstra: tuple[int, int], *, overwrite: bool = True) -> Path:
    import io

    from ..write.output import atomic_write_bytes

    buf = io.BytesIO()
    build_blank(tahun, renstra).save(buf)
    atomic_write_bytes(path, buf.getvalue(), overwrite=overwrite)
    return path


def set_isian(wb: Workbook, values: dict[str, object], sheet: str = "Profil") -> None:
    """Fill the `Nilai` column of a key/value sheet (Profil, Pengaturan) for the given isian."""
    ws = wb[sheet]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for key, value in values.items():
        if key not in rows:
            raise KeyError(f"{sheet} has no isian {key!r}")
        ws.cell(row=rows[key], column=2, value=value)


def append_rows(wb: Workbook, sheet: str, rows: list[dict[str, object]]) -> list[int]:
    """Append rows given as {header: value} after the last used row; returns the row numbers written."""
    ws = wb[sheet]
    headers = {contract.normalize_header(c.value): c.column for c in ws[1] if c.value}
    start = 2
    for r in range(ws.max_row, 1, -1):
        if any(ws.cell(row=r, column=c).value not in (None, "") for c in headers.values()):
            start = r + 1
            break
    written = []
    for i, row in enumerate(rows):
        for key, value in row.items():
            col = headers.get(contract.normalize_header(key))
            if col is None:
                raise KeyError(f"{sheet} has no column {key!r}")
            ws.cell(row=start + i, column=col, value=value)
        written.append(start + i)
    return written
