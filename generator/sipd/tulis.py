"""Match the SIPD budget to the workbook's Anggaran lines and write a new workbook.

Matching (docs/sipd.md, "Pencocokan"): a unit by its name (normalised) or its `--unit` name;
within a unit, a program / kegiatan / sub kegiatan first by Kode (SIPD's code written in the
workbook), then by its name under the matched parent — case, punctuation, spacing and a
leading "Program"/"Kegiatan" ignored. The matched line gets SIPD's code in Kode.

Writing: the input workbook is never modified. Its cells are loaded with openpyxl (after
the same safety checks as every workbook) and every sheet but Anggaran and Belanja is saved
as it was. Anggaran is written again in the workbook's own order: matched lines keep every
cell of their row (Sasaran, Sumber Dana, outputs, styles, comments) with Kode, Pagu and
Realisasi from SIPD; SIPD lines the workbook lacks are added under their parent; lines SIPD
lacks are kept as typed and listed. Parent rows hold the sums of their children, so the
typed totals are the sums. Each imported figure carries a cell note saying where it came from.
"""

from __future__ import annotations

import io
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from .. import LkjipError, contract, round_half_up, rupiah  # contract: public as a whole (generator._MODULES)
from .agregat import DataSipd, Kegiatan, Program, SubKegiatan, UnitSipd, kunci

if TYPE_CHECKING:  # the workbook's lines come from the model `check` returns
    from .. import BarisAnggaran

NOTE_AUTHOR = "lkjip impor-sipd"


def _kode(text: str) -> str:
    return "".join(str(text or "").split())


@dataclass(eq=False)
class Baris:
    """One line of the new Anggaran sheet: a workbook line (`asal`), a SIPD line (`sipd`), or both."""

    level: str
    uraian: str
    kode: str
    unit: str
    asal: BarisAnggaran | None = None
    sipd: Program | Kegiatan | SubKegiatan | None = None
    anak: list[Baris] = field(default_factory=list)
    pagu: Decimal | None = None
    realisasi: Decimal | None = None
    pagu_dari_sipd: bool = False
    realisasi_dari_sipd: bool = False

    def walk(self):
        yield self
        for a in self.anak:
            yield from a.walk()


@dataclass
class UnitBaru:
    nama: str
    asal: bool  # the workbook has this unit
    sipd: UnitSipd | None
    program: list[Baris] = field(default_factory=list)


def _match(children: list[Baris], kode: str, nama: str, level: str) -> Baris | None:
    """The unmatched workbook child with this Kode, else with this name."""
    free = [b for b in children if b.asal is not None and b.sipd is None]
    if kode:
        for b in free:
            if _kode(b.asal.kode) == kode:
                return b
    key = kunci(nama, level)
    for b in free:
        if kunci(b.asal.uraian, level) == key:
            return b
    return None


def _from_workbook(line: BarisAnggaran) -> Baris:
    b = Baris(line.level, line.uraian, line.kode, line.unit, asal=line, pagu=line.pagu, realisasi=line.realisasi)
    b.anak = [_from_workbook(a) for a in line.anak]
    return b


def _line(lines: list, node, level: str, unit: str):
    """The workbook line matching SIPD's `node` among `lines` (by Kode, then name), added when missing;
    it takes SIPD's code."""
    line = _match(lines, node.kode, node.nama, level)
    if line is None:
        line = Baris(level, node.nama, node.kode, unit)
        lines.append(line)
    line.sipd, line.kode = node, node.kode or line.kode
    return line


def gabung(data: DataSipd, units) -> list[UnitBaru]:
    """The workbook's units (model `Unit`s, in order) with the SIPD lines merged in."""
    out = [UnitBaru(u.nama, True, None, [_from_workbook(p) for p in u.program]) for u in units]
    by_name = {kunci(u.nama): u for u in out}
    for su in data.unit.values():
        unit = by_name.get(kunci(su.nama)) or by_name.get(kunci(su.nama_sipd))
        if unit is None or unit.sipd is not None:
            unit = UnitBaru(su.nama, False, su)
            out.append(unit)
        unit.sipd = su
        for sp in su.program.values():
            prog = _line(unit.program, sp, "Program", unit.nama)
            for sk in sp.kegiatan.values():
                keg = _line(prog.anak, sk, "Kegiatan", unit.nama)
                for ss in sk.sub.values():
                    sub = _line(keg.anak, ss, "Sub Kegiatan", unit.nama)
                    sub.pagu, sub.pagu_dari_sipd = ss.pagu, True
                    if data.ada_realisasi:
                        sub.realisasi, sub.realisasi_dari_sipd = ss.realisasi, True
    for unit in out:
        for prog in unit.program:
            _sum(prog)
    return out


