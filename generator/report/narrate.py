"""Sentences written from the figures, in natural Indonesian, varying with the data.

Every function returns plain text (or a list of blocks); staff text from the Narasi sheet
always takes precedence over what is written here (see `context`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..base.contract import LEVEL_ANGGARAN
from ..base.contract import normalize_header as _norm_nama
from ..base.formatting import bilangan, nilai, persen, rupiah, tanggal, terbilang
from ..base.model import Laporan
from ..base.numbers import BELUM_DINILAI
from ..compute.hasil import SCALE_NAMES, Capaian, Hasil, HasilIndikator, HasilNode, Jumlah, bagi_status, round_half_up


def blok(*paragraphs: str, jenis: str = "paragraf") -> list[dict]:
    return [{"jenis": jenis, "teks": p} for p in paragraphs if p]


def butir(items: list[str], jenis: str = "butir") -> list[dict]:
    return [{"jenis": jenis, "teks": t} for t in items if t]


def dengan_satuan(value_text: str, satuan: str) -> str:
    """A value with its unit as the reports write it: `80%`, `12 dokumen`, an index bare."""
    s = (satuan or "").strip()
    if not s or value_text == "-" or s.lower() in ("indeks", "index", "nilai", "predikat", "skor", "angka"):
        return value_text
    if s == "%":
        return value_text + "%"
    return f"{value_text} {s}"


def status_kalimat(cap: Capaian) -> str:
    if cap.status == "melampaui":
        return "melampaui target yang ditetapkan"
    if cap.status == "tercapai":
        return "tepat memenuhi target yang ditetapkan"
    if cap.status == "tidak_tercapai":
        return "belum mencapai target yang ditetapkan"
    return ""


def kalimat_capaian(h: HasilIndikator, tahun: int) -> str:
    ind = h.indikator
    t = dengan_satuan(nilai(h.target), ind.satuan)
    r = dengan_satuan(nilai(h.realisasi), ind.satuan)
    if h.capaian.nilai is None:
        if h.capaian.status == "tidak_tercapai":
            return (f"Indikator {ind.nama} pada tahun {tahun} ditargetkan {t} dan terealisasi {r}, "
                    "sehingga target belum tercapai (capaian nilai kualitatif tidak dinyatakan dalam persen).")
        if h.realisasi is None and h.target is not None:
            return f"Indikator {ind.nama} ditargetkan {t} pada tahun {tahun}, namun realisasinya belum tersedia sehingga capaiannya belum dapat diukur."
        if h.realisasi == BELUM_DINILAI:  # "realisasi Belum ada penilaian" reads as a form, not a sentence
            ditarget = f"ditargetkan {t} pada tahun {tahun}, namun " if h.target is not None else f"pada tahun {tahun} "
            return f"Indikator {ind.nama} {ditarget}belum dinilai, sehingga capaiannya belum dapat diukur."
        return f"Indikator {ind.nama} (target {t}, realisasi {r}) tidak dihitung capaiannya karena {h.capaian.alasan}."
    polar = " (indikator dengan polaritas negatif: makin rendah realisasi makin baik)" if ind.polaritas == "Negatif" else ""
    return (f"Indikator {ind.nama} dengan target {t} terealisasi {r}{polar}, sehingga capaian kinerjanya "
            f"{persen(h.capaian.nilai)} dengan predikat {h.predikat}. Capaian ini {status_kalimat(h.capaian)}.")


def kalimat_tren(h: HasilIndikator, tahun: int) -> str:
    ind = h.indikator
    if h.tahun_lalu is None:
        return f"Realisasi indikator {ind.nama} pada tahun-tahun sebelumnya belum tersedia, sehingga perbandingan antartahun belum dapat disajikan."
    r0 = dengan_satuan(nilai(h.realisasi_lalu), ind.satuan)
    r1 = dengan_satuan(nilai(h.realisasi), ind.satuan)
    if h.pertumbuhan is None:
        if h.realisasi == BELUM_DINILAI and h.realisasi_lalu == BELUM_DINILAI:
            return f"Indikator {ind.nama} belum dinilai, baik pada tahun {tahun} maupun tahun {h.tahun_lalu}."
        if isinstance(h.realisasi, str) or isinstance(h.realisasi_lalu, str):
            same = h.realisasi == h.realisasi_lalu
            return (f"Realisasi indikator {ind.nama} tahun {tahun} adalah {r1}, "
                    f"{'sama dengan' if same else 'dibandingkan'} tahun {h.tahun_lalu} ({r0}).")
        return f"Realisasi indikator {ind.nama} tahun {tahun} adalah {r1}, sedangkan tahun {h.tahun_lalu} sebesar {r0}."
    g = round_half_up(h.pertumbuhan)
    better = (g > 0) if ind.polaritas != "Negatif" else (g < 0)
    if g == 0:
        arah = "tidak berubah dibandingkan"
        nilai_kalimat = ""
    else:
        arah = ("meningkat" if g > 0 else "menurun") + " dibandingkan"
        nilai_kalimat = f" atau {'naik' if g > 0 else 'turun'} {persen(abs(h.pertumbuhan))}"
    makna = "" if g == 0 else (" Perubahan ini menunjukkan perbaikan kinerja." if better else " Perubahan ini menunjukkan penurunan kinerja yang perlu mendapat perhatian.")
    return f"Realisasi tahun {tahun} sebesar {r1} {arah} tahun {h.tahun_lalu} sebesar {r0}{nilai_kalimat}.{makna}"


def kalimat_renstra(h: HasilIndikator, tahun: int, akhir: int) -> str:
    ind = h.indikator
    if h.target_akhir is None:
        return f"Target akhir periode Renstra untuk indikator {ind.nama} belum tersedia, sehingga capaian terhadapnya belum dapat dihitung."
    ta = dengan_satuan(nilai(h.target_akhir), ind.satuan)
    cap = h.capaian_renstra
    if cap is None or cap.nilai is None:
        return f"Target akhir periode Renstra (tahun {akhir}) untuk indikator {ind.nama} adalah {ta}; capaian terhadapnya belum dapat dihitung."
    if round_half_up(cap.nilai) >= 100:
        tail = "sehingga target akhir periode Renstra telah tercapai."
    else:
        tail = f"sehingga masih diperlukan upaya untuk mencapai target akhir periode Renstra pada tahun {akhir}."
    return (f"Dibandingkan dengan target akhir Renstra tahun {akhir} sebesar {ta}, realisasi sampai dengan tahun {tahun} "
            f"mencapai {persen(cap.nilai)}, {tail}")


def kalimat_standar(h: HasilIndikator) -> str:
    ind = h.indikator
    if ind.standar is None:  # said only when staff wrote "tidak ada": a blank cell states nothing
        if not ind.standar_tidak_ada:
            return ""
        return f"Belum terdapat standar nasional untuk indikator {ind.nama}, sehingga perbandingan dengan standar nasional tidak dapat dilakukan."
    s = dengan_satuan(nilai(ind.standar), ind.satuan)
    cap = h.capaian_standar
    if cap is None or cap.nilai is None:
        return f"Standar nasional indikator {ind.nama} adalah {s}."
    return f"Dibandingkan standar nasional sebesar {s}, realisasi indikator {ind.nama} mencapai {persen(cap.nilai)} dari standar."


def kalimat_rata_sasaran(hn: HasilNode, desimal: int = 2) -> str:
    """The sentence before a sasaran's table: its capaian, or why it has none."""
    inds = hn.indikator
    if not inds:
        return "Sasaran ini belum memiliki indikator kinerja, sehingga capaiannya tidak dapat diukur."
    ada = [h for h in inds if h.capaian.nilai is not None]
    if hn.capaian is None or not ada:
        why = "; ".join(f"{h.indikator.nama}: {_alasan(h)}" for h in inds)
        return (f"Capaian sasaran ini belum dapat diukur karena tidak ada indikatornya yang capaiannya dapat dinyatakan "
                f"dalam persen ({why}). Target dan realisasinya disajikan pada tabel berikut.")
    nilai_ = persen(hn.capaian, desimal)
    if len(inds) == 1:
        return f"Capaian sasaran ini adalah {nilai_} dengan predikat {hn.predikat}, sebagaimana tabel berikut."
    if len(ada) < len(inds):
        tidak = [h for h in inds if h.capaian.nilai is None]
        return (f"Rata-rata capaian sasaran ini, dihitung dari {bilangan(len(ada))} dari {bilangan(len(inds))} indikator "
                f"yang capaiannya dapat diukur, adalah {nilai_} dengan predikat {hn.predikat}; "
                + "; ".join(f"{h.indikator.nama} belum dapat diukur ({_alasan(h)})" for h in tidak)
                + ". Rinciannya sebagaimana tabel berikut.")
    return f"Rata-rata capaian sasaran ini adalah {nilai_} dengan predikat {hn.predikat}, sebagaimana tabel berikut."


