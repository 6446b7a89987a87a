"""The template context: a plain, JSON-able dict holding every figure, sentence and table of the report.

`lkjip context WORKBOOK` prints it. All numbers here are already formatted strings;
tables are specs (`kolom`, `baris`, `lanskap`) that the renderer lays out as Word tables,
charts are specs (`data`) that the renderer draws. Staff text (Narasi) wins over
generated text for every part.
"""

from __future__ import annotations

from ..base.formatting import bilangan, persen, rupiah, tanggal, terbilang
from ..base.specs import Grafik, Tabel
from ..compute.hasil import SCALE_NAMES, Hasil
from . import layout, narrate
from . import tabel_anggaran as ta
from . import tabel_kinerja as tk
from .program_kinerja import program_kinerja_table
from .tabel_kinerja import blocks

TITIK_TANGGAL = "." * 30  # no tanggal_pk: a dotted line to date the Perjanjian Kinerja by hand, not "-"


def teks(hasil: Hasil, ada: dict) -> dict[str, list[dict]]:
    """Every part of the narrative: the staff's text (Narasi) where given, else lkjip's own."""
    lap, h = hasil.laporan, hasil
    staff = {k: blocks(v.blok) for k, v in lap.narasi.items()}
    generated = {
        "kata_pengantar": narrate.kata_pengantar(lap),
        "ringkasan_eksekutif": narrate.ringkasan(h),
        "latar_belakang": narrate.latar_belakang(lap),
        "maksud_tujuan": narrate.maksud_tujuan(lap),
        "dasar_hukum": narrate.dasar_hukum(lap),
        "sistematika": narrate.sistematika(lap, ada),
        "pengukuran": narrate.rumus_teks(lap),
        "efisiensi": narrate.paragraf_efisiensi(h),
        "kesimpulan": narrate.kesimpulan(h),
        "saran": narrate.saran(h),
        "tujuan_sasaran": narrate.tujuan_sasaran(lap),
        "realisasi_anggaran": narrate.blok(narrate.anggaran_pengantar(h)),
    }
    out = dict(generated)
    out.update(staff)
    if "ringkasan_eksekutif" not in staff and ("permasalahan" in staff or "solusi" in staff) and \
            lap.pengaturan.tabel_ganda == "Ya":
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


