"""Kecamatan Raas (Kabupaten Sumenep), LKjIP 2020 -> the standard workbook.

Source: ../shared/seeds/lkjip-kecamatan-raas-2020.txt. Renstra period 2016-2021 (the RPJMD
Kabupaten Sumenep 2016-2021 the report names); the report's own target tables give 2018-2020.
The report's mistakes and contradictions are entered with the value its detail supports and
a cell note (comment) saying what the report printed.

Run from the project root:  python workbooks/src/raas_2020.py
"""

from __future__ import annotations

import datetime as dt

from _fill import add_rows, cell_of, new_workbook, note, save, set_profile

TAHUN = 2020
RENSTRA = (2016, 2021)
INSTANSI = "Kecamatan Raas"

wb = new_workbook(TAHUN, RENSTRA)

# ------------------------------------------------------------------ Profil

VISI = ("Sumenep Semakin Sejahtera dengan Pemerintahan yang Mandiri, Agamis, Nasionalis, Transparan, "
        "Adil dan Profesional (SUPER MANTAP)")
set_profile(wb, {
    "pemerintah": "Pemerintah Kabupaten Sumenep",
    "instansi": INSTANSI,
    "tahun": TAHUN,
    "periode_renstra": f"{RENSTRA[0]}-{RENSTRA[1]}",
    "alamat": "Jl. Pelabuhan Panggung No. 08, Sumenep 69485",
    "telepon": "(0327) 811550",
    "kota": "Sumenep",
    "tanggal_laporan": dt.date(2021, 2, 9),
    "kepala_nama": "Ir. AGUS SUPRAYOGI",
    "kepala_jabatan": "Camat Raas",
    "kepala_nip": "19640825 199202 1 001",
    "kepala_pangkat": "Pembina Tingkat I (IV/b)",
    "atasan_nama": "Dr. KH. A. BUSYRO KARIM, M.Si",
    "atasan_jabatan": "Bupati Sumenep",
    "tanggal_pk": dt.date(2020, 11, 20),
    "visi": VISI,
    "misi": "Meningkatkan kultur dan tata kelola pemerintahan yang profesional dan akuntabel",
})


def profil_ref(key: str) -> str:
    ws = wb["Profil"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == key:
            return f"B{r}"
    raise KeyError(key)


note(wb, "Profil", profil_ref("visi"),
     "Laporan menulis visi dalam dua versi: Bab II.A.1 'Sumenep Semakin Sejahtera dengan Pemerintahan yang "
     "Mandiri, Agamis, Nasionalis, Transparan, Adil dan Profesional' (dipakai di sini), sedangkan Bab II.B.1 "
     "'Sumenep Makin Sejahtera Dengan Pemerintah Yang Bersih, Mandiri, Agamis, Nasionalis, Transparan, Adil Dan Profesional'.")
note(wb, "Profil", profil_ref("tanggal_laporan"),
     "Surat pengantar bertanggal '09 Pebuari 2021' (salah eja), Kata Pengantar '09 Pebruari 2021'; ejaan baku: 9 Februari 2021.")
note(wb, "Profil", profil_ref("tanggal_pk"),
     "Tanggal Perjanjian Kinerja Perubahan Tahun 2020 (Sumenep, 20 November 2020). Tanggal PK awal tidak dimuat dalam laporan.")
note(wb, "Profil", profil_ref("periode_renstra"),
     "Laporan mengacu pada RPJMD Kabupaten Sumenep Tahun 2016-2021, tetapi menyebutnya 'ditetapkan dengan Peraturan "
     "Daerah Nomor 5 tahun 2012' (tahun Perda tidak mungkin untuk RPJMD 2016-2021). Tabel target Renstra hanya memuat 2018-2020.")
note(wb, "Profil", profil_ref("kepala_pangkat"),
     "Pangkat 'Pembina Tingkat I' dari tanda tangan PK; golongan IV/b dari Tabel I.C.2 (Eselonisasi).")
note(wb, "Profil", profil_ref("alamat"),
     "Kop surat: Jl. Pelabuhan Panggung No. 08 Telp. (0327) 811550 SUMENEP, Kode Pos 69485.")

set_profile(wb, {"skala_predikat": "permendagri86", "metode_efisiensi": "selisih"}, sheet="Pengaturan")

# ------------------------------------------------------------------ Kinerja

PROG_ADM = "Program Peningkatan Manajemen dan Pelayanan Administrasi"
PROG_DESA = "Program Pembinaan dan Peningkatan Kapasitas Aparatur Desa"
KEG_TRANTIB = "Peningkatan kapasitas aparatur pemerintahan, ketentraman dan ketertiban umum"
KEG_PMD = "Pemberdayaan dan pembinaan masyarakat desa"

COVID = "Kegiatan tidak dapat dilaksanakan sehubungan Covid-19."
PAK = ("Pagu anggaran kegiatan dialihkan melalui Perubahan Anggaran Kegiatan (PAK) penggeseran antar kegiatan "
       "karena bencana nasional Covid-19.")


def sasaran_row(kode, uraian, indikator, satuan, target, real3, akhir, iku, analisis, solusi=""):
    row = {
        "Level": "Sasaran", "Kode": kode, "Uraian": uraian, "Indikator": indikator, "Satuan": satuan,
        "Polaritas": "Positif", "IKU": "Ya" if iku else "Tidak", "PK": "Ya",
        "Target 2020": target,
        "Realisasi 2018": real3[0], "Realisasi 2019": real3[1], "Realisasi 2020": real3[2],
        "Target Akhir Renstra": akhir, "Analisis": analisis,
    }
    if solusi:
        row["Solusi"] = solusi
    return row


def program_row(kode, uraian, indikator):
    return {"Level": "Program", "Kode": kode, "Uraian": uraian, "Indikator": indikator, "Satuan": "%",
            "Polaritas": "Positif", "Target 2020": 100, "Realisasi 2020": 100}


def kegiatan_row(kode, uraian, indikator, satuan, target, real, analisis="", solusi=""):
    row = {"Level": "Kegiatan", "Kode": kode, "Uraian": uraian, "Indikator": indikator, "Satuan": satuan,
           "Polaritas": "Positif", "Target 2020": target, "Realisasi 2020": real}
    if analisis:
        row["Analisis"] = analisis
    if solusi:
        row["Solusi"] = solusi
    return row


K: dict[str, int] = {}  # kode (or key) -> worksheet row


def put(key: str, row: dict) -> int:
    r = add_rows(wb, "Kinerja", [row])[0]
    K[key] = r
    return r


# Tujuan
put("T1", {
    "Level": "Tujuan", "Kode": "T1", "Uraian": "Mewujudkan tata kelola pemerintahan yang baik dan akuntabel",
    "Indikator": "Nilai Survey Kepuasan Masyarakat (SKM)", "Satuan": "%", "Polaritas": "Positif",
    "IKU": "Tidak", "PK": "Tidak",
    "Target 2020": 80, "Realisasi 2018": 80, "Realisasi 2019": 80, "Realisasi 2020": 80, "Target Akhir Renstra": 80,
    "Analisis": ("Target 80% terealisasi 80% atau tercapai 100%. Keberhasilan kinerja tujuan mewujudkan tata kelola "
                 "pemerintahan yang baik dan akuntabel ditunjang oleh keberhasilan kinerja sasaran-sasarannya; "
                 "kegagalannya dipengaruhi sasaran 1 (Indeks Reformasi Birokrasi belum ada penilaian) dan sasaran 2 "
                 "(dua kegiatan tidak dapat dilaksanakan karena Covid-19)."),
    "Solusi": PAK,
})
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["T1"], "Uraian"),
     "Renstra (Tabel II.B.1/II.B.2) menyebut satu sasaran 'Meningkatnya Kualitas Pelayanan Pemerintah Daerah' dengan "
     "indikator 'Persentase kepuasan pelayanan publik kecamatan' (target 80% 2018-2020) dan 'Persentase peningkatan "
     "sumber daya aparatur' (target 100% 2018-2020), tanpa realisasi di mana pun. Pengukuran kinerja (Bab III) memakai "
     "5 sasaran strategis Perjanjian Kinerja (kolom 'Strategi' Tabel II.B.1); kelima sasaran itulah yang diisi di sini.")
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["T1"], "Satuan"),
     "Tabel III.A.2 memberi satuan % untuk indikator 'Nilai' SKM.")

