"""Typed mistakes the reader cannot see: each value reads fine, but is probably not what was meant.

A typed percentage is checked at the decimals it was typed with; a rupiah amount with sen or a
fractional count is most often a thousands dot read as a decimal point by an English-locale
Excel; Target Akhir Renstra is compared with the Renstra's last-year target; the signer's NIP,
the office telephone and the PK date are checked as they will be printed. Each finding names
its cell, what was found, the likely cause and the fix. Pure functions over the model.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..base.formatting import BULAN as _BULAN
from ..base.formatting import angka, nilai, persen
from ..base.model import Indikator, Laporan
from ..base.numbers import round_half_up
from ..base.problems import Problem, problem

# -- typed percentages ------------------------------------------------------------------
_EXACT_PLACES = 6  # more decimals than this: a formula's result, not a figure typed by hand


def typed_places(value: Decimal) -> int:
    """How many decimals a typed number shows (`86,66` -> 2, `95,9` -> 1, `100` -> 0)."""
    exp = value.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def typed_percent_ok(typed: Decimal, true: Decimal | None) -> bool:
    """A typed percentage is right exactly when it is the true ratio rounded half-up to the decimals
    typed: 86,66 for 86,667 is wrong, 95,9 for 95,91 is right. A formula's many decimals must equal it."""
    if true is None:
        return False
    places = typed_places(typed)
    if places > _EXACT_PLACES:
        return abs(typed - true) < Decimal("0.000001")
    return round_half_up(true, places) == typed


def as_typed(value: Decimal, desimal: int = 2) -> str:
    """A typed percentage shown with the decimals it was typed with (`95,9%`); a whole number, which a
    number cell shows with its format's decimals, with the report's (`100,00%`)."""
    places = typed_places(value)
    return persen(value, places if 0 < places <= _EXACT_PLACES else desimal)


def rounded_as_typed(typed: Decimal, true: Decimal, desimal: int) -> str:
    """`; dibulatkan ke 1 desimal seperti yang diketik: 96,0%` for a near miss typed with fewer decimals than the report's."""
    places = typed_places(typed)
    if not 0 < places < desimal or abs(typed - true) >= 1:
        return ""
    return f"; dibulatkan ke {places} desimal seperti yang diketik: {persen(round_half_up(true, places), places)}"


# -- NIP ----------------------------------------------------------------------------------
_NIP_PARTS = (("tanggal lahir", 8, "19770321"), ("TMT CPNS", 6, "199602"), ("jenis kelamin", 1, "1"), ("nomor urut", 3, "001"))


def _date_fault(y: int, m: int, d: int) -> str | None:
    if not 1 <= m <= 12:
        return f"bulan {m:02d} tidak ada"
    try:
        dt.date(y, m, d)
    except ValueError:
        return f"tanggal {d:02d} tidak ada pada bulan {_BULAN[m - 1]} {y}"
    return None


def nip_problem(nip: str, today: dt.date | None = None) -> str | None:
    """Why a NIP is malformed, naming the part that is wrong (tanggal lahir, TMT CPNS, jenis
    kelamin, nomor urut), or None if it looks valid."""
    today = today or dt.date.today()
    raw = nip.strip()
    digits = re.sub(r"[\s.\-]", "", raw)
    if not digits.isdigit():
        other = "".join(dict.fromkeys(ch for ch in digits if not ch.isdigit()))
        return f"mengandung karakter selain angka ({other[:10]})"
    if len(digits) != 18:
        groups = [g for g in re.split(r"[\s.\-]+", raw) if g]
        if len(groups) == 4:
            for (name, size, example), g in zip(_NIP_PARTS, groups):
                if len(g) != size:
                    return (f"terdiri dari {len(digits)} angka, seharusnya 18: bagian {name} '{g}' {len(g)} angka, "
                            f"seharusnya {size} (mis. {example})")
        return (f"terdiri dari {len(digits)} angka, seharusnya 18 (8 tanggal lahir, 6 TMT CPNS, 1 jenis kelamin, "
                f"3 nomor urut)")
    faults = []
    ly, lm, ld = int(digits[0:4]), int(digits[4:6]), int(digits[6:8])
    fault = _date_fault(ly, lm, ld)
    born = None
    if fault:
        faults.append(f"bagian tanggal lahir (8 angka pertama, {digits[:8]}) tidak sah: {fault}")
    elif not today.year - 80 <= ly <= today.year - 15:
        faults.append(f"bagian tanggal lahir (8 angka pertama, {digits[:8]}) memberi tahun lahir {ly}, tidak mungkin untuk pegawai")
    else:
        born = dt.date(ly, lm, ld)
    ty, tm = int(digits[8:12]), int(digits[12:14])
    if not 1 <= tm <= 12:
        faults.append(f"bagian TMT CPNS (angka ke-9 s.d. 14, {digits[8:14]}) tidak sah: bulan {tm:02d} tidak ada")
    elif ty > today.year + 1 or ty < 1950:
        faults.append(f"bagian TMT CPNS (angka ke-9 s.d. 14, {digits[8:14]}) memberi tahun {ty}, tidak mungkin")
    elif born is not None and ty < born.year + 15:
        gap = f"hanya {ty - born.year} tahun setelah" if ty > born.year else ("pada" if ty == born.year else "sebelum")
        faults.append(f"TMT CPNS {_BULAN[tm - 1]} {ty} (angka ke-9 s.d. 14) {gap} tahun lahir {born.year} "
                      f"(8 angka pertama): salah satunya salah ketik")
    if digits[14] not in "12":
        faults.append(f"angka ke-15 (jenis kelamin) adalah {digits[14]}, seharusnya 1 (laki-laki) atau 2 (perempuan)")
    return "; ".join(faults) or None


