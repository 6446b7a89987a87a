"""Semantic checks of a read workbook: every inconsistency the reference reports contain.

The reader already reported what it could not read; here the model is checked against
itself (parent totals, typed percentages, capaian, NIP, years). Checks only add Problems.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

from ..base.contract import normalize_header, program_key, sheet
from ..base.formatting import nilai
from ..base.model import Laporan
from ..base.numbers import round_half_up
from ..base.problems import WARNING, Problem, problem
from ..compute.anggaran_kinerja import pagu_program
from ..compute.hasil import Hasil
from .validate_typed import as_typed, check_typed, nip_problem, rounded_as_typed, typed_percent_ok

__all__ = ["nip_problem", "pangkat_problem", "validate"]

PANGKAT_GOLONGAN = {
    "juru muda": "I/a", "juru muda tingkat i": "I/b", "juru": "I/c", "juru tingkat i": "I/d",
    "pengatur muda": "II/a", "pengatur muda tingkat i": "II/b", "pengatur": "II/c", "pengatur tingkat i": "II/d",
    "penata muda": "III/a", "penata muda tingkat i": "III/b", "penata": "III/c", "penata tingkat i": "III/d",
    "pembina": "IV/a", "pembina tingkat i": "IV/b", "pembina utama muda": "IV/c", "pembina utama madya": "IV/d",
    "pembina utama": "IV/e",
}
_GOL_RE = re.compile(r"\b(IV|III|II|I)\s*/\s*([a-eA-E])\b")


def _rp(value: Decimal) -> str:
    from ..base.formatting import angka

    return angka(value, 0)


def _pct(value: Decimal | None, desimal: int = 2) -> str:
    from ..base.formatting import persen

    return persen(value, desimal)


def pangkat_problem(text: str) -> tuple[str, str, str] | None:
    """(pangkat, golongan, expected) when pangkat and golongan in one text disagree."""
    m = _GOL_RE.search(text)
    if not m:
        return None
    gol = f"{m.group(1)}/{m.group(2).lower()}"
    name = text[: m.start()].strip(" ,(-")
    key = normalize_header(re.sub(r"\btk\.?\s*", "tingkat ", name, flags=re.I)).strip(" ,(")
    expected = PANGKAT_GOLONGAN.get(key)
    if expected and expected != gol:
        return name, gol, expected
    return None


def _check_profil(lap: Laporan, out: list[Problem]) -> None:
    p = lap.profil
    for who in ("kepala", "atasan"):
        nip = getattr(p, f"{who}_nip")
        if nip:
            why = nip_problem(nip)
            if why:
                out.append(problem("profil.nip-tidak-sah", "Profil", p.cells.get(f"{who}_nip", ""), found=nip, why=why))
        pangkat = getattr(p, f"{who}_pangkat")
        bad = pangkat_problem(pangkat) if pangkat else None
        if bad:
            out.append(problem("profil.pangkat-golongan", "Profil", p.cells.get(f"{who}_pangkat", ""), found=bad[0],
                               golongan=bad[1], expected=bad[2]))
    if p.tahun and p.periode != (0, 0) and not p.periode[0] <= p.tahun <= p.periode[1]:
        out.append(problem("profil.tahun-berbeda", "Profil", p.cells.get("periode_renstra", ""),
                           found=f"periode Renstra {p.periode[0]}-{p.periode[1]}", tahun=p.tahun))
    for key in ("tanggal_laporan", "tanggal_pk"):
        d = getattr(p, key)
        if d and p.tahun and not p.tahun - 1 <= d.year <= p.tahun + 1:
            out.append(problem("profil.tahun-berbeda", "Profil", p.cells.get(key, ""), found=d.year, tahun=p.tahun))


def _check_kinerja(lap: Laporan, hasil: Hasil, header_refs: dict[str, str], out: list[Problem]) -> None:
    tahun = lap.profil.tahun
    if not any(n.indikator for n in lap.nodes()):
        out.append(problem("kinerja.kosong", "Kinerja", "A2"))
        return
    if tahun and lap.tahun_target and tahun not in lap.tahun_target:
        out.append(problem("kinerja.tahun-target-tidak-ada", "Kinerja", "A1", tahun=tahun))
    if tahun and tahun not in lap.tahun_realisasi:
        out.append(problem("kinerja.tahun-realisasi-tidak-ada", "Kinerja", "A1", tahun=tahun))
    for y in lap.tahun_realisasi:
        if tahun and y > tahun:
            out.append(problem("profil.tahun-berbeda", "Kinerja", header_refs.get(f"realisasi:{y}", "A1"),
                               found=f"Realisasi {y}", tahun=tahun))
    lo, hi = lap.profil.periode
    for y in lap.tahun_target:
        if lo and not lo <= y <= hi:
            out.append(problem("kinerja.tahun-di-luar-renstra", "Kinerja", header_refs.get(f"target:{y}", "A1"),
                               header=f"Target {y}", periode=f"{lo}-{hi}"))
    for node in lap.nodes():
        if node.level in ("Tujuan", "Sasaran") and not node.indikator:
            out.append(problem("kinerja.tanpa-indikator", "Kinerja", node.cell, level=node.level, uraian=node.uraian[:60]))
    for h in hasil.indikator:
        ind = h.indikator
        tcell = ind.cells.get(f"target:{tahun}", "")
        rcell = ind.cells.get(f"realisasi:{tahun}", "") or tcell
        if h.target is not None and h.realisasi is None and tahun in lap.tahun_realisasi:
            out.append(problem("kinerja.target-tanpa-realisasi", "Kinerja", rcell, indikator=ind.nama[:60], tahun=tahun))
        if isinstance(h.target, Decimal) and h.target == 0:
            out.append(problem("kinerja.target-nol", "Kinerja", tcell, indikator=ind.nama[:60]))
        if isinstance(h.target, str) != isinstance(h.realisasi, str) and h.target is not None and h.realisasi is not None:
            out.append(problem("kinerja.kualitatif-tidak-sebanding", "Kinerja", rcell, target=h.target, realisasi=h.realisasi))
        n = h.capaian.nilai
        if n is not None and (n > 150 or n < 0):
            out.append(problem("kinerja.capaian-ekstrem", "Kinerja", rcell, found=_pct(n), indikator=ind.nama[:60]))
        if ind.capaian_tertulis is not None and n is not None and not typed_percent_ok(ind.capaian_tertulis, n):
            d = lap.pengaturan.desimal
            out.append(problem("kinerja.capaian-berbeda", "Kinerja", ind.cells.get("capaian", ""),
                               found=as_typed(ind.capaian_tertulis, d), expected=_pct(n, d),
                               realisasi=nilai(h.realisasi, d), target=nilai(h.target, d),
                               bulat=rounded_as_typed(ind.capaian_tertulis, n, d)))


def _as_typed(line, field: str, hasil: Hasil) -> Decimal:
    """A line's figure as the staff typed it, or its computed sum where left blank."""
    typed = getattr(line, field)
    return typed if typed is not None else getattr(hasil.jumlah[line], field)


