"""The recap's own checks, as problems (data, like generator/base/problems.py): code, severity, message, hint.

Every problem of the recap belongs to one file (`MasalahBerkas.berkas`); the Problem itself keeps
sheet and cell, so `Masalah` and stderr name file, sheet and cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import Problem, problem, register_codes

ERROR, WARNING = "error", "warning"

CATALOGUE: dict[str, tuple[str, str, str]] = {
    "gabung.berkas-dilewati": (WARNING, "Berkas '{berkas}' tidak direkap: {why}.",
                               "Simpan laporan OPD sebagai workbook .xlsx standar di folder ini."),
    "gabung.tidak-terbaca": (ERROR, "Berkas '{berkas}' tidak dapat dibaca sebagai workbook LKjIP; tidak direkap.",
                             "Lihat masalah berkas ini di sheet Masalah; minta OPD mengirim ulang workbook yang dapat dibuka."),
    "gabung.berkas-galat": (WARNING, "Workbook '{berkas}' ({instansi}) berisi {n} galat: laporannya tidak dapat dibuat, angkanya tidak direkap.",
                            "Minta OPD memperbaiki galat yang disebut di sheet Masalah (jalankan lkjip validate), lalu jalankan gabung lagi."),
    "gabung.tahun-berbeda": (ERROR, "Tahun laporan {found} berbeda dari tahun rekap {expected}; workbook ini tidak direkap.",
                             "Periksa isian tahun di Profil, atau pindahkan workbook tahun lain ke folder tersendiri."),
    "gabung.pemerintah-berbeda": (ERROR, "Pemerintah '{found}' berbeda dari '{expected}' pada workbook lain; workbook ini tidak direkap.",
                                  "Samakan isian pemerintah di Profil (mis. \"{expected}\"), atau pindahkan workbook pemerintah lain dari folder ini."),
    "gabung.opd-ganda": (ERROR, "OPD yang sama ({what}) ada di dua workbook: '{berkas}' dan '{other}'; keduanya tidak direkap.",
                         "Hapus salinan yang lama dari folder, atau betulkan isian instansi/kode_opd di Profil salah satunya."),
    "gabung.sasaran-rpjmd-tidak-dikenal": (WARNING, "Kode Sasaran RPJMD '{found}' tidak ada di workbook Pemda ({pemda}).",
                                           "Tulis kode sasaran RPJMD persis seperti kolom Kode di sheet Kinerja workbook Pemda, mis. {contoh}."),
    "gabung.sasaran-tanpa-rpjmd": (WARNING, "Sasaran '{uraian}' tidak terhubung ke sasaran RPJMD mana pun (kolom Sasaran RPJMD kosong pada sasaran dan seluruh indikatornya).",
                                   "Isi kolom Sasaran RPJMD di baris sasaran ini dengan kode sasaran kabupaten yang didukungnya."),
    "gabung.iku-pemda-tanpa-dukungan": (WARNING, "IKU Pemda '{indikator}' (sasaran {kode}) tidak didukung indikator OPD mana pun.",
                                        "Minta OPD penanggung jawab ({pj}) mengisi kode {kode} di kolom Sasaran RPJMD pada sasaran/indikator yang mendukungnya."),
    "gabung.apbd-berbeda": (WARNING, "Jumlah pagu {n} OPD yang direkap {found} berbeda dari total_apbd {expected} (selisih {diff}).",
                            "Periksa apakah workbook seluruh OPD sudah terkumpul dan pagunya benar, atau perbarui total_apbd di Pengaturan workbook Pemda."),
    "gabung.pemda-bukan-kabupaten": (WARNING, "Workbook Pemda tidak memuat satu pun sasaran berkode di sheet Kinerja.",
                                     "Isi kolom Kode pada setiap Tujuan/Sasaran RPJMD (mis. SR.1) agar OPD dapat menautkannya di kolom Sasaran RPJMD."),
}

register_codes(CATALOGUE)  # one catalogue for every face: docs/problems.md lists these too


def masalah(code: str, sheet: str = "Berkas", cell: str = "", **fields: object) -> Problem:
    """A recap problem from the catalogue above, sorted like a workbook's own problems."""
    return problem(code, sheet, cell, **fields)


@dataclass(frozen=True)
class MasalahBerkas:
    """A problem of one file of the folder."""

    berkas: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.berkas}: {self.problem}"
