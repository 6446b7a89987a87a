"""The recap workbook: every sheet one filterable Excel table with a frozen header, the same bytes for the same folder.

openpyxl's write-only mode streams the rows to the package; the package is then stored again with
fixed timestamps (zip entries and document properties), so a recap of an unchanged folder is
byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import generator as g

from .rekap import Rekap, kode_key
from .ringkas import Ringkasan

MONEY = "#,##0"
PCT = "#,##0.00"
DATE = "DD/MM/YYYY"
FIXED = dt.datetime(2000, 1, 1)  # the documents' own time: the recap carries no clock time


def _num(value):
    """A target/realisasi cell: numbers as numbers, qualitative values as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 10**15 else value
    return value


def _yt(flag: bool) -> str:
    return "Ya" if flag else "Tidak"


class _Sheet:
    """A sheet's name and columns. Each `*_sheet` function below yields its _Sheet first, then its rows one by
    one: the rows are made while the workbook is written, never held all at once."""

    def __init__(self, name: str, columns: list[tuple[str, int, str | None]]):
        self.name = name
        self.columns = columns  # (header, width, number format)


def status_sheet(rekap: Rekap) -> Iterator[Any]:
    yield _Sheet("Status_Pengumpulan", [
        ("No", 6, None), ("Berkas", 30, None), ("Instansi", 36, None), ("Kode OPD", 24, None), ("Tahun", 8, None),
        ("Tanggal Laporan", 14, DATE), ("Penandatangan", 40, None), ("Galat", 8, None), ("Peringatan", 11, None),
        ("Dapat Dibuat", 12, None), ("Direkap", 36, None), ("Keterangan", 40, None), ("SHA-256", 66, None),
        ("Diubah (UTC)", 22, None), ("Ukuran (byte)", 14, MONEY)])
    for n, r in enumerate(rekap.berkas, 1):
        status = rekap.status.get(r.berkas, "")
        ket = r.alasan or ("" if r.instansi or r.tahun else "tidak dapat dibaca sebagai workbook LKjIP (lihat Masalah)")
        yield ([n, r.berkas, r.instansi or None, r.kode_opd or None, r.tahun or None, r.tanggal_laporan, r.penandatangan or None,
               None if r.alasan else r.galat, None if r.alasan else r.peringatan, "-" if r.alasan else _yt(r.dapat_dibuat),
               status, ket or None, r.sha256 or None, r.diubah or None, r.ukuran])


def peringkat(rows: list[Ringkasan]) -> dict[str, int]:
    """Rank by capaian instansi as printed, highest first; equal capaian share a rank (1, 2, 2, 4)."""
    caps = sorted((r.opd.capaian for r in rows if r.opd and r.opd.capaian is not None), reverse=True)
    first: dict[Decimal, int] = {}
    for i, c in enumerate(caps, 1):
        first.setdefault(c, i)
    return {r.berkas: first[r.opd.capaian] for r in rows if r.opd and r.opd.capaian is not None}


def predikat_labels(rows: list[Ringkasan]) -> list[str]:
    labels: list[str] = []
    for r in rows:
        for label in r.opd.label_skala:
            if label not in labels:
                labels.append(label)
    return labels


def rekap_opd_sheet(rekap: Rekap) -> Iterator[Any]:
    rows = rekap.direkap
    labels = predikat_labels(rows)
    rank = peringkat(rows)
    yield _Sheet("Rekap_OPD", [
        ("No", 6, None), ("Kode OPD", 24, None), ("Instansi", 36, None), ("Jumlah Sasaran", 10, None),
        ("Jumlah Indikator Sasaran", 12, None), ("Jumlah IKU", 9, None), ("Indikator Capaian >= 100%", 13, None),
        *[(f"Predikat {label}", 12, None) for label in labels], ("Tanpa Capaian", 10, None), ("Skala Predikat", 30, None),
        ("Capaian Instansi (%)", 12, PCT), ("Predikat Instansi", 16, None), ("Indikator Dasar Capaian", 12, None),
        ("Pagu (Rp)", 18, MONEY), ("Realisasi (Rp)", 18, MONEY), ("Penyerapan (%)", 12, PCT), ("Efisiensi (%)", 12, PCT),
        ("Kategori Efisiensi", 16, None), ("Metode Efisiensi", 12, None), ("Peringkat", 10, None)])
    for n, r in enumerate(rows, 1):
        o = r.opd
        yield ([n, r.kode_opd or None, r.instansi, o.jumlah_sasaran, o.jumlah_indikator, o.jumlah_iku, o.tercapai,
               *[o.predikat.get(label, 0) if label in o.label_skala else None for label in labels], o.predikat.get("-", 0),
               o.skala, o.capaian, o.predikat_instansi, o.basis, o.pagu, o.realisasi, o.penyerapan, o.efisiensi,
               o.efisiensi_label or None, o.metode_efisiensi, rank.get(r.berkas)])


