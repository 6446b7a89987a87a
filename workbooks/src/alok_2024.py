"""Kecamatan Alok (Kabupaten Sikka), LKjIP 2024, Renstra 2024-2026 -> workbooks/kecamatan-alok-2024.xlsx.

Transcribed from ../shared/seeds/lkjip-kecamatan-alok-2024.txt as office staff would type it:
the figures as printed (including the report's own wrong totals), with a cell comment on every
place where the report contradicts itself. Run from the project root:

    python workbooks/src/alok_2024.py
"""

from __future__ import annotations

import datetime as dt

from _fill import add_rows, cell_of, new_workbook, note, save, set_profile

wb = new_workbook(2024, (2024, 2026))

# --------------------------------------------------------------------------- Profil
set_profile(wb, {
    "pemerintah": "Pemerintah Kabupaten Sikka",
    "instansi": "Kecamatan Alok",
    "tahun": 2024,
    "periode_renstra": "2024-2026",
    # The report prints no office address, no visi and no misi (it refers to the RPD Kabupaten
    # Sikka 2024-2026, which as a transition plan has no regional head's visi/misi): left blank.
    "kota": "Maumere",
    "tanggal_laporan": dt.date(2025, 1, 30),
    "kepala_nama": "Rudolf Mario Cherubim Newar, M.Tr.IP",
    "kepala_jabatan": "Camat Alok",
    "kepala_nip": "198509212004121001",
    "kepala_pangkat": "Pembina (IV/a)",
    "atasan_nama": "Adrianus Firminus Parera, SE, M.Si",
    "atasan_jabatan": "Penjabat Bupati Sikka",
    "tanggal_pk": dt.date(2024, 10, 8),
})
ws = wb["Profil"]
prow = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
note(wb, "Profil", f"B{prow['kepala_nama']}",
     "Gelar tercetak tidak seragam: 'M. T. LP' (Kata Pengantar), 'M. Tr, I. P' dan 'M.Tr., LP' (Perjanjian "
     "Kinerja) - hasil OCR dari M.Tr.IP.")
note(wb, "Profil", f"B{prow['kepala_pangkat']}", "Laporan hanya mencetak 'Pembina' (golongan IV/a).")
note(wb, "Profil", f"B{prow['tanggal_pk']}",
     "Perjanjian Kinerja (Perubahan) ditandatangani 'Masumere' [Maumere], 8 Oktober 2024.")
note(wb, "Profil", f"B{prow['alamat']}", "Laporan tidak mencantumkan alamat kantor.")
note(wb, "Profil", f"B{prow['visi']}",
     "Laporan tidak memuat visi dan misi (perencanaan mengacu pada RPD Kabupaten Sikka 2024-2026).")

set_profile(wb, {"skala_predikat": "permendagri86", "metode_efisiensi": "sisa"}, sheet="Pengaturan")

# --------------------------------------------------------------------------- Kinerja
T1 = "Meningkatkan Pelayanan Publik"
S1 = "Tersedianya Sarana dan Prasarana"
S2 = "Tersedianya Sistem Informasi Pelayanan Publik"
S3 = "Tersedianya Mekanisme Konsultasi dan Pengaduan"
S4 = "Terciptanya Inovasi Pelayanan Publik"
IND1 = "Indeks Sarana dan Prasarana"
IND2 = "Indeks Sistem Informasi Pelayanan Publik"
IND3 = "Indeks Mekanisme Konsultasi dan Pengaduan"
IND4 = "Jumlah Inovasi"

P_PENUNJANG = "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
P_PELAYANAN = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"
P_PEMBERDAYAAN = "Program Pemberdayaan Masyarakat Desa dan Kelurahan"
P_UMUM = "Program Penyelenggaraan Urusan Pemerintahan Umum"
P_DESA = "Program Pembinaan dan Pengawasan Pemerintahan Desa"

KENDALA = ("Kendala umum: sarana prasarana yang ada belum memadai; keterbatasan anggaran, "
           "sehingga program/kegiatan tidak terakomodir dalam Dokumen Pelaksanaan Anggaran.")
SOLUSI = "Optimalisasi sarana prasarana yang ada; kebutuhan yang belum terpenuhi akan diajukan kembali pada Renja Tahun 2025."


def program(uraian: str, indikator: str) -> dict:
    return {"Level": "Program", "Uraian": uraian, "Indikator": indikator, "Satuan": "%", "Polaritas": "Positif",
            "IKU": "Tidak", "PK": "Tidak", "Penanggung Jawab": "Camat Alok"}