# Sasaran 1
put("S1", sasaran_row(
    "S1", "Meningkatnya Kualitas Pelaksanaan Reformasi Birokrasi", "Indeks Reformasi Birokrasi", "Nilai",
    "B", ("Belum ada penilaian",) * 3, "B", True,
    ("Dengan indikator Indeks Reformasi Birokrasi dan target nilai B, realisasinya belum ada penilaian sehingga capaian "
     "tidak ada nilai. Sasaran ditunjang Program Peningkatan Manajemen dan Pelayanan Administrasi (capaian 100%). "
     "Kegiatan Peringatan Hari-Hari Besar (Peringatan Hari Proklamasi Kemerdekaan dan Penyelenggaraan Pameran "
     "Pembangunan) tidak dapat dilaksanakan karena bencana nasional Covid-19."),
    "Melakukan Perubahan Anggaran Kegiatan (PAK) penggeseran antar kegiatan yang disebabkan adanya bencana nasional "
    "yaitu Penyakit Covid-19."))
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S1"], "Uraian"),
     "Laporan menulis 'Reformasi Biokrasi' di seluruh tabel; dibetulkan menjadi 'Birokrasi' (Lampiran PK: 'Indeks RB').")
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S1"], "Realisasi 2020"),
     "Tabel III.E.1 mencetak penyerapan '0%' dan efisiensi '0,00%' pada baris sasaran ini, padahal alokasinya '-' dan "
     "capaiannya '-' (tidak dapat dihitung): seharusnya '-'.")
put("P1.1", program_row("I.1.1.1", PROG_ADM, "Pemenuhan Kebutuhan Penunjang Perangkat Daerah"))
S1_KEG = [
    ("I.1.1.1.1", "Penyediaan jasa surat menyurat", "Jumlah surat menyurat yang diadministrasikan", "Surat", 500, 1287, ""),
    ("I.1.1.1.2", "Penyediaan jasa komunikasi, sumber daya air dan listrik",
     "Jumlah Rekening Penyediaan Jasa Komunikasi Sumber daya air dan Listrik", "Rekening", 2, 2, ""),
    ("I.1.1.1.3", "Penyediaan bahan dan jasa kebersihan kantor",
     "Jumlah kebutuhan bahan kebersihan dan jasa kebersihan kantor", "Jenis", 14, 14, ""),
    ("I.1.1.1.4", "Penyediaan komponen instalasi listrik/ penerangan bangunan kantor",
     "Jumlah komponen listrik yang diadakan", "Jenis", 12, 12, ""),
    ("I.1.1.1.5", "Penyediaan bahan bacaan dan peraturan perundang-undangan",
     "Jumlah bahan bacaan dan peraturan perundang-undangan", "Eksemplar", 24, 24, ""),
    ("I.1.1.1.6", "Penyediaan makanan dan minuman", "Jumlah tersedianya makanan dan minuman", "Rapat", 12, 7,
     "Menyediakan makanan dan minuman rapat-rapat serta minuman harian pegawai: terealisasi 7 kali rapat dari target 12 kali rapat."),
    ("I.1.1.1.7", "Rapat-rapat koordinasi dan konsultasi", "Jumlah kegiatan rapat koordinasi dan konsultasi", "Kali", 82, 73,
     "Koordinasi dan konsultasi melalui perjalanan dinas dalam daerah terealisasi 71 dari target 80 kali; "
     "perjalanan dinas luar daerah terealisasi 2 dari target 2 kali."),
    ("I.1.1.1.8", "Peringatan Hari-Hari Besar (Peringatan Hari Proklamasi Kemerdekaan)",
     "Jumlah kegiatan peringatan hari-hari besar yang dilaksanakan", "Kegiatan", 1, 0, COVID),
    ("I.1.1.1.9", "Peringatan Hari-Hari Besar (Penyelenggaraan Pameran Pembangunan)",
     "Jumlah kegiatan peringatan hari-hari besar yang dilaksanakan", "Kegiatan", 1, 0, COVID),
    ("I.1.1.1.10", "Penyediaan Jasa Layanan Perkantoran", "Jumlah personel layanan perkantoran yang ditugaskan",
     "Personel", 2, 2, ""),
    ("I.1.1.1.11", "Pembangunan Gedung Kantor (Pembangunan Plank Nama Kantor)", "Jumlah bangunan kantor yang dipelihara",
     "Bangunan", 1, 1, ""),
    ("I.1.1.1.12", "Pengadaan Peralatan dan Perlengkapan Gedung Kantor/rumah dinas",
     "Jumlah pengadaan peralatan dan perlengkapan kantor yang dibeli", "Unit", 37, 37, ""),
    ("I.1.1.1.13", "Pemeliharaan rutin/berkala gedung kantor/rumah dinas (Pemeliharaan Rutin / Berkala Gedung Kantor)",
     "Jumlah bangunan gedung kantor yang dipelihara", "Bangunan", 2, 2, ""),
    ("I.1.1.1.14", "Pemeliharaan rutin/berkala gedung kantor/rumah dinas (Pemeliharaan Rutin / Berkala Rumah Dinas)",
     "Jumlah bangunan rumah dinas yang dipelihara", "Bangunan", 1, 1, ""),
    ("I.1.1.1.15", "Pemeliharaan rutin/berkala kendaraan dinas/operasional",
     "Jumlah kendaraan dinas/operasional yang dipelihara", "Unit", 7, 7, ""),
    ("I.1.1.1.16", "Pemeliharaan rutin/berkala peralatan dan perlengkapan gedung kantor/rumah dinas",
     "Jumlah peralatan dan perlengkapan gedung kantor yang dipelihara", "Unit", 8, 8, ""),
]
for kode, uraian, ind, sat, t, r, an in S1_KEG:
    put(kode, kegiatan_row(kode, uraian, ind, sat, t, r, an, PAK if an == COVID else ""))

