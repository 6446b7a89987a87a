"""`lkjip periksa`: readiness of a report against the evaluator's quality criteria (LKE, PermenPANRB 88/2021).

Each criterion of the reporting component ("Pelaporan Kinerja") that a workbook can show
is checked on the read and computed workbook (`pipeline.check`): status `terpenuhi`,
`sebagian`, `belum` or `tidak-dapat-diperiksa`, the evidence at its cell, what to fill in.
It is advice before submission: it never claims an official score. The criteria and
their codes are documented in docs/periksa.md.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..base.contract import normalize_header
from ..base.model import Indikator, Laporan
from ..base.numbers import BELUM_DINILAI
from ..base.problems import Problem, errors, tempat
from ..compute.hasil import Hasil

TERPENUHI, SEBAGIAN, BELUM, TIDAK_DAPAT = "terpenuhi", "sebagian", "belum", "tidak-dapat-diperiksa"
MIN_KATA = 10  # an Analisis or Solusi shorter than this is a stub
_STUB = {"-", "tidak ada", "terlampir", "ada", "tercapai", "sudah tercapai", "baik", "cukup", "nihil", "idem"}

# (code, criterion, what to do) — in the order of the LKE worksheet summary (../shared/docs/lke-pelaporan.md)
KRITERIA: tuple[tuple[str, str, str], ...] = (
    ("lke.sistematika", "Laporan mengikuti sistematika standar (PermenPANRB 53/2014): pendahuluan, perencanaan kinerja, "
     "akuntabilitas kinerja (capaian dan realisasi anggaran), penutup, lampiran Perjanjian Kinerja",
     "Isi sasaran beserta indikator, target dan realisasinya, tandai indikator PK = Ya, dan isi pagu/realisasi di sheet "
     "Anggaran; template standar lkjip menyusun BAB I–IV dan lampiran PK dari isian itu."),
    ("lke.target-pk", "Laporan menyajikan target kinerja yang diperjanjikan dalam Perjanjian Kinerja",
     "Tandai indikator Perjanjian Kinerja dengan PK = Ya dan isi Target tahun laporan untuk setiap indikator itu."),
    ("lke.realisasi", "Laporan mengungkapkan seluruh hasil kinerja: realisasi terhadap target setiap indikator (IKU dan PK)",
     "Isi Target dan Realisasi tahun laporan setiap indikator IKU/PK; bila belum terukur, tulis 'Belum ada penilaian' "
     "dan jelaskan sebabnya di Analisis."),
    ("lke.tahun-lalu", "Laporan membandingkan capaian dengan tahun-tahun sebelumnya",
     "Isi kolom Realisasi tahun sebelumnya (dari laporan tahun lalu) untuk setiap indikator IKU/PK."),
    ("lke.renstra", "Laporan membandingkan capaian dengan target jangka menengah (Renstra)",
     "Isi Target Akhir Renstra, atau target tahun terakhir Renstra, untuk setiap indikator IKU/PK."),
    ("lke.standar-nasional", "Laporan membandingkan capaian dengan standar nasional (bila ada)",
     "Isi Standar Nasional setiap indikator IKU/PK, atau tulis 'tidak ada' bila memang tidak ada standarnya."),
    ("lke.analisis", "Laporan menganalisis penyebab keberhasilan/kegagalan dan upaya/solusi per indikator",
     f"Tulis Analisis (penyebab keberhasilan/kegagalan) dan Solusi (upaya yang dilakukan) sendiri untuk setiap "
     f"indikator IKU/PK, masing-masing sedikitnya {MIN_KATA} kata dan ditulis untuk indikator itu (bukan teks yang "
     "sama untuk beberapa indikator)."),
    ("lke.tautan-anggaran", "Laporan mengaitkan informasi keuangan (realisasi anggaran) dengan sasaran yang didukungnya",
     "Isi kolom Sasaran di sheet Anggaran dengan kode atau uraian sasaran dari sheet Kinerja untuk setiap program."),
    ("lke.efisiensi", "Laporan menganalisis efisiensi penggunaan sumber daya",
     "Tautkan anggaran ke setiap sasaran (kolom Sasaran di sheet Anggaran) dan lengkapi realisasinya; metode "
     "efisiensi dipilih di Pengaturan (metode_efisiensi)."),
    ("lke.keandalan-data", "Data kinerja andal: definisi operasional, formula dan sumber data dinyatakan",
     "Isi Definisi Operasional, Formula dan Sumber Data setiap IKU di sheet Kinerja."),
    ("lke.rekomendasi", "Laporan memuat rekomendasi/langkah perbaikan ke depan",
     "Isi Solusi setiap indikator IKU/PK dan, sebaiknya, bagian saran di sheet Narasi dengan langkah perbaikan Anda sendiri."),
    ("lke.ketepatan-waktu", "Laporan ditandatangani tepat waktu (perangkat daerah: umumnya akhir Januari–Februari sesuai "
     "Perbup; pemerintah daerah: paling lambat 3 bulan setelah tahun berakhir)",
     "Isi tanggal_laporan di Profil dan pastikan tidak melewati batas waktu dalam Perbup daerah Anda."),
    ("lke.reviu-publikasi", "Laporan direviu APIP (Inspektorat) sebelum disampaikan, dan dipublikasikan",
     "Mintalah reviu Inspektorat sebelum laporan disampaikan dan publikasikan laporan di situs resmi pemerintah "
     "daerah; isi tanggal_reviu / nomor_reviu (Laporan Hasil Reviu) dan alamat_publikasi di Profil."),
    ("lke.rencana-aksi", "Rencana aksi atas Perjanjian Kinerja dipantau selama tahun berjalan",
     "Isi sheet Rencana_Aksi: untuk setiap indikator PK, target dan realisasi setiap triwulan (atau bulan) selama "
     "tahun berjalan, tidak hanya di akhir tahun."),
)


@dataclass
class Bukti:
    """The evidence for a criterion's status: a place and what is (not) there. Not a `Problem` (no code, no
    severity, nothing to fix by rule); a blocking problem becomes one with `dari_problem`."""

    sheet: str
    cell: str
    pesan: str

    @classmethod
    def dari_problem(cls, p: Problem) -> "Bukti":
        return cls(p.sheet, p.cell, p.message)

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "cell": self.cell, "pesan": self.pesan}

    @property
    def where(self) -> str:
        return tempat(self.sheet, self.cell)


@dataclass
class Kriteria:
    nomor: int
    kode: str
    kriteria: str
    status: str
    bukti: list[Bukti] = field(default_factory=list)
    saran: str = ""

    def as_dict(self) -> dict:
        return {"kode": self.kode, "kriteria": self.kriteria, "status": self.status,
                "bukti": [b.as_dict() for b in self.bukti], "saran": self.saran}


def _status(ok: int, total: int) -> str:
    if total == 0 or ok == 0:
        return BELUM
    return TERPENUHI if ok == total else SEBAGIAN


def _potong(text: str, n: int) -> str:
    """`text` up to `n` characters, cut at a word with ' …' (never mid-word)."""
    t = " ".join(str(text).split())
    return t if len(t) <= n else (t[:n].rsplit(" ", 1)[0] or t[:n]) + " …"


def _status_parts(ok: int, total: int, filled: int) -> str:
    """For criteria asking several cells per indicator: every cell = terpenuhi, not one cell = belum, else sebagian."""
    if total and ok == total:
        return TERPENUHI
    return SEBAGIAN if filled else BELUM


def _kata(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _stub(text: str) -> str | None:
    """Why an Analisis/Solusi text is not enough ('kosong', 'hanya 3 kata'), or None."""
    t = text.strip()
    if not t:
        return "kosong"
    if normalize_header(t).strip(" .") in _STUB:
        return f"hanya berisi '{_potong(t, 30)}'"
    n = _kata(t)
    return f"hanya {n} kata ('{_potong(t, 40)}')" if n < MIN_KATA else None


class _Periksa:
    def __init__(self, lap: Laporan, hasil: Hasil | None):
        self.lap, self.h = lap, hasil
        self.tahun = lap.profil.tahun
        pairs = [(n, i) for n in lap.nodes() for i in n.indikator]
        self.utama = lap.bertanda("iku", "pk")
        self.pk = [(n, i) for n, i in pairs if i.pk]
        self.iku = lap.bertanda("iku")

    # -- where things are
    def ref(self, ind: Indikator, key: str) -> str:
        """The cell of an indicator's column (`target:2024`, `analisis` …), or its Indikator cell if the column is absent."""
        got = ind.cells.get(key)
        if got:
            return got
        letter = self.lap.kolom.get("Kinerja", {}).get(key)
        return f"{letter}{ind.row}" if letter else (ind.cells.get("indikator") or f"A{ind.row}")

    def header(self, key: str) -> str:
        return self.lap.cell("Kinerja", key)

    @staticmethod
    def nama(ind: Indikator) -> str:
        """The indicator's name in quotes; a long one cut at a word, never mid-word."""
        return f"'{_potong(ind.nama, 70)}'"

    # -- the criteria, in order
    def sistematika(self) -> tuple[str, list[Bukti]]:
        bukti = []
        sasaran = [n for n in self.lap.nodes("Sasaran") if n.indikator]
        if not sasaran:
            bukti.append(Bukti("Kinerja", "A2", "Tidak ada sasaran berindikator: BAB II dan BAB III (capaian) akan kosong."))
        if not any(h.capaian.nilai is not None for h in self.h.indikator):
            bukti.append(Bukti("Kinerja", self.header(f"realisasi:{self.tahun}"),
                               f"Belum ada satu pun capaian yang dapat dihitung (Target dan Realisasi {self.tahun}): "
                               "BAB III tanpa capaian kinerja."))
        if not self.pk:
            bukti.append(Bukti("Kinerja", self.header("pk"), "Tidak ada indikator bertanda PK = Ya: lampiran Perjanjian "
                               "Kinerja memakai semua indikator sasaran."))
        if not self.h.total.pagu:
            bukti.append(Bukti("Anggaran", self.lap.cell("Anggaran", "pagu", 1, "E"),
                               "Pagu anggaran belum diisi: BAB III tanpa realisasi anggaran."))
        return (TERPENUHI if not bukti else BELUM if len(bukti) >= 3 else SEBAGIAN), bukti

    def target_pk(self) -> tuple[str, list[Bukti]]:
        if not self.pk:
            return BELUM, [Bukti("Kinerja", self.header("pk"), "Tidak ada indikator bertanda PK = Ya.")]
        bukti = [Bukti("Kinerja", self.ref(i, f"target:{self.tahun}"), f"Indikator PK {self.nama(i)} belum memiliki Target {self.tahun}.")
                 for _n, i in self.pk if self.h.of_indikator(i).target is None]
        return _status(len(self.pk) - len(bukti), len(self.pk)), bukti

    def realisasi(self) -> tuple[str, list[Bukti]]:
        """Every indicator of the tree (IKU/PK and the others: "seluruh hasil kinerja") has Target and Realisasi of
        the year; belum when no IKU/PK indicator is measured."""
        bukti, ok, ok_utama = [], 0, 0
        utama = {id(i) for _n, i in self.utama}
        lain = [(n, i) for n in self.lap.nodes() for i in n.indikator if id(i) not in utama]
        for n, i in list(self.utama) + lain:
            h = self.h.of_indikator(i)
            jenis = "Indikator" if id(i) in utama else f"Indikator {n.level.lower()}"
            if h.target is None:
                dan = f" dan tanpa Realisasi {self.tahun}" if h.realisasi is None else ""
                bukti.append(Bukti("Kinerja", self.ref(i, f"target:{self.tahun}"),
                                   f"{jenis} {self.nama(i)} tanpa Target {self.tahun}{dan}."))
            elif h.realisasi is None:
                bukti.append(Bukti("Kinerja", self.ref(i, f"realisasi:{self.tahun}"),
                                   f"{jenis} {self.nama(i)} belum memiliki Realisasi {self.tahun} (tidak terukur)."))
            elif h.realisasi == BELUM_DINILAI and not i.analisis.strip():
                bukti.append(Bukti("Kinerja", self.ref(i, "analisis"), f"Realisasi {self.nama(i)} 'Belum ada penilaian' "
                                   "tanpa penjelasan di Analisis."))
            else:
                ok += 1
                ok_utama += id(i) in utama
        total = len(self.utama) + len(lain)
        if total and ok == total:
            return TERPENUHI, bukti
        return (SEBAGIAN if ok_utama else BELUM), bukti

    def tahun_lalu(self) -> tuple[str, list[Bukti]]:
        lalu = self.tahun - 1
        if lalu not in self.lap.tahun_realisasi:
            return BELUM, [Bukti("Kinerja", "A1", f"Tidak ada kolom Realisasi {lalu}.")]
        bukti = [Bukti("Kinerja", self.ref(i, f"realisasi:{lalu}"), f"Indikator {self.nama(i)} belum memiliki Realisasi {lalu}.")
                 for _n, i in self.utama if i.realisasi.get(lalu) is None]
        return _status(len(self.utama) - len(bukti), len(self.utama)), bukti

    def renstra(self) -> tuple[str, list[Bukti]]:
        akhir = self.lap.profil.periode[1]
        bukti = [Bukti("Kinerja", self.ref(i, "target_akhir"), f"Indikator {self.nama(i)} tanpa Target Akhir Renstra "
                       f"(dan tanpa Target {akhir or 'tahun terakhir Renstra'}).")
                 for _n, i in self.utama if self.h.of_indikator(i).target_akhir is None]
        return _status(len(self.utama) - len(bukti), len(self.utama)), bukti

    def standar(self) -> tuple[str, list[Bukti]]:
        bukti = [Bukti("Kinerja", self.ref(i, "standar"), f"Standar Nasional {self.nama(i)} kosong (bukan pernyataan 'tidak ada').")
                 for _n, i in self.utama if i.standar is None and not i.standar_tidak_ada]
        return _status(len(self.utama) - len(bukti), len(self.utama)), bukti

    def analisis(self) -> tuple[str, list[Bukti]]:
        """Both texts of every IKU/PK indicator, written for that indicator (a text repeated word for word from
        another indicator is boilerplate): all = terpenuhi; not one text anywhere = belum; else sebagian."""
        bukti, ok, filled = [], 0, 0
        first: dict[tuple[str, str], Indikator] = {}
        for _n, i in self.utama:
            found = []
            for key, label in (("analisis", "Analisis"), ("solusi", "Solusi")):
                text = getattr(i, key)
                why = _stub(text)
                if not why:
                    same = first.setdefault((key, " ".join(normalize_header(text).split())), i)
                    if same is not i:
                        why = f"sama persis dengan {label} {self.nama(same)} ({self.ref(same, key)})"
                if why:
                    found.append(Bukti("Kinerja", self.ref(i, key), f"{label} {self.nama(i)} {why}."))
            bukti += found
            ok += not found
            filled += 2 - len(found)
        return _status_parts(ok, len(self.utama), filled), bukti

    def tautan_anggaran(self) -> tuple[str, list[Bukti]]:
        lines = [ln for ln in self.lap.budget_lines() if ln.level in ("Program", "Kegiatan")]
        if not lines:
            return BELUM, [Bukti("Anggaran", "A2", "Sheet Anggaran tidak berisi program/kegiatan.")]
        unknown = {text for text, _ln in self.h.tautan_tidak_dikenal}
        bukti = []
        for ln in lines:
            where = ln.cells.get("sasaran") or ln.cells.get("uraian", "")
            if not ln.sasaran:
                bukti.append(Bukti("Anggaran", where, f"{ln.level} '{_potong(ln.uraian, 60)}' ({ln.unit}) belum ditautkan ke sasaran."))
            elif ln.sasaran in unknown:
                bukti.append(Bukti("Anggaran", where, f"Sasaran '{_potong(ln.sasaran, 60)}' dari {ln.level} '{_potong(ln.uraian, 40)}' "
                                   "tidak ditemukan di sheet Kinerja."))
        return _status(len(lines) - len(bukti), len(lines)), bukti

    def efisiensi(self) -> tuple[str, list[Bukti]]:
        sasaran = list(self.lap.nodes("Sasaran"))
        if not sasaran:
            return BELUM, [Bukti("Kinerja", "A2", "Tidak ada sasaran.")]
        bukti = []
        for s in sasaran:
            hn = self.h.of(s)
            if hn.efisiensi is not None and hn.capaian is not None:
                continue
            if hn.efisiensi is not None:  # `sisa` computes an amount without any capaian: no input-output analysis
                why = ("capaian sasarannya belum terukur (Realisasi " f"{self.tahun} indikatornya kosong), sehingga "
                       "yang dapat disajikan hanya sisa anggaran, bukan efisiensi terhadap hasil")
            elif hn.anggaran is None:
                why = "tidak ada anggaran yang ditautkan (kolom Sasaran di sheet Anggaran)"
            elif not hn.anggaran.pagu:
                why = "pagu anggaran yang ditautkan belum diisi"
            else:
                why = "capaian sasarannya belum dapat dihitung"
            bukti.append(Bukti("Kinerja", s.cell, f"Efisiensi sasaran '{_potong(s.uraian, 60)}' tidak dapat dihitung: {why}."))
        return _status(len(sasaran) - len(bukti), len(sasaran)), bukti

    def keandalan_data(self) -> tuple[str, list[Bukti]]:
        if not self.iku:
            return BELUM, [Bukti("Kinerja", self.header("iku"), "Tidak ada indikator IKU (atau indikator sasaran).")]
        bukti, ok, filled = [], 0, 0
        for _n, i in self.iku:
            found = [Bukti("Kinerja", self.ref(i, key), f"{label} IKU {self.nama(i)} kosong.")
                     for key, label in (("definisi", "Definisi Operasional"), ("formula", "Formula"), ("sumber_data", "Sumber Data"))
                     if not getattr(i, key).strip()]
            bukti += found
            ok += not found
            filled += 3 - len(found)
        return _status_parts(ok, len(self.iku), filled), bukti

    def rekomendasi(self) -> tuple[str, list[Bukti]]:
        kosong = [i for _n, i in self.utama if not i.solusi.strip()]
        ada_saran = "saran" in self.lap.narasi
        ok = len(self.utama) - len(kosong)
        bukti = []
        if len(kosong) == 1:
            bukti.append(Bukti("Kinerja", self.ref(kosong[0], "solusi"), f"Solusi {self.nama(kosong[0])} kosong."))
        elif kosong:  # each cell is already evidence of criterion 7: named once here
            cells = ", ".join(self.ref(i, "solusi") for i in kosong)
            bukti.append(Bukti("Kinerja", self.ref(kosong[0], "solusi"), f"Solusi kosong untuk {len(kosong)} dari "
                               f"{len(self.utama)} indikator IKU/PK ({cells}); rinciannya di kriteria 7."))
        if bukti and not ada_saran:
            bukti.append(Bukti("Narasi", self.lap.cell("Narasi", "bagian", 1), "Bagian saran tidak diisi: laporan memakai "
                               "saran umum yang disusun lkjip."))
        if ok == len(self.utama) and self.utama:
            return TERPENUHI, bukti
        return (BELUM if ok == 0 and not ada_saran else SEBAGIAN), bukti

    def ketepatan_waktu(self) -> tuple[str, list[Bukti]]:
        p = self.lap.profil
        cell = p.cells.get("tanggal_laporan", "")
        d = p.tanggal_laporan
        if d is None:
            return BELUM, [Bukti("Profil", cell, "tanggal_laporan kosong.")]
        if not self.tahun:
            return TIDAK_DAPAT, [Bukti("Profil", p.cells.get("tahun", ""), "Tahun laporan tidak terbaca.")]
        tgl = d.strftime("%d-%m-%Y")
        if d <= dt.date(self.tahun, 12, 31):
            return SEBAGIAN, [Bukti("Profil", cell, f"Laporan bertanggal {tgl}, sebelum tahun {self.tahun} berakhir: "
                                    "realisasi setahun penuh belum dapat dilaporkan.")]
        feb = dt.date(self.tahun + 1, 3, 1) - dt.timedelta(days=1)
        if d <= feb:
            return TERPENUHI, []
        if d <= dt.date(self.tahun + 1, 3, 31):
            return SEBAGIAN, [Bukti("Profil", cell, f"Laporan bertanggal {tgl}: melewati akhir Februari {self.tahun + 1}, "
                                    "batas yang umum ditetapkan Perbup untuk perangkat daerah.")]
        return BELUM, [Bukti("Profil", cell, f"Laporan bertanggal {tgl}: melewati 31 Maret {self.tahun + 1} "
                             "(3 bulan setelah tahun berakhir).")]

    def reviu_publikasi(self) -> tuple[str, list[Bukti]]:
        """From the optional Profil isian: reviu (tanggal_reviu or nomor_reviu) and publication (alamat_publikasi).
        Both = terpenuhi, one = sebagian, none = tidak-dapat-diperiksa (never claimed from nothing)."""
        p = self.lap.profil
        reviu = bool(p.tanggal_reviu or p.nomor_reviu.strip())
        publik = bool(p.alamat_publikasi.strip())
        where = lambda key: p.cells.get(key, "")  # noqa: E731
        bukti = []
        if reviu and p.tanggal_reviu and p.tanggal_laporan and p.tanggal_reviu > p.tanggal_laporan:
            bukti.append(Bukti("Profil", where("tanggal_reviu"), f"Tanggal reviu {p.tanggal_reviu.strftime('%d-%m-%Y')} "
                               f"sesudah tanggal_laporan {p.tanggal_laporan.strftime('%d-%m-%Y')}: reviu dilakukan "
                               "sebelum laporan ditandatangani dan disampaikan."))
        if not reviu:
            bukti.append(Bukti("Profil", where("tanggal_reviu") or where("nomor_reviu"),
                               "tanggal_reviu dan nomor_reviu kosong: reviu Inspektorat tidak terlihat dari workbook."))
        if not publik:
            bukti.append(Bukti("Profil", where("alamat_publikasi"),
                               "alamat_publikasi kosong: publikasi laporan tidak terlihat dari workbook."))
        if not reviu and not publik:
            return TIDAK_DAPAT, bukti
        return (TERPENUHI if not bukti else SEBAGIAN), bukti

    def rencana_aksi(self) -> tuple[str, list[Bukti]]:
        """Every PK indicator has rencana aksi rows with Realisasi Kinerja in at least two periods (monitored
        during the year, not only at its end). A row whose Indikator is inherited from the row above (a second
        program of the same indicator) with its realisasi written once in the first row is not missing one."""
        ra = self.lap.rencana_aksi
        if not ra:
            return BELUM, [Bukti("Rencana_Aksi", "A2", "Sheet Rencana_Aksi kosong atau tidak ada.")]
        periode: dict[str, set[str]] = {}
        ditulis: dict[str, str] = {}  # normalized period -> as staff wrote it
        for r in ra:
            if r.realisasi_kinerja is not None:
                periode.setdefault(normalize_header(r.indikator), set()).add(normalize_header(r.periode))
                ditulis.setdefault(normalize_header(r.periode), r.periode)
        punya = {normalize_header(r.indikator) for r in ra}
        pk = self.pk or [(n, i) for n, i in self.utama]
        bukti, ok = [], 0
        for _n, i in pk:
            name = normalize_header(i.nama)
            where = i.cells.get("indikator") or f"A{i.row}"
            if name not in punya:
                bukti.append(Bukti("Kinerja", where, f"Indikator PK {self.nama(i)} tidak memiliki rencana aksi."))
            elif len(periode.get(name, ())) < 2:
                rows = [r for r in ra if normalize_header(r.indikator) == name]
                diisi = sorted(ditulis[p] for p in periode.get(name, ())) or ["-"]
                bukti.append(Bukti("Rencana_Aksi", self.lap.cell("Rencana_Aksi", "periode", rows[0].row, "B"),
                                   f"Rencana aksi {self.nama(i)} hanya memiliki realisasi pada periode {', '.join(diisi)}: "
                                   "tidak dipantau selama tahun berjalan."))
            else:
                ok += 1
        kosong = [r for r in ra if r.realisasi_kinerja is None
                  and normalize_header(r.periode) not in periode.get(normalize_header(r.indikator), ())]
        bukti += [Bukti("Rencana_Aksi", self.lap.cell("Rencana_Aksi", "realisasi_kinerja", r.row, "D"),
                        f"Realisasi Kinerja '{_potong(r.indikator, 50)}' periode {r.periode} kosong.") for r in kosong]
        if len(kosong) == len(ra):
            return BELUM, bukti
        if pk and ok == len(pk) and not kosong:
            return TERPENUHI, bukti
        return SEBAGIAN, bukti