kin = add_rows(wb, "Kinerja", [
    {"Level": "Tujuan", "Kode": "T1", "Uraian": T1, "Indikator": "Indeks Kepuasan Masyarakat (IKM)",
     "Satuan": "Indeks", "Polaritas": "Positif", "IKU": "Ya", "PK": "Tidak",
     "Target 2024": 69.83, "Target 2025": 69.84, "Target 2026": 69.85, "Target Akhir Renstra": 69.85,
     "Definisi Operasional": "Indeks Kepuasan Masyarakat atas pelayanan publik Kecamatan Alok.",
     "Penanggung Jawab": "Camat Alok"},
    # --- Sasaran 1
    {"Level": "Sasaran", "Kode": "S1", "Uraian": S1, "Indikator": IND1, "Satuan": "Indeks", "Polaritas": "Positif",
     "IKU": "Ya", "PK": "Ya", "Target 2024": 0.29, "Target 2025": 0.31, "Target 2026": 0.33,
     "Realisasi 2023": 0.29, "Realisasi 2024": 0.29, "Target Akhir Renstra": 0.33,
     "Definisi Operasional": (
         "Indeks komposit aspek prasarana pelayanan: (1) tempat parkir yang aman, nyaman dan mudah diakses; "
         "(2) sarana ruang tunggu yang nyaman; (3) sarana toilet yang bersih, sehat dan memadai; (4) sarana dan "
         "prasarana layanan bagi yang berkebutuhan khusus; (5) ruang laktasi/nursery, arena bermain anak, "
         "kantin/fotocopy/toko ATK; (6) sarana front office untuk layanan konsultasi dan informasi tatap muka "
         "langsung; (7) sarana front office untuk layanan pengaduan tatap muka langsung."),
     "Formula": "Nilai skor x bobot indikator sarana dan prasarana, dikali perhitungan aspek, dibagi 100: 1,934 x 15 / 100 = 0,29",
     "Penanggung Jawab": "Camat Alok",
     "Analisis": (
         "Realisasi Indeks Sarana dan Prasarana 0,29, sama dengan target dan dengan realisasi 2023. Tempat parkir "
         "dan ruang tunggu tersedia (skor 2); toilet yang bersih serta front office layanan konsultasi/informasi dan "
         "pengaduan tersedia (skor 3); belum tersedia sarana dan prasarana layanan bagi yang berkebutuhan khusus "
         "serta ruang laktasi/nursery, arena bermain anak dan kantin/fotocopy/toko ATK (skor 1). " + KENDALA),
     "Solusi": SOLUSI},
    program(P_PENUNJANG, "Persentase Penunjang Urusan Pemerintahan Daerah"),
    # --- Sasaran 2
    {"Level": "Sasaran", "Kode": "S2", "Uraian": S2, "Indikator": IND2, "Satuan": "Indeks", "Polaritas": "Positif",
     "IKU": "Ya", "PK": "Ya", "Target 2024": 0.30, "Target 2025": 0.51, "Target 2026": 0.62,
     "Realisasi 2023": 0.26, "Realisasi 2024": 0.26, "Target Akhir Renstra": 0.62,
     "Definisi Operasional": (
         "Indeks komposit aspek sistem informasi layanan publik: (1) sistem informasi pelayanan publik untuk "
         "informasi publik; (2) sistem informasi pelayanan publik pendukung operasional pelayanan; (3) kepemilikan "
         "situs dan pengelola situs."),
     "Formula": "Nilai skor x bobot indikator sistem informasi pelayanan publik, dikali perhitungan aspek, dibagi 100: 2 x 15 / 100 = 0,30",
     "Penanggung Jawab": "Camat Alok",
     "Analisis": (
         "Informasi pelayanan publik telah ditetapkan dengan adanya SOP (Standar Operasional Pelayanan Publik) "
         "Kecamatan Alok Tahun 2024; informasi pelayanan publik pendukung operasional telah tersedia berupa papan "
         "informasi dan kotak saran. Kantor Camat Alok belum memiliki situs dan pengelola situs (skor 1), sehingga "
         "realisasi 0,26 dari target 0,30. " + KENDALA),
     "Solusi": (
         "Memanfaatkan sarana WIFI Kecamatan Alok, Facebook Kecamatan Alok dan WA Forum Komunikasi Kecamatan Alok "
         "sebagai sarana pendukung komunikasi lintas sektoral kewilayahan. " + SOLUSI)},
    program(P_PELAYANAN, "Persentase Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
    # --- Sasaran 3
    {"Level": "Sasaran", "Kode": "S3", "Uraian": S3, "Indikator": IND3, "Satuan": "Indeks", "Polaritas": "Positif",
     "IKU": "Ya", "PK": "Ya", "Target 2024": 0.30, "Target 2025": 0.36, "Target 2026": 0.39,
     "Realisasi 2023": 0.23, "Realisasi 2024": 0.23, "Target Akhir Renstra": 0.39,
     "Definisi Operasional": (
         "Indeks komposit aspek konsultasi dan pengaduan: (1) sarana dan media konsultasi layanan yang bisa "
         "dimanfaatkan semua lapisan masyarakat; (2) rubrik, dokumentasi dan publikasi konsultasi yang mudah "
         "diakses; (3) sarana dan media pengaduan layanan yang bisa dimanfaatkan semua lapisan masyarakat; "
         "(4) rubrik, dokumentasi dan publikasi proses/hasil pengaduan yang mudah diakses."),
     "Formula": "Nilai skor x bobot indikator konsultasi dan pengaduan, dikali perhitungan aspek, dibagi 100: 2 x 15 / 100 = 0,30",
     "Penanggung Jawab": "Camat Alok",
     "Analisis": (
         "Kecamatan Alok telah menyiapkan sarana pendukung konsultasi dan pengaduan melalui Kotak Saran Kecamatan "
         "Alok dan Facebook Kecamatan Alok, dan SOP Mekanisme Konsultasi dan Pengaduan telah tersedia sebagai acuan. "
         "Belum tersedia rubrik, dokumentasi dan publikasi konsultasi maupun proses/hasil pengaduan (skor 1), "
         "sehingga realisasi 0,23 dari target 0,30. " + KENDALA),
     "Solusi": SOLUSI},
    program(P_PEMBERDAYAAN, "Persentase Pemberdayaan Masyarakat Desa dan Kelurahan"),
    # --- Sasaran 4
    {"Level": "Sasaran", "Kode": "S4", "Uraian": S4, "Indikator": IND4, "Satuan": "Indeks", "Polaritas": "Positif",
     "IKU": "Ya", "PK": "Ya", "Target 2024": 0.14, "Target 2025": 0.21, "Target 2026": 0.28,
     "Realisasi 2023": 0.07, "Realisasi 2024": 0.07, "Target Akhir Renstra": 0.28,
     "Definisi Operasional": "Indeks komposit aspek inovasi: tersedianya inovasi pelayanan publik yang ditetapkan sesuai peraturan.",
     "Formula": "Nilai skor x bobot indikator jumlah inovasi, dikali perhitungan aspek, dibagi 100: 2 x 7 / 100 = 0,14",
     "Penanggung Jawab": "Camat Alok",
     "Analisis": (
         "Kecamatan Alok belum menerapkan inovasi dalam pelayanan kepada masyarakat; skor aspek tersedianya inovasi "
         "1 dari target 2, sehingga realisasi 0,07 dari target 0,14 (capaian 50%). " + KENDALA),
     "Solusi": SOLUSI},
    program(P_UMUM, "Persentase Penyelenggaraan Urusan Pemerintahan Umum"),
    program(P_DESA, "Persentase Pembinaan dan Pengawasan Pemerintahan Desa"),
])
r_t1, r_s1, r_p1, r_s2, r_p2, r_s3, r_p3, r_s4, r_p4, r_p5 = kin
K = "Kinerja"
note(wb, K, cell_of(wb, K, r_t1, "Realisasi 2024"), "Laporan tidak mencantumkan realisasi IKM Tahun 2024.")
note(wb, K, cell_of(wb, K, r_s1, "Target 2024"),
     "Target 0,29 menurut Tabel 2.1, Perjanjian Kinerja dan rumus IKU (1,934 x 15/100 = 0,29). Ringkasan Eksekutif "
     "menulis target 0,26 (realisasi 0,29, capaian 100%).")
note(wb, K, cell_of(wb, K, r_s1, "Target Akhir Renstra"),
     "Tabel 3.17 mencetak capaian terhadap target akhir 87,87%; 0,29/0,33 = 87,88% (pembulatan ke bawah).")
note(wb, K, cell_of(wb, K, r_s2, "Indikator"),
     "Tabel 2.1 menamai indikator ini 'Kemudahan akses, cepat, akurat dan Akuntabel'; Tabel 2.3 (IKU), Perjanjian "
     "Kinerja dan Tabel 3.16 memakai 'Indeks Sistem Informasi Pelayanan Publik'.")
note(wb, K, cell_of(wb, K, r_s2, "Realisasi 2024"),
     "Realisasi 0,26 (Tabel 3.7: 1,7 x 15/100 = 0,255). Ringkasan mencetak capaian 86,66%; 0,26/0,30 = 86,67%.")
note(wb, K, cell_of(wb, K, r_s2, "Target Akhir Renstra"),
     "Tabel 3.17 mencetak akumulasi pencapaian 2024 = 0,30 (angka target) dan capaian 48,38% terhadap 0,62; "
     "realisasi 2024 adalah 0,26 (Tabel 3.7, 3.16), sehingga capaian terhadap target akhir = 41,94%.")
note(wb, K, cell_of(wb, K, r_s3, "Indikator"),
     "Tabel 2.1 dan teks BAB II menamai indikator ini 'Tersedianya SOP' (dan sasarannya 'Tersedia Mekanisme ...'); "
     "Tabel 2.3 (IKU), Perjanjian Kinerja dan Tabel 3.9/3.16 memakai 'Indeks Mekanisme Konsultasi dan Pengaduan'.")
note(wb, K, cell_of(wb, K, r_s3, "Realisasi 2024"),
     "Realisasi 0,23 (Tabel 3.11: 1,5 x 15/100 = 0,225). Tabel 3.9 dan ringkasan mencetak capaian 76,66%; "
     "0,23/0,30 = 76,67%.")
note(wb, K, cell_of(wb, K, r_s4, "Satuan"),
     "Tabel 2.3 (IKU) mencantumkan satuan 'Jumlah', tetapi nilainya indeks (Tabel 3.13: 'Indeks Inovasi "
     "Pelayanan Publik'; 2 x 7/100 = 0,14).")
note(wb, K, cell_of(wb, K, r_s4, "Realisasi 2024"),
     "Ringkasan Eksekutif dan Tabel 3.16 mencetak '0,7'; Tabel 3.13, 3.15 dan 3.17 mendukung 0,07 (skor 1 x bobot "
     "100% x 7/100) dan capaian 50% = 0,07/0,14.")
note(wb, K, cell_of(wb, K, r_s4, "Realisasi 2023"),
     "Tabel 3.16 mencetak 0,7 untuk 2023 (dan menyatakan tidak ada perubahan terhadap 2024); dimaksud 0,07.")
note(wb, K, cell_of(wb, K, r_s4, "Analisis"),
     "Tabel 3.15 memberi skor realisasi 1 untuk 'Tersedia Inovasi', sementara teks menyatakan Kecamatan Alok belum "
     "menerapkan inovasi.")
note(wb, K, cell_of(wb, K, r_p1, "Indikator"),
     "Indikator program dari Tabel 2.3 (IKU); laporan tidak mencantumkan target/realisasinya. Tabel 3.18 mencetak "
     "'Capaian Kinerja 100' untuk semua program, bertentangan dengan capaian sasaran (100; 86,66; 76,66; 50).")

# --------------------------------------------------------------------------- Indeks (Tabel 2.3, 3.7, 3.10/3.11, 3.14/3.15)
idx = add_rows(wb, "Indeks", [
    {"Indikator": IND1, "Aspek": "Sarana dan prasarana (jumlah nilai skor x bobot tujuh aspek, Tabel 2.3)",
     "Skor Target": 1.934, "Skor Realisasi": 1.934, "Bobot": 100, "Perhitungan Aspek": 15},
    {"Indikator": IND2, "Aspek": "Sistem informasi pelayanan publik untuk informasi publik",
     "Skor Target": 2, "Skor Realisasi": 2, "Bobot": 40, "Perhitungan Aspek": 15},
    {"Indikator": IND2, "Aspek": "Sistem informasi pelayanan publik pendukung operasional pelayanan",
     "Skor Target": 2, "Skor Realisasi": 2, "Bobot": 30},
    {"Indikator": IND2, "Aspek": "Kepemilikan situs dan pengelola situs", "Skor Target": 2, "Skor Realisasi": 1, "Bobot": 30},
    {"Indikator": IND3, "Aspek": "Tersedia sarana dan media konsultasi layanan yang bisa dimanfaatkan semua lapisan masyarakat",
     "Skor Target": 2, "Skor Realisasi": 2, "Bobot": 20, "Perhitungan Aspek": 15},
    {"Indikator": IND3, "Aspek": "Tersedia rubrik, dokumentasi dan publikasi konsultasi yang mudah diakses",
     "Skor Target": 2, "Skor Realisasi": 1, "Bobot": 20},
    {"Indikator": IND3, "Aspek": "Tersedia sarana dan media pengaduan layanan yang bisa dimanfaatkan semua lapisan masyarakat",
     "Skor Target": 2, "Skor Realisasi": 2, "Bobot": 30},
    {"Indikator": IND3, "Aspek": "Tersedia rubrik, dokumentasi dan publikasi proses/hasil pengaduan yang mudah diakses",
     "Skor Target": 2, "Skor Realisasi": 1, "Bobot": 30},
    {"Indikator": IND4, "Aspek": "Tersedia inovasi", "Skor Target": 2, "Skor Realisasi": 1, "Bobot": 100, "Perhitungan Aspek": 7},
])
note(wb, "Indeks", f"B{idx[0]}",
     "Tabel 3.3 (bobot tiap aspek sarana dan prasarana) tidak ada dalam teks laporan. Tabel 2.3 hanya memberi skor "
     "target per aspek (parkir 2, ruang tunggu 2, toilet 3, berkebutuhan khusus 1, laktasi/bermain/kantin 1, front "
     "office konsultasi 3, front office pengaduan 3) dan jumlah nilai skor x bobot = 1,934 (1,934 x 15/100 = 0,29). "
     "Skor realisasi per aspek tidak dicetak; realisasi indeks 0,29 (Tabel 3.16, 3.17) = target, maka diisi 1,934.")
note(wb, "Indeks", f"B{idx[1]}",
     "Tabel 3.6 (skor target) tidak ada dalam teks laporan; skor target 2 untuk setiap aspek dari Tabel 2.3 "
     "(2 x 15/100 = 0,30). Bobot dan skor realisasi dari Tabel 3.7 (jumlah 1,7 -> 0,26).")
note(wb, "Indeks", cell_of(wb, "Indeks", idx[8], "Perhitungan Aspek"),
     "Tabel 3.15 mencetak kolom Perhitungan Aspek sebagai 0,07 (hasil), bukan 7.")

# --------------------------------------------------------------------------- Anggaran (Tabel 3.21)
# Names of recurring lines (normal case, OCR garble fixed).
PERENCANAAN = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"
LAPKIN = "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"
ADM_KEU = "Administrasi Keuangan Perangkat Daerah"
GAJI = "Penyediaan Gaji dan Tunjangan ASN"
VERIF = "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD"
ADM_UMUM = "Administrasi Umum Perangkat Daerah"
LISTRIK = "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"
ALAT = "Penyediaan Peralatan dan Perlengkapan Kantor"
LOGISTIK = "Penyediaan Bahan Logistik Kantor"
CETAK = "Penyediaan Barang Cetak dan Penggandaan"
RAPAT = "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD"
PENGADAAN = "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"
MESIN = "Pengadaan Peralatan dan Mesin Lainnya"
GEDUNG = "Pengadaan Sarana dan Prasarana Gedung Kantor atau Bangunan Lainnya"
JASA = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
KOMUNIKASI = "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik"
PELAYANAN_UMUM = "Penyediaan Jasa Pelayanan Umum Kantor"
PEMELIHARAAN = "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"
KENDARAAN = ("Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan, Pajak, dan Perizinan Kendaraan Dinas Operasional "
             "atau Lapangan")
PML_MESIN = "Pemeliharaan Peralatan dan Mesin Lainnya"
PEMB_DESA = "Koordinasi Kegiatan Pemberdayaan Desa"
PEMB_KEL = "Kegiatan Pemberdayaan Kelurahan"
MUSRENBANG_DESA = "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa"
MUSRENBANG_KEL = "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Kelurahan"
SARPRAS_KEL = "Pembangunan Sarana dan Prasarana di Kelurahan"
PM_KEL = "Pemberdayaan Masyarakat di Kelurahan"
EVALUASI_KEL = "Evaluasi Kelurahan"

P, KG, SK = "Program", "Kegiatan", "Sub Kegiatan"

# (level, uraian, pagu, realisasi, persentase as printed); "-" (or an empty leaf) is entered as 0, a printed "-"
# percentage as blank.
TABEL_3_21 = {
    "Kecamatan Alok": [
        (P, P_PENUNJANG, 3752572921, 3615746742, 96.35),
        (KG, PERENCANAAN, 13800000, 13800000, 100.00),
        (SK, LAPKIN, 13800000, 13800000, 100.00),
        (KG, ADM_KEU, 3613183567, 3484381452, 96.44),
        (SK, GAJI, 3583873567, 3455073452, 96.41),
        (SK, VERIF, 29310000, 29308000, 99.99),
        (KG, ADM_UMUM, 21972250, 20848660, 94.89),
        (SK, LISTRIK, 1000970, 975490, 97.45),
        (SK, ALAT, 9147680, 8049820, 88.00),
        (SK, LOGISTIK, 9060000, 9060000, 100.00),
        (SK, CETAK, 2763600, 2763350, 99.99),
        (KG, PENGADAAN, 7560150, 7500000, 99.20),
        (SK, MESIN, 7560150, 7500000, 99.20),
        (KG, JASA, 69912656, 63706672, 91.12),
        (SK, KOMUNIKASI, 19998996, 13952762, 69.77),
        (SK, PELAYANAN_UMUM, 49913660, 49753910, 99.68),
        (KG, PEMELIHARAAN, 26144298, 25509958, 97.57),
        (SK, KENDARAAN, 24844298, 24209958, 97.45),
        (SK, PML_MESIN, 1300000, 1300000, 100.00),
        (P, P_PELAYANAN, 67400000, 67370000, 99.96),
        (KG, "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan", 67400000, 67370000, 99.96),
        (SK, "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan "
             "Instansi Vertikal Terkait", 67400000, 67370000, 99.96),
        (P, P_PEMBERDAYAAN, 9999540, 9999540, 100.00),
        (KG, PEMB_DESA, 9999540, 9999540, 100.00),
        (SK, MUSRENBANG_DESA, 9999540, 9999540, 100.00),
        (P, P_UMUM, 22990000, 22960000, 99.87),
        (KG, "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah", 22990000, 22960000, 99.87),
        (SK, "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan", 22990000, 22960000, 99.87),
        (P, P_DESA, 8783080, 8754000, 99.67),
        (KG, "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa", 8783080, 8754000, 99.67),
        (SK, "Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa", 8783080, 8754000, 99.67),
    ],
    "Kelurahan Madawat": [
        (P, P_PENUNJANG, 163821873, 160162148, 97.77),
        (KG, ADM_KEU, 18300000, 16950000, 92.62),
        (SK, VERIF, 18300000, 16950000, 92.62),
        (KG, ADM_UMUM, 20272840, 20178640, 99.54),
        (SK, LISTRIK, 999690, 999690, 100.00),
        (SK, ALAT, 10278150, 10183950, 99.08),
        (SK, LOGISTIK, 4995000, 4995000, 100.00),
        (SK, CETAK, 4000000, 4000000, 100.00),
        (SK, RAPAT, 0, 0, None),
        (KG, JASA, 113456667, 112144169, 98.84),
        (SK, KOMUNIKASI, 15607227, 14294729, 91.59),
        (SK, PELAYANAN_UMUM, 97849440, 97849440, 100.00),
        (KG, PEMELIHARAAN, 11792366, 10889339, 92.34),
        (SK, KENDARAAN, 9803286, 8900259, 90.79),
        (SK, PML_MESIN, 1989080, 1989080, 100.00),
        (P, P_PEMBERDAYAAN, 226536000, 220176000, 97.19),
        (KG, PEMB_KEL, 226536000, 220176000, 97.19),
        (SK, MUSRENBANG_KEL, 5940000, 0, None),
        (SK, SARPRAS_KEL, 3756000, 3756000, 100.00),
        (SK, PM_KEL, 196190000, 195790000, 99.80),
        (SK, EVALUASI_KEL, 20650000, 20630000, 99.90),
    ],
    "Kelurahan Kabor": [
        (P, P_PENUNJANG, 175288220, 162240199, 92.57),
        (KG, ADM_KEU, 19680000, 19680000, 100.00),
        (SK, VERIF, 19680000, 19680000, 100.00),
        (KG, ADM_UMUM, 26330600, 23239350, 88.26),
        (SK, LISTRIK, 0, 0, None),
        (SK, ALAT, 7022600, 6941350, 98.84),
        (SK, LOGISTIK, 0, 0, None),
        (SK, CETAK, 6408000, 6408000, 100.00),
        (SK, RAPAT, 12900000, 9890000, 76.67),
        (KG, PENGADAAN, 4652400, 4652400, 100.00),
        (SK, GEDUNG, 4652400, 4652400, 100.00),
        (KG, JASA, 113794920, 107041055, 94.06),
        (SK, KOMUNIKASI, 15199800, 9191615, 60.47),
        (SK, PELAYANAN_UMUM, 98595120, 97849440, 99.24),
        (KG, PEMELIHARAAN, 10830300, 7647394, 70.61),
        (SK, KENDARAAN, 8680300, 5497394, 63.33),
        (SK, PML_MESIN, 2150000, 2150000, 100.00),
        (P, P_PEMBERDAYAAN, 215604560, 213576880, 99.06),
        (KG, PEMB_KEL, 215604560, 213576880, 99.06),
        (SK, MUSRENBANG_KEL, 0, 0, None),
        (SK, SARPRAS_KEL, 26649560, 26641880, 99.97),
        (SK, PM_KEL, 164650000, 164650000, 100.00),
        (SK, EVALUASI_KEL, 24305000, 22285000, None),  # not printed in Tabel 3.21: see the note on its Uraian
    ],
    "Kelurahan Nangalimang": [
        (P, P_PENUNJANG, 143546897, 143123707, 98.34),
        (KG, ADM_KEU, 20280000, 20280000, 100.00),
        (SK, VERIF, 20280000, 20280000, 100.00),
        (KG, ADM_UMUM, 32672490, 32395200, 99.15),
        (SK, LISTRIK, 750000, 750000, 100.00),
        (SK, ALAT, 19904690, 19627400, 98.61),
        (SK, LOGISTIK, 998800, 998800, 100.00),
        (SK, CETAK, 2384000, 2384000, 100.00),
        (SK, RAPAT, 8635000, 8635000, 100.00),
        (KG, JASA, 86245307, 84459307, 97.93),
        (SK, KOMUNIKASI, 12858127, 11072227, 86.11),
        (SK, PELAYANAN_UMUM, 73387080, 73387080, 100.00),
        (KG, PEMELIHARAAN, 6349200, 5989200, 94.33),
        (SK, KENDARAAN, 6349200, 5989200, 94.33),
        (SK, PML_MESIN, 0, 0, None),
        (P, P_PEMBERDAYAAN, 199999300, 194618600, 97.31),
        (KG, PEMB_DESA, 0, 0, None),
        (SK, MUSRENBANG_DESA, 0, 0, None),
        (KG, PEMB_KEL, 199999300, 194618600, 97.31),
        (SK, SARPRAS_KEL, 19068500, 13757000, 72.15),
        (SK, PM_KEL, 180930800, 180861600, 99.96),
        (SK, EVALUASI_KEL, 0, 0, None),
    ],
    "Kelurahan Kota Uneng": [
        (P, P_PENUNJANG, 145603058, 143407140, 98.49),
        (KG, ADM_KEU, 19680000, 19680000, 100.00),
        (SK, VERIF, 19680000, 19680000, 100.00),
        (KG, ADM_UMUM, 11850850, 11835750, 99.87),
        (SK, LISTRIK, 999230, 999230, 100.00),
        (SK, ALAT, 4999450, 4999250, 100.00),
        (SK, LOGISTIK, 998970, 984070, 98.51),
        (SK, CETAK, 4853200, 4853200, 100.00),
        (KG, PENGADAAN, 19656400, 17909900, 100.00),
        (SK, MESIN, 19656400, 17909900, 100.00),
        (KG, JASA, 89417208, 89182890, 99.74),
        (SK, KOMUNIKASI, 16030128, 16029810, 100.00),
        (SK, PELAYANAN_UMUM, 73387080, 73153080, 99.68),
        (KG, PEMELIHARAAN, 4998600, 4798600, 96.00),
        (SK, KENDARAAN, 4498600, 4298600, 95.35),
        (SK, PML_MESIN, 500000, 500000, 100.00),
        (P, P_PEMBERDAYAAN, 233245420, 232065420, 99.49),
        (KG, PEMB_KEL, 233245420, 232065420, 99.49),
        (SK, MUSRENBANG_DESA, 0, 0, None),  # printed with every figure blank
        (SK, SARPRAS_KEL, 2975420, 2975420, 100.00),
        (SK, PM_KEL, 204300000, 203120000, 99.42),
        (SK, EVALUASI_KEL, 25970000, 25970000, 100.00),
    ],
}
SASARAN_PROGRAM = {P_PENUNJANG: S1, P_PELAYANAN: S2, P_PEMBERDAYAAN: S3, P_UMUM: S4, P_DESA: S4}  # Tabel 3.18
# Perjanjian Kinerja (8 Oktober 2024): anggaran per program for all units together, typed once on the
# Kecamatan Alok program row (column Pagu PK); jumlah 5.367.390.869.
PAGU_PK = {P_PENUNJANG: 4382832969, P_PELAYANAN: 67400000, P_PEMBERDAYAAN: 885384820, P_UMUM: 22990000, P_DESA: 8783080}

A = "Anggaran"
written: dict[str, list[tuple[int, tuple]]] = {}
for unit, lines in TABEL_3_21.items():
    rows = []
    for level, uraian, pagu, real, pct in lines:
        row = {"Unit": unit, "Level": level, "Uraian": uraian, "Pagu": pagu, "Realisasi": real, "Persentase": pct}
        if level == P:
            row.update({"Sumber Dana": "DAU", "Sasaran": SASARAN_PROGRAM[uraian]})
            if unit == "Kecamatan Alok":
                row["Pagu PK"] = PAGU_PK[uraian]
        rows.append(row)
    written[unit] = list(zip(add_rows(wb, A, rows), lines))
for r in range(2, wb[A].max_row + 1):
    for header in ("Pagu", "Realisasi", "Pagu PK"):
        wb[A][cell_of(wb, A, r, header)].number_format = "#,##0"
    wb[A][cell_of(wb, A, r, "Persentase")].number_format = "#,##0.00"


def _fmt(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# Every printed parent total that is not the sum of its printed children gets a comment.
CHILD = {P: KG, KG: SK}
WHY = {
    ("Kelurahan Kabor", P_PENUNJANG, "Realisasi"):
        " Uraian BAB III dan sisa tercetak (13.028.021) memakai 162.260.199; Tabel 3.20 (375.837.079) juga.",
    ("Kelurahan Nangalimang", P_PENUNJANG, "Pagu"):
        " Jumlah sub kegiatan = 145.546.897 (pagu kegiatan Jasa Penunjang tercetak 100 lebih); uraian BAB III,"
        " sisa tercetak (2.423.190), persentase (98,34%) dan Tabel 3.20 (345.546.197 - 199.999.300) memakai 145.546.897.",
    ("Kelurahan Nangalimang", JASA, "Pagu"):
        " Uraian BAB III menulis 86.245.207 (= jumlah sub kegiatan); sisa tercetak 1.785.900 juga.",
}
differences = []
for unit, rows in written.items():
    for i, (r, (level, uraian, pagu, real, _)) in enumerate(rows):
        if level not in CHILD:
            continue
        kids = []
        for _, child in rows[i + 1:]:
            if child[0] == CHILD[level]:
                kids.append(child)
            elif child[0] == level or (level == KG and child[0] == P):
                break
        for header, typed, k in (("Pagu", pagu, 2), ("Realisasi", real, 3)):
            total = sum(c[k] or 0 for c in kids)
            if typed != total:
                what = "kegiatan" if level == P else "sub kegiatan"
                differences.append((unit, r, uraian, header, typed, total))
                note(wb, A, cell_of(wb, A, r, header),
                     f"Laporan asli: jumlah {what} = {_fmt(total)}, tercetak {_fmt(typed)}."
                     + WHY.get((unit, uraian, header), ""))


def row_of(unit: str, uraian: str, level: str, nth: int = 0) -> int:
    hits = [r for r, line in written[unit] if line[1] == uraian and line[0] == level]
    return hits[nth]


note(wb, A, cell_of(wb, A, row_of("Kelurahan Kabor", EVALUASI_KEL, SK), "Uraian"),
     "Tabel 3.21 laporan asli (rincian Kelurahan Kabor) tidak memuat baris ini, padahal kegiatan Pemberdayaan Kelurahan "
     "tercetak 215.604.560 / 213.576.880 dan sub kegiatan yang tercetak hanya berjumlah 191.299.560 / 191.291.880. "
     "Selisihnya (24.305.000 / 22.285.000) dimuat Tabel 3.19, Tabel 3.20 dan Perjanjian Kinerja (5.367.390.869). "
     "Nama sub kegiatan disimpulkan dari kelurahan lain (Evaluasi Kelurahan).")
note(wb, A, cell_of(wb, A, row_of("Kecamatan Alok", P_PENUNJANG, P), "Pagu PK"),
     "Kolom Pagu PK: anggaran per program menurut Perjanjian Kinerja 8 Oktober 2024, untuk seluruh unit, diisi sekali "
     "pada baris program Kecamatan Alok. Program Penunjang 4.382.832.969 = jumlah rincian Tabel 3.21 (baris program "
     "Kelurahan Nangalimang tercetak 2.000.000 lebih kecil).")
note(wb, A, cell_of(wb, A, row_of("Kecamatan Alok", P_PENUNJANG, P), "Uraian"),
     "Tercetak 'PROGRAM PERHUKUM HURJAHG URUSAN ...' (OCR); Madawat, Nangalimang dan Kota Uneng: 'PERUNJANG'.")
note(wb, A, cell_of(wb, A, row_of("Kecamatan Alok", P_PENUNJANG, P), "Realisasi"),
     "Sisa tercetak 136.766.029; 3.752.572.921 - 3.615.746.742 = 136.826.179. Uraian BAB III menyebut pagu program "
     "ini Rp3.861.745.541 (pagu unit Kecamatan Alok).")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kota Uneng", KENDARAAN, SK), "Persentase"),
     "Tercetak 95,35%; 4.298.600 / 4.498.600 = 95,55%.")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Madawat", MUSRENBANG_KEL, SK), "Realisasi"),
     "Realisasi tercetak '-' dengan sisa 0 dan persentase '-', padahal pagu 5.940.000: sisa seharusnya 5.940.000 "
     "(sisa kegiatan 6.360.000 memang memuatnya).")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kabor", ALAT, SK), "Realisasi"),
     "Sisa tercetak '-'; seharusnya 81.250.")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kabor", RAPAT, SK), "Realisasi"),
     "Sisa tercetak '-'; seharusnya 3.010.000.")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Nangalimang", JASA, KG), "Realisasi"),
     "Sisa tercetak 1.785.900 = pagu 86.245.207 - realisasi; dengan pagu tercetak 86.245.307 sisa menjadi 1.786.000.")