# Sasaran 2
put("S2", sasaran_row(
    "S2", "Meningkatkan Pemberdayaan Kelompok Masyarakat Desa",
    "Persentase Kelompok Masyarakat Desa yang dapat diberdayakan", "%", 79, (79, 79, 79), 79, False,
    ("Target 79% terealisasi 79% atau tercapai 100%, ditunjang Program Pembinaan dan Peningkatan Kapasitas Aparatur "
     "Desa melalui kegiatan Pemberdayaan dan pembinaan masyarakat desa (Sosialisasi Pembentukan BUMDes). Dua kegiatan, "
     "yaitu Pembinaan Lembaga/Organisasi PKK Desa dan Forum Komunikasi Ulama dan Umaro, tidak dapat dilaksanakan "
     "karena Covid-19."),
    "Melakukan Perubahan Anggaran Kegiatan (PAK) penggeseran antar kegiatan yang disebabkan adanya bencana nasional "
    "yaitu Penyakit Covid-19."))
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S2"], "Analisis"),
     "Bagian III.D.b dan III.F.2.b menulis untuk sasaran ini 'target 2 kegiatan, tidak terealisasi, atau tercapai 0%', "
     "bertentangan dengan Tabel III.A.1 (79/79, 100%). Angka itu menyangkut dua kegiatan yang dibatalkan (PKK dan Forum "
     "Komunikasi Ulama dan Umaro), bukan indikator sasaran.")
put("P2.1", program_row("I.2.1.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.2.1.1.1", kegiatan_row("I.2.1.1.1", f"{KEG_PMD} (Pembinaan Lembaga / Organisasi PKK Desa)",
                              "Jumlah kegiatan pembinaan yang dilaksanakan", "Kali", 1, 0, COVID, PAK))
put("I.2.1.1.2", kegiatan_row("I.2.1.1.2", f"{KEG_PMD} (Forum Komunikasi Ulama dan Umaro)",
                              "Jumlah kegiatan pertemuan forum yang dilaksanakan", "Kali", 1, 0, COVID, PAK))
put("I.2.1.1.3", kegiatan_row("I.2.1.1.3", f"{KEG_PMD} (Sosialisasi Pembentukan BUMDes)",
                              "Jumlah kegiatan sosialisasi yang dilaksanakan", "Kali", 1, 1))

# Sasaran 3
put("S3", sasaran_row(
    "S3", "Meningkatnya rencana pembangunan berbasis masyarakat",
    "Persentase hasil Musrenbangcam disetujui di tingkat kabupaten", "%", 80, (67, 67, 67), 80, True,
    ("Target 80% terealisasi 67% atau tercapai 84%. Sasaran ditunjang Program Pembinaan dan Peningkatan Kapasitas "
     "Aparatur Desa melalui kegiatan Monitoring dan Pembinaan Musrenbangdes (1 kali pembinaan) dan Pelaksanaan "
     "Musrenbangcam (1 kali pertemuan), masing-masing sesuai target.")))
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S3"], "Realisasi 2020"),
     "Tabel III.F.1 (baris I.3.1) mencetak realisasi 72% dan capaian 90%, bertentangan dengan Tabel III.A.1, III.B.1, "
     "III.C.1, III.E.1 dan uraian III.D/III.F (realisasi 67%, capaian 84% = 67/80 = 83,75%). Diisi 67.")
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S3"], "Indikator"),
     "Laporan mengeja 'Musrembangcam' dan 'Musrenbangcam' bergantian; dipakai 'Musrenbangcam'.")
put("P3.1", program_row("I.3.1.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.3.1.1.1", kegiatan_row("I.3.1.1.1", f"{KEG_PMD} (Monitoring dan Pembinaan Musrenbangdes)",
                              "Jumlah kegiatan pembinaan yang dilaksanakan", "Kali", 1, 1))
put("I.3.1.1.2", kegiatan_row("I.3.1.1.2", f"{KEG_PMD} (Pelaksanaan Musrenbangcam)",
                              "Jumlah kegiatan pertemuan yang dilaksanakan", "Kali", 1, 1))

# Sasaran 4 (two indicators)
put("S4", sasaran_row(
    "S4", "Terciptanya keamanan, ketentraman dan ketertiban masyarakat",
    "Persentase penurunan pelanggaran terhadap Perda dan Perbup", "%", 25, (25, 25, 25), 25, False,
    ("Target 25% terealisasi 25% atau tercapai 100%, ditunjang kegiatan Desk dan Monitoring Pemilihan Bupati dan Wakil "
     "Bupati Sumenep Tahun 2020, Pelantikan BPD se-Kecamatan Raas Masa Bakti 2020-2026, Pembinaan Administrasi Desa, "
     "Sosialisasi Tugas dan Fungsi Perangkat Desa, Sosialisasi Penundaan Usia Perkawinan dan Sosialisasi Pembinaan "
     "Wira Usaha Muda.")))
r = sasaran_row(
    "", "", "Persentase gangguan keamanan, ketentraman dan ketertiban masyarakat dapat diselesaikan", "%",
    80, (80, 80, 80), 80, False,
    "Target 80% terealisasi 80% atau tercapai 100%, ditunjang kegiatan Forum Pimpinan Kecamatan (4 kali rapat dari target 4 kali).")
del r["Kode"], r["Uraian"]
put("S4b", r)
put("P4.1", program_row("I.4.1.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.4.1.1.1", kegiatan_row("I.4.1.1.1", f"{KEG_TRANTIB} (Desk dan Monitoring Pemilihan Bupati dan Wakil Bupati Sumenep Tahun 2020)",
                              "Jumlah kegiatan yang dilaksanakan", "Kali", 1, 1))
put("I.4.1.1.2", kegiatan_row("I.4.1.1.2", f"{KEG_TRANTIB} (Pelantikan BPD Se Kecamatan Raas Masa Bakti 2020-2026)",
                              "Jumlah kegiatan pelantikan yang dilaksanakan", "Kali", 1, 1))
put("I.4.1.1.3", kegiatan_row("I.4.1.1.3", f"{KEG_TRANTIB} (Pembinaan Administrasi Desa)",
                              "Jumlah kegiatan pembinaan yang dilaksanakan", "Kali", 1, 1))
put("I.4.1.1.4", kegiatan_row("I.4.1.1.4", f"{KEG_TRANTIB} (Sosialisasi Tugas dan Fungsi Perangkat Desa)",
                              "Jumlah kegiatan sosialisasi yang dilaksanakan", "Kali", 1, 1))
put("I.4.1.1.5", kegiatan_row("I.4.1.1.5", f"{KEG_PMD} (Sosialisasi Penundaan Usia Perkawinan)",
                              "Jumlah kegiatan sosialisasi yang dilaksanakan", "Kali", 1, 1))
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["I.4.1.1.5"], "Realisasi 2020"),
     "Uraian III.F.1.d menulis 'Terealisasi 2 kali sosialisasi, Atas target 2 kali sosialisasi'; Tabel II.B.1 dan III.F.1 "
     "mencetak target 1 kali dan realisasi 1 kali. Diisi 1/1.")
put("I.4.1.1.6", kegiatan_row("I.4.1.1.6", f"{KEG_PMD} (Sosialisasi Pembinaan Wira Usaha Muda)",
                              "Jumlah kegiatan sosialisasi yang dilaksanakan", "Kali", 1, 1))
