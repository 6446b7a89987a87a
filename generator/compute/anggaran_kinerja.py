"""Budget figures of the Perjanjian Kinerja and of Kinerja nodes, worked out from the results.

Computation, not wording: the report's tables (`tabel_anggaran`, `tabel_kinerja`, `program_kinerja`) and
`validate` read these figures; being in the compute step, any other step or face can too.

- `pagu_program`: every program over all units, today's pagu and realisasi beside its signed pagu.
- `pk_anggaran`: the programs of the Perjanjian Kinerja with their signed pagu (column Pagu PK) or, where
  none is given, today's pagu.
- `pk_perubahan`: each PK program before and after the Perjanjian Kinerja Perubahan (column Pagu PK
  Perubahan), or None when the workbook gives none.
- `AnggaranNode`: the budget of a Kinerja node (program, kegiatan, sub kegiatan). Found, in this order: the
  Anggaran lines whose Sasaran column names it; the sum of its children's budgets; the Anggaran lines with its
  kode; the Anggaran lines of its level with its uraian. A node with none of these has no budget (None), never
  a guessed figure.
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from ..base.contract import LEVEL_ANGGARAN, normalize_header, program_key
from ..base.model import BarisAnggaran, NodeKinerja
from .hasil import Hasil, Jumlah


class ProgramPK(NamedTuple):
    """One program line of the Perjanjian Kinerja."""

    nama: str
    pagu: Decimal
    sumber_dana: list[str]


class AnggaranPK(NamedTuple):
    """The budget of the Perjanjian Kinerja: its programs, their total, and whether a signed figure was given."""

    program: list[ProgramPK]
    total: Decimal
    ada_pagu_pk: bool  # some line carries a signed figure (column Pagu PK)


@dataclass
class PaguProgram:
    """A program over all units (one PK line): today's pagu and realisasi, its signed pagu (None: not given)."""

    nama: str
    pagu: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)
    pagu_pk: Decimal | None = None
    sumber_dana: set[str] = field(default_factory=set)


def pagu_program(hasil: Hasil) -> dict[str, PaguProgram]:
    """Programs by `program_key`, in the order of the Anggaran sheet: a program of several units is one
    program, its signed figure may be typed on any of its rows. Worked out once per `Hasil`; not to be changed."""
    return hasil.kept("pagu_program", lambda: _pagu_program(hasil))


def _pagu_program(hasil: Hasil) -> dict[str, PaguProgram]:
    programs: dict[str, PaguProgram] = {}
    for unit in hasil.laporan.unit:
        for prog in unit.program:
            entry = programs.setdefault(program_key(prog.uraian), PaguProgram(prog.uraian))
            entry.pagu += hasil.jumlah[prog].pagu
            entry.realisasi += hasil.jumlah[prog].realisasi
            for ln in prog.walk():
                if ln.pagu_pk is not None:
                    entry.pagu_pk = (entry.pagu_pk or Decimal(0)) + ln.pagu_pk
                if ln.sumber_dana:
                    entry.sumber_dana.add(ln.sumber_dana)
    return programs


def pk_anggaran(hasil: Hasil) -> AnggaranPK:
    """The programs of the Perjanjian Kinerja: the signed figures (column Pagu PK) when given; else today's pagu."""
    programs = pagu_program(hasil).values()
    rows = [ProgramPK(e.nama, e.pagu_pk if e.pagu_pk is not None else e.pagu, sorted(e.sumber_dana)) for e in programs]
    return AnggaranPK(rows, sum((r.pagu for r in rows), Decimal(0)), any(e.pagu_pk is not None for e in programs))


def pk_perubahan(hasil: Hasil) -> list[tuple[str, Decimal, Decimal]] | None:
    """(program, before, after) for every PK program when column Pagu PK Perubahan gives a revised PK (a program
    without it keeps its PK figure); None without one."""
    after: OrderedDict[str, Decimal] = OrderedDict()
    for unit in hasil.laporan.unit:
        for prog in unit.program:
            for ln in prog.walk():
                if ln.pagu_pk_perubahan is not None:
                    key = program_key(prog.uraian)
                    after[key] = after.get(key, Decimal(0)) + ln.pagu_pk_perubahan
    if not after:
        return None
    return [(p.nama, p.pagu, after.get(program_key(p.nama), p.pagu)) for p in pk_anggaran(hasil).program]