for lvl in (KG, SK):
    note(wb, A, cell_of(wb, A, row_of("Kelurahan Kota Uneng", PENGADAAN if lvl == KG else MESIN, lvl), "Persentase"),
         "Tercetak 100,00%; 17.909.900 / 19.656.400 = 91,11% (sisa 1.746.500).")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kota Uneng", MUSRENBANG_DESA, SK), "Pagu"),
     "Baris tercetak dengan pagu, realisasi dan sisa kosong (diisi 0), dengan nama sub kegiatan '... di Desa' di bawah kegiatan "
     "Pemberdayaan Kelurahan.")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kota Uneng", KENDARAAN, SK), "Uraian"),
     "Tercetak '... Pajak, dan Pertolnan Kendaraan ...' (OCR dari 'Perizinan').")
note(wb, A, cell_of(wb, A, row_of("Kelurahan Kota Uneng", P_PENUNJANG, P), "Unit"),
     "Tabel 3.21 mencetak 'KELURAHAN KOTA UNEG', Tabel 3.20 'Kotauneng'.")
note(wb, A, cell_of(wb, A, row_of("Kecamatan Alok", P_PEMBERDAYAAN, P), "Sasaran"),
     "Tabel 3.18 mencetak pagu Program Pemberdayaan Masyarakat Desa dan Kelurahan (semua unit) 835.384.820 dengan "
     "realisasi 870.436.440 (> pagu); Perjanjian Kinerja dan jumlah Tabel 3.21 = 885.384.820 (penyerapan 98,31%).")