put("P4.2", program_row("I.4.2.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.4.2.1.1", kegiatan_row("I.4.2.1.1", f"{KEG_TRANTIB} (Forum Pimpinan Kecamatan)",
                              "Jumlah kegiatan rapat yang dilaksanakan", "Kali", 4, 4))

# Sasaran 5 (two indicators)
put("S5", sasaran_row(
    "S5", "Meningkatnya penyelenggaraan urusan pemerintahan umum",
    "Persentase laporan penyelenggaraan Pemerintahan Desa tepat waktu", "%", 100, (100, 100, 100), 100, False,
    ("Target 100% terealisasi 100% atau tercapai 100%, ditunjang kegiatan Fasilitasi dan Monitoring Pelaksanaan Bantuan "
     "ADD dan DD (9 desa dari target 9 desa) dan Administrasi Penunjang Bantuan Dana ADD dan TPAPD (4 kali dari target 4 kali).")))
r = sasaran_row(
    "", "", "Persentase sarana dan prasarana pelayanan umum yang memerlukan pemeliharaan dikoordinasikan ke Instansi "
    "leading sektor", "%", 100, (100, 100, 100), 100, False,
    "Target 100% terealisasi 100% atau tercapai 100%, ditunjang kegiatan Pelayanan Administrasi Terpadu Kecamatan "
    "(PATEN) sebanyak 7 kali pembinaan dari target 7 kali.")
del r["Kode"], r["Uraian"]
put("S5b", r)
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["S5b"], "Indikator"),
     "Tabel-tabel Bab II dan III menulis 'pemeriharaan'; Lampiran PK menulis 'pemeliharaan' (dipakai di sini).")
put("P5.1", program_row("I.5.1.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.5.1.1.1", kegiatan_row("I.5.1.1.1", f"{KEG_PMD} (Fasilitasi dan Monitoring Pelaksanaan Bantuan ADD dan DD)",
                              "Jumlah pemerintah desa yang difasilitasi", "Desa", 9, 9))
put("I.5.1.1.2", kegiatan_row("I.5.1.1.2", f"{KEG_PMD} (Administrasi Penunjang Bantuan Dana ADD dan TPAPD)",
                              "Jumlah kegiatan administrasi yang dilaksanakan", "Kali", 4, 4))
put("P5.2", program_row("I.5.2.1", PROG_DESA, "Peningkatan Sumber Daya Aparatur Desa"))
put("I.5.2.1.1", kegiatan_row("I.5.2.1.1", "Peningkatan pelayanan publik (Pelayanan Administrasi Terpadu Kecamatan (PATEN))",
                              "Jumlah kegiatan pembinaan yang dilaksanakan", "Kali", 7, 7))

# Notes on kegiatan figures the report prints inconsistently.
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["I.1.1.1.1"], "Realisasi 2020"),
     "Tabel II.B.1/III.F.1: target 500 surat, realisasi 1287 surat, capaian 257%. Uraian III.F.1.a menulis 'Terealisasi "
     "000 surat Atas target 1.287 surat' (angka tertukar/rusak) dan 'terealisasi 257%, atas target 100%'. Tabel III.E.1 "
     "mencetak target/realisasi/capaian 100%/100%/100% untuk kegiatan ini.")
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["I.1.1.1.6"], "Realisasi 2020"),
     "Tabel III.F.1: 12 rapat / 7 rapat, capaian 58% (7/12 = 58,33%). Tabel III.E.1 mencetak capaian 100% untuk kegiatan ini.")
note(wb, "Kinerja", cell_of(wb, "Kinerja", K["I.1.1.1.7"], "Realisasi 2020"),
     "Tabel III.F.1: 82 kali / 73 kali, capaian 89% (73/82 = 89,02%). Uraian III.F.1.a menulis 'Capaian sebesar 92%' "
     "(salah) dengan rincian 71 dari 80 perjalanan dalam daerah + 2 dari 2 luar daerah (= 73 dari 82). Tabel III.E.1 "
     "mencetak capaian 100%.")
for k in ("I.1.1.1.8", "I.1.1.1.9", "I.2.1.1.1", "I.2.1.1.2"):
    note(wb, "Kinerja", cell_of(wb, "Kinerja", K[k], "Realisasi 2020"),
         "Tabel III.F.1: realisasi 'Kegiatan tidak dapat dilaksanakan sehubungan Covid-19', capaian 'Pagu Anggaran "
         "Kegiatan di PAK PENGGESERAN antar Kegiatan'. Diisi 0 (bagian III.D.b: 'tidak terealisasi, atau tercapai 0%').")

# ------------------------------------------------------------------ Anggaran
# Tabel III.G.1 (= PK Perubahan: Program I 310.928.700, Program II 144.436.500, jumlah 455.365.200).
# Sasaran: program lines -> the Tujuan (each program serves several sasaran); kegiatan lines of Program I ->
# its Kinerja program row I.1.1.1 (Tabel III.E.1 measures them with the program's 100% as Sasaran 1 has no
# capaian); kegiatan lines of Program II -> the sasaran Tabel III.E.1 places them under.

