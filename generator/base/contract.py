"""The standard workbook contract: sheets, columns, closed lists — one source for writer and reader.

Everything the blank workbook (`lkjip template`) shows and everything the reader
expects is declared here, so the two cannot drift apart. See
`docs/workbook.md` for the user-facing description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Closed lists (dropdowns in the blank workbook, checked by the validator).
LEVEL_KINERJA = ("Tujuan", "Sasaran", "Program", "Kegiatan", "Sub Kegiatan")
LEVEL_ANGGARAN = ("Program", "Kegiatan", "Sub Kegiatan")
POLARITAS = ("Positif", "Negatif")
YA_TIDAK = ("Ya", "Tidak")
BAGIAN_NARASI = (
    "kata_pengantar",
    "ringkasan_eksekutif",
    "latar_belakang",
    "maksud_tujuan",
    "dasar_hukum",
    "tugas_fungsi",
    "gambaran_umum",
    "struktur_organisasi",
    "sumber_daya",
    "isu_strategis",
    "sistematika",
    "strategi",
    "arah_kebijakan",
    "iku",
    "pengukuran",
    "permasalahan",
    "solusi",
    "efisiensi",
    "realisasi_anggaran",
    "kesimpulan",
    "saran",
)
BAGIAN_GAMBAR = ("logo", "struktur_organisasi", "peta_wilayah", "gambaran_umum", "dokumentasi", "lampiran")
KELOMPOK_BELANJA = (
    "Belanja Operasi",
    "Belanja Modal",
    "Belanja Tidak Terduga",
    "Belanja Transfer",
    "Belanja Tidak Langsung",
    "Belanja Langsung",
)
# What staff write in Standar Nasional when the indicator has no national standard (normalized).
STANDAR_TIDAK_ADA = ("-", "–", "—", "tidak ada", "tidak ada standar", "tidak ada standar nasional", "belum ada",
                     "belum ada standar", "tdk ada", "n/a", "na")
SKALA_PREDIKAT = ("permendagri86", "tiga_tingkat", "kalianget", "esakip", "kustom")
METODE_EFISIENSI = ("selisih", "sisa", "rasio")
RUMUS_NEGATIF = ("kemenpan", "sipd")
MATRIKS_CASCADING = ("Kegiatan", "Sub Kegiatan", "Program", "Tidak")  # how deep the cascading lampiran goes (issue 20)


@dataclass(frozen=True)
class Column:
    """One column of a sheet, found by its header text."""

    header: str
    key: str
    kind: str = "text"  # text | number | money | percent | value | date | choice | kode
    required: bool = False
    comment: str = ""
    choices: tuple[str, ...] = ()
    width: int = 16
    pattern: str | None = None  # regex for year-series headers, e.g. "Target 2024"
    aliases: tuple[str, ...] = ()  # other headers staff commonly type for this column (docs/workbook.md)

    def matches(self, header_norm: str) -> re.Match[str] | bool:
        if self.pattern:
            return re.fullmatch(self.pattern, header_norm) or False
        if header_norm == normalize_header(self.header):
            return True
        return bool(self.aliases) and _slash(header_norm) in _alias_set(self.aliases)

    @property
    def known_headers(self) -> tuple[str, ...]:
        """The header and its aliases, as staff would type them."""
        return (self.header, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    name: str
    required: bool
    columns: tuple[Column, ...]
    comment: str = ""
    key_value: bool = False  # Profil / Pengaturan: one `Isian | Nilai` per row
    fields: tuple[Column, ...] = field(default_factory=tuple)  # the Isian keys of a key-value sheet


def normalize_header(text: object) -> str:
    """Lowercase, underscores as spaces, whitespace (incl. NBSP) collapsed."""
    s = str(text or "").replace("\u00a0", " ").replace("_", " ").strip().lower()
    return re.sub(r"\s+", " ", s)


def _slash(header_norm: str) -> str:
    """`Solusi / Upaya` and `Solusi/Upaya` are one header."""
    return re.sub(r"\s*/\s*", "/", header_norm)


_ALIAS_SETS: dict[tuple[str, ...], frozenset[str]] = {}


def _alias_set(aliases: tuple[str, ...]) -> frozenset[str]:
    found = _ALIAS_SETS.get(aliases)
    if found is None:
        found = _ALIAS_SETS[aliases] = frozenset(_slash(normalize_header(a)) for a in aliases)
    return found


# Headers whose columns are the staff's own notes: never read, never more than a warning.
NOTE_HEADERS = ("catatan", "keterangan", "ket")

_KV_COLUMNS = (
    Column("Isian", "isian", required=True, width=22, comment="Nama isian (jangan diubah)."),
    Column("Nilai", "nilai", required=True, width=60, comment="Isi nilainya di kolom ini."),
    Column("Keterangan", "keterangan", width=50, comment="Penjelasan isian (boleh dikosongkan)."),
)

PROFIL_FIELDS = (
    Column("pemerintah", "pemerintah", required=True, comment='Contoh: "Pemerintah Kabupaten Sikka"'),
    Column("instansi", "instansi", required=True, comment='Nama perangkat daerah, contoh: "Kecamatan Alok"'),
    Column("tahun", "tahun", "number", required=True, comment="Tahun laporan, contoh: 2024"),
    Column("periode_renstra", "periode_renstra", required=True, comment='Periode Renstra, contoh: "2024-2026"'),
    Column("alamat", "alamat", comment="Alamat kantor"),
    Column("kota", "kota", required=True, comment='Tempat penandatanganan, contoh: "Maumere"'),
    Column("tanggal_laporan", "tanggal_laporan", "date", required=True, comment="Tanggal laporan ditandatangani"),
    Column("kepala_nama", "kepala_nama", required=True, comment="Nama kepala perangkat daerah beserta gelar"),
    Column("kepala_jabatan", "kepala_jabatan", required=True, comment='Contoh: "Camat Alok"'),
    Column("kepala_nip", "kepala_nip", comment="NIP 18 digit, contoh: 19770321 199602 1 001"),
    Column("kepala_pangkat", "kepala_pangkat", comment='Contoh: "Pembina (IV/a)"'),
    Column("atasan_nama", "atasan_nama", required=True, comment="Nama atasan (Pihak Kedua Perjanjian Kinerja)"),
    Column("atasan_jabatan", "atasan_jabatan", required=True, comment='Contoh: "Penjabat Bupati Sikka"'),
    Column("atasan_nip", "atasan_nip", comment="NIP atasan (jika ada)"),
    Column("atasan_pangkat", "atasan_pangkat", comment="Pangkat atasan (jika ada)"),
    Column("tanggal_pk", "tanggal_pk", "date", comment="Tanggal Perjanjian Kinerja ditandatangani"),
    Column("visi", "visi", comment="Visi (Kepala Daerah / RPJMD)"),
    Column("misi", "misi", comment="Misi, satu per baris"),
    Column("logo", "logo", comment="Berkas gambar logo, relatif terhadap folder workbook (boleh kosong)"),
    Column("telepon", "telepon", comment="Nomor telepon kantor (boleh kosong)"),
    Column("kode_opd", "kode_opd", comment="Opsional: kode SKPD menurut SIPD, contoh: 1.01.2.22.0.00.02.0000 (dipakai rekap kabupaten, lkjip gabung)"),
    Column("tanggal_reviu", "tanggal_reviu", "date", comment="Tanggal Laporan Hasil Reviu Inspektorat (APIP) atas laporan ini (boleh kosong; dipakai lkjip periksa)"),
    Column("nomor_reviu", "nomor_reviu", comment="Nomor Laporan Hasil Reviu Inspektorat (boleh kosong; dipakai lkjip periksa)"),
    Column("alamat_publikasi", "alamat_publikasi", comment="Alamat (URL) tempat laporan dipublikasikan, mis. situs resmi pemerintah daerah (boleh kosong; dipakai lkjip periksa)"),
)

PENGATURAN_FIELDS = (
    Column(
        "skala_predikat",
        "skala_predikat",
        "choice",
        choices=SKALA_PREDIKAT,
        comment="permendagri86 (bawaan), tiga_tingkat, kalianget, esakip, atau kustom",
    ),
    Column(
        "skala_kustom",
        "skala_kustom",
        comment='Untuk skala kustom: "91=Sangat Tinggi; 76=Tinggi; 66=Sedang; 51=Rendah; 0=Sangat Rendah"',
    ),
    Column(
        "metode_efisiensi",
        "metode_efisiensi",
        "choice",
        choices=METODE_EFISIENSI,
        comment="selisih = capaian - penyerapan (bawaan); sisa = 100 - penyerapan; rasio = penyerapan/capaian x 100",
    ),
    Column(
        "rumus_negatif",
        "rumus_negatif",
        "choice",
        choices=RUMUS_NEGATIF,
        comment="Polaritas negatif: kemenpan = (2 x target - realisasi)/target x 100 (bawaan); sipd = target/realisasi x 100",
    ),
    Column("batas_capaian", "batas_capaian", "number", comment="Batas atas capaian (%), kosong = tanpa batas"),
    Column("desimal", "desimal", "number", comment="Jumlah desimal yang dicetak (bawaan 2)"),
    Column("nama_berkas", "nama_berkas", comment="Nama berkas keluaran (tanpa .docx); kosong = otomatis"),
    Column(
        "izinkan_selisih",
        "izinkan_selisih",
        "choice",
        choices=YA_TIDAK,
        comment="Ya = total sheet Belanja boleh berbeda dari total Anggaran (laporan menyebut selisihnya); bawaan Tidak = galat",
    ),
    Column("total_apbd", "total_apbd", "money", comment="Hanya workbook Pemda (lkjip gabung --pemda): total belanja APBD (Rp), dibandingkan dengan jumlah pagu seluruh OPD; kosong = tidak dibandingkan"),
    Column(
        "tabel_ganda",
        "tabel_ganda",
        "choice",
        choices=YA_TIDAK,
        comment="Ya = tabel Perjanjian Kinerja dicetak juga di Bab II, tabel IKU juga di Lampiran, tabel analisis juga di "
                "Bab III.A.7; bawaan Tidak = setiap tabel dicetak sekali dan dirujuk",
    ),
    Column(
        "matriks_cascading",
        "matriks_cascading",
        "choice",
        choices=MATRIKS_CASCADING,
        comment="Lampiran Matriks Cascading Kinerja sampai level ini: Kegiatan (bawaan), Sub Kegiatan, Program; "
                "Tidak = tidak dicetak",
    ),
)

_VALUE_HINT = "Angka, atau nilai kualitatif (A, BB, B, WTP, Belum ada penilaian)."

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "Profil",
        True,
        _KV_COLUMNS,
        comment="Identitas instansi dan penandatangan.",
        key_value=True,
        fields=PROFIL_FIELDS,
    ),
    Sheet(
        "Kinerja",
        True,
        (
            Column("Level", "level", "choice", True, "Tujuan, Sasaran, Program, Kegiatan, atau Sub Kegiatan. Kosong = sama dengan baris di atas.", LEVEL_KINERJA, 13),
            Column("Kode", "kode", "kode", comment="Kode tujuan/sasaran/program (boleh kosong), contoh: S1 atau 7.01.01", width=12),
            Column("Uraian", "uraian", required=True, comment="Pernyataan tujuan/sasaran/program. Kosong = sama dengan baris di atas (baris ini indikator tambahan).", width=40),
            Column("Indikator", "indikator", comment="Nama indikator kinerja", width=40),
            Column("Satuan", "satuan", comment="Satuan indikator: %, indeks, dokumen, orang, predikat ...", width=11),
            Column("Polaritas", "polaritas", "choice", comment="Positif = makin tinggi makin baik (bawaan); Negatif = makin rendah makin baik", choices=POLARITAS, width=10),
            Column("IKU", "iku", "choice", comment="Ya jika indikator ini Indikator Kinerja Utama", choices=YA_TIDAK, width=7),
            Column("PK", "pk", "choice", comment="Ya jika indikator ini tercantum dalam Perjanjian Kinerja", choices=YA_TIDAK, width=7),
            Column("Target <tahun>", "target", "value", comment="Target per tahun Renstra. " + _VALUE_HINT, width=12, pattern=r"target (\d{4})"),
            Column("Realisasi <tahun>", "realisasi", "value", comment="Realisasi tahun laporan dan tahun-tahun sebelumnya. " + _VALUE_HINT, width=12, pattern=r"realisasi (\d{4})"),
            Column("Target Akhir Renstra", "target_akhir", "value", comment="Kosong = target tahun terakhir Renstra", width=12),
            Column("Standar Nasional", "standar", "value", comment="Standar nasional; tulis 'tidak ada' bila indikator ini tidak memiliki standar nasional", width=12),
            Column("Capaian", "capaian", "percent", comment="Opsional: capaian yang sudah dihitung sendiri (%); lkjip memeriksa dan menghitung ulang", width=10),
            Column("Definisi Operasional", "definisi", comment="Definisi indikator (untuk tabel IKU)", width=30),
            Column("Formula", "formula", comment="Rumus perhitungan indikator", width=30),
            Column("Sumber Data", "sumber_data", comment="Sumber data indikator", width=20),
            Column("Penanggung Jawab", "penanggung_jawab", comment="Penanggung jawab indikator", width=20),
            Column("Analisis", "analisis", comment="Penjelasan Anda: penyebab keberhasilan/kegagalan", width=40,
                   aliases=("Analisa", "Analisis Capaian", "Analisa Capaian", "Analisis Kinerja", "Analisa Kinerja",
                            "Analisis/Penjelasan", "Penjelasan")),
            Column("Solusi", "solusi", comment="Upaya/solusi yang telah dilakukan", width=40,
                   aliases=("Solusi/Upaya", "Upaya/Solusi", "Upaya", "Upaya Solusi", "Solusi Upaya",
                            "Upaya yang Dilakukan", "Upaya Perbaikan", "Solusi yang Dilakukan", "Rencana Tindak Lanjut")),
            Column("Sasaran RPJMD", "sasaran_rpjmd", comment="Opsional: kode sasaran RPJMD kabupaten yang didukung sasaran/indikator ini (sama dengan Kode di workbook Pemda), contoh: SR.2. Kosong pada baris indikator = sama dengan sasarannya. Bila diisi, Bab II memuat tabel keselarasan Renstra-RPJMD", width=14),
        ),
        comment="Pohon kinerja: tujuan, sasaran, program ... beserta indikator, target dan realisasi.",
    ),
    Sheet(
        "Anggaran",
        True,
        (
            Column("Unit", "unit", comment="Unit pengguna anggaran (mis. Kelurahan Madawat). Kosong = sama dengan di atas; baris pertama kosong = instansi.", width=22),
            Column("Kode", "kode", "kode", comment="Kode rekening, contoh: 7.01.01.2.01.0001 (boleh kosong jika Level diisi)", width=20),
            Column("Level", "level", "choice", comment="Program, Kegiatan, Sub Kegiatan. Kosong = dari kedalaman Kode.", choices=LEVEL_ANGGARAN, width=13),
            Column("Uraian", "uraian", required=True, comment="Nama program/kegiatan/sub kegiatan", width=50),
            Column("Pagu", "pagu", "money", True, "Pagu anggaran (Rp). Baris induk boleh kosong (dijumlah otomatis).", width=18),
            Column("Realisasi", "realisasi", "money", True, "Realisasi anggaran (Rp). Baris induk boleh kosong.", width=18),
            Column("Persentase", "persentase", "percent", comment="Opsional: persentase penyerapan yang diketik; diperiksa ulang", width=11),
            Column("Sumber Dana", "sumber_dana", comment="DAU, DAK, PAD ... Kosong = sama dengan di atas", width=12),
            Column("Sasaran", "sasaran", comment="Kode atau uraian sasaran yang didukung. Kosong = sama dengan di atas", width=22),
            Column("Indikator Keluaran", "indikator_keluaran", comment="Indikator keluaran (output) sub kegiatan", width=30),
            Column("Target Keluaran", "target_keluaran", "value", width=10),
            Column("Realisasi Keluaran", "realisasi_keluaran", "value", width=10),
            Column("Satuan Keluaran", "satuan_keluaran", width=12),
            Column("Pagu PK", "pagu_pk", "money", comment="Opsional: pagu program menurut Perjanjian Kinerja yang ditandatangani (Rp), diisi pada baris Program; kosong = lampiran PK memakai pagu saat ini", width=18),
            Column("Pagu PK Perubahan", "pagu_pk_perubahan", "money", comment="Opsional: pagu program menurut Perjanjian Kinerja Perubahan yang ditandatangani (Rp), baris Program; diisi = lampiran mencetak PK Perubahan (sebelum/sesudah)", width=18),
        ),
        comment="Pagu dan realisasi per program, kegiatan dan sub kegiatan, per unit.",
    ),
    Sheet(
        "Belanja",
        False,
        (
            Column("Kelompok", "kelompok", "choice", True, "Belanja Operasi, Belanja Modal, ... Kosong = sama dengan di atas.", KELOMPOK_BELANJA, 24),
            Column("Jenis", "jenis", required=True, comment="Contoh: Belanja Pegawai, Belanja Barang dan Jasa", width=36),
            Column("Anggaran", "anggaran", "money", True, "Anggaran (Rp)", width=18),
            Column("Realisasi", "realisasi", "money", True, "Realisasi (Rp)", width=18),
        ),
        comment="Realisasi menurut jenis belanja (klasifikasi ekonomi).",
    ),
    Sheet(
        "Narasi",
        False,
        (
            Column("Bagian", "bagian", "choice", True, "Bagian laporan (pilih dari daftar)", BAGIAN_NARASI, 22),
            Column("Judul", "judul", comment="Judul (boleh kosong)", width=30),
            Column("Isi", "isi", required=True, comment="Teks Anda. Baris kosong = paragraf baru; baris diawali '-' atau '1.' = daftar.", width=100),
        ),
        comment="Teks Anda sendiri untuk bagian-bagian laporan.",
    ),
    Sheet(
        "Pegawai",
        False,
        (
            Column("Nama", "nama", required=True, width=30),
            Column("NIP", "nip", comment="NIP 18 digit (boleh kosong untuk non-ASN)", width=22),
            Column("Jabatan", "jabatan", width=30),
            Column("Golongan", "golongan", comment="Contoh: III/a (kosong untuk non-ASN)", width=10),
            Column("Pendidikan", "pendidikan", comment="SD, SMP, SMA, D3, S1, S2, S3", width=12),
            Column("Eselon", "eselon", comment="Contoh: III.a, IV.a, atau kosong", width=10),
            Column("Status", "status", comment="PNS, PPPK, Honorer/Non ASN", width=14),
            Column("Unit", "unit", comment="Unit kerja (kosong = instansi)", width=20),
            Column("Atasan", "atasan", comment="Opsional: jabatan atasan langsung, untuk garis bagan struktur organisasi "
                                               "(kosong = menurut eselon)", width=24),
        ),
        comment="Daftar pegawai, satu orang per baris.",
    ),
    Sheet(
        "Rencana_Aksi",
        False,
        (
            Column("Indikator", "indikator", required=True, width=36),
            Column("Periode", "periode", required=True, comment="Triwulan I … IV atau nama bulan", width=14),
            Column("Target Kinerja", "target_kinerja", "value", width=12),
            Column("Realisasi Kinerja", "realisasi_kinerja", "value", width=12),
            Column("Program", "program", width=36),
            Column("Target Anggaran", "target_anggaran", "money", width=18),
            Column("Realisasi Anggaran", "realisasi_anggaran", "money", width=18),
            Column("Keterangan", "keterangan", width=24),
        ),
        comment="Rencana aksi atas Perjanjian Kinerja (lampiran).",
    ),
    Sheet(
        "Indeks",
        False,
        (
            Column("Indikator", "indikator", required=True, comment="Nama indikator komposit (sama persis dengan di sheet Kinerja). Kosong = sama dengan di atas.", width=36),
            Column("Aspek", "aspek", required=True, comment="Aspek penilaian", width=40),
            Column("Skor Target", "skor_target", "number", width=10),
            Column("Skor Realisasi", "skor_realisasi", "number", width=10),
            Column("Bobot", "bobot", "number", True, "Bobot aspek (%)", width=9),
            Column("Perhitungan Aspek", "perhitungan_aspek", "number", comment="Bobot indikator (%), cukup diisi pada baris pertama tiap indikator", width=12),
        ),
        comment="Indikator indeks komposit: indeks = jumlah(skor x bobot/100) x perhitungan aspek / 100.",
    ),
    Sheet(
        "Gambar",
        False,
        (
            Column("Bagian", "bagian", "choice", True, "Letak gambar dalam laporan", BAGIAN_GAMBAR, 22),
            Column("Berkas", "berkas", required=True, comment="Nama berkas gambar (PNG/JPG), relatif terhadap folder workbook", width=40),
            Column("Keterangan", "keterangan", comment="Judul gambar", width=40),
        ),
        comment="Gambar (struktur organisasi, peta, foto).",
    ),
    Sheet(
        "Pengaturan",
        False,
        _KV_COLUMNS,
        comment="Pilihan perhitungan; kosong = nilai bawaan.",
        key_value=True,
        fields=PENGATURAN_FIELDS,
    ),
)

SHEET_BY_NAME = {normalize_header(s.name): s for s in SHEETS}

# Kode depth (dot-separated parts) -> level in the national nomenclature:
# 7.01.01 program, 7.01.01.2.01 kegiatan, 7.01.01.2.01.0001 sub kegiatan.
LEVEL_BY_KODE_DEPTH = {3: "Program", 5: "Kegiatan", 6: "Sub Kegiatan"}


def program_key(uraian: str) -> str:
    """Programs of several units with the same name are one line of the Perjanjian Kinerja."""
    return normalize_header(uraian.removeprefix("Program ").removeprefix("PROGRAM "))


def sheet(name: str) -> Sheet:
    return SHEET_BY_NAME[normalize_header(name)]
