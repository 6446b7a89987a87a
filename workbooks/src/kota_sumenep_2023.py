"""Kecamatan Kota Sumenep, LKjIP 2023 (Renstra 2021-2026) -> the standard workbook.

Source: ../shared/seeds/lkjip-kecamatan-kota-sumenep-2023.txt, typed in as office staff would.
The report's own mistakes are kept visible as cell comments (`note`), with the value its
detail supports entered in the cell.

Run from the project root:  python workbooks/src/kota_sumenep_2023.py
"""

from __future__ import annotations

import datetime as dt

from _fill import add_rows, cell_of, new_workbook, note, save, set_profile

INSTANSI = "Kecamatan Kota Sumenep"
YEARS = range(2021, 2027)

wb = new_workbook(2023, (2021, 2026))

# --------------------------------------------------------------------------- Profil
set_profile(wb, {
    "pemerintah": "Pemerintah Kabupaten Sumenep",
    "instansi": INSTANSI,
    "tahun": 2023,
    "periode_renstra": "2021-2026",
    "kota": "Sumenep",
    "tanggal_laporan": dt.date(2024, 1, 31),
    "kepala_nama": "FARUK HANAFI, S.Sos, M.Si",
    "kepala_jabatan": "Camat Kota Sumenep",
    "kepala_nip": "197703211996021001",
    "kepala_pangkat": "Pembina Tingkat I",
    "atasan_nama": "Achmad Fauzi Wongsojudo, S.H., M.H.",
    "atasan_jabatan": "Bupati Sumenep",
    "visi": "Sumenep Unggul, Mandiri dan Sejahtera",
    "misi": "\n".join([
        "Membangun Kualitas Sumber Daya Manusia (SDM) Berdaya Saing Bidang Pendidikan, Kesehatan dan Ketenagakerjaan",
        "Meningkatkan Kesejahteraan Masyarakat Melalui Penguatan Ekonomi Berbasis Kawasan dari Hulu ke Hilir",
        "Mewujudkan Tata Kelola Pemerintahan yang Transparan, Inovatif dan Responsif dalam Melayani Masyarakat",
        "Melaksanakan Pembangunan Berazas Gotong Royong dan Berkearifan Lokal",
        "Memperkuat Pembangunan Infrastruktur Berbasis Lingkungan Hidup yang Berimbang antara Daratan dan Kepulauan",
    ]),
})