# --------------------------------------------------------------------------- Belanja (Tabel 3.19)
add_rows(wb, "Belanja", [
    {"Kelompok": "Belanja Operasi", "Jenis": "Belanja Pegawai", "Anggaran": 3689413567, "Realisasi": 3559263452},
    {"Kelompok": "Belanja Operasi", "Jenis": "Belanja Barang dan Jasa", "Anggaran": 1632756772, "Realisasi": 1591543044},
    {"Kelompok": "Belanja Modal", "Jenis": "Belanja Modal Peralatan dan Mesin", "Anggaran": 45220530, "Realisasi": 43413880},
])

# --------------------------------------------------------------------------- Rencana_Aksi
# The original lists "Realisasi Rencana Aksi atas Perjanjian Kinerja Tahun 2024" as lampiran g, but its text is not
# in the report. The rows are built from what the report does hold: the PK target of each indicator, the program(s)
# linked to its sasaran (Tabel 3.18) with their PK anggaran, the realisasi 2024 (Tabel 3.1) and the realisasi of the
# program (sum of its sub kegiatan in Tabel 3.21, all units). The indices are measured once, at year end.
REALISASI_PROGRAM: dict[str, int] = {}
for _unit, _lines in TABEL_3_21.items():
    _prog = None
    for _level, _uraian, _pagu, _real, _pct in _lines:
        if _level == P:
            _prog = _uraian
        elif _level == SK:
            REALISASI_PROGRAM[_prog] = REALISASI_PROGRAM.get(_prog, 0) + _real
