"""Group the SIPD rows into the budget lkjip needs: unit -> program -> kegiatan -> sub kegiatan, and Belanja.

Rules (docs/sipd.md, "Aturan hitung"):
- Pagu of a sub kegiatan = the sum of PAGU over its rekening rows (rows of the rekap with a
  KODE REKENING; rows without one are hierarchy rows carrying subtotals and are skipped).
- Realisasi of a sub kegiatan = sum over its documents of `Nilai Realisasi - |Nilai Setoran|`:
  every document (SPP/SPM/SP2D LS, TBP and TBP-KKPD of UP/GU/TU/GU-KKPD spending) counts once
  with its Nilai Realisasi as signed in the file (a correction typed as a negative value
  lowers the sum); Nilai Setoran is money returned to the kas daerah and always lowers it,
  whatever sign it is written with. Rows without Kode Sub Kegiatan or Kode Rekening (SP2D UP
  advances, total rows) are skipped and counted (`sipd.tanpa-kode`).
- Units are the Sub Unit (rekap) / Sub SKPD (realisasi), matched by code; `--unit KODE=Nama`
  names a unit as the workbook does. `--skpd KODE` keeps the rows of one SKPD only.
- Belanja by rekening: kelompok from the first two parts of the rekening (5.1 Belanja
  Operasi, 5.2 Belanja Modal, 5.3 Belanja Tidak Terduga, 5.4 Belanja Transfer), jenis from the
  first three (5.1.02 Belanja Barang dan Jasa …).
Only the grouped sums are kept, never the rows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import Problem, problem
from .baca import REALISASI, REKAP, SipdError, SipdFile, money

KELOMPOK = {
    "5.1": "Belanja Operasi",
    "5.2": "Belanja Modal",
    "5.3": "Belanja Tidak Terduga",
    "5.4": "Belanja Transfer",
}
JENIS = {
    "5.1.01": "Belanja Pegawai",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.1.03": "Belanja Bunga",
    "5.1.04": "Belanja Subsidi",
    "5.1.05": "Belanja Hibah",
    "5.1.06": "Belanja Bantuan Sosial",
    "5.2.01": "Belanja Modal Tanah",
    "5.2.02": "Belanja Modal Peralatan dan Mesin",
    "5.2.03": "Belanja Modal Gedung dan Bangunan",
    "5.2.04": "Belanja Modal Jalan, Jaringan, dan Irigasi",
    "5.2.05": "Belanja Modal Aset Tetap Lainnya",
    "5.2.06": "Belanja Modal Aset Lainnya",
    "5.3.01": "Belanja Tidak Terduga",
    "5.4.01": "Belanja Bagi Hasil",
    "5.4.02": "Belanja Bantuan Keuangan",
}
ZERO = Decimal(0)


@dataclass
class SubKegiatan:
    kode: str
    nama: str
    pagu: Decimal = ZERO
    realisasi: Decimal = ZERO
    setoran: Decimal = ZERO  # returns subtracted
    rekening: int = 0  # rekap rows summed
    dokumen: int = 0  # realisasi rows summed
    sumber_dana: list[str] = field(default_factory=list)
    di_rekap: bool = False


@dataclass
class Kegiatan:
    kode: str
    nama: str
    sub: dict[str, SubKegiatan] = field(default_factory=dict)


@dataclass
class Program:
    kode: str
    nama: str
    kegiatan: dict[str, Kegiatan] = field(default_factory=dict)


@dataclass
class UnitSipd:
    kode: str
    nama: str  # the name written to the workbook (--unit, else NAMA SUB UNIT)
    nama_sipd: str
    program: dict[str, Program] = field(default_factory=dict)

    def subs(self):
        for p in self.program.values():
            for k in p.kegiatan.values():
                for s in k.sub.values():
                    yield p, k, s

    def total(self) -> tuple[Decimal, Decimal]:
        pagu = real = ZERO
        for _p, _k, s in self.subs():
            pagu += s.pagu
            real += s.realisasi
        return pagu, real


@dataclass
class JenisBelanja:
    kode: str
    kelompok: str
    jenis: str
    anggaran: Decimal = ZERO
    realisasi: Decimal = ZERO


@dataclass
class DataSipd:
    """The grouped SIPD budget and what was read to get it."""

    unit: dict[str, UnitSipd] = field(default_factory=dict)
    belanja: dict[str, JenisBelanja] = field(default_factory=dict)
    tahun: int | None = None
    skpd: str = ""  # NAMA SKPD
    kode_skpd: str = ""
    rekap: Path | None = None
    realisasi_file: Path | None = None
    ada_realisasi: bool = False
    baris_rekap: int = 0
    baris_realisasi: int = 0
    baris_setoran: int = 0  # documents with a return or a negative value
    problems: list[Problem] = field(default_factory=list)

    def total(self) -> tuple[Decimal, Decimal]:
        pagu = real = ZERO
        for u in self.unit.values():
            p, r = u.total()
            pagu += p
            real += r
        return pagu, real


_KODE: dict[object, str] = {}


def _kode(text: object) -> str:
    """A code without spaces (memoised: the same few codes repeat on every row)."""
    kode = _KODE.get(text)
    if kode is None:
        kode = "".join(str(text or "").split())
        if len(_KODE) < 100_000:
            _KODE[text] = kode
    return kode


def kunci(text: str, level: str = "") -> str:
    """A name as matched: accents, case, punctuation and spacing ignored; a leading level word dropped."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().casefold()
    s = " ".join(re.sub(r"[^0-9a-z]+", " ", s).split())
    for word in {"Program": ("program ",), "Kegiatan": ("kegiatan ",), "Sub Kegiatan": ("sub kegiatan ",)}.get(level, ()):
        s = s.removeprefix(word)
    return s


