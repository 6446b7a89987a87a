"""SIPD exports written by the tests themselves, with the headers the public readers list (no third-party file).

`write_rekap` / `write_realisasi` write one sheet in either layout, with the variants the
reader must accept: upper or title case, title rows above the header, extra columns.
`alok_exports` re-exports a workbook's Anggaran (the Alok example) in both layouts.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook

from generator.sipd.baca import REALISASI, REKAP

SKPD = "7.01.0.00.0.00.01.0000"
NAMA_SKPD = "KECAMATAN ALOK"
BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def _case(header: str, case: str) -> str:
    if case == "upper":
        return header.upper()
    if case == "title":
        return header.title().replace("Skpd", "SKPD").replace("Sp2D", "SP2D").replace("Spm", "SPM").replace(
            "Spp", "SPP").replace("Spd", "SPD").replace("Npwp", "NPWP")
    return header


def _write(path: Path, headers: tuple[str, ...], rows, *, case: str, title_rows: list[str], extra: bool,
           order=None, shared: bool = True) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    for text in title_rows:
        ws.append([text])
    cols = list(headers)
    if order is not None:
        cols = order(cols)
    shown = [_case(h, case) for h in cols]
    if extra:
        shown = ["Catatan Operator"] + shown + ["Kolom Tambahan"]
    ws.append(shown)
    for r in rows:
        values = [r.get(h) for h in cols]
        if extra:
            values = ["x"] + values + ["y"]
        ws.append(values)
    wb.save(path)
    if shared:  # text in a shared-strings table, as Excel saves it (openpyxl writes inline strings)
        from factory import as_excel_saves

        as_excel_saves(path)
    return path


def write_rekap(path: Path, rows, *, case: str = "upper", title_rows: list[str] | None = None,
                extra: bool = False, order=None, shared: bool = True) -> Path:
    """Rows are dicts by the rekap's own headers (`KODE REKENING`, `PAGU` …)."""
    return _write(path, REKAP.headers, rows, case=case, title_rows=title_rows or [], extra=extra, order=order,
                  shared=shared)


def write_realisasi(path: Path, rows, *, case: str = "title", title_rows: list[str] | None = None,
                    extra: bool = False, shared: bool = True) -> Path:
    """Rows are dicts by the realisasi's own headers (`Kode Rekening`, `Nilai Realisasi` …); 4 title rows by default."""
    titles = title_rows if title_rows is not None else [
        "PEMERINTAH KABUPATEN SIKKA", "LAPORAN REALISASI PER DOKUMEN", "Periode 1 Januari 2024 s.d. 31 Desember 2024", ""]
    return _write(path, REALISASI.headers, rows, case=case, title_rows=titles, extra=extra, shared=shared)


def rekap_row(unit: tuple[str, str], prog: tuple[str, str], keg: tuple[str, str], sub: tuple[str, str] | None,
              rekening: tuple[str, str] | None, pagu, tahun: int = 2024, sumber: str = "DAU") -> dict:
    return {
        "NO": None, "TAHUN": tahun, "KODE URUSAN": "7", "NAMA URUSAN": "UNSUR KEWILAYAHAN", "KODE SKPD": SKPD,
        "NAMA SKPD": NAMA_SKPD, "KODE SUB UNIT": unit[0], "NAMA SUB UNIT": unit[1], "KODE BIDANG URUSAN": "7.01",
        "NAMA BIDANG URUSAN": "KECAMATAN", "KODE PROGRAM": prog[0], "NAMA PROGRAM": prog[1], "KODE KEGIATAN": keg[0],
        "NAMA KEGIATAN": keg[1], "KODE SUB KEGIATAN": sub[0] if sub else None, "NAMA SUB KEGIATAN": sub[1] if sub else None,
        "KODE SUMBER DANA": "1.1", "NAMA SUMBER DANA": sumber, "KODE REKENING": rekening[0] if rekening else None,
        "NAMA REKENING": rekening[1] if rekening else None, "PAKET/KELOMPOK": None, "NAMA PAKET/KELOMPOK": None,
        "PAGU": pagu,
    }


def realisasi_row(unit: tuple[str, str], prog: tuple[str, str], keg: tuple[str, str], sub: tuple[str, str] | None,
                  rekening: tuple[str, str] | None, nilai, setoran=0, *, nomor: str = "1/TBP/2024",
                  jenis: str = "TBP", transaksi: str = "GU", bulan: int = 1) -> dict:
    return {
        "Kode SKPD": SKPD, "Nama SKPD": NAMA_SKPD, "Kode Sub SKPD": unit[0], "Nama Sub SKPD": unit[1],
        "Kode Fungsi": "01", "Nama Fungsi": "PELAYANAN UMUM", "Kode Urusan": "7", "Nama Urusan": "UNSUR KEWILAYAHAN",
        "Kode Program": prog[0], "Nama Program": prog[1], "Kode Kegiatan": keg[0], "Nama Kegiatan": keg[1],
        "Kode Sub Kegiatan": sub[0] if sub else None, "Nama Sub Kegiatan": sub[1] if sub else None,
        "Kode Rekening": rekening[0] if rekening else None, "Nama Rekening": rekening[1] if rekening else None,
        "Nomor Dokumen": nomor, "Jenis Dokumen": jenis, "Jenis Transaksi": transaksi,
        "Tanggal Dokumen": f"{min(28, bulan * 2)} {BULAN[(bulan - 1) % 12]} 2024", "Nilai Realisasi": nilai,
        "Nilai Setoran": setoran, "Nomor SP2D": f"SP2D/{nomor}", "Tanggal SP2D": f"7 {BULAN[(bulan - 1) % 12]} 2024",
    }


# -- the Alok example re-exported ----------------------------------------------------------------