def build_context(hasil: Hasil) -> dict:
    """The full template context (JSON-able): the table functions assembled under their context keys."""
    lap = hasil.laporan
    p = lap.profil
    t = hasil.total
    d = lap.pengaturan.desimal
    tables: dict[str, Tabel | None] = {}  # in the order of the report; None: not printed
    charts: dict[str, Grafik | None] = {}
    kalimat: dict[str, str] = {}
    sdm = tk.sdm_tables(hasil)
    if sdm is not None:
        tables["sdm_golongan"], tables["sdm_eselon"] = sdm
    tables["renstra"] = tk.renstra_table(hasil)
    tables["rpjmd"] = tk.rpjmd_table(hasil)
    tables["iku"] = tk.iku_table(hasil, f"Indikator Kinerja Utama {p.instansi}")
    tables["pk_kinerja"] = tk.pk_kinerja_table(hasil)
    tables["pk_anggaran"], pk_kalimat = ta.pk_anggaran_table(hasil, lampiran=False)
    kalimat.update(pk_kalimat)
    tables["rkt"] = tk.rkt_table(hasil)
    tables["skala"] = tk.skala_table(hasil)
    tables["capaian_tujuan"], kalimat["capaian_tujuan"], _ = tk.capaian_tujuan_table(hasil)
    tables["capaian"] = tk.capaian_table(hasil)
    charts["capaian"] = tk.capaian_chart(hasil)
    sasaran, sasaran_tables = tk.sasaran_sections(hasil)
    tables.update(sasaran_tables)
    tables["tren"], kalimat["tren"], charts["tren"] = tk.tren_table(hasil)
    tables["renstra_akhir"], kalimat["renstra_akhir"], _ = tk.renstra_akhir_table(hasil)
    tables["standar"], standar_kosong = tk.standar_table(hasil)
    tables["analisis"], kalimat["analisis"], _ = tk.analisis_table(hasil)
    tables["efisiensi"] = ta.efisiensi_table(hasil)
    tables["program"] = ta.program_table(hasil)
    tables["program_kinerja"], program_kinerja = program_kinerja_table(hasil)
    tables["belanja"] = ta.belanja_table(hasil)
    tables["anggaran_unit"], kalimat["satu_unit"], charts["anggaran"] = ta.unit_table(hasil)
    tables["anggaran_rinci"] = ta.rinci_table(hasil)
    tables["lampiran_pk_kinerja"] = tk.pk_kinerja_table(hasil)
    tables["lampiran_pk_anggaran"], pk_kalimat = ta.pk_anggaran_table(hasil, lampiran=True)
    kalimat.update(pk_kalimat)
    tables["lampiran_pk_perubahan"], kalimat["pk_perubahan"], _ = ta.pk_perubahan_table(hasil)
    tables["lampiran_iku"] = tk.iku_table(hasil, f"Indikator Kinerja Utama {p.instansi} (Definisi dan Formula)")
    tables["rencana_aksi"] = tk.rencana_aksi_table(hasil)
    tables["cascading"] = tk.cascading_table(hasil)
    tabel = {k: v for k, v in tables.items() if v is not None}
    grafik = {k: v for k, v in charts.items() if v is not None}
    gambar: dict[str, list[dict]] = {}
    for g in lap.gambar:
        gambar.setdefault(g.bagian, []).append({"berkas": str(g.berkas), "keterangan": g.keterangan})
    n_ind = sum(len(s.indikator) for s in lap.nodes("Sasaran"))
    ada = {
        **narrate.ada_bagian(lap), "belanja": bool(hasil.belanja), "standar": "standar" in tabel,
        "standar_kosong": standar_kosong,
        "program": "program" in tabel, "program_kinerja": "program_kinerja" in tabel,
        "visi": bool(p.visi), "misi": bool(p.misi), "rpjmd": "rpjmd" in tabel,
        "tabel_ganda": lap.pengaturan.tabel_ganda == "Ya", "cascading": "cascading" in tabel,
        "rkt": "rkt" in tabel,
    }
    from . import bagan

    top, pelaksana = bagan.struktur(lap.pegawai)
    ada["bagan"] = top is not None and "struktur_organisasi" not in gambar  # the staff's own picture wins
    isi_teks = teks(hasil, ada)
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
            "capaian_instansi": persen(hasil.capaian_instansi, d), "predikat_instansi": hasil.predikat_instansi,
            "pagu": rupiah(t.pagu), "realisasi": rupiah(t.realisasi), "sisa": rupiah(t.sisa), "penyerapan": persen(t.penyerapan, d),
            "pagu_terbilang": terbilang(t.pagu), "efisiensi": persen(hasil.efisiensi_instansi, d),
            "efisiensi_label": hasil.efisiensi_label, "skala_predikat": SCALE_NAMES.get(lap.pengaturan.skala_predikat, ""),
            "kalimat_capaian_instansi": narrate.kalimat_capaian_instansi(hasil),
            "kalimat_tren": kalimat.get("tren", ""), "kalimat_renstra_akhir": kalimat.get("renstra_akhir", ""),
            "kalimat_analisis": kalimat.get("analisis", ""), "kalimat_pk_perubahan": kalimat.get("pk_perubahan", ""), "kalimat_capaian_tujuan": kalimat.get("capaian_tujuan", ""), "kalimat_satu_unit": kalimat.get("satu_unit", ""), "kalimat_pagu_pk": kalimat.get("pagu_pk", ""), "kalimat_pagu_saat_ini": kalimat.get("pagu_saat_ini", ""),
            "kalimat_unit": narrate.unit_kalimat(hasil), "kalimat_belanja": narrate.belanja_kalimat(hasil),
            "kalimat_sdm": narrate.sdm_kalimat(hasil), "kalimat_pk": narrate.pk_pengantar(lap),
        },
        "teks": isi_teks,
        "sasaran": sasaran,
        "program_kinerja": program_kinerja,
        "tabel": {k: layout.tanpa_kolom_kosong(x) for k, x in tabel.items()},
        "grafik": grafik,
        "gambar": gambar,
        "bagan": {"struktur": bagan.as_dict(top) if top is not None else None, "pelaksana": pelaksana},
        "ada": ada,
    }


def context_json(hasil: Hasil) -> str:
    import json

    def plain(value: object) -> object:
        return value.as_dict() if isinstance(value, (Tabel, Grafik)) else str(value)

    return json.dumps(build_context(hasil), ensure_ascii=False, indent=2, default=plain)