PK_INDIKATOR = [(IND1, 0.29, 0.29, [P_PENUNJANG]), (IND2, 0.30, 0.26, [P_PELAYANAN]), (IND3, 0.30, 0.23, [P_PEMBERDAYAAN]),
                (IND4, 0.14, 0.07, [P_UMUM, P_DESA])]
ra_rows = []
for ind, target, real, programs in PK_INDIKATOR:
    for k, prog in enumerate(programs):
        ra_rows.append({"Indikator": ind if k == 0 else None, "Periode": "Triwulan IV", "Target Kinerja": target if k == 0 else None,
                        "Realisasi Kinerja": real if k == 0 else None, "Program": prog, "Target Anggaran": PAGU_PK[prog],
                        "Realisasi Anggaran": REALISASI_PROGRAM[prog], "Keterangan": "Diukur akhir tahun"})
ra = add_rows(wb, "Rencana_Aksi", ra_rows)
for r in ra:
    for header in ("Target Anggaran", "Realisasi Anggaran"):
        wb["Rencana_Aksi"][cell_of(wb, "Rencana_Aksi", r, header)].number_format = "#,##0"
note(wb, "Rencana_Aksi", f"A{ra[0]}",
     "Laporan asli mencantumkan 'Realisasi Rencana Aksi atas Perjanjian Kinerja Tahun 2024' sebagai lampiran g, "
     "tetapi isinya tidak ada dalam teks laporan. Baris-baris ini disusun dari Perjanjian Kinerja (target indikator dan "
     "anggaran program), Tabel 3.18 (program pendukung tiap sasaran), Tabel 3.1 (realisasi) dan Tabel 3.21 (realisasi "
     "program, semua unit); indeks diukur sekali pada akhir tahun.")