_METHODS = ("sistematika", "target_pk", "realisasi", "tahun_lalu", "renstra", "standar", "analisis", "tautan_anggaran",
            "efisiensi", "keandalan_data", "rekomendasi", "ketepatan_waktu", "reviu_publikasi", "rencana_aksi")
_NEEDS_RESULTS = {"sistematika", "target_pk", "realisasi", "renstra", "tautan_anggaran", "efisiensi"}

# What each criterion reads: per sheet, the columns without which it cannot be judged ("{t}" = the report year).
# A sheet or column missing here makes the criterion `tidak-dapat-diperiksa` (never "belum diisi"); optional
# sheets (Rencana_Aksi) are judged `belum` when absent, and only their columns are needed when present.
_READS: dict[str, dict[str, tuple[str, ...]]] = {
    "sistematika": {"Kinerja": ("indikator", "target:{t}", "realisasi:{t}"), "Anggaran": ("pagu", "realisasi")},
    "target_pk": {"Kinerja": ("indikator", "target:{t}")},
    "realisasi": {"Kinerja": ("indikator", "target:{t}", "realisasi:{t}")},
    "tahun_lalu": {"Kinerja": ("indikator",)},
    "renstra": {"Kinerja": ("indikator",)},
    "standar": {"Kinerja": ("indikator",)},
    "analisis": {"Kinerja": ("indikator",)},
    "tautan_anggaran": {"Kinerja": ("uraian",), "Anggaran": ("uraian",)},
    "efisiensi": {"Kinerja": ("indikator", "target:{t}", "realisasi:{t}"), "Anggaran": ("pagu", "realisasi")},
    "keandalan_data": {"Kinerja": ("indikator",)},
    "rekomendasi": {"Kinerja": ("indikator",)},
    "ketepatan_waktu": {"Profil": ()},
    "reviu_publikasi": {"Profil": ()},
    "rencana_aksi": {"Kinerja": ("indikator",), "Rencana_Aksi": ("indikator", "periode", "realisasi_kinerja")},
}
_OPTIONAL_SHEETS = {"Rencana_Aksi"}
# Besides the sheets it reads, the errors that make a criterion's data rejected (Profil's year and period: every
# figure is read for that year; Pengaturan: how efficiency is computed).
_ALSO_REJECTS: dict[str, tuple[str, ...]] = {"efisiensi": ("Pengaturan", "Indeks"), "realisasi": ("Indeks",),
                                             "target_pk": ("Indeks",), "sistematika": ("Pengaturan",)}