# -- locale ---------------------------------------------------------------------------------
COUNT_UNITS = frozenset("""
    orang jiwa org peserta pegawai aparatur kk rumah keluarga dokumen dok berkas laporan surat naskah arsip eksemplar
    lembar buku kegiatan keg paket unit buah bh set kali frekuensi desa kelurahan kecamatan rt rw dusun lembaga
    kelompok organisasi ormas koperasi umkm usaha lokasi titik tempat sekolah pos kasus perkara pengaduan aduan
    event inovasi produk perda perbup sk layanan sarana kendaraan ekor pohon
""".split())


def _satuan_cacah(satuan: str) -> bool:
    words = re.findall(r"[a-z]+", satuan.lower())
    return bool(words) and words[0] in COUNT_UNITS


def _as_thousands(value: Decimal) -> Decimal | None:
    """999,69 -> 999690: the amount an English-locale Excel read as decimals, when that is possible."""
    if 0 < abs(value) < 1000 and 1 <= typed_places(value) <= 3:
        return value * 1000
    return None


def _rupiah(out: list[Problem], sheet: str, cell: str, value: Decimal | None) -> None:
    if value is None or value == value.to_integral():
        return
    thousands = _as_thousands(value)
    if thousands is not None:
        cause = (f": kemungkinan {angka(thousands, 0)} yang pemisah ribuannya terbaca sebagai koma desimal "
                 f"(mis. diketik dengan titik di Excel berpengaturan bahasa Inggris)")
        fix = (f"Ketik ulang angkanya tanpa titik ({thousands.normalize():f}); bila memang {angka(value)} rupiah, "
               f"abaikan peringatan ini.")
    else:
        cause = ": anggaran dan realisasi biasanya dalam rupiah penuh; pecahan seperti ini biasanya hasil rumus"
        fix = "Bulatkan angkanya (di Excel: =ROUND(...;0)) atau periksa rumusnya; bila memang bersen, abaikan peringatan ini."
    out.append(problem("angka.rupiah-bersen", sheet, cell, found=angka(value), cause=cause, fix=fix))


def _cacah(out: list[Problem], sheet: str, cell: str, value: object, satuan: str) -> None:
    if not isinstance(value, Decimal) or value == value.to_integral() or not _satuan_cacah(satuan):
        return
    thousands = _as_thousands(value)
    contoh = (f" ({angka(thousands, 0)} diketik dengan titik ribuan terbaca {angka(value, typed_places(value))})"
              if thousands is not None else "")
    out.append(problem("angka.cacah-pecahan", sheet, cell, found=angka(value, typed_places(value)), satuan=satuan,
                       contoh=contoh))


_THOUSANDS_DOT = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")


def _ambiguous_dot(out: list[Problem], ind: Indikator, values: list[tuple[str, object]]) -> None:
    """`3.125` read as three thousand beside `3.25` read as three and a quarter, in one indicator."""
    for key, text in ind.ketikan.items():
        if not _THOUSANDS_DOT.fullmatch(text):
            continue
        small = Decimal(text)  # the decimal reading: 3.125
        for other, value in values:
            if other == key or not isinstance(value, Decimal) or value == value.to_integral():
                continue
            if small / 10 <= abs(value) <= small * 10:
                shown = ind.ketikan.get(other) or angka(value, typed_places(value))
                out.append(problem("angka.titik-ambigu", "Kinerja", ind.cells.get(key, ""), found=text,
                                   ribuan=text.replace(".", "").lstrip("+"), other=ind.cells.get(other, ""),
                                   other_text=shown, koma=text.replace(".", ",")))
                break


