"""Staff text checked against the figures the report prints (issue 19.13, 19.14).

Staff write their own Narasi sections and Analisis/Solusi cells; the report prints them as typed.
A Rupiah amount, a percentage or a capaian in that text which the report does not print (beyond
the rounding the staff used) is a second figure for the same thing: a warning at the cell, with
the staff figure and the report's. Claims the figures refute ("seluruh sasaran tercapai" beside a
sasaran below target) are warnings too, from a short documented list (`KLAIM`, docs/workbook.md).
Pure functions over the model and its results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .compute import Hasil
from .formatting import angka, persen, rupiah
from .model import Laporan
from .numbers import round_half_up
from .problems import Problem, problem

# -- where staff text is ---------------------------------------------------------------------


@dataclass(frozen=True)
class TeksStaf:
    """One piece of staff text: what it is (for the message), where it is, what it says."""

    bagian: str
    sheet: str
    cell: str
    teks: str
    indikator: object = None  # the Indikator of an Analisis/Solusi cell: "capaian" there is its capaian


def staff_texts(lap: Laporan) -> list[TeksStaf]:
    """Every staff narrative: Narasi sections, Analisis and Solusi cells of the Kinerja sheet."""
    out = []
    for bagian, nar in lap.narasi.items():
        out.append(TeksStaf(f"Narasi '{bagian}'", "Narasi", lap.cell("Narasi", "isi", nar.row),
                            "\n".join(b.teks for b in nar.blok)))
    for node in lap.nodes():
        for ind in node.indikator:
            for key, label in (("analisis", "Analisis"), ("solusi", "Solusi")):
                text = getattr(ind, key)
                if text:
                    out.append(TeksStaf(f"{label} '{ind.nama[:40]}'", "Kinerja", lap.cell("Kinerja", key, ind.row), text,
                                        ind))
    return out


# -- what the report prints ------------------------------------------------------------------
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d])|(?<![\d.,])\d+(?:,\d+)?(?![\d])")


def _strings(obj, skip: set[str], out: list[str]) -> None:
    if isinstance(obj, str):
        if obj not in skip:
            out.append(obj)
    elif isinstance(obj, dict):
        for v in obj.values():
            _strings(v, skip, out)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _strings(v, skip, out)
    elif hasattr(obj, "as_dict"):
        _strings(obj.as_dict(), skip, out)
    elif hasattr(obj, "__slots__") and not callable(obj):
        for name in obj.__slots__:
            _strings(getattr(obj, name, None), skip, out)


def _indonesian(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def printed_numbers(hasil: Hasil) -> set[Decimal]:
    """Every number the built report prints outside staff text (tables, charts, generated sentences)."""
    from .context import build_context

    lap = hasil.laporan
    ctx = build_context(hasil)
    staff = {t.teks for t in staff_texts(lap)}
    staff |= {b.teks for nar in lap.narasi.values() for b in nar.blok}
    teks = dict(ctx.get("teks", {}))
    for bagian in lap.narasi:
        teks.pop(bagian, None)
    found: list[str] = []
    _strings({k: v for k, v in ctx.items() if k != "teks"}, staff, found)
    _strings(teks, staff, found)
    out: set[Decimal] = set()
    for s in found:
        for m in _NUMBER.finditer(s):
            v = _indonesian(m.group(0))
            if v is not None:
                out.add(v)
    for g in (ctx.get("grafik") or {}).values():
        for point in getattr(g, "data", []) or []:
            for v in point.values() if isinstance(point, dict) else ():
                if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
                    out.add(Decimal(str(v)))
    return out


# -- figures in staff text -------------------------------------------------------------------
_SCALE = {"ribu": 3, "rb": 3, "juta": 6, "jt": 6, "miliar": 9, "milyar": 9, "m": 9, "triliun": 12}
_RP = re.compile(r"\bRp\.?\s*(\d[\d.,]*\d|\d)(?:\s*,-)?(?:\s+(ribu|rb|juta|jt|miliar|milyar|triliun)\b)?", re.I)
_PCT = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,4})?)\s*(%|persen\b)", re.I)
_CAPAIAN = re.compile(r"\bcapaian\b[^.%\d]{0,40}?(?<![\d.,])(\d{1,3},\d{1,2})(?!\d)(?!\s*(?:%|persen))", re.I)
_EFISIENSI = re.compile(r"efisiensi\D{0,25}?(-?\d+(?:[.,]\d+)?)\s*%", re.I)  # narasi.angka-berbeda's own


def _places(text: str) -> int:
    return len(text.split(",")[1]) if "," in text else 0


def _amount(digits: str, scale: str | None) -> tuple[Decimal, int] | None:
    """(amount, decimals of the staff's precision in units of the scale) of `4.611.953.353` / `5,19 miliar`."""
    d = digits.rstrip(",.")
    if scale:
        v = _indonesian(d) if re.fullmatch(r"\d+(?:,\d+)?", d) else None
        if v is None:
            return None
        return v * Decimal(10) ** _SCALE[scale.lower()], _places(d)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?", d):
        return _indonesian(d), -1
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", d):  # English separators
        return Decimal(d.replace(",", "")), -1
    return None


def _nearest(value: Decimal, candidates: list[Decimal]) -> Decimal | None:
    return min(candidates, key=lambda c: abs(c - value)) if candidates else None


def _keyword_before(text: str, start: int, words: dict[str, Decimal | None]) -> Decimal | None:
    window = text[max(0, start - 80):start].lower()
    best, pos = None, (-1, 0)
    for word, value in words.items():
        i = window.rfind(word)
        key = (i + len(word), len(word))  # the word nearest the figure; "realisasi anggaran" over "anggaran"
        if i >= 0 and key > pos and value is not None:
            best, pos = value, key
    return best


def check_figures(lap: Laporan, hasil: Hasil, printed: set[Decimal] | None = None) -> list[Problem]:
    """`teks.angka-berbeda`: a Rupiah amount, percentage or capaian in staff text that the report does not print."""
    texts = staff_texts(lap)
    if not texts:
        return []
    printed = printed_numbers(hasil) if printed is None else printed
    amounts = sorted(v for v in printed if v >= 1000)
    small = sorted(v for v in printed if v <= 1000)
    total = hasil.total
    if total.penyerapan is not None:  # "sisa anggaran 4,03%": the share the printed penyerapan leaves
        small.append(100 - total.penyerapan)
    rp_words = {"realisasi": total.realisasi, "realisasi anggaran": total.realisasi, "pagu": total.pagu, "anggaran": total.pagu, "alokasi": total.pagu,
                "sisa": total.pagu - total.realisasi}
    pct_words = {"capaian": hasil.capaian_instansi, "penyerapan": total.penyerapan, "serapan": total.penyerapan,
                 "realisasi anggaran": total.penyerapan}
    out: list[Problem] = []
    for t in texts:
        skip = [m.span() for m in _EFISIENSI.finditer(t.teks)]
        words = pct_words
        if t.indikator is not None:
            words = {**pct_words, "capaian": hasil.of_indikator(t.indikator).capaian.nilai}
        for m in _RP.finditer(t.teks):
            got = _amount(m.group(1), m.group(2))
            if got is None:
                continue
            value, places = got
            if value < 1000:
                continue
            if places < 0:
                ok = value in printed
            else:  # "Rp 5,19 miliar": any printed amount that rounds to it at the staff's precision
                unit = Decimal(10) ** _SCALE[m.group(2).lower()]
                ok = any(round_half_up(a / unit, places) == value / unit for a in amounts)
            if ok:
                continue
            ref = _keyword_before(t.teks, m.start(), rp_words) or _nearest(value, amounts)
            out.append(problem("teks.angka-berbeda", t.sheet, t.cell, bagian=t.bagian, jenis="jumlah",
                               found=m.group(0).strip(), expected=rupiah(ref) if ref is not None else "-"))
        for pattern, jenis in ((_PCT, "persentase"), (_CAPAIAN, "capaian")):
            for m in pattern.finditer(t.teks):
                if any(a <= m.start(1) < b for a, b in skip):
                    continue
                typed = m.group(1)
                value = _indonesian(typed) if "," in typed or "." not in typed else Decimal(typed)
                if value is None:
                    continue
                places = len(re.split(r"[.,]", typed)[1]) if re.search(r"[.,]", typed) else 0
                if any(round_half_up(v, places) == value for v in small):
                    continue
                ref = _keyword_before(t.teks, m.start(1), words) or _nearest(value, small)
                out.append(problem("teks.angka-berbeda", t.sheet, t.cell, bagian=t.bagian, jenis=jenis,
                                   found=m.group(0).strip() if jenis == "persentase" else typed,
                                   expected=persen(ref) if ref is not None else "-"))
    return out


def check_staff_text(lap: Laporan, hasil: Hasil) -> list[Problem]:
    """All staff-text warnings: figures the report does not print, claims its figures refute."""
    return check_figures(lap, hasil)
