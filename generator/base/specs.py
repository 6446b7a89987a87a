"""The tables and charts that `context` hands to the renderer: typed, so a wrong key or value fails loudly.

A table is laid out by `ooxml.table`, a chart drawn by `charts.draw`. In the template
context (and in `lkjip context` JSON) they read as plain records: `tabel.capaian.judul`,
`tabel.capaian.baris[0].sel`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

RATA = ("kiri", "kanan", "tengah")  # column alignment
GAYA = ("biasa", "tebal", "total", "unit", "program", "kegiatan", "subjudul")  # row style
JENIS_GRAFIK = ("capaian", "tren", "anggaran", "jumlah")  # jumlah: counts per category (lkjip gabung)


@dataclass(frozen=True, slots=True)
class Kolom:
    """A column: its header, its relative width, its alignment."""

    judul: str
    lebar: float = 1.0
    rata: str = "kiri"

    def __post_init__(self) -> None:
        if self.rata not in RATA:
            raise ValueError(f"rata {self.rata!r} is not one of {RATA}")


@dataclass(slots=True)
class Baris:
    """A row: its cells as printed (None becomes ""), its style, its indentation level."""

    sel: list[str]
    gaya: str = "biasa"
    indent: int = 0

    def __post_init__(self) -> None:
        if self.gaya not in GAYA:
            raise ValueError(f"gaya {self.gaya!r} is not one of {GAYA}")
        # a copy (callers may reuse their list); only None changes, so the common row is copied in C
        self.sel = ["" if s is None else s for s in self.sel] if None in self.sel else list(self.sel)


@dataclass(slots=True)
class Tabel:
    """A captioned table: header row, column-number row (`1 2 3`, or with formulas), rows."""

    judul: str
    kolom: list[Kolom]
    baris: list[Baris]
    nomor_kolom: list[str] = field(default_factory=list)  # empty: 1, 2, 3 …
    lanskap: bool = False
    catatan: str = ""

    def __post_init__(self) -> None:
        if not self.nomor_kolom:
            self.nomor_kolom = [str(i) for i in range(1, len(self.kolom) + 1)]
        if len(self.nomor_kolom) != len(self.kolom):
            raise ValueError(f"{len(self.nomor_kolom)} column numbers for {len(self.kolom)} columns in {self.judul!r}")

    def as_dict(self) -> dict:
        """As `lkjip context` prints it."""
        return {"judul": self.judul, "kolom": [{"judul": k.judul, "lebar": k.lebar, "rata": k.rata} for k in self.kolom],
                "nomor_kolom": self.nomor_kolom,
                "baris": [{"sel": b.sel, "gaya": b.gaya, "indent": b.indent} for b in self.baris],
                "lanskap": self.lanskap, "catatan": self.catatan}


@dataclass(slots=True)
class Grafik:
    """A chart: its title, its kind (how `charts` draws it) and its data points."""

    judul: str
    jenis: str
    data: list[dict]

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_GRAFIK:
            raise ValueError(f"jenis {self.jenis!r} is not one of {JENIS_GRAFIK}")

    def as_dict(self) -> dict:
        return {"judul": self.judul, "jenis": self.jenis, "data": self.data}


class Bagian(NamedTuple):
    """One part of the report as a table function returns it: the table (None when not printed), the sentence
    that introduces it or stands in for it ("" when none), and its chart (None when none)."""

    tabel: Tabel | None
    kalimat: str = ""
    grafik: Grafik | None = None