def kalimat_efisiensi(hn: HasilNode, metode: str) -> str:
    if hn.anggaran is None:
        return "Belum ada anggaran program/kegiatan yang dialokasikan untuk sasaran ini, sehingga efisiensinya belum dapat dianalisis."
    j = hn.anggaran
    base = (f"Untuk mencapai sasaran ini dialokasikan anggaran {rupiah(j.pagu)} dengan realisasi {rupiah(j.realisasi)} "
            f"atau penyerapan {persen(j.penyerapan)}")
    if hn.efisiensi is None:
        if hn.capaian is None and metode != "sisa":
            return base + ". Efisiensinya belum dapat dihitung karena capaian sasaran ini belum dapat diukur."
        return base + "."
    e = persen(hn.efisiensi)
    if metode == "sisa":
        return base + f", sehingga tingkat efisiensi (100% dikurangi penyerapan) sebesar {e}."
    if metode == "rasio":
        return base + (f". Dibandingkan dengan capaian kinerja {persen(hn.capaian)}, rasio penyerapan terhadap capaian "
                       f"sebesar {e} dengan kategori {hn.efisiensi_label}.")
    kata = {"Efisien": "efisien", "Sesuai Anggaran": "sesuai anggaran (capaian sama dengan penyerapan)"}.get(
        hn.efisiensi_label, "belum efisien")
    return base + (f". Dengan capaian kinerja {persen(hn.capaian)}, selisih capaian terhadap penyerapan adalah {e}, "
                   f"sehingga penggunaan sumber daya dinilai {kata}.")


