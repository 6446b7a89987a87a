"""The whole build as one library call: read -> validate -> compute -> context -> render -> write."""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .compute import Hasil
from .model import Laporan
from .problems import Problem, errors, warnings


@dataclass
class BuildResult:
    workbook: Path
    output: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    hasil: Hasil | None = None
    error: str = ""  # a failure that is not a workbook problem (template, output file)
    timings: dict[str, float] = field(default_factory=dict)
    pdf: Path | None = None

    @property
    def ok(self) -> bool:
        return self.output is not None and not self.error


def slug(text: str) -> str:
    """`Kecamatan Kota Sumenep` -> `Kecamatan-Kota-Sumenep` (safe as a file name everywhere)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:80] or "Instansi"


def default_output(lap: Laporan, out_dir: Path) -> Path:
    name = lap.pengaturan.nama_berkas.strip() if lap.pengaturan.nama_berkas else ""
    stem = slug(name) if name else f"LKjIP-{slug(lap.profil.instansi)}-{lap.profil.tahun}"
    return out_dir / f"{stem}.docx"


def build(workbook: Path | str, out: Path | None = None, *, template: Path | None = None, assets: Path | None = None,
          out_dir: Path = Path("output"), pdf: bool = False) -> BuildResult:
    """Build one report. Nothing is written unless the whole build succeeds."""
    from .context import build_context
    from .output import OutputError, atomic_write_bytes
    from .render import RenderError, render_docx
    from .validate import check

    workbook = Path(workbook)
    res = BuildResult(workbook)
    t0 = time.perf_counter()
    _lap, hasil, res.problems = check(workbook, assets, res.timings)
    if hasil is None or errors(res.problems):
        return res
    res.hasil = hasil
    lap = hasil.laporan
    t = time.perf_counter()
    ctx = build_context(hasil)
    res.timings["context"] = time.perf_counter() - t
    t = time.perf_counter()
    try:
        data = render_docx(ctx, template)
    except RenderError as exc:
        res.error = str(exc)
        return res
    res.timings["render"] = time.perf_counter() - t
    target = Path(out) if out else default_output(lap, out_dir)
    if target.resolve() == workbook.resolve():
        res.error = "Berkas keluaran tidak boleh sama dengan workbook masukan."
        return res
    t = time.perf_counter()
    try:
        atomic_write_bytes(target, data)
    except OutputError as exc:
        res.error = str(exc)
        return res
    res.timings["save"] = time.perf_counter() - t
    res.output = target
    if pdf:
        from .pdf import PdfError, to_pdf

        try:
            res.pdf = to_pdf(target)
        except PdfError as exc:
            res.error = str(exc)
    res.timings["total"] = time.perf_counter() - t0
    return res


def summary_lines(res: BuildResult) -> list[str]:
    """The terminal summary of a build: output, counts, headline figures, warnings."""
    from .formatting import persen, rupiah

    lines = []
    if res.output:
        lines.append(f"Laporan ditulis: {res.output}")
    if res.pdf:
        lines.append(f"PDF ditulis: {res.pdf}")
    h = res.hasil
    if h is not None:
        lap = h.laporan
        lvl = {lv: sum(1 for ln in lap.budget_lines() if ln.level == lv) for lv in ("Program", "Kegiatan", "Sub Kegiatan")}
        n_ind = sum(len(n.indikator) for n in lap.nodes())
        lines.append(f"  {len(list(lap.nodes('Tujuan')))} tujuan, {len(list(lap.nodes('Sasaran')))} sasaran, {n_ind} indikator; "
                     f"{len(lap.unit)} unit anggaran: {lvl['Program']} program, {lvl['Kegiatan']} kegiatan, {lvl['Sub Kegiatan']} sub kegiatan")
        lines.append(f"  Capaian kinerja {persen(h.capaian_instansi)} ({h.predikat_instansi}); anggaran {rupiah(h.total.pagu)}, "
                     f"realisasi {rupiah(h.total.realisasi)}, penyerapan {persen(h.total.penyerapan)}")
    errs, warns = errors(res.problems), warnings(res.problems)
    if warns:
        lines.append(f"  {len(warns)} peringatan perlu diperiksa:")
        lines += [f"    {p.where}: {p.message}" for p in warns]
    if errs:
        lines.append(f"  {len(errs)} galat; laporan tidak dibuat:")
        lines += [f"    {p.where}: {p.message} Saran: {p.hint}" for p in errs]
    if res.error:
        lines.append(f"  Gagal: {res.error}")
    return lines