MAX_GALAT_BUKTI = 3


def _header_of(sheet: str, key: str) -> str:
    """`target:2025` -> `Target 2025`; `pagu` -> `Pagu` (the contract's header)."""
    from ..base import contract

    base, _, year = key.partition(":")
    col = next(c for c in contract.sheet(sheet).columns if c.key == base)
    return f"{col.header.split(' <')[0]} {year}" if year else col.header


def _missing(lap: Laporan, method: str, problems: list[Problem]) -> list[Bukti]:
    """Why a criterion cannot be judged: a sheet it reads is absent, or a column it needs was not found."""
    out = []
    for sheet, keys in _READS[method].items():
        if sheet not in lap.kolom:
            if sheet not in _OPTIONAL_SHEETS:
                out.append(Bukti(sheet, "", f"Sheet '{sheet}' tidak ada (atau namanya tidak dikenal): kriteria ini tidak "
                                 "dapat diperiksa."))
            continue
        unknown = [p.cell for p in problems if p.sheet == sheet and p.code == "kolom.tidak-dikenal"]
        if not lap.profil.tahun and any("{t}" in k for k in keys):
            out.append(Bukti("Profil", lap.profil.cells.get("tahun", ""), "Tahun laporan (isian tahun) tidak terbaca: "
                             "kolom Target/Realisasi tahun laporan tidak dapat ditentukan, kriteria ini tidak dapat diperiksa."))
            continue
        for key in keys:
            key = key.format(t=lap.profil.tahun)
            if key in lap.kolom[sheet]:
                continue
            lain = f" Judul kolom yang tidak dikenal: {', '.join(f'{sheet}!{c}' for c in unknown)}." if unknown else ""
            out.append(Bukti(sheet, "A1", f"Kolom '{_header_of(sheet, key)}' tidak ditemukan di baris judul sheet {sheet}: "
                             f"kriteria ini tidak dapat diperiksa.{lain}"))
    return out