def metode_efisiensi_teks(metode: str) -> str:
    return {
        "sisa": "Efisiensi dihitung sebagai 100% dikurangi persentase penyerapan anggaran.",
        "rasio": ("Efisiensi dihitung sebagai rasio penyerapan anggaran terhadap capaian kinerja (penyerapan / capaian × 100) "
                  "dengan kriteria: di atas 100 Tidak Efisien; di atas 90 s.d. 100 Kurang Efisien; di atas 80 s.d. 90 Cukup "
                  "Efisien; di atas 60 s.d. 80 Efisien; 60 ke bawah Sangat Efisien."),
    }.get(metode, "Efisiensi dihitung sebagai selisih capaian kinerja dengan persentase penyerapan anggaran; nilai positif berarti efisien, nol berarti sesuai anggaran, negatif berarti tidak efisien.")


def rumus_teks(lap: Laporan) -> list[dict]:
    neg = ("(2 × target − realisasi) / target × 100% (Modul Pengukuran Kinerja KemenPAN)"
           if lap.pengaturan.rumus_negatif != "sipd" else "target / realisasi × 100%")
    paras = blok(
        "Pengukuran capaian kinerja dilakukan dengan membandingkan realisasi dengan target setiap indikator kinerja.",
    )
    paras += butir([
        "Indikator dengan polaritas positif (makin tinggi makin baik): capaian = realisasi / target × 100%.",
        f"Indikator dengan polaritas negatif (makin rendah makin baik): capaian = {neg}.",
        "Indikator dengan target kualitatif (mis. AA, A, BB, WTP): capaian 100% bila realisasi sama dengan atau lebih baik dari target.",
        "Capaian sasaran adalah rata-rata capaian indikatornya; capaian instansi adalah rata-rata capaian sasaran.",
    ])
    if lap.pengaturan.batas_capaian is not None:
        paras += blok(f"Capaian dibatasi paling tinggi {persen(lap.pengaturan.batas_capaian)}.")
    paras += blok(f"Predikat capaian memakai skala {SCALE_NAMES.get(lap.pengaturan.skala_predikat, '')} sebagaimana tabel berikut.")
    return paras