A = []  # (kode, level, uraian, pagu, realisasi, persen printed, sasaran)
A.append(("I", "Program", PROG_ADM, None, None, 95.30, "T1"))
A += [
    ("I.1", "Kegiatan", "Penyediaan jasa surat menyurat", 7_111_000, 7_111_000, 100.00, "I.1.1.1"),
    ("I.2", "Kegiatan", "Penyediaan jasa komunikasi, sumber daya air dan listrik", 15_000_000, 5_280_000, 35.20, "I.1.1.1"),
    ("I.3", "Kegiatan", "Penyediaan bahan dan jasa kebersihan kantor", 8_562_000, 8_562_000, 100.00, "I.1.1.1"),
    ("I.4", "Kegiatan", "Penyediaan komponen instalasi listrik/ penerangan bangunan kantor", 5_027_000, 5_027_000, 100.00, "I.1.1.1"),
    ("I.5", "Kegiatan", "Penyediaan bahan bacaan dan peraturan perundang-undangan", 6_000_000, 5_500_000, 91.67, "I.1.1.1"),
    ("I.6", "Kegiatan", "Penyediaan makanan dan minuman", 21_980_000, 21_980_000, 100.00, "I.1.1.1"),
    ("I.7", "Kegiatan", "Rapat-rapat koordinasi dan konsultasi", 19_877_000, 17_032_000, 85.69, "I.1.1.1"),
    ("I.8", "Kegiatan", "Peringatan Hari-Hari Besar (Peringatan Hari Proklamasi Kemerdekaan)", 0, 0, None, "I.1.1.1"),
    ("I.9", "Kegiatan", "Peringatan Hari-Hari Besar (Penyelenggaraan Pameran Pembangunan)", 0, 0, None, "I.1.1.1"),
    ("I.10", "Kegiatan", "Penyediaan Jasa Layanan Perkantoran", 7_200_000, 7_200_000, 100.00, "I.1.1.1"),
    ("I.11", "Kegiatan", "Pembangunan Gedung Kantor (Pembangunan Plank Nama Kantor)", 18_000_000, 18_000_000, 100.00, "I.1.1.1"),
    ("I.12", "Kegiatan", "Pengadaan Peralatan dan Perlengkapan Gedung Kantor/rumah dinas", 62_572_000, 62_572_000, 100.00, "I.1.1.1"),
    ("I.13", "Kegiatan", "Pemeliharaan rutin/berkala gedung kantor/rumah dinas (Pemeliharaan Rutin / Berkala Gedung Kantor)",
     81_539_000, 81_539_000, 100.00, "I.1.1.1"),
    ("I.14", "Kegiatan", "Pemeliharaan rutin/berkala gedung kantor/rumah dinas (Pemeliharaan Rutin / Berkala Rumah Dinas)",
     30_320_700, 30_320_700, 100.00, "I.1.1.1"),
    ("I.15", "Kegiatan", "Pemeliharaan rutin/berkala kendaraan dinas/operasional", 25_210_000, 23_660_000, 93.85, "I.1.1.1"),
    ("I.16", "Kegiatan", "Pemeliharaan rutin/berkala peralatan dan perlengkapan gedung kantor/rumah dinas",
     2_530_000, 2_530_000, 100.00, "I.1.1.1"),
]
A.append(("II", "Program", PROG_DESA, None, None, 97.42, "T1"))
A += [
    ("II.1", "Kegiatan", f"{KEG_TRANTIB} (Desk dan Monitoring Pemilihan Bupati dan Wakil Bupati Sumenep Tahun 2020)",
     28_454_500, 28_454_500, 100.00, "S4"),
    ("II.2", "Kegiatan", f"{KEG_TRANTIB} (Pelantikan BPD Se Kecamatan Raas Masa Bakti 2020-2026)", 7_575_000, 6_010_000, 79.34, "S4"),
    ("II.3", "Kegiatan", f"{KEG_TRANTIB} (Pembinaan Administrasi Desa)", 7_879_000, 7_379_000, 93.65, "S4"),
    ("II.4", "Kegiatan", f"{KEG_TRANTIB} (Sosialisasi Tugas dan Fungsi Perangkat Desa)", 21_021_200, 20_278_700, 96.47, "S4"),
    ("II.5", "Kegiatan", f"{KEG_TRANTIB} (Forum Pimpinan Kecamatan)", 3_600_000, 3_600_000, 100.00, "S4"),
    ("II.6", "Kegiatan", f"{KEG_PMD} (Sosialisasi Penundaan Usia Perkawinan)", 9_447_000, 9_109_500, 96.43, "S4"),
    ("II.7", "Kegiatan", f"{KEG_PMD} (Sosialisasi Pembinaan Wira Usaha Muda)", 6_848_800, 6_511_300, 95.07, "S4"),
    ("II.8", "Kegiatan", f"{KEG_PMD} (Monitoring dan Pembinaan Musrenbangdes)", 9_114_600, 9_114_600, 100.00, "S3"),
    ("II.9", "Kegiatan", f"{KEG_PMD} (Pelaksanaan Musrenbangcam)", 6_280_000, 6_280_000, 100.00, "S3"),
    ("II.10", "Kegiatan", f"{KEG_PMD} (Pembinaan Lembaga / Organisasi PKK Desa)", 0, 0, None, "S2"),
    ("II.11", "Kegiatan", f"{KEG_PMD} (Forum Komunikasi Ulama dan Umaro)", 0, 0, None, "S2"),
    ("II.12", "Kegiatan", f"{KEG_PMD} (Sosialisasi Pembentukan BUMDes)", 6_791_500, 6_589_000, 97.02, "S2"),
    ("II.13", "Kegiatan", f"{KEG_PMD} (Fasilitasi dan Monitoring Pelaksanaan Bantuan ADD dan DD)", 27_500_000, 27_500_000, 100.00, "S5"),
    ("II.14", "Kegiatan", f"{KEG_PMD} (Administrasi Penunjang Bantuan Dana ADD dan TPAPD)", 5_500_000, 5_465_000, 99.36, "S5"),
    ("II.15", "Kegiatan", "Peningkatan pelayanan publik (Pelayanan Administrasi Terpadu Kecamatan (PATEN))",
     4_424_900, 4_424_900, 100.00, "S5"),
]

ang_rows = []
for i, (kode, level, uraian, pagu, real, pct, sas) in enumerate(A):
    row = {"Kode": kode, "Level": level, "Uraian": uraian, "Sasaran": sas}
    if i == 0:
        row["Unit"] = INSTANSI
    if pagu is not None:
        row["Pagu"], row["Realisasi"] = pagu, real
    if pct is not None:
        row["Persentase"] = pct
    ang_rows.append(row)
AR = dict(zip([a[0] for a in A], add_rows(wb, "Anggaran", ang_rows)))

note(wb, "Anggaran", cell_of(wb, "Anggaran", AR["I"], "Sasaran"),
     "Kedua program mendukung beberapa sasaran di bawah satu tujuan, maka baris program ditautkan ke Tujuan T1 "
     "(baris JUMLAH Tabel III.E.1: capaian 100%, penyerapan 95,97%, efisiensi 4,03%); setiap kegiatan ditautkan tersendiri.")
note(wb, "Anggaran", cell_of(wb, "Anggaran", AR["I.1"], "Sasaran"),
     "Tabel III.E.1 menempatkan kegiatan Program I di bawah Sasaran 1, tetapi mengukur efisiensinya dengan kinerja "
     "100%/100%/100% (indikator program 'Pemenuhan Kebutuhan Penunjang Perangkat Daerah'), karena Indeks RB belum "
     "dinilai. Karena itu ditautkan ke baris program I.1.1.1 di sheet Kinerja (di bawah Sasaran S1).")
for k in ("I.8", "I.9", "II.10", "II.11"):
    note(wb, "Anggaran", cell_of(wb, "Anggaran", AR[k], "Pagu"),
         "Tabel III.G.1: pagu '-', realisasi 'Kegiatan tidak dapat dilaksanakan sehubungan Covid-19', keterangan 'Pagu "
         "Anggaran Kegiatan di PAK PENGGESERAN antar Kegiatan'. Diisi 0.")
note(wb, "Anggaran", cell_of(wb, "Anggaran", AR["I.10"], "Kode"),
     "Tabel III.G.1 melompati nomor I.10: 'Penyediaan Jasa Layanan Perkantoran' bernomor I.11 dan 'Pembangunan Gedung "
     "Kantor' tanpa nomor. Urutan Tabel III.F.1 (I.1.1.1.10, I.1.1.1.11) mendukung I.10 dan I.11.")
note(wb, "Anggaran", cell_of(wb, "Anggaran", AR["I.11"], "Kode"),
     "Tidak bernomor di Tabel III.G.1 (lihat catatan I.10).")

# ------------------------------------------------------------------ Narasi

