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

from ..base.formatting import persen, rupiah
from ..base.model import Laporan
from ..base.numbers import round_half_up
from ..base.problems import Problem, problem
from ..compute.hasil import Hasil

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


def _figures_of(hasil: Hasil) -> set[Decimal]:
    """The figures every report prints, straight from the results (budget lines, units, totals, Belanja,
    indicators, sasaran, instansi): a subset of `printed_numbers`, without building the context."""
    out: set[Decimal] = set()
    for j in list(hasil.jumlah.values()) + [u for _, u in hasil.unit] + [hasil.total]:
        out.update((j.pagu, j.realisasi))
        if j.penyerapan is not None:
            out.add(j.penyerapan)
    out.add(hasil.total.sisa)
    for _, u in hasil.unit:
        out.add(u.sisa)
    for b in hasil.laporan.belanja:
        out.update((b.anggaran, b.realisasi))
    for h in hasil.indikator:
        out.update(v for v in (h.target, h.realisasi, h.capaian.nilai) if isinstance(v, Decimal))
    for hn in hasil.node.values():
        out.update(v for v in (hn.capaian, hn.efisiensi) if v is not None)
    out.update(v for v in (hasil.capaian_instansi, hasil.efisiensi_instansi) if v is not None)
    return out


def check_figures(lap: Laporan, hasil: Hasil, printed: set[Decimal] | None = None) -> list[Problem]:
    """`teks.angka-berbeda`: a Rupiah amount, percentage or capaian in staff text that the report does not print."""
    # only texts that state a figure; the whole report's figures (a context build) only when the results'
    # own figures do not account for one
    texts = [t for t in staff_texts(lap) if _RP.search(t.teks) or _PCT.search(t.teks) or _CAPAIAN.search(t.teks)]
    if not texts:
        return []
    if printed is not None:
        return _scan(lap, hasil, texts, printed)
    cheap = _figures_of(hasil)
    return _scan(lap, hasil, texts, cheap) and _scan(lap, hasil, texts, cheap | printed_numbers(hasil))


def _scan(lap: Laporan, hasil: Hasil, texts: list[TeksStaf], printed: set[Decimal]) -> list[Problem]:
    amounts = sorted(v for v in printed if v >= 1000)
    small = sorted(v for v in printed if v <= 1000)
    total = hasil.total
    if total.penyerapan is not None:  # "sisa anggaran 4,03%": the share the printed penyerapan leaves
        small.append(100 - total.penyerapan)
    averages = [v for v in [hasil.capaian_instansi] + [hasil.of(s).capaian for s in lap.nodes("Sasaran")] if v is not None]
    averages = averages if hasil.capaian_instansi is not None else [Decimal(-1)] + averages
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
            out.append(problem("teks.angka-berbeda", t.sheet, t.cell, bagian=t.bagian, jenis="jumlah", sebagai="",
                               found=m.group(0).strip(), expected=rupiah(ref) if ref is not None else "-"))
        for pattern, jenis in ((_PCT, "persentase"), (_CAPAIAN, "capaian")):
            for m in pattern.finditer(t.teks):
                if any(a <= m.start(1) < b for a, b in skip) or _threshold(t.teks, m.start(1), m.end()):
                    continue
                typed = m.group(1)
                value = _indonesian(typed) if "," in typed or "." not in typed else Decimal(typed)
                if value is None:
                    continue
                places = len(re.split(r"[.,]", typed)[1]) if re.search(r"[.,]", typed) else 0
                # "rata-rata capaian … 100%": an average is one of the printed averages, not any printed figure
                clause = re.split(r"[.;]\s", t.teks[max(0, m.start(1) - 120):m.start(1)])[-1].lower()
                rata = "rata-rata" in clause
                mean = averages if "sasaran" in clause else averages[:1]  # of a sasaran, else of the instansi
                if any(round_half_up(v, places) == value for v in (mean if rata else small)):
                    continue
                ref = (hasil.capaian_instansi if rata else None) or _keyword_before(t.teks, m.start(1), words) \
                    or _nearest(value, small)
                out.append(problem("teks.angka-berbeda", t.sheet, t.cell, bagian=t.bagian, jenis=jenis,
                                   sebagai=" sebagai rata-rata capaian" if rata else "",
                                   found=m.group(0).strip() if jenis == "persentase" else typed,
                                   expected=persen(ref) if ref is not None else "-"))
    return out


