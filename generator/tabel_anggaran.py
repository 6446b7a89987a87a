"""The budget tables of the report (BAB III B and the efficiency analysis), as a mixin of the context builder.

Each method adds a `Tabel` (or `Grafik`) to `self.tables` / `self.charts`; `self.h` is the `Hasil`,
`self.lap` the `Laporan`, `self.cfg` its `Pengaturan`, `self.pct` formats a percentage.
"""

from __future__ import annotations

from collections import OrderedDict
from decimal import Decimal

from .contract import program_key
from .formatting import romawi, rupiah, terbilang, uang
from .specs import Baris, Grafik, Kolom, Tabel


class TabelAnggaran:
    def pk_anggaran(self) -> tuple[list[tuple[str, Decimal, list[str]]], Decimal, str]:
        """The programs of the Perjanjian Kinerja: ([(program, pagu, sumber dana)], total, note).

        The signed figures (column Pagu PK) when given; else today's pagu, without comment (validate warns).
        The note names today's total beside a signed total that differs from it.
        """
        # a program of several units is one PK line: its signed figure may be typed on any of its rows
        programs: OrderedDict[str, list] = OrderedDict()  # key -> [name, current pagu, signed pagu or None, sumber dana]
        for unit in self.lap.unit:
            for prog in unit.program:
                entry = programs.setdefault(program_key(prog.uraian), [prog.uraian, Decimal(0), None, set()])
                entry[1] += self.h.jumlah[prog].pagu
                for ln in prog.walk():
                    if ln.pagu_pk is not None:
                        entry[2] = (entry[2] or Decimal(0)) + ln.pagu_pk
                entry[3].update(ln.sumber_dana for ln in prog.walk() if ln.sumber_dana)
        any_pk = any(e[2] is not None for e in programs.values())
        rows = [(name, pk if pk is not None else now, sorted(src)) for name, now, pk, src in programs.values()]
        total = sum((r[1] for r in rows), Decimal(0))
        # the signed page speaks of the PK only; what staff left empty is a validate warning (anggaran.pagu-pk-kosong)
        note = ""
        if any_pk and total != self.h.total.pagu:
            note = (f"Pagu anggaran tahun {self.tahun} saat ini, yang dipakai pada Bab III, adalah "
                    f"{rupiah(self.h.total.pagu)}.")
        return rows, total, note

    def pk_anggaran_table(self, prefix: str) -> None:
        rows, total, note = self.pk_anggaran()
        prow = [Baris([str(i), name, uang(pagu), ", ".join(src) or "APBD"]) for i, (name, pagu, src) in enumerate(rows, 1)]
        prow.append(Baris(["", "Jumlah", uang(total), ""], "total"))
        self.tables[f"{prefix}pk_anggaran"] = Tabel(
            f"Program dan Anggaran Perjanjian Kinerja Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Program", 4), Kolom("Anggaran (Rp)", 1.6, "kanan"), Kolom("Sumber Dana", 1.1, "tengah")],
            prow, catatan="" if prefix else note)  # the signed page (lampiran) carries no comment
        if not prefix:  # the body table may be left to the Lampiran (issue 20.8): the note stands on its own there
            self.kalimat["pagu_saat_ini"] = note
        self.kalimat["pagu_pk"] = (f"Jumlah anggaran yang direncanakan untuk mencapai sasaran strategis: {rupiah(total)} "
                                   f"({terbilang(total)}).")

    def pk_perubahan_table(self) -> None:
        """Issue 20.4: the Perjanjian Kinerja Perubahan, program by program before and after, when column Pagu PK
        Perubahan gives one (a program without it keeps its PK figure)."""
        after: OrderedDict[str, Decimal] = OrderedDict()
        for unit in self.lap.unit:
            for prog in unit.program:
                for ln in prog.walk():
                    if ln.pagu_pk_perubahan is not None:
                        key = program_key(prog.uraian)
                        after[key] = after.get(key, Decimal(0)) + ln.pagu_pk_perubahan
        if not after:
            return
        rows, total = [], [Decimal(0), Decimal(0)]
        for i, (name, before, _src) in enumerate(self.pk_anggaran()[0], 1):
            now = after.get(program_key(name), before)
            total[0] += before
            total[1] += now
            rows.append(Baris([str(i), name, uang(before), uang(now), uang(now - before)]))
        rows.append(Baris(["", "Jumlah", uang(total[0]), uang(total[1]), uang(total[1] - total[0])], "total"))
        self.tables["lampiran_pk_perubahan"] = Tabel(
            f"Program dan Anggaran Perjanjian Kinerja Perubahan Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Program", 3.6), Kolom("Sebelum Perubahan (Rp)", 1.5, "kanan"),
             Kolom("Setelah Perubahan (Rp)", 1.5, "kanan"), Kolom("Selisih (Rp)", 1.3, "kanan")],
            rows, nomor_kolom=["1", "2", "3", "4", "5 = 4 − 3"])
        self.kalimat["pk_perubahan"] = (
            f"Perjanjian Kinerja Tahun {self.tahun} diubah dengan Perjanjian Kinerja Perubahan; sasaran, indikator dan "
            f"target kinerja tetap, anggaran program sebelum dan setelah perubahan sebagai berikut. Jumlah anggaran "
            f"setelah perubahan: {rupiah(total[1])} ({terbilang(total[1])}).")

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
        self.tables["efisiensi"] = _tanpa_kategori(self.cfg.metode_efisiensi, Tabel(
            "Efisiensi Penggunaan Sumber Daya per Sasaran",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran", 3), Kolom("Pagu (Rp)", 1.5, "kanan"), Kolom("Realisasi (Rp)", 1.5, "kanan"),
             Kolom("Penyerapan (%)", 1, "kanan"), Kolom("Capaian Kinerja (%)", 1, "kanan"), Kolom("Efisiensi (%)", 1, "kanan"),
             Kolom("Kategori", 1.2, "tengah")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5 = 4/3 × 100", "6", formula, "8"]))

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
                eff, label = efisiensi(hn.capaian, j.penyerapan, self.cfg.metode_efisiensi, self.cfg.desimal)
                if not j.pagu and not j.realisasi:
                    label = "Dibatalkan"  # no pagu, no realisasi: not a supporting line (issue 19.10)
                rows.append(Baris([str(n) if k == 0 else "", node.uraian if k == 0 else "", ln.uraian, ln.unit, uang(j.pagu),
                                   uang(j.realisasi), self.pct(j.penyerapan), self.pct(hn.capaian), self.pct(eff), label]))
        if not rows:
            return
        formula = {"sisa": "9 = 100 − 7", "rasio": "9 = 7/8 × 100"}.get(self.cfg.metode_efisiensi, "9 = 8 − 7")
        self.tables["program"] = _tanpa_kategori(self.cfg.metode_efisiensi, Tabel(
            "Program/Kegiatan yang Mendukung Pencapaian Kinerja dan Efisiensinya",
            [Kolom("No", 0.45, "tengah"), Kolom("Sasaran / Indikator Kinerja", 2.3), Kolom("Program / Kegiatan", 2.8), Kolom("Unit", 1.3),
             Kolom("Pagu (Rp)", 1.4, "kanan"), Kolom("Realisasi (Rp)", 1.4, "kanan"), Kolom("Penyerapan (%)", 0.9, "kanan"),
             Kolom("Capaian Kinerja (%)", 0.9, "kanan"), Kolom("Efisiensi (%)", 0.9, "kanan"), Kolom("Kategori", 1.1, "tengah")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6", "7 = 6/5 × 100", "8", formula, "10"]))

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
        if len(self.h.unit) == 1:  # one unit: a sentence, not a table of one row and its total
            name, j = self.h.unit[0]
            self.kalimat["satu_unit"] = (f"Seluruh anggaran dikelola oleh {name}: pagu {rupiah(j.pagu)}, realisasi "
                                         f"{rupiah(j.realisasi)} ({self.pct(j.penyerapan)}%), sisa {rupiah(j.sisa)}.")
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
            if len(self.lap.unit) > 1:  # one unit: its row would repeat the total
                rows.append(Baris([romawi(ui), "", unit.nama.upper(), uang(uj.pagu), uang(uj.realisasi), uang(uj.sisa),
                                   self.pct(uj.penyerapan)], "unit"))
            for pi, prog in enumerate(unit.program, 1):
                for ln in prog.walk():
                    j = self.h.jumlah[ln]
                    gaya = {"Program": "program", "Kegiatan": "kegiatan"}.get(ln.level, "biasa")
                    rows.append(Baris([str(pi) if ln is prog else "", ln.kode, ln.uraian, uang(j.pagu), uang(j.realisasi), uang(j.sisa),
                                       self.pct(j.penyerapan)], gaya, indent={"Program": 0, "Kegiatan": 1}.get(ln.level, 2)))
        t = self.h.total
        rows.append(Baris(["", "", "JUMLAH", uang(t.pagu), uang(t.realisasi), uang(t.sisa), self.pct(t.penyerapan)], "total"))
        from .program_kinerja import jenjang

        levels = jenjang({ln.level for unit in self.lap.unit for prog in unit.program for ln in prog.walk()})
        self.tables["anggaran_rinci"] = Tabel(
            f"Realisasi Anggaran per {levels} Tahun {self.tahun}",
            [Kolom("No", 0.45, "tengah"), Kolom("Kode", 1.45), Kolom(levels.replace(", ", " / ").replace(" dan ", " / "), 4.2), Kolom("Anggaran (Rp)", 1.45, "kanan"),
             Kolom("Realisasi (Rp)", 1.45, "kanan"), Kolom("Sisa (Rp)", 1.25, "kanan"), Kolom("%", 0.7, "kanan")],
            rows, lanskap=True, nomor_kolom=["1", "2", "3", "4", "5", "6 = 4 − 5", "7 = 5/4 × 100"])



def _tanpa_kategori(metode: str, tabel: Tabel) -> Tabel:
    """The table without its last (Kategori) column when the efficiency method has no criteria of its own."""
    if metode != "sisa":
        return tabel
    tabel.kolom = tabel.kolom[:-1]
    tabel.nomor_kolom = tabel.nomor_kolom[:-1] if tabel.nomor_kolom else tabel.nomor_kolom
    for b in tabel.baris:
        b.sel = b.sel[:-1]
    return tabel