def _check_anggaran(lap: Laporan, hasil: Hasil, out: list[Problem], unreadable: set[str], skip: set[str] = frozenset()) -> None:
    if not lap.unit:
        out.append(problem("anggaran.kosong", "Anggaran", "A2"))
        return

    def broken(line) -> bool:
        return bool(unreadable) and any(line.cells.get(k, "") in unreadable for k in ("pagu", "realisasi"))

    def visit(line) -> tuple[bool, bool]:
        """Check a line after its children; returns (subtree has an unreadable cell, overspend reported below)."""
        bad, overspent = broken(line), False
        for child in line.anak:
            b, o = visit(child)
            bad, overspent = bad or b, overspent or o
        total = hasil.jumlah[line]
        for field, label in (("pagu", "Pagu"), ("realisasi", "Realisasi")):
            typed = getattr(line, field)
            if typed is not None and typed < 0:
                out.append(problem("anggaran.negatif", "Anggaran", line.cells.get(field, ""), field=label, found=_rp(typed)))
            if not line.anak or typed is None or bad:
                continue
            # against the direct children as typed, so each mistake is reported once, where it is
            computed = sum((_as_typed(c, field, hasil) for c in line.anak), Decimal(0))
            if typed != computed:
                out.append(problem("anggaran.jumlah-tidak-cocok", "Anggaran", line.cells.get(field, ""), field=label,
                                   level=line.level, uraian=line.uraian[:60], found=_rp(typed), expected=_rp(computed),
                                   diff=_rp(typed - computed)))
        if not line.anak and line.pagu is None and not bad:
            out.append(problem("anggaran.pagu-kosong", "Anggaran", line.cells.get("pagu", "")))
        if not bad and not overspent and total.realisasi > total.pagu:
            out.append(problem("anggaran.realisasi-melebihi-pagu", "Anggaran", line.cells.get("realisasi", ""),
                               found=_rp(total.realisasi), expected=_rp(total.pagu)))
            overspent = True
        if line.persentase_tertulis is not None and not bad:
            _check_persentase(line, total, lap.pengaturan.desimal, out)
        return bad, overspent

    for unit in lap.unit:
        for prog in unit.program:
            visit(prog)
    if any(ln.sasaran for ln in lap.budget_lines()):
        for unit in lap.unit:
            for prog in unit.program:
                if not any(ln.sasaran for ln in prog.walk()):
                    out.append(problem("anggaran.program-tanpa-sasaran", "Anggaran", prog.cells.get("sasaran", "") or prog.cells.get("uraian", ""),
                                       uraian=prog.uraian[:60], unit=unit.nama))
    for text, line in hasil.tautan_tidak_dikenal if "Kinerja" not in skip else ():
        out.append(problem("anggaran.sasaran-tidak-dikenal", "Anggaran", line.cells.get("sasaran", ""), found=text[:60]))
    # a pagu/realisasi that could not be read is its own error: a total without it would differ for that reason alone
    if hasil.belanja_total is not None and "Belanja" not in skip and not any(broken(ln) for ln in lap.budget_lines()):
        for field, label in (("pagu", "anggaran"), ("realisasi", "realisasi")):
            b, a = getattr(hasil.belanja_total, field), getattr(hasil.total, field)
            if b != a:
                out.append(_selisih(lap, problem("belanja.total-berbeda", "Belanja", lap.cell("Belanja", "anggaran" if field == "pagu" else "realisasi"), field=label,
                                   found=_rp(b), expected=_rp(a), diff=_rp(b - a))))