def ringkasan(hasil: Hasil) -> list[dict]:
    lap = hasil.laporan
    p = lap.profil
    tujuan = list(lap.nodes("Tujuan"))
    sasaran = list(lap.nodes("Sasaran"))
    n_ind = sum(len(s.indikator) for s in sasaran)
    out = blok(
        f"Laporan Kinerja {p.instansi} Tahun {p.tahun} menyajikan capaian kinerja atas Perjanjian Kinerja Tahun {p.tahun} "
        f"dan Rencana Strategis {p.periode[0]}-{p.periode[1]}. {p.instansi} menetapkan {bilangan(len(tujuan))} tujuan dan "
        f"{bilangan(len(sasaran))} sasaran strategis dengan {bilangan(n_ind)} indikator kinerja sasaran, dengan capaian sebagai berikut:",
    )
    items = []
    for s in sasaran:
        for ind in s.indikator:
            h = hasil.of_indikator(ind)
            t = dengan_satuan(nilai(h.target), ind.satuan)
            r = dengan_satuan(nilai(h.realisasi), ind.satuan)
            cap = persen(h.capaian.nilai) if h.capaian.nilai is not None else "tidak dihitung"
            if h.realisasi == BELUM_DINILAI:
                items.append(f"Sasaran {s.uraian}, indikator {ind.nama}: target {t}, belum dinilai.")
                continue
            items.append(f"Sasaran {s.uraian}, indikator {ind.nama}: target {t}, realisasi {r}, capaian {cap}"
                         + (f" ({h.predikat})." if h.capaian.nilai is not None else f" ({h.capaian.alasan})."))
    out += butir(items, "nomor")
    out += blok(kalimat_capaian_instansi(hasil))
    t = hasil.total
    out += blok(
        f"Untuk mendukung pencapaian kinerja tersebut, pada tahun {p.tahun} {p.instansi} mengelola anggaran sebesar "
        f"{rupiah(t.pagu)} ({terbilang(t.pagu)}) dengan realisasi {rupiah(t.realisasi)} atau penyerapan "
        f"{persen(t.penyerapan)}, sehingga sisa anggaran {rupiah(t.sisa)}."
    )
    return out


def terukur(hasil: Hasil) -> tuple[list[HasilIndikator], list[HasilIndikator]]:
    """Sasaran indicators: (those with a capaian in %, those without one)."""
    total = [h for h in hasil.indikator if h.node.level == "Sasaran"]
    return [h for h in total if h.capaian.nilai is not None], [h for h in total if h.capaian.nilai is None]


def cakupan_instansi(hasil: Hasil) -> str:
    """`, dihitung dari 2 (dua) dari 4 (empat) indikator ...` when some sasaran indicators have no capaian."""
    ada, tidak = terukur(hasil)
    if not tidak or not ada:
        return ""
    return (f", dihitung dari {bilangan(len(ada))} dari {bilangan(len(ada) + len(tidak))} indikator kinerja sasaran yang "
            f"capaiannya dapat diukur")


def _alasan(h: HasilIndikator) -> str:
    return h.capaian.alasan or "capaian tidak dinyatakan dalam persen"


def kalimat_capaian_instansi(hasil: Hasil) -> str:
    p = hasil.laporan.profil
    ada, tidak = terukur(hasil)
    if hasil.capaian_instansi is None:
        return (f"Capaian kinerja {p.instansi} tahun {p.tahun} belum dapat dihitung karena belum ada indikator kinerja "
                f"sasaran yang capaiannya dapat diukur.")
    out = (f"Capaian kinerja {p.instansi} tahun {p.tahun} secara keseluruhan adalah {persen(hasil.capaian_instansi)} "
           f"dengan predikat {hasil.predikat_instansi}{cakupan_instansi(hasil)}.")
    if tidak and ada:
        out += " Indikator yang belum dapat diukur: " + "; ".join(f"{h.indikator.nama} ({_alasan(h)})" for h in tidak) + "."
    return out


def kesimpulan(hasil: Hasil) -> list[dict]:
    out = [kalimat_capaian_instansi(hasil)]
    total = [h for h in hasil.indikator if h.node.level == "Sasaran"]
    met, unmet, unmeasured = bagi_status(total)
    if total:
        head = f"Dari {bilangan(len(total))} indikator kinerja sasaran, "
        nama = nama_indikator(total)
        out.append(head + rincian_status(
            len(met), len(unmet), len(unmeasured),
            "; ".join(f"{nama[id(h)]}: {persen(h.capaian.nilai) if h.capaian.nilai is not None else _alasan(h)}" for h in unmet),
            "; ".join(f"{nama[id(h)]}: {_alasan(h)}" for h in unmeasured), kata="indikator ") + ".")
    t = hasil.total
    out.append(f"Realisasi anggaran mencapai {rupiah(t.realisasi)} dari pagu {rupiah(t.pagu)} atau {persen(t.penyerapan)}.")
    if hasil.efisiensi_instansi is not None:
        out.append(f"Tingkat efisiensi penggunaan sumber daya adalah {persen(hasil.efisiensi_instansi)}{kategori(hasil.efisiensi_label)}.")
    return butir(out, "nomor")