_BATAS_SEBELUM = re.compile(r"(?:lebih\s+dari|kurang\s+dari|di\s+atas|di\s+bawah|minimal|maksimal|paling\s+(?:sedikit|banyak)|"
                           r"sampai(?:\s+dengan)?|hingga|s\.?\s*d\.?|[<>≤≥]=?|[-–—])\s*$", re.I)
_BATAS_SESUDAH = re.compile(r"^\s*(?:%|persen)?\s*(?:[-–—]|s\.?\s*d\.?|sampai|hingga)\s*\d", re.I)


def _threshold(text: str, start: int, end: int) -> bool:
    """A percentage that bounds a range or a scale ("60% - 80%: Efisien", "lebih dari 100%"), not a figure."""
    return bool(_BATAS_SEBELUM.search(text[max(0, start - 20):start]) or _BATAS_SESUDAH.match(text[end:end + 20]))


# -- claims the figures refute ------------------------------------------------------------------
_ANGKA_KATA = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
               "sembilan": 9, "sepuluh": 10, "sebelas": 11}
KLAIM: tuple[tuple[str, str, str], ...] = (
    # (name, pattern, condition): a match is a warning when the condition holds (docs/workbook.md)
    ("semua-tercapai", r"\b(?:seluruh|semua)\s+(?:sasaran|target|indikator)(?:\s+\w+){0,4}?\s+(?:telah\s+|sudah\s+|dapat\s+)?"
                       r"(?:tercapai|terpenuhi|mencapai\s+target|dicapai)", "di-bawah-target"),
    ("hasil-maksimal", r"\bhasil\s+yang\s+(?:maksimal|optimal|memuaskan|sangat\s+baik)", "di-bawah-target"),
    ("terealisasi-baik", r"\b(?:dapat\s+)?(?:di)?realisasikan\s+dengan\s+(?:baik|sangat\s+baik|optimal|maksimal)",
     "di-bawah-target"),
    ("berhasil-baik", r"\bberhasil\s+dengan\s+(?:baik|sangat\s+baik)", "di-bawah-target"),
    ("ada-yang-gagal", r"\b(?:beberapa|sebagian|ada)\s+(?:indikator|sasaran|target)(?:\s+\w+){0,2}?\s+(?:yang\s+)?belum\s+"
                       r"(?:menunjukkan\s+capaian\s+sesuai|mencapai|memenuhi|sesuai)(?:\s+dengan)?\s+target", "semua-tercapai"),
)
# "Kegagalan kinerja … dipengaruhi oleh kegagalan kinerja sasaran, di antaranya:" followed by a list
_GAGAL_JUDUL = re.compile(r"\bkegagalan\s+(?:kinerja\s+)?sasaran\b|\bsasaran\s+yang\s+(?:belum|tidak)\s+tercapai\b", re.I)
_GAGAL = re.compile(r"\b(?:belum|tidak)\s+(?:dapat\s+)?(?:tercapai|mencapai\s+target|memenuhi\s+target|berhasil)|\bgagal\b", re.I)
_HITUNG = re.compile(r"\b(\d{1,2}|" + "|".join(_ANGKA_KATA) + r")\s*(?:\(\s*[a-z ]+\s*\)\s*)?"
                     r"(sub\s+kegiatan|program|kegiatan|sasaran|indikator)\b", re.I)
_PROGRAM = re.compile(r"\bProgram\s+((?:[A-Z][\w/-]*)(?:\s+(?:dan|serta|di|ke|pada|atas|[A-Z][\w/-]*))*)")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w/ ]+", " ", text.lower())).strip()


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+|\n+", text) if s.strip()]


def _below_target(hasil: Hasil) -> list[str]:
    """Why "all achieved" is false: each sasaran indicator below target (or rated Rendah / Sangat Rendah)."""
    out = []
    for h in hasil.indikator:
        if h.node.level == "Sasaran" and h.capaian.status == "tidak_tercapai":
            out.append(f"{h.indikator.nama[:60]}: capaian {persen(h.capaian.nilai) if h.capaian.nilai is not None else '-'}"
                       + (f", {h.predikat}" if h.predikat and h.predikat != "-" else ""))
    return out


