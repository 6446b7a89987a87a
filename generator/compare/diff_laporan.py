"""What changes in the printed report between two revisions: `lkjip diff`'s `laporan` part.

`diff` compares the data (indicators, budget lines, profile) in the staff's terms; this
module compares the two template contexts — everything the report prints — so that no
change to any sheet can change the report unseen (Belanja, Indeks, Rencana_Aksi,
Pegawai, Narasi, Gambar, Pengaturan …). The context is cut into the parts a reader
of the report sees: each table (by caption), chart, text section, sasaran section,
summary figure or sentence, image section, and which optional parts are printed. A part
is a list of printed lines (a table's header, rows and layout; a text's paragraphs); two
revisions' parts are matched by their place in the report and their lines compared in
order, so an item says which part changes and which lines, old -> new.

Images are compared by their content (a hash of the bytes that go into the document) and
caption, not by their path: the same picture in another folder is no change.
"""

from __future__ import annotations

import hashlib
from difflib import SequenceMatcher
from pathlib import Path

from ..base.specs import Grafik, Tabel

Line = tuple[object, str]  # (what is compared, what is shown)


def _plain(value: object) -> object:
    return value.as_dict() if isinstance(value, (Tabel, Grafik)) else value


def _leaves(value: object, path: str = "") -> list[str]:
    """`path: value` for every leaf of a JSON-like value, in order."""
    value = _plain(value)
    if isinstance(value, dict):
        return [line for k, v in value.items() for line in _leaves(v, f"{path}.{k}" if path else str(k))]
    if isinstance(value, (list, tuple)):
        return [line for i, v in enumerate(value, 1) for line in _leaves(v, f"{path}[{i}]")]
    return [f"{path}: {value}" if path else str(value)]


def _lines(values: list[str]) -> list[Line]:
    return [(v, v) for v in values]


def _number(value: object) -> str:
    if isinstance(value, float):
        text = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
        return text[:-3] if text.endswith(",00") else text
    return str(value)


def _table_lines(t: Tabel) -> list[Line]:
    lines = [f"kolom: {' | '.join(k.judul for k in t.kolom)}", f"nomor kolom: {' | '.join(t.nomor_kolom)}"]
    lines += [" | ".join(b.sel) + ("" if b.gaya == "biasa" else f"  [{b.gaya}]") for b in t.baris]
    layout = [f"lebar kolom: {', '.join(f'{k.lebar:g}' for k in t.kolom)}", f"rata: {', '.join(k.rata for k in t.kolom)}",
              "halaman mendatar" if t.lanskap else "halaman tegak"]
    lines += layout + ([f"catatan: {t.catatan}"] if t.catatan else [])
    return _lines(lines)