def nama_indikator(hasil: list[HasilIndikator]) -> dict[int, str]:
    """Each indicator's name as a list prints it; a name that repeats names its program/kegiatan too."""
    from collections import Counter

    names = [_norm_nama(h.indikator.nama) for h in hasil]
    seen = Counter(names)
    return {id(h): (f"{h.indikator.nama} ({h.node.level.lower()} {h.node.uraian})" if seen[key] > 1
                    else h.indikator.nama) for h, key in zip(hasil, names)}


def rincian_status(met: int, unmet: int, none: int, unmet_detail: str = "", none_detail: str = "",
                   kata: str = "") -> str:
    """What was measured first, then what was not: `2 (dua) indikator telah mencapai …, 1 (satu) belum …`;
    never "0 (nol)": `belum ada yang mencapai target`. Details are the `(…)` lists."""
    ud = f" ({unmet_detail})" if unmet_detail else ""
    nd = f" ({none_detail})" if none_detail else ""
    if met + unmet + none == 1:  # one indicator: what it is, without counting
        return ("telah mencapai atau melampaui target" if met else f"belum mencapai target{ud}" if unmet
                else f"belum dapat diukur{nd}")
    parts = []
    if met:
        parts.append(f"{bilangan(met)} {kata}telah mencapai atau melampaui target")
        if unmet:
            parts.append(f"{bilangan(unmet)} {kata}belum mencapai target{ud}")
    elif unmet:
        parts.append(f"belum ada {kata}yang mencapai target{ud}" if not none else
                     f"{bilangan(unmet)} {kata}yang terukur belum mencapai target{ud}")
    if none:
        parts.append(f"{bilangan(none)} {kata}belum dapat diukur{nd}" if met or unmet else
                     f"belum ada {kata}yang dapat diukur{nd}")
    return daftar(parts)


def kategori(label: str) -> str:
    """` (Efisien)` after an efficiency figure, nothing when the method has no categories."""
    return f" ({label})" if label and label != "-" else ""


def saran(hasil: Hasil) -> list[dict]:
    unmet = [h for h in hasil.indikator if h.node.level == "Sasaran" and h.capaian.status == "tidak_tercapai"]
    items = [f"Meningkatkan upaya pencapaian indikator {h.indikator.nama} yang pada tahun ini baru mencapai "
             f"{persen(h.capaian.nilai) if h.capaian.nilai is not None else 'sebagian target'}." for h in unmet]
    items.append("Menjaga konsistensi antara perencanaan, penganggaran dan pengukuran kinerja agar setiap rupiah anggaran terhubung dengan sasaran strategis.")
    items.append("Melakukan pemantauan capaian rencana aksi secara berkala (triwulanan) sehingga kendala dapat diatasi lebih awal.")
    return butir(items, "nomor")


def kata_pengantar(lap: Laporan) -> list[dict]:
    p = lap.profil
    return blok(
        f"Laporan Kinerja Instansi Pemerintah (LKjIP) {p.instansi} Tahun {p.tahun} disusun sebagai wujud pertanggungjawaban "
        f"atas pelaksanaan tugas pokok dan fungsi serta pencapaian sasaran strategis yang telah ditetapkan dalam Perjanjian "
        f"Kinerja Tahun {p.tahun}, sesuai Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja "
        f"Instansi Pemerintah dan Peraturan Menteri PANRB Nomor 53 Tahun 2014.",
        "Laporan ini menyajikan capaian setiap indikator kinerja, perbandingannya dengan tahun sebelumnya dan dengan target "
        "jangka menengah, analisis efisiensi penggunaan sumber daya, serta realisasi anggaran yang mendukungnya.",
        f"Kami menyadari laporan ini masih jauh dari sempurna. Semoga laporan ini bermanfaat sebagai bahan evaluasi dan "
        f"perbaikan kinerja {p.instansi} pada tahun-tahun berikutnya.",
    )


