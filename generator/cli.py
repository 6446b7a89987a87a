"""Command line: `lkjip template | validate | build | context | diff` — thin layer over the library."""

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lkjip")
def main() -> None:
    """lkjip: workbook Excel standar -> Laporan Kinerja (LKjIP) Word.

    \b
    Contoh:
      lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
      lkjip validate LKjIP-2024.xlsx
      lkjip build LKjIP-2024.xlsx
    """


@main.command()
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Berkas tujuan (bawaan: workbook-lkjip-<tahun>.xlsx).")
@click.option("--tahun", type=int, default=None, help="Tahun laporan (bawaan: tahun lalu).")
@click.option("--renstra", default=None, help="Periode Renstra, contoh 2024-2026 (bawaan: tahun s.d. tahun+2).")
def template(out: Path | None, tahun: int | None, renstra: str | None) -> None:
    """Tulis workbook standar kosong untuk diisi.

    \b
    Contoh:  lkjip template --tahun 2024 --renstra 2024-2026 --out LKjIP-2024.xlsx
    """
    from .blank import write_blank
    from .output import OutputError

    tahun = tahun or _dt.date.today().year - 1
    periode = _parse_periode(renstra) if renstra else (tahun, tahun + 2)
    out = out or Path(f"workbook-lkjip-{tahun}.xlsx")
    try:
        write_blank(out, tahun, periode)
    except OutputError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Workbook kosong ditulis: {out}")


def _print_problems(problems, fmt: str) -> None:
    import json

    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
        return
    for p in problems:
        click.echo(str(p), err=False)


@main.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text untuk dibaca, json untuk program lain.")
@click.option("--strict", is_flag=True, help="Peringatan juga dianggap gagal (kode keluar 1).")
@click.option("--assets", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder gambar (bawaan: folder workbook).")
def validate(workbook: Path, fmt: str, strict: bool, assets: Path | None) -> None:
    """Periksa workbook dan tampilkan semua masalah sekaligus.

    \b
    Kode keluar: 0 sah (peringatan boleh), 1 ada galat (atau peringatan dengan --strict), 2 salah pemakaian.
    Contoh:  lkjip validate workbooks/kecamatan-alok-2024.xlsx --format json
    """
    from .problems import errors, warnings
    from .validate import check

    _lap, _hasil, problems = check(workbook, assets)
    _print_problems(problems, fmt)
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    if fmt == "text":
        if n_err:
            click.echo(f"{n_err} galat, {n_warn} peringatan: workbook belum dapat dibuat laporannya.")
        else:
            click.echo(f"Workbook sah ({n_warn} peringatan).")
    sys.exit(1 if n_err or (strict and n_warn) else 0)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
