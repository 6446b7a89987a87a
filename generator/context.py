"""The template context: a plain, JSON-able dict holding every figure, sentence and table of the report.

`lkjip context WORKBOOK` prints it. All numbers here are already formatted strings;
tables are specs (`kolom`, `baris`, `lanskap`) that the renderer lays out as Word tables,
charts are specs (`data`) that the renderer draws. Staff text (Narasi) wins over
generated text for every part.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from . import narrate
from .compute import SCALE_NAMES, Hasil, HasilIndikator, Jumlah, scale_bands
from .contract import normalize_header
from .formatting import angka, bilangan, nilai, persen, romawi, rupiah, tanggal, terbilang, uang
from .model import Blok, Laporan
from .specs import Baris, Grafik, Kolom, Tabel

def _blocks(items: list[Blok]) -> list[dict]:
    return [{"jenis": b.jenis, "teks": b.teks} for b in items]


class _Builder:
    def __init__(self, hasil: Hasil):
        self.h = hasil
        self.lap: Laporan = hasil.laporan
        self.cfg = self.lap.pengaturan
        self.tahun = self.lap.profil.tahun
        self.tables: OrderedDict[str, Tabel] = OrderedDict()
        self.charts: OrderedDict[str, Grafik] = OrderedDict()
        self.d = self.cfg.desimal

    def pct(self, v: Decimal | None) -> str:
        return persen(v, self.d, tanda=False)


    # ---------------------------------------------------------------- narrative
    def teks(self) -> dict[str, list[dict]]:
        lap, h = self.lap, self.h
        staff = {k: _blocks(v.blok) for k, v in lap.narasi.items()}
        generated = {
            "kata_pengantar": narrate.kata_pengantar(lap),
            "ringkasan_eksekutif": narrate.ringkasan(h),
            "latar_belakang": narrate.latar_belakang(lap),
            "maksud_tujuan": narrate.maksud_tujuan(lap),
            "dasar_hukum": narrate.dasar_hukum(lap),
            "sistematika": narrate.sistematika(lap),
            "pengukuran": narrate.rumus_teks(lap),
            "efisiensi": narrate.efisiensi_instansi(h),
            "kesimpulan": narrate.kesimpulan(h),
            "saran": narrate.saran(h),
            "tujuan_sasaran": narrate.tujuan_sasaran(lap),
            "realisasi_anggaran": narrate.blok(narrate.anggaran_pengantar(h)),
        }
        out = dict(generated)
        out.update(staff)
        if "ringkasan_eksekutif" not in staff and ("permasalahan" in staff or "solusi" in staff):
            # the generated summary closes with the staff's own kendala and solusi
            extra = []
            if "permasalahan" in staff:
                extra += narrate.blok("Kendala yang dihadapi dalam pencapaian kinerja antara lain:") + staff["permasalahan"]
            if "solusi" in staff:
                extra += narrate.blok("Upaya yang telah dilakukan untuk mengatasinya:") + staff["solusi"]
            out["ringkasan_eksekutif"] = generated["ringkasan_eksekutif"] + extra
        if "efisiensi" in staff:
            out["efisiensi"] = staff["efisiensi"] + generated["efisiensi"][1:]
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
        years = self.lap.tahun_target
        lo, hi = self.lap.profil.periode
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

    def _flagged(self, flag: str):
        """(node, indicator) pairs flagged IKU / PK; all sasaran indicators when none is flagged."""
        inds = [(n, i) for n in self.lap.nodes() for i in n.indikator if getattr(i, flag)]
        return inds or [(n, i) for n in self.lap.nodes("Sasaran") for i in n.indikator]

    def iku_table(self, key: str, judul: str) -> None:
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
        programs: OrderedDict[str, list] = OrderedDict()
        for unit in self.lap.unit:
            for prog in unit.program:
                key = normalize_header(prog.uraian.removeprefix("Program ").removeprefix("PROGRAM "))
                programs.setdefault(key, [prog.uraian, Jumlah(), set()])
                programs[key][1] = programs[key][1] + self.h.jumlah[prog]
                for ln in prog.walk():
                    if ln.sumber_dana:
                        programs[key][2].add(ln.sumber_dana)
        prow = [Baris([str(i), name, uang(j.pagu), ", ".join(sorted(src)) or "APBD"])
                for i, (name, j, src) in enumerate(programs.values(), 1)]
        prow.append(Baris(["", "Jumlah", uang(self.h.total.pagu), ""], "total"))
        self.tables[f"{prefix}pk_anggaran"] = Tabel(
            f"Program dan Anggaran Perjanjian Kinerja Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Program", 4), Kolom("Anggaran (Rp)", 1.6, "kanan"), Kolom("Sumber Dana", 1.1, "tengah")],
            prow)

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
                                   self.pct(h.capaian.nilai) if h.capaian.nilai is not None else ("Tidak tercapai" if h.capaian.status == "tidak_tercapai" else "-"),
                                   h.predikat]))
        rows.append(Baris(["", "Rata-rata capaian kinerja sasaran", "", "", "", "", self.pct(self.h.capaian_instansi),
                           self.h.predikat_instansi], "total"))
        self.tables["capaian"] = Tabel(
            f"Capaian Indikator Kinerja Sasaran Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 2.4), Kolom("Indikator Kinerja", 2.4), Kolom("Satuan", 0.8, "tengah"),
             Kolom("Target", 0.85, "kanan"), Kolom("Realisasi", 0.85, "kanan"), Kolom("Capaian (%)", 0.9, "kanan"), Kolom("Predikat", 1.1, "tengah")],
            rows, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8"])

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
                if h.indeks:
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
            programs = [f"{ln.uraian} ({ln.unit}): pagu {rupiah(self.h.jumlah[ln].pagu)}, realisasi "
                        f"{rupiah(self.h.jumlah[ln].realisasi)} ({persen(self.h.jumlah[ln].penyerapan)})" for ln in hn.program]
            out.append({
                "nomor": i, "uraian": s.uraian, "kode": s.kode, "capaian": self.pct(hn.capaian), "predikat": hn.predikat,
                "indikator": inds, "tabel": key, "tabel_indeks": index_tables,
                "kalimat_efisiensi": narrate.kalimat_efisiensi(hn, self.cfg.metode_efisiensi),
                "program": programs,
                "kalimat_program": ("Capaian sasaran ini didukung oleh program/kegiatan berikut:" if programs else
                                    "Belum ada program/kegiatan yang ditautkan ke sasaran ini pada kolom Sasaran sheet Anggaran."),
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
        years = [y for y in self.lap.tahun_realisasi if y <= self.tahun][-4:]
        rows = []
        for n, h in enumerate([x for x in self.h.indikator if x.node.level == "Sasaran"], 1):
            caps = h.capaian_lalu.nilai if h.capaian_lalu else None
            rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-",
                               *[nilai(h.riwayat.get(y), self.d) for y in years],
                               self.pct(caps), self.pct(h.capaian.nilai),
                               (persen(h.pertumbuhan, self.d) if h.pertumbuhan is not None else "-")]))
        prev = years[-2] if len(years) > 1 else self.tahun - 1
        self.tables["tren"] = Tabel(
            "Perbandingan Realisasi dan Capaian Kinerja dengan Tahun-Tahun Sebelumnya",
            [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.6), Kolom("Satuan", 0.8, "tengah")]
            + [Kolom(f"Realisasi {y}", 0.9, "kanan") for y in years]
            + [Kolom(f"Capaian {prev} (%)", 0.9, "kanan"), Kolom(f"Capaian {self.tahun} (%)", 0.9, "kanan"),
               Kolom("Perubahan Realisasi", 0.9, "kanan")],
            rows, lanskap=len(years) > 3)
        self.charts["tren"] = Grafik(
            f"Perbandingan Capaian Kinerja Tahun {prev} dan {self.tahun}", "tren",
            [{"nama": h.indikator.nama,
              "capaian": {str(y): _finite(c.nilai) for y, c in ((prev, h.capaian_lalu), (self.tahun, h.capaian))
                          if c is not None and c.nilai is not None}}
             for h in self.h.indikator if h.node.level == "Sasaran"],
        )
        if not any(d["capaian"] for d in self.charts["tren"].data):
            del self.charts["tren"]

    def renstra_akhir_table(self) -> None:
        lo, hi = self.lap.profil.periode
        rows = []
        for n, h in enumerate([x for x in self.h.indikator if x.node.level in ("Tujuan", "Sasaran")], 1):
            rows.append(Baris([str(n), h.indikator.nama, h.indikator.satuan or "-", nilai(h.target_akhir, self.d),
                               nilai(h.realisasi, self.d),
                               self.pct(h.capaian_renstra.nilai) if h.capaian_renstra else "-"]))
        self.tables["renstra_akhir"] = Tabel(
            f"Realisasi sampai dengan Tahun {self.tahun} terhadap Target Akhir Renstra {lo}-{hi}",
            [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 3), Kolom("Satuan", 0.8, "tengah"),
             Kolom(f"Target Akhir ({hi})", 1, "kanan"), Kolom(f"Realisasi s.d. {self.tahun}", 1, "kanan"),
             Kolom("Capaian thd Target Akhir (%)", 1.1, "kanan")],
            rows, nomor_kolom=["1", "2", "3", "4", "5", "6 = 5/4 × 100"])

    def standar_table(self) -> bool:
        items = [h for h in self.h.indikator if h.indikator.standar is not None]
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
        for n, h in enumerate([x for x in self.h.indikator if x.node.level == "Sasaran"], 1):
            rows.append(Baris([str(n), h.indikator.nama, self.pct(h.capaian.nilai), h.indikator.analisis or "-", h.indikator.solusi or "-"]))
        self.tables["analisis"] = Tabel("Analisis Penyebab Keberhasilan/Kegagalan dan Solusi",
                                        [Kolom("No", 0.45, "tengah"), Kolom("Indikator Kinerja", 2.2), Kolom("Capaian (%)", 0.9, "kanan"),
                                         Kolom("Penyebab Keberhasilan / Kegagalan", 4.2), Kolom("Solusi yang Telah Dilakukan", 4.2)],
                                        rows, lanskap=True)

    def efisiensi_table(self) -> None:
        rows = []
        for n, s in enumerate(self.lap.nodes("Sasaran"), 1):
            hn = self.h.of(s)
            j = hn.anggaran
            rows.append(Baris([str(n), s.uraian, uang(j.pagu) if j else "-", uang(j.realisasi) if j else "-",
                               self.pct(j.penyerapan) if j else "-", self.pct(hn.capaian), self.pct(hn.efisiensi), hn.efisiensi_label]))
        t = self.h.total
        rows.append(Baris(["", f"{self.lap.profil.instansi} (seluruh anggaran)", uang(t.pagu), uang(t.realisasi), self.pct(t.penyerapan),
                           self.pct(self.h.capaian_instansi), self.pct(self.h.efisiensi_instansi), self.h.efisiensi_label], "total"))
        formula = {"sisa": "7 = 100 − 5", "rasio": "7 = 5/6 × 100"}.get(self.cfg.metode_efisiensi, "7 = 6 − 5")
        self.tables["efisiensi"] = Tabel(
            "Efisiensi Penggunaan Sumber Daya per Sasaran",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 3), Kolom("Pagu (Rp)", 1.5, "kanan"), Kolom("Realisasi (Rp)", 1.5, "kanan"),
             Kolom("Penyerapan (%)", 1, "kanan"), Kolom("Capaian Kinerja (%)", 1, "kanan"), Kolom("Efisiensi (%)", 1, "kanan"),
             Kolom("Kategori", 1.2, "tengah")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5 = 4/3 × 100", "6", formula, "8"])

    def program_table(self) -> None:
        """Programs/kegiatan linked to each Kinerja node, with the efficiency of each line against that node's capaian."""
        from .compute import efisiensi

        rows = []
        n = 0
        for node in self.lap.nodes():
            hn = self.h.of(node)
            lines = self.h.links.get(node, [])
            for k, ln in enumerate(lines):
                n += k == 0
                j = self.h.jumlah[ln]
                eff, label = efisiensi(hn.capaian, j.penyerapan, self.cfg.metode_efisiensi)
                rows.append(Baris([str(n) if k == 0 else "", node.uraian if k == 0 else "", ln.uraian, ln.unit, uang(j.pagu),
                                   uang(j.realisasi), self.pct(j.penyerapan), self.pct(hn.capaian), self.pct(eff), label]))
        if not rows:
            return
        formula = {"sisa": "9 = 100 − 7", "rasio": "9 = 7/8 × 100"}.get(self.cfg.metode_efisiensi, "9 = 8 − 7")
        self.tables["program"] = Tabel(
            "Program/Kegiatan yang Mendukung Pencapaian Kinerja dan Efisiensinya",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran / Indikator Kinerja", 2.3), Kolom("Program / Kegiatan", 2.8), Kolom("Unit", 1.3),
             Kolom("Pagu (Rp)", 1.4, "kanan"), Kolom("Realisasi (Rp)", 1.4, "kanan"), Kolom("Penyerapan (%)", 0.9, "kanan"),
             Kolom("Capaian Kinerja (%)", 0.9, "kanan"), Kolom("Efisiensi (%)", 0.9, "kanan"), Kolom("Kategori", 1.1, "tengah")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8", formula, "10"])

    def capaian_chart(self) -> None:
        data = [{"nama": h.indikator.nama, "capaian": _finite(h.capaian.nilai)}
                for h in self.h.indikator if h.node.level == "Sasaran" and h.capaian.nilai is not None]
        if data:
            self.charts["capaian"] = Grafik(f"Capaian Indikator Kinerja Sasaran terhadap Target Tahun {self.tahun}",
                                            "capaian", data)

    # ---------------------------------------------------------------- BAB III B: budget
    def belanja_table(self) -> None:
        if not self.h.belanja:
            return
        rows = []
        for i, g in enumerate(self.h.belanja, 1):
            j = g["jumlah"]
            rows.append(Baris([str(i), g["kelompok"], uang(j.pagu), uang(j.realisasi), self.pct(j.penyerapan)], "tebal"))
            for name, jj in g["jenis"]:
                rows.append(Baris(["", name, uang(jj.pagu), uang(jj.realisasi), self.pct(jj.penyerapan)], indent=1))
        t = self.h.belanja_total
        rows.append(Baris(["", "Total", uang(t.pagu), uang(t.realisasi), self.pct(t.penyerapan)], "total"))
        self.tables["belanja"] = Tabel(f"Anggaran dan Realisasi menurut Jenis Belanja Tahun {self.tahun}",
                                       [Kolom("No", 0.45, "tengah"), Kolom("Uraian", 3.2), Kolom("Anggaran (Rp)", 1.6, "kanan"),
                                        Kolom("Realisasi (Rp)", 1.6, "kanan"), Kolom("%", 0.8, "kanan")], rows,
                                       nomor_kolom=["1", "2", "3", "4", "5 = 4/3 × 100"])

    def unit_table(self) -> None:
        rows = [Baris([str(i), name, uang(j.pagu), uang(j.realisasi), uang(j.sisa), self.pct(j.penyerapan)])
                for i, (name, j) in enumerate(self.h.unit, 1)]
        t = self.h.total
        rows.append(Baris(["", "Total", uang(t.pagu), uang(t.realisasi), uang(t.sisa), self.pct(t.penyerapan)], "total"))
        self.tables["anggaran_unit"] = Tabel(f"Anggaran dan Realisasi per Unit Tahun {self.tahun}",
                                             [Kolom("No", 0.45, "tengah"), Kolom("Unit", 2.6), Kolom("Anggaran (Rp)", 1.5, "kanan"),
                                              Kolom("Realisasi (Rp)", 1.5, "kanan"), Kolom("Sisa (Rp)", 1.3, "kanan"), Kolom("%", 0.75, "kanan")],
                                             rows, nomor_kolom=["1", "2", "3", "4", "5 = 3 − 4", "6 = 4/3 × 100"])
        items = self.h.unit if len(self.h.unit) > 1 else [(p.uraian, self.h.jumlah[p]) for u in self.lap.unit for p in u.program]
        self.charts["anggaran"] = Grafik(
            "Pagu dan Realisasi Anggaran per " + ("Unit" if len(self.h.unit) > 1 else "Program"), "anggaran",
            [{"nama": n, "pagu": float(j.pagu), "realisasi": float(j.realisasi),
              "penyerapan": float(j.penyerapan) if j.penyerapan is not None else 0.0} for n, j in items[:30]],
        )

    def rinci_table(self) -> None:
        rows = []
        for ui, unit in enumerate(self.lap.unit, 1):
            uj = next(j for n, j in self.h.unit if n == unit.nama)
            rows.append(Baris([romawi(ui), "", unit.nama.upper(), uang(uj.pagu), uang(uj.realisasi), uang(uj.sisa), self.pct(uj.penyerapan)], "unit"))
            for pi, prog in enumerate(unit.program, 1):
                for ln in prog.walk():
                    j = self.h.jumlah[ln]
                    gaya = {"Program": "program", "Kegiatan": "kegiatan"}.get(ln.level, "biasa")
                    rows.append(Baris([str(pi) if ln is prog else "", ln.kode, ln.uraian, uang(j.pagu), uang(j.realisasi), uang(j.sisa),
                                       self.pct(j.penyerapan)], gaya, indent={"Program": 0, "Kegiatan": 1}.get(ln.level, 2)))
        t = self.h.total
        rows.append(Baris(["", "", "JUMLAH", uang(t.pagu), uang(t.realisasi), uang(t.sisa), self.pct(t.penyerapan)], "total"))
        self.tables["anggaran_rinci"] = Tabel(
            f"Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Kode", 1.45), Kolom("Program / Kegiatan / Sub Kegiatan", 4.2), Kolom("Anggaran (Rp)", 1.45, "kanan"),
             Kolom("Realisasi (Rp)", 1.45, "kanan"), Kolom("Sisa (Rp)", 1.25, "kanan"), Kolom("%", 0.7, "kanan")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6 = 4 − 5", "7 = 5/4 × 100"])

    # ---------------------------------------------------------------- Lampiran
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


def _finite(value: Decimal) -> float:
    """A chart value: the float of a Decimal, bounded so that JSON and charts stay finite."""
    return max(min(float(value), 1e12), -1e12)


def _parse(text: str) -> list[Blok]:
    from .sheets import parse_blocks

    return parse_blocks(text) if text else []


def build_context(hasil: Hasil) -> dict:
    """The full template context (JSON-able)."""
    b = _Builder(hasil)
    lap = hasil.laporan
    p = lap.profil
    t = hasil.total
    b.sdm_tables()
    b.renstra_table()
    b.iku_table("iku", f"Indikator Kinerja Utama {p.instansi}")
    b.pk_tables("")
    b.skala_table()
    b.capaian_table()
    b.capaian_chart()
    sasaran = b.sasaran_sections()
    b.tren_table()
    b.renstra_akhir_table()
    ada_standar = b.standar_table()
    b.analisis_table()
    b.efisiensi_table()
    b.program_table()
    b.belanja_table()
    b.unit_table()
    b.rinci_table()
    b.pk_tables("lampiran_")
    b.iku_table("lampiran_iku", f"Indikator Kinerja Utama {p.instansi} (Definisi dan Formula)")
    b.rencana_aksi_table()
    gambar: dict[str, list[dict]] = {}
    for g in lap.gambar:
        gambar.setdefault(g.bagian, []).append({"berkas": str(g.berkas), "keterangan": g.keterangan})
    teks = b.teks()
    n_ind = sum(len(s.indikator) for s in lap.nodes("Sasaran"))
    return {
        "profil": {
            "pemerintah": p.pemerintah, "instansi": p.instansi, "tahun": p.tahun,
            "periode": f"{p.periode[0]}-{p.periode[1]}", "tahun_awal": p.periode[0], "tahun_akhir": p.periode[1],
            "alamat": p.alamat, "telepon": p.telepon, "kota": p.kota, "tanggal_laporan": tanggal(p.tanggal_laporan),
            "tanggal_iso": f"{p.tanggal_laporan:%Y-%m-%d}" if p.tanggal_laporan else "",
            "kepala_nama": p.kepala_nama, "kepala_jabatan": p.kepala_jabatan, "kepala_nip": p.kepala_nip,
            "kepala_pangkat": p.kepala_pangkat, "atasan_nama": p.atasan_nama, "atasan_jabatan": p.atasan_jabatan,
            "atasan_nip": p.atasan_nip, "atasan_pangkat": p.atasan_pangkat, "tanggal_pk": tanggal(p.tanggal_pk),
            "visi": p.visi, "misi": p.misi,
        },
        "ringkas": {
            "jumlah_tujuan": bilangan(len(list(lap.nodes("Tujuan")))), "jumlah_sasaran": bilangan(len(list(lap.nodes("Sasaran")))),
            "jumlah_indikator": bilangan(n_ind),
            "capaian_instansi": persen(hasil.capaian_instansi, b.d), "predikat_instansi": hasil.predikat_instansi,
            "pagu": rupiah(t.pagu), "realisasi": rupiah(t.realisasi), "sisa": rupiah(t.sisa), "penyerapan": persen(t.penyerapan, b.d),
            "pagu_terbilang": terbilang(t.pagu), "efisiensi": persen(hasil.efisiensi_instansi, b.d),
            "efisiensi_label": hasil.efisiensi_label, "skala_predikat": SCALE_NAMES.get(lap.pengaturan.skala_predikat, ""),
            "kalimat_unit": narrate.unit_kalimat(hasil), "kalimat_belanja": narrate.belanja_kalimat(hasil),
            "kalimat_sdm": narrate.sdm_kalimat(hasil), "kalimat_pk": narrate.pk_pengantar(lap),
        },
        "teks": teks,
        "sasaran": sasaran,
        "tabel": dict(b.tables),
        "grafik": dict(b.charts),
        "gambar": gambar,
        "ada": {
            "sdm": bool(hasil.sdm), "belanja": bool(hasil.belanja), "standar": ada_standar,
            "rencana_aksi": bool(lap.rencana_aksi), "program": "program" in b.tables,
            "logo": "logo" in gambar, "struktur_organisasi": "struktur_organisasi" in gambar,
            **{f"gambar_{k}": k in gambar for k in ("peta_wilayah", "gambaran_umum", "dokumentasi", "lampiran")},
            "visi": bool(p.visi), "misi": bool(p.misi),
            **{f"teks_{k}": k in lap.narasi for k in ("tugas_fungsi", "gambaran_umum", "struktur_organisasi", "sumber_daya",
                                                       "isu_strategis", "strategi", "arah_kebijakan", "iku", "permasalahan",
                                                       "solusi", "realisasi_anggaran")},
        },
    }


def context_json(hasil: Hasil) -> str:
    import json

    def plain(value: object) -> object:
        return value.as_dict() if isinstance(value, (Tabel, Grafik)) else str(value)

    return json.dumps(build_context(hasil), ensure_ascii=False, indent=2, default=plain)