def _profil_ref(key: str) -> str:
    ws = wb["Profil"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value == key:
            return f"B{r}"
    raise KeyError(key)


note(wb, "Profil", _profil_ref("tanggal_laporan"),
     "Laporan hanya mencetak 'Sumenep, Januari 2024' (tanpa tanggal); tanggal 31 diisi agar tanggal sah.")
note(wb, "Profil", _profil_ref("kepala_nama"),
     "Kata Pengantar: 'FARUK HANAFI, S. Sos, M.Si'; tanda tangan Bab IV salah ketik 'FARUK HANAFLI, S.Sos, M.Si'.")
note(wb, "Profil", _profil_ref("kepala_nip"), "Tercetak: NIP. 19770321 199602 1 001")
note(wb, "Profil", _profil_ref("atasan_nama"),
     "Nama Bupati tidak tercetak dalam laporan (dokumen Perjanjian Kinerja tidak dilampirkan). "
     "Diisi dengan Bupati Sumenep periode 2021-2026; periksa gelar sesuai dokumen PK. "
     "Tanggal PK juga tidak tercetak, sehingga tanggal_pk dikosongkan.")
note(wb, "Profil", _profil_ref("misi"),
     "Misi RPJMD Kabupaten Sumenep 2021-2026; Renstra kecamatan mengacu pada Misi ke-3.")

set_profile(wb, {"metode_efisiensi": "rasio", "skala_predikat": "kalianget"}, sheet="Pengaturan")

# --------------------------------------------------------------------------- Kinerja
def targets(values) -> dict:
    if not isinstance(values, (list, tuple)):
        values = [values] * len(YEARS)
    return {f"Target {y}": v for y, v in zip(YEARS, values)}


rows: list[dict] = []
refs: dict[str, int] = {}  # label -> index in rows (row numbers known after add_rows)


def put(label: str | None, row: dict) -> None:
    if label:
        refs[label] = len(rows)
    rows.append(row)


IKU_SKM = dict(
    definisi="Survey Kepuasan Masyarakat merupakan kegiatan pengukuran secara komprehensif tentang tingkat "
             "kepuasan masyarakat terhadap kualitas layanan yang diberikan oleh penyelenggara pelayanan publik.",
    formula="SKM = NRR Tertimbang x 25; NRR Tertimbang = NRR per Unsur x 0,11",
    sumber="Hasil Survey Kepuasan Masyarakat",
)

# Tujuan 1 -------------------------------------------------------------------
put("T1", {
    "Level": "Tujuan", "Kode": "T1", "Uraian": "Meningkatkan Pelayanan Publik di Kecamatan",
    "Indikator": "Nilai Indeks Kepuasan Masyarakat (IKM) Kecamatan Kota Sumenep", "Satuan": "indeks",
    "Polaritas": "Positif", "IKU": "Tidak", "PK": "Tidak",
    **targets([80, 83, 85, 88, 89, 90]),
    "Realisasi 2021": 80, "Realisasi 2022": 83, "Realisasi 2023": 85,
    "Target Akhir Renstra": 90, "Capaian": 100,
})
put("S1", {
    "Level": "Sasaran", "Kode": "S1", "Uraian": "Meningkatnya Mutu Layanan",
    "Indikator": "Nilai Survei Kepuasan Masyarakat (SKM)", "Satuan": "indeks",
    "Polaritas": "Positif", "IKU": "Ya", "PK": "Ya",
    **targets([80, 83, 85, 88, 89, 90]),
    "Realisasi 2021": 80, "Realisasi 2022": 83, "Realisasi 2023": 85,
    "Target Akhir Renstra": 90, "Standar Nasional": 80, "Capaian": 100,
    "Definisi Operasional": IKU_SKM["definisi"], "Formula": IKU_SKM["formula"], "Sumber Data": IKU_SKM["sumber"],
    "Analisis": "Keberhasilan tercapainya target kinerja sasaran 1 disebabkan oleh tercapainya target kinerja "
                "pelayanan umum seperti pengurusan SKCK, waris, dan lain-lain.",
})


def program(label, uraian, indikator, analisis=None, extra=None):
    put(label, {"Level": "Program", "Uraian": uraian, "Indikator": indikator, "Satuan": "%",
                "Polaritas": "Positif", **{"Target 2023": 100, "Realisasi 2023": 100, "Capaian": 100}})
    if extra:  # second program indicator from Tabel 3.3 / 3.5 (sasaran program)
        ind, std = extra
        put(label + "+", {"Level": "Program", "Indikator": ind, "Satuan": "%", "Polaritas": "Positif",
                          "Target 2023": 100, "Realisasi 2023": 100, "Capaian": 100, "Standar Nasional": std,
                          "Analisis": analisis})


def kegiatan(uraian):
    put(None, {"Level": "Kegiatan", "Uraian": uraian})


def sub(uraian, indikator, nilai, satuan, label=None):
    put(label, {"Level": "Sub Kegiatan", "Uraian": uraian, "Indikator": indikator, "Satuan": satuan,
                "Polaritas": "Positif", "Target 2023": nilai, "Realisasi 2023": nilai, "Capaian": 100})


def tree(spec):
    """spec: list of (kegiatan, [(sub kegiatan, indikator, nilai, satuan[, label]), ...])."""
    for keg, subs in spec:
        kegiatan(keg)
        for s in subs:
            sub(*s)


# Programs supporting Sasaran 1 (Tabel 3.8 bagian I; Tabel 3.10/3.11 baris 1: program penyelenggaraan
# pemerintahan dan pelayanan publik <-> "Meningkatnya kualitas layanan publik").
program("P-pelayanan", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
        "Persentase Layanan Publik yang diselenggarakan di Kecamatan")
tree([("Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat", [
    ("Pelaksanaan Urusan Pemerintahan yang terkait dengan Nonperizinan",
     "Jumlah dokumen rekomendasi yang dikeluarkan", 12, "laporan"),
])])

PEMBERDAYAAN_KEC = ("Persentase kelompok masyarakat Desa dan Kelurahan yang dapat diberdayakan")
program("P-pemberdayaan", "Program Pemberdayaan Masyarakat Desa dan Kelurahan", PEMBERDAYAAN_KEC,
        analisis="Tercapainya target kinerja disebabkan adanya kerjasama yang baik antara pihak kecamatan, "
                 "perangkat desa dan juga masyarakat.",
        extra=("Persentase Kegiatan Masyarakat Desa yang dibina", 100))
tree([
    ("Kegiatan Pemberdayaan Kelurahan", [
        ("Evaluasi Kelurahan", "Jumlah Laporan Hasil Evaluasi Kelurahan", 12, "laporan"),
    ]),
    ("Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan", [
        ("Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga Melalui Kehidupan Berkoperasi "
         "dan Pengembangan Ekonomi Lainnya",
         "Jumlah Keluarga yang Mengikuti Penumbuhan Kesadaran Keluarga dalam Peningkatan Taraf Hidup Keluarga "
         "melalui Kehidupan Berkoperasi dan Pengembangan Ekonomi Lainnya", 264, "keluarga"),
    ]),
])

PEMBERDAYAAN_KEL = "Persentase Pelaksanaan Koordinasi, Fasilitasi dan Pembinaan Kecamatan"
for kel, unit, pokmas in (("Kepanjin", 4, 23), ("Bangselok", 4, 23), ("Karangduak", 5, 20), ("Pajagalan", 10, 20)):
    program(f"P-pemberdayaan-{kel}", f"Program Pemberdayaan Masyarakat Desa dan Kelurahan (Kelurahan {kel})",
            PEMBERDAYAAN_KEL)
    tree([("Kegiatan Pemberdayaan Kelurahan", [
        ("Pembangunan Sarana dan Prasarana Kelurahan", "Jumlah Sarana dan Prasarana Kelurahan yang Terbangun",
         unit, "unit"),
        ("Pemberdayaan Masyarakat di Kelurahan",
         "Jumlah Pokmas dan Ormas yang Melaksanakan Pemberdayaan Masyarakat di Kelurahan", pokmas, "pokmas"),
    ])])

program("P-trantib", "Program Koordinasi Ketentraman dan Ketertiban Umum",
        "Persentase Kerjasama Penanganan Ketentraman dan Ketertiban Umum yang terlaksana",
        analisis="Keberhasilan tercapainya target kinerja disebabkan adanya tingkat pencapaian dari berbagai "
                 "laporan masyarakat yang dapat segera diselesaikan.",
        extra=("Persentase Kegiatan Pembinaan Keamanan dan Kenyamanan lingkungan", 100))
tree([("Koordinasi Upaya Penyelenggaraan Ketenteraman dan Ketertiban Umum", [
    ("Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan Instansi Vertikal "
     "di Wilayah Kecamatan",
     "Jumlah Rapat koordinasi Ketentraman dan Ketertiban Masyarakat yang dilaksanakan", 12, "laporan"),
    ("Harmonisasi Hubungan Dengan Tokoh Agama dan Tokoh Masyarakat",
     "Jumlah Laporan Pelaksanaan Harmonisasi Hubungan dengan Tokoh Agama dan Tokoh Masyarakat", 1, "laporan"),
])])

program("P-pemum", "Program Penyelenggaraan Urusan Pemerintahan Umum",
        "Persentase koordinasi yang dilaksanakan di tingkat kecamatan",
        analisis="Keberhasilan tercapainya target kinerja disebabkan tingkat pencapaian dari program/kegiatan "
                 "laporan penyelenggaraan Desa tepat waktu dan tingkat pencapaian penyelesaian SPP dan SPJ ADD dan "
                 "DD dari Desa. Selain itu juga dipengaruhi tingkat koordinasi dan sosialisasi lintas sektor setiap "
                 "ada permasalahan pelayanan terhadap masyarakat.",
        extra=("Persentase Perangkat Desa yang dibina", 100))
tree([("Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah", [
    ("Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan Pengamalan Pancasila, "
     "Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, Pelestarian Bhinneka Tunggal Ika",
     "Jumlah Orang yang Mengikuti Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan "
     "Pengamalan Pancasila, Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, Pelestarian "
     "Bhinneka Tunggal Ika serta Pemertahanan dan Pemeliharaan Keutuhan Negara Kesatuan Republik Indonesia",
     30, "orang"),
    ("Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan",
     "Jumlah Dokumen Tugas Forum Koordinasi Pimpinan di Kecamatan", 12, "dokumen"),
])])

# Sasaran 2 ------------------------------------------------------------------
put("S2", {
    "Level": "Sasaran", "Kode": "S2", "Uraian": "Meningkatnya Fasilitasi dan Koordinasi Desa",
    "Indikator": "Rasio Jumlah Desa yang Terfasilitasi", "Satuan": "%",
    "Polaritas": "Positif", "IKU": "Ya", "PK": "Ya",
    **targets(100),
    "Realisasi 2021": 100, "Realisasi 2022": 100, "Realisasi 2023": 100,
    "Target Akhir Renstra": 100, "Capaian": 100,
    "Definisi Operasional": "Persentase pemerintahan desa yang sudah diberikan fasilitasi merupakan indikator yang "
                            "menunjukkan upaya pembinaan dan pengawasan penyelenggaraan kegiatan desa agar sesuai "
                            "dengan ketentuan dan peraturan perundang-undangan yang berlaku.",
    "Formula": "Jumlah Pemerintah Desa yang diberikan fasilitasi / Jumlah Pemerintah Desa x 100",
    "Sumber Data": "Report Base Data di Kecamatan",
    "Analisis": "Keberhasilan tercapainya target kinerja karena adanya kerjasama yang baik antara pihak kecamatan "
                "dan seluruh perangkat desa.",
})
program("P-desa", "Program Pembinaan dan Pengawasan Pemerintahan Desa",
        "Persentase pemerintahan desa yang sudah diberikan pembekalan",
        analisis="Keberhasilan tercapainya target kinerja karena adanya kerjasama yang baik antara pihak kecamatan "
                 "dan seluruh perangkat desa.",
        extra=("Persentase Pengawasan Pemerintahan Desa yang dibina", 100))
tree([("Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", [
    ("Fasilitasi Administrasi Tata Pemerintahan Desa",
     "Jumlah Dokumen yang Difasilitasi dalam rangka Administrasi Tata Pemerintahan Desa", 12, "dokumen"),
    ("Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa",
     "Jumlah Dokumen Fasilitasi dalam rangka Perencanaan Pembangunan Partisipatif", 1, "dokumen"),
    ("Koordinasi Pendampingan Desa di Wilayahnya",
     "Jumlah Laporan Hasil Koordinasi Pendampingan Desa di Wilayahnya", 12, "laporan", "II.1.3"),
])])

# Tujuan 2 -------------------------------------------------------------------
put("T2", {
    "Level": "Tujuan", "Kode": "T2", "Uraian": "Meningkatkan Akuntabilitas Kinerja Perangkat Daerah",
    "Indikator": "Nilai SAKIP Perangkat Daerah", "Satuan": "predikat",
    "Polaritas": "Positif", "IKU": "Tidak", "PK": "Tidak",
    **targets("B"), "Target Akhir Renstra": "B",
})
put("S3", {
    "Level": "Sasaran", "Kode": "S3", "Uraian": "Meningkatnya Capaian Kinerja Perangkat Daerah",
    "Indikator": "Persentase Capaian Kinerja Perangkat Daerah", "Satuan": "%",
    "Polaritas": "Positif", "IKU": "Ya", "PK": "Ya",
    **targets(100),
    "Realisasi 2021": 100, "Realisasi 2022": 100, "Realisasi 2023": 100,
    "Target Akhir Renstra": 100, "Capaian": 100,
    "Definisi Operasional": "Persentase Capaian Kinerja Perangkat Daerah merupakan indikator untuk menilai seberapa "
                            "besar pencapaian PD dalam melaksanakan tugas dan fungsinya dengan mengukur realisasi "
                            "target capaian kinerja.",
    "Formula": "Realisasi Kinerja / Target Capaian Kinerja x 100",
    "Sumber Data": "Report Base Data di Kecamatan",
    "Analisis": "Sepanjang tahun 2023 Kecamatan Kota Sumenep telah secara optimal mengupayakan terselenggaranya "
                "kegiatan-kegiatan sesuai dengan tugas dan fungsinya, sehingga pencapaian target kinerja sasaran dan "
                "program/kegiatan dapat dilaksanakan dengan baik.",
})

PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
PENUNJANG_IND = "Persentase Peningkatan Pelayanan kepada Masyarakat"
program("P-penunjang", PENUNJANG, PENUNJANG_IND,
        analisis="Tercapainya target pemenuhan kebutuhan penunjang sarana dan prasarana dan terserapnya anggaran "
                 "untuk kegiatan tersebut.",
        extra=("Persentase pemenuhan kebutuhan penunjang Perangkat Daerah", 100))
PERENC = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
ADM_UMUM = "Administrasi Umum Perangkat Daerah"
ADM_PEG = "Administrasi Kepegawaian Perangkat Daerah"
PENGADAAN = "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"
JASA = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
PEMELIHARAAN = "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"
PAKAIAN = "Pengadaan Pakaian Dinas Beserta Atribut Kelengkapannya"
LOGISTIK = ("Penyediaan Bahan Logistik Kantor", "Jumlah Paket Bahan Logistik Kantor yang Disediakan")
LISTRIK = ("Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
           "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan")
ALAT_KANTOR = ("Penyediaan Peralatan dan Perlengkapan Kantor",
               "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan")
CETAK = ("Penyediaan Barang Cetak dan Penggandaan", "Jumlah Paket Barang Cetak dan Penggandaan yang Disediakan")
CETAKAN = ("Penyediaan Barang Cetakan dan Penggandaan",
           "Jumlah Paket Barang Cetakan dan Penggandaan yang Disediakan")
MESIN = ("Pengadaan Peralatan dan Mesin Lainnya", "Jumlah Unit Peralatan dan Mesin Lainnya yang Disediakan")
KOMUNIKASI = ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
              "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan")
