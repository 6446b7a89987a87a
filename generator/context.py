"""The template context: a plain, JSON-able dict holding every figure, sentence and table of the report.

`lkjip context WORKBOOK` prints it. All numbers here are already formatted strings;
tables are specs (`kolom`, `baris`, `lanskap`) that the renderer lays out as Word tables,
charts are specs (`data`) that the renderer draws. Staff text (Narasi) wins over
generated text for every part.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from . import layout, narrate
from .compute import SCALE_NAMES, Hasil, HasilIndikator, scale_bands
from .formatting import angka, bilangan, nilai, persen, rupiah, tanggal, terbilang, uang
from .model import Blok, Laporan
from .program_kinerja import ProgramKinerja
from .specs import Baris, Grafik, Kolom, Tabel
from .tabel_anggaran import TabelAnggaran

TITIK_TANGGAL = "." * 30  # no tanggal_pk: a dotted line to date the Perjanjian Kinerja by hand, not "-"

def _blocks(items: list[Blok]) -> list[dict]:
    return [{"jenis": b.jenis, "teks": b.teks} for b in items]


def cascading_levels(setting: str) -> tuple[str, ...]:
    """The levels the cascading lampiran prints, down to the Pengaturan `matriks_cascading` (bawaan Kegiatan:
    a big OPD's sub kegiatan would add pages the PK and the budget tables already list); "Tidak": none."""
    levels = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
    if setting == "Tidak":
        return ()
    return levels[:levels.index(setting) + 1] if setting in levels else levels[:4]


def rkt_table(hasil: Hasil, pagu: dict[str, Decimal]) -> Tabel | None:
    """The Rencana Kinerja Tahunan (issue 20.12): each sasaran with its indicators and this year's target beside the
    programs that support it (programs under the sasaran in the Kinerja sheet) and their pagu (`pagu`: program_key ->
    the PK figure, as Lampiran A prints it). None when no sasaran has a program under it: the table would then be
    the sasaran, indikator and target of Lampiran A again, which Bab II names instead (each table printed once)."""
    from .contract import program_key

    lap = hasil.laporan
    d = lap.pengaturan.desimal
    rows: list[Baris] = []
    linked = False
    for n, s in enumerate(lap.nodes("Sasaran"), 1):
        programs = _programs_of(s, pagu)
        linked |= bool(programs)
        for k in range(max(len(s.indikator), len(programs), 1)):
            ind = s.indikator[k] if k < len(s.indikator) else None
            target = narrate.dengan_satuan(nilai(hasil.of_indikator(ind).target, d), ind.satuan) if ind else ""
            prog = programs[k] if k < len(programs) else ""
            amount = pagu.get(program_key(prog)) if prog else None
            rows.append(Baris([str(n) if k == 0 else "", s.uraian if k == 0 else "", ind.nama if ind else "", target,
                               prog, uang(amount) if amount is not None else ""]))
    if not linked:
        return None
    return Tabel(f"Rencana Kinerja Tahunan {lap.profil.instansi} Tahun {lap.profil.tahun}",
                 [Kolom("No", 0.45, "tengah"), Kolom("Sasaran Strategis", 2.2), Kolom("Indikator Kinerja", 2.2),
                  Kolom("Target", 0.9, "tengah"), Kolom("Program", 2.4), Kolom("Pagu (Rp)", 1.2, "kanan")],
                 rows, catatan="Program yang mendukung lebih dari satu sasaran tercantum pada setiap sasaran itu "
                               "dengan pagunya seluruhnya." if _shared_program(lap, pagu) else "")


def _programs_of(sasaran, pagu: dict[str, Decimal]) -> list[str]:
    """The programs under a sasaran, once each; a program typed once per unit ("Program Pemberdayaan Masyarakat Desa
    dan Kelurahan (Kelurahan Kepanjin)") is the budget's one program of that name."""
    import re

    from .contract import program_key

    out: OrderedDict[str, str] = OrderedDict()
    for node in sasaran.walk():
        if node.level != "Program":
            continue
        name = node.uraian
        base = re.sub(r"\s*\([^()]*\)\s*$", "", name)
        if program_key(name) not in pagu and program_key(base) in pagu:
            name = base
        out.setdefault(program_key(name), name)
    return list(out.values())


def _shared_program(lap: Laporan, pagu: dict[str, Decimal]) -> bool:
    names = [name for s in lap.nodes("Sasaran") for name in _programs_of(s, pagu)]
    return len(names) != len(set(names))


class _Builder(TabelAnggaran, ProgramKinerja):
    def __init__(self, hasil: Hasil):
        self.h = hasil
        self.lap: Laporan = hasil.laporan
        self.cfg = self.lap.pengaturan
        self.tahun = self.lap.profil.tahun
        self.tables: OrderedDict[str, Tabel] = OrderedDict()
        self.charts: OrderedDict[str, Grafik] = OrderedDict()
        self.d = self.cfg.desimal
        self.kalimat: dict[str, str] = {}
        self.standar_kosong = False  # every Standar Nasional cell of the IKU/PK indicators blank

    def pct(self, v: Decimal | None) -> str:
        return persen(v, self.d, tanda=False)

    def capaian_cell(self, h: HasilIndikator) -> str:
        """The Capaian (%) cell of an indicator: the figure, "Tidak tercapai" for a qualitative target not met, else "-"."""
        if h.capaian.nilai is not None:
            return self.pct(h.capaian.nilai)
        return "Tidak tercapai" if h.capaian.status == "tidak_tercapai" else "-"


    # ---------------------------------------------------------------- narrative
    def teks(self, ada: dict) -> dict[str, list[dict]]:
        lap, h = self.lap, self.h
        staff = {k: _blocks(v.blok) for k, v in lap.narasi.items()}
        generated = {
            "kata_pengantar": narrate.kata_pengantar(lap),
            "ringkasan_eksekutif": narrate.ringkasan(h),
            "latar_belakang": narrate.latar_belakang(lap),
            "maksud_tujuan": narrate.maksud_tujuan(lap),
            "dasar_hukum": narrate.dasar_hukum(lap),
            "sistematika": narrate.sistematika(lap, ada),
            "pengukuran": narrate.rumus_teks(lap),
            "efisiensi": narrate.efisiensi_instansi(h),
            "kesimpulan": narrate.kesimpulan(h),
            "saran": narrate.saran(h),
            "tujuan_sasaran": narrate.tujuan_sasaran(lap),
            "realisasi_anggaran": narrate.blok(narrate.anggaran_pengantar(h)),
        }
        out = dict(generated)
        out.update(staff)
        if "ringkasan_eksekutif" not in staff and ("permasalahan" in staff or "solusi" in staff) and \
                self.cfg.tabel_ganda == "Ya":
            # the generated summary closes with the staff's own kendala and solusi
            extra = []
            if "permasalahan" in staff:
                extra += narrate.blok("Kendala yang dihadapi dalam pencapaian kinerja antara lain:") + staff["permasalahan"]
            if "solusi" in staff:
                extra += narrate.blok("Upaya yang telah dilakukan untuk mengatasinya:") + staff["solusi"]
            out["ringkasan_eksekutif"] = generated["ringkasan_eksekutif"] + extra
        elif "ringkasan_eksekutif" not in staff and ("permasalahan" in staff or "solusi" in staff):
            # printed once, in Bab III: the summary points to them
            out["ringkasan_eksekutif"] = generated["ringkasan_eksekutif"] + narrate.blok(
                "Kendala yang dihadapi dan upaya yang telah dilakukan untuk mengatasinya diuraikan pada Bab III.")
        # staff efisiensi text replaces the generated paragraph (no second figure after it); a staff figure that
        # differs from the one lkjip prints is a validate warning (narasi.angka-berbeda)
        return out

    # ---------------------------------------------------------------- BAB I: SDM
    def sdm_tables(self) -> None:
        sdm = self.h.sdm
        if not sdm:
            return
        pend = sdm["pendidikan"]
        rows = [Baris([str(i), f"Golongan {r['golongan']}" if r["golongan"] not in ("PPPK", "Non ASN") else r["golongan"],
                       *[angka(x, 0) for x in r["jumlah"]], angka(r["total"], 0)])
                for i, r in enumerate(sdm["golongan_pendidikan"], 1)]
        rows.append(Baris(["", "Jumlah", *[angka(x, 0) for x in sdm["total_pendidikan"]], angka(sdm["jumlah"], 0)], "total"))
        self.tables["sdm_golongan"] = Tabel(
            "Jumlah Pegawai menurut Golongan dan Pendidikan",
            [Kolom("No", 0.5, "tengah"), Kolom("Golongan", 1.6)] + [Kolom(p, 0.7, "kanan") for p in pend] + [Kolom("Jumlah", 0.8, "kanan")],
            rows, lanskap=len(pend) > 8)
        self.tables["sdm_eselon"] = Tabel(
            "Jumlah Pegawai menurut Eselon dan Status Kepegawaian",
            [Kolom("No", 0.5, "tengah"), Kolom("Uraian", 3), Kolom("Jumlah (orang)", 1.2, "kanan")],
            [Baris(["", "Menurut eselon"], "subjudul")]
            + [Baris([str(i), k, angka(v, 0)]) for i, (k, v) in enumerate(sdm["eselon"], 1)]
            + [Baris(["", "Menurut status kepegawaian"], "subjudul")]
            + [Baris([str(i), k, angka(v, 0)]) for i, (k, v) in enumerate(sdm["status"], 1)]
            + [Baris(["", "Jumlah pegawai", angka(sdm["jumlah"], 0)], "total")])

    # ---------------------------------------------------------------- BAB II
    def renstra_table(self) -> None:
        shown = [i for n in self.lap.nodes() if n.level in ("Tujuan", "Sasaran") for i in n.indikator]
        lo, hi = self.lap.profil.periode
        # the table is the Renstra's: a target column outside its period (history carried by `template --dari`) is not
        years = [y for y in self.lap.tahun_target if any(i.target.get(y) is not None for i in shown)
                 and (not lo or lo <= y <= hi)]
        rows = []
        n = 0
        for t in self.lap.nodes("Tujuan"):
            for node in [t] + [s for s in t.anak if s.level == "Sasaran"]:
                inds = node.indikator or [None]
                for k, ind in enumerate(inds):
                    if k == 0:
                        n += 1
                    label = f"{node.level}: {node.uraian}" if k == 0 else ""
                    if ind is None:
                        rows.append(Baris([str(n), label, "-", "", *["" for _ in years], ""]))
                        continue
                    h = self.h.of_indikator(ind)
                    rows.append(Baris([str(n) if k == 0 else "", label, ind.nama, ind.satuan,
                                       *[nilai(ind.target.get(y), self.d) for y in years], nilai(h.target_akhir, self.d)],
                                      "tebal" if node.level == "Tujuan" and k == 0 else "biasa"))
        self.tables["renstra"] = Tabel(
            f"Tujuan, Sasaran dan Target Kinerja Renstra {lo}-{hi}",
            [Kolom("No", 0.45, "tengah"), Kolom("Tujuan / Sasaran", 2.6), Kolom("Indikator", 2.4), Kolom("Satuan", 0.9, "tengah")]
            + [Kolom(f"Target {y}", 0.85, "kanan") for y in years] + [Kolom("Target Akhir", 0.9, "kanan")],
            rows, lanskap=len(years) > 3)

    def rpjmd_table(self) -> None:
        """Renstra-RPJMD alignment (issue 23): each tujuan/sasaran indicator with the kabupaten sasaran it supports,
        printed only when the Kinerja column Sasaran RPJMD is filled somewhere."""
        items = [(n, i) for n in self.lap.nodes() if n.level in ("Tujuan", "Sasaran") for i in n.indikator]
        if not any(i.sasaran_rpjmd or n.sasaran_rpjmd for n, i in items):
            return
        rows = []
        for k, (node, ind) in enumerate(items, 1):
            rows.append(Baris([str(k), ind.sasaran_rpjmd or node.sasaran_rpjmd or "-", f"{node.level}: {node.uraian}", ind.nama,
                               narrate.dengan_satuan(nilai(self.h.of_indikator(ind).target, self.d), ind.satuan)]))
        self.tables["rpjmd"] = Tabel(
            f"Keselarasan Tujuan dan Sasaran Renstra dengan Sasaran RPJMD Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran RPJMD", 1.3, "tengah"), Kolom("Tujuan / Sasaran Renstra", 2.8),
             Kolom("Indikator", 2.6), Kolom(f"Target {self.tahun}", 1.1, "tengah")], rows)

    def _flagged(self, flag: str):
        """(node, indicator) pairs flagged IKU / PK; all sasaran indicators when none is flagged."""
        inds = [(n, i) for n in self.lap.nodes() for i in n.indikator if getattr(i, flag)]
        return inds or [(n, i) for n in self.lap.nodes("Sasaran") for i in n.indikator]

    def iku_table(self, key: str, judul: str) -> None:
        if not any(ind.definisi or ind.formula for _node, ind in self._flagged("iku")):
            judul = judul.replace(" (Definisi dan Formula)", "")  # the caption promises only what the table lists
        rows = []
        for k, (node, ind) in enumerate(self._flagged("iku"), 1):
            rows.append(Baris([str(k), node.uraian, ind.nama, "\n".join(x for x in (ind.definisi, ind.formula) if x) or "-",
                               ind.satuan or "-", ind.sumber_data or "-", ind.penanggung_jawab or "-"]))
        self.tables[key] = Tabel(judul, [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 2), Kolom("Indikator Kinerja Utama", 2),
                                         Kolom("Definisi Operasional / Formula", 3.2), Kolom("Satuan", 0.9, "tengah"),
                                         Kolom("Sumber Data", 1.4), Kolom("Penanggung Jawab", 1.3)], rows, lanskap=True)

    def pk_tables(self, prefix: str) -> None:
        rows = []
        last = None
        n = 0
        for node, ind in self._flagged("pk"):
            first = node is not last
            n += first
            last = node
            h = self.h.of_indikator(ind)
            rows.append(Baris([str(n) if first else "", node.uraian if first else "", ind.nama,
                               narrate.dengan_satuan(nilai(h.target, self.d), ind.satuan)]))
        self.tables[f"{prefix}pk_kinerja"] = Tabel(
            f"Sasaran, Indikator dan Target Perjanjian Kinerja Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran Strategis", 2.6), Kolom("Indikator Kinerja", 2.6), Kolom("Target", 1.1, "tengah")],
            rows)
        self.pk_anggaran_table(prefix)

    # ---------------------------------------------------------------- BAB III
    def skala_table(self) -> None:
        bands = scale_bands(self.cfg)
        rows = []
        prev = None
        for i, (bound, label) in enumerate(bands, 1):
            if self.cfg.skala_predikat == "tiga_tingkat":
                rng = {0: "> 100", 1: "= 100", 2: "< 100"}[i - 1]
            elif bound is None or bound < -1000:
                rng = f"< {angka(prev, 0)}" if prev is not None else "semua"
            elif prev is None:
                rng = f"≥ {angka(bound, 0)}"
            else:
                rng = f"{angka(bound, 0)} s.d. < {angka(prev, 0)}"
            prev = bound
            rows.append(Baris([str(i), rng, label]))
        self.tables["skala"] = Tabel(f"Skala Predikat Capaian Kinerja ({SCALE_NAMES.get(self.cfg.skala_predikat, '')})",
                                     [Kolom("No", 0.5, "tengah"), Kolom("Capaian (%)", 2, "tengah"), Kolom("Predikat", 3)], rows)

    def capaian_table(self) -> None:
        rows = []
        n = 0
        for s in self.lap.nodes("Sasaran"):
            for k, ind in enumerate(s.indikator):
                n += k == 0
                h = self.h.of_indikator(ind)
                rows.append(Baris([str(n) if k == 0 else "", s.uraian if k == 0 else "", ind.nama, ind.satuan or "-",
                                   nilai(h.target, self.d), nilai(h.realisasi, self.d),
                                   self.capaian_cell(h), h.predikat]))
        rows.append(Baris(["", "Rata-rata capaian kinerja sasaran", "", "", "", "", self.pct(self.h.capaian_instansi),
                           self.h.predikat_instansi], "total"))
        self.tables["capaian"] = Tabel(
            f"Capaian Indikator Kinerja Sasaran Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 2.4), Kolom("Indikator Kinerja", 2.4), Kolom("Satuan", 0.8, "tengah"),
             Kolom("Target", 0.85, "kanan"), Kolom("Realisasi", 0.85, "kanan"), Kolom("Capaian (%)", 0.9, "kanan"), Kolom("Predikat", 1.1, "tengah")],
            rows, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8"])

    def capaian_tujuan_table(self) -> None:
        """Tujuan-level indicators (issue 20.11): their capaian before the sasaran's, when the Kinerja sheet has them."""
        rows = []
        n = 0
        for t in self.lap.nodes("Tujuan"):
            for k, ind in enumerate(t.indikator):
                n += k == 0
                h = self.h.of_indikator(ind)
                rows.append(Baris([str(n) if k == 0 else "", t.uraian if k == 0 else "", ind.nama, ind.satuan or "-",
                                   nilai(h.target, self.d), nilai(h.realisasi, self.d),
                                   self.pct(h.capaian.nilai) if h.capaian.nilai is not None else "-", h.predikat or "-"]))
        if not rows:
            return
        inds = [i for t in self.lap.nodes("Tujuan") for i in t.indikator]
        if all(self.h.of_indikator(i).realisasi is None for i in inds):  # nothing measured: a sentence, no table of "-"
            self.kalimat["capaian_tujuan"] = (f"Indikator kinerja tujuan ({', '.join(i.nama for i in inds)}) belum memiliki "
                                              f"realisasi tahun {self.tahun}, sehingga capaiannya belum dapat disajikan.")
            return
        self.tables["capaian_tujuan"] = Tabel(
            f"Capaian Indikator Kinerja Tujuan Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Tujuan", 2.4), Kolom("Indikator Kinerja", 2.4), Kolom("Satuan", 0.8, "tengah"),
             Kolom("Target", 0.85, "kanan"), Kolom("Realisasi", 0.85, "kanan"), Kolom("Capaian (%)", 0.9, "kanan"),
             Kolom("Predikat", 1.1, "tengah")],
            rows, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8"])
        self.kalimat["capaian_tujuan"] = (
            f"Capaian indikator kinerja tujuan {self.lap.profil.instansi} tahun {self.tahun}, sebagai ukuran keberhasilan "
            "di atas sasaran strategis, disajikan pada tabel berikut.")

    def sasaran_sections(self) -> list[dict]:
        out = []
        tahun, akhir = self.tahun, self.lap.profil.periode[1]
        for i, s in enumerate(self.lap.nodes("Sasaran"), 1):
            hn = self.h.of(s)
            inds = []
            rows = []
            index_tables = []
            for ind in s.indikator:
                h = self.h.of_indikator(ind)
                key = None
                if h.indeks and (h.indeks["jumlah_target"] is not None or h.indeks["jumlah_realisasi"] is not None):
                    # an index without any score is not printed as a table of "-" (validate: indeks.skor-kosong)
                    key = f"indeks_{i}_{len(index_tables) + 1}"
                    self.index_table(key, h)
                    index_tables.append(key)
                inds.append({
                    "nama": ind.nama, "satuan": ind.satuan, "target": nilai(h.target, self.d), "realisasi": nilai(h.realisasi, self.d),
                    "capaian": self.pct(h.capaian.nilai), "predikat": h.predikat, "status": h.capaian.status or "",
                    "kalimat_capaian": narrate.kalimat_capaian(h, tahun),
                    "kalimat_tren": narrate.kalimat_tren(h, tahun),
                    "kalimat_renstra": narrate.kalimat_renstra(h, tahun, akhir),
                    "kalimat_standar": narrate.kalimat_standar(h),
                    "analisis": _blocks(_parse(ind.analisis)), "solusi": _blocks(_parse(ind.solusi)),
                    "tabel_indeks": key or "",
                })
                rows.append(Baris([ind.nama, nilai(h.target, self.d), nilai(h.realisasi, self.d), self.pct(h.capaian.nilai), h.predikat]))
            key = f"sasaran_{i}"
            self.tables[key] = Tabel(f"Capaian Sasaran {i}: {s.uraian}",
                                     [Kolom("Indikator Kinerja", 3), Kolom("Target", 1, "kanan"), Kolom("Realisasi", 1, "kanan"),
                                      Kolom("Capaian (%)", 1, "kanan"), Kolom("Predikat", 1.2, "tengah")], rows)
            # a line with neither pagu nor realisasi was cancelled: named as such, not as support (issue 19.10)
            batal = [ln for ln in hn.program if not self.h.jumlah[ln].pagu and not self.h.jumlah[ln].realisasi]
            programs = [f"{ln.uraian} ({ln.unit}): pagu {rupiah(self.h.jumlah[ln].pagu)}, realisasi "
                        f"{rupiah(self.h.jumlah[ln].realisasi)} ({persen(self.h.jumlah[ln].penyerapan)})"
                        for ln in hn.program if ln not in batal]
            named = [ln.uraian if ln.uraian.lower().startswith(ln.level.lower()) else f"{ln.level.lower()} {ln.uraian}"
                     for ln in batal]
            kalimat_batal = ((named[0][:1].upper() + narrate.daftar(named)[1:]) + " dibatalkan (tanpa pagu dan realisasi). "
                             if batal else "")
            out.append({
                "nomor": i, "uraian": s.uraian, "kode": s.kode, "capaian": self.pct(hn.capaian), "predikat": hn.predikat,
                "indikator": inds, "tabel": key, "tabel_indeks": index_tables,
                "kalimat_rata": narrate.kalimat_rata_sasaran(hn, self.d),
                "kalimat_efisiensi": narrate.kalimat_efisiensi(hn, self.cfg.metode_efisiensi),
                "program": programs,
                "kalimat_program": kalimat_batal + ("Capaian sasaran ini didukung oleh program/kegiatan berikut:" if programs else
                                                    "Belum ada program/kegiatan lain yang dialokasikan untuk mendukung sasaran ini."
                                                    if batal else "Belum ada program/kegiatan yang dialokasikan untuk mendukung sasaran ini."),
            })
        return out

    def index_table(self, key: str, h: HasilIndikator) -> None:
        idx = h.indeks
        rows = []
        for k, a in enumerate(idx["aspek"], 1):
            rows.append(Baris([str(k), a["aspek"], angka(a["bobot"], 0), nilai(a["skor_target"], 2), angka(a["nilai_target"], 2),
                               nilai(a["skor_realisasi"], 2), angka(a["nilai_realisasi"], 2)]))
        rows.append(Baris(["", "Jumlah nilai", "", "", angka(idx["jumlah_target"], 2), "", angka(idx["jumlah_realisasi"], 2)], "total"))
        pa = angka(idx["perhitungan_aspek"], 0) if idx["perhitungan_aspek"] is not None else "-"
        rows.append(Baris(["", f"Indeks = jumlah nilai × {pa} / 100", "", "", angka(idx["indeks_target"], 2), "",
                           angka(idx["indeks_realisasi"], 2)], "total"))
        self.tables[key] = Tabel(f"Perhitungan {idx['nama']}",
                                 [Kolom("No", 0.45, "tengah"), Kolom("Aspek", 3.4), Kolom("Bobot (%)", 0.8, "kanan"),
                                  Kolom("Skor Target", 0.8, "kanan"), Kolom("Nilai Target", 0.8, "kanan"),
                                  Kolom("Skor Realisasi", 0.8, "kanan"), Kolom("Nilai Realisasi", 0.8, "kanan")],
                                 rows, nomor_kolom=["1", "2", "3", "4", "5 = 3 × 4 / 100", "6", "7 = 3 × 6 / 100"])

    def tren_table(self) -> None:
        items = [x for x in self.h.indikator if x.node.level == "Sasaran"]
        # a year column is printed only when some indicator has a figure for it
        years = [y for y in self.lap.tahun_realisasi if y <= self.tahun
                 and (y == self.tahun or any(h.riwayat.get(y) is not None for h in items))][-4:]
        prev = years[-2] if len(years) > 1 else self.tahun - 1
        ada_lalu = any(h.capaian_lalu and h.capaian_lalu.nilai is not None for h in items)
        rows = []
        for n, h in enumerate(items, 1):
            caps = h.capaian_lalu.nilai if h.capaian_lalu else None
            rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-",
                               *[nilai(h.riwayat.get(y), self.d) for y in years],
                               *([self.pct(caps)] if ada_lalu else []), self.pct(h.capaian.nilai),
                               (persen(h.pertumbuhan, self.d) if h.pertumbuhan is not None else "-")]))
        self.tables["tren"] = Tabel(
            "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun-Tahun Sebelumnya",
            [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.6), Kolom("Satuan", 0.8, "tengah")]
            + [Kolom(f"Realisasi {y}", 0.9, "kanan") for y in years]
            + ([Kolom(f"Capaian {prev} (%)", 0.9, "kanan")] if ada_lalu else [])
            + [Kolom(f"Capaian {self.tahun} (%)", 0.9, "kanan"), Kolom("Perubahan Realisasi", 0.9, "kanan")],
            rows, lanskap=len(years) > 3)
        pembuka = (f"Perbandingan realisasi dan capaian indikator kinerja tahun {self.tahun} dengan tahun-tahun sebelumnya "
                   "disajikan pada tabel")
        if len(years) < 2 and not ada_lalu:
            # one year only: the table would repeat the capaian table under a title it does not show
            self.tables["tren"] = _tanpa_baris(self.tables["tren"])
            self.kalimat["tren"] = (f"Realisasi indikator kinerja tahun-tahun sebelum {self.tahun} belum tersedia, sehingga "
                                    "perbandingan dengan tahun-tahun sebelumnya belum dapat disajikan.")
            return
        if not ada_lalu:
            # a chart of one year would repeat the chart of capaian above under a title it does not show
            self.kalimat["tren"] = (pembuka + f" berikut. Capaian tahun {prev} tidak dapat dihitung karena target atau "
                                    f"realisasi tahun {prev} tidak tersedia, sehingga grafik perbandingan capaian tidak disajikan.")
            return
        self.kalimat["tren"] = pembuka + " dan grafik berikut."
        self.charts["tren"] = Grafik(
            f"Perbandingan Capaian Kinerja Tahun {prev} dan {self.tahun}", "tren",
            [{"nama": h.indikator.nama,
              "capaian": {str(y): _finite(c.nilai) for y, c in ((prev, h.capaian_lalu), (self.tahun, h.capaian))
                          if c is not None and c.nilai is not None}}
             for h in items],
        )

    def renstra_akhir_table(self) -> None:
        lo, hi = self.lap.profil.periode
        rows = []
        items = [x for x in self.h.indikator if x.node.level in ("Tujuan", "Sasaran")]
        self.kalimat["renstra_akhir"] = (f"Perbandingan realisasi sampai dengan tahun {self.tahun} dengan target akhir periode "
                                         f"Renstra {lo}-{hi} disajikan pada tabel berikut.")
        if not any(h.target_akhir is not None for h in items):
            self.kalimat["renstra_akhir"] = (f"Target akhir periode Renstra {lo}-{hi} untuk indikator kinerja belum tersedia, "
                                             "sehingga perbandingan dengan target akhir Renstra belum dapat disajikan.")
        for n, h in enumerate(items, 1):
            rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-", nilai(h.target_akhir, self.d),
                               nilai(h.realisasi, self.d),
                               self.pct(h.capaian_renstra.nilai) if h.capaian_renstra else "-"]))
        self.tables["renstra_akhir"] = Tabel(
            f"Realisasi sampai dengan Tahun {self.tahun} terhadap Target Akhir Renstra {lo}-{hi}",
            [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 3), Kolom("Satuan", 0.8, "tengah"),
             Kolom(f"Target Akhir ({hi})", 1, "kanan"), Kolom(f"Realisasi s.d. {self.tahun}", 1, "kanan"),
             Kolom("Capaian thd Target Akhir (%)", 1.1, "kanan")],
            rows, nomor_kolom=["1", "2", "3", "4", "5", "6 = 5/4 × 100"])
        if not any(h.target_akhir is not None for h in items):
            self.tables["renstra_akhir"] = _tanpa_baris(self.tables["renstra_akhir"])

    def standar_table(self) -> bool:
        """The comparison with national standards. Without any standard value, the report says "Belum terdapat
        standar nasional" only when staff stated it ("tidak ada") for every IKU/PK indicator; a blank Standar
        Nasional states nothing, so those indicators are listed with "-" instead of a claim."""
        items = [h for h in self.h.indikator if h.indikator.standar is not None]
        if not items:
            utama = [h for h in self.h.indikator if h.indikator.iku or h.indikator.pk] or \
                [h for h in self.h.indikator if h.node.level == "Sasaran"]
            items = [h for h in utama if not h.indikator.standar_tidak_ada]
            if items:  # blank cells state nothing: no claim either way, and no table of "-" (issue 20.6)
                self.standar_kosong = True
                return False
        if not items:
            return False
        rows = [Baris([str(n), h.indikator.nama, h.indikator.satuan or "-", nilai(h.indikator.standar, self.d), nilai(h.realisasi, self.d),
                       self.pct(h.capaian_standar.nilai) if h.capaian_standar else "-"]) for n, h in enumerate(items, 1)]
        self.tables["standar"] = Tabel("Perbandingan Realisasi Kinerja dengan Standar Nasional",
                                       [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 3), Kolom("Satuan", 0.8, "tengah"),
                                        Kolom("Standar Nasional", 1, "kanan"), Kolom(f"Realisasi {self.tahun}", 1, "kanan"),
                                        Kolom("Capaian thd Standar (%)", 1.1, "kanan")], rows)
        return True

    def analisis_table(self) -> None:
        rows = []
        items = [x for x in self.h.indikator if x.node.level == "Sasaran"]
        for n, h in enumerate(items, 1):
            rows.append(Baris([str(n), h.indikator.nama, self.pct(h.capaian.nilai), h.indikator.analisis or "-", h.indikator.solusi or "-"]))
        sebab = any(h.indikator.analisis for h in items)
        solusi = any(h.indikator.solusi for h in items)
        # the caption and the sentence name only what the table lists (its empty columns are not printed)
        judul = {(True, True): "Analisis Penyebab Keberhasilan/Kegagalan dan Solusi",
                 (True, False): "Analisis Penyebab Keberhasilan/Kegagalan",
                 (False, True): "Solusi atas Capaian Indikator Kinerja"}.get((sebab, solusi), "Analisis Penyebab Keberhasilan/Kegagalan dan Solusi")
        self.kalimat["analisis"] = {
            (True, True): "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya dirangkum pada tabel berikut.",
            (True, False): "Penyebab keberhasilan atau kegagalan setiap indikator dirangkum pada tabel berikut.",
            (False, True): "Solusi yang telah dilakukan untuk setiap indikator dirangkum pada tabel berikut.",
        }.get((sebab, solusi), "Penyebab keberhasilan atau kegagalan setiap indikator beserta solusinya belum diuraikan.")
        self.tables["analisis"] = Tabel(judul,
                                        [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.2), Kolom("Capaian (%)", 0.9, "kanan"),
                                         Kolom("Penyebab Keberhasilan / Kegagalan", 4.2), Kolom("Solusi yang Telah Dilakukan", 4.2)],
                                        rows if sebab or solusi else [], lanskap=True)

    def capaian_chart(self) -> None:
        data = [{"nama": h.indikator.nama, "capaian": _finite(h.capaian.nilai)}
                for h in self.h.indikator if h.node.level == "Sasaran" and h.capaian.nilai is not None]
        if data:
            self.charts["capaian"] = Grafik(f"Capaian Indikator Kinerja Sasaran terhadap Target Tahun {self.tahun}",
                                            "capaian", data)

    # ---------------------------------------------------------------- Lampiran
    def cascading_table(self) -> None:
        """The performance tree as a lampiran (issue 20.13): tujuan → sasaran → program → kegiatan → sub kegiatan,
        each with its indicators and this year's target; only when the Kinerja sheet goes below the sasaran."""
        levels = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
        shown = cascading_levels(self.lap.pengaturan.matriks_cascading)
        if not any(n.level in levels[2:] and n.level in shown for n in self.lap.nodes()):
            return
        rows = []
        counter = [0] * len(levels)
        gaya = {"Tujuan": "subjudul", "Sasaran": "tebal", "Program": "program", "Kegiatan": "kegiatan"}
        for node in self.lap.nodes():
            if node.level not in shown:
                continue
            depth = levels.index(node.level) if node.level in levels else len(levels) - 1
            counter[depth] += 1
            counter[depth + 1:] = [0] * (len(levels) - depth - 1)
            nomor = ".".join(str(c) for c in counter[:depth + 1] if c)
            for k, ind in enumerate(node.indikator or [None]):
                first = k == 0
                cells = [nomor if first else "", node.level if first else "", node.uraian if first else ""]
                if ind is None:
                    rows.append(Baris(cells + ["", "", ""], gaya.get(node.level, "biasa"), indent=depth))
                    continue
                h = self.h.of_indikator(ind)
                rows.append(Baris(cells + [ind.nama, ind.satuan or "-", nilai(h.target, self.d)],
                                  gaya.get(node.level, "biasa") if first else "biasa", indent=depth if first else 0))
        self.tables["cascading"] = Tabel(
            f"Matriks Cascading Kinerja {self.lap.profil.instansi} Tahun {self.tahun}",
            [Kolom("No", 0.6, "kiri"), Kolom("Level", 0.9), Kolom("Tujuan / Sasaran / Program / Kegiatan", 3.2),
             Kolom("Indikator Kinerja", 2.8), Kolom("Satuan", 0.8, "tengah"), Kolom(f"Target {self.tahun}", 0.9, "kanan")],
            rows)

    def rencana_aksi_table(self) -> None:
        if not self.lap.rencana_aksi:
            return
        rows = []
        last = None
        for r in self.lap.rencana_aksi:
            rows.append(Baris([r.indikator if r.indikator != last else "", r.periode, nilai(r.target_kinerja, self.d),
                               nilai(r.realisasi_kinerja, self.d), r.program, uang(r.target_anggaran), uang(r.realisasi_anggaran),
                               r.keterangan]))
            last = r.indikator
        self.tables["rencana_aksi"] = Tabel(f"Rencana Aksi atas Perjanjian Kinerja Tahun {self.tahun}",
                                            [Kolom("Indikator", 2.4), Kolom("Periode", 1, "tengah"), Kolom("Target Kinerja", 0.9, "kanan"),
                                             Kolom("Realisasi Kinerja", 0.9, "kanan"), Kolom("Program / Kegiatan", 2.4),
                                             Kolom("Target Anggaran (Rp)", 1.3, "kanan"), Kolom("Realisasi Anggaran (Rp)", 1.3, "kanan"),
                                             Kolom("Keterangan", 1.2)], rows, lanskap=True)