NARASI = [
    ("kata_pengantar", "Kata Pengantar", """\
Puji dan syukur kita panjatkan kepada Allah SWT yang atas karunia dan kekuasaan-Nya kami dapat menyajikan Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2020. Laporan ini merupakan kewajiban Pemerintah Kecamatan Raas Kabupaten Sumenep sebagai bentuk pertanggungjawaban pelaksanaan tugas pokok dan fungsi serta kewenangan yang diberikan oleh Pemerintah Kabupaten Sumenep.

Laporan Kinerja Instansi Pemerintah (LKjIP) ini merupakan suatu gambaran pelaksanaan tugas yang telah dilaksanakan perangkat Kecamatan Raas Kabupaten Sumenep selama Tahun 2020. Laporan ini juga berfungsi sebagai sarana evaluasi atas pencapaian kinerja oleh Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep sebagai bahan perbaikan untuk kinerja yang lebih baik lagi.

Kami mengakui bahwa penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2020 ini masih jauh dari sempurna sehingga saran yang membangun sangat kami perlukan. Semoga laporan ini dapat bermanfaat dan menjadi bahan yang dapat dipergunakan sebagaimana mestinya."""),
    ("latar_belakang", "Latar Belakang", """\
Berdasarkan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah, maka bersama ini kami laporkan Kinerja Perangkat Daerah atas Perjanjian Kinerja yang telah disepakati sebelumnya.

Pelaporan Kinerja selain berpedoman kepada ketentuan Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi tersebut di atas, juga telah diselaraskan dengan ketentuan Peraturan Menteri Dalam Negeri Nomor 18 Tahun 2020 tentang Peraturan Pelaksanaan Peraturan Pemerintah Nomor 13 Tahun 2019 tentang Laporan dan Evaluasi Penyelenggaraan Pemerintahan Daerah.

Laporan Kinerja Instansi Pemerintah (LKjIP) selain berfungsi sebagai bentuk pertanggungjawaban dan transparansi kepada publik atas penyelenggaraan pemerintahan yang menjadi tugas dan fungsi Perangkat Daerah, juga berfungsi sebagai alat ukur untuk mengetahui kemampuan pencapaian tujuan dan sasaran Perangkat Daerah yang telah direncanakan dan diperjanjikan, serta sebagai bahan pertimbangan memutuskan kebijakan dalam rangka upaya perbaikan kinerja instansi pemerintah."""),
    ("maksud_tujuan", "Maksud dan Tujuan", """\
Maksud disusunnya Laporan Kinerja Instansi Pemerintah (LKjIP) adalah sebagai salah satu bentuk pertanggungjawaban pelaksanaan tugas dan fungsi perangkat daerah selama kurun waktu 1 (satu) tahun dalam mencapai tujuan/sasaran strategis instansi.

Tujuan penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP) selain sebagai salah satu alat kendali untuk mendorong peningkatan kinerja daerah juga untuk mendapatkan masukan dari stakeholders demi perbaikan kinerja Pemerintah Kabupaten Sumenep. Keberhasilan, permasalahan, dan solusi yang tertuang dalam Laporan Kinerja Instansi Pemerintah (LKjIP) menjadi sumber untuk bahan perbaikan perencanaan dan pelaksanaan program dan kegiatan yang akan datang."""),
    ("gambaran_umum", "Gambaran Umum Organisasi", """\
Berdasarkan Peraturan Bupati Sumenep Nomor 49 Tahun 2018 tentang Organisasi Perangkat Daerah Kecamatan, Kecamatan mempunyai kedudukan, tugas dan fungsi yang cukup strategis, merupakan wilayah kerja sebagai Perangkat Daerah yang dipimpin oleh Camat.

Sumber daya aparatur Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep dapat dikatakan cukup baik dalam segi tingkat pendidikan dari jumlah pegawai 17 (tujuh belas) personil dengan sebagian besar berpendidikan sarjana. Namun demikian kemampuan operasional akan tetap dikembangkan melalui jalur pendidikan formal maupun nonformal guna lebih meningkatkan kemampuan sumber daya aparatur Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep.

Dari eselonisasi yang ada, pada Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep telah terpenuhi struktur organisasi kecamatan sesuai Peraturan Bupati Sumenep Nomor 49 Tahun 2018 tentang Organisasi Perangkat Daerah Kecamatan."""),
    ("struktur_organisasi", "Struktur Organisasi", """\
Berdasarkan Peraturan Bupati Sumenep Nomor 49 Tahun 2018, struktur organisasi Perangkat Daerah Kecamatan terdiri atas:
- Camat;
- Sekretariat, yang membawahkan Sub Bagian Umum, Kearsipan dan Kepegawaian serta Sub Bagian Program, Perencanaan dan Keuangan;
- Seksi Tata Pemerintahan;
- Seksi Pemberdayaan Masyarakat dan Desa;
- Seksi Ketentraman dan Ketertiban Umum;
- Seksi Kesejahteraan Rakyat;
- Seksi Pelayanan Umum."""),
    ("tugas_fungsi", "Tugas dan Fungsi", """\
Berdasarkan Peraturan Daerah Kabupaten Sumenep tentang Pembentukan dan Susunan Perangkat Daerah Pemerintah Kabupaten Sumenep dan Peraturan Bupati Sumenep Nomor 49 Tahun 2018 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan, Kecamatan mempunyai tugas melaksanakan koordinasi penyelenggaraan pemerintahan umum, pelayanan publik, dan pemberdayaan masyarakat serta melaksanakan sebagian urusan pemerintahan yang dilimpahkan oleh Bupati.

Dalam menyelenggarakan tugas sebagaimana dimaksud, Camat mempunyai fungsi:
- Penyelenggaraan urusan pemerintahan umum;
- Pengoordinasian kegiatan pemberdayaan masyarakat;
- Pengoordinasian upaya penyelenggaraan ketentraman dan ketertiban umum;
- Pengoordinasian penerapan dan penegakan Perda dan Peraturan Bupati;
- Pengoordinasian pemeliharaan prasarana dan sarana pelayanan umum;
- Pengoordinasian penyelenggaraan kegiatan pemerintahan yang dilakukan oleh perangkat daerah di tingkat kecamatan;
- Pelaksanaan pembinaan dan pengawasan penyelenggaraan kegiatan desa atau sebutan lain kelurahan;
- Pelaksanaan urusan pemerintahan yang menjadi kewenangan kabupaten/kota yang tidak dilaksanakan oleh unit kerja pemerintahan daerah kabupaten yang ada di kecamatan;
- Pelaksanaan fungsi lain yang diberikan oleh Bupati; dan
- Pelaksanaan tugas lain sesuai dengan ketentuan peraturan perundang-undangan.

Uraian tugas masing-masing unit organisasi kecamatan berdasarkan Peraturan Bupati Sumenep Nomor 49 Tahun 2018 adalah sebagai berikut:
- Sekretariat mempunyai tugas menyelenggarakan urusan umum, urusan kepegawaian, urusan keuangan, urusan perencanaan dan program, dan mengoordinasikan pelaksanaan tugas satuan organisasi.
- Sub Bagian Umum, Kearsipan dan Kepegawaian mempunyai tugas menyiapkan bahan pelaksanaan urusan umum, kearsipan dan kepegawaian.
- Sub Bagian Program, Perencanaan, dan Keuangan mempunyai tugas menyiapkan bahan pelaksanaan urusan keuangan, urusan perencanaan dan program.
- Seksi Tata Pemerintahan mempunyai tugas melaksanakan urusan pemerintahan umum, membina dan mengawal pelaksanaan kegiatan desa, mengoordinasikan pelaksanaan kegiatan pemerintahan, serta melaksanakan sebagian urusan pemerintahan.
- Seksi Pemberdayaan Masyarakat dan Desa mempunyai tugas mengoordinasikan kegiatan pemberdayaan masyarakat lingkup perekonomian dan pembangunan, mengoordinasikan pemeliharaan prasarana dan sarana pelayanan umum dan melaksanakan sebagian urusan pemerintahan lingkup perekonomian dan pembangunan.
- Seksi Ketentraman dan Ketertiban Umum mempunyai tugas mengoordinasikan upaya penyelenggaraan ketentraman dan ketertiban umum, mengoordinasikan penerapan dan penegakan peraturan daerah dan peraturan bupati, dan melaksanakan sebagian urusan pemerintahan lingkup ketentraman dan ketertiban.
- Seksi Kesejahteraan Rakyat mempunyai tugas melaksanakan pengoordinasian kegiatan pemberdayaan rakyat lingkup kesejahteraan rakyat dan melaksanakan sebagian urusan pemerintahan lingkup kesejahteraan rakyat.
- Seksi Pelayanan Umum mempunyai tugas melaksanakan pelayanan umum dan melaksanakan sebagian urusan pemerintahan."""),
    ("strategi", "Strategi", """\
Dalam penyelarasan Rencana Strategis Perangkat Daerah dengan RPJMD Pemerintah Kabupaten Sumenep, sasaran Kecamatan Raas "Meningkatnya Kualitas Pelayanan Pemerintah Daerah" dicapai melalui strategi:
- Meningkatnya Kualitas Pelaksanaan Reformasi Birokrasi;
- Meningkatkan Pemberdayaan Kelompok Masyarakat Desa;
- Meningkatnya Rencana Pembangunan Berbasis Masyarakat;
- Terciptanya Keamanan, Ketentraman dan Ketertiban Masyarakat;
- Meningkatnya Penyelenggaraan Urusan Pemerintahan Umum."""),
    ("arah_kebijakan", "Arah Kebijakan", """\
Penyusunan Perencanaan Kinerja Kecamatan merupakan suatu upaya untuk mengarahkan dimensi kebijakan pemerintahan dan pembangunan, baik di Pemerintahan Kecamatan sendiri maupun secara lintas sektoral. Perencanaan kinerja Kecamatan tersebut tetap mengacu pada perencanaan kinerja Kabupaten sehingga dalam pengelolaan dan pelayanan kepada masyarakat betul-betul mengacu pada Rencana Pembangunan Jangka Menengah Daerah Kabupaten Sumenep Tahun 2016-2021 yang merupakan pedoman dalam pembangunan di Kabupaten Sumenep selama Tahun 2016-2021.

Program merupakan bentuk dari instrumen kebijakan yang berisi satu atau lebih kegiatan yang dilaksanakan oleh Perangkat Daerah. Untuk Tahun 2020 Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep telah menetapkan program yaitu:
1. Program Peningkatan Manajemen dan Pelayanan Administrasi;
2. Program Peningkatan Kapasitas Sumber Daya Aparatur;
3. Program Pembinaan dan Peningkatan Kapasitas Aparatur Desa."""),
    ("permasalahan", "Permasalahan", """\
Kegagalan kinerja tujuan mewujudkan tata kelola pemerintahan yang baik dan akuntabel dipengaruhi oleh kegagalan kinerja sasaran, di antaranya:
- Sasaran Meningkatnya Kualitas Pelaksanaan Reformasi Birokrasi: dengan indikator Indeks Reformasi Birokrasi dan target nilai B, realisasinya belum ada penilaian sehingga capaian tidak ada nilai. Kegiatan Peringatan Hari-Hari Besar (Peringatan Hari Proklamasi Kemerdekaan dan Penyelenggaraan Pameran Pembangunan) tidak dapat dilaksanakan.
- Sasaran Meningkatkan Pemberdayaan Kelompok Masyarakat Desa: kegiatan Pembinaan Lembaga/Organisasi PKK Desa dan Forum Komunikasi Ulama dan Umaro tidak dapat dilaksanakan.

Kegiatan-kegiatan tersebut tidak dapat dilaksanakan karena adanya bencana nasional, yaitu penyakit Covid-19."""),
    ("solusi", "Solusi", """\
Solusi atas kegagalan yang telah kami lakukan adalah melakukan Perubahan Anggaran Kegiatan (PAK) penggeseran antar kegiatan yang disebabkan adanya bencana nasional yaitu penyakit Covid-19.

Agar dapat mengoptimalkan kinerja dalam rangka mencapai sasaran yang ditetapkan dalam Rencana Strategis Pemerintah Daerah, Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep telah melakukan beberapa hal agar sasaran dan tujuan dapat tercapai, yaitu:
1. Melaksanakan koordinasi rutin dengan Forum Pimpinan Kecamatan dan Pemerintah Daerah yang ada di Kecamatan, agar pelaksanaan pemerintahan di wilayah Kecamatan Raas Kabupaten Sumenep dapat berjalan tertib dan kondusif;
2. Melaksanakan monitoring program-program yang dilaksanakan di Desa secara rutin;
3. Melaksanakan koordinasi rutin dengan Sekretaris Kecamatan, Kepala Seksi, Kepala Sub Bagian dan Pelaksana untuk menyukseskan program dan kegiatan yang dilaksanakan;
4. Melaksanakan evaluasi rutin terhadap program dan kegiatan yang dilaksanakan oleh Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep."""),
    ("efisiensi", "Analisis Efisiensi Penggunaan Sumber Daya", """\
Untuk mengukur tingkat efisiensi sumber daya pada Tahun 2020 dilakukan Analisis Efisiensi atas realisasi kinerja Sasaran Rencana Strategis, yaitu capaian kinerja dikurangi persentase penyerapan anggaran setiap kegiatan yang mendukungnya.

Realisasi anggaran sebesar Rp437.030.200,- dari jumlah anggaran yang ditetapkan sebesar Rp455.365.200,- berarti penyerapan anggaran sebesar 95,97% atau sisa anggaran sebesar 4,03%. Penyerapan anggaran yang bisa mencapai 95,97% menunjukkan perencanaan yang dilakukan sudah sangat baik."""),
    ("kesimpulan", "Kesimpulan", """\
Laporan Kinerja Organisasi Perangkat Daerah (OPD) Kecamatan Raas Kabupaten Sumenep Tahun 2020 ini merupakan laporan pertanggungjawaban atas pelaksanaan program dan kegiatan yang sesuai dengan tugas dan fungsi Kecamatan sebagaimana Peraturan Bupati Nomor 49 Tahun 2018. Laporan ini juga merupakan capaian kinerja (performance result) yang sesuai dengan rencana kerja (performance planning) Kecamatan Raas Tahun 2020.

Berdasarkan penilaian sendiri (self assessment) atas realisasi pelaksanaan Perjanjian Kinerja Tahun 2020, rata-rata nilai capaian kinerja dari program wajib yang dilaksanakan oleh Kecamatan adalah 100% sehingga dapat dikategorikan baik.

Pelaporan kinerja merupakan salah satu komponen manajemen kinerja yang di dalamnya menyajikan informasi mengenai keselarasan antara perencanaan dan pelaksanaan kinerja. Dalam konsep manajemen pembangunan berbasis kinerja dan perbaikan pelayanan publik, setiap Pemerintah Daerah melakukan pengukuran dan pelaporan atas kinerja institusi menggunakan indikator yang jelas dan terukur. LKjIP Kecamatan Raas Tahun 2020 ini merupakan salah satu bagian dari upaya pertanggungjawaban dan mendorong akuntabilitas publik.

Di dalam LKjIP ini dilakukan pengukuran kinerja yang didukung dengan data pendukung terkait pencapaian kinerja Tahun 2020 dan dilengkapi dengan pencapaian dari tahun ke tahun. Dari evaluasi dan analisis atas pencapaian sasaran IKU dapat dilihat bahwa Kecamatan Raas berupaya dengan gigih agar target kinerja dapat terealisasi sesuai dengan harapan."""),
    ("saran", "Saran", """\
Keberhasilan pelaksanaan program dan kegiatan tidak terlepas dari peran dan fungsi Aparatur Sipil Negara itu sendiri, sehingga kualitas dan kompetensi Aparatur Sipil Negara perlu ditingkatkan terus agar tercipta Aparatur Sipil Negara yang profesional dan meningkatkan kepercayaan masyarakat terhadap pelayanan publik di tingkat Kecamatan Raas Kabupaten Sumenep.

Kami menyadari bahwa LKjIP Kecamatan Raas Tahun 2020 ini masih jauh dari kata sempurna, oleh karena itu kami mengharapkan masukan, saran dan kritik yang membangun guna kesempurnaan penyusunan laporan ini pada masa yang akan datang. Namun kekurangan tersebut tidak menjadi halangan bagi Kecamatan Raas untuk terus mengoptimalkan target kinerja yang telah ditentukan; salah satu upaya yang dilakukan adalah peningkatan kualitas sumber daya manusia melalui optimalisasi kinerja kecamatan yang lebih kreatif dan inovatif."""),
]
NR = dict(zip([n[0] for n in NARASI], add_rows(wb, "Narasi", [{"Bagian": b, "Judul": j, "Isi": t} for b, j, t in NARASI])))
note(wb, "Narasi", cell_of(wb, "Narasi", NR["gambaran_umum"], "Isi"),
     "Kalimat laporan 'sebagian besar berpendidikan sarjana' bertentangan dengan Tabel I.C.1: sarjana (S2 2 + S1 6) = 8 "
     "dari 17 pegawai (47%). 'Telah terpenuhi struktur organisasi' bertentangan dengan Tabel I.C.2: jabatan Kepala Seksi "
     "Pelayanan Umum kosong (0).")
