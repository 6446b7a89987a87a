"""What the terminal shows: the build summary, problems as text or JSON, and a diff as lines.

Pure functions from results to lines or JSON text; the CLI prints them.
"""

from __future__ import annotations

from .base.contract import LEVEL_ANGGARAN
from .base.problems import Problem, errors, warnings
from .pipeline import BuildResult


def summary_lines(res: BuildResult) -> list[str]:
    """The terminal summary of a build: output, counts, headline figures, warnings."""
    from .base.formatting import persen, rupiah

    lines = []
    if res.output:
        lines.append(f"Laporan ditulis: {res.output}")
    if res.pdf:
        lines.append(f"PDF ditulis: {res.pdf}")
    lines += [f"  {note}" for note in res.notes]
    h = res.hasil
    if h is not None:
        lap = h.laporan
        lvl = {lv: sum(1 for ln in lap.budget_lines() if ln.level == lv) for lv in LEVEL_ANGGARAN}
        n_ind = sum(len(n.indikator) for n in lap.nodes())
        lines.append(f"  {len(list(lap.nodes('Tujuan')))} tujuan, {len(list(lap.nodes('Sasaran')))} sasaran, {n_ind} indikator; "
                     f"{len(lap.unit)} unit anggaran: {lvl['Program']} program, {lvl['Kegiatan']} kegiatan, {lvl['Sub Kegiatan']} sub kegiatan")
        lines.append(f"  Capaian kinerja {persen(h.capaian_instansi)} ({h.predikat_instansi}); anggaran {rupiah(h.total.pagu)}, "
                     f"realisasi {rupiah(h.total.realisasi)}, penyerapan {persen(h.total.penyerapan)}")
    errs, warns = errors(res.problems), warnings(res.problems)
    if warns:
        lines.append(f"  {len(warns)} peringatan perlu diperiksa:")
        lines += [f"    {g[0].where if len(g) == 1 else f'{g[0].sheet}!{_cells(g)} ({len(g)} sel)'}: {g[0].message}"
                  for g in grouped(warns)]
    if errs:
        lines.append(f"  {len(errs)} galat; laporan tidak dibuat:")
        lines += [f"    {g[0].where if len(g) == 1 else f'{g[0].sheet}!{_cells(g)} ({len(g)} sel)'}: {g[0].message} "
                  f"Saran: {g[0].hint}" for g in grouped(errs)]
    if res.error:
        lines.append(f"  Gagal: {res.error}")
    return lines


def problems_json(problems: list[Problem]) -> str:
    import json

    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


GROUP_FROM = 5  # this many identical problems (same sheet, code, message) in one column read as one line


def grouped(problems: list[Problem]) -> list[list[Problem]]:
    """Problems in order, identical ones (same sheet, code, message, column) gathered when there are
    GROUP_FROM or more of them — 73 "Baris rincian tanpa pagu." on a fresh workbook are one finding."""
    import re

    def key(p: Problem) -> tuple:
        return (p.sheet, p.code, p.message, p.hint, re.sub(r"\d+$", "", p.cell or ""))

    groups: dict[tuple, list[Problem]] = {}
    for p in problems:
        groups.setdefault(key(p), []).append(p)
    out, seen = [], set()
    for p in problems:
        k = key(p)
        if len(groups[k]) < GROUP_FROM:
            out.append([p])
        elif k not in seen:
            seen.add(k)
            out.append(groups[k])
    return out


def _cells(ps: list[Problem]) -> str:
    """E4, E6–E7, E9 … : the cells of a group, consecutive rows as one range."""
    import re

    rows = [int(m.group(1)) for p in ps for m in [re.search(r"(\d+)$", p.cell or "")] if m]
    letter = re.sub(r"\d+$", "", ps[0].cell or "")
    parts, start = [], None
    for i, r in enumerate(rows):
        start = r if start is None else start
        if i + 1 == len(rows) or rows[i + 1] != r + 1:
            parts.append(f"{letter}{start}" if start == r else f"{letter}{start}–{letter}{r}")
            start = None
    return ", ".join(parts)


def problem_lines(problems: list[Problem]) -> list[str]:
    """One line per problem; GROUP_FROM or more identical ones in a column as one line naming every cell."""
    lines = []
    for g in grouped(problems):
        if len(g) == 1:
            lines.append(str(g[0]))
            continue
        p = g[0]
        label = "GALAT" if p.severity == "error" else "PERINGATAN"
        lines.append(f"{label} {p.sheet}!{_cells(g)} ({len(g)} sel) [{p.code}] {p.message} Saran: {p.hint}")
    return lines


def _line_name(b: dict) -> str:
    kode = f"{b['kode']} " if b["kode"] else ""
    return f"{b['unit']} / {kode}{b['level']} '{b['uraian']}'"


def diff_lines(d: dict) -> list[str]:
    """Readable Indonesian lines, one per change; `Tidak ada perubahan.` when there is none."""
    from .compare.diff import ada_perubahan
    from .compare.diff_laporan import laporan_lines

    if not ada_perubahan(d):
        return ["Tidak ada perubahan."]
    lines = []
    for i in d["indikator"]:
        changes = "; ".join(f"{k} {a} -> {b}" for k, (a, b) in i["perubahan"].items())
        lines.append(f"Indikator {i['node']} '{i['nama']}': {changes}")
    for label, key in (("baru", "indikator_baru"), ("dihapus", "indikator_dihapus")):
        for i in d[key]:
            lines.append(f"Indikator {label}: {i['node']} '{i['nama']}' target {i['target']}, realisasi {i['realisasi']}, "
                         f"capaian {i['capaian']}")
    for label in ("baru", "dihapus"):
        for b in d["anggaran"][label]:
            lines.append(f"Anggaran {label}: {_line_name(b)} pagu {b['pagu']}, realisasi {b['realisasi']}")
    for b in d["anggaran"]["berubah"]:
        parts = [f"{k} {b[k + '_lama']} -> {b[k]}" for k in ("kode", "uraian") if k + "_lama" in b]
        parts += [f"{k} {b[k][0]} -> {b[k][1]}" for k in ("pagu", "realisasi") if b[k][0] != b[k][1]]
        lines.append(f"Anggaran berubah: {_line_name(b)}: " + "; ".join(parts))
    names = {"pagu": "Total pagu", "realisasi": "Total realisasi", "penyerapan": "Penyerapan anggaran",
             "capaian_instansi": "Capaian instansi", "predikat_instansi": "Predikat instansi"}
    lines += [f"{names[k]} {a} -> {b}" for k, (a, b) in d["total"].items() if a != b]
    for u in d["unit"]:
        lines.append(f"Unit '{u['unit']}': " + "; ".join(f"{k} {u[k][0]} -> {u[k][1]}" for k in ("pagu", "realisasi") if u[k][0] != u[k][1]))
    lines += [f"Narasi {label}: {', '.join(parts)}" for label, parts in d["narasi"].items() if parts]
    lines += [f"Profil {k}: '{a}' -> '{b}'" for k, (a, b) in d["profil"].items()]
    lines += laporan_lines(d.get("laporan", []))
    return lines