KEND_JABATAN = ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, dan Pajak Kendaraan Perorangan Dinas atau "
                "Kendaraan Dinas Jabatan")
KEND_OPS = ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional "
            "atau Lapangan")
KEND_IND = ("Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan dibayarkan "
            "Pajaknya")
PELIHARA_MESIN = ("Pemeliharaan Peralatan dan Mesin Lainnya", "Jumlah Peralatan dan Mesin Lainnya yang Dipelihara")
PELIHARA_GEDUNG = ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
                   "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi")

tree([
    (PERENC, [
        ("Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", 1, "dokumen", "RKA"),
        ("Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD",
         "Jumlah Dokumen Perubahan RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan RKA-SKPD",
         1, "dokumen"),
        ("Koordinasi dan Penyusunan DPA-SKPD",
         "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD", 1, "dokumen"),
        ("Koordinasi dan Penyusunan Perubahan DPA-SKPD",
         "Jumlah Dokumen Perubahan DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen Perubahan DPA-SKPD",
         1, "dokumen"),
        ("Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD dan Laporan Hasil Koordinasi "
         "Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD", 1, "dokumen"),
        ("Evaluasi Kinerja Perangkat Daerah", "Jumlah Laporan Evaluasi Kinerja Perangkat Daerah", 4, "laporan"),
    ]),
    ("Administrasi Keuangan Perangkat Daerah", [
        ("Penyediaan Gaji dan Tunjangan ASN", "Jumlah ASN yang terlayani administrasi keuangannya", 50, "orang"),
    ]),
    (ADM_PEG, [(PAKAIAN, "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapannya", 56, "paket")]),
    (ADM_UMUM, [
        (*LISTRIK, 4, "paket"), (*ALAT_KANTOR, 9, "paket"), (*LOGISTIK, 2, "paket"), (*CETAK, 4, "paket"),
        ("Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan",
         "Jumlah Dokumen Bahan Bacaan dan Peraturan Perundang-Undangan yang Disediakan", 3, "dokumen"),
    ]),
    (PENGADAAN, [
        ("Pengadaan Kendaraan Dinas Operasional atau Lapangan",
         "Jumlah Unit Kendaraan Dinas Operasional atau Lapangan yang disediakan", 1, "unit"),
        ("Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan", 6, "paket"),
        (*MESIN, 8, "unit"),
        ("Pengadaan Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya",
         "Jumlah Unit Sarana dan Prasarana Pendukung Gedung Kantor atau Bangunan Lainnya yang Disediakan",
         1, "unit"),
    ]),
    (JASA, [
        ("Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
         "Jumlah rekening jasa komunikasi, sumber daya air dan listrik yang dibayar", 12, "laporan"),
        ("Penyediaan Jasa Pelayanan Umum Kantor",
         "Jumlah Laporan Penyediaan Jasa Pelayanan Umum Kantor yang Disediakan", 12, "laporan"),
    ]),
    (PEMELIHARAAN, [
        (KEND_JABATAN, KEND_IND, 1, "unit"),
        ("Pemeliharaan Peralatan dan Mesin Lainnya", "Jumlah Peralatan dan Perlengkapan kantor yang di Pelihara",
         20, "unit"),
        ("Pemeliharaan/Rehabilitasi Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya",
         "Luas Gedung Kantor dan Bangunan Lainnya yang di Rehabilitasi", 196, "m2", "GEDUNG"),
    ]),
])