def _point(value: object) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k} {_point(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_point(v) for v in value)
    return _number(value)


def _chart_lines(g: Grafik) -> list[Line]:
    return _lines([f"jenis: {g.jenis}"] + [" | ".join(f"{k} {_point(v)}" for k, v in point.items()) for point in g.data])


def _sasaran_lines(s: dict) -> list[str]:
    # `kode` is in the context for custom templates; the standard report does not print it
    lines = _leaves({k: v for k, v in s.items() if k not in ("tabel", "tabel_indeks", "nomor", "indikator", "kode")})
    for ind in s.get("indikator", []):
        name = ind.get("nama", "")
        lines += [f"indikator '{name}' {ln}" for ln in _leaves({k: v for k, v in ind.items() if k not in ("nama", "tabel_indeks")})]
    return lines


def _image_lines(items: list[dict]) -> list[Line]:
    out: list[Line] = []
    for g in items:
        path = Path(g["berkas"])
        try:
            data = path.read_bytes()
            digest, size = hashlib.sha256(data).hexdigest(), len(data)
        except OSError:
            digest, size = "", 0
        caption = g.get("keterangan", "")
        out.append(((digest, caption), f"{path.name} ({size:,} bait, sidik {digest[:12]}): {caption or '-'}".replace(",", ".")))
    return out


def parts(ctx: dict) -> dict[str, tuple[str, str, list[Line]]]:
    """The report's parts: id -> (kind, label as the reader knows it, printed lines)."""
    out: dict[str, tuple[str, str, list[Line]]] = {}
    for key, value in ctx.get("profil", {}).items():
        out[f"profil.{key}"] = ("isian", f"Isian sampul/penandatangan '{key}'", _lines(_leaves(value)))
    for key, value in ctx.get("ringkas", {}).items():
        out[f"ringkas.{key}"] = ("kalimat", f"Angka/kalimat ringkasan '{key}'", _lines(_leaves(value)))
    for key, blocks in ctx.get("teks", {}).items():
        out[f"teks.{key}"] = ("teks", f"Teks bagian '{key}'", _lines([f"{b['jenis']}: {b['teks']}" for b in blocks]))
    for s in ctx.get("sasaran", []):
        out[f"sasaran.{s['nomor']}"] = ("teks", f"Uraian capaian Sasaran {s['nomor']} '{s['uraian']}'", _lines(_sasaran_lines(s)))
    for key, t in ctx.get("tabel", {}).items():
        out[f"tabel.{key}"] = ("tabel", f"Tabel '{t.judul}'", _table_lines(t))
    for key, g in ctx.get("grafik", {}).items():
        out[f"grafik.{key}"] = ("grafik", f"Grafik '{g.judul}'", _chart_lines(g))
    for key, items in ctx.get("gambar", {}).items():
        out[f"gambar.{key}"] = ("gambar", f"Gambar bagian '{key}'", _image_lines(items))
    out["ada"] = ("bagian", "Bagian yang dicetak", _lines([f"{k}: {'ya' if v else 'tidak'}" for k, v in ctx.get("ada", {}).items()]))
    known = {"profil", "ringkas", "teks", "sasaran", "tabel", "grafik", "gambar", "ada"}
    for key, value in ctx.items():  # anything added to the context later is compared too
        if key not in known:
            out[key] = ("bagian", f"Bagian '{key}'", _lines(_leaves(value)))
    return out


def _changed_lines(old: list[Line], new: list[Line]) -> list[list[str | None]]:
    """[[old line, new line]] for every line that differs (None where a line is added or removed)."""
    sm = SequenceMatcher(None, [k for k, _ in old], [k for k, _ in new], autojunk=False)
    out: list[list[str | None]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        olds, news = [t for _, t in old[i1:i2]], [t for _, t in new[j1:j2]]
        for k in range(max(len(olds), len(news))):
            out.append([olds[k] if k < len(olds) else None, news[k] if k < len(news) else None])
    return out


def laporan_changes(old_ctx: dict, new_ctx: dict) -> list[dict]:
    """Every part of the report that changes: {bagian, jenis, status (berubah/baru/dihapus), perubahan: [[lama, baru]]}.

    In the order of the new report, parts removed at the end.
    """
    old, new = parts(old_ctx), parts(new_ctx)
    out = []
    for pid in [*new, *(p for p in old if p not in new)]:
        o, n = old.get(pid), new.get(pid)
        kind, label, _ = n or o
        if o is not None and n is not None:
            changes = _changed_lines(o[2], n[2])
            if o[1] != n[1]:  # a caption that changes with the same content (a renamed sasaran)
                changes.insert(0, [o[1], n[1]])
            if changes:
                out.append({"bagian": label, "jenis": kind, "status": "berubah", "perubahan": changes})
        elif n is not None:
            out.append({"bagian": label, "jenis": kind, "status": "baru", "perubahan": [[None, t] for _, t in n[2]]})
        else:
            out.append({"bagian": label, "jenis": kind, "status": "dihapus", "perubahan": [[t, None] for _, t in o[2]]})
    return out


def _short(text: str | None, limit: int = 140) -> str:
    if text is None:
        return "-"
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def _pair(old: str | None, new: str | None, limit: int = 140) -> str:
    """`'old' -> 'new'`; long lines cut around where they differ, so the change itself shows."""
    if old is None or new is None or (len(old) <= limit and len(new) <= limit):
        return f"{_short(old, limit)} -> {_short(new, limit)}"
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    start = max(0, p - 40)
    cut = lambda t: ("…" if start else "") + t[start:start + limit - 1] + ("…" if len(t) > start + limit - 1 else "")  # noqa: E731
    return f"'{cut(old)}' -> '{cut(new)}'"


def laporan_lines(items: list[dict], per_part: int = 3) -> list[str]:
    """The terminal lines of the `laporan` part: each part once, its first changed lines old -> new."""
    if not items:
        return []
    status = {"berubah": "berubah", "baru": "baru dicetak", "dihapus": "tidak dicetak lagi"}
    lines = ["Bagian laporan yang berubah:"]
    for item in items:
        changes = item["perubahan"]
        lines.append(f"  {item['bagian']}: {status[item['status']]}"
                     + (f" ({len(changes)} baris)" if item["status"] == "berubah" and len(changes) > 1 else ""))
        if item["status"] != "berubah":
            continue
        for old, new in changes[:per_part]:
            lines.append(f"    {_pair(old, new)}")
        if len(changes) > per_part:
            lines.append(f"    … dan {len(changes) - per_part} baris lain (lihat --format json)")
    return lines
