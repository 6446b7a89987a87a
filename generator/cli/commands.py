"""Command line: `lkjip template | validate | periksa | build | context | diff` — thin layer over the library."""

from __future__ import annotations

import datetime as _dt
import os
import re
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click  # noqa: E402

from generator import os_why  # noqa: E402

from .. import __version__  # noqa: E402
from .text import Group  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from generator import BatchResult, BuildTask


def _parse_periode(text: str) -> tuple[int, int]:
    """--renstra read by the same rule as Profil.periode_renstra (`numbers.parse_periode`), within 1990-2100."""
    from generator import ParseError, parse_periode

    bounds = (f"'{text}': periode harus di antara 1990 dan 2100 dan paling panjang 10 tahun, contoh 2024-2026")
    try:
        awal, akhir = parse_periode(text)
    except ParseError:
        years = re.fullmatch(r"\s*(\d{4})\D+(\d{4})\s*", text or "")
        if years and int(years.group(1)) <= int(years.group(2)):  # read as a period, only too long
            raise click.BadParameter(bounds, param_hint="'--renstra'") from None
        raise click.BadParameter(f"'{text}' bukan periode, contoh yang benar: 2024-2026", param_hint="'--renstra'") from None
    if awal < 1990 or akhir > 2100:
        raise click.BadParameter(bounds, param_hint="'--renstra'")
    return awal, akhir