def capaian_sheet(rekap: Rekap) -> Iterator[Any]:
    t = rekap.tahun
    yield _Sheet("Capaian_Indikator", [
        ("No", 6, None), ("Kode OPD", 24, None), ("Instansi", 30, None), ("Level", 9, None), ("Kode", 8, None),
        ("Tujuan / Sasaran", 40, None), ("Indikator", 40, None), ("Satuan", 10, None), ("Polaritas", 10, None), ("IKU", 6, None),
        ("PK", 6, None), (f"Target {t}", 11, None), (f"Realisasi {t}", 11, None), ("Capaian (%)", 11, PCT), ("Predikat", 14, None),
        ("Realisasi Tahun Lalu", 11, None), ("Target Akhir Renstra", 11, None), ("Sasaran RPJMD", 12, None),
        ("Keterangan Capaian", 30, None)])
    n = 0
    for r in rekap.direkap:
        for i in r.indikator:
            n += 1
            yield ([n, r.kode_opd or None, r.instansi, i.level, i.kode or None, i.sasaran, i.indikator, i.satuan or None, i.polaritas,
                   _yt(i.iku), _yt(i.pk), _num(i.target), _num(i.realisasi), i.capaian, i.predikat, _num(i.realisasi_lalu),
                   _num(i.target_akhir), i.sasaran_rpjmd or None, i.alasan or None])


def cascading_sheet(rekap: Rekap) -> Iterator[Any]:
    yield _Sheet("Cascading", [
        ("No", 6, None), ("Sasaran RPJMD", 12, None), ("Uraian Sasaran RPJMD", 40, None), ("Kode OPD", 24, None),
        ("Instansi", 30, None), ("Kode Sasaran OPD", 10, None), ("Sasaran OPD", 40, None), ("Indikator", 40, None),
        ("Capaian (%)", 11, PCT), ("Predikat", 14, None), ("Keterangan", 34, None)])
    groups, unlinked = rekap.cascading()
    n = 0
    for code, known, items in groups:
        if not items:
            n += 1
            yield ([n, code, known[2] if known else None, None, None, None, None, None, None, None, "belum didukung sasaran OPD"])
        for r, i in items:
            n += 1
            ket = None if known or not rekap.pemda else "kode tidak ada di workbook Pemda"
            yield ([n, code, known[2] if known else None, r.kode_opd or None, r.instansi, i.kode or None, i.sasaran, i.indikator,
                    i.capaian, i.predikat, ket])
    for r, i in unlinked:
        n += 1
        yield ([n, None, None, r.kode_opd or None, r.instansi, i.kode or None, i.sasaran, i.indikator, i.capaian, i.predikat,
                "tidak terhubung ke sasaran RPJMD"])


