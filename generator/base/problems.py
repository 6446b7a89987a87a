"""Problems are data: a catalogue of stable codes, each with severity, message template and hint."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

ERROR = "error"
WARNING = "warning"

# code -> (severity, message template, hint). Templates use str.format fields.
CATALOGUE: dict[str, tuple[str, str, str]] = {
    # the file itself
    "berkas.tidak-ada": (ERROR, "Berkas {path} tidak ditemukan.", "Periksa nama dan folder berkasnya."),
    "berkas.bukan-xlsx": (ERROR, "Berkas ini bukan workbook Excel .xlsx: {what}.", "Buka di Excel/LibreOffice lalu Simpan Sebagai 'Excel Workbook (*.xlsx)'."),
    "berkas.rusak": (ERROR, "Workbook tidak dapat dibaca: {what}.", "Buka di Excel lalu simpan ulang sebagai .xlsx; jika gagal, pakai salinan cadangan."),
    "berkas.tidak-terbaca": (ERROR, "Workbook {path} tidak dapat dibuka: {why}.", "Periksa izin berkas dan foldernya (mis. berkas milik pengguna lain), atau salin workbook ke folder Anda lalu coba lagi."),
    "berkas.terkunci": (ERROR, "Workbook dilindungi kata sandi (terenkripsi).", "Buka di Excel, hapus kata sandinya (File > Info > Protect Workbook), lalu simpan sebagai .xlsx."),
    "berkas.terlalu-besar": (ERROR, "Workbook terlalu besar untuk dibaca dengan aman: {what}.", "Batasnya {limit}. Periksa apakah berkas ini benar workbook LKjIP."),
    "berkas.xml-berbahaya": (ERROR, "Workbook berisi XML yang ditolak demi keamanan: {what}.", "Simpan ulang workbook dari Excel; jangan memakai berkas dari sumber tidak dikenal."),
    # structure
    "sheet.tidak-ada": (ERROR, "Sheet wajib '{sheet}' tidak ada.", "Tambahkan sheet '{sheet}' (lihat workbook kosong dari 'lkjip template')."),
    "sheet.ganda": (WARNING, "Sheet '{found}' juga cocok dengan nama sheet {expected}; yang dibaca hanya sheet bernama persis '{expected}', isi sheet ini diabaikan.", "Hapus salinan ini atau beri nama lain (mis. '{expected} lama') agar jelas sheet mana yang dipakai."),
    "sheet.ganda-tanpa-asli": (ERROR, "Sheet '{found}' dan {names} sama-sama cocok dengan nama sheet {expected}; tidak ada yang bernama persis '{expected}', sehingga tidak jelas mana yang dipakai.", "Beri nama persis '{expected}' pada sheet yang benar, lalu hapus atau ganti nama yang lain."),
    "sheet.tersembunyi-ada-salinan": (ERROR, "Sheet '{hidden}' {state}, sedangkan sheet '{copy}' yang terlihat tampak seperti salinannya; yang akan dibaca hanya '{hidden}', sehingga isi '{copy}' (mungkin yang terakhir diedit) diabaikan.", "Bila '{copy}' yang benar: hapus sheet '{hidden}' (klik kanan tab > Unhide untuk menampilkannya), lalu ganti nama '{copy}' menjadi '{expected}'. Bila '{hidden}' yang benar: tampilkan (Unhide) lalu hapus '{copy}', atau beri nama tanpa kata '{expected}' (mis. 'Arsip lama')."),
    "kolom.tidak-ada": (ERROR, "Kolom wajib '{header}' tidak ditemukan di baris judul.", "Tambahkan kolom berjudul '{header}' di baris 1 (huruf besar/kecil bebas)."),
    "kolom.tidak-dikenal": (WARNING, "Kolom '{header}' tidak dikenal dan diabaikan.", "Biarkan jika memang catatan Anda; periksa ejaannya jika seharusnya kolom standar."),
    "kolom.tidak-dikenal-berisi": (ERROR, "Kolom '{header}' tidak dikenal, padahal berisi teks di {n} baris (mis. {contoh}); isinya tidak akan masuk laporan.", "Bila maksudnya kolom '{closest}', ganti judulnya menjadi '{closest}'. Bila kolom ini memang catatan Anda sendiri, beri judul yang diawali 'Catatan' (mis. 'Catatan {header}'): kolom itu dilewati dengan peringatan saja."),
    "kolom.ganda": (ERROR, "Kolom '{header}' muncul lebih dari sekali.", "Hapus atau ganti nama salah satunya."),
    "profil.wajib-kosong": (ERROR, "Isian wajib '{field}' kosong.", "Isi kolom Nilai untuk '{field}' di sheet Profil."),
    "profil.isian-ganda": (ERROR, "Isian '{field}' diisi lebih dari sekali dengan nilai berbeda (juga di {other}: '{value}').", "Hapus salah satu baris agar jelas nilai mana yang dipakai."),
    "profil.tidak-dikenal": (WARNING, "Isian '{field}' tidak dikenal dan diabaikan.", "Periksa ejaan nama isian (lihat sheet Petunjuk)."),
    # cell values
    "angka.tidak-terbaca": (ERROR, "'{found}' bukan angka.", "Tulis angka seperti 1.234.567 atau 96,77 (boleh dengan Rp, ,- atau %)."),
    "angka.huruf-mirip-angka": (ERROR, "'{found}' bukan angka: ada huruf O, o, l atau I di antara angkanya (mungkin salah ketik untuk 0 atau 1).", "Ketik ulang angkanya dengan angka 0 dan 1, mis. 9.147.680."),
    "angka.pemisah-ribuan": (ERROR, "'{found}' tidak dapat dibaca: pemisah ribuan tidak beraturan.", "Periksa titik/komanya; contoh benar: 6.502.500 atau 65.025.000."),
    "angka.rupiah-ambigu": (ERROR, "Jumlah rupiah '{found}' dapat dibaca dua cara: Rp{satu} (tanda terakhir sebagai koma desimal) atau Rp{dua} (setiap titik dan koma sebagai pemisah ribuan); laporan tidak mencetak angka yang tidak pasti.", "Ketik angkanya tanpa pemisah ({polos}) atau dengan titik ribuan saja (Rp{dua}), atau ketik sebagai angka di sel berformat angka."),
    "angka.di-luar-batas": (ERROR, "Angka {found} di luar batas yang masuk akal untuk rupiah.", "Periksa angkanya; batasnya {limit}."),
    "nilai.tidak-terbaca": (ERROR, "'{found}' bukan angka atau nilai kualitatif yang dikenal.", "Tulis angka, atau salah satu: AA, A, BB, B, CC, C, D, WTP, WDP, TW, TMP, Belum ada penilaian."),
    "tanggal.tidak-terbaca": (ERROR, "'{found}' bukan tanggal.", "Tulis tanggal seperti 30 Januari 2025 atau 30/01/2025, atau format sel sebagai tanggal."),
    "tahun.tidak-terbaca": (ERROR, "'{found}' bukan tahun.", "Tulis tahun empat angka, contoh 2024."),
    "periode.tidak-terbaca": (ERROR, "'{found}' bukan periode Renstra.", "Tulis seperti 2024-2026."),
    "nilai.tidak-hingga": (ERROR, "Sel menyimpan angka {found} (NaN atau tak hingga), yang tidak dapat dibuat Excel; isinya tidak dibaca.", "Ketik ulang isi sel ini di Excel (teks atau angka biasa) lalu simpan; sel seperti ini biasanya ditulis program lain."),
    "rumus.tanpa-nilai": (ERROR, "Sel berisi rumus {found} tanpa nilai tersimpan.", "Buka workbook di Excel/LibreOffice dan simpan ulang agar hasil rumus tersimpan, atau ketik nilainya."),
    "rumus.galat": (ERROR, "Sel berisi nilai galat {found}.", "Perbaiki rumusnya di Excel sehingga menghasilkan angka."),
    "pilihan.tidak-dikenal": (ERROR, "'{found}' bukan pilihan yang dikenal untuk kolom {header}.", "Pilih salah satu: {choices}."),
    "teks.terlalu-panjang": (ERROR, "Isi sel terlalu panjang ({found} karakter).", "Batasnya {limit} karakter per sel; pecah teksnya ke beberapa baris Narasi."),
    # hierarchy
    "hierarki.tanpa-induk": (ERROR, "Baris {level} tanpa {parent} di atasnya.", "Tambahkan baris {parent} di atas baris ini, atau perbaiki kolom Level."),
    "hierarki.level-kosong": (ERROR, "Kolom Level kosong dan tidak dapat ditentukan dari Kode '{found}'.", "Isi Level: {choices}."),
    "kode.ganda": (ERROR, "Kode '{found}' dipakai lebih dari sekali (juga di {other}).", "Setiap kode hanya boleh dipakai satu kali per unit."),
    "kode.ganda-kinerja": (WARNING, "Kode '{found}' sudah dipakai untuk '{uraian}' ({other}).", "Beri kode yang berbeda; setiap tujuan/sasaran/program hanya punya satu kode."),
    "kode.loncat": (WARNING, "Kode '{found}' menyusul '{previous}': nomor {missing} terlewat.", "Periksa urutan kode (salah ketik, atau baris yang terhapus)."),
    "kode.kosong-di-antara": (WARNING, "{level} '{uraian}' tanpa Kode di antara '{before}' dan '{after}'.", "Isi Kodenya seperti baris sejenis di sekitarnya."),
    "kode.tidak-sesuai-level": (WARNING, "Kode '{found}' tidak sesuai dengan Level {level} (kedalaman kode menunjukkan {expected}).", "Periksa Kode atau Level baris ini."),
    "kode.pola-lokal": (WARNING, "Kolom Kode memakai pola kode lokal yang konsisten: {pola}, bukan kode nomenklatur (Program 3 bagian, Kegiatan 5, Sub Kegiatan 6); {n} baris tidak sesuai kedalaman kode nomenklatur dan tidak diperingatkan satu per satu.", "Tidak apa-apa bila kode lokal memang disengaja: Level dibaca dari kolom Level, jadi isi Level di setiap baris. Kode nomenklatur ditulis seperti 7.01.01 / 7.01.01.2.01 / 7.01.01.2.01.0001."),
    "kinerja.kosong": (ERROR, "Sheet Kinerja tidak berisi satu pun Sasaran dengan indikator.", "Isi sasaran dan indikatornya; lihat sheet Petunjuk."),
    "kinerja.tanpa-indikator": (WARNING, "{level} '{uraian}' tidak memiliki indikator.", "Isi kolom Indikator, atau biarkan jika memang tidak berindikator."),
    "kinerja.tahun-target-tidak-ada": (WARNING, "Tidak ada kolom 'Target {tahun}' untuk tahun laporan.", "Tambahkan kolom 'Target {tahun}' di sheet Kinerja."),
    "kinerja.tahun-realisasi-tidak-ada": (ERROR, "Tidak ada kolom 'Realisasi {tahun}' untuk tahun laporan.", "Tambahkan kolom 'Realisasi {tahun}' di sheet Kinerja."),
    "kinerja.tahun-di-luar-renstra": (WARNING, "Kolom '{header}' di luar periode Renstra {periode}.", "Periksa tahun pada judul kolom atau periode_renstra di Profil."),
    "kinerja.tanpa-target-realisasi": (WARNING, "Indikator {level} '{indikator}' tidak memiliki Target {tahun} maupun Realisasi {tahun}: laporan mencetak '-' untuknya.", "Isi Target {tahun} (dari Renstra/Renja) dan Realisasi {tahun}, atau hapus baris indikator yang tidak lagi dipakai."),
    "kinerja.target-tanpa-realisasi": (WARNING, "Indikator '{indikator}' punya target {tahun} tetapi realisasinya kosong.", "Isi Realisasi {tahun}; tanpa itu capaiannya tidak dapat dihitung."),
    "kinerja.capaian-berbeda": (WARNING, "Capaian tertulis {found} berbeda dari {expected} yang dicetak laporan (realisasi {realisasi} / target {target}){bulat}.", "Hapus isian Capaian atau betulkan; laporan selalu mencetak hasil hitung."),
    "kinerja.capaian-ekstrem": (WARNING, "Capaian {found} untuk '{indikator}' di luar kewajaran (di atas 150% atau di bawah 0).", "Periksa target dan realisasinya (mis. 0,7 yang seharusnya 0,07)."),
    "kinerja.target-nol": (WARNING, "Target '{indikator}' bernilai 0; capaian tidak dapat dihitung.", "Periksa targetnya; laporan akan menjelaskan bahwa capaian tidak dihitung."),
    "kinerja.target-akhir-berbeda": (WARNING, "Target Akhir Renstra {found} untuk '{indikator}' berbeda dari Target {tahun} ({sel}) {expected}, padahal {tahun} adalah tahun terakhir Renstra.", "Biasanya salah satunya belum diperbarui (mis. setelah Renstra perubahan). Laporan memakai Target Akhir Renstra {found}; samakan keduanya, atau kosongkan Target Akhir Renstra agar Target {tahun} yang dipakai."),
    "kinerja.kualitatif-tidak-sebanding": (WARNING, "Target '{target}' dan realisasi '{realisasi}' tidak berada pada skala yang sama.", "Pakai skala yang sama (AA…D atau WTP…TMP)."),
    "angka.rupiah-bersen": (WARNING, "Angka rupiah {found} memiliki pecahan (sen){cause}.", "{fix}"),
    "angka.cacah-pecahan": (WARNING, "Nilai {found} bukan bilangan bulat, padahal satuannya '{satuan}' (dihitung per satuan): kemungkinan angka ribuan yang titiknya terbaca sebagai koma desimal di Excel berpengaturan bahasa Inggris{contoh}, atau salah ketik.", "Tulis bilangan bulatnya tanpa titik; bila nilainya memang rata-rata atau persentase, ganti Satuan indikator ini."),
    "angka.titik-ambigu": (WARNING, "'{found}' dibaca sebagai {ribuan} (titik sebagai pemisah ribuan), padahal nilai lain indikator yang sama ({other}: {other_text}) berupa desimal; kemungkinan '{found}' juga desimal.", "Bila maksudnya desimal, tulis dengan koma: {koma}. Bila memang ribuan, biarkan, dan tulis desimal di sel lain dengan koma agar tidak rancu."),
    "anggaran.kosong": (ERROR, "Sheet Anggaran tidak berisi satu pun baris anggaran.", "Isi program, kegiatan dan sub kegiatan beserta pagu dan realisasinya."),
    "anggaran.jumlah-tidak-cocok": (WARNING, "{field} {level} '{uraian}' tertulis {found}, tetapi jumlah rinciannya {expected} (selisih {diff}).", "Laporan memakai jumlah rincian. Betulkan angka induk atau rinciannya."),
    "anggaran.realisasi-melebihi-pagu": (WARNING, "Realisasi {found} melebihi pagu {expected}.", "Periksa angka realisasi dan pagu baris ini."),
    "anggaran.persentase-berbeda": (WARNING, "Persentase tertulis {found} berbeda dari {expected} yang dicetak laporan (realisasi {realisasi} / pagu {pagu}{basis}){bulat}.{sebab}", "Hapus isian Persentase atau betulkan; laporan selalu mencetak hasil hitung dari pagu dan realisasi."),
    "anggaran.realisasi-tak-wajar": (WARNING, "Realisasi {found} kurang dari 1% pagu {expected} ({persen}): kemungkinan salah satu angkanya terbaca seribu kali lebih kecil atau lebih besar dari maksudnya.", "Periksa kedua angka (mis. 11.099 yang seharusnya 11.099.000); bila benar, abaikan peringatan ini."),
    "anggaran.angka-tak-wajar": (WARNING, "{field} {found} (diketik sebagai teks) lebih dari 100 kali lipat atau kurang dari seperseratus {field} baris sejenis '{uraian}' ({other}: {expected}): kemungkinan angkanya terbaca seribu kali lebih kecil atau lebih besar.", "Periksa titik dan koma angka ini; ketik sebagai angka di sel berformat angka. Bila benar, abaikan peringatan ini."),
    "anggaran.negatif": (ERROR, "{field} bernilai negatif ({found}).", "Pagu dan realisasi tidak boleh negatif."),
    "anggaran.pagu-kosong": (ERROR, "Baris rincian tanpa pagu.", "Isi Pagu (0 jika memang tidak dianggarkan)."),
    "anggaran.sasaran-tidak-dikenal": (WARNING, "Sasaran '{found}' tidak ditemukan di sheet Kinerja.", "Tulis kode atau uraian sasaran persis seperti di sheet Kinerja."),
    "anggaran.program-tanpa-sasaran": (WARNING, "Program '{uraian}' ({unit}) tidak ditautkan ke sasaran: kolom Sasaran kosong pada program dan seluruh rinciannya.", "Isi kolom Sasaran pada baris program ini; sampai diisi, anggarannya tidak dihitung dalam efisiensi per sasaran (Sasaran program di atasnya tidak diwariskan)."),
    "narasi.angka-berbeda": (WARNING, "Teks Narasi '{bagian}' menyebut efisiensi {found}, sedangkan laporan mencetak efisiensi {expected} (metode {metode}).", "Samakan angka dalam teks dengan tabel efisiensi, atau pilih metode_efisiensi di Pengaturan yang sesuai dengan cara hitung Anda; laporan mencetak hasil hitung lkjip pada tabel efisiensi."),
    "teks.angka-berbeda": (WARNING, "Teks {bagian} menyebut {jenis} {found}, yang tidak dicetak laporan{sebagai}; laporan mencetak {expected}.", "Samakan angka dalam teks dengan tabel laporan (laporan mencetak hasil hitung dari workbook), atau hapus angka itu dari teks: satu laporan hanya memuat satu angka untuk satu hal."),
    "teks.klaim-bertentangan": (WARNING, "Teks {bagian} menyatakan \"{found}\", padahal menurut angka laporan {why}.", "Sesuaikan kalimatnya dengan capaian yang dicetak laporan (daftar pola klaim: docs/workbook.md)."),
    "teks.jumlah-berbeda": (WARNING, "Teks {bagian} menyebut \"{found}\", padahal laporan mencatat {expected} {what}.", "Samakan jumlahnya dengan workbook (program, kegiatan dan indikator dihitung menurut kode/uraiannya, bukan barisnya)."),
    "teks.nama-tidak-dikenal": (WARNING, "Teks {bagian} menyebut \"{found}\", yang tidak ada di sheet Anggaran maupun Kinerja.", "Tulis nama program persis seperti di workbook, atau tambahkan program itu bila memang dilaksanakan."),
    "teks.kesimpulan-tanpa-cakupan": (WARNING, "Kesimpulan staf tidak menyebut bahwa capaian instansi dihitung dari {n} dari {m} indikator yang capaiannya dapat diukur (Kesimpulan yang disusun otomatis menyebutnya).", "Tambahkan keterangan itu ke teks Kesimpulan, atau kosongkan bagian kesimpulan agar disusun otomatis."),
    "narasi.regulasi-setelah-laporan": (WARNING, "Dasar Hukum menyebut {found}, yang terbit sesudah tanggal laporan ({tanggal}).", "Laporan hanya dapat merujuk peraturan yang berlaku pada tanggalnya; hapus rujukan itu atau periksa tahunnya (mis. sebelum PermenPANRB 88/2021 berlaku PermenPANRB 12/2015)."),
    "teks.rujukan-berbeda": (WARNING, "Teks menyebut {found}; dalam laporan ini: {now}.", "Periksa rujukannya: nomor tabel dan gambar diberikan lkjip menurut urutan di laporan. Tulis nama tabelnya (mis. 'tabel capaian indikator kinerja sasaran') atau sesuaikan nomornya."),
    "narasi.sistematika-tidak-ada": (WARNING, "Teks Sistematika menyebut {found}, tetapi laporan ini tidak memuat bagian itu.", "Hapus {found} dari teks Sistematika, atau isi bagiannya (Narasi/Gambar/Pegawai/Rencana_Aksi); kosongkan Sistematika agar lkjip menuliskannya dari bagian yang ada."),
    "belanja.total-berbeda": (ERROR, "Total {field} sheet Belanja {found} berbeda dari total Anggaran {expected} (selisih {diff}); satu laporan hanya boleh memuat satu total.", "Samakan kedua sheet. Bila selisihnya memang benar, isi izinkan_selisih = Ya di sheet Pengaturan atau pakai --izinkan-selisih: laporan lalu memakai total Anggaran dan menyebut selisihnya di bawah tabel jenis belanja."),
    "anggaran.pagu-pk-sebagian": (WARNING, "Pagu PK tidak diisi untuk program '{uraian}' ({unit}), padahal program lain mengisinya.", "Isi Pagu PK program ini dari Perjanjian Kinerja yang ditandatangani; sampai diisi, lampiran PK memakai pagu saat ini untuk program ini dan menyebutnya."),
    "anggaran.pagu-pk-kosong": (WARNING, "Kolom Pagu PK tidak diisi: halaman Perjanjian Kinerja yang ditandatangani mencetak pagu saat ini ({total}) sebagai anggarannya, tanpa keterangan.", "Isi Pagu PK pada baris Program dengan angka Perjanjian Kinerja yang ditandatangani; bila pagu tidak berubah sejak PK ditandatangani, abaikan peringatan ini."),
    "profil.nip-tidak-sah": (WARNING, "NIP '{found}' tidak sah: {why}.", "NIP terdiri dari 18 angka: tanggal lahir (8), TMT CPNS (6), jenis kelamin (1), nomor urut (3)."),
    "profil.nip-angka": (ERROR, "NIP diketik sebagai angka, bukan teks: yang tersimpan {found}; {why}. NIP ini tidak dicetak di bawah tanda tangan.", "Format sel sebagai Teks lalu ketik ulang NIP lengkap 18 angka, atau awali dengan tanda petik, mis. '19770321 199602 1 001."),
    "pegawai.nip-angka": (WARNING, "NIP diketik sebagai angka, bukan teks: yang tersimpan {found}; {why}.", "Format sel sebagai Teks lalu ketik ulang NIP lengkap 18 angka, atau awali dengan tanda petik, mis. '19770321 199602 1 001."),
    "profil.telepon-tanpa-nol": (WARNING, "Nomor telepon '{found}' tidak diawali 0: angka 0 di depannya hilang, biasanya karena sel berformat angka.", "Format sel sebagai Teks lalu ketik nomornya lengkap, mis. {expected}, atau awali dengan tanda petik."),
    "profil.tanggal-pk-kosong": (WARNING, "Isian tanggal_pk kosong: halaman Perjanjian Kinerja mencetak '{kota}, ' dengan garis titik-titik untuk diisi tangan, bukan tanggal.", "Isi tanggal_pk dengan tanggal penandatanganan Perjanjian Kinerja, mis. 2 Januari 2024."),
    "profil.pangkat-golongan": (WARNING, "Pangkat '{found}' tidak sesuai dengan golongan {golongan} (seharusnya {expected}).", "Periksa pangkat/golongan penandatangan."),
    "profil.tahun-berbeda": (WARNING, "Tahun {found} berbeda dari tahun laporan {tahun} di Profil.", "Periksa tahunnya."),
    "rencana-aksi.anggaran-berbeda": (WARNING, "{field} '{program}' di Rencana Aksi {found} berbeda dari anggaran program itu di laporan: {expected} (baik sebagai angka Triwulan IV maupun sebagai jumlah triwulan).", "Samakan dengan sheet Anggaran (atau Pagu PK); satu laporan memuat satu angka anggaran per program."),
    "rencana-aksi.program-tidak-dikenal": (WARNING, "Program '{found}' di Rencana Aksi tidak ada di sheet Anggaran.", "Tulis nama program persis seperti di sheet Anggaran."),
    "rencana-aksi.target-berbeda": (WARNING, "Target {periode} '{indikator}' di Rencana Aksi {found} berbeda dari target {tahun} yang dicetak pada Perjanjian Kinerja: {expected}.", "Target triwulan terakhir sama dengan target tahunan PK; samakan salah satunya."),
    "rencana-aksi.realisasi-melebihi": (WARNING, "Realisasi {periode} '{indikator}' di Rencana Aksi {found} melebihi realisasi tahun {tahun} yang dicetak laporan: {expected}.", "Realisasi triwulan tidak dapat melampaui realisasi setahun; periksa kedua angka."),
    "indeks.berbeda": (WARNING, "{sisi} {tahun} '{indikator}' tertulis {found} di sheet Kinerja, tetapi sheet Indeks menghasilkan {expected} (Indeks!{sel}); laporan mencetak keduanya.", "Samakan: perbarui Skor {sisi} di sheet Indeks, atau kosongkan {sisi} {tahun} di Kinerja agar diambil dari Indeks."),
    "indeks.skor-kosong": (WARNING, "Skor Target dan Skor Realisasi indikator indeks '{indikator}' kosong semua: tabel perhitungannya tidak dicetak.", "Isi Skor Target dan Skor Realisasi setiap aspek di sheet Indeks, atau hapus baris-barisnya bila indeks itu tidak dipakai lagi."),
    "indeks.indikator-tidak-dikenal": (WARNING, "Indikator indeks '{found}' tidak ada di sheet Kinerja.", "Tulis nama indikator persis seperti di kolom Indikator sheet Kinerja."),
    "pengaturan.tidak-sah": (ERROR, "Nilai '{found}' tidak sah untuk {field}.", "{expected}"),
    "gambar.tidak-ada": (ERROR, "Berkas gambar '{found}' tidak ditemukan.", "Letakkan berkas di folder workbook dan tulis namanya saja."),
    "gambar.di-luar-folder": (ERROR, "Berkas gambar '{found}' berada di luar folder workbook dan ditolak.", "Salin gambar ke folder workbook dan tulis namanya saja (tanpa ../ atau /)."),
    "gambar.tidak-terbaca": (ERROR, "Berkas gambar '{found}' tidak dapat dibuka: {why}.", "Beri gambar nama pendek tanpa karakter khusus, letakkan di folder workbook, dan pastikan berkas serta foldernya dapat dibaca."),
    "gambar.bukan-gambar": (ERROR, "Berkas '{found}' bukan gambar PNG/JPEG yang sah.", "Simpan gambarnya sebagai PNG atau JPEG."),
    "pegawai.golongan-tidak-dikenal": (WARNING, "Golongan '{found}' tidak dikenal.", "Tulis seperti III/a, IV/b, atau kosongkan untuk non-ASN."),
}


class LkjipError(Exception):
    """A failure that stops a run: the workbook cannot be read, the template cannot be rendered, the
    output cannot be written, the PDF cannot be made. Its message is Indonesian, for the user; a
    workbook that cannot be read also carries the `Problem` to report at its place."""

    def __init__(self, message: str, problem: "Problem | None" = None):
        super().__init__(message)
        self.problem = problem


def tempat(sheet: str, cell: str) -> str:
    """A place in the workbook as every message names it: `Kinerja!F7`, or the sheet alone."""
    return f"{sheet}!{cell}" if cell else sheet


@dataclass(frozen=True, order=True)
class Problem:
    """One finding at one place of the workbook."""

    sort_key: tuple[object, ...]
    sheet: str
    cell: str
    code: str
    severity: str
    message: str
    hint: str
    # the figures the message was made from, for programs (JSON: `facts`); not compared
    facts: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        d = asdict(self)
        d.pop("sort_key")
        return d

    @property
    def where(self) -> str:
        return tempat(self.sheet, self.cell)

    def __str__(self) -> str:
        label = "GALAT" if self.severity == ERROR else "PERINGATAN"
        return f"{label} {self.where} [{self.code}] {self.message} Saran: {self.hint}"


_CELL_RE = re.compile(r"([A-Z]+)(\d+)")
SHEET_ORDER = ("Berkas", "Profil", "Kinerja", "Anggaran", "Belanja", "Narasi", "Pegawai", "Rencana_Aksi", "Indeks", "Gambar", "Pengaturan")
_COLUMN_NUMBER: dict[str, int] = {}


def column_number(letters: str) -> int:
    """`A` -> 1, `AB` -> 28 (cached: sheets repeat the same few letters)."""
    n = _COLUMN_NUMBER.get(letters)
    if n is None:
        n = 0
        for ch in letters:
            n = n * 26 + ord(ch) - 64
        _COLUMN_NUMBER[letters] = n
    return n


def column_letter(n: int) -> str:
    """1 -> `A`, 28 -> `AB`."""
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def _sort_key(sheet: str, cell: str) -> tuple[object, ...]:
    order = SHEET_ORDER.index(sheet) if sheet in SHEET_ORDER else len(SHEET_ORDER)
    m = _CELL_RE.fullmatch(cell or "")
    if m:
        return (order, sheet, int(m.group(2)), column_number(m.group(1)))
    return (order, sheet, 0, 0)


def problem(code: str, sheet: str, cell: str = "", **fields: object) -> Problem:
    """Build a Problem from the catalogue; `fields` fill the message and hint templates."""
    severity, template, hint = CATALOGUE[code]

    class _Safe(dict[str, object]):
        def __missing__(self, key: str) -> str:
            return "?"

    values = _Safe({k: v for k, v in fields.items()})
    values.setdefault("sheet", sheet)
    return Problem(
        _sort_key(sheet, cell), sheet, cell, code, severity, template.format_map(values), hint.format_map(values),
        {k: _fact(v) for k, v in fields.items()},
    )


def register(entries: dict[str, tuple[str, str, str]]) -> None:
    """Add a face's own codes (gabung, impor-sipd) to the one catalogue; a code is never redefined."""
    for code, entry in entries.items():
        if CATALOGUE.setdefault(code, entry) != entry:
            raise ValueError(f"problem code {code!r} is defined twice")


