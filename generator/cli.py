"""Command line: `lkjip template | validate | periksa | build | context | diff` — thin layer over the library."""

from __future__ import annotations

import datetime as _dt
import re
import sys
from pathlib import Path

import click

from . import __version__


def _parse_periode(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", text or "")
    if not m or int(m.group(1)) > int(m.group(2)):
        raise click.BadParameter(f"'{text}' bukan periode, contoh yang benar: 2024-2026")
    return int(m.group(1)), int(m.group(2))


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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkjip")
def main() -> None:
    """lkjip: workbook Excel standar -> Laporan Kinerja (LKjIP) Word.

    \b
    Contoh:
      lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
      lkjip validate LKjIP-2024.xlsx
      lkjip periksa LKjIP-2024.xlsx
      lkjip build LKjIP-2024.xlsx
      lkjip template --dari LKjIP-2024.xlsx   (workbook tahun berikutnya)
    """
    import signal

    # SIGTERM unwinds like Ctrl+C, so a half-written temporary file is removed
    if hasattr(signal, "SIGTERM"):
        try:
            signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))
        except ValueError:  # not in the main thread (e.g. some test runners)
            pass


@main.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas tujuan (bawaan: workbook-lkjip-<tahun>.xlsx).")
@click.option("--tahun", type=int, default=None, help="Tahun laporan (bawaan: tahun lalu).")
@click.option("--renstra", default=None, help="Periode Renstra, contoh 2024-2026 (bawaan: tahun s.d. tahun+2).")
@click.option("--dari", type=click.Path(path_type=Path), default=None,
              help="Workbook tahun lalu: workbook tahun berikutnya (--tahun bawaan: tahunnya + 1) dibuat darinya: "
                   "struktur, target Renstra, riwayat realisasi. Berkas yang sudah ada tidak ditimpa.")
def template(out: Path | None, tahun: int | None, renstra: str | None, dari: Path | None) -> None:
    """Tulis workbook standar kosong untuk diisi, atau workbook tahun berikutnya dari workbook tahun lalu (--dari).

    \b
    Contoh:  lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
             lkjip template --dari LKjIP-2024.xlsx            (menulis LKjIP-2025.xlsx; berkas yang ada tidak ditimpa)
    """
    if dari is not None:
        _template_dari(dari, out, tahun, _parse_periode(renstra) if renstra else None)
        return
    from .blank import write_blank
    from .output import OutputError

    tahun = tahun or _dt.date.today().year - 1
    periode = _parse_periode(renstra) if renstra else (tahun, tahun + 2)
    out = out or Path(f"workbook-lkjip-{tahun}.xlsx")
    try:
        write_blank(out, tahun, periode)
    except OutputError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Workbook kosong ditulis: {out}")


def _template_dari(dari: Path, out: Path | None, tahun: int | None, periode: tuple[int, int] | None) -> None:
    from .problems import LkjipError
    from .tahun_baru import buat_tahun_baru

    try:
        res = buat_tahun_baru(dari, out, tahun, periode)
    except LkjipError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Workbook {res.tahun} ditulis: {res.path} (dari workbook {res.tahun_lama}). Yang perlu diisi atau diperiksa "
               "(juga dicatat di akhir sheet Petunjuk):")
    for line in res.catatan:
        click.echo(f"  - {line}")
    click.echo(f"Lalu: lkjip validate {res.path}, lkjip periksa {res.path}, lkjip build {res.path}")


def _print_problems(problems, fmt: str) -> None:
    from .summary import problem_lines, problems_json

    if fmt == "json":
        click.echo(problems_json(problems))
        return
    for line in problem_lines(problems):
        click.echo(line)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text untuk dibaca, json untuk program lain.")
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@click.option("--assets", type=click.Path(file_okay=False, path_type=Path, readable=False), default=None,
              help="Folder gambar (bawaan: folder workbook).")
@click.option("--izinkan-selisih", is_flag=True,
              help="Total sheet Belanja boleh berbeda dari total Anggaran (peringatan, bukan galat); sama dengan izinkan_selisih = Ya di Pengaturan.")
def validate(workbook: Path, fmt: str, strict: bool, assets: Path | None, izinkan_selisih: bool) -> None:
    """Periksa workbook dan tampilkan semua masalah sekaligus.

    \b
    Kode keluar: 0 sah (peringatan boleh), 1 ada galat (atau peringatan dengan --strict), 2 salah pemakaian.
    Contoh:  lkjip validate workbooks/kecamatan-alok-2024.xlsx --format json
    """
    from .pipeline import check
    from .problems import errors, warnings

    try:
        _lap, _hasil, problems = check(workbook, assets, izinkan_selisih=izinkan_selisih)
    except Exception as exc:  # a bug must read as one, not as a traceback
        click.echo(f"Kesalahan internal lkjip saat memeriksa {workbook}: {type(exc).__name__}: {exc}. "
                   "Mohon laporkan bersama workbook-nya.")
        sys.exit(1)
    _print_problems(problems, fmt)
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    if fmt == "text":
        if n_err:
            click.echo(f"{n_err} galat, {n_warn} peringatan: workbook belum dapat dibuat laporannya.")
        else:
            click.echo(f"Workbook sah ({n_warn} peringatan).")
    sys.exit(1 if n_err or (strict and n_warn) else 0)


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        try:
            folder = p.is_dir()
        except (OSError, ValueError):  # not readable, a name too long: the reader says so as a problem
            folder = False
        if folder:
            out += sorted(x for x in p.glob("*.xlsx") if not x.name.startswith("~$"))
        else:
            out.append(p)
    return out