def _sum(b: Baris) -> None:
    """Parents hold the sums of their children (a parent without children keeps its own figures)."""
    if not b.anak:
        return
    for a in b.anak:
        _sum(a)
    pagu = [a.pagu for a in b.anak]
    real = [a.realisasi for a in b.anak]
    b.pagu = sum((p for p in pagu if p is not None), Decimal(0)) if any(p is not None for p in pagu) else b.pagu
    b.realisasi = sum((r for r in real if r is not None), Decimal(0)) if any(r is not None for r in real) else b.realisasi


# -- the sheet ---------------------------------------------------------------------------------


def _headers(ws, sheet: contract.Sheet) -> dict[str, int]:
    """Column key -> 1-based column of a sheet's header row; missing contract columns appended."""
    cols: dict[str, int] = {}
    last = 0
    for cell in ws[1]:
        if cell.value in (None, ""):
            continue
        last = max(last, cell.column)
        norm = contract.normalize_header(cell.value)
        for col in sheet.columns:
            if col.key not in cols and col.matches(norm):
                cols[col.key] = cell.column
    for col in sheet.columns:
        if col.key not in cols and col.key in ("unit", "kode", "level", "uraian", "pagu", "realisasi"):
            last += 1
            ws.cell(row=1, column=last, value=col.header)
            cols[col.key] = last
    return cols


def _note(cell, text: str) -> None:
    from openpyxl.comments import Comment

    old = cell.comment.text if cell.comment is not None and cell.comment.author != NOTE_AUTHOR else ""
    if old and not old.startswith("Dari SIPD") and not old.startswith("Jumlah rincian"):
        text += "\n\nCatatan sebelumnya: " + old
    note = Comment(text, NOTE_AUTHOR)
    note.width, note.height = 320, 120
    cell.comment = note