KELURAHAN_PENUNJANG = {
    "Kepanjin": [
        (ADM_PEG, [(PAKAIAN, "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan", 9, "paket")]),
        (ADM_UMUM, [(*LOGISTIK, 3, "paket"), (*CETAKAN, 2, "paket")]),
        (JASA, [(*KOMUNIKASI, 12, "laporan")]),
        (PEMELIHARAAN, [(KEND_OPS, KEND_IND, 2, "unit", "KEND-Kepanjin"), (*PELIHARA_MESIN, 6, "unit"),
                        (*PELIHARA_GEDUNG, 1, "unit")]),
    ],
    "Bangselok": [
        (ADM_PEG, [(PAKAIAN, "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan", 9, "paket")]),
        (ADM_UMUM, [(*LISTRIK, 8, "paket"), (*LOGISTIK, 3, "paket"), (*CETAK, 2, "paket"),
                    ("Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
                     "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", 2, "laporan")]),
        (PENGADAAN, [(*MESIN, 3, "unit")]),
        (JASA, [(*KOMUNIKASI, 12, "laporan"),
                ("Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
                 "Jumlah Laporan Penyediaan Jasa Peralatan dan Perlengkapan Kantor yang Disediakan", 2, "laporan")]),
        (PEMELIHARAAN, [(*PELIHARA_MESIN, 11, "unit"), (*PELIHARA_GEDUNG, 1, "unit")]),
    ],
    "Karangduak": [
        (ADM_PEG, [(PAKAIAN, "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan", 8, "paket")]),
        (ADM_UMUM, [(*LOGISTIK, 3, "paket"), (*CETAKAN, 2, "paket")]),
        (PENGADAAN, [(*MESIN, 6, "unit")]),
        (JASA, [(*KOMUNIKASI, 12, "laporan")]),
        (PEMELIHARAAN, [(KEND_JABATAN, KEND_IND, 2, "unit"), (*PELIHARA_MESIN, 6, "unit"),
                        (*PELIHARA_GEDUNG, 1, "unit")]),
    ],
    "Pajagalan": [
        (ADM_PEG, [(PAKAIAN, "Jumlah pengadaan pakaian dinas ASN", 15, "paket")]),
        (ADM_UMUM, [(*LISTRIK, 8, "paket"), (*ALAT_KANTOR, 14, "paket"), (*LOGISTIK, 3, "paket"),
                    (*CETAKAN, 2, "paket")]),
        (PENGADAAN, [("Pengadaan Mebel", "Jumlah Paket Mebel yang Disediakan", 6, "paket"), (*MESIN, 6, "unit")]),
        (JASA, [(*KOMUNIKASI, 12, "laporan")]),
        (PEMELIHARAAN, [(KEND_OPS, KEND_IND, 5, "unit", "KEND-Pajagalan"),
                        ("Pemeliharaan Peralatan dan Mesin Lainnya",
                         "Jumlah Peralatan dan Perlengkapan kantor yang di Pelihara", 3, "jenis"),
                        (*PELIHARA_GEDUNG, 2, "unit")]),
    ],
}
for kel, spec in KELURAHAN_PENUNJANG.items():
    program(f"P-penunjang-{kel}", f"{PENUNJANG} (Kelurahan {kel})", PENUNJANG_IND)
    tree(spec)

krow = dict(zip(range(len(rows)), add_rows(wb, "Kinerja", rows)))


def kref(label: str, header: str) -> str:
    return cell_of(wb, "Kinerja", krow[refs[label]], header)


K = "Kinerja"
note(wb, K, kref("T1", "Indikator"),
     "Tabel 2.2 menulis 'Nilai Indek Kepuasan Masyarakat (IKM)'. Tabel 3.1.1, 3.2.1 dan 3.4.1 (tabel tujuan) "
     "mencetak tujuan dengan nama sasaran 'Meningkatnya Mutu Layanan' dan indikator SKM; realisasi 2021-2023 "
     "(80; 83; 85) diambil dari tabel tersebut.")
note(wb, K, kref("T1", "Target 2023"),
     "Tabel 2.3 (Rencana Kerja 2023) memberi tujuan lain, 'Meningkatkan Kualitas Layanan Publik Kecamatan', "
     "indikator IKM Kecamatan, satuan '%', target 85 dan menaruh ketiga sasaran di bawahnya; Renstra (Tabel 2.2) "
     "memiliki 2 tujuan.")
note(wb, K, kref("T1", "Target Akhir Renstra"),
     "Tabel 3.4.1 mencetak target akhir Renstra 85 dan capaian 100%; Tabel 2.2 menetapkan target 2026 = 90, "
     "sehingga capaian terhadap target akhir = 85/90 x 100 = 94,44%.")
note(wb, K, kref("S1", "Target 2023"),
     "Perjanjian Kinerja (tercetak 'Tabel 2.1', nomor ganda) menulis target '85%' dan Tabel 2.3 satuan '%'; "
     "SKM adalah nilai indeks (Tabel 3.1: satuan indeks; Tabel IKU: Skor).")
note(wb, K, kref("S1", "Target Akhir Renstra"),
     "Tabel 3.4 mencetak target akhir Renstra 85 dan capaian 100%; Tabel 2.2 menetapkan target 2026 = 90, "
     "sehingga capaian = 85/90 x 100 = 94,44%.")
note(wb, K, kref("S1", "Standar Nasional"),
     "Tabel 3.3 mencetak standar 80 dan % capaian 100, padahal kolom 6 = 4/5 x 100 = 85/80 x 100 = 106,25. "
     "Teks di atas tabel justru menyatakan tidak ada realisasi yang dapat dibandingkan dengan SPM.")
note(wb, K, kref("S1", "Uraian"),
     "Tabel 3.8 mencantumkan semua program (termasuk Pembinaan dan Pengawasan Pemerintahan Desa) di bawah "
     "sasaran I dan sekali lagi di bawah sasaran III. Di sini tiap program dicatat sekali: program layanan dan "
     "koordinasi di sasaran 1, Pembinaan Desa di sasaran 2 (Tabel 3.8 II.1), Penunjang di sasaran 3. "
     "Tabel 3.5, 3.6 dan 3.10 menyebut 6 'sasaran', sedangkan Renstra, PK dan Bab IV menyebut 3 sasaran.")