def _counts(lap: Laporan, hasil: Hasil) -> dict[str, set[int]]:
    """What the report counts, by identity (kode, else uraian within the unit); any of the set is right."""
    from ..base.contract import program_key

    programs = {program_key(p.uraian) for u in lap.unit for p in u.program}
    keg, keg_funded, sub = set(), set(), set()
    for u in lap.unit:
        for p in u.program:
            for ln in p.walk():
                key = (u.nama, ln.kode or _norm(ln.uraian))
                if ln.level == "Kegiatan":
                    keg.add(key)
                    if hasil.jumlah[ln].pagu:
                        keg_funded.add(key)
                elif ln.level == "Sub Kegiatan":
                    sub.add(key)
    sasaran = list(lap.nodes("Sasaran"))
    inds = [i for s in sasaran for i in s.indikator]
    every = [i for n in lap.nodes() for i in n.indikator]
    return {"program": {len(programs)} | ({len(_kinerja_names(lap, "Program"))} - {0}), "kegiatan": {len(keg), len(keg_funded)},
            "sub kegiatan": {len(sub)}, "sasaran": {len({_norm(s.uraian) for s in sasaran})},
            "indikator": {len(inds), len(every), len([i for i in every if i.iku])}}


def _kinerja_names(lap: Laporan, level: str) -> set[str]:
    return {_norm(n.uraian) for n in lap.nodes(level)}


def check_claims(lap: Laporan, hasil: Hasil) -> list[Problem]:
    """`teks.klaim-bertentangan`, `teks.jumlah-berbeda`, `teks.nama-tidak-dikenal`, `teks.kesimpulan-tanpa-cakupan`."""
    from ..base.contract import program_key
    from .narrate import cakupan_instansi, terukur

    out: list[Problem] = []
    texts = staff_texts(lap)
    below = _below_target(hasil)
    measured = [h for h in hasil.indikator if h.capaian.status is not None]
    all_met = len(measured) if measured and not any(h.capaian.status == "tidak_tercapai" for h in measured) else 0
    sasaran = [(s, hasil.of(s)) for s in lap.nodes("Sasaran")]
    lazy: dict[str, object] = {}  # what only a matching text needs, worked out once

    def counts() -> dict[str, set[int]]:
        if "counts" not in lazy:
            lazy["counts"] = _counts(lap, hasil)
        return lazy["counts"]  # type: ignore[return-value]

    def known_programs() -> set[str]:
        if "programs" not in lazy:
            names = {program_key(p.uraian) for u in lap.unit for p in u.program} | {
                program_key(n.uraian) for n in lap.nodes("Program")}
            lazy["programs"] = {_norm(k) for k in names}
        return lazy["programs"]  # type: ignore[return-value]
    for t in texts:
        for _name, pattern, cond in KLAIM:
            m = re.search(pattern, t.teks, re.I)
            if m and cond == "di-bawah-target" and below:
                out.append(problem("teks.klaim-bertentangan", t.sheet, t.cell, bagian=t.bagian, found=m.group(0),
                                   why="belum mencapai target: " + "; ".join(below[:3]) + ("; …" if len(below) > 3 else "")))
            if m and cond == "semua-tercapai" and all_met:
                out.append(problem("teks.klaim-bertentangan", t.sheet, t.cell, bagian=t.bagian, found=m.group(0),
                                   why=f"semua {all_met} indikator yang terukur mencapai atau melampaui target"))
        failed_spans = [_norm(s) for s in _sentences(t.teks) if _GAGAL.search(s)]
        failed_spans += [_norm(t.teks[m.end():m.end() + 800]) for m in _GAGAL_JUDUL.finditer(t.teks)]
        named: set[int] = set()
        for ns in failed_spans:
            for s, hn in sasaran:
                if len(_norm(s.uraian)) > 12 and _norm(s.uraian) in ns and hn.capaian is not None and \
                        round_half_up(hn.capaian) >= 100 and id(s) not in named:
                    named.add(id(s))
                    out.append(problem("teks.klaim-bertentangan", t.sheet, t.cell, bagian=t.bagian,
                                       found=f"sasaran {s.uraian[:60]}: gagal/belum tercapai",
                                       why=f"sasaran '{s.uraian[:60]}' mencapai {persen(hn.capaian)} ({hn.predikat})"))
        for m in _HITUNG.finditer(t.teks):
            word, what = m.group(1).lower(), re.sub(r"\s+", " ", m.group(2).lower())
            n = int(word) if word.isdigit() else _ANGKA_KATA[word]
            if n > max(counts()[what]):  # fewer may be a part ("dua kegiatan yaitu …"); more than there are is not
                out.append(problem("teks.jumlah-berbeda", t.sheet, t.cell, bagian=t.bagian, found=m.group(0),
                                   expected=" atau ".join(str(v) for v in sorted(counts()[what])), what=what))
        for m in _PROGRAM.finditer(t.teks):
            named = _norm(m.group(1))
            if len(named.split()) < 2 or any(k.startswith(named) or named.startswith(k) for k in known_programs()):
                continue
            out.append(problem("teks.nama-tidak-dikenal", t.sheet, t.cell, bagian=t.bagian, found="Program " + m.group(1)))
    nar = lap.narasi.get("kesimpulan")
    if nar is not None and cakupan_instansi(hasil):
        text = " ".join(b.teks for b in nar.blok).lower()
        ada, tidak = terukur(hasil)
        if not re.search(r"belum dapat diukur|tidak dapat diukur|belum dapat dihitung|dari \d+|dari (?:" + "|".join(_ANGKA_KATA)
                         + r")\b", text):
            out.append(problem("teks.kesimpulan-tanpa-cakupan", "Narasi", lap.cell("Narasi", "isi", nar.row),
                               n=len(ada), m=len(ada) + len(tidak)))
    return out