note(wb, "Narasi", cell_of(wb, "Narasi", NR["arah_kebijakan"], "Isi"),
     "Laporan menyebut tiga program Tahun 2020, tetapi 'Program Peningkatan Kapasitas Sumber Daya Aparatur' tidak memiliki "
     "kegiatan, indikator maupun anggaran di tabel mana pun (PK Perubahan dan Tabel III.G.1 hanya memuat dua program).")
note(wb, "Narasi", cell_of(wb, "Narasi", NR["tugas_fungsi"], "Isi"),
     "Butir h dan i fungsi Camat dalam laporan adalah satu kalimat yang terpotong ('... tidak dilaksanakan oleh unit kerja; "
     "i. Pemerintahan daerah kabupaten yang ada di kecamatan'); digabung kembali. Uraian fungsi tiap unit diringkas menjadi tugasnya.")
note(wb, "Narasi", cell_of(wb, "Narasi", NR["efisiensi"], "Isi"),
     "Laporan asli: '... penyerapan anggaran sebesar 95,97% atau efisiensi sebesar 4,03%' (= 100% - penyerapan), "
     "padahal paragraf sebelumnya dan Tabel III.E.1 mengukur efisiensi sebagai capaian - penyerapan (JUMLAH: 4,03% "
     "dari capaian 100%; rata-rata capaian sasaran sebenarnya 95,94%, efisiensi -0,04%). Ditulis 'sisa anggaran' agar "
     "teks tidak bertentangan dengan tabel efisiensi (lkjip validate: narasi.angka-berbeda).")