def _selisih(lap: Laporan, p: Problem) -> Problem:
    """A difference between the two totals is an error unless izinkan_selisih (Pengaturan or --izinkan-selisih)."""
    if lap.pengaturan.izinkan_selisih == "Ya":
        return dataclasses.replace(p, severity=WARNING, hint="Diizinkan (izinkan_selisih): laporan memakai total Anggaran dan menyebut selisihnya.")
    return p


def _check_pk(lap: Laporan, out: list[Problem]) -> None:
    """Pagu PK given for some programs (by name, over all units) and not for others."""
    first: dict[str, tuple] = {}
    given: dict[str, bool] = {}
    for unit in lap.unit:
        for prog in unit.program:
            key = program_key(prog.uraian)
            first.setdefault(key, (unit, prog))
            given[key] = given.get(key, False) or any(ln.pagu_pk is not None for ln in prog.walk())
    if given and not any(given.values()):
        line = lap.unit[0].program[0] if lap.unit and lap.unit[0].program else None
        cell = lap.cell("Anggaran", "pagu_pk") if "pagu_pk" in lap.kolom.get("Anggaran", {}) else (
            line.cells.get("uraian", "") if line is not None else "A1")
        from ..base.formatting import rupiah

        total = sum((ln.pagu or Decimal(0) for ln in lap.budget_lines() if not ln.anak), Decimal(0))
        out.append(problem("anggaran.pagu-pk-kosong", "Anggaran", cell, total=rupiah(total)))
    if any(given.values()):
        for key, ok in given.items():
            if not ok:
                unit, prog = first[key]
                out.append(problem("anggaran.pagu-pk-sebagian", "Anggaran", prog.cells.get("pagu_pk", "") or prog.cells.get("uraian", ""),
                                   uraian=prog.uraian[:60], unit=unit.nama))