note(wb, K, kref("S2", "Target 2023"),
     "Tabel 2.3 (Rencana Kerja 2023) mencetak target 85; Renstra (Tabel 2.2), PK dan Tabel 3.1 = 100.")
note(wb, K, kref("S2", "Uraian"),
     "Tabel 2.2 salah ketik 'Meningkatnya fasilitas dan koordinasi Desa'; Tabel IKU menulis indikatornya "
     "'Rasio Jumlah Desa yang Terasilitasi'.")
note(wb, K, kref("T2", "Target 2023"),
     "Tabel 2.3 (Rencana Kerja 2023) mencetak target Nilai SAKIP 'A'; Renstra (Tabel 2.2) = 'B' tiap tahun.")
note(wb, K, kref("T2", "Realisasi 2023"),
     "Laporan tidak mencetak realisasi Nilai SAKIP 2023 di tabel mana pun, namun Bab IV menyatakan tujuan ke-1 "
     "sampai ke-2 tercapai rata-rata 100%.")
note(wb, K, kref("S3", "Formula"),
     "Tabel IKU mencetak rumus terbalik: Target Capaian Kinerja / Realisasi Kinerja x 100. Untuk polaritas "
     "positif yang benar Realisasi / Target x 100.")
note(wb, K, kref("P-penunjang", "Indikator"),
     "Tabel 3.6 baris 1 memasangkan program ini dengan indikator SKM (85/85), dan baris 2 memasangkan Program "
     "Penyelenggaraan Pemerintahan dan Pelayanan Publik dengan 'Persentase pemenuhan kebutuhan penunjang "
     "Perangkat Daerah'; pasangan yang benar (Tabel 3.5 dan 3.10) dipakai di sini.")
note(wb, K, kref("P-pelayanan", "Uraian"),
     "Tabel 3.10/3.11 baris 1 ('Meningkatnya kualitas layanan publik' / program ini) mencetak anggaran "
     "160.667.500 dan realisasi 133.467.500 (83%), salinan baris 5 (Pemerintahan Umum). Menurut Tabel 3.7 "
     "program ini 5.788.800 / 5.788.800 = 100%, sehingga efisiensi 100% (Kurang Efisien), bukan 83% "
     "(Cukup Efisien); uraian tabel 3.10 butir 1 sendiri menyebut penyerapan 100%.")
note(wb, K, kref("RKA", "Uraian"),
     "Tabel 3.8 mencetak sub kegiatan ini dua kali (I.1.1 dan I.1.7; III.1.1 dan III.1.7), kedua kalinya "
     "dengan target '1 laporan'. Dicatat sekali.")
note(wb, K, kref("GEDUNG", "Target 2023"),
     "Tabel 3.8 III.1.23 mencetak 'Luas Gedung Kantor ... yang di Rehabilitasi' 196 M2; untuk sub kegiatan yang "
     "sama I.1.23 mencetak 'Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/Direhabilitasi' 2 unit.")
note(wb, K, kref("II.1.3", "Uraian"),
     "Tabel 3.8 memberi nomor 'II.1.1.3', seharusnya II.1.3.")
for kel in ("Kepanjin", "Pajagalan"):
    note(wb, K, kref(f"KEND-{kel}", "Indikator"),
         "Sub kegiatan kendaraan dinas operasional/lapangan, tetapi indikatornya tentang kendaraan perorangan "
         "dinas/dinas jabatan (tercetak demikian di Tabel 3.8).")
note(wb, K, kref("P-penunjang-Kepanjin", "Uraian"),
     "Tabel 3.8 memberi nomor program kelurahan I.1.2, I.1.3, I.1.4, I.1.5 (bentrok dengan nomor sub kegiatan "
     "I.1.2 dst.) dan di bagian III semuanya III.1.2. Anggaran kelurahan tidak dipisah di Tabel 3.7.")
note(wb, K, kref("P-pemberdayaan-Bangselok", "Target 2023"),
     "Target/realisasi sub kegiatan Kelurahan Bangselok (4 unit, 23 pokmas) tercetak sama persis dengan "
     "Kelurahan Kepanjin.")

# --------------------------------------------------------------------------- Anggaran
# Tabel 3.7 gives program totals only (no kegiatan / sub kegiatan budget lines): each program is a leaf.
ANGGARAN = [
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 6_468_783_215, 6_205_544_943, "S3"),
    ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 5_788_800, 5_788_800, "S1"),
    ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", 1_767_491_410, 1_766_151_866, "S1"),
    ("Program Koordinasi Ketentraman dan Ketertiban Umum", 6_159_400, 6_159_400, "S1"),
    ("Program Penyelenggaraan Urusan Pemerintahan Umum", 160_667_500, 133_467_500, "S1"),
    ("Program Pembinaan dan Pengawasan Pemerintahan Desa", 28_719_400, 28_669_400, "S2"),
]
arows = add_rows(wb, "Anggaran", [
    {"Unit": INSTANSI if i == 0 else None, "Level": "Program", "Uraian": u, "Pagu": p, "Realisasi": r, "Sasaran": s}
    for i, (u, p, r, s) in enumerate(ANGGARAN)
])
A = "Anggaran"
note(wb, A, cell_of(wb, A, arows[0], "Uraian"),
     "Tabel 3.7 hanya memuat total per program (termasuk kelurahan Kepanjin, Bangselok, Karangduak, Pajagalan; "
     "tidak dipisah per unit), tanpa kode rekening dan tanpa rincian kegiatan/sub kegiatan.")
note(wb, A, cell_of(wb, A, arows[0], "Pagu"),
     "Tabel 3.10 dan 3.11 baris 2 mencetak pagu 6.648.783.215 (digit tertukar); Tabel 3.7 = 6.468.783.215. "
     "Persentase 96% pada tabel itu sesuai dengan 6.468.783.215 (95,93%), bukan dengan 6.648.783.215 (93,33%).")
note(wb, A, cell_of(wb, A, arows[1], "Pagu"),
     "Tabel 3.10/3.11 baris 1 mencetak untuk program ini 160.667.500 / 133.467.500 / 83% (salinan baris "
     "Pemerintahan Umum); nilai Tabel 3.7 dipakai.")
note(wb, A, cell_of(wb, A, arows[0], "Sasaran"),
     "Tabel 3.8 mencantumkan program ini di bawah sasaran I dan III; dikaitkan ke sasaran 3 (capaian kinerja PD), "
     "sesuai Tabel 3.10 baris 2 (pemenuhan kebutuhan penunjang perangkat daerah).")
note(wb, A, cell_of(wb, A, arows[2], "Realisasi"),
     "Tabel 3.10/3.11 mencetak penyerapan 99%; 1.766.151.866 / 1.767.491.410 = 99,92% (dibulatkan 100%). "
     "Demikian pula Pembinaan Desa: 28.669.400 / 28.719.400 = 99,83%, dicetak 99%.")

# --------------------------------------------------------------------------- Narasi
N = []