note(wb, "Narasi", cell_of(wb, "Narasi", NR["kesimpulan"], "Isi"),
     "'Rata-rata capaian 100%' adalah rata-rata capaian program; rata-rata capaian sasaran yang terukur (S2-S5) adalah "
     "95,94% karena Sasaran 3 hanya 83,75%.")

# ------------------------------------------------------------------ Pegawai
# Tabel I.C.1 (golongan x pendidikan, 17 orang) and Tabel I.C.2 (eselon, 8 pejabat; Kasi Pelayanan Umum kosong).

P = [
    ("Ir. AGUS SUPRAYOGI", "19640825 199202 1 001", "Camat Raas", "IV/b", "S1", "III.a", "PNS"),
    ("Pegawai 01", "", "Sekretaris Kecamatan", "III/d", "S2", "III.b", "PNS"),
    ("Pegawai 02", "", "Kepala Sub Bagian Umum, Kearsipan dan Kepegawaian", "III/a", "S1", "IV.b", "PNS"),
    ("Pegawai 03", "", "Kepala Sub Bagian Program, Perencanaan dan Keuangan", "III/b", "S1", "IV.b", "PNS"),
    ("Pegawai 04", "", "Kepala Seksi Tata Pemerintahan", "IV/b", "S2", "IV.a", "PNS"),
    ("Pegawai 05", "", "Kepala Seksi Pemberdayaan Masyarakat dan Desa", "III/d", "S1", "IV.a", "PNS"),
    ("Pegawai 06", "", "Kepala Seksi Ketentraman dan Ketertiban Umum", "III/c", "S1", "IV.a", "PNS"),
    ("Pegawai 07", "", "Kepala Seksi Kesejahteraan Rakyat", "III/b", "SLTA", "IV.a", "PNS"),
    ("Pegawai 08", "", "Pelaksana", "II/d", "SLTA", "", "PNS"),
    ("Pegawai 09", "", "Pelaksana", "II/c", "SLTA", "", "PNS"),
    ("Pegawai 10", "", "Pelaksana", "II/c", "SLTA", "", "PNS"),
    ("Pegawai 11", "", "Pelaksana", "II/c", "SLTA", "", "PNS"),
    ("Pegawai 12", "", "Pelaksana", "II/a", "SLTA", "", "PNS"),
    ("Pegawai 13", "", "Pelaksana", "I/d", "SLTP", "", "PNS"),
    ("Pegawai 14", "", "", "", "S1", "", "Sukwan"),
    ("Pegawai 15", "", "", "", "SLTA", "", "Sukwan"),
    ("Pegawai 16", "", "", "", "SLTP", "", "Sukwan"),
]
peg_rows = []
for nama, nip, jab, gol, pend, esl, status in P:
    row = {"Nama": nama, "Pendidikan": pend, "Status": status}
    for k, v in (("NIP", nip), ("Jabatan", jab), ("Golongan", gol), ("Eselon", esl)):
        if v:
            row[k] = v
    peg_rows.append(row)
add_rows(wb, "Pegawai", peg_rows)
note(wb, "Pegawai", "A2",
     "Nama 'Pegawai 01' ... 'Pegawai 16' adalah placeholder yang direkonstruksi dari tabel agregat laporan (Tabel I.C.1 "
     "golongan x pendidikan, 17 orang; Tabel I.C.2 eselon, 8 pejabat). Hanya Camat disebut namanya dalam laporan. "
     "Pembagian pendidikan di antara pejabat bergolongan sama (IV/b, III/d, III/b) tidak diketahui dan dipilih sembarang; "
     "Camat S1 (gelar Ir.). Jabatan Kepala Seksi Pelayanan Umum kosong. 'Pelaksana' untuk PNS non-eselon.")

path = save(wb, "kecamatan-raas-2020.xlsx")

# ------------------------------------------------------------------ check
if __name__ == "__main__":
    import openpyxl

    chk = openpyxl.load_workbook(path)
    ws = chk["Anggaran"]
    hdr = {c.value: c.column for c in ws[1]}
    pagu = real = 0
    for r in range(2, ws.max_row + 1):
        level = ws.cell(row=r, column=hdr["Level"]).value
        p = ws.cell(row=r, column=hdr["Pagu"]).value
        if level == "Kegiatan" and p is not None:
            pagu += p
            real += ws.cell(row=r, column=hdr["Realisasi"]).value
    print(f"leaf sums: pagu {pagu:,} (report 455,365,200)  realisasi {real:,} (report 437,030,200)".replace(",", "."))
    assert (pagu, real) == (455_365_200, 437_030_200)
    for s in chk.sheetnames:
        w = chk[s]
        n = sum(1 for row in w.iter_rows(min_row=2, values_only=True) if any(v not in (None, "") for v in row))
        print(f"  {s}: {n} rows")
