"""The typed model of one workbook: plain data classes, no behaviour beyond small helpers.

Indicators, Kinerja nodes and budget lines are entities — each is one row of the workbook —
so they compare and hash by identity (`eq=False`): computed results are keyed by them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

Value = Decimal | str | None  # a number, a qualitative value ("BB", "WTP", "Belum ada penilaian"), or blank


@dataclass
class Profil:
    pemerintah: str = ""
    instansi: str = ""
    tahun: int = 0
    periode: tuple[int, int] = (0, 0)
    alamat: str = ""
    kota: str = ""
    tanggal_laporan: dt.date | None = None
    kepala_nama: str = ""
    kepala_jabatan: str = ""
    kepala_nip: str = ""
    kepala_pangkat: str = ""
    atasan_nama: str = ""
    atasan_jabatan: str = ""
    atasan_nip: str = ""
    atasan_pangkat: str = ""
    tanggal_pk: dt.date | None = None
    visi: str = ""
    misi: list[str] = field(default_factory=list)
    logo: str = ""
    telepon: str = ""
    kode_opd: str = ""  # SIPD SKPD code (optional; the kabupaten recap orders and matches OPD by it)
    tanggal_reviu: dt.date | None = None  # Laporan Hasil Reviu of the Inspektorat (periksa, criterion 13)
    nomor_reviu: str = ""
    alamat_publikasi: str = ""  # where the report is published (URL)
    cells: dict[str, str] = field(default_factory=dict)  # isian -> cell of its Nilai


@dataclass(eq=False)
class Indikator:
    row: int
    nama: str
    satuan: str = ""
    polaritas: str = "Positif"
    iku: bool = False
    pk: bool = False
    target: dict[int, Value] = field(default_factory=dict)
    realisasi: dict[int, Value] = field(default_factory=dict)
    target_akhir: Value = None
    standar: Value = None
    standar_tidak_ada: bool = False  # Standar Nasional written as "tidak ada" (or "-"): stated, not forgotten
    capaian_tertulis: Decimal | None = None
    definisi: str = ""
    formula: str = ""
    sumber_data: str = ""
    penanggung_jawab: str = ""
    analisis: str = ""
    solusi: str = ""
    sasaran_rpjmd: str = ""  # code of the kabupaten (RPJMD) sasaran it supports, as typed on its row
    cells: dict[str, str] = field(default_factory=dict)  # e.g. "realisasi:2024" -> "M5"
    ketikan: dict[str, str] = field(default_factory=dict)  # numbers typed as text, as typed ("3.125")


@dataclass(eq=False)
class NodeKinerja:
    """A tujuan, sasaran, program, kegiatan or sub kegiatan of the performance tree."""

    level: str
    uraian: str
    row: int
    kode: str = ""
    indikator: list[Indikator] = field(default_factory=list)
    anak: list["NodeKinerja"] = field(default_factory=list)
    cell: str = ""  # the Uraian cell of the row that states it
    sasaran_rpjmd: str = ""  # code of the kabupaten (RPJMD) sasaran it supports (optional column)

    def walk(self) -> Iterator[NodeKinerja]:
        yield self
        for child in self.anak:
            yield from child.walk()


@dataclass(eq=False)
class BarisAnggaran:
    """One program, kegiatan or sub kegiatan line of the budget, with its children."""

    row: int
    unit: str
    level: str
    uraian: str
    kode: str = ""
    pagu: Decimal | None = None  # as typed (parents may leave it blank)
    realisasi: Decimal | None = None
    persentase_tertulis: Decimal | None = None
    pagu_pk: Decimal | None = None  # pagu in the signed Perjanjian Kinerja (optional)
    pagu_pk_perubahan: Decimal | None = None  # pagu in a signed Perjanjian Kinerja Perubahan (optional)
    sumber_dana: str = ""
    sasaran: str = ""
    indikator_keluaran: str = ""
    target_keluaran: Value = None
    realisasi_keluaran: Value = None
    satuan_keluaran: str = ""
    anak: list["BarisAnggaran"] = field(default_factory=list)
    # column key -> cell reference ("E12"); the reader gives a `read.cells.RowRefs`, worked out on demand
    cells: Mapping[str, str] = field(default_factory=dict)

    def walk(self) -> list["BarisAnggaran"]:
        """This line and everything below it, in document order (a list: 20.000 lines stay cheap; a leaf, most
        lines, is appended without a call of its own, and the tree is at most three levels deep)."""
        out: list[BarisAnggaran] = [self]
        for child in self.anak:
            if child.anak:
                out += child.walk()
            else:
                out.append(child)
        return out


@dataclass
class Unit:
    nama: str
    program: list[BarisAnggaran] = field(default_factory=list)


@dataclass
class Belanja:
    row: int
    kelompok: str
    jenis: str
    anggaran: Decimal
    realisasi: Decimal


@dataclass
class Blok:
    """A paragraph or list item of staff text."""

    jenis: str  # "paragraf" | "butir" | "nomor"
    teks: str


@dataclass
class Narasi:
    bagian: str
    judul: str
    blok: list[Blok]
    row: int


@dataclass
class Pegawai:
    row: int
    nama: str
    nip: str = ""
    jabatan: str = ""
    golongan: str = ""
    pendidikan: str = ""
    eselon: str = ""
    status: str = ""
    unit: str = ""
    atasan: str = ""  # the jabatan this position reports to (struktur organisasi), optional


@dataclass
class RencanaAksi:
    row: int
    indikator: str
    periode: str
    target_kinerja: Value = None
    realisasi_kinerja: Value = None
    program: str = ""
    target_anggaran: Decimal | None = None
    realisasi_anggaran: Decimal | None = None
    keterangan: str = ""


@dataclass
class IndeksAspek:
    row: int
    indikator: str
    aspek: str
    skor_target: Decimal | None
    skor_realisasi: Decimal | None
    bobot: Decimal
    perhitungan_aspek: Decimal | None


@dataclass
class Gambar:
    row: int
    bagian: str
    berkas: Path
    keterangan: str = ""


@dataclass
class Pengaturan:
    skala_predikat: str = "permendagri86"
    skala_kustom: list[tuple[Decimal, str]] = field(default_factory=list)
    metode_efisiensi: str = "selisih"
    rumus_negatif: str = "kemenpan"
    batas_capaian: Decimal | None = None
    desimal: int = 2
    nama_berkas: str = ""
    izinkan_selisih: str = "Tidak"  # "Ya": a Belanja total differing from the Anggaran total is only a warning
    total_apbd: Decimal | None = None  # Pemda workbook only: the APBD total `lkjip gabung` checks the OPD pagu against
    tabel_ganda: str = "Tidak"  # "Ya": the PK, IKU and analysis tables are printed twice, as before (issue 20.8)
    matriks_cascading: str = "Kegiatan"  # the deepest level of the cascading lampiran; "Tidak": not printed
    cells: dict[str, str] = field(default_factory=dict)  # isian -> cell of its Nilai


@dataclass
class Laporan:
    """Everything read from one workbook."""

    sumber: Path
    profil: Profil
    kinerja: list[NodeKinerja] = field(default_factory=list)  # tujuan roots
    unit: list[Unit] = field(default_factory=list)
    belanja: list[Belanja] = field(default_factory=list)
    narasi: dict[str, Narasi] = field(default_factory=dict)
    pegawai: list[Pegawai] = field(default_factory=list)
    rencana_aksi: list[RencanaAksi] = field(default_factory=list)
    indeks: list[IndeksAspek] = field(default_factory=list)
    gambar: list[Gambar] = field(default_factory=list)
    pengaturan: Pengaturan = field(default_factory=Pengaturan)
    tahun_target: list[int] = field(default_factory=list)  # years with a Target column
    tahun_realisasi: list[int] = field(default_factory=list)  # years with a Realisasi column
    kolom: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> column key -> letter, as found

    def cell(self, sheet: str, key: str, row: int | None = None, default: str = "A") -> str:
        """Where a column (header row 1, or `row`) is in this workbook, wherever staff moved it."""
        letter = self.kolom.get(sheet, {}).get(key, default)
        return f"{letter}{row if row is not None else 1}"

    def nodes(self, level: str | None = None) -> Iterator[NodeKinerja]:
        for root in self.kinerja:
            for node in root.walk():
                if level is None or node.level == level:
                    yield node

    def bertanda(self, *flags: str) -> list[tuple[NodeKinerja, Indikator]]:
        """(node, indicator) pairs flagged with any of `flags` (`iku`, `pk`), in the order of the Kinerja sheet;
        all sasaran indicators when none is flagged (the report's IKU and PK tables, periksa, gabung)."""
        pairs = [(n, i) for n in self.nodes() for i in n.indikator if any(getattr(i, f) for f in flags)]
        return pairs or [(n, i) for n in self.nodes("Sasaran") for i in n.indikator]

    def budget_lines(self) -> Iterator[BarisAnggaran]:
        for unit in self.unit:
            for prog in unit.program:
                yield from prog.walk()


def parse_blocks(text: str) -> list[Blok]:
    """Split staff text into paragraphs and list items (blank line = new paragraph)."""
    blocks: list[Blok] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(Blok("paragraf", " ".join(para)))
            para.clear()

    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        s = line.strip()
        if not s:
            flush()
            continue
        m = re.match(r"^(?:[-•*]|\u2013)\s+(.*)$", s)
        n = re.match(r"^(\d{1,2}|[a-zA-Z])[.)]\s+(.*)$", s)
        if m:
            flush()
            blocks.append(Blok("butir", m.group(1)))
        elif n:
            flush()
            blocks.append(Blok("nomor", n.group(2)))
        else:
            para.append(s)
    flush()
    return blocks