def _fact(value: object) -> object:
    """A field value as JSON keeps it: numbers stay numbers (Decimal as its exact text)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_fact(v) for v in value]
    return str(value)


def catalogue_markdown() -> str:
    """docs/problems.md: every code with its severity, message and hint (generated, see tests)."""
    lines = [
        "# Daftar kode masalah",
        "",
        "Dibuat dari `generator/base/problems.py` (`python -m generator.base.problems > docs/problems.md`);",
        "jangan disunting dengan tangan. `{...}` diisi dengan isi sel dan angka yang bersangkutan;",
        "keluaran `--format json` memuat angka-angka itu juga sebagai `facts`. Peringatan yang sudah diperiksa",
        "dapat dilewati dengan `lkjip validate/build --abaikan KODE`; galat tidak dapat dilewati.",
        "",
    ]
    group = ""
    for code, (severity, message, hint) in sorted(CATALOGUE.items()):
        head = code.split(".")[0]
        if head != group:
            group = head
            lines += ["", f"## {group}", "", "| Kode | Jenis | Pesan | Saran |", "|---|---|---|---|"]
        jenis = "galat" if severity == ERROR else "peringatan"
        cells = [c.replace("|", "\\|") for c in (message, hint)]
        lines.append(f"| `{code}` | {jenis} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines) + "\n"


def load_all_codes() -> None:
    """Import the faces that bring codes of their own, so the catalogue is complete (docs, tests)."""
    import importlib

    for module in ("generator.gabung.masalah", "generator.sipd.masalah"):
        importlib.import_module(module)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Sorted by sheet, row, column, with exact duplicates removed."""
    seen: set[tuple[str, str, str, str]] = set()
    out = []
    for p in sorted(problems):
        key = (p.sheet, p.cell, p.code, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == WARNING]


register_codes = register  # the public name (generator.register_codes)


if __name__ == "__main__":  # pragma: no cover - regenerates docs/problems.md
    from generator.base import problems as _self  # the imported module, whose catalogue the faces extend

    _self.load_all_codes()
    print(_self.catalogue_markdown(), end="")