def iku_pemda_sheet(rekap: Rekap) -> Iterator[Any]:
    pem = rekap.pemda
    if pem is None:
        return
    yield _Sheet("IKU_Pemda", [
        ("No", 6, None), ("Kode Sasaran", 10, None), ("Sasaran RPJMD", 36, None), ("IKU Pemda", 36, None), ("Satuan", 10, None),
        ("Target", 11, None), ("Realisasi", 11, None), ("Capaian (%)", 11, PCT), ("Predikat", 14, None),
        ("Penanggung Jawab", 28, None), ("Kode OPD Pendukung", 24, None), ("OPD Pendukung", 30, None),
        ("Indikator OPD Pendukung", 40, None), ("Capaian Indikator OPD (%)", 12, PCT), ("Pagu Sasaran OPD (Rp)", 18, MONEY),
        ("Realisasi Sasaran OPD (Rp)", 18, MONEY)])
    support = rekap.dukungan()
    n = 0
    for iku in pem.iku:
        head = [iku.kode or None, iku.sasaran, iku.indikator, iku.satuan or None, _num(iku.target), _num(iku.realisasi), iku.capaian,
                iku.predikat, iku.penanggung_jawab or None]
        rows = support.get(kode_key(iku.kode), []) if iku.kode else []
        if not rows:
            n += 1
            yield ([n, *head, None, "(tidak ada indikator OPD pendukung)", None, None, None, None])
        for r, i in rows:
            n += 1
            yield ([n, *head, r.kode_opd or None, r.instansi, i.indikator, i.capaian, i.pagu_sasaran, i.realisasi_sasaran])


def urusan(kode_program: str, kode_opd: str) -> str:
    """The urusan/bidang of a program: the first two segments of its code, else of the OPD's code."""
    for kode in (kode_program, kode_opd):
        parts = [p for p in (kode or "").split(".") if p]
        if len(parts) >= 2 and parts[0].isdigit():
            return ".".join(parts[:2])
    return "(tanpa kode)"


def urusan_key(kode: str) -> tuple:
    """Urusan in code order (1.01 < 1.02 < 7.01), the programs without a code last."""
    return (kode == "(tanpa kode)", [int(p) if p.isdigit() else 0 for p in kode.split(".")], kode)


