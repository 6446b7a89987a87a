"""The folder read into one recap: every file summarised (in parallel), then the checks across files.

Nothing here prints: `progress(text)` receives one line per file, the CLI shows the rest.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import generator as g

from .masalah import ERROR, MasalahBerkas, masalah
from .ringkas import Ringkasan, ringkas_berkas

# a Pemda workbook holds no budget of its own: these problems of the OPD contract do not apply to it
_BUKAN_UNTUK_PEMDA = {"anggaran.kosong", "profil.tanggal-pk-kosong"}
HENTI = ("gabung.opd-ganda", "gabung.tahun-berbeda", "gabung.pemerintah-berbeda")  # exit code 1


def kode_key(text: str) -> str:
    """Codes compare without case and spaces: `sr.1` = `SR. 1`."""
    return re.sub(r"\s+", "", text or "").casefold()


def _natural(kode: str) -> tuple:
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in re.split(r"[.\s]+", kode.strip()) if p)


def urutan(r: Ringkasan) -> tuple:
    """Order of the recap: by kode OPD, then instansi (files without either last, by name)."""
    return (not r.kode_opd, _natural(r.kode_opd), not r.instansi, r.instansi.casefold(), r.berkas.casefold(), r.berkas)


@dataclass
class IkuPemda:
    kode: str  # the code of its sasaran/tujuan
    sasaran: str
    indikator: str
    satuan: str
    target: object
    realisasi: object
    capaian: Decimal | None
    predikat: str
    penanggung_jawab: str
    sel: str


@dataclass
class PemdaRekap:
    berkas: str
    path: Path
    pemerintah: str
    tahun: int
    sasaran: dict[str, tuple[str, str, str]]  # kode key -> (kode as typed, level, uraian), in sheet order
    iku: list[IkuPemda]
    total_apbd: Decimal | None
    sel_apbd: str
    masalah: list


@dataclass
class Rekap:
    folder: Path
    berkas: list[Ringkasan]  # every file found, in recap order
    direkap: list[Ringkasan]  # those whose figures are in the recap
    status: dict[str, str]  # berkas -> "Ya" or why not
    masalah: list[MasalahBerkas] = field(default_factory=list)
    pemda: PemdaRekap | None = None
    tahun: int = 0
    pemerintah: str = ""

    @property
    def henti(self) -> list[MasalahBerkas]:
        """The cross-file errors that make `gabung` end with exit code 1 (the recap is still written)."""
        return [m for m in self.masalah if m.problem.code in HENTI]

    def masalah_gabung(self) -> list[MasalahBerkas]:
        return [m for m in self.masalah if m.problem.code.startswith("gabung.")]

    def dukungan(self) -> dict[str, list]:
        """kode key of a sasaran RPJMD -> the (OPD, indicator) pairs that name it, in recap order."""
        out: dict[str, list] = defaultdict(list)
        for r in self.direkap:
            for i in r.indikator:
                if i.sasaran_rpjmd:
                    out[kode_key(i.sasaran_rpjmd)].append((r, i))
        return dict(out)

    def cascading(self) -> tuple[list[tuple[str, tuple | None, list]], list]:
        """The cascade, one computation for the workbook, the document and the checks.

        ([(code, the Pemda's (kode, level, uraian) or None, [(OPD, sasaran indicator)...])...] in the Pemda's
        order, unknown codes after; a sasaran RPJMD no OPD supports with an empty list), and the sasaran
        indicators linked to nothing.
        """
        pemda = self.pemda.sasaran if self.pemda else {}
        order = {k: i for i, k in enumerate(pemda)}
        linked: dict[str, list] = defaultdict(list)
        typed: dict[str, str] = {}
        unlinked = []
        for r in self.direkap:
            for i in r.indikator:
                if i.level != "Sasaran":
                    continue
                if i.sasaran_rpjmd:
                    k = kode_key(i.sasaran_rpjmd)
                    typed.setdefault(k, i.sasaran_rpjmd.strip())
                    linked[k].append((r, i))
                else:
                    unlinked.append((r, i))
        for k, (_kode, level, _uraian) in pemda.items():
            if level == "Sasaran" and k not in linked:
                linked[k] = []
        groups = []
        for k in sorted(linked, key=lambda k: (k not in order, order.get(k, 0), k)):
            known = pemda.get(k)
            groups.append((known[0] if known else typed[k], known, linked[k]))
        return groups, unlinked


def baca_pemda(path: Path) -> PemdaRekap:
    """The kabupaten's own workbook (same contract): its sasaran codes, IKU and APBD total."""
    lap, hasil, problems = g.check(path)
    problems = [p for p in problems if p.code not in _BUKAN_UNTUK_PEMDA
                and not (p.sheet == "Anggaran" and p.code in ("sheet.tidak-ada", "kolom.tidak-ada"))]
    if lap is None or hasil is None or g.errors(problems):
        lines = "; ".join(str(p) for p in g.errors(problems)[:5])
        raise g.LkjipError(f"Workbook Pemda {path.name} tidak dapat dipakai: {lines}")
    sasaran: dict[str, tuple[str, str, str]] = {}
    for node in lap.nodes():
        if node.kode and node.level in ("Tujuan", "Sasaran"):
            sasaran.setdefault(kode_key(node.kode), (node.kode, node.level, node.uraian))
    flagged = lap.bertanda("iku")  # the report's IKU table: all sasaran indicators when none is flagged
    d = lap.pengaturan.desimal
    iku = []
    for node, ind in flagged:
        h = hasil.of_indikator(ind)
        iku.append(IkuPemda(node.kode, node.uraian, ind.nama, ind.satuan, h.target, h.realisasi,
                            None if h.capaian.nilai is None else g.round_half_up(h.capaian.nilai, d), h.predikat,
                            ind.penanggung_jawab, f"{ind.cells.get('indikator') or lap.cell('Kinerja', 'indikator', ind.row, 'D')}"))
    cfg = lap.pengaturan
    pem = PemdaRekap(path.name, path, lap.profil.pemerintah, lap.profil.tahun, sasaran, iku, cfg.total_apbd,
                     cfg.cells.get("total_apbd", ""), problems)
    if not sasaran:
        pem.masalah = pem.masalah + [masalah("gabung.pemda-bukan-kabupaten", "Kinerja", "")]
    return pem


def _scan(folder: Path, abaikan: list[Path]) -> tuple[list[tuple[Path, str]], list[Ringkasan]]:
    """The folder as `build folder/` reads it, less the Pemda workbook and the recap's own output files."""
    files, skipped = g.expand([folder])

    def ours(a: Path) -> bool:
        for b in abaikan:
            try:
                if os.path.samefile(a, b):
                    return True
            except OSError:
                continue
        return False

    tasks = [(p, p.name) for p in files if not ours(p)]
    lewat = [Ringkasan(s.path.name, s.path, alasan=s.why) for s in skipped if not ours(s.path)]
    return tasks, lewat


def _run(tasks: list[tuple[Path, str]], workers: int, progress) -> list[Ringkasan]:
    """Summarise every file; in `workers` processes when there are several files. Never stops at a bad file."""
    out: list[Ringkasan] = []
    total = len(tasks)

    def report(r: Ringkasan) -> None:
        out.append(r)
        if progress:
            if r.alasan:
                state = r.alasan
            elif r.opd is not None:
                state = f"{r.instansi}: {r.galat} galat, {r.peringatan} peringatan"
            else:
                state = f"{r.instansi or 'tidak terbaca'}: {r.galat} galat, {r.peringatan} peringatan"
            progress(f"[{len(out)}/{total}] {r.berkas}: {state}")

    if workers <= 1 or total < 3:
        for t in tasks:
            report(ringkas_berkas(t))
        return out
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    pending = set(range(total))
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = {pool.submit(ringkas_berkas, tasks[i]): i for i in range(total)}
            for fut in as_completed(futures):
                if fut.exception() is None:  # a worker that died fails its futures with BrokenProcessPool
                    pending.discard(futures[fut])
                    report(fut.result())
    except BrokenProcessPool:
        pass
    # a worker died (out of memory, killed): each file not read yet gets a reader process of its own, so the one
    # file that ends its reader is named in Status_Pengumpulan and every other is read
    for i in sorted(pending):
        report(_alone(tasks[i]))
    return out


def _alone(task: tuple[Path, str]) -> Ringkasan:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(ringkas_berkas, task).result()
    except BrokenProcessPool:
        path, nama = task
        return Ringkasan(nama, path, alasan="proses pembaca berhenti saat membaca berkas ini (mis. kehabisan memori); "
                                           "tidak direkap")


def _most_common(values: list[Any]) -> Any:
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], str(v))) if counts else None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def gabung(folder: Path | str, pemda: Path | str | None = None, *, workers: int | None = None, progress=None,
           abaikan: list[Path] | None = None) -> Rekap:
    """Read every workbook of `folder` (and the Pemda workbook) into one recap, with the checks across files.

    `abaikan`: files of the folder that are not OPD workbooks (the recap written into the folder itself).
    """
    folder = Path(folder)
    pem = baca_pemda(Path(pemda)) if pemda else None
    tasks, lewat = _scan(folder, [Path(p) for p in (abaikan or [])] + ([Path(pemda)] if pemda else []))
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    files = _run(tasks, workers, progress) + lewat
    files.sort(key=urutan)
    rekap = Rekap(folder, files, [], {})
    masalah_list: list[MasalahBerkas] = []
    for r in files:
        masalah_list += [MasalahBerkas(r.berkas, p) for p in r.masalah]

    read = [r for r in files if r.instansi or r.tahun]
    rekap.tahun = pem.tahun if pem else (_most_common([r.tahun for r in read if r.tahun]) or 0)
    rekap.pemerintah = pem.pemerintah if pem else (_most_common([r.pemerintah for r in read if r.pemerintah]) or "")
    excluded: dict[str, str] = {}

    def add(r: Ringkasan, code: str, sheet: str = "Berkas", cell: str = "", **fields) -> None:
        masalah_list.append(MasalahBerkas(r.berkas, masalah(code, sheet, cell, berkas=r.berkas, instansi=r.instansi, **fields)))

    for r in files:
        if r.alasan:
            excluded[r.berkas] = f"Tidak: {r.alasan}"
            add(r, "gabung.berkas-dilewati", why=r.alasan)
        elif not (r.instansi or r.tahun):
            excluded[r.berkas] = "Tidak: tidak dapat dibaca"
            add(r, "gabung.tidak-terbaca")
        elif r.tahun and r.tahun != rekap.tahun:
            excluded[r.berkas] = f"Tidak: tahun {r.tahun}, bukan {rekap.tahun}"
            add(r, "gabung.tahun-berbeda", "Profil", "B4", found=r.tahun, expected=rekap.tahun)
        elif r.pemerintah and _norm(r.pemerintah) != _norm(rekap.pemerintah):
            excluded[r.berkas] = "Tidak: pemerintah berbeda"
            add(r, "gabung.pemerintah-berbeda", "Profil", "B2", found=r.pemerintah, expected=rekap.pemerintah)

    # the same OPD twice: both are left out, each naming the other (as `build` does for two reports of one name)
    candidates = [r for r in files if r.berkas not in excluded]
    groups: dict[tuple[str, str], list[Ringkasan]] = defaultdict(list)
    for r in candidates:
        if r.kode_opd.strip():
            groups[("kode", kode_key(r.kode_opd))].append(r)
        if r.instansi.strip():
            groups[("instansi", _norm(r.instansi))].append(r)
    ganda: dict[str, list[tuple[str, Ringkasan]]] = defaultdict(list)
    for (kind, _key), members in sorted(groups.items()):
        if len(members) > 1:
            for r in members:
                for o in members:
                    if o is not r and o.berkas not in [x.berkas for _w, x in ganda[r.berkas]]:
                        ganda[r.berkas].append((f"kode OPD {r.kode_opd}" if kind == "kode" else f"instansi '{r.instansi}'", o))
    for r in candidates:
        for what, other in ganda.get(r.berkas, []):
            add(r, "gabung.opd-ganda", "Profil", "", what=what, other=other.berkas)
        if r.berkas in ganda:
            excluded[r.berkas] = "Tidak: OPD yang sama ada di " + ", ".join(o.berkas for _w, o in ganda[r.berkas])

    for r in files:
        if r.berkas in excluded:
            continue
        if not r.dapat_dibuat:
            excluded[r.berkas] = f"Tidak: {r.galat} galat"
            add(r, "gabung.berkas-galat", n=r.galat)
            continue
        rekap.direkap.append(r)
    rekap.status = {r.berkas: excluded.get(r.berkas, "Ya") for r in files}

    _cascade_checks(rekap, pem, add, masalah_list)
    if pem is not None:
        rekap.pemda = pem
        masalah_list += [MasalahBerkas(pem.berkas, p) for p in pem.masalah]
    order = {r.berkas: i for i, r in enumerate(files)}
    rekap.masalah = sorted(masalah_list, key=lambda m: (order.get(m.berkas, len(order)), m.berkas, m.problem.sort_key,
                                                        m.problem.code, m.problem.message))
    return rekap


