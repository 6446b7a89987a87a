"""Every figure of the report, computed once from the model (pure functions, no I/O).

Values stay unrounded `Decimal`s here; rounding (half-up) happens only when formatting,
except that predicates are decided on the value as printed so label and number agree.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, TypeVar, cast

from ..base.contract import normalize_header
from ..base.model import BarisAnggaran, Indikator, Laporan, NodeKinerja, Pengaturan, Value
from ..base.numbers import BELUM_DINILAI, ordinal_rank, round_half_up

HUNDRED = Decimal(100)
ZERO = Decimal(0)
T = TypeVar("T")

# ------------------------------------------------------------------ capaian


@dataclass(frozen=True)
class Capaian:
    """The capaian of one target/realisasi pair; `nilai` None means "no capaian" (see `alasan`)."""

    nilai: Decimal | None
    status: str | None  # "melampaui" | "tercapai" | "tidak_tercapai" | None
    alasan: str = ""  # why there is no number, in Indonesian

    @property
    def tercapai(self) -> bool:
        """The target is met (or exceeded)."""
        return self.status in ("melampaui", "tercapai")


def _status(nilai: Decimal, desimal: int = 2) -> str:
    shown = round_half_up(nilai, desimal)
    if shown > HUNDRED:
        return "melampaui"
    if shown == HUNDRED:
        return "tercapai"
    return "tidak_tercapai"


def capaian(target: Value, realisasi: Value, polaritas: str = "Positif", rumus_negatif: str = "kemenpan",
            batas: Decimal | None = None) -> Capaian:
    """Capaian (%) of realisasi against target; never raises."""
    try:
        result = _capaian(target, realisasi, polaritas, rumus_negatif)
        if result.nilai is not None and batas is not None and result.nilai > batas:
            result = Capaian(batas, result.status)  # the cap limits the number, not whether the target was met
        return result
    except (InvalidOperation, OverflowError):
        return Capaian(None, None, "angka target/realisasi di luar batas perhitungan")


def _capaian(target: Value, realisasi: Value, polaritas: str, rumus_negatif: str) -> Capaian:
    if realisasi is None or realisasi == BELUM_DINILAI:
        why = ("belum ada penilaian" if realisasi == BELUM_DINILAI else
               "target dan realisasi belum diisi" if target is None else "realisasi belum diisi")
        return Capaian(None, None, why)
    if target is None or target == BELUM_DINILAI:
        return Capaian(None, None, "target belum ditetapkan")
    if isinstance(target, str) or isinstance(realisasi, str):
        if not (isinstance(target, str) and isinstance(realisasi, str)):
            return Capaian(None, None, "target dan realisasi tidak sebanding (angka dan nilai kualitatif)")
        rt, rr = ordinal_rank(target), ordinal_rank(realisasi)
        if rt is None or rr is None or rt[0] != rr[0]:
            return Capaian(None, None, "target dan realisasi tidak berada pada skala yang sama")
        if rr[1] < rt[1]:
            return Capaian(HUNDRED, "melampaui")
        if rr[1] == rt[1]:
            return Capaian(HUNDRED, "tercapai")
        return Capaian(None, "tidak_tercapai", f"realisasi {realisasi} belum mencapai target {target}")
    t, r = Decimal(target), Decimal(realisasi)
    if t == 0:
        return Capaian(None, None, "target bernilai nol sehingga capaian tidak dapat dihitung")
    if t < 0:  # a ratio to a negative target has no meaning, whatever the polarity
        return Capaian(None, None, "target bernilai negatif")
    if polaritas == "Negatif":
        if rumus_negatif == "sipd":
            if r == 0:
                return Capaian(None, None, "realisasi bernilai nol sehingga rumus target/realisasi tidak dapat dipakai")
            nilai = t / r * HUNDRED
        else:
            nilai = max(ZERO, (2 * t - r) / t * HUNDRED)
    else:
        nilai = r / t * HUNDRED
    return Capaian(nilai, _status(nilai))


def mean(values: list[Decimal | None]) -> Decimal | None:
    vals = [v for v in values if v is not None]
    return sum(vals, ZERO) / len(vals) if vals else None


# ------------------------------------------------------------------ predicate scales

SCALES: dict[str, list[tuple[Decimal, str]]] = {
    "permendagri86": [(Decimal(91), "Sangat Tinggi"), (Decimal(76), "Tinggi"), (Decimal(66), "Sedang"),
                      (Decimal(51), "Rendah"), (Decimal("-1e9"), "Sangat Rendah")],
    "kalianget": [(Decimal(86), "Sangat Baik"), (Decimal(70), "Baik"), (Decimal(55), "Cukup"), (Decimal("-1e9"), "Kurang")],
    "esakip": [(Decimal(100), "Sangat Berhasil"), (Decimal(75), "Berhasil"), (Decimal(55), "Cukup Berhasil"),
               (Decimal("-1e9"), "Kurang Berhasil")],
}
SCALE_NAMES = {
    "permendagri86": "Permendagri Nomor 86 Tahun 2017",
    "tiga_tingkat": "tiga tingkat (melampaui / sesuai / belum mencapai target)",
    "kalianget": "PermenPAN Nomor 29 Tahun 2010",
    "esakip": "e-SAKIP",
    "kustom": "skala yang ditetapkan instansi",
}


def scale_bands(cfg: Pengaturan) -> list[tuple[Decimal | None, str]]:
    """The bands of the configured scale, highest first: (lower bound, label)."""
    if cfg.skala_predikat == "tiga_tingkat":
        return [(Decimal("100.000001"), "Melampaui Target"), (HUNDRED, "Sesuai Target"), (None, "Belum Mencapai Target")]
    if cfg.skala_predikat == "kustom" and cfg.skala_kustom:
        return list(cfg.skala_kustom)
    return list(SCALES.get(cfg.skala_predikat, SCALES["permendagri86"]))


def predikat(nilai: Decimal | None, cfg: Pengaturan) -> str:
    """The predicate label of a capaian, decided on the value as printed."""
    if nilai is None:
        return "-"
    shown = round_half_up(nilai, cfg.desimal)
    bands = scale_bands(cfg)
    for bound, label in bands:
        if bound is None or shown >= bound:
            return label
    return bands[-1][1]


# ------------------------------------------------------------------ efficiency


def hitung_efisiensi(capaian_pct: Decimal | None, penyerapan: Decimal | None, metode: str,
              desimal: int | None = 2) -> tuple[Decimal | None, str]:
    """Efficiency by the configured method: (value, label), from capaian and penyerapan as printed (rounded
    to `desimal`), so the printed columns check out by hand (issue 19.12); `desimal=None`: unrounded."""
    if desimal is not None:
        capaian_pct = round_half_up(capaian_pct, desimal) if capaian_pct is not None else None
        penyerapan = round_half_up(penyerapan, desimal) if penyerapan is not None else None
    if penyerapan is None:
        return None, "-"
    if metode == "sisa":
        # 100 - penyerapan has no criteria of its own: no category is printed
        return HUNDRED - penyerapan, ""
    if capaian_pct is None:
        return None, "-"
    if metode == "rasio":
        if capaian_pct == 0:
            return None, "-"
        v = penyerapan / capaian_pct * HUNDRED
        shown = round_half_up(v)
        if shown > 100:
            label = "Tidak Efisien"
        elif shown > 90:
            label = "Kurang Efisien"
        elif shown > 80:
            label = "Cukup Efisien"
        elif shown > 60:
            label = "Efisien"
        else:
            label = "Sangat Efisien"
        return v, label
    v = capaian_pct - penyerapan
    shown = round_half_up(v)  # the category follows the figure as printed: 0,00 is neither (issue 19.10)
    return v, "Efisien" if shown > 0 else "Sesuai Anggaran" if shown == 0 else "Tidak Efisien"


# ------------------------------------------------------------------ budget


@dataclass
class Jumlah:
    """Pagu and realisasi of a line, unit or total, with derived sisa and penyerapan."""

    pagu: Decimal = ZERO
    realisasi: Decimal = ZERO

    @property
    def sisa(self) -> Decimal:
        return self.pagu - self.realisasi

    @property
    def penyerapan(self) -> Decimal | None:
        return self.realisasi / self.pagu * HUNDRED if self.pagu else None

    def __add__(self, other: "Jumlah") -> "Jumlah":
        return Jumlah(self.pagu + other.pagu, self.realisasi + other.realisasi)


def rollup(line: BarisAnggaran, out: dict[BarisAnggaran, Jumlah]) -> Jumlah:
    """Totals of a line: its own typed figures if it is a leaf, else the sum of its children."""
    if not line.anak:
        total = Jumlah(line.pagu or ZERO, line.realisasi or ZERO)
    else:
        total = Jumlah()
        for child in line.anak:
            total = total + rollup(child, out)
    out[line] = total
    return total


# ------------------------------------------------------------------ results


@dataclass
class AspekIndeks:
    """One aspect of a composite index: its weight, scores and weighted values (None: no score)."""

    aspek: str
    bobot: Decimal
    skor_target: Decimal | None = None
    nilai_target: Decimal | None = None
    skor_realisasi: Decimal | None = None
    nilai_realisasi: Decimal | None = None


@dataclass
class Indeks:
    """A composite index (sheet Indeks): index = sum(skor × bobot / 100) × perhitungan aspek / 100."""

    nama: str
    aspek: list[AspekIndeks]
    perhitungan_aspek: Decimal | None
    jumlah_target: Decimal | None  # None: no target score
    jumlah_realisasi: Decimal | None
    indeks_target: Decimal | None
    indeks_realisasi: Decimal | None


@dataclass
class GolonganPendidikan:
    """Staff of one golongan, counted per pendidikan (in the order of `Sdm.pendidikan`)."""

    golongan: str
    jumlah: list[int]
    total: int


@dataclass
class Sdm:
    """The staff (sheet Pegawai) counted as Bab I prints them."""

    pendidikan: list[str]
    golongan_pendidikan: list[GolonganPendidikan]
    total_pendidikan: list[int]
    eselon: list[tuple[str, int]]
    status: list[tuple[str, int]]
    jumlah: int


@dataclass
class KelompokBelanja:
    """A kelompok belanja (sheet Belanja): its total and each jenis belanja."""

    kelompok: str
    jumlah: Jumlah
    jenis: list[tuple[str, Jumlah]]


@dataclass
class HasilIndikator:
    indikator: Indikator
    node: NodeKinerja
    target: Value
    realisasi: Value
    capaian: Capaian
    predikat: str
    realisasi_lalu: Value = None  # previous year
    tahun_lalu: int | None = None
    capaian_lalu: Capaian | None = None
    pertumbuhan: Decimal | None = None  # growth of realisasi vs previous year (%)
    riwayat: dict[int, Value] = field(default_factory=dict)  # realisasi by year (<= tahun)
    target_akhir: Value = None
    capaian_renstra: Capaian | None = None
    capaian_standar: Capaian | None = None
    indeks: Indeks | None = None  # composite index detail


@dataclass
class HasilNode:
    node: NodeKinerja
    indikator: list[HasilIndikator]
    capaian: Decimal | None
    predikat: str
    anggaran: Jumlah | None = None  # budget linked through the Sasaran column
    efisiensi: Decimal | None = None
    efisiensi_label: str = "-"
    program: list[BarisAnggaran] = field(default_factory=list)  # budget lines linked to it


@dataclass
class Hasil:
    """All computed figures of one report."""

    laporan: Laporan
    indikator: list[HasilIndikator]
    node: dict[NodeKinerja, HasilNode]
    capaian_instansi: Decimal | None
    predikat_instansi: str
    jumlah: dict[BarisAnggaran, Jumlah]  # budget line -> its totals
    unit: list[tuple[str, Jumlah]]
    total: Jumlah
    efisiensi_instansi: Decimal | None
    efisiensi_label: str
    belanja: list[KelompokBelanja]
    belanja_total: Jumlah | None
    sdm: Sdm | None  # None: no Pegawai sheet
    tautan_tidak_dikenal: list[tuple[str, BarisAnggaran]]
    indeks: dict[str, Indeks]
    links: dict[NodeKinerja, list[BarisAnggaran]] = field(default_factory=dict)  # budget lines linked to a node
    _by_indikator: dict[Indikator, HasilIndikator] = field(default_factory=dict, repr=False)
    # figures derived from these, kept by `kept` (`anggaran_kinerja.pagu_program`: the Perjanjian Kinerja's programs
    # are asked for by validate, three tables and a sentence)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def of(self, node: NodeKinerja) -> HasilNode:
        return self.node[node]

    def kept(self, key: str, make: Callable[[], T]) -> T:
        """A figure derived from these results, worked out on its first use and kept (results are not changed)."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    def of_indikator(self, ind: Indikator) -> HasilIndikator:
        """The result of one indicator (a dict lookup, built on first use)."""
        if not self._by_indikator:
            self._by_indikator.update((h.indikator, h) for h in self.indikator)
        return self._by_indikator[ind]