_EFISIENSI_DISEBUT = re.compile(r"efisiensi\D{0,25}?(-?\d+(?:[.,]\d+)?)\s*%", re.IGNORECASE)


def _check_narasi(lap: Laporan, hasil: Hasil, out: list[Problem]) -> None:
    """An efficiency figure in staff text that is none of the figures the report prints."""
    from ..compute.hasil import hitung_efisiensi

    printed = [hasil.efisiensi_instansi] + [hasil.of(s).efisiensi for s in lap.nodes("Sasaran")]  # Tabel efisiensi
    for node, lines in hasil.links.items():  # Tabel program/kegiatan pendukung
        cap = hasil.of(node).capaian
        printed += [hitung_efisiensi(cap, hasil.jumlah[ln].penyerapan, lap.pengaturan.metode_efisiensi, lap.pengaturan.desimal)[0]
                    for ln in lines]
    printed = [v for v in printed if v is not None]
    for bagian, nar in lap.narasi.items():
        text = "\n".join(b.teks for b in nar.blok)
        for m in _EFISIENSI_DISEBUT.finditer(text):
            typed = m.group(1).replace(",", ".")
            try:
                value = Decimal(typed)
            except ArithmeticError:
                continue
            places = len(typed.split(".")[1]) if "." in typed else 0
            if any(round_half_up(v, places) == value for v in printed):
                continue
            out.append(problem("narasi.angka-berbeda", "Narasi", lap.cell("Narasi", "isi", nar.row), bagian=bagian,
                               found=m.group(1) + "%", expected=_pct(hasil.efisiensi_instansi),
                               metode=lap.pengaturan.metode_efisiensi))


def _check_persentase(line, total, desimal: int, out: list[Problem]) -> None:
    """A typed Persentase against the figure the report prints: realisasi / pagu of the line's details."""
    typed = line.persentase_tertulis
    printed = total.realisasi / total.pagu * 100 if total.pagu else None
    if typed_percent_ok(typed, printed):
        return  # also when the line's own typed pagu disagrees: that is reported at the pagu cell
    basis = sebab = ""
    own_pagu = line.pagu if line.pagu is not None else total.pagu
    own_real = line.realisasi if line.realisasi is not None else total.realisasi
    if (own_pagu, own_real) != (total.pagu, total.realisasi):
        basis = ", jumlah rinciannya"
        if typed_percent_ok(typed, own_real / own_pagu * 100 if own_pagu else None):
            sebab = (f" Persentase itu sesuai angka yang diketik di baris ini ({_rp(own_real)} / {_rp(own_pagu)}),"
                     " tetapi angka itu berbeda dari jumlah rinciannya (lihat peringatan jumlah rincian di baris ini atau"
                     " di bawahnya), dan laporan mencetak jumlah rincian.")
    out.append(problem("anggaran.persentase-berbeda", "Anggaran", line.cells.get("persentase", ""),
                       found=as_typed(typed, desimal), expected=_pct(printed, desimal), realisasi=_rp(total.realisasi),
                       pagu=_rp(total.pagu), basis=basis, sebab=sebab,
                       bulat=rounded_as_typed(typed, printed, desimal) if printed is not None else ""))


