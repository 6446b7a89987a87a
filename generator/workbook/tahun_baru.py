"""Next year's workbook from last year's (`lkjip template --dari`).

Last year's cells are read through the project's own reader (`xlsx_safety.inspect_file`,
`xlsx.Xlsx`, `cells`) and its model (`sheets.read_workbook`) for the year, Renstra period
and year columns; the new workbook is a fresh `blank.build_blank` (dropdowns, comments,
number formats, Petunjuk) with the stable cells carried over and the year-specific ones
left empty. What stays and what is cleared is declared in `CARRY` below and documented
in docs/workbook.md ("Tahun berikutnya").
"""

from __future__ import annotations

import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base import contract
from ..base.contract import normalize_header
from ..base.numbers import clean_text
from ..base.problems import LkjipError, column_letter, errors
from ..base.xml_aman import clean_xml
from ..read.cells import Cell, Cells, SheetData
from ..read.xlsx import Xlsx
from ..read.xlsx_safety import ReadError, inspect_file

# Per sheet, the column keys carried to the new year; every other column starts empty.
# Kinerja's year columns are decided separately (targets kept, realisasi up to last year kept).
CARRY: dict[str, set[str]] = {
    "Kinerja": {"level", "kode", "uraian", "indikator", "satuan", "polaritas", "iku", "pk", "target_akhir", "standar",
                "definisi", "formula", "sumber_data", "penanggung_jawab", "sasaran_rpjmd"},
    "Anggaran": {"unit", "kode", "level", "uraian", "sumber_dana", "sasaran", "indikator_keluaran", "satuan_keluaran"},
    "Belanja": {"kelompok", "jenis"},
    "Narasi": {"bagian", "judul", "isi"},
    "Pegawai": {"nama", "nip", "jabatan", "golongan", "pendidikan", "eselon", "status", "unit", "atasan"},
    "Rencana_Aksi": {"indikator", "periode", "program"},
    "Indeks": {"indikator", "aspek", "bobot", "perhitungan_aspek"},
    "Gambar": {"bagian", "berkas", "keterangan"},
}
# Narasi sections that describe the office rather than the year: carried; the others are written anew.
NARASI_TETAP = ("latar_belakang", "maksud_tujuan", "dasar_hukum", "tugas_fungsi", "gambaran_umum", "struktur_organisasi",
                "sumber_daya", "isu_strategis", "sistematika", "strategi", "arah_kebijakan", "iku", "pengukuran")
# Columns `--dari` cannot do without although the contract does not require them (no indicator, nothing to carry).
DARI_WAJIB: dict[str, set[str]] = {"Kinerja": {"indikator"}}
PROFIL_KOSONG = ("tanggal_laporan", "tanggal_pk", "tanggal_reviu", "nomor_reviu", "alamat_publikasi")
PEJABAT = ("kepala_nama", "kepala_jabatan", "kepala_nip", "kepala_pangkat", "atasan_nama", "atasan_jabatan", "atasan_nip",
           "atasan_pangkat")



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


class _HeaderCells(Cells):
    """`Cells` that also keeps each sheet's header row, to name the columns it could not match."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: dict[str, list[tuple[int, object]]] = {}

    def match_headers(self, spec: contract.Sheet, header_cells):
        header_cells = list(header_cells)
        self.headers[spec.name] = header_cells
        return super().match_headers(spec, header_cells)


@dataclass
class _Source:
    """Last year's workbook as raw cells, with what lies outside the contract."""

    sheets: dict[str, SheetData]
    percent: set[Cell]
    unknown_columns: dict[str, list[tuple[str, str]]]  # sheet -> [(cell, header)] matched by no contract column
    other_sheets: list[str]  # worksheets that are no contract sheet (nor Petunjuk), or a second copy of one
    notes: dict[str, dict[tuple[int, str], tuple[str, str]]] = field(default_factory=dict)  # sheet -> data-cell notes