def _import_openpyxl_lean() -> None:
    """Import openpyxl without numpy and Pillow, unless something loaded them already.

    openpyxl imports both when they are installed, only to accept numpy numbers and images
    in workbooks it writes; lkjip writes neither, and the two imports cost about 0,1 s of
    `lkjip template` (openpyxl only writes: workbooks are read by `xlsx`). Called by `run`, in the
    program's own process, never by the library.
    """
    hidden = [name for name in ("numpy", "PIL") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import numpy` now raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


EXIT_CODES = """\b
Kode keluar:
  0  berhasil (validate: workbook sah; diff: tidak ada perubahan)
  1  gagal: workbook berisi galat, atau berkas tujuan tidak dapat atau tidak boleh ditulis; tidak ada
     berkas yang ditulis untuk workbook itu (diff: ada perubahan)
  2  salah pemakaian (perintah/pilihan salah; diff: workbook tidak dapat dibaca)
  3  build --pdf / --perbarui-daftar: laporan .docx ditulis, tetapi PDF atau nomor halaman daftar
     isi tidak dapat dibuat
  130/143  dihentikan (Ctrl+C / SIGTERM); laporan yang sudah ditulis disebutkan
Galat dan kegagalan dicetak ke stderr; stdout hanya berisi hasil."""


def _err(message: str) -> None:
    click.echo(message, err=True)


def _fail(message: str, code: int = 1) -> None:
    _err(f"Galat: {message}")
    sys.exit(code)


@click.group("lkjip", cls=Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, "--version", prog_name="lkjip", help="Tampilkan versi lalu keluar.",
                      message="%(prog)s, versi %(version)s")
def main() -> None:
    """lkjip: workbook Excel standar -> Laporan Kinerja (LKjIP) Word.

    \b
    Contoh:
      lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
      lkjip validate LKjIP-2024.xlsx
      lkjip build LKjIP-2024.xlsx
      lkjip template --dari LKjIP-2024.xlsx   (workbook tahun berikutnya)
    """
    import signal

    from generator import reset_stop

    reset_stop()
    # SIGTERM unwinds like Ctrl+C, so a half-written temporary file is removed
    if hasattr(signal, "SIGTERM"):
        try:
            signal.signal(signal.SIGTERM, _terminate)
        except ValueError:  # not in the main thread (e.g. some test runners)
            pass


def _terminate(signum: int, _frame) -> None:
    """SIGTERM: nothing more is renamed into place (even if the exit below is lost), then unwind."""
    from generator import request_stop

    request_stop(signum)
    sys.exit(128 + signum)


def _interrupt(signum: int, _frame) -> None:
    """Ctrl+C: as SIGTERM, then Python's own KeyboardInterrupt."""
    from generator import request_stop

    request_stop(signum)
    raise KeyboardInterrupt


TAHUN = click.IntRange(1990, 2100)


@main.command(epilog=EXIT_CODES)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="BERKAS.xlsx",
              help="Berkas tujuan, berakhiran .xlsx (bawaan: workbook-lkjip-<tahun>.xlsx). Berkas yang sudah ada "
                   "tidak ditimpa kecuali dengan --timpa.")
@click.option("--tahun", type=TAHUN, default=None, metavar="TAHUN", help="Tahun laporan, 1990-2100 (bawaan: tahun lalu).")
@click.option("--renstra", default=None, metavar="AWAL-AKHIR",
              help="Periode Renstra, contoh 2024-2026, paling panjang 10 tahun (bawaan: tahun s.d. tahun+2).")
@click.option("--timpa", "--force", "timpa", is_flag=True,
              help="Ganti berkas tujuan yang sudah ada (mis. workbook yang sudah diisi: isinya hilang). "
                   "Tidak berlaku untuk --dari (tidak pernah menimpa).")
@click.option("--dari", type=click.Path(path_type=Path, readable=False), default=None, metavar="WORKBOOK.xlsx",
              help="Workbook tahun lalu: workbook tahun berikutnya (--tahun bawaan: tahunnya + 1) dibuat darinya: "
                   "struktur, target Renstra, riwayat realisasi. Berkas yang sudah ada tidak pernah ditimpa.")
def template(out: Path | None, tahun: int | None, renstra: str | None, timpa: bool, dari: Path | None) -> None:
    """Tulis workbook standar kosong untuk diisi, atau workbook tahun berikutnya dari workbook tahun lalu (--dari).

    \b
    Contoh:  lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
             lkjip template --dari LKjIP-2024.xlsx            (menulis LKjIP-2025.xlsx; berkas yang ada tidak ditimpa)
    """
    if dari is not None:
        if timpa:
            raise click.UsageError("--timpa tidak berlaku untuk --dari: workbook tahun berikutnya tidak pernah menimpa "
                                   "berkas yang ada. Pakai --out dengan nama lain, atau pindahkan/hapus berkas itu dulu.")
        if out is not None and out.suffix.lower() != ".xlsx":
            raise click.BadParameter(f"'{out}' tidak berakhiran .xlsx; workbook ditulis sebagai .xlsx, mis. --out "
                                     f"{out.with_suffix('.xlsx').name}", param_hint="'--out'")
        _template_dari(dari, out, tahun, _parse_periode(renstra) if renstra else None)
        return
    from generator import OutputError, TargetExists, write_blank

    tahun = tahun or _dt.date.today().year - 1
    periode = _parse_periode(renstra) if renstra else (tahun, tahun + 2)
    out = out or Path(f"workbook-lkjip-{tahun}.xlsx")
    if out.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"'{out}' tidak berakhiran .xlsx; workbook ditulis sebagai .xlsx, mis. --out "
                                 f"{out.with_suffix('.xlsx').name}", param_hint="'--out'")
    try:
        write_blank(out, tahun, periode, overwrite=timpa)
    except TargetExists:
        _fail(f"Berkas {out} sudah ada dan tidak ditimpa (mungkin workbook yang sudah diisi). "
              "Pakai --out dengan nama lain, atau tambahkan --timpa untuk menggantinya dengan workbook kosong.")
    except OutputError as exc:
        _fail(str(exc))
    click.echo(f"Workbook kosong ditulis: {out}")


def _template_dari(dari: Path, out: Path | None, tahun: int | None, periode: tuple[int, int] | None) -> None:
    from generator import LkjipError, buat_tahun_baru

    try:
        res = buat_tahun_baru(dari, out, tahun, periode)
    except LkjipError as exc:
        _fail(str(exc))
    except Exception as exc:  # a bug must read as one, not as a traceback; nothing was written (atomic write)
        _fail(_internal(f"membuat workbook tahun berikutnya dari {dari}", exc))
    click.echo(f"Workbook {res.tahun} ditulis: {res.path} (dari workbook {res.tahun_lama}). Yang perlu diisi atau diperiksa "
               "(juga dicatat di akhir sheet Petunjuk):")
    for line in res.catatan:
        click.echo(f"  - {line}")
    click.echo(f"Lalu: lkjip validate {res.path}, lkjip periksa {res.path}, lkjip build {res.path}")


def format_option(fn):
    """The one `--format text|json` option (validate, periksa, diff)."""
    return click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                        help="text untuk dibaca, json untuk program lain.")(fn)


def assets_option(help: str = "Folder gambar (bawaan: folder workbook)."):
    """The one `--assets FOLDER` option (validate, build, context)."""
    return click.option("--assets", type=click.Path(file_okay=False, path_type=Path, readable=False), default=None,
                        metavar="FOLDER", help=help)


def izinkan_selisih_option(help: str):
    """The one `--izinkan-selisih` flag (validate, build, diff); its help says what it does there."""
    return click.option("--izinkan-selisih", is_flag=True, help=help)


def _abaikan_codes(_ctx, _param, values: tuple[str, ...]) -> tuple[str, ...]:
    """--abaikan KODE: only warnings, and only codes lkjip knows, may be left out."""
    from generator import CATALOGUE, ERROR, load_all_codes

    load_all_codes()
    codes = tuple(dict.fromkeys(v.strip() for v in values if v.strip()))
    for code in codes:
        if code not in CATALOGUE:
            raise click.BadParameter(f"kode '{code}' tidak dikenal; daftar kode: docs/problems.md.", param_hint="'--abaikan'")
        if CATALOGUE[code][0] == ERROR:
            raise click.BadParameter(f"'{code}' adalah galat dan tidak dapat diabaikan; hanya peringatan yang dapat diabaikan.",
                                     param_hint="'--abaikan'")
    return codes


def abaikan_option(fn):
    """The one `--abaikan KODE` option of validate, build and diff."""
    return click.option("--abaikan", "abaikan", multiple=True, metavar="KODE", callback=_abaikan_codes,
                        help="Lewati peringatan berkode ini (boleh berulang), mis. --abaikan kinerja.capaian-ekstrem "
                             "untuk peringatan yang sudah diperiksa. Galat tidak dapat diabaikan.")(fn)


def _print_problems(problems, fmt: str, err: bool = False) -> None:
    from generator import problem_lines, problems_json

    if fmt == "json":
        click.echo(problems_json(problems), err=err)
        return
    for line in problem_lines(problems):
        click.echo(line, err=err)


def _internal(what: str, exc: BaseException) -> str:
    """The Indonesian line for a bug of lkjip's own; with LKJIP_DEBUG=1 the exception is raised again
    (with its traceback) instead, for whoever fixes it. Call it only inside the `except` block."""

    if os.environ.get("LKJIP_DEBUG", "").strip() not in ("", "0"):
        raise exc
    return (f"Kesalahan internal lkjip saat {what}: {type(exc).__name__}: {exc}. "
            "Mohon laporkan bersama workbook-nya.")


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path, readable=False))
@format_option
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@assets_option()
@izinkan_selisih_option("Total sheet Belanja boleh berbeda dari total Anggaran (peringatan, bukan galat); sama dengan "
                        "izinkan_selisih = Ya di Pengaturan.")
@abaikan_option
def validate(workbook: Path, fmt: str, strict: bool, assets: Path | None, izinkan_selisih: bool,
             abaikan: tuple[str, ...] = ()) -> None:
    """Periksa workbook dan tampilkan semua masalah sekaligus (ke stdout: itulah hasilnya).

    \b
    Kode keluar: 0 sah (peringatan boleh), 1 ada galat (atau peringatan dengan --strict), 2 salah pemakaian.
    Contoh:  lkjip validate workbooks/kecamatan-alok-2024.xlsx --format json
    """
    from generator import check, errors, warnings

    try:
        _lap, _hasil, problems = check(workbook, assets, izinkan_selisih=izinkan_selisih, abaikan=abaikan)
    except Exception as exc:  # a bug must read as one, not as a traceback
        _err(_internal(f"memeriksa {workbook}", exc))
        sys.exit(1)
    _print_problems(problems, fmt)
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    if fmt == "text":
        if n_err:
            click.echo(f"{n_err} galat, {n_warn} peringatan: workbook belum dapat dibuat laporannya.")
        else:
            click.echo(f"Workbook sah ({n_warn} peringatan).")
    sys.exit(1 if n_err or (strict and n_warn) else 0)


def _build_one(task: BuildTask) -> BatchResult:
    """Worker for batch builds (runs in a child process); returns a picklable `BatchResult`."""
    import gc

    from generator import BatchResult, build, errors, summary_lines

    try:
        res = build(task.workbook, task.out, template=task.template, assets=task.assets, out_dir=task.out_dir, pdf=task.pdf,
                    izinkan_selisih=task.izinkan_selisih, perbarui_daftar=task.daftar, abaikan=task.abaikan)
    except Exception as exc:  # a bug must not stop the other workbooks, nor pass in silence
        return BatchResult(str(task.workbook), why=_internal("membuat laporan", exc))
    finally:
        gc.collect()  # the next workbook of this worker starts clean (automatic collection is off)
    first = errors(res.problems)[:1]
    why = res.error or (f"{len(errors(res.problems))} galat, mis. {first[0].where}: {first[0].message}" if first else "")
    no_pdf = "; ".join(x for x in (res.pdf_error, res.daftar_error and f"nomor halaman daftar isi tidak disimpan: "
                                                                       f"{res.daftar_error}") if x)
    return BatchResult(str(task.workbook), str(res.output) if res.ok else None, why, tuple(summary_lines(res)),
                       len(res.problems), str(res.pdf) if res.pdf else None, no_pdf)


def _crashed(task: BuildTask, exc: BaseException) -> BatchResult:
    """The failure of one workbook whose worker process died; the other workbooks are built."""
    import signal

    sig = getattr(exc, "signal", None)
    code = getattr(exc, "exitcode", None)
    from generator import BatchResult

    wb = task.workbook
    if sig == signal.SIGKILL:
        why = ("proses pekerja untuk workbook ini dihentikan paksa oleh sistem (biasanya karena memori habis); laporan "
               f"tidak dibuat. Tutup program lain lalu buat ulang workbook ini sendiri: lkjip build {wb}.")
    elif sig is not None or code:
        what = f"sinyal {signal.Signals(sig).name}" if sig is not None and sig in signal.Signals._value2member_map_ \
            else f"sinyal {sig}" if sig is not None else f"kode {code}"
        why = (f"proses pekerja berhenti mendadak saat membaca atau menulis workbook ini ({what}); laporan tidak dibuat. "
               f"Periksa workbook ini sendiri: lkjip validate {wb}; bila berhenti lagi, buka di Excel lalu simpan ulang "
               "sebagai .xlsx, dan laporkan bersama workbook-nya bila tetap terjadi.")
    else:
        detail = getattr(exc, "detail", "") or type(exc).__name__
        why = f"Kesalahan internal lkjip saat membuat laporan: {detail}. Mohon laporkan bersama workbook-nya."
    return BatchResult(str(wb), why=why)


def _check_out(out: Path | None) -> None:
    if out is not None and out.suffix.lower() != ".docx":
        hint = (f"untuk PDF pakai --out {out.with_suffix('.docx')} --pdf (PDF ditulis di sampingnya: {out})"
                if out.suffix.lower() == ".pdf" else f"mis. --out {out.with_suffix('.docx')}")
        raise click.BadParameter(f"'{out}': laporan ditulis sebagai .docx, jadi nama berkas harus berakhiran .docx; {hint}.",
                                 param_hint="'--out'")


@main.command(epilog=EXIT_CODES)
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="BERKAS.docx",
              help="Berkas .docx tujuan (hanya untuk satu workbook). Bawaan: <out-dir>/LKjIP-<instansi>-<tahun>.docx")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"), show_default=True,
              metavar="FOLDER", help="Folder keluaran.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None, metavar="BERKAS.docx",
              help="Template Word (docxtpl) Anda sendiri; bawaan: template standar lkjip.")
@assets_option("Folder gambar (logo, struktur organisasi); bawaan: folder workbook.")
@click.option("--pdf", is_flag=True, help="Tulis juga PDF (butuh LibreOffice), dengan daftar isi dan nomor halaman "
                                          "diperbarui. Bila PDF gagal, .docx tetap ditulis dan kode keluar 3.")
@click.option("--perbarui-daftar", "daftar", is_flag=True,
              help="Simpan nomor halaman Daftar Isi/Tabel/Gambar di .docx (butuh LibreOffice), untuk pembaca "
                   "LibreOffice/WPS yang tidak memperbaruinya sendiri.")
@click.option("--jobs", type=click.IntRange(1, 256), default=None, metavar="N",
              help="Jumlah proses paralel untuk banyak workbook (bawaan: jumlah inti CPU).")
@izinkan_selisih_option("Total sheet Belanja boleh berbeda dari total Anggaran: laporan memakai total Anggaran dan menyebut "
                        "selisihnya.")
@click.option("--waktu", is_flag=True, hidden=True, help="Cetak rincian waktu tiap langkah (JSON, ke stderr).")
@abaikan_option
def build(workbooks: tuple[Path, ...], out: Path | None, out_dir: Path, template: Path | None, assets: Path | None,
          pdf: bool, daftar: bool, jobs: int | None, izinkan_selisih: bool, waktu: bool, abaikan: tuple[str, ...] = ()) -> None:
    """Buat laporan LKjIP (.docx) dari workbook; boleh beberapa workbook atau folder sekaligus.

    \b
    Contoh:
      lkjip build workbooks/kecamatan-alok-2024.xlsx
      lkjip build workbooks/ --pdf
      lkjip build workbooks/kecamatan-alok-2024.xlsx --perbarui-daftar
    Berkas lain di folder (.xls, .xlsm, .ods, ...) dilewati dan disebutkan. Dua workbook yang akan
    menulis laporan bernama sama tidak dibuat: keduanya disebutkan (beri nama_berkas berbeda di Pengaturan).
    """
    from generator import expand

    _check_out(out)
    files, skipped = expand(workbooks)
    for s in skipped:
        _err(f"Dilewati: {s.path}: {s.why}.")
    if not files:
        raise click.UsageError("Tidak ada workbook .xlsx yang ditemukan.")
    if out and len(files) > 1:
        raise click.UsageError("--out hanya dapat dipakai untuk satu workbook; pakai --out-dir untuk banyak workbook.")
    if len(files) == 1 and waktu:
        import json

        from generator import build as run_build

        res = run_build(files[0], out, template=template, assets=assets, out_dir=out_dir, pdf=pdf, izinkan_selisih=izinkan_selisih,
                        perbarui_daftar=daftar, abaikan=abaikan)
        _err(json.dumps(res.timings))
        sys.exit(0 if res.ok else 1)
    if len(files) == 1:
        from generator import BuildTask

        _build_single(BuildTask(files[0], out, template, assets, out_dir, pdf, izinkan_selisih, daftar, abaikan))
    _build_batch(files, out_dir, template, assets, pdf, jobs, izinkan_selisih, daftar, abaikan)


def _build_single(task: BuildTask) -> None:
    from generator import build as run_build
    from generator import errors, summary_lines

    progress = _err if task.pdf else None
    try:
        with _one_libreoffice(task.pdf or task.daftar):
            res = run_build(task.workbook, task.out, template=task.template, assets=task.assets, out_dir=task.out_dir,
                            pdf=task.pdf, izinkan_selisih=task.izinkan_selisih, perbarui_daftar=task.daftar,
                            abaikan=task.abaikan, progress=progress)
    except Exception as exc:  # a bug must read as one, not as a traceback
        _err(_internal("membuat laporan", exc))
        sys.exit(1)
    lines = summary_lines(res)
    if res.ok and res.hasil is not None:
        lines += _periksa_pointer(res, task.workbook)
    for line in lines:
        click.echo(line, err=not res.ok)
    if not res.ok and not res.error and not errors(res.problems):
        _err("Gagal: laporan tidak dibuat.")
    if res.ok and res.daftar_error:
        _err(f"Nomor halaman daftar isi tidak disimpan (laporan .docx tetap ditulis): {res.daftar_error}")
    if res.ok and res.pdf_error:
        _err(f"PDF tidak dibuat: {res.pdf_error}")
    if res.ok and (res.pdf_error or res.daftar_error):
        sys.exit(3)
    sys.exit(0 if res.ok else 1)


def _build_batch(files: list[Path], out_dir: Path, template: Path | None, assets: Path | None, pdf: bool,
                 jobs: int | None, izinkan_selisih: bool = False, daftar: bool = False, abaikan: tuple[str, ...] = ()) -> None:

    from generator import BuildTask, Stopped, collisions, planned_output, preload, run_batch, same_file_key

    unique: dict[str, Path] = {}
    for f in files:  # one workbook named twice (`a.xlsx ./a.xlsx`) is built once
        if same_file_key(f) in unique:
            _err(f"Dilewati: {f}: workbook yang sama dengan {unique[same_file_key(f)]}, sudah disebut.")
        else:
            unique[same_file_key(f)] = f
    files = list(unique.values())
    plans = {f: planned_output(f, out_dir) for f in files}
    clash = collisions(plans)
    tasks = [BuildTask(f, plans[f], template, assets, out_dir, pdf, izinkan_selisih, daftar, abaikan)
             for f in files if f not in clash]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(tasks) or 1))
    results: list[BatchResult] = []
    try:
        with click.progressbar(length=len(tasks), label="Membuat laporan", file=sys.stderr) as bar, \
                _one_libreoffice(pdf or daftar, layani=True, berapa=workers):
            results = run_batch(_build_one, tasks, [t.out for t in tasks], workers, on_result=lambda _r: bar.update(1),
                                on_crash=_crashed, warm=preload)
    except Stopped as stop:
        from generator import reset_stop

        reset_stop()  # said here, with the batch's figures, not again by the command group
        _err("")
        for r in sorted(stop.results):
            if r.output:
                click.echo(f"OK     {r.workbook} -> {r.output}")
        written = [r.output for r in stop.results if r.output] + [str(p) for p in stop.written_unreported]
        _err(f"Dihentikan: {len(written)} laporan sudah ditulis" + (f" ({', '.join(written)})" if written else "")
             + f"; {len(stop.not_built)} workbook belum dibuat laporannya"
             + (f" ({', '.join(map(str, stop.not_built))})." if stop.not_built else "."))
        sys.exit(stop.code)
    failed = no_pdf = built = 0
    for wb, others in sorted(clash.items()):
        failed += 1
        _err(f"GAGAL  {wb}: laporannya akan bernama sama dengan laporan dari {', '.join(map(str, others))} "
             f"({plans[wb]}); tidak dibuat agar tidak saling menimpa. Beri nama_berkas berbeda di sheet Pengaturan.")
    for r in sorted(results):
        wb, output, why, n, pdf_out, pdf_why = r.workbook, r.output, r.why, r.warnings, r.pdf, r.no_pdf
        if output:
            built += 1
            click.echo(f"OK     {wb} -> {output}" + (f" ({n} peringatan; rinciannya: lkjip validate {wb})" if n else "")
                       + (f", PDF {pdf_out}" if pdf_out else ""))
            if pdf_why:
                no_pdf += 1
                _err(f"{'PDF GAGAL' if pdf else 'DAFTAR ISI GAGAL'}  {wb}: {pdf_why}")
        else:
            failed += 1
            _err(f"GAGAL  {wb}: {why}")
    click.echo(f"{built} laporan dibuat, {failed} gagal."
               + (f" {no_pdf} {'PDF' if pdf else 'daftar isi'} tidak dibuat." if no_pdf else ""))
    sys.exit(1 if failed else 3 if no_pdf else 0)


def _one_libreoffice(wanted: bool, layani: bool = False, berapa: int = 1):
    """One LibreOffice for every PDF (and page number) of this command, started at once so that its start
    overlaps the building of the first report, ended with the command; with `layani` the workers forked
    by `batch.run` send their documents to it, and a batch of `berapa` workers gets up to two (issue 25.10)."""
    import contextlib

    if not wanted:
        return contextlib.nullcontext()
    from generator import satu_libreoffice

    return satu_libreoffice(layani=layani, dini=True, berapa=berapa)


def _periksa_pointer(res, workbook) -> list[str]:
    """The one line pointing to `lkjip periksa` when an evaluation criterion is `belum`."""
    from generator import periksa, pointer_line

    try:
        line = pointer_line(periksa(res.hasil.laporan, res.hasil, res.problems), workbook)
    except Exception:  # advice only: the report is written already, and `lkjip periksa` says what went wrong
        return []
    return [line] if line else []


@main.command(name="periksa")
@click.argument("workbook", type=click.Path(path_type=Path, readable=False))
@format_option
def periksa_cmd(workbook: Path, fmt: str) -> None:
    """Periksa kesiapan laporan terhadap kriteria mutu Pelaporan Kinerja evaluator (LKE PermenPANRB 88/2021).

    \b
    Untuk setiap kriteria: terpenuhi / sebagian / belum / tidak-dapat-diperiksa, buktinya (sheet!sel) dan
    apa yang perlu diisi. Ini saran, bukan nilai resmi.
    Kode keluar: 0 (apa pun statusnya), 1 workbook tidak dapat dibaca, 2 salah pemakaian.
    Contoh:  lkjip periksa LKjIP-2024.xlsx --format json
    """
    from generator import periksa_file, periksa_json, periksa_lines

    try:
        kriteria, problems = periksa_file(workbook)
    except Exception as exc:  # a bug must read as one, not as a traceback
        _err(_internal(f"memeriksa {workbook}", exc))
        sys.exit(1)
    if kriteria is None:
        _print_problems(problems, "text", err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(periksa_json(kriteria))
    else:
        for line in periksa_lines(kriteria, problems, workbook):
            click.echo(line)

@main.command()
@click.argument("workbook", type=click.Path(path_type=Path, readable=False))
@assets_option()
def context(workbook: Path, assets: Path | None) -> None:
    """Cetak seluruh konteks template (JSON): setiap variabel yang dapat dipakai template Word.

    \b
    Contoh:  lkjip context workbooks/kecamatan-alok-2024.xlsx > konteks.json
    Kode keluar: 0 konteks dicetak, 1 workbook berisi galat (dicetak ke stderr, jadi konteks.json
    tidak tercampur), 2 salah pemakaian.
    """
    from generator import check, context_json, errors

    try:
        _lap, hasil, problems = check(workbook, assets)
        if hasil is None or errors(problems):
            _print_problems(errors(problems), "text", err=True)
            sys.exit(1)
        text = context_json(hasil)
    except Exception as exc:  # a bug must read as one, not as a traceback
        _err(_internal(f"menyusun konteks {workbook}", exc))
        sys.exit(1)
    click.echo(text)


@main.command()
@click.argument("old", type=click.Path(path_type=Path, readable=False))
@click.argument("new", type=click.Path(path_type=Path, readable=False))
@format_option
@izinkan_selisih_option("Seperti build --izinkan-selisih: total Belanja yang berbeda dari total Anggaran bukan galat.")
def diff(old: Path, new: Path, fmt: str, izinkan_selisih: bool) -> None:
    """Tampilkan perubahan antara dua revisi workbook, dalam istilah laporan.

    \b
    Contoh:  lkjip diff LKjIP-2024-revisi1.xlsx LKjIP-2024-revisi2.xlsx
    Kode keluar: 0 tidak ada perubahan, 1 ada perubahan, 2 workbook tidak dapat dibaca atau salah pemakaian.
    Galat dicetak ke stderr; stdout hanya berisi perubahan. Workbook yang terbaca tetapi berisi galat tetap
    dibandingkan (galatnya dicetak ke stderr).
    """
    import json

    from generator import ada_perubahan, diff_lines, errors
    from generator import diff as diff_revisions

    result, problems = diff_revisions(old, new, izinkan_selisih=izinkan_selisih, allow_errors=True)
    if result is None:
        _print_problems(errors(problems) or problems, "text", err=True)
        sys.exit(2)
    if errors(problems):  # read, compared, but not yet buildable: said beside the changes
        _err(f"Catatan: {len(errors(problems))} galat (laporan belum dapat dibuat dari workbook itu); perubahan di "
             "bawah tetap dibandingkan:")
        _print_problems(errors(problems), "text", err=True)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for line in diff_lines(result):
            click.echo(line)
    sys.exit(1 if ada_perubahan(result) else 0)

@main.command()
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port; 0 memilih port yang bebas.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Alamat yang didengarkan; selain 127.0.0.1, komputer lain dapat menghubungi server (ada peringatan).")
@click.option("--tanpa-buka", is_flag=True, help="Jangan membuka browser; alamatnya tetap dicetak.")
def serve(folder: Path, port: int, host: str, tanpa_buka: bool) -> None:
    """Buka halaman web lokal untuk FOLDER (bawaan: folder ini): unggah, periksa, buat laporan di browser.

    \b
    Hanya di komputer ini (127.0.0.1), tanpa internet; Ctrl+C untuk berhenti.
    Contoh:  lkjip serve workbooks/
    """
    from ..web import serve as run_serve

    sys.exit(run_serve(folder, host=host, port=port, open_browser=not tanpa_buka, echo=click.echo))


from ..gabung.perintah import gabung_cmd  # noqa: E402  (issue 23: many workbooks, one recap)

main.add_command(gabung_cmd)

from ..sipd.perintah import impor_sipd_cmd  # noqa: E402  (issue 24: the command lives in its own subpackage)

main.add_command(impor_sipd_cmd)


class _Stdout:
    """stdout for `run`: a reader that went away (`| head -1`) ends the writing, silently; another write
    error (`> /dev/full`) is kept for the end. Either way the command runs to its own exit code (click
    would exit 1 on the first broken pipe, even after `build` wrote its report)."""

    def __init__(self, stream) -> None:
        self._stream = stream
        self.broken = False
        self.error: OSError | None = None

    def _guard(self, call, *args):
        if self.broken or self.error is not None:
            return None
        try:
            return call(*args)
        except BrokenPipeError:
            self.broken = True
        except (OSError, ValueError) as exc:  # ValueError: stdout closed
            self.error = exc if isinstance(exc, OSError) else OSError(str(exc))
        return None

    def write(self, text):
        self._guard(self._stream.write, text)
        return len(text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _flush_or_fail(code: int, quiet: bool = False) -> int:
    """Flush stdout and stderr. Output that cannot be written (`> /dev/full`, a full disk) is a failure,
    said on stderr (exit 1); a reader that went away (`| head`) is not."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    except (OSError, ValueError) as exc:
        if not quiet:
            try:
                sys.stderr.write(f"Galat: hasil tidak dapat ditulis ke stdout: {os_why(exc)}. Hasilnya tidak lengkap.\n")
            except (OSError, ValueError):
                pass
        code = code or 1
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    return code


def run() -> None:
    """The `lkjip` program: run the command, flush its output, end the process at once.

    Process-wide settings live here, not in `main`, which tests call in-process. A large
    workbook leaves a large heap; letting the interpreter tear it down object by object
    costs 0,25 s and more after every command, for nothing: the process ends anyway.
    Files are written and closed by the time a command returns, so once output is
    flushed the process can end with `os._exit`.
    """
    import gc

    # A command is one short process whose objects live until it ends: the cyclic garbage
    # collector would only re-scan the growing model (a tenth of a large build) to free a
    # few MB. Batch workers collect between workbooks (`_build_one`).
    gc.disable()
    from generator import stop_requested  # before the handlers below, which use it (until then: `_stopped_while_starting`)

    # the stop handlers from the start: a stop during the imports below is a stop too
    for sig, handler in ((getattr(signal, "SIGTERM", None), _terminate), (signal.SIGINT, _interrupt)):
        if sig is not None:
            signal.signal(sig, handler)

    if sys.argv[1:2] == ["template"]:
        _import_openpyxl_lean()
    quiet = False
    stdout = sys.stdout = _Stdout(sys.stdout)
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    except OSError as exc:  # the result could not be written (stdout on a full disk)
        sys.stderr.write(f"Galat: hasil tidak dapat ditulis: {os_why(exc)}. Hasilnya tidak lengkap.\n")
        code, quiet = 1, True
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    if stop_requested() is not None and code in (0, 1, 3):  # a stop some library swallowed is still a stop
        code = 128 + stop_requested()
    stdout.flush()
    sys.stdout = stdout._stream
    if stdout.error is not None and not quiet:
        if sys.argv[1:2] == ["build"]:  # the result is the report; what it says on stdout is a summary
            sys.stderr.write(f"Catatan: ringkasan tidak dapat ditulis ke stdout ({os_why(stdout.error)}); "
                             "kode keluar menyatakan hasil build.\n")
        else:  # the result is what goes to stdout
            sys.stderr.write(f"Galat: hasil tidak dapat ditulis ke stdout: {os_why(stdout.error)}. Hasilnya tidak lengkap.\n")
            code = code or 1
        quiet = True
    code = _flush_or_fail(code, quiet or stdout.broken)
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