def _check_locale(lap: Laporan, out: list[Problem]) -> None:
    for node in lap.nodes():
        for ind in node.indikator:
            values: list[tuple[str, object]] = [(f"target:{y}", v) for y, v in ind.target.items()]
            values += [(f"realisasi:{y}", v) for y, v in ind.realisasi.items()]
            values += [("target_akhir", ind.target_akhir), ("standar", ind.standar)]
            for key, value in values:
                _cacah(out, "Kinerja", ind.cells.get(key, ""), value, ind.satuan)
            if ind.ketikan:
                _ambiguous_dot(out, ind, values)
    for line in lap.budget_lines():  # 20.000 lines: a cell reference is worked out only for a finding
        for field in ("pagu", "realisasi"):
            value = getattr(line, field)
            if value is not None and value != value.to_integral():
                _rupiah(out, "Anggaran", line.cells.get(field, ""), value)
        for field in ("target_keluaran", "realisasi_keluaran"):
            value = getattr(line, field)
            if isinstance(value, Decimal) and value != value.to_integral():
                _cacah(out, "Anggaran", line.cells.get(field, ""), value, line.satuan_keluaran)
    for b in lap.belanja:
        for field in ("anggaran", "realisasi"):
            _rupiah(out, "Belanja", lap.cell("Belanja", field, b.row), getattr(b, field))
    for ra in lap.rencana_aksi:
        for field in ("target_anggaran", "realisasi_anggaran"):
            _rupiah(out, "Rencana_Aksi", lap.cell("Rencana_Aksi", field, ra.row), getattr(ra, field))


def _text_typed(line, field: str) -> bool:
    typed = getattr(line.cells, "typed_as_text", None)
    return bool(typed and typed(field))


def _check_plausible(lap: Laporan, out: list[Problem]) -> None:
    """Amounts that read fine but are probably a thousandfold off: a realisasi under 1 % of its pagu,
    and an amount typed as text more than 100 times that of a sibling line."""
    for line in lap.budget_lines():
        if line.anak:
            kids = [k for k in line.anak if not k.anak]
            for field, label in (("pagu", "Pagu"), ("realisasi", "Realisasi")):
                amounts = [v for v in (getattr(k, field) for k in kids) if v and v > 0]
                if len(amounts) < 2 or max(amounts) <= min(amounts) * 100:
                    continue  # no pair a hundredfold apart: nothing to look at (cheap on 20.000 lines)
                for k in kids:
                    v = getattr(k, field)
                    if not v or v <= 0 or not _text_typed(k, field):
                        continue
                    for o in kids:
                        w = getattr(o, field)
                        if o is k or not w or w <= 0:
                            continue
                        if v > w * 100 or v * 100 < w:
                            out.append(problem("anggaran.angka-tak-wajar", "Anggaran", k.cells.get(field, ""),
                                               field=label, found=angka(v, 0), other=o.cells.get(field, ""),
                                               uraian=o.uraian[:60], expected=angka(w, 0)))
                            break
            continue
        p, r = line.pagu, line.realisasi
        if p and r and p > 0 and 0 < r * 100 < p:
            out.append(problem("anggaran.realisasi-tak-wajar", "Anggaran", line.cells.get("realisasi", ""),
                               found=angka(r, 0), expected=angka(p, 0), persen=persen(r / p * 100)))


# -- Renstra, signer --------------------------------------------------------------------------
def _check_target_akhir(lap: Laporan, out: list[Problem]) -> None:
    last = lap.profil.periode[1]
    if not last or last not in lap.tahun_target:
        return
    for node in lap.nodes():
        for ind in node.indikator:
            akhir, target = ind.target_akhir, ind.target.get(last)
            if akhir is None or target is None or akhir == target:
                continue
            out.append(problem("kinerja.target-akhir-berbeda", "Kinerja", ind.cells.get("target_akhir", ""),
                               found=nilai(akhir), expected=nilai(target), tahun=last, indikator=ind.nama[:60],
                               sel=ind.cells.get(f"target:{last}", "")))


def _check_penandatangan(lap: Laporan, out: list[Problem], unread: set[tuple[str, str]]) -> None:
    p = lap.profil
    if p.cells and p.tanggal_pk is None and ("Profil", p.cells.get("tanggal_pk", "")) not in unread:
        out.append(problem("profil.tanggal-pk-kosong", "Profil", p.cells.get("tanggal_pk", ""), kota=p.kota or "…"))
    digits = re.sub(r"[\s\-.()/]", "", p.telepon)
    if digits.isdigit() and len(digits) >= 9 and not digits.startswith(("0", "62")):
        out.append(problem("profil.telepon-tanpa-nol", "Profil", p.cells.get("telepon", ""), found=p.telepon,
                           expected="0" + p.telepon.strip()))


def check_typed(lap: Laporan, reader_problems: list[Problem] = ()) -> list[Problem]:
    """All typed-mistake warnings of a read workbook."""
    out: list[Problem] = []
    unread = {(p.sheet, p.cell) for p in reader_problems}
    _check_target_akhir(lap, out)
    _check_locale(lap, out)
    _check_plausible(lap, out)
    _check_penandatangan(lap, out, unread)
    return out