def _notes(book: Xlsx, part: str) -> dict[tuple[int, str], tuple[str, str]]:
    """The notes (comments) of a worksheet's data cells: (row, column letter) -> (author, text); row 1 (the
    header notes of the standard workbook) is left out. A sheet without notes, or with an unreadable notes
    part, has none."""
    out: dict[tuple[int, str], tuple[str, str]] = {}
    try:
        rels = book._rels(part)
    except Exception:  # no relationships part: no notes
        return out
    for kind, target in rels.values():
        if not kind.endswith("/comments"):
            continue
        try:
            root = book._xml(target)
        except Exception:
            continue
        authors = [clean_text("".join(a.itertext())) for a in root.iter("{*}author")]
        for c in root.iter("{*}comment"):
            m = re.fullmatch(r"([A-Z]{1,3})(\d{1,7})", c.get("ref") or "")
            if not m or int(m.group(2)) < 2:
                continue
            text = "".join(t.text or "" for t in c.iter("{*}t"))
            idx = int(c.get("authorId") or 0)
            out[(int(m.group(2)), m.group(1))] = (authors[idx] if idx < len(authors) else "", clean_xml(text))
    return out


def _raw_sheets(path: Path) -> _Source:
    """The contract's sheets as raw cells (headers matched as `validate` matches them), and the rest by name."""
    percent: set[Cell] = set()
    c = _HeaderCells()
    with Xlsx(path) as book:
        sheets = c.load_sheets(book)
        for data in sheets.values():  # number formats are read while the package is open
            for row in data.rows:
                for cell in row.cells.values():
                    if cell.percent:
                        percent.add(cell)
        titles = [title for title, _part in book.sheets]
        parts = dict(book.sheets)
        notes = {name: _notes(book, parts[title]) for title, _p, spec in c.pick_sheets(book.sheets)
                 for name in [spec.name] if name in sheets and title in parts}
    unknown: dict[str, list[tuple[str, str]]] = {}
    for name, data in sheets.items():
        used = set(data.columns.values())
        for idx, value in c.headers.get(name, []):
            text = clean_text(value) if value is not None else ""
            letter = column_letter(idx + 1)
            if text and letter not in used:
                unknown.setdefault(name, []).append((f"{letter}1", text))
    read = set(sheets)
    others = [t for t in titles if not (t in read or normalize_header(t) == "petunjuk")]
    return _Source(sheets, percent, unknown, others, notes)


def _similar(wanted: str, header: str) -> bool:
    """`Nama Indikator` looks like a renamed `Indikator`; `Analisa` like `Analisis`."""
    a, b = normalize_header(wanted), normalize_header(header)
    if a in b.split() or set(a.split()) <= set(b.split()):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.75


def _kolom_hilang(src: _Source) -> list[str]:
    """Why the source cannot be carried: a required (or, for --dari, carried key) column matched by no header."""
    out = []
    for name, data in src.sheets.items():
        spec = contract.sheet(name)
        if spec.key_value or not data.rows:
            continue
        present = {k.split(":")[0] for k in data.columns}
        for col in spec.columns:
            if col.pattern or col.key in present or not (col.required or col.key in DARI_WAJIB.get(name, ())):
                continue
            renamed = [(cell, h) for cell, h in src.unknown_columns.get(name, []) if _similar(col.header, h)]
            if renamed:
                cell, h = renamed[0]
                out.append(f"{name}!{cell}: judul kolom '{h}' tidak dikenal dan kolom '{col.header}' tidak ada — "
                           f"isinya tidak dapat dibawa. Ganti judul {name}!{cell} menjadi '{col.header}' di workbook asal.")
            else:
                out.append(f"{name}!A1: kolom wajib '{col.header}' tidak ditemukan di baris judul. Tambahkan kolom "
                           f"berjudul '{col.header}' di workbook asal.")
    return out


def _tidak_dibawa(src: _Source) -> str:
    """One to-do line naming every column and sheet outside the contract (they are not carried)."""
    parts = [f"kolom '{h}' ({name}!{cell})" for name, cols in src.unknown_columns.items() for cell, h in cols]
    parts += [f"sheet '{t}'" for t in src.other_sheets]
    if not parts:
        return ""
    return ("Di luar format standar, tidak dibawa: " + ", ".join(parts) + ". Salin sendiri isinya bila masih "
            "diperlukan (kolom tambahan boleh ditambahkan lagi; lkjip mengabaikannya).")


def _value(cell: Cell) -> object:
    v = cell.value
    if isinstance(v, str):
        return clean_xml(v.replace("\x0b", "\n"))  # a line break pasted from Word stays a line break
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