def _build_one(args: tuple) -> tuple:
    """Worker for batch builds (runs in a child process); returns picklable results."""
    import gc

    from .pipeline import build
    from .problems import errors
    from .summary import summary_lines

    workbook, out, template, assets, out_dir, pdf, izinkan_selisih, daftar = args
    try:
        res = build(workbook, out, template=template, assets=assets, out_dir=out_dir, pdf=pdf, izinkan_selisih=izinkan_selisih,
                    perbarui_daftar=daftar)
    except Exception as exc:  # a bug must not stop the other workbooks, nor pass in silence
        return str(workbook), None, f"kesalahan internal lkjip: {type(exc).__name__}: {exc}. Mohon laporkan bersama workbook-nya.", [], 0
    finally:
        gc.collect()  # the next workbook of this worker starts clean (automatic collection is off)
    lines = summary_lines(res)
    if res.ok and res.hasil is not None:
        lines += _periksa_pointer(res, workbook)
    first = errors(res.problems)[:1]
    why = res.error or (f"{len(errors(res.problems))} galat, mis. {first[0].where}: {first[0].message}" if first else "")
    return str(workbook), (str(res.output) if res.ok else None), why, lines, len(res.problems)


@main.command()
@click.argument("workbooks", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas .docx tujuan (hanya untuk satu workbook). Bawaan: output/LKjIP-<instansi>-<tahun>.docx")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"), show_default=True,
              help="Folder keluaran.")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Template Word (docxtpl) Anda sendiri; bawaan: template standar lkjip.")
@click.option("--assets", type=click.Path(file_okay=False, path_type=Path, readable=False), default=None,
              help="Folder gambar (logo, struktur organisasi); bawaan: folder workbook.")
@click.option("--pdf", is_flag=True, help="Tulis juga PDF (butuh LibreOffice), dengan daftar isi dan nomor halaman diperbarui.")
@click.option("--perbarui-daftar", "daftar", is_flag=True,
              help="Simpan nomor halaman Daftar Isi/Tabel/Gambar di .docx (butuh LibreOffice), untuk pembaca "
                   "LibreOffice/WPS yang tidak memperbaruinya sendiri.")
@click.option("--jobs", type=int, default=None, help="Jumlah proses paralel untuk banyak workbook (bawaan: jumlah inti CPU).")
@click.option("--izinkan-selisih", is_flag=True,
              help="Total sheet Belanja boleh berbeda dari total Anggaran: laporan memakai total Anggaran dan menyebut selisihnya.")
@click.option("--waktu", is_flag=True, hidden=True, help="Cetak rincian waktu tiap langkah (JSON, ke stderr).")
def build(workbooks: tuple[Path, ...], out: Path | None, out_dir: Path, template: Path | None, assets: Path | None,
          pdf: bool, daftar: bool, jobs: int | None, izinkan_selisih: bool, waktu: bool) -> None:
    """Buat laporan LKjIP (.docx) dari workbook; boleh beberapa workbook atau folder sekaligus.

    \b
    Contoh:
      lkjip build workbooks/kecamatan-alok-2024.xlsx
      lkjip build workbooks/ --pdf
      lkjip build workbooks/kecamatan-alok-2024.xlsx --perbarui-daftar
    Kode keluar: 0 semua laporan dibuat, 1 ada yang gagal (tidak ada berkas yang ditulis untuknya), 2 salah pemakaian.
    """
    import os

    files = _expand(workbooks)
    if not files:
        raise click.UsageError("Tidak ada workbook .xlsx yang ditemukan.")
    if out and len(files) > 1:
        raise click.UsageError("--out hanya dapat dipakai untuk satu workbook; pakai --out-dir untuk banyak workbook.")
    tasks = [(f, out, template, assets, out_dir, pdf, izinkan_selisih, daftar) for f in files]
    if len(files) == 1 and waktu:
        import json

        from .pipeline import build as run_build

        res = run_build(files[0], out, template=template, assets=assets, out_dir=out_dir, pdf=pdf, izinkan_selisih=izinkan_selisih,
                        perbarui_daftar=daftar)
        click.echo(json.dumps(res.timings), err=True)
        sys.exit(0 if res.ok else 1)
    if len(files) == 1:
        _wb, output, why, lines, _n = _build_one(tasks[0])
        for line in lines:
            click.echo(line)
        if not output and why and not any(why in line for line in lines):
            click.echo(f"Gagal: {why}")
        sys.exit(0 if output else 1)
    from concurrent.futures import ProcessPoolExecutor, as_completed

    results = []
    workers = max(1, min(jobs or os.cpu_count() or 1, len(files)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_build_one, t) for t in tasks]
        with click.progressbar(length=len(files), label="Membuat laporan", file=sys.stderr) as bar:
            for fut in as_completed(futures):
                results.append(fut.result())
                bar.update(1)
    failed = 0
    for wb, output, why, _lines, n in sorted(results):
        if output:
            click.echo(f"OK     {wb} -> {output}" + (f" ({n} peringatan)" if n else ""))
        else:
            failed += 1
            click.echo(f"GAGAL  {wb}: {why}")
    click.echo(f"{len(files) - failed} laporan dibuat, {failed} gagal.")
    sys.exit(1 if failed else 0)