# --------------------------------------------------------------------------- Narasi
NARASI = [
    ("kata_pengantar", "Kata Pengantar", """\
Laporan Kinerja ini disusun mengacu pada Peraturan Bupati Sikka Nomor 20 Tahun 2020 tentang Petunjuk Teknis Penyusunan Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah Kabupaten Sikka. Capaian kinerja yang termuat dalam laporan ini merupakan realisasi kinerja dari target-target kinerja dalam Perjanjian Kinerja Tahun 2024. Secara umum sasaran yang direncanakan tahun 2024 dapat direalisasikan dengan baik atas dukungan seluruh aparatur Kecamatan Alok.

Kinerja Kecamatan Alok diukur atas dasar penilaian indikator kinerja utama (IKU) yang merupakan indikator keberhasilan pencapaian tujuan dan sasaran strategis sebagaimana telah ditetapkan dalam Perjanjian Kinerja Kecamatan Alok Tahun 2024.

Berdasarkan analisis dan evaluasi obyektif yang dilakukan melalui Laporan Kinerja Kecamatan Alok Tahun 2024 ini, diharapkan dapat terjadi optimalisasi peran kelembagaan dan peningkatan efisiensi, efektivitas, dan produktivitas kinerja seluruh jajaran pejabat dan pelaksana di lingkungan Kecamatan Alok pada tahun-tahun selanjutnya sehingga dapat mendukung kinerja Pemerintah Daerah secara keseluruhan dalam mewujudkan pemerintahan yang baik (good governance)."""),
    ("dasar_hukum", "Dasar Hukum", """\
Dasar hukum yang dirujuk dalam laporan ini:

- Peraturan Bupati Sikka Nomor 52 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan;
- Keputusan Bupati Sikka Nomor 52/HK/2019 tentang pelimpahan sebagian kewenangan Bupati kepada Camat;
- Peraturan Bupati Sikka Nomor 20 Tahun 2020 tentang Petunjuk Teknis Penyusunan Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas Laporan Kinerja Instansi Pemerintah Kabupaten Sikka;
- Peraturan Bupati Sikka Nomor 682 Tahun 2024 tentang Indikator Kinerja Utama di Lingkungan Pemerintah Kabupaten Sikka."""),
    ("tugas_fungsi", "Tugas, Fungsi dan Wewenang Organisasi", """\
Keberadaan Kecamatan Alok didasari oleh Peraturan Bupati Sikka Nomor 52 Tahun 2016 tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Kecamatan. Kecamatan Alok mempunyai tugas membantu Bupati dalam meningkatkan koordinasi penyelenggaraan pemerintahan, pelayanan publik dan pemberdayaan masyarakat desa dan kelurahan.

Camat menyelenggarakan fungsi:

- penyelenggaraan urusan pemerintahan umum;
- pelaksanaan koordinasi kegiatan pemberdayaan masyarakat;
- pengoordinasian upaya penyelenggaraan ketenteraman dan ketertiban umum;
- pengoordinasian penerapan dan penegakan peraturan daerah dan peraturan bupati;
- pengoordinasian pemeliharaan prasarana dan sarana pelayanan umum;
- pengoordinasian penyelenggaraan kegiatan pemerintahan yang dilakukan perangkat daerah di tingkat kecamatan;
- pembinaan dan pengawasan penyelenggaraan kegiatan desa dan/atau kelurahan;
- pelaksanaan urusan pemerintahan yang menjadi kewenangan kabupaten yang tidak dilaksanakan oleh unit kerja Pemerintah Daerah Kabupaten yang ada di kecamatan; dan
- pelaksanaan fungsi lain yang diberikan oleh Bupati.

Sekretariat Kecamatan mengoordinasikan penyelenggaraan pelayanan administratif dan teknis yang meliputi perencanaan, keuangan, tata usaha, perlengkapan rumah tangga dan urusan aparatur sipil negara kepada semua unsur di lingkungan Kecamatan, dibantu Sub Bagian Program, Evaluasi dan Pelaporan serta Sub Bagian Kepegawaian, Keuangan dan Aset.

Seksi Pemerintahan melaksanakan pembinaan penyelenggaraan pemerintahan desa dan/atau kelurahan, pengawasan tertib administrasi pemerintahan desa dan/atau kelurahan, pembinaan dan pengawasan terhadap perangkat desa dan/atau kelurahan, evaluasi penyelenggaraan pemerintahan desa dan/atau kelurahan serta bimbingan, supervisi, fasilitasi dan konsultasi pelaksanaan administrasi desa dan/atau kelurahan.

Seksi Pemberdayaan Masyarakat melaksanakan pembinaan dan pengawasan terhadap program dan kegiatan pemberdayaan masyarakat dan mengevaluasi kegiatan pemberdayaan masyarakat di wilayah Kecamatan.

Seksi Ketenteraman dan Ketertiban Umum melaksanakan pembinaan dan pengendalian penyelenggaraan ketenteraman dan ketertiban umum, penerapan dan penegakan produk hukum daerah, pembinaan dan fasilitasi kegiatan organisasi sosial kemasyarakatan, lembaga swadaya masyarakat dan lembaga profesi, pencegahan dan penanggulangan bencana alam dan pengungsi serta penanggulangan masalah sosial lainnya.

Seksi Sosial dan Ekonomi melaksanakan pembinaan dan pengembangan ketenagakerjaan, pembinaan dan pengawasan kegiatan program pendidikan, generasi muda, keolahragaan, kepramukaan, peranan wanita, keluarga berencana serta pelayanan kesehatan dan perekonomian tingkat kecamatan.

Seksi Administrasi Pembangunan dan Pelayanan Publik melaksanakan perencanaan dan pelaksanaan pembangunan tingkat kecamatan dalam forum musyawarah perencanaan pembangunan di desa/kelurahan dan kecamatan, pelaksanaan pelayanan publik dan pengelolaan administrasi pelayanan publik, serta koordinasi dengan instansi terkait, instansi vertikal dan swasta dalam pemeliharaan prasarana dan fasilitas pelayanan umum.

Selain tugas dan fungsi tersebut, Camat juga mendapatkan pelimpahan sebagian kewenangan Bupati sesuai Keputusan Bupati Sikka Nomor 52/HK/2019.

Kelurahan mempunyai tugas membantu atau melaksanakan sebagian tugas Camat, dengan fungsi:

- pelaksanaan kegiatan pemerintahan kelurahan;
- pelaksanaan pemberdayaan masyarakat;
- pelaksanaan pelayanan masyarakat;
- pemeliharaan ketenteraman dan ketertiban umum;
- pemeliharaan sarana dan prasarana serta fasilitas pelayanan umum;
- pelaksanaan tugas lain yang diberikan oleh Camat; dan
- pelaksanaan tugas lain sesuai dengan ketentuan peraturan perundang-undangan."""),
    ("gambaran_umum", "Gambaran Umum", """\
Wilayah Kecamatan Alok meliputi 4 (empat) kelurahan, yaitu Kelurahan Madawat, Kelurahan Kabor, Kelurahan Nangalimang dan Kelurahan Kota Uneng, serta 3 (tiga) desa, yaitu Desa Pemana, Desa Gunung Sari dan Desa Samparong yang berada di Pulau Pemana dan Pulau Samparong, dengan jarak tempuh yang berisiko jika iklim tidak bersahabat.

Dalam Tahun 2024 Kecamatan Alok melakukan kegiatan baik secara internal maupun lintas sektor, antara lain:

- pembinaan dan pengawasan tertib administrasi pemerintahan desa, fasilitasi asistensi APBDes dan penyusunan Peraturan Desa di Desa Pemana, Desa Gunung Sari dan Desa Samparong;
- koordinasi pemungutan Pajak Bumi dan Bangunan di 4 kelurahan dan 3 desa, serta koordinasi penyelenggaraan lomba/penilaian desa/kelurahan;
- koordinasi dengan Balai Penyuluh Pertanian, pendataan koperasi dan pra koperasi, serta koordinasi BUMDes dan lembaga kemasyarakatan (LPM dan lembaga adat);
- koordinasi dan monitoring kebersihan lingkungan, koordinasi keamanan dan ketertiban melalui Jumat Curhat bersama Polres Sikka, koordinasi penyelesaian kasus dan pendataan Linmas;
- pendataan sarana prasarana kesehatan, rumah ibadah, izin pendirian PAUD, stunting, akseptor KB, serta monitoring posyandu dan operasi timbang di 7 desa/kelurahan;
- sosialisasi dan pendataan kemiskinan ekstrem, fasilitasi Musrenbang desa/kelurahan dan kecamatan, pendataan rumah tidak layak huni, serta fasilitasi perekaman e-KTP bersama Dispenduk Kabupaten Sikka.

Layanan produk yang dihasilkan Kecamatan Alok beserta kelurahan dan desa antara lain surat keterangan dan pernyataan ahli waris, surat keterangan kepemilikan dan pernyataan hak atas tanah, surat pengalihan hak dan jual beli tanah, surat keterangan kematian, domisili, hibah, tidak mampu, izin jalan, penduduk dan pindah penduduk, surat izin penelitian, surat-surat urusan pensiun, surat izin mendirikan bangunan serta surat izin tempat usaha. Camat memberi rekomendasi atau pengesahan setelah masyarakat membawa kebutuhan administrasi surat-surat tersebut yang terlebih dahulu dikeluarkan oleh desa atau kelurahan."""),
    ("struktur_organisasi", "Struktur Organisasi", """\
Susunan organisasi Kecamatan Alok menurut Peraturan Bupati Sikka Nomor 52 Tahun 2016 terdiri atas:

- Camat;
- Sekretariat Kecamatan, yang membawahi Sub Bagian Program, Evaluasi dan Pelaporan serta Sub Bagian Kepegawaian, Keuangan dan Aset;
- Seksi Pemerintahan;
- Seksi Pemberdayaan Masyarakat;
- Seksi Ketenteraman dan Ketertiban Umum;
- Seksi Sosial dan Ekonomi;
- Seksi Administrasi Pembangunan dan Pelayanan Publik;
- Kelurahan Madawat, Kabor, Nangalimang dan Kota Uneng, masing-masing dengan Sekretariat Kelurahan, Seksi Pemerintahan, Seksi Pemberdayaan Masyarakat serta Seksi Ketenteraman dan Ketertiban Umum."""),
    ("isu_strategis", "Aspek Strategis Organisasi", """\
Lingkungan strategis yang dinamis menuntut Kecamatan Alok untuk terus beradaptasi dalam pelaksanaan tugas dan fungsinya sebagai unsur penunjang urusan pemerintahan. Salah satu masalah pokok adalah belum optimalnya Reformasi Birokrasi, yang dijabarkan dalam 4 (empat) masalah:

1. belum tersedianya sarana dan prasarana yang memadai di Kecamatan;
2. belum tersedianya sistem informasi pelayanan publik;
3. belum tersedianya mekanisme konsultasi dan pengaduan; dan
4. belum adanya inovasi pelayanan publik.

Faktor penghambat (akar masalah) Kecamatan Alok adalah belum adanya regulasi dan anggaran untuk fasilitas penunjang; belum optimalnya pemanfaatan TIK dan papan informasi; belum optimalnya pemanfaatan SDM yang memahami TIK, jaringan internet, media sosial, web kecamatan dan papan informasi; belum optimalnya kerja sama lintas sektor dan Forkopimcam; kurangnya kesadaran aparatur desa/kelurahan dalam menyediakan data yang akurat untuk informasi publik; masih rendahnya partisipasi masyarakat; belum optimalnya kerja sama dengan organisasi kemasyarakatan dan lembaga adat; belum adanya SOP sebagai panduan; belum adanya standar pelayanan minimal sesuai regulasi; serta belum adanya evaluasi pelayanan publik melalui kerja sama lintas sektor, lomba inovasi dan pembentukan BUMDes bersama.

Faktor pendorong (strategi) Kecamatan Alok adalah mengaktifkan pemanfaatan TIK dan papan informasi untuk memperkuat informasi pelayanan publik serta mengaktifkan anggaran dan memanfaatkan program strategis pusat dan provinsi."""),
    ("strategi", "Strategi", """\
Sasaran Tersedianya Sarana dan Prasarana:

1. Mengefektifkan pemanfaatan TIK dan papan informasi untuk memperkuat informasi pelayanan publik;
2. Mengefektifkan anggaran serta memanfaatkan program strategis pusat dan provinsi untuk meningkatkan fasilitas penunjang kecamatan;
3. Memperkuat regulasi untuk mengoptimalkan fasilitas penunjang di kecamatan.

Sasaran Tersedianya Sistem Informasi Pelayanan Publik:

1. Memanfaatkan SDM yang memahami TIK dan meningkatkan kesadaran aparatur desa/kelurahan dalam menyediakan data yang akurat;
2. Memanfaatkan jaringan internet, media sosial dan web kecamatan untuk meningkatkan kerja sama lintas sektor dan Forkopimcam dalam menyampaikan informasi ke publik;
3. Memanfaatkan media sosial untuk menyampaikan informasi ke ruang publik;
4. Menyediakan papan informasi dan web kecamatan serta meningkatkan kesadaran aparatur desa/kelurahan dalam mengirimkan data ke kecamatan.

Sasaran Tersedianya Mekanisme Konsultasi dan Pengaduan:

1. Meningkatkan partisipasi masyarakat untuk melakukan pengaduan dan konsultasi publik melalui kotak saran, media sosial dan ruang konsultasi publik;
2. Membangun kerja sama lintas sektoral, organisasi kemasyarakatan dan lembaga adat serta memanfaatkan SDM untuk mengakomodir konsultasi dan pengaduan;
3. Menyusun SOP sebagai panduan dan membangun kerja sama lintas sektor, organisasi kemasyarakatan dan lembaga adat serta memanfaatkan media sosial untuk optimalisasi pelayanan publik.

Sasaran Terciptanya Inovasi Pelayanan Publik:

1. Memanfaatkan sumber daya aparatur, TIK, kearifan lokal dan regulasi pelayanan publik melalui koordinasi lintas sektor untuk meningkatkan pengetahuan dan kesadaran masyarakat;
2. Memanfaatkan regulasi pelayanan publik dan TIK untuk menyusun standar pelayanan minimal dan mengoptimalkan evaluasi pelayanan publik melalui kerja sama lintas sektor;
3. Menyusun standar pelayanan minimal dengan mengoptimalkan sarana prasarana, TIK, kearifan lokal, lomba inovasi dan evaluasi pelayanan publik melalui kerja sama lintas sektor untuk meningkatkan pengetahuan dan kesadaran masyarakat;
4. Meningkatkan koordinasi aparatur tingkat kecamatan untuk melaksanakan lomba inovasi dan pembentukan BUMDes bersama."""),
    ("arah_kebijakan", "Arah Kebijakan", """\
Arah kebijakan Kecamatan Alok Tahun 2024-2026 untuk setiap sasaran:

- Tersedianya Sarana dan Prasarana: memperkuat regulasi, mengefektifkan anggaran serta memanfaatkan program strategis pusat dan provinsi untuk meningkatkan fasilitas penunjang, serta pemanfaatan TIK dan papan informasi untuk memperkuat informasi pelayanan publik.
- Tersedianya Sistem Informasi Pelayanan Publik: meningkatkan kesadaran aparatur desa/kelurahan dalam menyediakan data yang akurat untuk informasi publik dengan memanfaatkan SDM yang memahami TIK, jaringan internet, media sosial, web kecamatan dan papan informasi, serta meningkatkan kerja sama lintas sektor dan Forkopimcam.
- Tersedianya Mekanisme Konsultasi dan Pengaduan: meningkatkan partisipasi masyarakat dan membangun kerja sama lintas sektor, organisasi kemasyarakatan dan lembaga adat, serta menyusun SOP sebagai panduan dan memanfaatkan media sosial untuk optimalisasi pelayanan publik.
- Terciptanya Inovasi Pelayanan Publik: pada tahun 2024 menyusun standar pelayanan minimal sesuai regulasi dengan mengoptimalkan sumber daya aparatur, sarana dan prasarana, TIK, kearifan lokal, lomba inovasi dan evaluasi pelayanan publik melalui kerja sama lintas sektor; pada tahun 2025-2026 memanfaatkan regulasi pelayanan publik dan standar pelayanan minimal, mengoptimalkan evaluasi pelayanan publik melalui kerja sama lintas sektor dan meningkatkan koordinasi aparatur tingkat kecamatan untuk melaksanakan lomba inovasi dan pembentukan BUMDes bersama."""),
    ("permasalahan", "Kendala", """\
Kendala yang terjadi dalam penyelenggaraan pemerintahan:

- kondisi geografis: Kecamatan Alok memiliki 3 desa, yaitu Desa Pemana, Desa Gunung Sari dan Desa Samparong, yang berada di Pulau Pemana dan Pulau Samparong, dengan jarak tempuh berisiko jika iklim tidak bersahabat;
- kurangnya kesadaran dan partisipasi masyarakat dalam pelaksanaan kebersihan lingkungan;
- permasalahan ketenteraman dan ketertiban masyarakat.

Kendala dalam pencapaian Indikator Kinerja Utama:

- sarana prasarana yang ada belum memadai;
- keterbatasan anggaran, yang mengakibatkan program/kegiatan tidak terakomodir dalam Dokumen Pelaksanaan Anggaran, sehingga berdampak pada tidak tercapainya sasaran pada Indikator Kinerja Utama Kecamatan Alok."""),
    ("solusi", "Upaya Pemecahan Masalah", """\
Untuk mengatasi permasalahan tersebut, pada Tahun 2024 Kecamatan Alok:

- membangun kerja sama dengan Telkomsel dalam membangun menara Telkomsel di Desa Gunung Sari (Pulau Pemana);
- menghadapi iklim yang tidak menentu, melakukan koordinasi dengan pemerintah desa wilayah terluar dan terpencil dengan menyesuaikan keadaan cuaca, serta membuat grup WA kewilayahan agar terjalin kerja sama dan koordinasi;
- bersama perangkat kelurahan dan desa mengadakan kerja bakti mulai dari desa dan kelurahan dengan melibatkan berbagai elemen masyarakat, untuk meningkatkan partisipasi masyarakat dalam kebersihan lingkungan;
- dalam permasalahan ketenteraman dan ketertiban, selalu berkoordinasi dengan Babinsa dan Bhabinkamtibmas serta melakukan koordinasi lintas sektoral;
- mengoptimalkan sarana prasarana yang ada dan mengajukan kembali kebutuhan yang belum terakomodir pada Renja Tahun 2025."""),
    ("efisiensi", "Analisis atas Efisiensi Penggunaan Sumber Daya", """\
Efisiensi adalah kemampuan untuk melakukan sesuatu dengan cara yang optimal, tanpa membuang waktu, tenaga atau sumber daya lainnya. Dalam penyelesaian perencanaan program, kegiatan dan keuangan yang menggunakan sistem berbasis elektronik dengan berbagai aplikasi seperti SIPD, Simonep dan lain-lain, sering terjadi koordinasi telah dilakukan dengan baik tetapi proses penyelesaian melampaui waktu yang ditetapkan akibat permasalahan aplikasi.

Hal lain yang juga berhubungan dengan aplikasi tersebut adalah sering berubahnya fitur aplikasi, yang menuntut para pengelola kegiatan memerlukan waktu untuk mempelajari aplikasi baru tersebut sebelum melaksanakan pekerjaan."""),
    ("kesimpulan", "Kesimpulan", """\
Kinerja Kecamatan Alok dinilai telah mencapai hasil yang maksimal dalam hal pencapaian Indikator Kinerja Utama Kecamatan Alok, yaitu sasaran tersedianya sarana dan prasarana, tersedianya sistem informasi pelayanan publik, tersedianya mekanisme konsultasi dan pengaduan, dan terciptanya inovasi pelayanan publik. Salah satu penyebab kendala adalah kurangnya pendanaan; pemerintah hanya mengalokasikan anggaran terbatas pada belanja barang dan jasa, bukan belanja modal, yang berdampak pada tidak maksimalnya pengadaan sarana prasarana yang mendukung pelayanan publik.

Dalam hal pencapaian realisasi anggaran, Kecamatan Alok dan kelurahan dapat dikatakan memiliki capaian tinggi. Dalam menjalankan tugas dan fungsi, Kecamatan Alok terus berbenah diri menjalin kerja sama baik internal di wilayah Kecamatan Alok, kelurahan dan desa, maupun kerja sama lintas sektor.

Menghadapi kondisi geografis yang sulit akibat memiliki desa di Pulau Pemana dan Pulau Samparong, Kecamatan Alok memanfaatkan sarana internet dengan bekerja sama dengan pihak ketiga membangun menara Telkomsel di Pulau Pemana, serta membuka sarana komunikasi lintas sektor melalui WA Forum Komunikasi Kecamatan Alok dan Facebook Kecamatan Alok."""),
    ("saran", "Saran", """\
1. Perlu adanya pengadaan sarana prasarana yang memadai.
2. Perlu adanya pelatihan penguasaan teknologi bagi aparatur."""),
]
nar = add_rows(wb, "Narasi", [{"Bagian": b, "Judul": j, "Isi": isi} for b, j, isi in NARASI])
bag = {b: r for (b, _, _), r in zip(NARASI, nar)}
note(wb, "Narasi", f"C{bag['struktur_organisasi']}",
     "Bagian C (Struktur Organisasi) tidak ada dalam teks laporan; disusun dari uraian tugas dan fungsi. Bagian D "
     "menyebut 'Seksi Keamanan dan Ketertiban' dan 'Seksi Kesejahteraan Sosial', sedangkan uraian tugas memakai "
     "'Seksi Ketenteraman dan Ketertiban Umum' dan 'Seksi Sosial dan Ekonomi'.")
note(wb, "Narasi", f"C{bag['isu_strategis']}", "Paragraf faktor pendorong terpotong dalam teks laporan.")
note(wb, "Narasi", f"C{bag['kesimpulan']}",
     "Kesimpulan asli menyatakan hasil 'maksimal' padahal dua sasaran di bawah target (0,26/0,30; 0,23/0,30) dan "
     "satu 50% (0,07/0,14).")

save(wb, "kecamatan-alok-2024.xlsx")
for unit, r, uraian, header, typed, total in differences:
    print(f"{unit} | Anggaran!{cell_of(wb, A, r, header)} | {uraian} | {header}: tercetak {_fmt(typed)}, jumlah anak {_fmt(total)}")