def _copy_rows(ws, spec: contract.Sheet, data: SheetData | None, keep, percent: set[Cell],
               moved: dict[tuple[int, str], tuple[int, int]] | None = None) -> int:
    """Copy the kept cells of each row, in order, from row 2; rows left empty are dropped. Returns rows written.

    `moved` receives, for every copied cell, (source row, source letter) -> (new row, new column)."""
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
            if moved is not None:
                moved[(cell.row, cell.letter)] = (out, cols[key])
    return out - 1


def _carry_notes(ws, notes: dict[tuple[int, str], tuple[str, str]], moved: dict[tuple[int, str], tuple[int, int]],
                 lama: int) -> int:
    """Put last year's notes on the cells they were carried to; returns how many were on cells left empty."""
    from openpyxl.comments import Comment

    dropped = 0
    for (row, letter), (author, text) in sorted(notes.items()):
        where = moved.get((row, letter))
        if where is None:
            dropped += 1
            continue
        note = Comment(f"(catatan workbook {lama}) {text[:2000]}", (author or "lkjip")[:60])
        note.width, note.height = 300, 110
        ws.cell(*where).comment = note
    return dropped


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


def _analisis_lalu(ws, data: SheetData | None, moved: dict[tuple[int, str], tuple[int, int]], lama: int) -> int:
    """Last year's Analisis/Solusi of each indicator as a note on its empty cell in the new workbook; returns
    how many notes were written."""
    from openpyxl.comments import Comment

    if data is None:
        return 0
    cols = _columns(ws, contract.sheet("Kinerja"))
    n = 0
    for row in data.rows:
        new_row = next((moved[(c.row, c.letter)][0] for c in row.cells.values() if (c.row, c.letter) in moved), None)
        if new_row is None:
            continue
        for key, label in (("analisis", "Analisis"), ("solusi", "Solusi")):
            cell = row.cells.get(key)
            if cell is None or key not in cols or not str(_value(cell)).strip():
                continue
            target = ws.cell(new_row, cols[key])
            if target.comment is not None:
                continue
            text = str(_value(cell)).strip()
            note = Comment(f"{label} {lama} (bahan awal, tulis ulang untuk tahun ini):\n{text[:2000]}", "lkjip")
            note.width, note.height = 360, 200
            target.comment = note
            n += 1
    return n


def _kv_moved(ws, data: SheetData | None, skip: set[str]) -> dict[tuple[int, str], tuple[int, int]]:
    """Where the Nilai of each carried isian of a key/value sheet went (source row, letter) -> (row, column 2)."""
    if data is None:
        return {}
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    out = {}
    for row in data.rows:
        key = normalize_header(Cells().text(row, "isian")).replace(" ", "_")
        cell = row.cells.get("nilai")
        if key in rows and key not in skip and key not in ("tahun", "periode_renstra") and cell is not None:
            out[(cell.row, cell.letter)] = (rows[key], 2)
    return out


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


def _rentang(letter: str, rows: list[int]) -> str:
    """[5, 6, 7, 9] -> `N5–N7, N9`."""
    out, start = [], None
    for i, r in enumerate(rows):
        if start is None:
            start = r
        if i + 1 == len(rows) or rows[i + 1] != r + 1:
            out.append(f"{letter}{start}" if start == r else f"{letter}{start}–{letter}{r}")
            start = None
    return ", ".join(out)


MAX_NAMA_CATATAN = 10


def _tanpa_target(ws, tahun: int) -> str:
    """The to-do line naming every indicator of the new workbook without a Target of the new year (by cell)."""
    cols = _columns(ws, contract.sheet("Kinerja"))
    ind, tgt = cols.get("indikator"), cols.get(f"target:{tahun}")
    if not ind or not tgt:
        return ""
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, ind).value not in (None, "")]
    kosong = [r for r in rows if ws.cell(r, tgt).value in (None, "")]
    if not kosong:
        return ""
    letter = column_letter(tgt)
    named = ", ".join(f"'{ws.cell(r, ind).value}' ({letter}{r})" for r in kosong[:MAX_NAMA_CATATAN])
    rest = kosong[MAX_NAMA_CATATAN:]
    more = f"; dan {len(rest)} lainnya: Kinerja!{_rentang(letter, rest)}" if rest else ""
    return (f"Target {tahun} kosong untuk {len(kosong)} dari {len(rows)} indikator (kolom Target Renstra workbook asal "
            f"tidak memuatnya): isi dari Renstra/Renja di Kinerja!{letter}: {named}{more}.")