def _check_lain(lap: Laporan, out: list[Problem], broken: set[str] = frozenset()) -> None:
    names = {normalize_header(i.nama) for n in lap.nodes() for i in n.indikator}
    seen: set[str] = set()
    for a in lap.indeks if not broken & {"Indeks", "Kinerja"} else ():
        key = normalize_header(a.indikator)
        if key not in names and key not in seen:
            seen.add(key)
            out.append(problem("indeks.indikator-tidak-dikenal", "Indeks", lap.cell("Indeks", "indikator", a.row), found=a.indikator[:60]))
    for p in lap.pegawai if "Pegawai" not in broken else ():
        if p.nip:
            why = nip_problem(p.nip)
            if why:
                out.append(problem("profil.nip-tidak-sah", "Pegawai", lap.cell("Pegawai", "nip", p.row), found=p.nip, why=why))
        if p.golongan and not re.fullmatch(r"\s*(IV|III|II|I)\s*/\s*[a-eA-E]\s*|\s*(IX|X|XI|V|VII)\s*", p.golongan):
            out.append(problem("pegawai.golongan-tidak-dikenal", "Pegawai", lap.cell("Pegawai", "golongan", p.row), found=p.golongan))


_TRIWULAN_IV = re.compile(r"\b(?:triwulan|tw|trw)\.?\s*(?:iv|4)\b|\bdesember\b|\bakhir\s+tahun\b", re.I)


def _check_rencana_aksi(lap: Laporan, hasil: Hasil, out: list[Problem]) -> None:
    """Rencana_Aksi against the rest of the report: its budgets against Anggaran / Pagu PK per program, its
    programs against the budget, its Triwulan IV target against the PK target, a quarter above the year."""
    if not lap.rencana_aksi:
        return
    from ..base.formatting import angka

    pagu = pagu_program(hasil)
    indikator = {normalize_header(i.nama): hasil.of_indikator(i) for n in lap.nodes() for i in n.indikator}
    rows: dict[str, list] = {}
    for ra in lap.rencana_aksi:
        if ra.program:
            key = program_key(ra.program)
            if key not in pagu:
                out.append(problem("rencana-aksi.program-tidak-dikenal", "Rencana_Aksi", lap.cell("Rencana_Aksi", "program", ra.row),
                                   found=ra.program[:60]))
            else:
                rows.setdefault(key, []).append(ra)
        h = indikator.get(normalize_header(ra.indikator))
        if h is None:
            continue
        t, r = ra.target_kinerja, ra.realisasi_kinerja
        if _TRIWULAN_IV.search(ra.periode) and t is not None and h.target is not None and t != h.target:
            out.append(problem("rencana-aksi.target-berbeda", "Rencana_Aksi", lap.cell("Rencana_Aksi", "target_kinerja", ra.row),
                               found=nilai(t), expected=nilai(h.target), periode=ra.periode, indikator=ra.indikator[:60],
                               tahun=lap.profil.tahun))
        if isinstance(r, Decimal) and isinstance(h.realisasi, Decimal) and r > h.realisasi and h.indikator.polaritas != "Negatif":
            out.append(problem("rencana-aksi.realisasi-melebihi", "Rencana_Aksi", lap.cell("Rencana_Aksi", "realisasi_kinerja", ra.row),
                               found=nilai(r), expected=nilai(h.realisasi), periode=ra.periode, indikator=ra.indikator[:60],
                               tahun=lap.profil.tahun))
    for key, ras in rows.items():
        now, real, pk = pagu[key].pagu, pagu[key].realisasi, pagu[key].pagu_pk
        for field, label, allowed in (("target_anggaran", "Target Anggaran", {now, pk}), ("realisasi_anggaran", "Realisasi Anggaran", {real})):
            values = [(getattr(ra, field), ra) for ra in ras if getattr(ra, field) is not None]
            if not values:
                continue
            top, top_ra = max(values, key=lambda v: v[0])
            total = sum((v for v, _ in values), Decimal(0))
            if top in allowed or total in allowed:  # cumulative (Triwulan IV = the year) or per quarter (sum = the year)
                continue
            expected = angka(now if field == "target_anggaran" else real, 0)
            if field == "target_anggaran" and pk is not None and pk != now:
                expected += f" (Pagu PK {angka(pk, 0)})"
            out.append(problem("rencana-aksi.anggaran-berbeda", "Rencana_Aksi", lap.cell("Rencana_Aksi", field, top_ra.row),
                               field=label, program=top_ra.program[:60], found=angka(top, 0), expected=expected))