def latar_belakang(lap: Laporan) -> list[dict]:
    p = lap.profil
    return blok(
        "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP) mewajibkan "
        "setiap instansi pemerintah menyusun laporan kinerja sebagai bentuk pertanggungjawaban atas penggunaan anggaran dan "
        "pencapaian sasaran strategis.",
        f"Laporan Kinerja {p.instansi} Tahun {p.tahun} menyajikan pengukuran kinerja berdasarkan Perjanjian Kinerja Tahun "
        f"{p.tahun}, yang merupakan penjabaran Rencana Strategis {p.instansi} Tahun {p.periode[0]}-{p.periode[1]}.",
    )


def maksud_tujuan(lap: Laporan) -> list[dict]:
    p = lap.profil
    return blok("Laporan Kinerja ini disusun dengan maksud dan tujuan:") + butir([
        f"memberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah dan seharusnya dicapai oleh {p.instansi};",
        "menjadi bahan evaluasi dan perbaikan perencanaan serta pelaksanaan program dan kegiatan tahun berikutnya;",
        "mendorong peningkatan akuntabilitas dan kinerja organisasi.",
    ], "nomor")


# The regulations the default Dasar Hukum cites: (text, in force from, in force until (exclusive) or None).
# A report cites only those in force on its date (tanggal_laporan): before PermenPANRB 88/2021, 12/2015.
DASAR_HUKUM: tuple[tuple[str, dt.date, dt.date | None], ...] = (
    ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;", dt.date(2014, 10, 2), None),
    ("Peraturan Pemerintah Nomor 8 Tahun 2006 tentang Pelaporan Keuangan dan Kinerja Instansi Pemerintah;",
     dt.date(2006, 3, 3), None),
    ("Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah;",
     dt.date(2014, 4, 21), None),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 tentang Petunjuk Teknis "
     "Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah;",
     dt.date(2014, 12, 2), None),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 12 Tahun 2015 tentang Pedoman "
     "Evaluasi atas Implementasi Sistem Akuntabilitas Kinerja Instansi Pemerintah;", dt.date(2015, 3, 26), dt.date(2021, 12, 31)),
    ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 88 Tahun 2021 tentang Evaluasi "
     "Akuntabilitas Kinerja Instansi Pemerintah;", dt.date(2021, 12, 31), None),
)


def tanggal_acuan(lap: Laporan) -> dt.date:
    """The date the report speaks from: tanggal_laporan, else the end of January after its year."""
    p = lap.profil
    return p.tanggal_laporan or dt.date((p.tahun or dt.date.today().year) + 1, 1, 31)


def dasar_hukum(lap: Laporan) -> list[dict]:
    on = tanggal_acuan(lap)
    items = [text for text, start, end in DASAR_HUKUM if start <= on and (end is None or on < end)]
    items[-1] = items[-1].rstrip(";") + "."
    return butir(items, "nomor")


_GAMBAR_BAGIAN = ("peta_wilayah", "gambaran_umum", "dokumentasi", "lampiran")
_TEKS_BAGIAN = ("tugas_fungsi", "gambaran_umum", "struktur_organisasi", "sumber_daya", "isu_strategis", "strategi",
                "arah_kebijakan", "iku", "permasalahan", "solusi", "realisasi_anggaran")


def ada_bagian(lap: Laporan) -> dict[str, bool]:
    """The template's flags for the optional parts that come straight from the workbook's sheets
    (staff text, pictures, Pegawai, Rencana_Aksi); `context` adds those that depend on its tables."""
    gambar = {g.bagian for g in lap.gambar}
    return {
        "sdm": bool(lap.pegawai), "rencana_aksi": bool(lap.rencana_aksi), "logo": "logo" in gambar,
        "struktur_organisasi": "struktur_organisasi" in gambar,
        **{f"gambar_{k}": k in gambar for k in _GAMBAR_BAGIAN},
        **{f"teks_{k}": k in lap.narasi for k in _TEKS_BAGIAN},
    }