# Narasi keys lkjip writes itself from the year's data when staff leave them empty; the others are not written.
NARASI_DITULIS = ("kata_pengantar", "ringkasan_eksekutif", "efisiensi", "realisasi_anggaran", "kesimpulan", "saran")


def _narasi_dikosongkan(dropped: list[str], lama: int, tahun: int) -> str:
    """What happens to each cleared Narasi key in the next report (said truthfully: not every key is written)."""
    ditulis = [k for k in dropped if k in NARASI_DITULIS]
    tidak = [k for k in dropped if k not in NARASI_DITULIS]
    parts = []
    if ditulis:
        parts.append(", ".join(ditulis) + f" ditulis lkjip dari data {tahun} bila tidak diisi")
    if tidak:
        parts.append(", ".join(tidak) + " tidak ditulis lkjip: bila kosong, laporan tidak memuat paragraf kendala/upaya "
                     "(subbab Analisis Penyebab Keberhasilan/Kegagalan dan Solusi hanya memuat Analisis dan Solusi setiap "
                     f"indikator dari sheet Kinerja); tulis kendala dan upaya tahun {tahun} bila ingin paragraf itu ada")
    return f"Bagian Narasi yang khusus tahun {lama} dikosongkan: " + "; ".join(parts) + "."


NARASI_RENSTRA = ("isu_strategis", "strategi", "arah_kebijakan", "iku")  # written for one Renstra period


def _narasi_renstra(ws) -> list[str]:
    """Carried Narasi texts that belong to the Renstra period, by their cell in the new workbook."""
    return [f"{ws.cell(row=r, column=1).value} (Narasi!C{r})" for r in range(2, ws.max_row + 1)
            if ws.cell(row=r, column=1).value in NARASI_RENSTRA and ws.cell(row=r, column=3).value]


def _tahun_lama(text: str, lama: int) -> list[int]:
    """Recent past years (up to 4 years before `lama`, and `lama`) a text names on their own — not as part of
    a period such as `2021-2026`, and not in a legal reference (`Nomor 8 Tahun 2021` names a regulation)."""
    found = []
    for m in re.finditer(r"(?<![\d\-–/])(20\d\d)(?![\d\-–/])", text):
        y = int(m.group(1))
        before = text[max(0, m.start() - 25):m.start()].lower()
        if lama - 4 <= y <= lama and not re.search(r"nomor\s+[\w./-]+\s+tahun\s*$", before) and y not in found:
            found.append(y)
    return sorted(found)


def _narasi_lama(ws, lama: int) -> list[str]:
    """Carried Narasi texts that still name a past year (last year or the years before), by their cell."""
    out = []
    for r in range(2, ws.max_row + 1):
        isi = ws.cell(row=r, column=3).value
        years = _tahun_lama(isi, lama) if isinstance(isi, str) else []
        if years:
            out.append(f"{ws.cell(row=r, column=1).value} (Narasi!C{r}: {', '.join(map(str, years))})")
    return out


def _baru_di_format(src: _Source) -> list[str]:
    """Columns and isian of the standard format that the source workbook (an older template) does not have."""
    out = []
    for name, data in src.sheets.items():
        spec = contract.sheet(name)
        if spec.key_value:
            continue
        present = {k.split(":")[0] for k in data.columns}
        out += [f"{name} '{c.header}'" for c in spec.columns if not c.pattern and c.key not in present]
    profil = src.sheets.get("Profil")
    if profil is not None:
        known = {normalize_header(Cells().text(r, "isian")).replace(" ", "_") for r in profil.rows}
        out += [f"Profil '{f.key}'" for f in contract.sheet("Profil").fields if f.key not in known]
    return out