def _rejected(lap: Laporan, method: str, errs: list[Problem]) -> list[Problem]:
    """The errors (`lkjip validate`) in the data a criterion rests on."""
    sheets = set(_READS[method]) | set(_ALSO_REJECTS.get(method, ())) | {"Berkas"}
    if method == "sistematika":
        return errs  # the report itself: any error stops `build`
    tahun_cells = {lap.profil.cells.get("tahun"), lap.profil.cells.get("periode_renstra")} - {None}
    return [p for p in errs if p.sheet in sheets or (p.sheet == "Profil" and p.cell in tahun_cells)]


def dapat_dibuat(problems: list[Problem], workbook: Path | str | None = None) -> str:
    """The first line of `periksa`: whether `lkjip build` would write the report at all."""
    errs = errors(list(problems))
    if not errs:
        return "Laporan dapat dibuat dari workbook ini (lkjip build)."
    first = errs[0]
    where = f" {workbook}" if workbook else ""
    return (f"Laporan BELUM dapat dibuat: workbook berisi {len(errs)} galat (pertama di {first.where}: {first.message.rstrip('.')}); "
            f"semuanya: lkjip validate{where}. Tidak ada kriteria yang terpenuhi di atas data yang bergalat.")


def periksa(lap: Laporan, hasil: Hasil | None, problems: list[Problem] = ()) -> list[Kriteria]:
    """Every criterion, checked on a read workbook. A criterion whose sheet or column is missing cannot be
    checked (and says which); one whose data `validate` rejects is at most `sebagian`, with the errors as evidence."""
    problems = list(problems)
    errs = errors(problems)
    blocking = [Bukti.dari_problem(p) for p in errs if p.code in ("sheet.tidak-ada", "kolom.tidak-ada")][:5]
    checker = _Periksa(lap, hasil)
    out = []
    for nomor, ((kode, kriteria, saran), method) in enumerate(zip(KRITERIA, _METHODS), 1):
        missing = _missing(lap, method, problems)
        if missing:
            status, bukti = TIDAK_DAPAT, missing
        elif hasil is None and method in _NEEDS_RESULTS:
            status, bukti = TIDAK_DAPAT, blocking or [Bukti("Berkas", "", "Capaian dan anggaran workbook ini belum dapat dihitung.")]
        else:
            status, bukti = getattr(checker, method)()
            rejected = _rejected(lap, method, errs)
            if rejected and method == "sistematika":
                first = rejected[0]
                status = BELUM
                bukti = [Bukti(first.sheet, first.cell, f"Laporan belum dapat dibuat: {len(rejected)} galat di workbook "
                               f"(lkjip validate), yang pertama: {first.message}")] + bukti
            elif rejected and status == TERPENUHI:
                status = SEBAGIAN
                bukti = bukti + [Bukti(p.sheet, p.cell, f"Data yang diperiksa bergalat: {p.message}") for p in rejected[:MAX_GALAT_BUKTI]]
                if len(rejected) > MAX_GALAT_BUKTI:
                    bukti.append(Bukti(rejected[MAX_GALAT_BUKTI].sheet, "", f"… dan {len(rejected) - MAX_GALAT_BUKTI} galat "
                                       "lain di data kriteria ini (lkjip validate)."))
        out.append(Kriteria(nomor, kode, kriteria, status, bukti, saran))
    return out


