"""What changed between two revisions of a workbook, in the terms of the report (`lkjip diff`).

Owns matching (indicators, budget lines, narrative parts, profile fields) and the JSON-able
change dict. Every value is a string formatted as the report prints it (`formatting`), and a
value counts as changed only when its printed form changes. `total` always holds all five
figures as [old, new] pairs (old == new when unchanged); every other part lists changes only.
Budget figures are the report's rolled-up sums, so a changed sub kegiatan also changes its parents.
Matching: a key function per pass (`match`); budget lines by (unit, kode), then by uraian path;
indicators by (node kode, name), then by (node uraian, name); narrative parts by `bagian`.
`laporan` (`diff_laporan`) lists every part of the printed report that changes, whichever
sheet changed it: the report differs exactly when the diff says so.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from ..base.contract import normalize_header
from ..base.formatting import nilai, persen, tanggal, uang
from ..base.model import BarisAnggaran, Laporan, Narasi, Profil
from ..compute.hasil import Hasil, HasilIndikator, Jumlah

T = TypeVar("T")
# the logo is compared as the picture printed (diff_laporan), not by the name of its file
PROFIL_FIELDS = tuple(f.name for f in dataclasses.fields(Profil) if f.name not in ("cells", "logo"))
LINE_FIELDS = ("unit", "kode", "level", "uraian")

# ------------------------------------------------------------------ matching


def match(old: list[T], new: list[T], keys: list[Callable[[T], Hashable | None]]) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """Pair items by each key function in turn (None = no key); returns (pairs, only in new, only in old).

    Equal keys pair in order of appearance; pairs and new items keep the order of `new`.
    """
    paired: dict[int, int] = {}  # new index -> old index
    free = list(range(len(old)))
    for key in keys:
        index: dict[Hashable, list[int]] = defaultdict(list)
        for i in free:
            k = key(old[i])
            if k is not None:
                index[k].append(i)
        for j, item in enumerate(new):
            k = None if j in paired else key(item)
            if k is not None and index.get(k):
                paired[j] = index[k].pop(0)
        taken = set(paired.values())
        free = [i for i in free if i not in taken]
    pairs = [(old[paired[j]], new[j]) for j in range(len(new)) if j in paired]
    return pairs, [new[j] for j in range(len(new)) if j not in paired], [old[i] for i in free]


def _n(text: str) -> str:
    return normalize_header(text)


# ------------------------------------------------------------------ indicators


def _ind_values(h: HasilIndikator, desimal: int) -> dict[str, str]:
    return {"target": nilai(h.target, desimal), "realisasi": nilai(h.realisasi, desimal),
            "capaian": persen(h.capaian.nilai, desimal), "predikat": h.predikat}


def _ind_label(h: HasilIndikator) -> dict[str, str]:
    node = h.node.kode or h.node.uraian
    return {"kunci": f"{node} / {h.indikator.nama}", "node": node, "nama": h.indikator.nama}


def _diff_indikator(old: Hasil, new: Hasil, out: dict) -> None:
    by_kode = lambda h: (_n(h.node.kode), _n(h.indikator.nama)) if h.node.kode else None  # noqa: E731
    by_uraian = lambda h: (_n(h.node.uraian), _n(h.indikator.nama))  # noqa: E731
    pairs, baru, dihapus = match(old.indikator, new.indikator, [by_kode, by_uraian])
    od, nd = old.laporan.pengaturan.desimal, new.laporan.pengaturan.desimal
    for o, n in pairs:
        ov, nv = _ind_values(o, od), _ind_values(n, nd)
        changed = {k: [ov[k], nv[k]] for k in ov if ov[k] != nv[k]}
        if changed:
            out["indikator"].append({**_ind_label(n), "perubahan": changed})
    out["indikator_baru"] = [{**_ind_label(h), **_ind_values(h, nd)} for h in baru]
    out["indikator_dihapus"] = [{**_ind_label(h), **_ind_values(h, od)} for h in dihapus]


# ------------------------------------------------------------------ budget


@dataclass
class _Baris:
    line: BarisAnggaran
    path: tuple[str, ...]  # normalised unit / program / kegiatan / sub kegiatan uraian
    jumlah: Jumlah

    def as_dict(self) -> dict[str, str]:
        ln = self.line
        return {"unit": ln.unit, "kode": ln.kode, "level": ln.level, "uraian": ln.uraian,
                "pagu": uang(self.jumlah.pagu), "realisasi": uang(self.jumlah.realisasi)}


def _baris(hasil: Hasil) -> list[_Baris]:
    out: list[_Baris] = []

    def walk(line: BarisAnggaran, parent: tuple[str, ...]) -> None:
        path = (*parent, _n(line.uraian))
        out.append(_Baris(line, path, hasil.jumlah[line]))
        for child in line.anak:
            walk(child, path)

    for unit in hasil.laporan.unit:
        for prog in unit.program:
            walk(prog, (_n(unit.nama),))
    return out


def _diff_anggaran(old: Hasil, new: Hasil) -> dict[str, list[dict]]:
    by_kode = lambda b: (_n(b.line.unit), _n(b.line.kode)) if b.line.kode else None  # noqa: E731
    by_path = lambda b: b.path  # noqa: E731
    pairs, baru, dihapus = match(_baris(old), _baris(new), [by_kode, by_path])
    berubah = []
    for o, n in pairs:
        od, nd = o.as_dict(), n.as_dict()
        if od == nd:
            continue
        item: dict = {k: nd[k] for k in LINE_FIELDS}
        item.update({f"{k}_lama": od[k] for k in ("kode", "uraian") if od[k] != nd[k]})
        item.update({k: [od[k], nd[k]] for k in ("pagu", "realisasi")})
        berubah.append(item)
    return {"baru": [b.as_dict() for b in baru], "dihapus": [b.as_dict() for b in dihapus], "berubah": berubah}


def _totals(h: Hasil) -> dict[str, str]:
    d = h.laporan.pengaturan.desimal
    return {"pagu": uang(h.total.pagu), "realisasi": uang(h.total.realisasi), "penyerapan": persen(h.total.penyerapan, d),
            "capaian_instansi": persen(h.capaian_instansi, d), "predikat_instansi": h.predikat_instansi}


def _diff_unit(old: Hasil, new: Hasil) -> list[dict]:
    pairs, baru, dihapus = match(old.unit, new.unit, [lambda u: _n(u[0])])
    rows = [(n[0], o[1], n[1]) for o, n in pairs] + [(u[0], None, u[1]) for u in baru] + [(u[0], u[1], None) for u in dihapus]
    out = []
    for name, o, n in rows:
        item = {k: [uang(getattr(o, k) if o else None), uang(getattr(n, k) if n else None)] for k in ("pagu", "realisasi")}
        if any(a != b for a, b in item.values()):
            out.append({"unit": name, **item})
    return out


# ------------------------------------------------------------------ narrative and profile


def _narasi_isi(n: Narasi) -> list:
    """What the report prints of a Narasi part: its blocks (the Judul column is not printed)."""
    return [(b.jenis, b.teks) for b in n.blok]


def _diff_narasi(old: Laporan, new: Laporan) -> dict[str, list[str]]:
    return {"berubah": [b for b in new.narasi if b in old.narasi and _narasi_isi(old.narasi[b]) != _narasi_isi(new.narasi[b])],
            "baru": [b for b in new.narasi if b not in old.narasi],
            "dihapus": [b for b in old.narasi if b not in new.narasi]}


def _profil_text(p: Profil, name: str) -> str:
    value = getattr(p, name)
    if name == "periode":
        return f"{value[0]}-{value[1]}" if any(value) else "-"
    if name in ("tanggal_laporan", "tanggal_pk"):
        return tanggal(value)
    if name == "misi":
        return "; ".join(value) or "-"
    return str(value or "-")


def _diff_profil(old: Profil, new: Profil) -> dict[str, list[str]]:
    pairs = {f: [_profil_text(old, f), _profil_text(new, f)] for f in PROFIL_FIELDS}
    return {f: v for f, v in pairs.items() if v[0] != v[1]}


# ------------------------------------------------------------------ public


def diff_results(old: Hasil, new: Hasil) -> dict:
    """The changes from `old` to `new` as a JSON-able dict of formatted strings (see module docstring)."""
    out: dict = {"indikator": []}
    _diff_indikator(old, new, out)
    to, tn = _totals(old), _totals(new)
    out.update({
        "anggaran": _diff_anggaran(old, new),
        "total": {k: [to[k], tn[k]] for k in to},
        "unit": _diff_unit(old, new),
        "narasi": _diff_narasi(old.laporan, new.laporan),
        "profil": _diff_profil(old.laporan.profil, new.laporan.profil),
    })
    from ..report.context import build_context
    from .diff_laporan import laporan_changes

    out["laporan"] = laporan_changes(build_context(old), build_context(new))
    return out


def ada_perubahan(d: dict) -> bool:
    """True when the diff holds any change (an unchanged `total` does not count)."""
    return bool(d["indikator"] or d["indikator_baru"] or d["indikator_dihapus"] or any(d["anggaran"].values())
                or any(a != b for a, b in d["total"].values()) or d["unit"] or any(d["narasi"].values()) or d["profil"]
                or d.get("laporan"))