def narasi(bagian, judul, *paras):
    N.append({"Bagian": bagian, "Judul": judul, "Isi": "\n\n".join(paras)})


narasi("kata_pengantar", "Kata Pengantar",
       "Laporan Kinerja Kecamatan Kota Sumenep merupakan perwujudan pertanggungjawaban atas kinerja pencapaian "
       "tujuan dan sasaran strategis tahun 2023. Laporan Kinerja ini merupakan tahun ke-3 pelaksanaan Rencana "
       "Strategis Kecamatan Kota Sumenep Tahun 2021-2026. Penyusunan Laporan Kinerja ini mengacu pada Peraturan "
       "Menteri PANRB No. 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Reviu "
       "atas Laporan Kinerja Instansi Pemerintah dan Rencana Strategis Kecamatan Kota Sumenep Tahun 2021-2026.",
       "Laporan Kinerja ini merupakan bentuk akuntabilitas dari pelaksanaan tugas yang berfungsi sebagai alat "
       "penilaian kinerja, wujud transparansi serta pertanggungjawaban kepada masyarakat serta merupakan alat kendali "
       "dan alat pemacu peningkatan kinerja setiap unit organisasi di lingkungan Kecamatan Kota Sumenep. Kinerja "
       "Kecamatan Kota Sumenep diukur atas dasar penilaian indikator kinerja utama (IKU) yang merupakan indikator "
       "keberhasilan pencapaian tujuan dan sasaran strategis sebagaimana telah ditetapkan dalam Perjanjian Kinerja "
       "Kecamatan Kota Sumenep tahun 2023.",
       "Secara umum capaian kinerja sasaran telah sesuai dengan rencana yang telah ditetapkan, meskipun beberapa "
       "indikator belum menunjukkan capaian sesuai target. Pendayagunaan aparatur negara dan reformasi birokrasi "
       "sangat ditentukan oleh komitmen, keterlibatan dan dukungan aktif segenap komponen aparatur negara, "
       "masyarakat, dunia usaha dan civil society sebagai bagian integral dari pembaharuan sistem administrasi negara.",
       "Berdasarkan analisis dan evaluasi obyektif yang dilakukan melalui Laporan Kinerja Kecamatan Kota Sumenep "
       "tahun 2023 ini, diharapkan dapat terjadi optimalisasi peran kelembagaan dan peningkatan efisiensi, "
       "efektivitas, dan produktivitas kinerja seluruh jajaran pejabat dan pelaksana di lingkungan Kecamatan Kota "
       "Sumenep pada tahun-tahun selanjutnya, sehingga dapat mendukung kinerja Pemerintah Daerah secara keseluruhan "
       "dalam mewujudkan Good Governance dan Clean Government.")

narasi("latar_belakang", "Latar Belakang",
       "Dalam rangka meningkatkan pelaksanaan pemerintahan yang berdaya guna, berhasil guna, bersih dan bertanggung "
       "jawab, telah diterbitkan Peraturan Presiden No. 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi "
       "Pemerintah (SAKIP). Pelaksanaan lebih lanjut didasarkan atas Peraturan Menteri Pendayagunaan Aparatur Negara "
       "dan Reformasi Birokrasi Republik Indonesia Nomor 53 Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, "
       "Pelaporan Kinerja dan Tata Cara Reviu Atas Laporan Kinerja Instansi Pemerintah.",
       "Akuntabilitas Kinerja Instansi Pemerintah adalah perwujudan kewajiban suatu instansi pemerintah untuk "
       "mempertanggungjawabkan keberhasilan atau kegagalan pelaksanaan visi dan misi organisasi dalam mencapai "
       "tujuan dan sasaran yang telah ditetapkan melalui alat pertanggungjawaban secara periodik.",
       "Untuk mencapai Akuntabilitas Instansi Pemerintah yang baik, Kecamatan Kota Sumenep Kabupaten Sumenep dituntut "
       "selalu melakukan pembenahan kinerja. Pembenahan kinerja diharapkan mampu meningkatkan peran serta fungsi "
       "Perangkat Daerah sebagai sub sistem dari sistem pemerintahan daerah yang berupaya memberikan pelayanan "
       "terbaik pada masyarakat.",
       "Dalam perencanaan perangkat daerah, capaian tujuan dan sasaran perangkat daerah yang dilakukan tidak hanya "
       "mempertimbangkan visi dan misi daerah, melainkan keselarasan dengan tujuan dan sasaran yang ingin dicapai "
       "pada lingkup Pemerintahan Provinsi dan Nasional.",
       "Terwujudnya suatu tata pemerintahan yang baik dan akuntabel merupakan harapan semua pihak. Berkenaan harapan "
       "tersebut diperlukan pengembangan dan penerapan sistem pertanggungjawaban yang tepat, jelas, terukur dan "
       "legitimate sehingga penyelenggaraan pemerintahan dan pembangunan dapat berlangsung secara berdaya guna, "
       "berhasil guna, bersih dan bertanggung jawab serta bebas dari korupsi, kolusi dan nepotisme (KKN). Sejalan "
       "dengan pelaksanaan Undang-Undang Nomor 28 Tahun 1999 tentang Penyelenggaraan Negara yang Bersih dan Bebas "
       "dari Korupsi, Kolusi dan Nepotisme, maka diterbitkan Peraturan Presiden No. 29 Tahun 2014 tentang Sistem "
       "Akuntabilitas Kinerja Instansi Pemerintah (SAKIP). Sehubungan dengan hal tersebut Kecamatan Kota Sumenep "
       "Kabupaten Sumenep diwajibkan untuk menyusun Laporan Akuntabilitas Kinerja Instansi Pemerintah (LKjIP).")

narasi("maksud_tujuan", "Maksud dan Tujuan",
       "Penyusunan LKjIP Kecamatan Kota Sumenep Kabupaten Sumenep Tahun 2023 dimaksudkan untuk memberikan gambaran "
       "terkait pencapaian kinerja tujuan dan sasaran perangkat daerah yang telah ditetapkan dan diperjanjikan pada "
       "perjanjian kinerja perangkat daerah.")

narasi("dasar_hukum", "Landasan Hukum",
       "Laporan Kinerja Kecamatan Kota Sumenep Kabupaten Sumenep ini disusun berdasarkan beberapa landasan hukum "
       "sebagai berikut:",
       "\n".join([
           "1. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP);",
           "2. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Republik Indonesia Nomor 53 "
           "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu Atas Laporan "
           "Kinerja Instansi Pemerintah;",
           "3. Peraturan Daerah Kabupaten Sumenep Nomor 2 Tahun 2021 tentang Rencana Pembangunan Jangka Menengah "
           "Daerah Kabupaten Sumenep Tahun 2021-2026;",
           "4. Peraturan Bupati Sumenep Nomor 20 Tahun 2022 tentang Perubahan Atas Peraturan Bupati Sumenep Nomor 66 "
           "Tahun 2021 tentang Rencana Strategis Perangkat Daerah Tahun 2021-2026;",
           "5. Peraturan Bupati Sumenep Nomor 28 Tahun 2023 tentang Perubahan Atas Peraturan Bupati Sumenep Nomor 45 "
           "Tahun 2022 tentang Rencana Kerja Pemerintah Daerah Kabupaten Sumenep Tahun 2023;",
           "6. Peraturan Bupati Sumenep Nomor 47 Tahun 2023 tentang Penjabaran Perubahan Anggaran Pendapatan dan "
           "Belanja Daerah Tahun Anggaran 2023.",
       ]))

