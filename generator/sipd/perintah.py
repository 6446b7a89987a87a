"""The `lkjip impor-sipd` command: a thin click layer over `impor.impor_sipd` (registered in generator/cli/commands.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import Command

_FILE = click.Path(dir_okay=False, path_type=Path, readable=False)


@click.command("impor-sipd", cls=Command)
@click.option("--anggaran", type=_FILE, required=True, metavar="REKAP.xlsx",
              help="Ekspor rekap anggaran SIPD (satu baris per rekening, kolom PAGU).")
@click.option("--realisasi", type=_FILE, default=None, metavar="REALISASI.xlsx",
              help="Ekspor 'Laporan Realisasi Per Dokumen' SIPD Penatausahaan (Nilai Realisasi, Nilai Setoran). "
                   "Tanpa ini angka Realisasi workbook dipertahankan.")
@click.option("--skpd", default=None, metavar="KODE", help="Hanya baris dengan KODE SKPD ini (berkas berisi beberapa SKPD).")
@click.option("--unit", "units", multiple=True, metavar="'KODE SUB UNIT=Nama unit'",
              help="Nama unit di workbook untuk satu sub unit SIPD; boleh diulang.")
@click.option("--ke", type=_FILE, default=None, metavar="LKjIP.xlsx",
              help="Workbook yang anggarannya diperbarui (tidak diubah: hasilnya workbook baru). "
                   "Tanpa --ke: workbook baru dari lkjip template berisi anggaran SIPD.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="BERKAS.xlsx",
              help="Workbook hasil (bawaan: <nama --ke>-sipd.xlsx). Berkas yang sudah ada tidak pernah ditimpa.")
@click.option("--tahun", type=click.IntRange(1990, 2100), default=None, metavar="TAHUN",
              help="Tahun workbook baru tanpa --ke (bawaan: kolom TAHUN rekap).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Rekonsiliasi sebagai text untuk dibaca, json untuk program lain.")
def impor_sipd_cmd(anggaran: Path, realisasi: Path | None, skpd: str | None, units: tuple[str, ...], ke: Path | None,
                   out: Path | None, tahun: int | None, fmt: str) -> None:
    """Ambil pagu dan realisasi sub kegiatan dari ekspor SIPD ke sheet Anggaran dan Belanja (workbook baru).

    \b
    Contoh:  lkjip impor-sipd --anggaran rekap.xlsx --realisasi realisasi.xlsx --ke LKjIP-2024.xlsx --out LKjIP-2024-sipd.xlsx
    Mencetak rekonsiliasi: total per unit (SIPD, workbook sebelum dan sesudah), baris yang ditambah,
    diubah dan dipertahankan, setiap angka yang berubah. Rincian: docs/sipd.md.
    Kode keluar: 0 berhasil; 1 berkas SIPD/workbook tidak dapat dipakai atau tujuan tidak boleh ditulis
    (tidak ada yang ditulis); 2 salah pemakaian.
    """
    from .. import LkjipError, ReadError, problem_lines
    from .agregat import parse_unit_map
    from .impor import impor_sipd, rekonsiliasi_lines

    if out is not None and out.suffix.lower() != ".xlsx":
        raise click.BadParameter(f"'{out}' tidak berakhiran .xlsx; workbook ditulis sebagai .xlsx", param_hint="'--out'")
    try:
        unit_map = parse_unit_map(units)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--unit'") from exc
    try:
        hasil = impor_sipd(anggaran, realisasi, ke=ke, out=out, skpd=skpd, unit_map=unit_map, tahun=tahun)
    except ReadError as exc:  # a SIPD file refused (unsafe, unreadable, not a known layout): its problem
        for line in problem_lines([exc.problem]):
            click.echo(line, err=True)
        click.echo("Tidak ada berkas yang ditulis.", err=True)
        sys.exit(1)
    except LkjipError as exc:
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(1)
    if fmt == "json":
        import json

        from .impor import rekonsiliasi_dict

        click.echo(json.dumps(rekonsiliasi_dict(hasil), ensure_ascii=False, indent=2))
        return
    for line in rekonsiliasi_lines(hasil):
        click.echo(line)