def _prev_year(ind: Indikator, tahun: int) -> int | None:
    years = [y for y, v in ind.realisasi.items() if y < tahun and v is not None]
    return max(years) if years else None


def bagi_status(items: list[HasilIndikator]) -> tuple[list[HasilIndikator], list[HasilIndikator], list[HasilIndikator]]:
    """(met, not met, not measured) — the one partition every sentence about capaian counts by."""
    met = [h for h in items if h.capaian.tercapai]
    unmet = [h for h in items if h.capaian.status == "tidak_tercapai"]
    return met, unmet, [h for h in items if h.capaian.status is None]


def growth(now: Value, before: Value) -> Decimal | None:
    if isinstance(now, Decimal) and isinstance(before, Decimal) and before != 0:
        return (now - before) / abs(before) * HUNDRED
    return None


def compute_indeks(lap: Laporan) -> dict[str, Indeks]:
    """Composite indices: index = sum(skor x bobot/100) x perhitungan aspek / 100, target and realisasi."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for a in lap.indeks:
        groups[normalize_header(a.indikator)].append(a)
    out = {}
    for key, aspects in groups.items():
        pa = next((a.perhitungan_aspek for a in aspects if a.perhitungan_aspek is not None), None)
        rows = []
        sums = {"target": ZERO, "realisasi": ZERO}
        have = {"target": False, "realisasi": False}
        for a in aspects:
            row = AspekIndeks(a.aspek, a.bobot)
            if a.skor_target is not None:
                row.skor_target, row.nilai_target = a.skor_target, a.skor_target * a.bobot / HUNDRED
                sums["target"] += row.nilai_target
                have["target"] = True
            if a.skor_realisasi is not None:
                row.skor_realisasi, row.nilai_realisasi = a.skor_realisasi, a.skor_realisasi * a.bobot / HUNDRED
                sums["realisasi"] += row.nilai_realisasi
                have["realisasi"] = True
            rows.append(row)
        idx = {side: (sums[side] * pa / HUNDRED if (pa is not None and have[side]) else None) for side in sums}
        out[key] = Indeks(aspects[0].indikator, rows, pa,
                          sums["target"] if have["target"] else None, sums["realisasi"] if have["realisasi"] else None,
                          idx["target"], idx["realisasi"])
    return out


def _link_budget(lap: Laporan) -> tuple[dict[NodeKinerja, list[BarisAnggaran]], list[Any]]:
    """Budget lines linked to Kinerja nodes through the Sasaran column (by kode or uraian)."""
    index: dict[str, NodeKinerja] = {}
    for node in lap.nodes():
        if node.kode:
            index.setdefault(normalize_header(node.kode), node)
        index.setdefault(normalize_header(node.uraian), node)
        for ind in node.indikator:
            index.setdefault(normalize_header(ind.nama), node)
    links: dict[NodeKinerja, list[BarisAnggaran]] = defaultdict(list)
    unknown: list[Any] = []
    seen_unknown: set[str] = set()

    targets: dict[str, NodeKinerja | None] = {}  # the Sasaran column repeats: look each text up once

    def visit(line: BarisAnggaran, parent_target: NodeKinerja | None) -> None:
        target = None
        if line.sasaran:
            if line.sasaran not in targets:
                targets[line.sasaran] = index.get(normalize_header(line.sasaran))
            target = targets[line.sasaran]
        if line.sasaran and target is None and line.sasaran not in seen_unknown:
            seen_unknown.add(line.sasaran)
            unknown.append((line.sasaran, line))
        if target is not None and target is not parent_target:
            links[target].append(line)
        for child in line.anak:
            visit(child, target or parent_target)

    for unit in lap.unit:
        for prog in unit.program:
            visit(prog, None)
    return links, unknown


SDM_PENDIDIKAN = ("SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")


def _pendidikan(text: str) -> str:
    t = text.upper().replace(".", "").replace(" ", "")
    aliases = {"SLTP": "SMP", "SLTA": "SMA", "SMK": "SMA", "SMU": "SMA", "STM": "SMA", "DIII": "D3", "DIV": "D4",
               "DI": "D1", "DII": "D2", "SARJANA": "S1", "MAGISTER": "S2", "DOKTOR": "S3"}
    t = aliases.get(t, t)
    return t if t in SDM_PENDIDIKAN else (text.strip() or "Lainnya")


def golongan_ruang(text: str) -> str:
    """'III/a' -> 'III'; '' -> 'Non ASN'."""
    t = text.strip().upper().replace(" ", "")
    g = re.match(r"(IV|III|II|I)(?=/|$|[A-E]$)", t)
    if g:
        return g.group(1)
    if re.fullmatch(r"(XVII|XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V)", t):  # PPPK golongan
        return "PPPK"
    return "Non ASN"


def compute_sdm(lap: Laporan) -> Sdm | None:
    """The staff by golongan and pendidikan, eselon and status; None without any Pegawai row."""
    peg = lap.pegawai
    if not peg:
        return None
    gol_order = ["IV", "III", "II", "I", "PPPK", "Non ASN"]
    pend = [p for p in SDM_PENDIDIKAN if any(_pendidikan(x.pendidikan) == p for x in peg)]
    pend += sorted({_pendidikan(x.pendidikan) for x in peg} - set(pend))
    matrix = Counter((golongan_ruang(x.golongan), _pendidikan(x.pendidikan)) for x in peg)
    rows: list[GolonganPendidikan] = []
    for g in gol_order:
        counts = [matrix.get((g, p), 0) for p in pend]
        if sum(counts):
            rows.append(GolonganPendidikan(g, counts, sum(counts)))
    eselon = Counter(x.eselon.strip() or "Non Eselon" for x in peg)
    status = Counter(x.status.strip() or "Tidak diisi" for x in peg)
    return Sdm(
        pendidikan=pend,
        golongan_pendidikan=rows,
        total_pendidikan=[sum(r.jumlah[i] for r in rows) for i in range(len(pend))],
        eselon=sorted(eselon.items(), key=lambda kv: (kv[0] == "Non Eselon", kv[0])),
        status=sorted(status.items(), key=lambda kv: -kv[1]),
        jumlah=len(peg),
    )


def compute(lap: Laporan) -> Hasil:
    """Compute every figure the report prints."""
    cfg = lap.pengaturan
    tahun = lap.profil.tahun
    indeks = compute_indeks(lap)
    last_target_year = max(lap.tahun_target) if lap.tahun_target else None
    jumlah: dict[BarisAnggaran, Jumlah] = {}
    units = []
    total = Jumlah()
    for unit in lap.unit:
        u = Jumlah()
        for prog in unit.program:
            u = u + rollup(prog, jumlah)
        units.append((unit.nama, u))
        total = total + u
    links, unknown = _link_budget(lap)

    results: list[HasilIndikator] = []
    nodes: dict[NodeKinerja, HasilNode] = {}

    def shown(v: Decimal | None) -> Decimal | None:
        return round_half_up(v, cfg.desimal) if v is not None else None

    def calc(ind: Indikator, node: NodeKinerja) -> HasilIndikator:
        target = ind.target.get(tahun)
        real = ind.realisasi.get(tahun)
        idx = indeks.get(normalize_header(ind.nama))
        if idx:
            if target is None and idx.indeks_target is not None:
                target = round_half_up(idx.indeks_target)
            if real is None and idx.indeks_realisasi is not None:
                real = round_half_up(idx.indeks_realisasi)
        cap = capaian(target, real, ind.polaritas, cfg.rumus_negatif, cfg.batas_capaian)
        h = HasilIndikator(ind, node, target, real, cap, predikat(cap.nilai, cfg), indeks=idx)
        prev = _prev_year(ind, tahun)
        if prev is not None:
            h.tahun_lalu, h.realisasi_lalu = prev, ind.realisasi[prev]
            h.capaian_lalu = capaian(ind.target.get(prev), ind.realisasi[prev], ind.polaritas, cfg.rumus_negatif, cfg.batas_capaian)
            h.pertumbuhan = growth(real, h.realisasi_lalu)
        h.riwayat = {y: v for y, v in sorted(ind.realisasi.items()) if y <= tahun and v is not None}
        if real is not None and h.riwayat.get(tahun) is None:
            h.riwayat[tahun] = real
        h.target_akhir = ind.target_akhir if ind.target_akhir is not None else (ind.target.get(last_target_year) if last_target_year else None)
        if h.target_akhir is not None:
            h.capaian_renstra = capaian(h.target_akhir, real, ind.polaritas, cfg.rumus_negatif)
        if ind.standar is not None:
            h.capaian_standar = capaian(ind.standar, real, ind.polaritas, cfg.rumus_negatif)
        return h

    def visit(node: NodeKinerja) -> HasilNode:
        own = [calc(ind, node) for ind in node.indikator]
        results.extend(own)
        children = [visit(child) for child in node.anak]
        # an average printed beside its parts is the average of the parts as printed (issue 19.12)
        cap = mean([shown(h.capaian.nilai) for h in own])
        if cap is None and node.level == "Tujuan":
            cap = mean([shown(c.capaian) for c in children if c.node.level == "Sasaran"])
        hn = HasilNode(node, own, cap, predikat(cap, cfg))
        lines = links.get(node, [])
        if not lines and node.level in ("Tujuan", "Sasaran"):
            lines = [ln for c in children for ln in c.program]
        if lines:
            hn.program = lines
            hn.anggaran = sum((jumlah[ln] for ln in lines), Jumlah())
            hn.efisiensi, hn.efisiensi_label = hitung_efisiensi(cap, hn.anggaran.penyerapan, cfg.metode_efisiensi, cfg.desimal)
        nodes[node] = hn
        return hn

    for root in lap.kinerja:
        visit(root)
    sasaran_caps = [shown(nodes[n].capaian) for n in lap.nodes("Sasaran")]
    cap_instansi = mean(sasaran_caps)
    if cap_instansi is None:
        cap_instansi = mean([shown(h.capaian.nilai) for h in results])
    eff, eff_label = hitung_efisiensi(cap_instansi, total.penyerapan, cfg.metode_efisiensi, cfg.desimal)

    belanja_groups: dict[str, list[Any]] = {}
    for b in lap.belanja:
        belanja_groups.setdefault(b.kelompok or "Belanja", []).append(b)
    belanja: list[KelompokBelanja] = []
    btotal = Jumlah()
    for kelompok, items in belanja_groups.items():
        sub = sum((Jumlah(b.anggaran, b.realisasi) for b in items), Jumlah())
        btotal = btotal + sub
        belanja.append(KelompokBelanja(kelompok, sub, [(b.jenis, Jumlah(b.anggaran, b.realisasi)) for b in items]))

    return Hasil(
        laporan=lap, indikator=results, node=nodes, capaian_instansi=cap_instansi,
        predikat_instansi=predikat(cap_instansi, cfg), jumlah=jumlah, unit=units, total=total,
        efisiensi_instansi=eff, efisiensi_label=eff_label, belanja=belanja,
        belanja_total=btotal if lap.belanja else None, sdm=compute_sdm(lap), tautan_tidak_dikenal=unknown,
        indeks=indeks, links=dict(links),
    )
