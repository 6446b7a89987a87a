"""The one orchestrator: every command goes through here, and nothing here prints.

    check:  read (sheets) -> compute -> validate           -> (model, results, problems)
    build:  check -> context -> render -> write (output)    -> BuildResult
    diff:   check both revisions -> compare (diff)          -> (changes, problems)

`summary` turns the results into terminal lines.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from .base.model import Laporan
from .base.nama import WINDOWS_RESERVED, nama_berkas_problem, slug  # noqa: F401  (re-exported: public names of the build step)
from .base.problems import LkjipError, Problem, errors, sort_problems
from .compute.hasil import Hasil, compute

if TYPE_CHECKING:  # pragma: no cover
    from .checks.periksa import Kriteria


@dataclass
class BuildResult:
    workbook: Path
    output: Path | None = None
    problems: list[Problem] = field(default_factory=list)
    hasil: Hasil | None = None
    error: str = ""  # a failure that is not a workbook problem (template, output file)
    timings: dict[str, float] = field(default_factory=dict)
    pdf: Path | None = None
    notes: list[str] = field(default_factory=list)  # what the user should know about a written report
    pdf_error: str = ""  # the .docx is written, the PDF is not (exit code 3)
    daftar_error: str = ""  # --perbarui-daftar: the .docx is written without stored page numbers (exit code 3)

    @property
    def ok(self) -> bool:
        return self.output is not None and not self.error


class Report(NamedTuple):
    """What `check` finds: the model, the results and every problem, sorted. A tuple too, so
    `lap, hasil, problems = check(path)` reads as before; `hasil` is None when the workbook could not
    be read or lacks what everything rests on."""

    laporan: Laporan | None
    hasil: Hasil | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return errors(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        """The report can be built: the workbook was read and has no error."""
        return self.hasil is not None and not self.errors


def check(path: Path | str, assets_dir: Path | None = None,
          timings: dict[str, float] | None = None, izinkan_selisih: bool = False,
          abaikan: tuple[str, ...] | frozenset[str] = ()) -> Report:
    """Read, compute and validate a workbook: (model, results, all problems sorted).

    `timings` receives the seconds spent reading, computing and validating. Results are
    None when the workbook cannot be read, or lacks the sheets/columns everything rests on.
    `abaikan`: warning codes left out (`--abaikan`); an error is never left out.
    """
    from .checks.validate import validate
    from .read.sheets import read_workbook
    from .report.cek_teks import check_report_text

    clock = timings if timings is not None else {}
    t = time.perf_counter()
    lap, problems = read_workbook(path, assets_dir)
    clock["read"] = time.perf_counter() - t
    if lap is None:
        return Report(None, None, problems)
    if izinkan_selisih:  # --izinkan-selisih: as if Pengaturan said izinkan_selisih = Ya
        lap.pengaturan.izinkan_selisih = "Ya"
    structural = errors(problems)
    if any(p.code in ("sheet.tidak-ada", "kolom.tidak-ada") for p in structural) and not lap.unit and not lap.kinerja:
        return Report(lap, None, sort_problems(problems))
    t = time.perf_counter()
    hasil = compute(lap)
    clock["compute"] = time.perf_counter() - t
    t = time.perf_counter()
    problems = problems + validate(lap, hasil, problems) + check_report_text(lap, hasil, problems)
    clock["validate"] = time.perf_counter() - t
    if abaikan:
        problems = [p for p in problems if p.code not in abaikan or p.severity == "error"]
    return Report(lap, hasil, sort_problems(problems))


def default_output(lap: Laporan, out_dir: Path) -> Path:
    name = lap.pengaturan.nama_berkas.strip() if lap.pengaturan.nama_berkas else ""
    stem = slug(name) if name else f"LKjIP-{slug(lap.profil.instansi)}-{lap.profil.tahun}"
    return out_dir / f"{stem}.docx"


def build(workbook: Path | str, out: Path | None = None, *, template: Path | None = None, assets: Path | None = None,
          out_dir: Path = Path("output"), pdf: bool = False, izinkan_selisih: bool = False,
          perbarui_daftar: bool = False, abaikan: tuple[str, ...] = (),
          progress: Callable[[str], object] | None = None) -> BuildResult:
    """Build one report. Nothing is written unless the whole build succeeds.

    `izinkan_selisih`: a Belanja total differing from the Anggaran total is a warning, not an error.
    `perbarui_daftar`: lay the report out once in LibreOffice and store the page numbers of
    the Daftar Isi/Tabel/Gambar in the .docx (for LibreOffice/WPS users, whose programs do not
    refresh them on opening). Without LibreOffice the report is written as usual, with a note.
    With `pdf`, a PDF that cannot be made leaves the .docx written and says why in `pdf_error`;
    `progress(text)` receives a line now and then while LibreOffice works.
    """
    from .docx.render import render_docx
    from .report.context import build_context
    from .write.output import atomic_write_bytes

    workbook = Path(workbook)
    res = BuildResult(workbook)
    t0 = time.perf_counter()
    _lap, hasil, res.problems = check(workbook, assets, res.timings, izinkan_selisih, abaikan)
    if hasil is None or errors(res.problems):
        return res
    res.hasil = hasil
    lap = hasil.laporan
    try:
        t = time.perf_counter()
        ctx = build_context(hasil)
        res.timings["context"] = time.perf_counter() - t
        t = time.perf_counter()
        data = render_docx(ctx, template)
        res.timings["render"] = time.perf_counter() - t
        from .docx.rujukan import periksa as periksa_rujukan

        res.problems.extend(p for p in periksa_rujukan(lap, data)  # "lihat Tabel 2.3" against the numbers printed (20.9)
                            if p.code not in abaikan)
        target = Path(out) if out else default_output(lap, out_dir)
        within = None if out else out_dir  # a default name stays in its folder (an explicit --out may follow a link)
        inputs = {workbook.resolve()} | ({Path(template).resolve()} if template else set())
        if target.resolve() in inputs:
            raise LkjipError("Berkas keluaran tidak boleh sama dengan workbook masukan.")
        if pdf and target.with_suffix(".pdf").resolve() in inputs:
            raise LkjipError(f"PDF akan ditulis ke {target.with_suffix('.pdf')}, yaitu berkas masukan itu sendiri; "
                             "ditolak. Pakai --out dengan nama lain.")
        t = time.perf_counter()
        atomic_write_bytes(target, data, within=within)
        res.timings["save"] = time.perf_counter() - t
        res.output = target
        if perbarui_daftar:
            from .write.pdf import PdfError, daftar_halaman, to_pdf, uno_python

            t = time.perf_counter()
            try:
                if pdf and uno_python():
                    # one LibreOffice load does both: the indexes are updated, the PDF exported, and
                    # their texts come back for the .docx (the PDF already shows those page numbers)
                    texts: list[str] = []
                    try:
                        res.pdf = to_pdf(target, daftar=texts, progress=progress, within=within)
                    except PdfError as exc:
                        res.pdf_error = str(exc)
                        raise
                    if not texts:
                        raise PdfError("LibreOffice tidak mengembalikan daftar isi; nomor halaman tidak disimpan.")
                else:
                    texts = daftar_halaman(target)
                atomic_write_bytes(target, render_docx(ctx, template, texts), within=within)
                res.notes.append("Nomor halaman Daftar Isi/Tabel/Gambar disimpan di .docx (tata letak LibreOffice).")
            except PdfError as exc:
                res.daftar_error = str(exc)
            res.timings["daftar"] = time.perf_counter() - t
    except LkjipError as exc:
        res.error = str(exc)
        return res
    if pdf and res.pdf is None and not res.pdf_error:
        from .write.pdf import to_pdf

        try:
            res.pdf = to_pdf(target, progress=progress, within=within)
        except LkjipError as exc:
            res.pdf_error = str(exc)
    res.timings["total"] = time.perf_counter() - t0
    return res


def preload() -> None:
    """Import everything a build uses (docxtpl, python-docx, python-pptx, jinja2, every step) and ready the
    template's compiled code. A batch's parent does it once before it forks its workers, which then start
    with it: 0,3-0,4 s of imports less per report."""
    from .checks import validate  # noqa: F401
    from .docx import docx_package, finish, render, rujukan  # noqa: F401
    from .read import sheets  # noqa: F401
    from .report import cek_teks, charts, context  # noqa: F401

    charts.preload()
    render.environment()
    render.docx_template_class()  # imports docxtpl


def periksa_file(path: Path | str, assets: Path | None = None) -> tuple[list[Kriteria] | None, list[Problem]]:
    """Read and check a workbook, then judge it against the LKE criteria: (criteria, problems);
    criteria None when the workbook cannot be read. The self-check itself (`periksa.periksa`) only
    judges what it is given; reading is this step's, like `check`."""
    from .checks.periksa import periksa

    lap, hasil, problems = check(path, assets)
    if lap is None:
        return None, problems
    return periksa(lap, hasil, problems), problems


def diff(old_path: Path | str, new_path: Path | str, izinkan_selisih: bool = False,
         allow_errors: bool = False) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Check both revisions and compare them; (None, problems) when either cannot be read or has errors.

    `allow_errors`: a revision that is read but has errors is compared too (what changed is wanted
    exactly when the new revision has an error); None only when one cannot be read at all.
    Problems carry no file name, so each message is prefixed with which workbook it is about.
    """
    from .compare.diff import diff_results

    results: list[Hasil | None] = []
    problems: list[Problem] = []
    for label, path in (("lama", Path(old_path)), ("baru", Path(new_path))):
        _lap, hasil, found = check(path, izinkan_selisih=izinkan_selisih)
        problems += [dataclasses.replace(p, message=f"Workbook {label} ({path.name}): {p.message}") for p in found]
        results.append(None if hasil is None or (errors(found) and not allow_errors) else hasil)
    old, new = results
    if old is None or new is None:
        return None, problems
    try:
        return diff_results(old, new), problems
    except Exception:  # a revision with errors may lack what the comparison needs: said as unreadable
        if not allow_errors or not errors(problems):
            raise
        return None, problems
