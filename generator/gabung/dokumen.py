"""`gabung --docx`: the document "Rekapitulasi Capaian Kinerja Perangkat Daerah", rendered like an OPD report.

The context has the shape of an OPD report's (profil, teks, tabel, grafik, gambar, ada) plus `rekap`
(its sentences), so `generator.render_docx` lays it out with the same captions, table layout and
native charts; the template is templates/rekap.docx (source: templates/make_rekap_template.py).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import generator as g

from .rekap import Rekap, kode_key
from .tulis import peringkat, predikat_labels, urusan, urusan_key

CHART_CHUNK = 15  # the capaian chart shows at most 15 bars: one chart per 15 OPD


def template_path() -> Path:
    return g.shipped_template("rekap.docx")


def _pct(value: Decimal | None, d: int = 2) -> str:
    return g.persen(value, d, tanda=False) if value is not None else "-"


def _penyerapan(pagu: Decimal, realisasi: Decimal) -> Decimal | None:
    return realisasi / pagu * 100 if pagu else None


def context(rekap: Rekap) -> dict:
    """The template context of the recap document (plain data, figures as printed)."""
    K, B, T = g.Kolom, g.Baris, g.Tabel
    rows = rekap.direkap
    tabel: dict = {}
    grafik: dict = {}
    tahun = rekap.tahun

    # status of the collection
    baris = []
    for n, r in enumerate(rekap.berkas, 1):
        baris.append(B([str(n), r.instansi or "-", r.berkas, g.tanggal(r.tanggal_laporan) if r.tanggal_laporan else "-",
                        "-" if r.alasan else str(r.galat), "-" if r.alasan else str(r.peringatan), rekap.status.get(r.berkas, "")]))
    tabel["status"] = T(f"Status Pengumpulan LKjIP Perangkat Daerah Tahun {tahun}",
                        [K("No", 0.45, "tengah"), K("Perangkat Daerah", 2.4), K("Berkas", 2.0), K("Tanggal Laporan", 1.3),
                         K("Galat", 0.6, "kanan"), K("Peringatan", 0.9, "kanan"), K("Direkap", 1.8)], baris)

    # capaian per OPD
    rank = peringkat(rows)
    baris = []
    for n, r in enumerate(rows, 1):
        o = r.opd
        baris.append(B([str(n), r.instansi, str(o.jumlah_sasaran), str(o.jumlah_indikator), str(o.tercapai),
                        _pct(o.capaian, o.desimal), o.predikat_instansi, str(rank.get(r.berkas, "-"))]))
    tabel["rekap_opd"] = T(f"Capaian Kinerja Perangkat Daerah Tahun {tahun}",
                           [K("No", 0.45, "tengah"), K("Perangkat Daerah", 3.0), K("Jumlah Sasaran", 0.8, "kanan"),
                            K("Jumlah Indikator", 0.9, "kanan"), K("Indikator Capaian ≥ 100%", 1.1, "kanan"),
                            K("Capaian (%)", 0.9, "kanan"), K("Predikat", 1.2, "tengah"), K("Peringkat", 0.9, "tengah")], baris)
    caps = [(r.instansi, r.opd.capaian) for r in rows if r.opd.capaian is not None]
    keys = []
    for start in range(0, len(caps), CHART_CHUNK):
        key = f"capaian_{start // CHART_CHUNK + 1}"
        part = caps[start:start + CHART_CHUNK]
        judul = f"Capaian Kinerja Perangkat Daerah Tahun {tahun}"
        if len(caps) > CHART_CHUNK:
            judul += f" ({start + 1}–{start + len(part)} dari {len(caps)})"
        grafik[key] = g.Grafik(judul, "capaian", [{"nama": nama, "capaian": float(c)} for nama, c in part])
        keys.append(key)

    # distribution of predikat over the sasaran indicators
    labels = predikat_labels(rows) if rows else []
    counts: Counter = Counter()
    for r in rows:
        counts.update(r.opd.predikat)
    total = sum(counts.values())
    scales = {tuple(r.opd.label_skala) for r in rows}
    if len(scales) > 1:  # OPD on different scales: only the labels some indicator has
        labels = [label for label in labels if counts.get(label)]
    order = labels + (["-"] if counts.get("-") else [])
    baris = [B([str(n), "Tanpa capaian" if label == "-" else label, str(counts.get(label, 0)),
                _pct(Decimal(counts.get(label, 0)) * 100 / total) if total else "-"]) for n, label in enumerate(order, 1)]
    baris.append(B(["", "Jumlah", str(total), _pct(Decimal(100)) if total else "-"], "total"))
    tabel["predikat"] = T(f"Sebaran Predikat Capaian Indikator Kinerja Sasaran Perangkat Daerah Tahun {tahun}",
                          [K("No", 0.45, "tengah"), K("Predikat", 2.5), K("Jumlah Indikator", 1.2, "kanan"),
                           K("Persentase (%)", 1.2, "kanan")], baris)
    if total:
        grafik["predikat"] = g.Grafik(f"Sebaran Predikat Capaian Indikator Tahun {tahun}", "jumlah",
                                      [{"nama": "Tanpa capaian" if label == "-" else label, "jumlah": counts.get(label, 0),
                                        "seri": "Jumlah indikator"} for label in order])

    # cascading
    groups, unlinked = rekap.cascading()
    baris = []
    n = 0
    for code, known, items in groups:
        n += 1
        label = f"{code} {known[2]}" if known else (f"{code} (tidak ada di workbook Pemda)" if rekap.pemda else code)
        if not items:
            baris.append(B([str(n), label, "-", "Belum didukung sasaran perangkat daerah", "-", "-"]))
        for k, (r, i) in enumerate(items):
            baris.append(B([str(n) if k == 0 else "", label if k == 0 else "", r.instansi, i.sasaran, i.indikator,
                            _pct(i.capaian, r.opd.desimal)]))
    if unlinked:
        n += 1
        for k, (r, i) in enumerate(unlinked):
            baris.append(B([str(n) if k == 0 else "", "Belum terhubung ke sasaran RPJMD" if k == 0 else "", r.instansi, i.sasaran,
                            i.indikator, _pct(i.capaian, r.opd.desimal)]))
    n_linked = sum(len(items) for _c, _k, items in groups)
    tabel["cascading"] = T("Keselarasan Sasaran Perangkat Daerah dengan Sasaran RPJMD",
                           [K("No", 0.45, "tengah"), K("Sasaran RPJMD", 2.4), K("Perangkat Daerah", 1.8), K("Sasaran Perangkat Daerah", 2.6),
                            K("Indikator", 2.6), K("Capaian (%)", 0.9, "kanan")], baris, lanskap=True)

    # IKU Pemda
    if rekap.pemda:
        support = rekap.dukungan()
        baris = []
        for n, iku in enumerate(rekap.pemda.iku, 1):
            items = support.get(kode_key(iku.kode), []) if iku.kode else []
            head = [str(n), f"{iku.indikator} ({iku.kode})" if iku.kode else iku.indikator, g.nilai(iku.target), g.nilai(iku.realisasi),
                    _pct(iku.capaian)]
            if not items:
                baris.append(B(head + ["-", "Belum ada indikator pendukung", "-"]))
            for k, (r, i) in enumerate(items):
                baris.append(B((head if k == 0 else ["", "", "", "", ""]) + [r.instansi, i.indikator, _pct(i.capaian, r.opd.desimal)]))
        tabel["iku_pemda"] = T("Capaian Indikator Kinerja Utama Pemerintah Daerah dan Indikator Perangkat Daerah Pendukungnya",
                               [K("No", 0.45, "tengah"), K("IKU Pemerintah Daerah", 2.6), K("Target", 0.8, "kanan"),
                                K("Realisasi", 0.8, "kanan"), K("Capaian (%)", 0.9, "kanan"), K("Perangkat Daerah", 1.8),
                                K("Indikator Pendukung", 2.6), K("Capaian Pendukung (%)", 1.0, "kanan")], baris, lanskap=True)

    # budget per OPD and per urusan
    baris = []
    pagu = real = Decimal(0)
    per_urusan: dict[str, list[Decimal]] = {}
    for n, r in enumerate(rows, 1):
        o = r.opd
        pagu += o.pagu
        real += o.realisasi
        baris.append(B([str(n), r.instansi, g.uang(o.pagu), g.uang(o.realisasi), _pct(o.penyerapan, o.desimal),
                        _pct(o.efisiensi, o.desimal), o.efisiensi_label or "-"]))
        for a in r.anggaran:
            if a.level == "Program":
                u = per_urusan.setdefault(urusan(a.kode, r.kode_opd), [Decimal(0), Decimal(0)])
                u[0] += a.pagu
                u[1] += a.realisasi
    baris.append(B(["", "Jumlah", g.uang(pagu), g.uang(real), _pct(_penyerapan(pagu, real)), "", ""], "total"))
    tabel["anggaran_opd"] = T(f"Realisasi Anggaran dan Efisiensi per Perangkat Daerah Tahun {tahun}",
                              [K("No", 0.45, "tengah"), K("Perangkat Daerah", 2.8), K("Pagu (Rp)", 1.6, "kanan"),
                               K("Realisasi (Rp)", 1.6, "kanan"), K("Penyerapan (%)", 1.0, "kanan"), K("Efisiensi (%)", 1.0, "kanan"),
                               K("Kategori Efisiensi", 1.3, "tengah")], baris)
    baris = []
    for n, kode in enumerate(sorted(per_urusan, key=urusan_key), 1):
        p, rl = per_urusan[kode]
        baris.append(B([str(n), kode, g.uang(p), g.uang(rl), _pct(_penyerapan(p, rl))]))
    baris.append(B(["", "Jumlah", g.uang(pagu), g.uang(real), _pct(_penyerapan(pagu, real))], "total"))
    tabel["anggaran_urusan"] = T(f"Realisasi Anggaran per Urusan Tahun {tahun}",
                                 [K("No", 0.45, "tengah"), K("Urusan", 2.0), K("Pagu (Rp)", 1.8, "kanan"), K("Realisasi (Rp)", 1.8, "kanan"),
                                  K("Penyerapan (%)", 1.1, "kanan")], baris)

    # appendix: every sasaran indicator of every OPD, as printed in its own report
    baris = []
    n = 0
    for r in rows:
        first = True
        for i in r.indikator:
            if i.level != "Sasaran":
                continue
            n += 1
            baris.append(B([str(n), r.instansi if first else "", i.sasaran, i.indikator, i.satuan or "-",
                            g.nilai(i.target, r.opd.desimal), g.nilai(i.realisasi, r.opd.desimal), _pct(i.capaian, r.opd.desimal),
                            i.predikat]))
            first = False
    tabel["lampiran_capaian"] = T(f"Capaian Indikator Kinerja Sasaran Perangkat Daerah Tahun {tahun}",
                                  [K("No", 0.45, "tengah"), K("Perangkat Daerah", 1.8), K("Sasaran", 2.4), K("Indikator", 2.6),
                                   K("Satuan", 0.8, "tengah"), K("Target", 0.8, "kanan"), K("Realisasi", 0.8, "kanan"),
                                   K("Capaian (%)", 0.9, "kanan"), K("Predikat", 1.1, "tengah")], baris, lanskap=True)

    n_files = len(rekap.berkas)
    best = [r for r in rows if rank.get(r.berkas) == 1]
    iku_tanpa = [i for i in rekap.pemda.iku if not i.kode or kode_key(i.kode) not in support] if rekap.pemda else []
    return {
        "profil": {"pemerintah": rekap.pemerintah, "instansi": rekap.pemerintah, "tahun": tahun, "kota": "",
                   "tanggal_iso": f"{tahun + 1}-01-01" if tahun else "2000-01-01"},
        "rekap": {
            "sumber": f"Disusun dari {len(rows)} laporan kinerja perangkat daerah (lkjip gabung)",
            "pengantar": (f"Bab ini menyajikan rekapitulasi capaian kinerja perangkat daerah {rekap.pemerintah} tahun {tahun}. "
                          "Setiap angka diambil dari perhitungan yang sama dengan yang dicetak dalam LKjIP masing-masing "
                          "perangkat daerah."),
            "kalimat_status": (f"Dari {n_files} berkas yang diterima, {len(rows)} laporan kinerja perangkat daerah dapat direkap; "
                               f"{n_files - len(rows)} berkas tidak direkap dengan alasan sebagaimana tercantum pada tabel berikut."),
            "kalimat_capaian": ((f"Capaian kinerja tertinggi dicapai oleh {g_daftar([r.instansi for r in best])} sebesar "
                                 f"{_pct(best[0].opd.capaian, best[0].opd.desimal)}%. ") if best else "")
                               + "Capaian kinerja setiap perangkat daerah adalah rata-rata capaian sasarannya, sebagaimana "
                                 "tercantum dalam LKjIP perangkat daerah tersebut.",
            "kalimat_predikat": (f"Dari {total} indikator kinerja sasaran perangkat daerah, "
                                 + "; ".join(f"{counts.get(label, 0)} indikator berpredikat {label}" for label in labels if counts.get(label))
                                 + (f"; dan {counts['-']} indikator tanpa capaian" if counts.get("-") else "") + ".") if total
                                else "Belum ada indikator yang dapat direkap.",
            "kalimat_cascading": (f"Sebanyak {n_linked} indikator sasaran perangkat daerah terhubung ke sasaran RPJMD dan "
                                  f"{len(unlinked)} indikator belum terhubung (kolom Sasaran RPJMD pada sheet Kinerja)."),
            "kalimat_iku": (f"Pemerintah daerah menetapkan {len(rekap.pemda.iku)} indikator kinerja utama; "
                            + (f"{len(iku_tanpa)} di antaranya belum didukung indikator perangkat daerah." if iku_tanpa
                               else "seluruhnya didukung indikator perangkat daerah.")) if rekap.pemda else "",
            "kalimat_anggaran": (f"Jumlah pagu {len(rows)} perangkat daerah sebesar {g.rupiah(pagu)} dengan realisasi "
                                 f"{g.rupiah(real)} ({g.persen(_penyerapan(pagu, real))})."),
            "grafik_capaian": keys,
        },
        "teks": {},
        "tabel": tabel,
        "grafik": grafik,
        "gambar": {},
        "ada": {"pemda": rekap.pemda is not None, "grafik_predikat": "predikat" in grafik},
    }


def g_daftar(items: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1] if items else "-"


def dokumen_bytes(rekap: Rekap) -> bytes:
    """The recap document (.docx) as bytes, deterministic for the same folder."""
    data = g.render_docx(context(rekap), template_path())
    return _retitle(data, f"Rekapitulasi Capaian Kinerja Perangkat Daerah {rekap.pemerintah} Tahun {rekap.tahun}")


def _retitle(data: bytes, title: str) -> bytes:
    """The document's title property (render_docx names an OPD report), every entry otherwise as written."""
    from xml.sax.saxutils import escape

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dc:title>)[^<]*(</dc:title>)", lambda m: m.group(1) + escape(title).encode() + m.group(2), body)
            dst.writestr(info, body)
    return out.getvalue()