_KODE_NOMOR = re.compile(r"^(.*?)(\d+)$")


def _check_kode_kinerja(lap: Laporan, out: list[Problem]) -> None:
    """Kinerja codes: one Kode for two different rows, a skipped number among siblings (1.1, 1.3), a blank
    Kode between coded siblings. (Anggaran: duplicates are kode.ganda; its nomenclature skips numbers.)"""
    def ref(node) -> str:
        return lap.cell("Kinerja", "kode", node.row)

    first: dict[str, object] = {}
    for node in lap.nodes():
        if not node.kode:
            continue
        key = normalize_header(node.kode)
        other = first.setdefault(key, node)
        if other is not node and normalize_header(other.uraian) != normalize_header(node.uraian):
            out.append(problem("kode.ganda-kinerja", "Kinerja", ref(node), found=node.kode, other=ref(other),
                               uraian=other.uraian[:60]))
    groups = [lap.kinerja] + [n.anak for n in lap.nodes()]
    for siblings in groups:
        by_level: dict[str, list] = {}
        for n in siblings:
            by_level.setdefault(n.level, []).append(n)
        for same in by_level.values():
            coded = [i for i, n in enumerate(same) if n.kode]
            for i, n in enumerate(same):
                if not n.kode and coded and coded[0] < i < coded[-1]:
                    out.append(problem("kode.kosong-di-antara", "Kinerja", ref(n), level=n.level, uraian=n.uraian[:60],
                                       before=same[max(j for j in coded if j < i)].kode,
                                       after=same[min(j for j in coded if j > i)].kode))
            prev = None
            for n in (same[i] for i in coded):
                m = _KODE_NOMOR.match(n.kode.strip())
                if m and prev and prev[0] == m.group(1) and int(m.group(2)) > prev[1] + 1:
                    missing = f"{m.group(1)}{prev[1] + 1}"
                    out.append(problem("kode.loncat", "Kinerja", ref(n), found=n.kode, previous=prev[2], missing=missing))
                prev = (m.group(1), int(m.group(2)), n.kode) if m else None


def broken_sheets(reader_problems: list[Problem]) -> set[str]:
    """Sheets the reader found without a required column, missing, or ambiguous: the checks resting on them
    are skipped (they would only repeat that problem on every row)."""
    broken = {p.sheet for p in reader_problems if p.code in ("kolom.tidak-ada", "sheet.tidak-ada")}
    broken |= {sheet(p.sheet).name for p in reader_problems if p.code == "sheet.ganda-tanpa-asli"}
    return broken