# -- what the terminal shows ------------------------------------------------------------
MAX_BUKTI_TEKS = 8
_LABEL = {TERPENUHI: "terpenuhi", SEBAGIAN: "sebagian", BELUM: "belum", TIDAK_DAPAT: "tidak dapat diperiksa"}


def hitung(kriteria: list[Kriteria]) -> dict[str, int]:
    return {s: sum(1 for k in kriteria if k.status == s) for s in (TERPENUHI, SEBAGIAN, BELUM, TIDAK_DAPAT)}


def ringkasan(kriteria: list[Kriteria]) -> str:
    n = hitung(kriteria)
    return (f"{n[TERPENUHI]} dari {len(kriteria)} kriteria terpenuhi, {n[SEBAGIAN]} sebagian, {n[BELUM]} belum, "
            f"{n[TIDAK_DAPAT]} tidak dapat diperiksa dari workbook. Ini pemeriksaan mandiri atas kesiapan laporan, "
            "bukan nilai resmi evaluasi SAKIP.")


def periksa_lines(kriteria: list[Kriteria], problems: list[Problem] | None = None,
                  workbook: Path | str | None = None) -> list[str]:
    lines = [] if problems is None else [dapat_dibuat(problems, workbook)]
    lines.append("Kesiapan laporan terhadap kriteria mutu Pelaporan Kinerja (LKE, PermenPANRB 88/2021):")
    for k in kriteria:
        lines.append(f"{k.nomor:>2}. [{_LABEL[k.status]}] {k.kriteria}")
        for b in k.bukti[:MAX_BUKTI_TEKS]:
            lines.append(f"      {b.where}: {b.pesan}")
        if len(k.bukti) > MAX_BUKTI_TEKS:
            lines.append(f"      … dan {len(k.bukti) - MAX_BUKTI_TEKS} lainnya (semuanya: --format json).")
        if k.status != TERPENUHI:
            lines.append(f"      Saran: {k.saran}")
    lines.append(ringkasan(kriteria))
    return lines


def periksa_json(kriteria: list[Kriteria]) -> str:
    return json.dumps([k.as_dict() for k in kriteria], ensure_ascii=False, indent=2)


def pointer_line(kriteria: list[Kriteria], workbook: Path | str) -> str | None:
    """The one line `lkjip build` prints when a criterion is `belum`."""
    n = hitung(kriteria)[BELUM]
    if not n:
        return None
    return (f"  Kesiapan evaluasi: {n} dari {len(kriteria)} kriteria mutu pelaporan (LKE) belum terpenuhi; "
            f"rinciannya: lkjip periksa {workbook}")
