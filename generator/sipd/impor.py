"""The orchestration of `lkjip impor-sipd` (`impor_sipd`) and the reconciliation it prints (`rekonsiliasi_lines`)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .. import LkjipError, Problem
from .agregat import DataSipd, kumpulkan

ARITMETIKA = ("anggaran.jumlah-tidak-cocok", "anggaran.persentase-berbeda", "belanja.total-berbeda")


@dataclass
class Perubahan:
    unit: str
    level: str
    uraian: str
    kode: str
    lama: dict[str, object] = field(default_factory=dict)  # field -> old value (pagu, realisasi, kode)
    baru: dict[str, object] = field(default_factory=dict)


@dataclass
class HasilImpor:
    """What `impor_sipd` read, changed and wrote (for the reconciliation)."""

    out: Path
    data: DataSipd
    ke: Path | None
    sebelum: dict[str, tuple[Decimal, Decimal]]  # unit -> (pagu, realisasi) of the workbook before
    sesudah: dict[str, tuple[Decimal, Decimal]]
    sipd: dict[str, tuple[Decimal, Decimal]]  # unit -> SIPD's own totals
    ditambah: list[Perubahan] = field(default_factory=list)
    diubah: list[Perubahan] = field(default_factory=list)
    dipertahankan: list[Perubahan] = field(default_factory=list)
    belanja: list[tuple[str, str, object, object, Decimal, Decimal | None]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the SIPD files' problems
    validasi: list[Problem] = field(default_factory=list)  # arithmetic problems of the written workbook
    rumus: dict[str, int] = field(default_factory=dict)  # sheet -> formula cells copied without their stored values


def _leaf_totals(units) -> dict[str, tuple[Decimal, Decimal]]:
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for u in units:
        pagu = real = Decimal(0)
        for prog in u.program:
            for b in prog.walk():
                if not b.anak:
                    pagu += b.pagu or 0
                    real += b.realisasi or 0
        out[u.nama] = (pagu, real)
    return out


def default_out(ke: Path | None, tahun: int | None) -> Path:
    if ke is not None:
        return ke.with_name(ke.stem + "-sipd.xlsx")
    return Path(f"LKjIP-{tahun or 'sipd'}-sipd.xlsx")


def impor_sipd(anggaran: Path | str, realisasi: Path | str | None = None, *, ke: Path | str | None = None,
               out: Path | str | None = None, skpd: str | None = None, unit_map: dict[str, str] | None = None,
               tahun: int | None = None, periksa: bool = True) -> HasilImpor:
    """Import SIPD's budget into a new workbook (a copy of `ke`, or a fresh one). Raises LkjipError.

    SipdError (a LkjipError) carries the problem of a SIPD file that cannot be used.
    """
    from openpyxl import load_workbook

    from .. import check
    from . import tulis

    anggaran = Path(anggaran)
    realisasi = Path(realisasi) if realisasi else None
    ke = Path(ke) if ke else None

    def check_out(out: Path) -> None:  # before anything is read when --out is given, else once the year is known
        for src in (anggaran, realisasi, ke):
            if src is not None and src.exists() and out.exists() and out.resolve() == src.resolve():
                raise LkjipError(f"--out {out} adalah salah satu berkas masukan; workbook masukan tidak pernah "
                                 "diubah. Pakai --out dengan nama lain.")
        if out.exists():
            raise LkjipError(f"Berkas {out} sudah ada dan tidak ditimpa. Pakai --out dengan nama lain, "
                             "atau pindahkan/hapus berkas itu dulu.")
        if out.suffix.lower() != ".xlsx":
            raise LkjipError(f"--out {out} tidak berakhiran .xlsx; workbook ditulis sebagai .xlsx.")

    if out is not None or ke is not None:
        out = Path(out) if out else default_out(ke, None)
        check_out(out)
    data = kumpulkan(anggaran, realisasi, skpd=skpd, unit_map=unit_map)
    if out is None:
        out = default_out(None, tahun or data.tahun)
        check_out(out)
    if ke is not None:
        lap, _hasil, problems = check(ke)
        if lap is None:
            raise LkjipError(f"Workbook {ke} tidak dapat dibaca: {problems[0].message}")
        model_units = lap.unit
        try:
            with warnings.catch_warnings():  # openpyxl's English notes on parts it drops (extension lists): not for staff
                warnings.simplefilter("ignore")
                wb = load_workbook(ke)
        except Exception as exc:  # the reader read it; openpyxl refusing it is a damaged part
            raise LkjipError(f"Workbook {ke} tidak dapat dibuka untuk disalin: {type(exc).__name__}.") from exc
        name = next((n for n in wb.sheetnames if n == "Anggaran"), None) or next(
            (n for n in wb.sheetnames if n.strip().lower() == "anggaran"), None)
        if name is None:
            raise LkjipError(f"Workbook {ke} tidak memiliki sheet Anggaran.")
        ws = wb[name]
    else:
        from .. import build_blank, set_isian

        model_units = []
        th = tahun or data.tahun
        if th is None:
            raise LkjipError("Tahun anggaran tidak ada di kolom TAHUN rekap; sebutkan dengan --tahun.")
        wb = build_blank(th, (th, th + 2))
        set_isian(wb, {"instansi": data.skpd or None, "tahun": th})
        ws = wb["Anggaran"]
    sebelum = _leaf_totals([_Shim(u.nama, [tulis._from_workbook(p) for p in u.program]) for u in model_units])
    units = tulis.gabung(data, model_units)
    tulis.tulis_anggaran(ws, units, data, anggaran.name)
    belanja_lama = _belanja_lama(lap.belanja if ke is not None else [])
    tulis.tulis_belanja(wb, data, {k: v[1] for k, v in belanja_lama.items()})
    rumus = _formulas(wb) if ke is not None else {}
    tulis.simpan(wb, out)
    hasil = HasilImpor(out, data, ke, sebelum, _leaf_totals(units),
                       {u.nama: u.sipd.total() for u in units if u.sipd is not None}, problems=list(data.problems))
    _changes(hasil, units)
    hasil.rumus = rumus
    for jb in sorted(data.belanja.values(), key=lambda j: j.kode):
        lama = belanja_lama.get(jb.jenis.casefold(), (None, None))
        hasil.belanja.append((jb.kelompok, jb.jenis, lama[0], lama[1], jb.anggaran,
                              jb.realisasi if data.ada_realisasi else lama[1]))
    if periksa:
        _lap, _hasil, problems = check(out)
        hasil.validasi = [p for p in problems if p.code in ARITMETIKA]
    return hasil


def _formulas(wb) -> dict[str, int]:
    """Formula cells per sheet: openpyxl copies the formula, not the value Excel stored with it."""
    out: dict[str, int] = {}
    for ws in wb.worksheets:
        n = sum(1 for row in ws.iter_rows() for c in row if c.data_type == "f")
        if n:
            out[ws.title] = n
    return out


@dataclass
class _Shim:
    nama: str
    program: list


def _belanja_lama(rows) -> dict[str, tuple[Decimal, Decimal]]:
    out: dict[str, tuple[Decimal, Decimal]] = {}
    for b in rows:
        a, r = out.get(b.jenis.casefold(), (Decimal(0), Decimal(0)))
        out[b.jenis.casefold()] = (a + (b.anggaran or 0), r + (b.realisasi or 0))
    return out


def _changes(hasil: HasilImpor, units) -> None:
    for u in units:
        for prog in u.program:
            for b in prog.walk():
                entry = Perubahan(u.nama, b.level, b.uraian, b.kode)
                if b.asal is None:
                    entry.baru = {"pagu": b.pagu, "realisasi": b.realisasi}
                    hasil.ditambah.append(entry)
                    continue
                if b.sipd is None and not b.anak:
                    entry.lama = {"pagu": b.asal.pagu, "realisasi": b.asal.realisasi}
                    hasil.dipertahankan.append(entry)
                    continue
                for key, old, new in (("kode", b.asal.kode, b.kode), ("pagu", b.asal.pagu, b.pagu),
                                      ("realisasi", b.asal.realisasi, b.realisasi)):
                    if not _same(key, old, new):
                        entry.lama[key], entry.baru[key] = old, new
                if entry.baru:
                    hasil.diubah.append(entry)


def rekonsiliasi_dict(h: HasilImpor) -> dict:
    """The reconciliation as JSON-able data (`--format json`): figures as the terminal prints them."""
    d = h.data

    def pair(v: tuple[Decimal, Decimal] | None, realisasi: bool = True) -> dict | None:
        return None if v is None else {"pagu": _rp(v[0]), "realisasi": _rp(v[1]) if realisasi else None}

    def line(p: Perubahan) -> dict:
        return {"unit": p.unit, "level": p.level, "uraian": p.uraian, "kode": p.kode,
                "lama": {k: v if k == "kode" else _rp(v) for k, v in p.lama.items()},
                "baru": {k: v if k == "kode" else _rp(v) for k, v in p.baru.items()}}

    return {
        "workbook": str(h.out),
        "dari": str(h.ke) if h.ke else None,
        "sipd": {"rekap": d.rekap.name, "baris_rekening": d.baris_rekap,
                 "realisasi": d.realisasi_file.name if d.realisasi_file else None, "dokumen": d.baris_realisasi,
                 "dokumen_setoran": d.baris_setoran, "kode_skpd": d.kode_skpd, "skpd": d.skpd},
        "unit": [{"unit": name, "sipd": pair(h.sipd.get(name), d.ada_realisasi), "sebelum": pair(h.sebelum.get(name)),
                  "sesudah": pair(h.sesudah[name])} for name in h.sesudah],
        "total": {"sipd": pair(d.total(), d.ada_realisasi),
                  "sebelum": pair(_sum_pairs(h.sebelum.values())) if h.ke else None,
                  "sesudah": pair(_sum_pairs(h.sesudah.values()))},
        "ditambah": [line(p) for p in h.ditambah],
        "diubah": [line(p) for p in h.diubah],
        "dipertahankan": [line(p) for p in h.dipertahankan],
        "belanja": [{"kelompok": k, "jenis": j, "anggaran": [_rp(la), _rp(na)], "realisasi": [_rp(lr), _rp(nr)]}
                    for k, j, la, lr, na, nr in h.belanja],
        "masalah": [p.as_dict() for p in h.problems],
        "masalah_hitungan": [p.as_dict() for p in h.validasi],
        "rumus": h.rumus,
    }


def _sum_pairs(values) -> tuple[Decimal, Decimal]:
    values = list(values)
    return sum((v[0] for v in values), Decimal(0)), sum((v[1] for v in values), Decimal(0))


def _same(key: str, old, new) -> bool:
    if key == "kode":
        return (old or "") == (new or "")
    return (None if old is None else Decimal(old)) == (None if new is None else Decimal(new))


def _rp(value) -> str:
    from .. import uang

    return "-" if value is None else uang(value)


def rekonsiliasi_lines(h: HasilImpor) -> list[str]:
    """The reconciliation, in Indonesian: totals per unit and overall (SIPD, before, after), every change."""
    d = h.data
    lines = [f"Workbook ditulis: {h.out}" + (f" (salinan {h.ke.name}; {h.ke.name} tidak diubah)" if h.ke else
                                              " (workbook baru dari lkjip template)")]
    lines.append(f"SIPD: {d.rekap.name}: {d.baris_rekap} baris rekening"
                 + (f"; {d.realisasi_file.name}: {d.baris_realisasi} dokumen, {d.baris_setoran} dengan setoran/nilai negatif"
                    if d.ada_realisasi else "; realisasi tidak diimpor (tanpa --realisasi): angka Realisasi workbook dipertahankan")
                 + f"; SKPD {d.kode_skpd} {d.skpd}".rstrip())
    lines.append("")
    lines.append("Total per unit (pagu / realisasi):")
    names = list(h.sesudah)
    sipd_by_name = h.sipd
    for name in names:
        s = sipd_by_name.get(name)
        b = h.sebelum.get(name)
        a = h.sesudah[name]
        sebelum = f"workbook sebelum {_rp(b[0]) if b else '-'} / {_rp(b[1]) if b else '-'}; " if h.ke else ""
        lines.append(f"  {name}: SIPD {_rp(s[0]) if s else '-'} / {_rp(s[1]) if s and d.ada_realisasi else '-'}; "
                     f"{sebelum}sesudah {_rp(a[0])} / {_rp(a[1])}")
    def tot(m):
        return sum((v[0] for v in m.values()), Decimal(0)), sum((v[1] for v in m.values()), Decimal(0))

    s, b, a = d.total(), tot(h.sebelum), tot(h.sesudah)
    sebelum = f"workbook sebelum {_rp(b[0])} / {_rp(b[1])}; " if h.ke else ""
    lines.append(f"  Jumlah: SIPD {_rp(s[0])} / {_rp(s[1]) if d.ada_realisasi else '-'}; "
                 f"{sebelum}sesudah {_rp(a[0])} / {_rp(a[1])}")
    lines.append("")
    if h.ke is None:  # a fresh workbook: every line is new, the totals above say what it holds
        lines.append(f"Baris Anggaran: {len(h.ditambah)} baris dari SIPD (program, kegiatan, sub kegiatan), nama "
                     "seperti tertulis di SIPD; isi Sasaran setiap program")
    else:
        lines.append(f"Baris Anggaran: {len(h.ditambah)} ditambah, {len(h.diubah)} diubah, "
                     f"{len(h.dipertahankan)} dipertahankan (tidak ada di SIPD)")

    def name(p: Perubahan) -> str:
        return f"{p.unit} / {p.kode + ' ' if p.kode else ''}{p.level} '{p.uraian}'"

    for p in h.ditambah if h.ke is not None else []:
        lines.append(f"Anggaran baru: {name(p)} pagu {_rp(p.baru['pagu'])}, realisasi {_rp(p.baru['realisasi'])}")
    hanya_kode = [p for p in h.diubah if set(p.baru) == {"kode"} and not p.lama["kode"]]
    if hanya_kode:
        lines.append(f"Kode dari SIPD ditulis di kolom Kode: {len(hanya_kode)} baris yang angkanya tidak berubah "
                     "(Kode-nya sebelumnya kosong)")
    for p in h.diubah:
        if p in hanya_kode:
            continue
        parts = [f"kode {p.lama['kode'] or '(kosong)'} -> {p.baru['kode']}" for _ in [0] if "kode" in p.baru]
        parts += [f"{k} {_rp(p.lama[k])} -> {_rp(p.baru[k])}" for k in ("pagu", "realisasi") if k in p.baru]
        lines.append(f"Anggaran berubah: {name(p)}: " + "; ".join(parts))
    for p in h.dipertahankan:
        lines.append(f"Anggaran dipertahankan (tidak ada di SIPD, periksa): {name(p)} pagu {_rp(p.lama['pagu'])}, "
                     f"realisasi {_rp(p.lama['realisasi'])}")
    if h.belanja:
        lines.append("")
        lines.append("Belanja (sheet Belanja ditulis ulang dari kode rekening):")
        for kel, jenis, la, lr, na, nr in h.belanja:
            lines.append(f"  {kel} / {jenis}: anggaran {_rp(la)} -> {_rp(na)}; realisasi {_rp(lr)} -> {_rp(nr)}")
    from .. import problem_lines

    if h.problems:
        lines.append("")
        lines += problem_lines(h.problems)
    lines.append("")
    if h.validasi:
        lines.append(f"Periksa: {len(h.validasi)} masalah hitungan anggaran di workbook baru:")
        lines += ["  " + x for x in problem_lines(h.validasi)]
    else:
        lines.append("Hitungan anggaran workbook baru cocok: setiap jumlah sama dengan rinciannya, total Belanja = total Anggaran.")
    if h.rumus:
        where = ", ".join(f"{n} di {sheet}" for sheet, n in h.rumus.items())
        lines.append(f"Perhatian: workbook berisi rumus ({where}). Rumusnya disalin, tetapi nilai hasil rumus yang "
                     f"disimpan Excel tidak: buka {h.out.name} di Excel/LibreOffice dan simpan sekali sebelum lkjip "
                     "validate (tanpa itu: rumus.tanpa-nilai).")
    lines.append(f"Lalu: lkjip validate {h.out}, lkjip diff {h.ke or h.out} {h.out}")
    return lines