def bagian_opsional(ada: dict) -> dict[str, bool]:
    """Which optional parts of the outline this report prints, from the template's flags: the one rule
    for the generated Sistematika and for the check of a Sistematika typed by staff."""
    return {
        "tugas_fungsi": bool(ada.get("teks_tugas_fungsi") or ada.get("teks_struktur_organisasi") or ada.get("struktur_organisasi")
                             or ada.get("bagan")),
        "gambaran_umum": bool(ada.get("teks_gambaran_umum") or ada.get("sdm") or ada.get("gambar_peta_wilayah")
                              or ada.get("gambar_gambaran_umum")),
        "isu_strategis": bool(ada.get("teks_isu_strategis")),
        "strategi": bool(ada.get("teks_strategi") or ada.get("teks_arah_kebijakan")),
        "program_kinerja": bool(ada.get("program_kinerja")),
        "rencana_aksi": bool(ada.get("rencana_aksi")),
        "dokumentasi": bool(ada.get("gambar_dokumentasi") or ada.get("gambar_lampiran")),
    }


def sistematika(lap: Laporan, ada: dict | None = None) -> list[dict]:
    """The outline of the report, naming only the parts this report prints (`ada`: the template's flags)."""
    opsional = bagian_opsional(ada or {})
    bab1 = ["latar belakang", "maksud dan tujuan", "dasar hukum"]
    if opsional["tugas_fungsi"]:
        bab1.append("tugas, fungsi dan struktur organisasi")
    if opsional["gambaran_umum"]:
        bab1.append("gambaran umum organisasi")
    if opsional["isu_strategis"]:
        bab1.append("isu strategis")
    bab1.append("sistematika penyajian")
    bab2 = ["rencana strategis"]
    if opsional["strategi"]:
        bab2.append("strategi dan arah kebijakan")
    bab2 += ["indikator kinerja utama"] + (["rencana kinerja tahunan"] if ada and ada.get("rkt") else []) + \
        ["Perjanjian Kinerja"]
    bab3 = ["capaian kinerja organisasi beserta analisisnya"]
    if opsional["program_kinerja"]:
        bab3.append("capaian indikator program dan kegiatan")
    bab3.append("realisasi anggaran")
    lampiran = ["Perjanjian Kinerja"] + (["Indikator Kinerja Utama"] if ada and ada.get("tabel_ganda") else [])  # issue 20.8
    if ada and ada.get("cascading"):
        lampiran.append("matriks cascading kinerja")
    if opsional["rencana_aksi"]:
        lampiran.append("Rencana Aksi")
    if opsional["dokumentasi"]:
        lampiran.append("dokumentasi")
    return blok("Sistematika penyajian Laporan Kinerja ini adalah sebagai berikut:") + butir([
        f"Bab I Pendahuluan: {daftar(bab1)}.",
        f"Bab II Perencanaan Kinerja: {daftar(bab2)}.",
        f"Bab III Akuntabilitas Kinerja: {daftar(bab3)}.",
        "Bab IV Penutup: kesimpulan dan langkah perbaikan ke depan.",
        f"Lampiran: {daftar(lampiran)}.",
    ], "butir")


def tujuan_sasaran(lap: Laporan) -> list[dict]:
    p = lap.profil
    out = []
    for t in lap.nodes("Tujuan"):
        sas = [s for s in t.anak if s.level == "Sasaran"]
        out += blok(f"Tujuan \u201c{t.uraian}\u201d dijabarkan ke dalam {bilangan(len(sas))} sasaran strategis:")
        out += butir([s.uraian + (" — indikator: " + "; ".join(i.nama for i in s.indikator) if s.indikator else "") for s in sas], "nomor")
    out += blok(f"Target tujuan dan sasaran selama periode Renstra {p.periode[0]}-{p.periode[1]} disajikan pada tabel berikut.")
    return out


def pk_pengantar(lap: Laporan) -> str:
    p = lap.profil
    tgl = f" pada tanggal {tanggal(p.tanggal_pk)}" if p.tanggal_pk else ""
    return (f"Perjanjian Kinerja Tahun {p.tahun} ditandatangani oleh {p.kepala_jabatan} selaku Pihak Pertama dan "
            f"{p.atasan_jabatan} selaku Pihak Kedua{tgl}. Perjanjian ini memuat sasaran, indikator dan target kinerja yang "
            f"menjadi dasar pengukuran dalam laporan ini, beserta program dan anggaran yang mendukungnya.")


