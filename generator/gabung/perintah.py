"""The `lkjip gabung` command (click); registered in generator/cli/commands.py."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import Command


@click.command("gabung", cls=Command)
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path, readable=False))
@click.option("--pemda", type=click.Path(dir_okay=False, path_type=Path, readable=False), default=None, metavar="PEMDA.xlsx",
              help="Workbook kabupaten (Profil Bupati; Kinerja berisi tujuan/sasaran RPJMD dan IKU Pemda).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path, readable=False), default=None, metavar="REKAP.xlsx",
              help="Berkas rekap (bawaan: output/Rekap-<tahun>.xlsx).")
@click.option("--docx", "docx", is_flag=True, help="Tulis juga dokumen Word 'Rekapitulasi Capaian Kinerja Perangkat Daerah' (.docx).")
@click.option("--pekerja", type=click.IntRange(1, 32), default=None, help="Jumlah proses pembaca (bawaan: jumlah CPU, paling banyak 4).")
def gabung_cmd(folder: Path, pemda: Path | None, out: Path | None, docx: bool, pekerja: int | None) -> None:
    """Rekap seluruh workbook OPD/kecamatan dalam FOLDER menjadi satu workbook rekap.

    \b
    Contoh:  lkjip gabung workbooks/kabupaten-contoh --pemda workbooks/kabupaten-contoh/pemda-kabupaten-contoh.xlsx
    Sheet rekap: Status_Pengumpulan, Rekap_OPD, Capaian_Indikator, Cascading, IKU_Pemda (dengan --pemda),
    Anggaran, Masalah. Berkas yang rusak atau bukan workbook tidak menghentikan rekap: dicantumkan
    beserta alasannya. Kemajuan dan masalah antarberkas dicetak ke stderr; stdout hanya berkas yang ditulis.
    Kode keluar: 0 rekap ditulis; 1 rekap ditulis tetapi ada OPD ganda atau tahun/pemerintah berbeda
    (workbook itu tidak direkap), atau rekap tidak dapat ditulis; 2 salah pemakaian (folder atau workbook Pemda tidak dapat dipakai).
    """
    import gc

    from generator import LkjipError, atomic_write_bytes

    # `run` switches the cyclic collector off for short commands; a recap reads hundreds of workbooks in this
    # process and in workers forked from it, whose garbage must not pile up (memory flat in the number of files)
    gc.enable()

    from . import HENTI, gabung, workbook_bytes

    if not folder.is_dir():
        click.echo(f"Galat: folder {folder} tidak ditemukan.", err=True)
        sys.exit(2)
    try:
        rekap = gabung(folder, pemda, workers=pekerja, progress=lambda line: click.echo(line, err=True),
                       abaikan=[p for p in (out, out.with_suffix(".docx") if out else None) if p is not None])
    except LkjipError as exc:
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo("Dihentikan (Ctrl+C); rekap tidak ditulis.", err=True)
        sys.exit(130)
    if not rekap.berkas:
        click.echo(f"Galat: folder {folder} tidak berisi satu berkas pun untuk direkap.", err=True)
        sys.exit(2)
    for m in rekap.masalah_gabung():
        click.echo(str(m), err=True)
    target = out or Path("output") / f"Rekap-{rekap.tahun or 'tanpa-tahun'}.xlsx"
    written = []
    try:
        atomic_write_bytes(target, workbook_bytes(rekap))
        written.append(target)
        if docx:
            from . import dokumen_bytes

            doc = target.with_suffix(".docx")
            atomic_write_bytes(doc, dokumen_bytes(rekap))
            written.append(doc)
    except LkjipError as exc:
        click.echo(f"Galat: {exc}", err=True)
        sys.exit(1)
    for path in written:
        click.echo(str(path))
    n = len(rekap.berkas)
    click.echo(f"{len(rekap.direkap)} dari {n} berkas direkap; {sum(1 for v in rekap.status.values() if v != 'Ya')} tidak "
               f"(alasannya di sheet Status_Pengumpulan).", err=True)
    sys.exit(1 if any(m.problem.code in HENTI for m in rekap.masalah) else 0)