def _own(node: NodeKinerja) -> tuple[str, str]:
    return node.level, program_key(node.uraian) if node.level == "Program" else normalize_header(node.uraian)


Identitas = tuple[tuple[str, str], ...]  # (level, name) from the program down


def identitas_map(root: NodeKinerja) -> dict[NodeKinerja, Identitas]:
    """What makes two Kinerja rows one program/kegiatan: level and name (a kode may be positional), within
    the program/kegiatan above it (the same kegiatan under two programs is two kegiatan)."""
    out: dict[NodeKinerja, Identitas] = {}
    stack: list[tuple[NodeKinerja, Identitas]] = [(root, ())]
    while stack:
        node, above = stack.pop()
        key: Identitas = above + (_own(node),) if node.level in LEVEL_ANGGARAN else ()
        out[node] = key
        stack.extend((c, key) for c in node.anak)
    return out


class AnggaranNode:
    """The budget of Kinerja nodes (see the module docstring); lines are looked up once per node."""

    def __init__(self, hasil: Hasil) -> None:
        self.hasil = hasil
        self._index: tuple[dict[str, list[BarisAnggaran]], dict[tuple[str, str], list[BarisAnggaran]]] | None = None
        self.memo: dict[NodeKinerja, list[BarisAnggaran] | None] = {}

    def index(self) -> tuple[dict[str, list[BarisAnggaran]], dict[tuple[str, str], list[BarisAnggaran]]]:
        """The budget lines by kode and by (level, name), built on the first lookup (a workbook whose Kinerja
        sheet stops at the sasaran never needs it: 20.000 lines cost ~0,1 s)."""
        if self._index is None:
            by_kode: dict[str, list[BarisAnggaran]] = defaultdict(list)
            by_nama: dict[tuple[str, str], list[BarisAnggaran]] = defaultdict(list)
            for ln in self.hasil.laporan.budget_lines():
                if ln.kode:
                    by_kode[normalize_header(ln.kode)].append(ln)
                by_nama[(ln.level, program_key(ln.uraian))].append(ln)
            self._index = by_kode, by_nama
        return self._index

    def lines(self, node: NodeKinerja, scope: set[int] | None = None) -> list[BarisAnggaran] | None:
        """The budget lines of a Kinerja node, or None. `scope`: the ids of the budget lines that belong to its
        sasaran (by the Sasaran column), when it has any: a program matched by kode or name counts only its lines
        there, so every table gives a sasaran the same budget (issue 19.11)."""
        if node in self.memo:
            return self.memo[node]
        links = self.hasil.links
        kids = [ls for ls in (self.lines(c, scope) for c in node.anak) if ls is not None]
        # the children's budgets come before a match by kode or name: a program stated under several sasaran
        # then carries only the part under this sasaran, not its whole pagu each time
        found = links.get(node)
        if not found and not kids:
            by_kode, by_nama = self.index()
            found = ((by_kode.get(normalize_header(node.kode)) if node.kode else None)
                     or by_nama.get((node.level, program_key(node.uraian))))
        if found and scope is not None and not links.get(node):
            found = [ln for ln in found if id(ln) in scope] or None
        out = list(found) if found else ([ln for ls in kids for ln in ls] if kids else None)
        self.memo[node] = out
        return out

    def jumlah(self, nodes: list[NodeKinerja], scope: set[int] | None = None) -> Jumlah | None:
        """The budget of one program/kegiatan stated on one or more rows: each budget line counted once."""
        found = [ls for ls in (self.lines(x, scope) for x in nodes) if ls is not None]
        if not found:
            return None
        lines = list(dict.fromkeys(ln for ls in found for ln in ls))
        inside = {id(d) for ln in lines for d in ln.walk()[1:]}  # a line and its own detail: the line only
        return sum((self.hasil.jumlah[ln] for ln in lines if id(ln) not in inside), Jumlah())