def daftar(parts: list[str]) -> str:
    """`a`, `a dan b`, `a, b dan c`."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " dan " + parts[-1]


def anggaran_pengantar(hasil: Hasil) -> str:
    lap = hasil.laporan
    p = lap.profil
    counts = []
    levels = LEVEL_ANGGARAN
    for unit in lap.unit:
        lines = [ln for prog in unit.program for ln in prog.walk()]
        ada = {lvl: sum(1 for ln in lines if ln.level == lvl and hasil.jumlah[ln].pagu > 0) for lvl in levels}
        nol = {lvl: sum(1 for ln in lines if ln.level == lvl and hasil.jumlah[ln].pagu == 0) for lvl in levels}
        text = f"{unit.nama} melaksanakan " + daftar([f"{bilangan(ada[lvl])} {lvl.lower()}" for lvl in levels
                                                          if ada[lvl] or lvl != "Sub Kegiatan"])
        batal = [f"{bilangan(nol[lvl])} {lvl.lower()}" for lvl in levels if nol[lvl]]
        if batal:
            text += f" yang beranggaran, sedangkan {daftar(batal)} lainnya berpagu nol (dibatalkan)"
        counts.append(text)
    t = hasil.total
    return (f"Dalam Tahun Anggaran {p.tahun}, " + "; ".join(counts) + ". "
            f"Jumlah pagu anggaran sebesar {rupiah(t.pagu)} ({terbilang(t.pagu)}) dengan realisasi {rupiah(t.realisasi)} "
            f"atau {persen(t.penyerapan)}, sehingga sisa anggaran sebesar {rupiah(t.sisa)}.")


def unit_kalimat(hasil: Hasil) -> str:
    if len(hasil.unit) < 2:
        return ""
    best = max(hasil.unit, key=lambda u: u[1].penyerapan or Decimal(0))
    worst = min(hasil.unit, key=lambda u: u[1].penyerapan or Decimal(0))
    return (f"Penyerapan tertinggi dicapai {best[0]} ({persen(best[1].penyerapan)}) dan terendah {worst[0]} "
            f"({persen(worst[1].penyerapan)}).")


def belanja_kalimat(hasil: Hasil) -> str:
    parts = []
    for g in hasil.belanja:
        j: Jumlah = g.jumlah
        parts.append(f"{g.kelompok} dengan anggaran {rupiah(j.pagu)} terealisasi {rupiah(j.realisasi)} ({persen(j.penyerapan)})")
    if not parts:
        return ""
    out = "Menurut jenis belanja, " + "; ".join(parts) + "."
    b, t = hasil.belanja_total, hasil.total
    if b is not None and (b.pagu != t.pagu or b.realisasi != t.realisasi):
        out += (f" Total menurut jenis belanja (anggaran {rupiah(b.pagu)}, realisasi {rupiah(b.realisasi)}) berbeda dari "
                f"total rincian program, kegiatan dan sub kegiatan (anggaran {rupiah(t.pagu)}, realisasi {rupiah(t.realisasi)}) "
                f"sebesar {rupiah(b.pagu - t.pagu)} dan {rupiah(b.realisasi - t.realisasi)}; laporan ini memakai total rincian "
                "program, kegiatan dan sub kegiatan.")
    return out


def paragraf_efisiensi(hasil: Hasil) -> list[dict]:
    lap = hasil.laporan
    t = hasil.total
    out = blok(metode_efisiensi_teks(lap.pengaturan.metode_efisiensi))
    if hasil.efisiensi_instansi is not None:
        out += blok(f"Secara keseluruhan, dengan penyerapan anggaran {persen(t.penyerapan)} dan capaian kinerja "
                    f"{persen(hasil.capaian_instansi)}, tingkat efisiensi {lap.profil.instansi} adalah "
                    f"{persen(hasil.efisiensi_instansi)}{kategori(hasil.efisiensi_label)}.")
    return out


def sdm_kalimat(hasil: Hasil) -> str:
    sdm = hasil.sdm
    if not sdm:
        return ""
    status = ", ".join(f"{k} {bilangan(v)} orang" for k, v in sdm.status)
    return (f"Jumlah pegawai {hasil.laporan.profil.instansi} sebanyak {bilangan(sdm.jumlah)} orang, terdiri atas {status}. "
            "Rinciannya menurut golongan, pendidikan dan eselon disajikan pada tabel berikut.")