_REGULASI = re.compile(r"\b(Undang-Undang|Peraturan\s+Pemerintah|Peraturan\s+Presiden|Peraturan\s+Menteri[^,;.]{0,120}?|"
                       r"Permen\w*|Perpres|PP|UU|Peraturan\s+Daerah[^,;.]{0,40}?|Peraturan\s+Bupati[^,;.]{0,40}?|"
                       r"Peraturan\s+Walikota[^,;.]{0,40}?|Perda|Perbup|Keputusan[^,;.]{0,60}?)\s+"
                       r"(?:Nomor|No\.?)\s*([\w./-]+?)\s+Tahun\s+(\d{4})", re.I)


def check_regulations(lap: Laporan) -> list[Problem]:
    """`narasi.regulasi-setelah-laporan`: a staff Dasar Hukum citing a regulation dated after the report."""
    from ..base.formatting import tanggal
    from .narrate import DASAR_HUKUM, tanggal_acuan

    nar = lap.narasi.get("dasar_hukum")
    if nar is None:
        return []
    on = tanggal_acuan(lap)
    known = {}
    for text, start, _end in DASAR_HUKUM:
        m = _REGULASI.search(text)
        if m:
            known[(m.group(2), m.group(3))] = start
    out = []
    for m in _REGULASI.finditer("\n".join(b.teks for b in nar.blok)):
        year = int(m.group(3))
        start = known.get((m.group(2), m.group(3)))
        if year > on.year or (start is not None and start > on):
            out.append(problem("narasi.regulasi-setelah-laporan", "Narasi", lap.cell("Narasi", "isi", nar.row),
                               found=re.sub(r"\s+", " ", m.group(0)), tanggal=tanggal(on)))
    return out


def check_staff_text(lap: Laporan, hasil: Hasil) -> list[Problem]:
    """All staff-text warnings: figures the report does not print, claims its figures refute, regulations
    dated after the report."""
    return check_figures(lap, hasil) + check_claims(lap, hasil) + check_regulations(lap)


def check_report_text(lap: Laporan, hasil: Hasil, reader_problems: list[Problem]) -> list[Problem]:
    """What staff wrote against the report that will be printed: the Sistematika against the parts printed,
    and every staff figure and claim against the printed figures. Part of the report step (it needs what
    the report prints), run by `pipeline.check` after `validate`."""
    from ..checks.validate import broken_sheets

    out: list[Problem] = []
    _check_sistematika(lap, out)
    broken = broken_sheets(reader_problems)
    if not broken & {"Kinerja", "Anggaran"} and not [p for p in reader_problems if p.severity == "error"]:
        out += check_staff_text(lap, hasil)
    return out


def _check_sistematika(lap: Laporan, out: list[Problem]) -> None:
    """Staff Sistematika naming a part the report leaves out (by the rule the generated Sistematika follows)."""
    from .narrate import ada_bagian, bagian_opsional

    nar = lap.narasi.get("sistematika")
    if nar is None:
        return
    text = " ".join(b.teks for b in nar.blok).lower()
    opsional = bagian_opsional(ada_bagian(lap))
    parts = (("gambaran umum", "Gambaran Umum", "gambaran_umum"), ("isu strategis", "Isu Strategis", "isu_strategis"),
             ("tugas", "Tugas dan Fungsi", "tugas_fungsi"), ("rencana aksi", "Rencana Aksi", "rencana_aksi"),
             ("arah kebijakan", "Strategi dan Arah Kebijakan", "strategi"), ("dokumentasi", "Dokumentasi", "dokumentasi"))
    for word, label, key in parts:
        if word in text and not opsional[key]:
            out.append(problem("narasi.sistematika-tidak-ada", "Narasi", lap.cell("Narasi", "isi", nar.row), found=label))