def buat_tahun_baru(source: Path | str, out: Path | str | None = None, tahun: int | None = None,
                    renstra: tuple[int, int] | None = None) -> TahunBaru:
    """Write next year's workbook from `source`. Raises LkjipError (Indonesian message) when it cannot."""
    from openpyxl.styles import Alignment, Font

    from ..pipeline import check
    from .blank import build_blank

    source = Path(source)
    lap, _hasil, problems = check(source)
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
        src = _raw_sheets(source)
    except ReadError as exc:
        raise LkjipError(f"Workbook {source} tidak dapat dibaca: {exc}") from exc
    hilang = _kolom_hilang(src)
    if hilang:
        raise LkjipError(f"Workbook {out.name} tidak dibuat: workbook asal {source.name} tidak dapat dibawa utuh.\n  "
                         + "\n  ".join(hilang))
    sheets, percent = src.sheets, src.percent
    if "Kinerja" not in sheets:
        raise LkjipError(f"Workbook {out.name} tidak dibuat: workbook asal {source.name} tidak memiliki sheet Kinerja "
                         "(pohon kinerja, indikator, target Renstra), jadi tidak ada kerangka yang dapat dibawa. Pakai "
                         f"workbook asal yang lengkap, atau buat workbook kosong: lkjip template --tahun {tahun}.")

    catatan: list[str] = []
    galat = errors(problems)
    if galat:
        contoh = ", ".join(p.where for p in galat[:5]) + (" …" if len(galat) > 5 else "")
        catatan.append(f"Workbook asal {source.name} berisi {len(galat)} galat (lkjip validate {source.name}; mis. {contoh}): "
                       "isinya dibawa apa adanya, termasuk sel yang bergalat: betulkan sel-sel itu di workbook baru.")
    hilang_sheet = [s.name for s in contract.SHEETS if s.required and s.name not in sheets and s.name != "Kinerja"]
    if hilang_sheet:
        catatan.append("Sheet " + ", ".join(hilang_sheet) + f" tidak ada di workbook asal: sheet itu kosong di workbook "
                       f"{tahun}; isi seluruhnya.")
    lain = _tidak_dibawa(src)
    if lain:
        catatan.append(lain)
    lo, hi = lap.profil.periode
    periode = _periode(lap.profil.periode, tahun, renstra, catatan)
    same_period = periode == (lo, hi)
    new_targets = list(range(periode[0], periode[1] + 1)) if periode else [tahun]
    target_years = sorted(set(new_targets) | ({lama} if lama in lap.tahun_target else set()))
    realisasi_years = sorted({y for y in lap.tahun_realisasi if y <= lama} | {tahun})
    rows_in_use = {name: max((r.number for r in data.rows), default=1) - 1 for name, data in sheets.items()}
    wb = build_blank(tahun, periode or (tahun, tahun), target_years=target_years, realisasi_years=realisasi_years,
                     format_rows=rows_in_use)
    moved: dict[str, dict[tuple[int, str], tuple[int, int]]] = {}

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

    _copy_rows(wb["Kinerja"], contract.sheet("Kinerja"), sheets.get("Kinerja"), keep_kinerja, percent,
               moved.setdefault("Kinerja", {}))
    tanpa = _tanpa_target(wb["Kinerja"], tahun)
    if tanpa and same_period:
        catatan.append(tanpa)
    baru = f"Target {new_targets[0]}" + (f" s.d. Target {new_targets[-1]}" if len(new_targets) > 1 else "")
    kosong = "Analisis, Solusi" + ("" if same_period else f", {baru} (Renstra baru)")
    catatan.append(f"Isi Realisasi {tahun}, {kosong} setiap indikator di sheet Kinerja.")

    for name in ("Anggaran", "Belanja", "Pegawai", "Rencana_Aksi", "Indeks", "Gambar"):
        n = _copy_rows(wb[name], contract.sheet(name), sheets.get(name), lambda key, _row, name=name: key in CARRY[name], percent,
                       moved.setdefault(name, {}))
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

    _copy_rows(wb["Narasi"], contract.sheet("Narasi"), narasi, keep_narasi, percent, moved.setdefault("Narasi", {}))
    if dropped:
        catatan.append(_narasi_dikosongkan(dropped, lama, tahun))
    moved["Profil"] = _kv_moved(wb["Profil"], sheets.get("Profil"), set(PROFIL_KOSONG))
    moved["Pengaturan"] = _kv_moved(wb["Pengaturan"], sheets.get("Pengaturan"), set())
    dibawa = tertinggal = 0
    for name, notes in src.notes.items():
        if name in wb.sheetnames and notes:
            lost = _carry_notes(wb[name], notes, moved.get(name, {}), lama)
            tertinggal += lost
            dibawa += len(notes) - lost
    if dibawa or tertinggal:
        catatan.append(f"Catatan (komentar) sel workbook {lama}: {dibawa} dibawa ke selnya di workbook baru, diawali "
                       f"'(catatan workbook {lama})' — hapus bila tidak berlaku lagi"
                       + (f"; {tertinggal} pada sel yang dikosongkan tidak dibawa" if tertinggal else "") + ".")
    if not same_period:
        renstra_teks = _narasi_renstra(wb["Narasi"])
        if renstra_teks:
            baru_periode = f"{periode[0]}-{periode[1]}" if periode else "yang baru"
            catatan.append(f"Teks Narasi dari Renstra {lo}-{hi} dibawa apa adanya: " + ", ".join(renstra_teks)
                           + f". Tulis ulang sesuai Renstra {baru_periode}, atau hapus barisnya agar tidak dicetak.")
    mentions = _narasi_lama(wb["Narasi"], lama)
    if mentions:
        catatan.append(f"Periksa teks Narasi yang menyebut tahun lalu ({lama} atau sebelumnya): " + ", ".join(mentions) + ".")
    pegawai = sheets.get("Pegawai")
    if pegawai is not None and pegawai.rows:
        catatan.append(f"Daftar pegawai ({len(pegawai.rows)} baris) dibawa dari workbook {lama}: perbarui mutasi, pensiun, "
                       "kenaikan pangkat/golongan dan pendidikan di sheet Pegawai.")
    gambar = sheets.get("Gambar")
    if gambar is not None and gambar.rows:
        lama_gambar = [f"Gambar!C{r}" for r in range(2, wb["Gambar"].max_row + 1)
                       for ket in [wb["Gambar"].cell(r, _columns(wb["Gambar"], contract.sheet("Gambar")).get("keterangan", 3)).value]
                       if isinstance(ket, str) and _tahun_lama(ket, lama)]
        sebut = f"; keterangan yang menyebut tahun lalu: {', '.join(lama_gambar)}" if lama_gambar else ""
        catatan.append(f"Gambar ({len(gambar.rows)} baris: logo, struktur, foto dokumentasi) dibawa dari workbook {lama}: "
                       f"ganti foto dokumentasi dengan kegiatan tahun {tahun}{sebut}.")
    anggaran = sheets.get("Anggaran")
    if anggaran is not None and any("pagu_pk" in r.cells for r in anggaran.rows):
        catatan.append(f"Pagu PK dikosongkan: isi pagu program menurut Perjanjian Kinerja {tahun} yang ditandatangani "
                       "(kolom Pagu PK, baris Program) agar lampiran PK tidak memakai pagu hari ini.")
    baru_format = _baru_di_format(src)
    if baru_format:
        catatan.append("Baru dalam format standar (tidak ada di workbook asal, kini tersedia dan boleh diisi): "
                       + ", ".join(baru_format) + ". Keterangannya ada di judul kolom/sheet Profil.")
    dasar = _analisis_lalu(wb["Kinerja"], sheets.get("Kinerja"), moved.get("Kinerja", {}), lama)
    if dasar:
        catatan.append(f"Analisis dan Solusi {lama} ada sebagai catatan (komentar) pada sel Analisis/Solusi yang kosong "
                       f"({dasar} sel): bahan awal, tulis ulang untuk {tahun}.")
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
    _write_new(out, buf.getvalue())
    return TahunBaru(out, lama, tahun, periode, catatan)


def _write_new(out: Path, data: bytes) -> None:
    """Write `out` only if no file has that name at the moment of the rename (`template`'s no-clobber write).

    The name is claimed with a hard link of the finished temporary file, so a workbook a colleague
    saved while this run read and built (or a concurrent `--dari` run) is never replaced.
    """
    from ..write.output import TargetExists, atomic_write_bytes

    try:
        atomic_write_bytes(out, data, overwrite=False)
    except TargetExists as exc:
        raise TargetExists(f"Berkas {out} sudah ada dan tidak ditimpa (dibuat ketika workbook baru sedang disusun?). "
                           "Pakai --out dengan nama lain, atau pindahkan/hapus berkas itu dulu.") from exc