def _cascade_checks(rekap: Rekap, pem: PemdaRekap | None, add, masalah_list: list[MasalahBerkas]) -> None:
    known = pem.sasaran if pem else {}
    contoh = ", ".join(v[0] for v in list(known.values())[:3]) or "SR.1"
    for r in rekap.direkap:
        if pem is not None:
            seen: set[tuple[str, str]] = set()
            for ind in r.indikator:
                code = ind.sasaran_rpjmd
                if code and kode_key(code) not in known and (code, ind.sel_rpjmd) not in seen:
                    seen.add((code, ind.sel_rpjmd))
                    add(r, "gabung.sasaran-rpjmd-tidak-dikenal", "Kinerja", ind.sel_rpjmd or "", found=code, pemda=pem.berkas,
                        contoh=contoh)
        if pem is not None or r.pakai_kolom_rpjmd:
            for s in r.sasaran:
                if not s.kode_rpjmd:
                    add(r, "gabung.sasaran-tanpa-rpjmd", "Kinerja", s.sel, uraian=s.uraian)
    if pem is None:
        return
    supported = rekap.dukungan()
    for iku in pem.iku:
        if not iku.kode or kode_key(iku.kode) not in supported:
            masalah_list.append(MasalahBerkas(pem.berkas, masalah(
                "gabung.iku-pemda-tanpa-dukungan", "Kinerja", iku.sel, indikator=iku.indikator, kode=iku.kode or "tanpa kode",
                pj=iku.penanggung_jawab or "OPD terkait")))
    if pem.total_apbd is not None:
        total = sum((r.opd.pagu for r in rekap.direkap if r.opd), Decimal(0))
        if total != pem.total_apbd:
            masalah_list.append(MasalahBerkas(pem.berkas, masalah(
                "gabung.apbd-berbeda", "Pengaturan", pem.sel_apbd, n=len(rekap.direkap), found=g.rupiah(total),
                expected=g.rupiah(pem.total_apbd), diff=g.rupiah(abs(total - pem.total_apbd)))))


def is_error(m: MasalahBerkas) -> bool:
    return m.problem.severity == ERROR