REKENING = {  # jenis belanja -> one rekening of that jenis
    "5.1.01": ("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS"),
    "5.1.02": ("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor"),
    "5.2.02": ("5.2.02.05.01.0005", "Belanja Modal Alat Kantor Lainnya"),
}
JENIS_BY_NAME = {"Belanja Pegawai": "5.1.01", "Belanja Barang dan Jasa": "5.1.02",
                 "Belanja Modal Peralatan dan Mesin": "5.2.02"}


def _allocate(amounts: list[Decimal], classes: list[tuple[str, Decimal]]) -> list[list[tuple[str, Decimal]]]:
    """Split each line's amount over the classes so that every class total is met (north-west corner)."""
    out: list[list[tuple[str, Decimal]]] = []
    ci, left = 0, classes[0][1] if classes else Decimal(0)
    for amount in amounts:
        pieces: list[tuple[str, Decimal]] = []
        rest = amount
        while rest > 0:
            while left <= 0 and ci + 1 < len(classes):
                ci += 1
                left = classes[ci][1]
            take = min(rest, left) if ci + 1 < len(classes) else rest
            pieces.append((classes[ci][0], take))
            rest -= take
            left -= take
        out.append(pieces or [(classes[0][0] if classes else "5.1.02", Decimal(0))])
    return out


def alok_exports(workbook: Path, folder: Path, *, case_rekap: str = "upper", case_realisasi: str = "title"):
    """The workbook's Anggaran (and Belanja classes) as a rekap and a realisasi export; returns (rekap, realisasi, codes).

    Codes are made up in the nomenclature's shape (Alok has none): one program code per program
    name, kegiatan and sub kegiatan numbered below it. Each sub kegiatan's pagu and realisasi are
    split over the Belanja sheet's jenis so that the jenis totals are those of the workbook; the
    realisasi is spread over two documents, one of them with a small return (Nilai Setoran).
    """
    from generator.read.sheets import read_workbook

    lap, _problems = read_workbook(workbook)
    prog_codes: dict[str, str] = {}
    keg_codes: dict[tuple[str, str], str] = {}
    sub_codes: dict[tuple[str, str, str], str] = {}
    leaves = []  # (unit, prog, keg, sub, pagu, realisasi)
    units: dict[str, str] = {}
    for ui, unit in enumerate(lap.unit):
        units[unit.nama] = f"7.01.0.00.0.00.01.{ui:04d}"
        for p in unit.program:
            pk = prog_codes.setdefault(p.uraian, f"7.01.{len(prog_codes) + 1:02d}")
            for k in p.anak:
                kk = keg_codes.setdefault((p.uraian, k.uraian), f"{pk}.2.{sum(1 for key in keg_codes if key[0] == p.uraian) + 1:02d}")
                for s in k.anak:
                    sk = sub_codes.setdefault((p.uraian, k.uraian, s.uraian),
                                              f"{kk}.{sum(1 for key in sub_codes if key[:2] == (p.uraian, k.uraian)) + 1:04d}")
                    leaves.append((unit.nama, (pk, p.uraian), (kk, k.uraian), (sk, s.uraian), s.pagu or Decimal(0),
                                   s.realisasi or Decimal(0)))
    classes_pagu = [(JENIS_BY_NAME[b.jenis], b.anggaran) for b in lap.belanja]
    classes_real = [(JENIS_BY_NAME[b.jenis], b.realisasi) for b in lap.belanja]
    pagu_split = _allocate([leaf[4] for leaf in leaves], classes_pagu)
    real_split = _allocate([leaf[5] for leaf in leaves], classes_real)
    rekap_rows, real_rows = [], []
    seen_hier: set = set()
    doc = 0
    for leaf, pieces, rpieces in zip(leaves, pagu_split, real_split):
        unit = (units[leaf[0]], leaf[0].upper() if case_rekap == "upper" else leaf[0])
        prog, keg, sub = leaf[1], leaf[2], leaf[3]
        for level in ((prog, None), (keg, None), (keg, sub)):  # hierarchy rows with subtotals, as SIPD prints them
            key = (unit[0],) + tuple(x[0] for x in level if x)
            if key not in seen_hier:
                seen_hier.add(key)
                rekap_rows.append(rekap_row(unit, prog, keg, level[1], None, 999999999))
        for jenis, amount in pieces:
            rekap_rows.append(rekap_row(unit, prog, keg, sub, REKENING[jenis], int(amount)))
        runit = (units[leaf[0]], leaf[0])
        for jenis, amount in rpieces:
            if amount <= 0:
                continue
            doc += 1
            if amount > 1000:  # two documents: most of it, then the rest plus 1.000 of which 1.000 is returned
                first = (amount // 2)
                real_rows.append(realisasi_row(runit, prog, keg, sub, REKENING[jenis], int(first), 0,
                                               nomor=f"{doc}/SPP-LS/2024", jenis="SPP", transaksi="LS", bulan=doc % 12 + 1))
                real_rows.append(realisasi_row(runit, prog, keg, sub, REKENING[jenis], int(amount - first + 1000), 1000,
                                               nomor=f"{doc}/TBP/2024", jenis="TBP", transaksi="GU", bulan=doc % 12 + 1))
            else:
                real_rows.append(realisasi_row(runit, prog, keg, sub, REKENING[jenis], int(amount), 0,
                                               nomor=f"{doc}/TBP-KKPD/2024", jenis="TBP-KKPD", transaksi="GU-KKPD"))
    rekap = write_rekap(folder / "rekap-alok.xlsx", rekap_rows, case=case_rekap)
    realisasi = write_realisasi(folder / "realisasi-alok.xlsx", real_rows, case=case_realisasi)
    return rekap, realisasi, {"unit": units, "program": prog_codes, "kegiatan": keg_codes, "sub": sub_codes}