def _int(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class _Row:
    values: list
    styles: list
    comments: list
    height: float | None


def tulis_anggaran(ws, units: list[UnitBaru], data: DataSipd, sumber: str) -> int:
    """Rewrite the Anggaran sheet's data rows from the merged units; returns the rows written."""
    spec = contract.sheet("Anggaran")
    cols = _headers(ws, spec)
    width = max(ws.max_column, max(cols.values()))
    old: dict[int, _Row] = {}
    for r in range(2, ws.max_row + 1):
        cells = [ws.cell(row=r, column=c) for c in range(1, width + 1)]
        if all(c.value in (None, "") for c in cells):
            continue
        old[r] = _Row([c.value for c in cells], [copy(c._style) if c.has_style else None for c in cells],
                      [c.comment for c in cells], ws.row_dimensions[r].height if r in ws.row_dimensions else None)
    if ws.max_row >= 2:
        ws.delete_rows(2, ws.max_row - 1)
    style_by_level: dict[str, _Row] = {}
    for row in old.values():
        lvl = row.values[cols["level"] - 1] if "level" in cols else None
        if isinstance(lvl, str):
            style_by_level.setdefault(lvl.strip().title(), row)
    emitted: set[int] = set()
    out = 1
    rekap_name = data.rekap.name if data.rekap else "rekap"
    real_name = data.realisasi_file.name if data.realisasi_file else ""

    def put(key: str, value) -> object:
        cell = ws.cell(row=out, column=cols[key])
        cell.value = value
        return cell

    for unit in units:
        first_of_unit = True
        for prog in unit.program:
            for b in prog.walk():
                out += 1
                src = old.get(b.asal.row) if b.asal is not None else None
                template = src or style_by_level.get(b.level)
                if src is not None:
                    emitted.add(b.asal.row)
                    for i, value in enumerate(src.values, start=1):
                        cell = ws.cell(row=out, column=i, value=value)
                        if src.comments[i - 1] is not None:
                            cell.comment = copy(src.comments[i - 1])
                    if src.height:
                        ws.row_dimensions[out].height = src.height
                if template is not None:
                    for i, style in enumerate(template.styles, start=1):
                        if style is not None:
                            ws.cell(row=out, column=i)._style = copy(style)
                if src is None or first_of_unit:
                    put("unit", unit.nama)
                if src is None:
                    put("level", b.level)
                    put("uraian", b.uraian)
                    if "sumber_dana" in cols and isinstance(b.sipd, SubKegiatan) and b.sipd.sumber_dana:
                        put("sumber_dana", ", ".join(b.sipd.sumber_dana))
                first_of_unit = False
                if b.sipd is not None and b.kode:
                    put("kode", b.kode)
                pagu_cell = put("pagu", _int(b.pagu))
                real_cell = put("realisasi", _int(b.realisasi))
                if isinstance(b.sipd, SubKegiatan):
                    s = b.sipd
                    _note(pagu_cell, f"Dari SIPD: {rekap_name}, jumlah PAGU {s.rekening} baris rekening sub kegiatan {s.kode}.")
                    if b.realisasi_dari_sipd:
                        setor = f", dikurangi setoran {rupiah(s.setoran)}" if s.setoran else ""
                        _note(real_cell, f"Dari SIPD: {real_name}, jumlah Nilai Realisasi {s.dokumen} dokumen{setor}.")
                elif b.anak:
                    _note(pagu_cell, "Jumlah rincian (dihitung lkjip impor-sipd).")
                    _note(real_cell, "Jumlah rincian (dihitung lkjip impor-sipd).")
                if "persentase" in cols:
                    cell = ws.cell(row=out, column=cols["persentase"])
                    if cell.value not in (None, ""):
                        if b.pagu and b.realisasi is not None:
                            pct = round_half_up(b.realisasi / b.pagu * 100, 2)
                            cell.value = float(pct / 100) if "%" in (cell.number_format or "") else float(pct)
                        else:
                            cell.value = None
    for r, row in old.items():  # rows the model did not place (no level, no parent): kept at the end, unchanged
        if r in emitted:
            continue
        out += 1
        for i, value in enumerate(row.values, start=1):
            cell = ws.cell(row=out, column=i, value=value)
            if row.styles[i - 1] is not None:
                cell._style = copy(row.styles[i - 1])
    return out - 1


def tulis_belanja(wb, data: DataSipd, realisasi_lama: dict[str, Decimal] | None = None) -> None:
    """Belanja rows by rekening jenis (kelompok, jenis, anggaran, realisasi), replacing the sheet's data rows.

    Without a realisasi export the Anggaran keeps the workbook's realisasi, so the Belanja does too:
    `realisasi_lama` (jenis, casefolded -> realisasi) gives each jenis its old figure by name.
    """
    spec = contract.sheet("Belanja")
    name = next((n for n in wb.sheetnames if contract.normalize_header(n) == "belanja"), None)
    if name is None:
        ws = wb.create_sheet("Belanja")
        for i, col in enumerate(spec.columns, start=1):
            ws.cell(row=1, column=i, value=col.header)
    else:
        ws = wb[name]
    cols = _headers(ws, spec)
    for col in spec.columns:
        if col.key not in cols:
            cols[col.key] = ws.max_column + 1
            ws.cell(row=1, column=cols[col.key], value=col.header)
    style = [copy(ws.cell(row=2, column=c)._style) for c in range(1, ws.max_column + 1)] if ws.max_row >= 2 else []
    if ws.max_row >= 2:
        ws.delete_rows(2, ws.max_row - 1)
    rekap_name = data.rekap.name if data.rekap else "rekap"
    for r, jb in enumerate(sorted(data.belanja.values(), key=lambda j: j.kode), start=2):
        for c, s in enumerate(style, start=1):
            ws.cell(row=r, column=c)._style = copy(s)
        ws.cell(row=r, column=cols["kelompok"], value=jb.kelompok)
        ws.cell(row=r, column=cols["jenis"], value=jb.jenis)
        a = ws.cell(row=r, column=cols["anggaran"], value=_int(jb.anggaran))
        _note(a, f"Dari SIPD: {rekap_name}, jumlah PAGU rekening {jb.kode}.*")
        if data.ada_realisasi:
            x = ws.cell(row=r, column=cols["realisasi"], value=_int(jb.realisasi))
            _note(x, f"Dari SIPD: {data.realisasi_file.name}, jumlah realisasi bersih rekening {jb.kode}.*")
        elif realisasi_lama and jb.jenis.casefold() in realisasi_lama:
            ws.cell(row=r, column=cols["realisasi"], value=_int(realisasi_lama[jb.jenis.casefold()]))


def simpan(wb, out: Path) -> Path:
    """Save atomically; an existing file is never replaced."""
    from .. import OutputError, TargetExists, atomic_write_bytes

    buf = io.BytesIO()
    wb.save(buf)
    try:
        atomic_write_bytes(out, buf.getvalue(), overwrite=False)
    except TargetExists as exc:
        raise LkjipError(f"Berkas {out} sudah ada dan tidak ditimpa. Pakai --out dengan nama lain, "
                         "atau pindahkan/hapus berkas itu dulu.") from exc
    except OutputError as exc:
        raise LkjipError(str(exc)) from exc
    return out