def _tanpa_baris(tabel: Tabel) -> Tabel:
    """A table with nothing to show: kept under its key (a template may name it), printed as nothing."""
    tabel.baris = []
    return tabel


def _finite(value: Decimal) -> float:
    """A chart value: the float of a Decimal, bounded so that JSON and charts stay finite."""
    return max(min(float(value), 1e12), -1e12)


def _parse(text: str) -> list[Blok]:
    from .model import parse_blocks

    return parse_blocks(text) if text else []


def build_context(hasil: Hasil) -> dict:
    """The full template context (JSON-able)."""
    b = _Builder(hasil)
    lap = hasil.laporan
    p = lap.profil
    t = hasil.total
    b.sdm_tables()
    b.renstra_table()
    b.rpjmd_table()
    b.iku_table("iku", f"Indikator Kinerja Utama {p.instansi}")
    b.pk_tables("")
    from .contract import program_key

    rkt = rkt_table(hasil, {program_key(name): pagu for name, pagu, _src in b.pk_anggaran()[0]})
    if rkt is not None:
        b.tables["rkt"] = rkt
    b.skala_table()
    b.capaian_tujuan_table()
    b.capaian_table()
    b.capaian_chart()
    sasaran = b.sasaran_sections()
    b.tren_table()
    b.renstra_akhir_table()
    ada_standar = b.standar_table()
    b.analisis_table()
    b.efisiensi_table()
    b.program_table()
    program_kinerja = b.program_kinerja()
    b.belanja_table()
    b.unit_table()
    b.rinci_table()
    b.pk_tables("lampiran_")
    b.pk_perubahan_table()
    b.iku_table("lampiran_iku", f"Indikator Kinerja Utama {p.instansi} (Definisi dan Formula)")
    b.rencana_aksi_table()
    b.cascading_table()
    gambar: dict[str, list[dict]] = {}
    for g in lap.gambar:
        gambar.setdefault(g.bagian, []).append({"berkas": str(g.berkas), "keterangan": g.keterangan})
    n_ind = sum(len(s.indikator) for s in lap.nodes("Sasaran"))
    ada = {
        **narrate.ada_bagian(lap), "belanja": bool(hasil.belanja), "standar": ada_standar,
        "standar_kosong": b.standar_kosong,
        "program": "program" in b.tables, "program_kinerja": "program_kinerja" in b.tables,
        "visi": bool(p.visi), "misi": bool(p.misi), "rpjmd": "rpjmd" in b.tables,
        "tabel_ganda": lap.pengaturan.tabel_ganda == "Ya", "cascading": "cascading" in b.tables,
        "rkt": "rkt" in b.tables,
    }
    from . import bagan

    top, pelaksana = bagan.struktur(lap.pegawai)
    ada["bagan"] = top is not None and "struktur_organisasi" not in gambar  # the staff's own picture wins
    teks = b.teks(ada)
    return {
        "profil": {
            "pemerintah": p.pemerintah, "instansi": p.instansi, "tahun": p.tahun,
            "periode": f"{p.periode[0]}-{p.periode[1]}", "tahun_awal": p.periode[0], "tahun_akhir": p.periode[1],
            "alamat": p.alamat, "telepon": p.telepon, "kota": p.kota, "tanggal_laporan": tanggal(p.tanggal_laporan),
            "tanggal_iso": f"{p.tanggal_laporan:%Y-%m-%d}" if p.tanggal_laporan else "",
            "kepala_nama": p.kepala_nama, "kepala_jabatan": p.kepala_jabatan, "kepala_nip": p.kepala_nip,
            "kepala_pangkat": p.kepala_pangkat, "atasan_nama": p.atasan_nama, "atasan_jabatan": p.atasan_jabatan,
            "atasan_nip": p.atasan_nip, "atasan_pangkat": p.atasan_pangkat, "tanggal_pk": tanggal(p.tanggal_pk) if p.tanggal_pk else TITIK_TANGGAL, "tanggal_pk_perubahan": TITIK_TANGGAL,
            "visi": p.visi, "misi": p.misi,
        },
        "ringkas": {
            "jumlah_tujuan": bilangan(len(list(lap.nodes("Tujuan")))), "jumlah_sasaran": bilangan(len(list(lap.nodes("Sasaran")))),
            "jumlah_indikator": bilangan(n_ind),
            "capaian_instansi": persen(hasil.capaian_instansi, b.d), "predikat_instansi": hasil.predikat_instansi,
            "pagu": rupiah(t.pagu), "realisasi": rupiah(t.realisasi), "sisa": rupiah(t.sisa), "penyerapan": persen(t.penyerapan, b.d),
            "pagu_terbilang": terbilang(t.pagu), "efisiensi": persen(hasil.efisiensi_instansi, b.d),
            "efisiensi_label": hasil.efisiensi_label, "skala_predikat": SCALE_NAMES.get(lap.pengaturan.skala_predikat, ""),
            "kalimat_capaian_instansi": narrate.kalimat_capaian_instansi(hasil),
            "kalimat_tren": b.kalimat.get("tren", ""), "kalimat_renstra_akhir": b.kalimat.get("renstra_akhir", ""),
            "kalimat_analisis": b.kalimat.get("analisis", ""), "kalimat_pk_perubahan": b.kalimat.get("pk_perubahan", ""), "kalimat_capaian_tujuan": b.kalimat.get("capaian_tujuan", ""), "kalimat_satu_unit": b.kalimat.get("satu_unit", ""), "kalimat_pagu_pk": b.kalimat.get("pagu_pk", ""), "kalimat_pagu_saat_ini": b.kalimat.get("pagu_saat_ini", ""),
            "kalimat_unit": narrate.unit_kalimat(hasil), "kalimat_belanja": narrate.belanja_kalimat(hasil),
            "kalimat_sdm": narrate.sdm_kalimat(hasil), "kalimat_pk": narrate.pk_pengantar(lap),
        },
        "teks": teks,
        "sasaran": sasaran,
        "program_kinerja": program_kinerja,
        "tabel": {k: layout.tanpa_kolom_kosong(t) for k, t in b.tables.items()},
        "grafik": dict(b.charts),
        "gambar": gambar,
        "bagan": {"struktur": bagan.as_dict(top) if top is not None else None, "pelaksana": pelaksana},
        "ada": ada,
    }


def context_json(hasil: Hasil) -> str:
    import json

    def plain(value: object) -> object:
        return value.as_dict() if isinstance(value, (Tabel, Grafik)) else str(value)

    return json.dumps(build_context(hasil), ensure_ascii=False, indent=2, default=plain)