def nilai_bersih(nilai_realisasi: Decimal, nilai_setoran: Decimal) -> Decimal:
    """The realisasi one document adds: Nilai Realisasi as signed, minus the return whatever its sign."""
    return nilai_realisasi - abs(nilai_setoran)


def parse_unit_map(items: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`--unit 'KODE=Nama unit'` options -> {kode: nama}. Raises ValueError (Indonesian) on a malformed one."""
    out: dict[str, str] = {}
    for item in items:
        kode, sep, nama = item.partition("=")
        if not sep or not _kode(kode) or not nama.strip():
            raise ValueError(f"--unit '{item}' tidak berbentuk 'KODE SUB UNIT=Nama unit', mis. "
                             "--unit '7.01.0.00.0.00.01.0001=Kelurahan Madawat'")
        out[_kode(kode)] = " ".join(nama.split())
    return out


class _Grouper:
    def __init__(self, data: DataSipd, skpd: str | None, unit_map: dict[str, str]):
        self.data = data
        self.skpd = _kode(skpd) if skpd else None
        self.unit_map = unit_map
        self.skpd_seen: dict[str, str] = {}
        self.unit_seen: set[str] = set()
        self._rekening: dict[str, JenisBelanja] = {}
        self._alias: dict[tuple[int, str], object] = {}  # (children dict, code) -> the line it names

    def keep(self, v: dict) -> bool:
        kode = _kode(v.get("kode_skpd"))
        if kode and kode not in self.skpd_seen and len(self.skpd_seen) < 50:
            self.skpd_seen[kode] = str(v.get("nama_skpd") or "")
        if self.skpd is not None and kode != self.skpd:
            return False
        if not self.data.kode_skpd:
            self.data.kode_skpd, self.data.skpd = kode, str(v.get("nama_skpd") or "")
        return True

    def sub(self, v: dict) -> SubKegiatan:
        ukode = _kode(v.get("kode_unit")) or self.data.kode_skpd
        self.unit_seen.add(ukode)
        nama_sipd = str(v.get("nama_unit") or v.get("nama_skpd") or ukode)
        unit = self._find(self.data.unit, ukode, nama_sipd, "")
        if unit is None:
            unit = self.data.unit[ukode] = UnitSipd(ukode, self.unit_map.get(ukode, nama_sipd), nama_sipd)
        pkode, kkode, skode = _kode(v.get("kode_program")), _kode(v.get("kode_kegiatan")), _kode(v.get("kode_sub"))
        prog = self._find(unit.program, pkode, v.get("nama_program"), "Program")
        if prog is None:
            prog = unit.program[pkode] = Program(pkode, str(v.get("nama_program") or ""))
        keg = self._find(prog.kegiatan, kkode, v.get("nama_kegiatan"), "Kegiatan")
        if keg is None:
            keg = prog.kegiatan[kkode] = Kegiatan(kkode, str(v.get("nama_kegiatan") or ""))
        sub = self._find(keg.sub, skode, v.get("nama_sub"), "Sub Kegiatan")
        if sub is None:
            sub = keg.sub[skode] = SubKegiatan(skode, str(v.get("nama_sub") or ""))
        return sub

    def _find(self, items: dict, kode: str, nama: object, level: str):
        """The line with this code; else, when the two exports write a code differently (`…0001` / `…01`),
        the one with this name (remembered as an alias of the code). None: a new line."""
        item = items.get(kode)
        if item is not None:
            return item
        alias = self._alias.get((id(items), kode))
        if alias is not None:
            return alias
        key = kunci(str(nama or ""), level)
        if not key:
            return None
        for other in items.values():
            if kunci(getattr(other, "nama_sipd", None) or other.nama, level) == key:
                self._alias[(id(items), kode)] = other
                return other
        return None

    def belanja(self, rekening: str) -> JenisBelanja:
        jb = self._rekening.get(rekening)
        if jb is None:
            jb = self._rekening[rekening] = self._jenis(rekening)
        return jb

    def _jenis(self, rekening: str) -> JenisBelanja:
        parts = rekening.split(".")
        jkode = ".".join(parts[:3])
        jb = self.data.belanja.get(jkode)
        if jb is None:
            kel = ".".join(parts[:2])
            jb = self.data.belanja[jkode] = JenisBelanja(
                jkode, KELOMPOK.get(kel, f"Rekening {kel}"), JENIS.get(jkode, f"Belanja {jkode}"))
        return jb

    def finish(self, f: SipdFile, n: int) -> None:
        if self.skpd is not None and n == 0:
            found = ", ".join(f"{k} ({v})" for k, v in self.skpd_seen.items()) or "(tidak ada)"
            raise SipdError(problem("sipd.skpd-tidak-ada", f.where, "", found=self.skpd, expected=found))


def _skipped(f: SipdFile, first: int | None, n: int, total: Decimal) -> list[Problem]:
    if not n:
        return []
    from .. import rupiah

    return [problem("sipd.tanpa-kode", f.where, f"A{first}", n=n, first=first, total=rupiah(total))]


def kumpulkan(rekap: Path, realisasi: Path | None = None, *, skpd: str | None = None,
              unit_map: dict[str, str] | None = None) -> DataSipd:
    """Read and group both exports. Raises SipdError (with its problem) for a file that cannot be used."""
    data = DataSipd(rekap=Path(rekap), realisasi_file=Path(realisasi) if realisasi else None)
    unit_map = dict(unit_map or {})
    g = _Grouper(data, skpd, unit_map)
    with SipdFile(Path(rekap), (REKAP,)) as f:
        n = 0
        skipped, first, skipped_total = 0, None, ZERO
        for row in f.rows():
            v = row.values
            if not g.keep(v):
                continue
            n += 1
            rekening = _kode(v.get("kode_rekening"))
            if not rekening or not _kode(v.get("kode_sub")):
                if rekening:  # a rekening row without its sub kegiatan
                    skipped += 1
                    first = first or row.row
                    skipped_total += money(v, "pagu")
                continue  # hierarchy rows (program/kegiatan/sub kegiatan subtotals)
            if data.tahun is None and str(v.get("tahun") or "").strip().isdigit():
                data.tahun = int(str(v["tahun"]).strip())
            sub = g.sub(v)
            sub.di_rekap = True
            pagu = money(v, "pagu")
            sub.pagu += pagu
            sub.rekening += 1
            sd = str(v.get("sumber_dana") or "")
            if sd and sd not in sub.sumber_dana:
                sub.sumber_dana.append(sd)
            g.belanja(rekening).anggaran += pagu
            data.baris_rekap += 1
        g.finish(f, n)
        data.problems += f.problems + _skipped(f, first, skipped, skipped_total)
        if not data.baris_rekap and not errors_in(f.problems):
            raise SipdError(problem("sipd.tanpa-baris", f.where, "", what=REKAP.judul))
    if realisasi is not None:
        data.ada_realisasi = True
        g.skpd_seen = {}
        with SipdFile(Path(realisasi), (REALISASI,)) as f:
            # first the documents by their codes as written (a few thousand groups), then the groups into the tree
            groups: dict[tuple, list] = {}
            for row in f.rows():
                v = row.values
                key = (v.get("kode_skpd"), v.get("kode_unit"), v.get("kode_program"), v.get("kode_kegiatan"),
                       v.get("kode_sub"), v.get("kode_rekening"))
                nr = v.get("nilai_realisasi") or ZERO
                ns = v.get("nilai_setoran") or ZERO
                acc = groups.get(key)
                if acc is None:
                    acc = groups[key] = [v, row.row, ZERO, ZERO, 0, 0, False]
                acc[2] += nilai_bersih(nr, ns)
                acc[3] += abs(ns)
                acc[4] += 1
                if ns or nr < 0:
                    acc[5] += 1
                if nr or ns:
                    acc[6] = True
            n = 0
            skipped, first, skipped_total = 0, None, ZERO
            for v, row_number, bersih, setoran, dokumen, kembali, bernilai in groups.values():
                if not g.keep(v):
                    continue
                n += dokumen
                rekening = _kode(v.get("kode_rekening"))
                if not rekening or not _kode(v.get("kode_sub")):
                    if bernilai:
                        skipped += dokumen
                        first = min(first or row_number, row_number)
                        skipped_total += bersih
                    continue
                sub = g.sub(v)
                sub.realisasi += bersih
                sub.setoran += setoran
                sub.dokumen += dokumen
                data.baris_setoran += kembali
                g.belanja(rekening).realisasi += bersih
                data.baris_realisasi += dokumen
            g.finish(f, n)
            data.problems += f.problems + _skipped(f, first, skipped, skipped_total)
            where = f.where
        for unit in data.unit.values():
            for _p, _k, s in unit.subs():
                if not s.di_rekap:
                    data.problems.append(problem("sipd.realisasi-tanpa-pagu", where, "", found=_rp(s.realisasi),
                                                 kode=s.kode, uraian=s.nama, unit=unit.nama))
                if s.realisasi < 0:
                    data.problems.append(problem("sipd.realisasi-negatif", where, "", found=_rp(s.realisasi),
                                                 kode=s.kode, uraian=s.nama, unit=unit.nama))
    unknown = [k for k in unit_map if k not in g.unit_seen]
    if unknown:
        raise SipdError(problem("sipd.unit-tidak-dikenal", data.rekap.name, "", found=f"{unknown[0]}={unit_map[unknown[0]]}",
                                kode=unknown[0], expected=", ".join(sorted(g.unit_seen)) or "(tidak ada)"))
    return data


def _rp(value: Decimal) -> str:
    from .. import rupiah

    return rupiah(value)


def errors_in(problems: list[Problem]) -> bool:
    from .. import errors

    return bool(errors(problems))