def validate(lap: Laporan, hasil: Hasil, reader_problems: list[Problem] = ()) -> list[Problem]:
    """All semantic problems of a model (the reader's own problems are not repeated).

    Lines whose cells the reader could not read are left out of the checks that depend on them.
    """
    out: list[Problem] = []
    unreadable = {p.cell for p in reader_problems if p.sheet == "Anggaran" and p.severity == "error"}
    # a sheet without a required column (or a required sheet missing) is reported once, by the reader:
    # the checks that rest on it would only repeat that on every row (a missing Pagu: every line "overspent")
    broken = broken_sheets(reader_problems)
    if "Profil" not in broken:
        _check_profil(lap, out)
    if "Kinerja" not in broken:
        _check_kinerja(lap, hasil, _header_refs(lap), out)
        out += check_tanpa_angka(lap, hasil)
        _check_kode_kinerja(lap, out)
        if "Indeks" not in broken:
            out += check_indeks(lap, hasil)
    if "Anggaran" not in broken:
        _check_anggaran(lap, hasil, out, unreadable, broken)
        _check_pk(lap, out)
    if not broken & {"Kinerja", "Anggaran"}:
        _check_narasi(lap, hasil, out)
    if not broken & {"Kinerja", "Anggaran", "Rencana_Aksi"}:
        _check_rencana_aksi(lap, hasil, out)
    _check_lain(lap, out, broken)
    out += check_typed(lap, list(reader_problems))
    return out


def _header_refs(lap: Laporan) -> dict[str, str]:
    """Where each year column's header is (`target:2024` -> `I1`), from the cells of the indicators."""
    refs: dict[str, str] = {}
    for node in lap.nodes():
        for ind in node.indikator:
            for key, ref in ind.cells.items():
                if ":" in key and ref:
                    refs.setdefault(key, re.sub(r"\d+$", "1", ref))
    return refs


def check_tanpa_angka(lap: Laporan, hasil: Hasil) -> list[Problem]:
    """`kinerja.tanpa-target-realisasi`: an indicator (any level) with neither Target nor Realisasi of the year —
    the report would print a row of '-' (typical of a workbook made with `template --dari` whose Renstra
    columns did not hold the new year)."""
    tahun = lap.profil.tahun
    out: list[Problem] = []
    if not tahun:
        return out
    for h in hasil.indikator:
        if h.target is None and h.realisasi is None:
            ind = h.indikator
            cell = ind.cells.get(f"target:{tahun}") or lap.cell("Kinerja", f"target:{tahun}", ind.row,
                                                                  re.sub(r"\d+$", "", ind.cells.get("indikator", "A")))
            nama = ind.nama if len(ind.nama) <= 70 else ind.nama[:70].rsplit(" ", 1)[0] + " …"
            out.append(problem("kinerja.tanpa-target-realisasi", "Kinerja", cell, indikator=nama,
                               level=h.node.level.lower(), tahun=tahun))
    return out


def check_indeks(lap: Laporan, hasil: Hasil) -> list[Problem]:
    """The Indeks sheet against the Kinerja cells it feeds: a typed Target/Realisasi of the year that differs from
    the index its scores give (`indeks.berbeda`, e.g. last year's scores kept), and an index without any score
    (`indeks.skor-kosong`: its table is not printed)."""
    tahun = lap.profil.tahun
    out: list[Problem] = []
    first_row = {}
    for a in lap.indeks:
        first_row.setdefault(normalize_header(a.indikator), a.row)
    for h in hasil.indikator:
        idx, ind = h.indeks, h.indikator
        if not idx:
            continue
        row = first_row.get(normalize_header(ind.nama), 2)
        if idx.jumlah_target is None and idx.jumlah_realisasi is None:
            out.append(problem("indeks.skor-kosong", "Indeks", lap.cell("Indeks", "indikator", row), indikator=ind.nama[:60]))
            continue
        for sisi, typed, got, key in (("Target", ind.target.get(tahun), idx.indeks_target, "skor_target"),
                                      ("Realisasi", ind.realisasi.get(tahun), idx.indeks_realisasi, "skor_realisasi")):
            if not isinstance(typed, Decimal) or got is None:
                continue
            expected = round_half_up(got)
            if abs(typed - expected) >= Decimal("0.005"):
                cell = ind.cells.get(f"{sisi.lower()}:{tahun}", "")
                out.append(problem("indeks.berbeda", "Kinerja", cell, sisi=sisi, tahun=tahun, indikator=ind.nama[:60],
                                   found=nilai(typed, 2), expected=nilai(expected, 2), sel=lap.cell("Indeks", key, row)))
    return out