narasi("tugas_fungsi", "Struktur Organisasi dan Tata Kerja",
       "Dalam hal pelaksanaan tugas dan fungsi, perangkat daerah wajib memperhatikan Peraturan Daerah dan juga "
       "Peraturan Bupati yang mengatur tugas pokok dan fungsi perangkat daerah. Bersamaan dengan disusunnya Renstra "
       "Perubahan Kecamatan Kota Sumenep Kabupaten Sumenep Tahun 2021-2026, kedudukan Kecamatan ditentukan melalui "
       "pengesahan Peraturan Daerah yang mengatur Tugas dan Fungsi, sehingga untuk memastikan langkah kerja dan tugas "
       "Kecamatan maka secara normatif tugas Kecamatan mengakomodir Peraturan Daerah Nomor 1 Tahun 2022 tentang "
       "Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan. Tugas Kecamatan sesuai dengan "
       "Peraturan Pemerintah Nomor 17 Tahun 2018 tentang Kecamatan adalah sebagai berikut:",
       "\n".join([
           "1. Menyelenggarakan urusan pemerintahan umum di tingkat Kecamatan sesuai dengan ketentuan peraturan "
           "perundang-undangan yang mengatur pelaksanaan urusan pemerintahan umum;",
           "2. Mengoordinasikan kegiatan pemberdayaan masyarakat;",
           "3. Mengoordinasikan upaya penyelenggaraan ketenteraman dan ketertiban umum;",
           "4. Mengoordinasikan penerapan dan penegakan Peraturan Daerah dan Peraturan Kepala Daerah;",
           "5. Mengoordinasikan pemeliharaan prasarana dan sarana pelayanan umum;",
           "6. Mengoordinasikan penyelenggaraan kegiatan pemerintahan di tingkat Kecamatan;",
           "7. Membina dan mengawasi penyelenggaraan pemerintahan desa sesuai dengan ketentuan peraturan "
           "perundang-undangan yang mengatur desa;",
           "8. Melaksanakan tugas lain sesuai dengan ketentuan peraturan perundang-undangan;",
           "9. Melaksanakan pelimpahan sebagian kewenangan Bupati.",
       ]),
       "Maksud dari pelimpahan urusan tersebut adalah:",
       "\n".join([
           "1. Melaksanakan pelimpahan urusan pelayanan perizinan dan non perizinan dengan kriteria: proses sederhana; "
           "objek perizinan berskala kecil; tidak memerlukan kajian teknis yang kompleks; dan tidak memerlukan "
           "teknologi tinggi;",
           "2. Pelayanan perizinan dimaksud dapat melalui pelayanan terpadu;",
           "3. Pelayanan non perizinan dilaksanakan dengan kriteria: berkaitan dengan pengawasan terhadap objek "
           "perizinan; kegiatan berskala kecil; dan pelayanan langsung kepada masyarakat yang bersifat rutin;",
           "4. Pelimpahan sebagian urusan pemerintahan berdasarkan pemetaan pelayanan publik sesuai karakteristik.",
       ]))

narasi("struktur_organisasi", "Struktur Organisasi",
       "Untuk mendukung pelaksanaan tugas dan fungsi sebagaimana diuraikan di atas, disusunlah Struktur Organisasi "
       "Kecamatan Kota Sumenep Kabupaten Sumenep yang berdasar pada Peraturan Daerah Nomor 1 Tahun 2022 tentang "
       "Kedudukan, Susunan Organisasi, Tugas dan Fungsi, serta Tata Kerja Kecamatan. Kecamatan terdiri dari:",
       "\n".join([
           "- 1 (satu) orang Camat (Eselon III/a);",
           "- 1 (satu) orang Sekretaris Kecamatan (Eselon III/b);",
           "- 5 (lima) orang Kepala Seksi (Eselon IV/a);",
           "- 2 (dua) orang Kepala Sub Bagian (Eselon IV/b).",
       ]),
       "Struktur Organisasi Perangkat Daerah Kecamatan ditetapkan berdasarkan Peraturan Bupati Nomor 30 Tahun 2022.")

narasi("isu_strategis", "Isu Strategis Perangkat Daerah",
       "Dalam setiap pelaksanaan kegiatan, terutama yang melibatkan masyarakat dan/atau OPD baik lintas horizontal "
       "maupun vertikal, berpotensi timbul permasalahan. Dari setiap masalah tersebut dirumuskan Isu Strategis. Isu "
       "Strategis Perangkat Daerah adalah kondisi atau hal yang harus diperhatikan atau dikedepankan dalam "
       "perencanaan pembangunan perangkat daerah karena dampaknya yang signifikan bagi perangkat daerah dengan "
       "karakteristik bersifat penting, mendasar, mendesak, berjangka menengah/panjang, dan menentukan pencapaian "
       "tujuan perangkat daerah di masa yang akan datang dalam rangka menunjang pembangunan daerah.",
       "Isu strategis perangkat daerah yang akan ditangani pada kurun waktu 5 (lima) tahun sebagaimana tertuang pada "
       "Renstra Kecamatan Kota Sumenep Kabupaten Sumenep periode 2021-2026 adalah:",
       "\n".join([
           "1. Lemahnya dukungan antar sektor baik horizontal OPD maupun vertikal antar desa;",
           "2. Optimalisasi pelayanan berbasis teknologi.",
       ]))

narasi("permasalahan", "Permasalahan",
       "Permasalahan yang melatarbelakangi isu strategis Kecamatan Kota Sumenep adalah:",
       "\n".join([
           "- Sarana dan prasarana yang kurang mendukung kegiatan pelayanan;",
           "- Belum optimalnya kegiatan-kegiatan pemberdayaan masyarakat;",
           "- SDM yang tidak cukup dari segi pengetahuan;",
           "- Plotting SDM pelayanan publik yang kurang tepat sehingga menjadi penghambat pelayanan.",
       ]))

narasi("sistematika", "Sistematika",
       "Penyusunan Laporan Akuntabilitas Kinerja Instansi Pemerintah Kecamatan Kota Sumenep Kabupaten Sumenep Tahun "
       "2023 adalah:",
       "\n".join([
           "- BAB I Pendahuluan: meliputi Gambaran Umum, Tugas dan Fungsi, Isu Strategis yang dihadapi SKPD, Dasar "
           "Hukum dan Sistematika.",
           "- BAB II Perencanaan Kinerja: meliputi Perencanaan Strategis Perangkat Daerah.",
           "- BAB III Akuntabilitas Kinerja: meliputi Capaian IKU, Pengukuran, Evaluasi dan Analisis Capaian Kinerja "
           "serta Akuntabilitas Keuangan.",
           "- BAB IV Penutup.",
       ]))

