"""One function per sheet: the rows of each sheet of the contract read into the model.

`read_workbook` is the whole read step: check the file (`xlsx_safety`), open the package
(`xlsx`), match headers and type the cells (`cells`), then build the model sheet by sheet.
Everything unreadable becomes a Problem at its cell; nothing is guessed silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

from ..base import contract
from ..base.contract import LEVEL_ANGGARAN, LEVEL_BY_KODE_DEPTH, LEVEL_KINERJA
from ..base.model import (
    BarisAnggaran,
    Belanja,
    Gambar,
    IndeksAspek,
    Indikator,
    Laporan,
    Narasi,
    NodeKinerja,
    Pegawai,
    Pengaturan,
    Profil,
    RencanaAksi,
    Unit,
    parse_blocks,
)
from ..base.numbers import ParseError, is_blank, parse_date, parse_number, parse_periode, parse_year
from ..base.problems import Problem, problem, sort_problems
from .assets import safe_asset
from .cells import Cells, Row, RowRefs, SheetData
from .xlsx import Xlsx
from .xlsx_safety import ReadError, inspect_file


def read_profil(c: Cells, data: SheetData | None) -> Profil:
    profil = Profil()
    if data is None:
        return profil
    spec = contract.sheet("Profil")
    values = c.key_values(data, spec)
    for f in spec.fields:
        row = values.get(f.key)
        cell = row.cells.get("nilai") if row else None
        if cell is None or (isinstance(cell.value, str) and (not cell.value.strip() or is_blank(cell.value))):
            if row is not None and row.ref("nilai"):
                profil.cells[f.key] = row.ref("nilai")  # where to fill it in
            if f.required:
                where = (row.ref("nilai") or row.ref("isian")) if row else "A1"
                c.add("profil.wajib-kosong", "Profil", where, field=f.key)
            continue
        profil.cells[f.key] = cell.ref
        try:
            if f.key == "tahun":
                profil.tahun = parse_year(cell.value)
            elif f.key == "periode_renstra":
                profil.periode = parse_periode(cell.value)
            elif f.kind == "date":
                setattr(profil, f.key, parse_date(cell.value))
            elif f.key == "misi":
                lines = [re.sub(r"^\s*(?:\d+[.)]|[-•])\s*", "", ln).strip() for ln in str(cell.value).splitlines()]
                profil.misi = [ln for ln in lines if ln]
            elif f.key.endswith("_nip") and isinstance(cell.value, (int, float)):
                # Excel keeps 15 significant digits: an 18-digit NIP typed as a number lost its tail,
                # so it is never printed under a signature
                digits, why = nip_from_number(cell.value)
                c.add("profil.nip-angka", "Profil", cell.ref, found=digits, why=why)
            else:
                setattr(profil, f.key, c.text(row, "nilai"))
        except ParseError as exc:
            c.add(exc.code, "Profil", cell.ref, found=exc.found)
    return profil

def read_pengaturan(c: Cells, data: SheetData | None) -> Pengaturan:
    cfg = Pengaturan()
    if data is None:
        return cfg
    spec = contract.sheet("Pengaturan")
    values = c.key_values(data, spec)
    cfg_cells = {key: row.ref("nilai") for key, row in values.items()}
    cfg.cells = {key: ref for key, ref in cfg_cells.items() if ref}
    for f in spec.fields:
        row = values.get(f.key)
        if row is None or "nilai" not in row.cells:
            continue
        ref = row.ref("nilai")
        if f.choices:
            val = c.choice(row, "nilai", f.choices, f.key)
            if val:
                setattr(cfg, f.key, val)
        elif f.key == "skala_kustom":
            raw = c.text(row, "nilai")
            bands = []
            for part in re.split(r"[;\n]+", raw):
                if not part.strip():
                    continue
                m = re.fullmatch(r"\s*([\d.,]+)\s*[=:]\s*(.+?)\s*", part)
                try:
                    if not m:
                        raise ParseError("pengaturan.tidak-sah", part)
                    bands.append((parse_number(m.group(1)), m.group(2)))
                except ParseError:
                    c.add("pengaturan.tidak-sah", "Pengaturan", ref, found=part.strip(), field=f.key,
                             expected='Tulis seperti "91=Sangat Tinggi; 76=Tinggi; 0=Rendah".')
                    bands = []
                    break
            cfg.skala_kustom = sorted(bands, key=lambda b: b[0], reverse=True)
        elif f.key == "total_apbd":
            cfg.total_apbd = c.number(row, "nilai", dash_is_zero=True)
        elif f.key in ("batas_capaian", "desimal"):
            n = c.number(row, "nilai")
            if n is None:
                continue
            if f.key == "desimal":
                if n != n.to_integral() or not 0 <= n <= 4:
                    c.add("pengaturan.tidak-sah", "Pengaturan", ref, found=str(n), field=f.key, expected="Isi 0 sampai 4.")
                else:
                    cfg.desimal = int(n)
            else:
                if n <= 0:
                    c.add("pengaturan.tidak-sah", "Pengaturan", ref, found=str(n), field=f.key, expected="Isi angka di atas 0, mis. 120.")
                else:
                    cfg.batas_capaian = n
        elif f.key == "nama_berkas":
            from ..base.nama import nama_berkas_problem

            name = c.text(row, "nilai")
            why = nama_berkas_problem(name)
            if why:
                c.add("pengaturan.tidak-sah", "Pengaturan", ref, found=name[:60], field=f.key, expected=why)
            else:
                cfg.nama_berkas = name
        else:
            setattr(cfg, f.key, c.text(row, "nilai"))
    if cfg.skala_predikat == "kustom" and not cfg.skala_kustom:
        c.add("pengaturan.tidak-sah", "Pengaturan", cfg_cells.get("skala_predikat", "B2"), found="kustom", field="skala_predikat",
                 expected="Isi juga skala_kustom, mis. \"91=Sangat Tinggi; 76=Tinggi; 0=Rendah\".")
    return cfg

# -- Kinerja -----------------------------------------------------------
def read_kinerja(c: Cells, data: SheetData | None, tahun: int) -> tuple[list[NodeKinerja], list[int], list[int]]:
    if data is None:
        return [], [], []
    t_years = sorted(set(data.years.get("target", [])))
    r_years = sorted(set(data.years.get("realisasi", [])))
    roots: list[NodeKinerja] = []
    stack: list[NodeKinerja | None] = [None] * len(LEVEL_KINERJA)
    current: NodeKinerja | None = None
    last_level = ""
    for row in data.rows:
        level = c.choice(row, "level", LEVEL_KINERJA, "Level")
        bad_level = not level and bool(c.text(row, "level"))  # typed, not a choice (a dash is empty)
        uraian = c.text(row, "uraian")
        indikator = c.text(row, "indikator")
        if bad_level:
            continue
        if not level:
            level = last_level
        if not level:
            if "level" not in data.columns:  # no Level column: reported once, as kolom.tidak-ada
                continue
            c.add("hierarki.level-kosong", "Kinerja", f"{data.columns.get('level', 'A')}{row.number}", found="",
                     choices=", ".join(LEVEL_KINERJA))
            continue
        last_level = level
        depth = LEVEL_KINERJA.index(level)
        if uraian or current is None or current.level != level:
            if not uraian:
                uraian = current.uraian if current and current.level == level else ""
            node = NodeKinerja(level, uraian, row.number, c.text(row, "kode"), cell=row.ref("uraian") or row.ref("level"),
                               sasaran_rpjmd=c.text(row, "sasaran_rpjmd") if "sasaran_rpjmd" in row.cells else "")
            if depth == 0:
                roots.append(node)
            else:
                parent = stack[depth - 1]
                if parent is None:
                    c.add("hierarki.tanpa-induk", "Kinerja", row.ref("level") or f"A{row.number}", level=level,
                             parent=LEVEL_KINERJA[depth - 1])
                    continue
                parent.anak.append(node)
            stack[depth] = node
            for i in range(depth + 1, len(stack)):
                stack[i] = None
            current = node
        if indikator:
            current.indikator.append(read_indikator(c, row, indikator, t_years, r_years))
    return roots, t_years, r_years

def read_indikator(c: Cells, row: Row, nama: str, t_years: list[int], r_years: list[int]) -> Indikator:
    satuan = c.text(row, "satuan")
    pct = satuan.strip() in ("%", "persen", "Persen", "persentase", "Persentase")
    ind = Indikator(row.number, nama, satuan)
    ind.polaritas = c.choice(row, "polaritas", contract.POLARITAS, "Polaritas") or "Positif"
    ind.iku = c.choice(row, "iku", contract.YA_TIDAK, "IKU") == "Ya"
    ind.pk = c.choice(row, "pk", contract.YA_TIDAK, "PK") == "Ya"
    for y in t_years:
        ind.target[y] = c.value(row, f"target:{y}", as_percent=pct)
        ind.cells[f"target:{y}"] = row.ref(f"target:{y}")
    for y in r_years:
        ind.realisasi[y] = c.value(row, f"realisasi:{y}", as_percent=pct)
        ind.cells[f"realisasi:{y}"] = row.ref(f"realisasi:{y}")
    for key, cell in row.cells.items():
        if isinstance(cell.value, str) and (":" in key or key in ("target_akhir", "standar")) and any(ch.isdigit() for ch in cell.value):
            ind.ketikan[key] = cell.value.strip()
    ind.target_akhir = c.value(row, "target_akhir", as_percent=pct)
    if contract.normalize_header(c.text(row, "standar", dash_is_blank=False)) in contract.STANDAR_TIDAK_ADA:
        ind.standar_tidak_ada = True
    else:
        ind.standar = c.value(row, "standar", as_percent=pct)
    ind.capaian_tertulis = c.number(row, "capaian", as_percent=True)
    for key in ("definisi", "formula", "sumber_data", "penanggung_jawab", "analisis", "solusi"):
        setattr(ind, key, c.text(row, key))
    if "sasaran_rpjmd" in row.cells:
        ind.sasaran_rpjmd = c.text(row, "sasaran_rpjmd")
        ind.cells["sasaran_rpjmd"] = row.ref("sasaran_rpjmd")
    for key in ("capaian", "target_akhir", "standar", "indikator", "level"):
        ind.cells[key] = row.ref(key) or ""
    ind.cells.setdefault("row", str(row.number))
    return ind

# -- Anggaran ----------------------------------------------------------
def read_anggaran(c: Cells, data: SheetData | None, instansi: str) -> list[Unit]:
    if data is None:
        return []
    units: dict[str, Unit] = {}
    unit_name = ""
    stack: list[BarisAnggaran | None] = [None, None, None]
    carried = {"sumber_dana": "", "sasaran": ""}
    carried_unit = ""
    codes: dict[tuple[str, str], Row] = {}  # (unit, kode) -> the row that has it first
    kode_levels: list[tuple[str, str, str]] = []  # (kode cell, kode, level); no cell where Level came from Kode
    for row in data.rows:
        cells = row.cells
        unit = (c.text(row, "unit") if "unit" in cells else "") or unit_name or instansi or "Instansi"
        if unit != unit_name:
            stack = [None, None, None]
            unit_name = unit
        kode = c.text(row, "kode") if "kode" in cells else ""
        level = c.choice(row, "level", LEVEL_ANGGARAN, "Level") if "level" in cells else ""
        if not level and "level" in cells and c.text(row, "level"):
            continue  # typed, not a choice: reported by choice(); a dash is empty
        if not level:
            level = (LEVEL_BY_KODE_DEPTH.get(_depth(kode)) if kode else None) or ""
            if level:
                kode_levels.append(("", kode, level))  # the national pattern, as the Level was read from it
            if not level:
                c.add("hierarki.level-kosong", "Anggaran", row.ref("level") or f"{data.columns.get('level', 'C')}{row.number}",
                         found=kode, choices=", ".join(LEVEL_ANGGARAN))
                continue
        elif kode:
            kode_levels.append((row.ref("kode"), kode, level))
        if level == "Program" or unit != carried_unit:
            # a Sasaran is carried down only within one program of one unit
            carried["sasaran"], carried_unit = "", unit
        for key in carried:
            if key in cells:
                carried[key] = c.text(row, key) or carried[key]
        # optional columns are mostly blank: their getters run only for cells that exist
        line = BarisAnggaran(
            row.number, unit, level, c.text(row, "uraian"), kode,
            pagu=c.number(row, "pagu", dash_is_zero=True) if "pagu" in cells else None,
            realisasi=c.number(row, "realisasi", dash_is_zero=True) if "realisasi" in cells else None,
            persentase_tertulis=c.number(row, "persentase", as_percent=True) if "persentase" in cells else None,
            pagu_pk=c.number(row, "pagu_pk", dash_is_zero=True) if "pagu_pk" in cells else None,
            pagu_pk_perubahan=c.number(row, "pagu_pk_perubahan", dash_is_zero=True) if "pagu_pk_perubahan" in cells else None,
            sumber_dana=carried["sumber_dana"],
            sasaran=(c.text(row, "sasaran") if "sasaran" in cells else "") or carried["sasaran"],
            indikator_keluaran=c.text(row, "indikator_keluaran") if "indikator_keluaran" in cells else "",
            target_keluaran=c.value(row, "target_keluaran", as_percent=False) if "target_keluaran" in cells else None,
            realisasi_keluaran=c.value(row, "realisasi_keluaran", as_percent=False) if "realisasi_keluaran" in cells else None,
            satuan_keluaran=c.text(row, "satuan_keluaran") if "satuan_keluaran" in cells else "",
            cells=RowRefs(row),
        )
        if kode:
            key = (unit, kode)
            first = codes.get(key)
            if first is not None:
                c.add("kode.ganda", "Anggaran", row.ref("kode"), found=kode, other=first.ref("kode"))
            else:
                codes[key] = row
        depth = LEVEL_ANGGARAN.index(level)
        if unit not in units:
            units[unit] = Unit(unit)
        if depth == 0:
            units[unit].program.append(line)
        else:
            parent = stack[depth - 1]
            if parent is None:
                c.add("hierarki.tanpa-induk", "Anggaran", row.ref("level") or row.ref("uraian"), level=level,
                         parent=LEVEL_ANGGARAN[depth - 1])
                continue
            parent.anak.append(line)
        stack[depth] = line
        for i in range(depth + 1, 3):
            stack[i] = None
    c.problems += kode_level_problems(kode_levels, f"{data.columns.get('kode', 'B')}1")
    return list(units.values())

# -- optional sheets -----------------------------------------------------
def read_belanja(c: Cells, data: SheetData | None) -> list[Belanja]:
    out: list[Belanja] = []
    kelompok = ""
    for row in data.rows if data else []:
        kelompok = c.choice(row, "kelompok", contract.KELOMPOK_BELANJA, "Kelompok") or (kelompok if "kelompok" not in row.cells else kelompok)
        jenis = c.text(row, "jenis")
        anggaran = c.number(row, "anggaran", dash_is_zero=True)
        realisasi = c.number(row, "realisasi", dash_is_zero=True)
        if not jenis and anggaran is None and realisasi is None:
            continue
        out.append(Belanja(row.number, kelompok, jenis, anggaran or Decimal(0), realisasi or Decimal(0)))
    return out

def read_narasi(c: Cells, data: SheetData | None) -> dict[str, Narasi]:
    out: dict[str, Narasi] = {}
    for row in data.rows if data else []:
        bagian = c.choice(row, "bagian", contract.BAGIAN_NARASI, "Bagian")
        isi = c.text(row, "isi")
        if not bagian or not isi:
            continue
        blocks = parse_blocks(isi)
        if bagian in out:
            out[bagian].blok.extend(blocks)
        else:
            out[bagian] = Narasi(bagian, c.text(row, "judul"), blocks, row.number)
    return out

def read_pegawai(c: Cells, data: SheetData | None) -> list[Pegawai]:
    out = []
    for row in data.rows if data else []:
        nama = c.text(row, "nama")
        if not nama:
            continue
        pegawai = Pegawai(row.number, nama, *(c.text(row, k) for k in ("nip", "jabatan", "golongan", "pendidikan", "eselon", "status", "unit")))
        pegawai.atasan = c.text(row, "atasan") if "atasan" in row.cells else ""
        nip = row.cells.get("nip")
        if nip is not None and isinstance(nip.value, (int, float)) and not isinstance(nip.value, bool):
            digits, why = nip_from_number(nip.value)
            c.add("pegawai.nip-angka", "Pegawai", nip.ref, found=digits, why=why)
            pegawai.nip = ""  # its digits are not the NIP: not checked again digit by digit
        out.append(pegawai)
    return out

def read_rencana_aksi(c: Cells, data: SheetData | None) -> list[RencanaAksi]:
    out = []
    indikator = ""
    for row in data.rows if data else []:
        indikator = c.text(row, "indikator") or indikator
        periode = c.text(row, "periode")
        if not periode:
            continue
        out.append(RencanaAksi(
            row.number, indikator, periode,
            c.value(row, "target_kinerja", as_percent=False), c.value(row, "realisasi_kinerja", as_percent=False),
            c.text(row, "program"), c.number(row, "target_anggaran", dash_is_zero=True),
            c.number(row, "realisasi_anggaran", dash_is_zero=True), c.text(row, "keterangan"),
        ))
    return out

def read_indeks(c: Cells, data: SheetData | None) -> list[IndeksAspek]:
    out = []
    indikator = ""
    aspek_pct: Decimal | None = None
    for row in data.rows if data else []:
        name = c.text(row, "indikator")
        if name and name != indikator:
            indikator, aspek_pct = name, None
        aspek = c.text(row, "aspek")
        if not aspek or not indikator:
            continue
        pa = c.number(row, "perhitungan_aspek")
        aspek_pct = pa if pa is not None else aspek_pct
        bobot = c.number(row, "bobot")
        out.append(IndeksAspek(row.number, indikator, aspek, c.number(row, "skor_target"),
                               c.number(row, "skor_realisasi"), bobot if bobot is not None else Decimal(0), aspek_pct))
    return out

def nip_from_number(value: int | float) -> tuple[str, str]:
    """(the digits Excel kept, why they cannot be trusted) for a NIP typed as a number."""
    digits = str(int(value)) if float(value).is_integer() else str(value)
    if len(digits) > 15:
        why = (f"Excel hanya menyimpan 15 angka pertama sebuah angka, sehingga {len(digits) - 15} angka terakhirnya "
               f"({digits[15:]}) tidak dapat dipercaya")
    else:
        why = "angka 0 di depan dan pemisahnya hilang, dan angka lebih dari 15 digit terpotong"
    return digits, why


# -- the Anggaran Kode pattern ---------------------------------------------------------
def _depth(kode: str) -> int:
    """The parts of a kode (`7.01.01` has 3; empty parts of `7..01` do not count)."""
    parts = kode.split(".")
    return len(parts) - parts.count("")


def kode_level_problems(rows: list[tuple[str, str, str]], header_ref: str) -> list[Problem]:
    """Kode against Level on the Anggaran sheet, for rows (cell, kode, level) with a Kode; the cell is
    empty where the Level was read from the Kode (such a row counts for the pattern, is never reported).

    A code whose depth contradicts the national nomenclature (3/5/6 parts) is reported at its
    cell — unless the sheet follows one consistent local pattern (Program `1`, Kegiatan `1.1`,
    Sub Kegiatan `1.1.1`): then one summary warning for the sheet, and only the rows that break
    that local pattern at their cells.
    """
    national = [(ref, kode, level, LEVEL_BY_KODE_DEPTH.get(_depth(kode))) for ref, kode, level in rows if ref]
    national = [r for r in national if r[3] and r[3] != r[2] and r[1].count(".") >= 2]
    if not national:
        return []
    counts: dict[str, Counter] = {}
    for _ref, kode, level in rows:
        counts.setdefault(level, Counter())[_depth(kode)] += 1
    modes = {level: c.most_common(1)[0][0] for level, c in counts.items()}
    ordered = [modes[level] for level in LEVEL_ANGGARAN if level in modes]
    local = (ordered == sorted(set(ordered)) and any(LEVEL_BY_KODE_DEPTH.get(d) != lv for lv, d in modes.items()))
    if not local:
        return [problem("kode.tidak-sesuai-level", "Anggaran", ref, found=kode, level=level, expected=inferred)
                for ref, kode, level, inferred in national]
    examples = {}
    for _ref, kode, level in rows:
        if _depth(kode) == modes[level]:
            examples.setdefault(level, kode)
    pola = ", ".join(f"{level} {modes[level]} bagian (mis. '{examples[level]}')" for level in LEVEL_ANGGARAN if level in modes)
    n = sum(1 for _ref, kode, level, _inferred in national if _depth(kode) == modes[level])
    out = [problem("kode.pola-lokal", "Anggaran", header_ref, pola=pola, n=n)]
    level_of_depth = {d: lv for lv, d in modes.items()}
    for ref, kode, level in rows:
        d = _depth(kode)
        if ref and d != modes[level]:
            other = level_of_depth.get(d)
            expected = (f"{other} menurut pola kode sheet ini" if other
                        else f"{d} bagian, padahal {level} di sheet ini {modes[level]} bagian")
            out.append(problem("kode.tidak-sesuai-level", "Anggaran", ref, found=kode, level=level, expected=expected))
    return out


def shown(text: str, limit: int = 80) -> str:
    """Text from a cell as a message may quote it: control characters visible (`\\x00`), at most `limit` characters."""
    text = "".join(ch if ch.isprintable() or unicodedata.category(ch) == "Zs" else f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                   for ch in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _asset(c: Cells, assets_dir: Path, raw: str, sheet: str, ref: str) -> Path | None:
    """An image file named in the workbook, or None with the problem recorded at its cell."""
    path, code, why = safe_asset(raw, assets_dir)
    if code:
        c.add(code, sheet, ref, found=shown(raw.strip().strip('"')), why=why)
    return path


def read_gambar(c: Cells, data: SheetData | None, assets_dir: Path) -> list[Gambar]:
    out = []
    for row in data.rows if data else []:
        bagian = c.choice(row, "bagian", contract.BAGIAN_GAMBAR, "Bagian")
        berkas = c.text(row, "berkas")
        if not bagian or not berkas:
            continue
        path = _asset(c, assets_dir, berkas, "Gambar", row.ref("berkas"))
        if path:
            out.append(Gambar(row.number, bagian, path, c.text(row, "keterangan")))
    return out


def read_workbook(path: Path | str, assets_dir: Path | None = None) -> tuple[Laporan | None, list[Problem]]:
    """Read a workbook into the model. Returns (model or None if unreadable, problems)."""
    path = Path(path)
    c = Cells()
    try:
        inspect_file(path)
        with Xlsx(path) as book:  # open while the sheets are typed: a number's format is read when it is needed
            return _read(c, path, c.load_sheets(book), (assets_dir or path.parent).resolve())
    except ReadError as exc:
        return None, [exc.problem]


def read_identitas(path: Path | str) -> tuple[Profil, Pengaturan]:
    """Only the Profil and Pengaturan sheets (what names a report), read as `read_workbook` reads them; the
    other sheets are not parsed. Raises ReadError for a file that is not a safe workbook."""
    path = Path(path)
    c = Cells()
    inspect_file(path)
    with Xlsx(path) as book:  # the sheets the build reads, of them only these two
        found = c.load_sheets(book, only=("Profil", "Pengaturan"))
        return read_profil(c, found.get("Profil")), read_pengaturan(c, found.get("Pengaturan"))


def _read(c: Cells, path: Path, sheets: dict[str, SheetData], assets: Path) -> tuple[Laporan, list[Problem]]:
    ambiguous = {contract.sheet(p.sheet).name for p in c.problems if p.code == "sheet.ganda-tanpa-asli"}
    for spec in contract.SHEETS:
        if spec.required and spec.name not in sheets and spec.name not in ambiguous:
            c.add("sheet.tidak-ada", spec.name, "")
    profil = read_profil(c, sheets.get("Profil"))
    cfg = read_pengaturan(c, sheets.get("Pengaturan"))
    kinerja, t_years, r_years = read_kinerja(c, sheets.get("Kinerja"), profil.tahun)
    laporan = Laporan(
        sumber=path,
        profil=profil,
        kinerja=kinerja,
        unit=read_anggaran(c, sheets.get("Anggaran"), profil.instansi),
        belanja=read_belanja(c, sheets.get("Belanja")),
        narasi=read_narasi(c, sheets.get("Narasi")),
        pegawai=read_pegawai(c, sheets.get("Pegawai")),
        rencana_aksi=read_rencana_aksi(c, sheets.get("Rencana_Aksi")),
        indeks=read_indeks(c, sheets.get("Indeks")),
        gambar=read_gambar(c, sheets.get("Gambar"), assets),
        pengaturan=cfg,
        tahun_target=t_years,
        tahun_realisasi=r_years,
        kolom={name: dict(data.columns) for name, data in sheets.items()},
    )
    if profil.logo:
        logo = _asset(c, assets, profil.logo, "Profil", profil.cells.get("logo", "B2"))
        if logo:
            laporan.gambar.insert(0, Gambar(0, "logo", logo, "Logo"))
    return laporan, sort_problems(c.problems)