def _pct(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    return g.round_half_up(realisasi / pagu * 100, 2) if pagu else None


def anggaran_sheet(rekap: Rekap) -> Iterator[Any]:
    yield _Sheet("Anggaran", [
        ("No", 6, None), ("Baris", 14, None), ("Kode OPD", 24, None), ("Instansi", 30, None), ("Unit", 26, None), ("Urusan", 9, None),
        ("Level", 10, None), ("Kode", 18, None), ("Uraian", 50, None), ("Pagu (Rp)", 18, MONEY), ("Realisasi (Rp)", 18, MONEY),
        ("Penyerapan (%)", 12, PCT)])
    per_urusan: dict[str, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    total = [Decimal(0), Decimal(0)]
    n = 0
    for r in rekap.direkap:
        program_urusan = ""
        for a in r.anggaran:
            n += 1
            if a.level == "Program":
                program_urusan = urusan(a.kode, r.kode_opd)
                per_urusan[program_urusan][0] += a.pagu
                per_urusan[program_urusan][1] += a.realisasi
            yield ([n, "Rincian", r.kode_opd or None, r.instansi, a.unit, program_urusan, a.level, a.kode or None, a.uraian,
                   a.pagu, a.realisasi, a.penyerapan])
        n += 1
        yield ([n, "Jumlah OPD", r.kode_opd or None, r.instansi, None, None, None, None, f"Jumlah {r.instansi}", r.opd.pagu,
               r.opd.realisasi, r.opd.penyerapan])
        total[0] += r.opd.pagu
        total[1] += r.opd.realisasi
    for u in sorted(per_urusan, key=urusan_key):
        pagu, real = per_urusan[u]
        n += 1
        yield ([n, "Jumlah Urusan", None, None, None, u, None, None, f"Jumlah urusan {u}", pagu, real, _pct(pagu, real)])
    n += 1
    yield ([n, "Jumlah", None, None, None, None, None, None, f"Jumlah seluruh OPD ({len(rekap.direkap)})", total[0], total[1],
           _pct(total[0], total[1])])


def masalah_sheet(rekap: Rekap) -> Iterator[Any]:
    yield _Sheet("Masalah", [
        ("No", 6, None), ("Berkas", 30, None), ("Kode OPD", 24, None), ("Instansi", 30, None), ("Sheet", 12, None), ("Sel", 8, None),
        ("Kode Masalah", 30, None), ("Tingkat", 11, None), ("Pesan", 80, None), ("Saran", 60, None)])
    by_file = {r.berkas: r for r in rekap.berkas}
    order = {r.berkas: i for i, r in enumerate(rekap.berkas)}
    items = sorted(rekap.masalah, key=lambda m: (order.get(m.berkas, len(order)), m.berkas, m.problem.sort_key, m.problem.code,
                                                  m.problem.message))
    for n, m in enumerate(items, 1):
        r = by_file.get(m.berkas)
        p = m.problem
        yield ([n, m.berkas, (r.kode_opd if r else "") or None, (r.instansi if r else rekap.pemerintah) or None, p.sheet, p.cell or None,
               p.code, "GALAT" if p.severity == "error" else "PERINGATAN", p.message, p.hint])


SHEETS = (status_sheet, rekap_opd_sheet, capaian_sheet, cascading_sheet, iku_pemda_sheet, anggaran_sheet, masalah_sheet)


def sheets(rekap: Rekap) -> Iterator[tuple[_Sheet, Iterator[list[Any]]]]:
    """(sheet, its rows) for every sheet of the recap, in order; IKU_Pemda only with a Pemda workbook."""
    for fn in SHEETS:
        gen = fn(rekap)
        head = next(gen, None)
        if head is not None:
            yield head, gen


def _clean(value):
    """Cell text without the control characters a workbook cannot hold."""
    if isinstance(value, str):
        return g.clean_xml(value)
    return value


def workbook_bytes(rekap: Rekap) -> bytes:
    """The recap workbook (.xlsx) as bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.filters import AutoFilter
    from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

    wb = Workbook(write_only=True)
    wb.properties.creator = "lkjip gabung"
    wb.properties.title = f"Rekapitulasi Capaian Kinerja Perangkat Daerah {rekap.pemerintah} Tahun {rekap.tahun}".strip()
    wb.properties.created = FIXED
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E78")
    wrap = Alignment(wrap_text=True, vertical="center")
    for table_no, (sheet, rows) in enumerate(sheets(rekap), 1):
        ws = wb.create_sheet(sheet.name)
        for i, (_h, width, _f) in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        header = []
        for h, _w, _f in sheet.columns:
            c = WriteOnlyCell(ws, h)
            c.font, c.fill, c.alignment = head_font, head_fill, wrap
            header.append(c)
        ws.append(header)
        formats = [f for _h, _w, f in sheet.columns]
        count = 0
        for values in rows:
            count += 1
            cells = []
            for value, fmt in zip(values, formats):
                if fmt and value is not None:
                    c = WriteOnlyCell(ws, value)
                    c.number_format = fmt
                    cells.append(c)
                else:
                    cells.append(_clean(value))
            ws.append(cells)
        if not count:  # a table needs one row below its header
            ws.append(["(tidak ada data)"])
            count = 1
        ref = f"A1:{get_column_letter(len(sheet.columns))}{count + 1}"
        table = Table(displayName=f"Tabel{table_no}_{sheet.name}", ref=ref)
        table.tableColumns = [TableColumn(id=i, name=h) for i, (h, _w, _f) in enumerate(sheet.columns, 1)]
        table.autoFilter = AutoFilter(ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl warns in write-only mode even when the columns are given, as here
            warnings.simplefilter("ignore", UserWarning)
            ws.add_table(table)
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf)


def _fixed_zip(data: io.BytesIO) -> bytes:
    """The same package with every entry dated 1980-01-01 and the document dated FIXED.

    Entries are copied in chunks: a 500-workbook recap has sheets of tens of MB uncompressed.
    """
    import shutil

    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    data.seek(0)
    with zipfile.ZipFile(data) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", lambda m: m.group(1) + stamp, src.read(info))
                dst.writestr(entry, body)
                continue
            with src.open(info) as fin, dst.open(entry, "w") as fout:
                shutil.copyfileobj(fin, fout, 1 << 20)
    return out.getvalue()