def _periksa_pointer(res, workbook) -> list[str]:
    """The one line pointing to `lkjip periksa` when an evaluation criterion is `belum`."""
    from .periksa import periksa, pointer_line

    try:
        line = pointer_line(periksa(res.hasil.laporan, res.hasil, res.problems), workbook)
    except Exception:  # advice only: the report is written already, and `lkjip periksa` says what went wrong
        return []
    return [line] if line else []


@main.command(name="periksa")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text untuk dibaca, json untuk program lain.")
def periksa_cmd(workbook: Path, fmt: str) -> None:
    """Periksa kesiapan laporan terhadap kriteria mutu Pelaporan Kinerja evaluator (LKE PermenPANRB 88/2021).

    \b
    Untuk setiap kriteria: terpenuhi / sebagian / belum / tidak-dapat-diperiksa, buktinya (sheet!sel) dan
    apa yang perlu diisi. Ini saran, bukan nilai resmi.
    Kode keluar: 0 (apa pun statusnya), 1 workbook tidak dapat dibaca, 2 salah pemakaian.
    Contoh:  lkjip periksa LKjIP-2024.xlsx --format json
    """
    from .periksa import periksa_file, periksa_json, periksa_lines

    try:
        kriteria, problems = periksa_file(workbook)
    except Exception as exc:  # a bug must read as one, not as a traceback
        click.echo(f"Kesalahan internal lkjip saat memeriksa {workbook}: {type(exc).__name__}: {exc}. "
                   "Mohon laporkan bersama workbook-nya.")
        sys.exit(1)
    if kriteria is None:
        _print_problems(problems, "text")
        sys.exit(1)
    if fmt == "json":
        click.echo(periksa_json(kriteria))
    else:
        for line in periksa_lines(kriteria):
            click.echo(line)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path, readable=False))
@click.option("--assets", type=click.Path(file_okay=False, path_type=Path, readable=False), default=None)
def context(workbook: Path, assets: Path | None) -> None:
    """Cetak seluruh konteks template (JSON): setiap variabel yang dapat dipakai template Word.

    \b
    Contoh:  lkjip context workbooks/kecamatan-alok-2024.xlsx > konteks.json
    """
    from .context import context_json
    from .pipeline import check
    from .problems import errors

    _lap, hasil, problems = check(workbook, assets)
    if hasil is None or errors(problems):
        _print_problems(errors(problems), "text")
        sys.exit(1)
    click.echo(context_json(hasil))


@main.command()
@click.argument("old", type=click.Path(path_type=Path, readable=False))
@click.argument("new", type=click.Path(path_type=Path, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def diff(old: Path, new: Path, fmt: str) -> None:
    """Tampilkan perubahan antara dua revisi workbook, dalam istilah laporan.

    \b
    Contoh:  lkjip diff LKjIP-2024-revisi1.xlsx LKjIP-2024-revisi2.xlsx
    Kode keluar: 0 tidak ada perubahan, 1 ada perubahan, 2 workbook tidak dapat dibaca atau salah pemakaian.
    """
    import json

    from .diff import ada_perubahan
    from .pipeline import diff as diff_revisions
    from .problems import errors
    from .summary import diff_lines

    result, problems = diff_revisions(old, new)
    if result is None:
        _print_problems(errors(problems) or problems, "text")
        sys.exit(2)
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for line in diff_lines(result):
            click.echo(line)
    sys.exit(1 if ada_perubahan(result) else 0)


def run() -> None:
    """The `lkjip` program: run the command, flush its output, end the process at once.

    Process-wide settings live here, not in `main`, which tests call in-process. A large
    workbook leaves a large heap; letting the interpreter tear it down object by object
    costs 0,25 s and more after every command, for nothing: the process ends anyway.
    Files are written and closed by the time a command returns, so once output is
    flushed the process can end with `os._exit`.
    """
    import gc
    import os

    # A command is one short process whose objects live until it ends: the cyclic garbage
    # collector would only re-scan the growing model (a tenth of a large build) to free a
    # few MB. Batch workers collect between workbooks (`_build_one`).
    gc.disable()
    if sys.argv[1:2] == ["template"]:
        _import_openpyxl_lean()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`lkjip validate ... | head`)
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