narasi("iku", "Indikator Kinerja Utama",
       "Salah satu upaya untuk memperkuat akuntabilitas dalam penerapan tata pemerintahan yang baik di Indonesia "
       "adalah diterbitkannya Peraturan Menteri Negara Pendayagunaan Aparatur Negara Nomor PER/09/M.PAN/5/2007 "
       "tentang Pedoman Umum Penetapan Indikator Kinerja Utama di Lingkungan Instansi Pemerintah. Indikator Kinerja "
       "Utama merupakan ukuran keberhasilan dari suatu tujuan dan sasaran strategis perangkat daerah.")

narasi("efisiensi", "Analisis Efisiensi Penggunaan Sumber Daya",
       "Analisis atas efisiensi penggunaan sumber daya dalam rangka pencapaian tujuan dan sasaran perangkat daerah "
       "dilakukan dengan membandingkan persentase penyerapan anggaran dengan persentase capaian kinerja. Rasio "
       "efisiensi dinilai dengan kriteria Kepmendagri No. 690.900.327 Tahun 1996:",
       "\n".join([
           "- lebih dari 100%: Tidak Efisien;",
           "- 90% - 100%: Kurang Efisien;",
           "- 80% - 90%: Cukup Efisien;",
           "- 60% - 80%: Efisien;",
           "- kurang dari 60%: Sangat Efisien.",
       ]))

narasi("realisasi_anggaran", "Realisasi Anggaran",
       "Realisasi anggaran yang digunakan untuk mewujudkan kinerja organisasi sesuai dokumen Perjanjian Kinerja "
       "meliputi enam program, yang dilaksanakan oleh Kecamatan Kota Sumenep beserta Kelurahan Kepanjin, Bangselok, "
       "Karangduak dan Pajagalan.")

narasi("kesimpulan", "Penutup",
       "Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Kota Sumenep Kabupaten Sumenep Tahun 2023 ini merupakan "
       "pertanggungjawaban tertulis atas penyelenggaraan pemerintahan yang baik (Good Governance) Kecamatan Kota "
       "Sumenep Kabupaten Sumenep Tahun 2023. Pembuatan LKjIP ini merupakan langkah yang baik dalam memenuhi harapan "
       "Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP), "
       "sebagai upaya untuk penyelenggaraan pemerintahan yang baik sebagaimana diharapkan oleh semua pihak.",
       "Kecamatan Kota Sumenep Kabupaten Sumenep di tahun 2023 menetapkan sebanyak 2 tujuan, 3 sasaran dengan 3 "
       "indikator kinerja sesuai dengan Rencana Kerja Tahunan dan Dokumen Perjanjian Kinerja Tahun 2023. Dari hasil "
       "pengukuran terhadap pencapaian 3 sasaran tersebut, secara umum telah mencapai target yang ditetapkan dalam "
       "perjanjian kinerja.",
       "Dalam Tahun Anggaran 2023, pelaksanaan program dan kegiatan Kecamatan Kota Sumenep dianggarkan melalui APBD "
       "Kabupaten Sumenep sebesar Rp8.437.609.725,00, sedangkan realisasi anggaran mencapai Rp8.145.781.909,00, "
       "sehingga serapan anggaran tahun 2023 sebesar 96,5%.",
       "Sepanjang tahun 2023, Kecamatan Kota Sumenep telah secara optimal mengupayakan terselenggaranya "
       "kegiatan-kegiatan sesuai dengan tugas dan fungsinya. Secara umum pencapaian target kinerja sasaran dan "
       "program/kegiatan dapat dilaksanakan dengan baik dengan capaian kinerja yang sangat baik. Kecamatan Kota "
       "Sumenep juga telah mengupayakan secara optimal sumber dayanya dalam pencapaian target-target yang telah "
       "ditetapkan dalam Penetapan Kinerja Tahun 2023.")

narasi("saran", "Rencana Tindak Lanjut",
       "Langkah yang akan diambil untuk mengatasi permasalahan yang dihadapi dirumuskan sebagai Rencana Tindak Lanjut "
       "berikut:",
       "1. Penetapan sasaran dan target pembangunan daerah dilakukan melalui cascading RPJMD untuk memastikan "
       "kontribusi setiap program dan kegiatan terhadap pencapaian sasaran perangkat daerah, maka perlu penajaman "
       "kegiatan sehingga dapat berkontribusi terhadap sasaran Kecamatan Kota Sumenep.",
       "Semoga Laporan Kinerja Instansi Pemerintah (LKjIP) ini dapat memberikan informasi sebagai parameter untuk "
       "lebih memacu peningkatan kinerja aparatur Kecamatan Kota Sumenep Kabupaten Sumenep pada tahun-tahun "
       "berikutnya.")

nrows = add_rows(wb, "Narasi", N)
bag = {r["Bagian"]: n for r, n in zip(N, nrows)}
note(wb, "Narasi", cell_of(wb, "Narasi", bag["kesimpulan"], "Isi"),
     "Bab IV juga menyebut 'nilai efisiensi anggaran sebesar 3,5%' (= 100 - 96,5, metode sisa), sedangkan Bab III "
     "memakai metode rasio (penyerapan/capaian). Bab IV menyebut capaian 100% sasaran 'kategori sangat baik' dan "
     "sasaran program 100% 'kategori baik'. Klaim capaian tujuan ke-2 (Nilai SAKIP) 100% tanpa realisasi tercetak.")
note(wb, "Narasi", cell_of(wb, "Narasi", bag["tugas_fungsi"], "Isi"),
     "Laporan menyebut dasar SOTK sebagai 'Peraturan Daerah no 1 tahun 2022' (Bab I) dan 'Peraturan Bupati Sumenep "
     "Nomor 01 Tahun 2022' (Bab III C); struktur organisasi merujuk Peraturan Bupati Nomor 30 Tahun 2022.")
note(wb, "Narasi", cell_of(wb, "Narasi", bag["efisiensi"], "Isi"),
     "Tabel 3.10/3.11 baris 1 memakai anggaran program Pemerintahan Umum (160.667.500 / 133.467.500, 83%, "
     "'Cukup Efisien') padahal uraiannya sendiri menyebut penyerapan 100%; dengan Tabel 3.7 (5.788.800 / "
     "5.788.800) efisiensi = 100% 'Kurang Efisien'. Baris 2 mencetak pagu 6.648.783.215 (seharusnya "
     "6.468.783.215).")

save(wb, "kecamatan-kota-sumenep-2023.xlsx")

pagu = sum(p for _, p, _, _ in ANGGARAN)
real = sum(r for _, _, r, _ in ANGGARAN)
print(f"leaf pagu {pagu:,} (report 8,437,609,725) ok={pagu == 8_437_609_725}")
print(f"leaf realisasi {real:,} (report 8,145,781,909) ok={real == 8_145_781_909}")
