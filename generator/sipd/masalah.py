"""The problem codes of `lkjip impor-sipd` (documented in docs/workbook.md and docs/sipd.md).

They join the project's one catalogue (`problems.CATALOGUE`) when this package is imported,
so they are reported, sorted and printed like every other problem.
"""

from __future__ import annotations

from .. import ERROR, WARNING, register_codes

SIPD_CATALOGUE: dict[str, tuple[str, str, str]] = {
    "sipd.format-tidak-dikenal": (
        ERROR,
        "Berkas ini bukan ekspor SIPD yang dikenal: tidak ada baris judul kolom yang memuat semua kolom {layout}. "
        "Kolom yang diharapkan: {expected}. Kolom yang ditemukan (baris {row}): {found}.{missing}",
        "Ekspor ulang dari SIPD menu yang disebut di docs/sipd.md tanpa mengubah judul kolomnya; lkjip tidak menebak kolom.",
    ),
    "sipd.angka-tidak-terbaca": (
        ERROR, "{header} '{found}' bukan angka.", "Periksa sel ini di berkas ekspor SIPD; tidak ada angka yang dianggap nol diam-diam."),
    "sipd.angka-di-luar-batas": (
        ERROR, "{header} {found} di luar batas yang masuk akal untuk rupiah.", "Periksa sel ini di berkas ekspor SIPD; batasnya {limit}."),
    "sipd.skpd-tidak-ada": (
        ERROR, "Tidak ada baris dengan kode SKPD '{found}' (--skpd). Kode SKPD di berkas ini: {expected}.",
        "Tulis --skpd persis seperti kolom KODE SKPD, atau hilangkan --skpd bila berkas ini hanya memuat satu SKPD."),
    "sipd.tanpa-baris": (
        ERROR, "Berkas tidak memuat satu pun baris rekening {what}.", "Periksa bahwa berkas yang diekspor adalah {what} yang benar."),
    "sipd.tanpa-kode": (
        WARNING, "{n} baris bernilai tanpa Kode Sub Kegiatan atau Kode Rekening dilewati (pertama di baris {first}); jumlahnya {total}.",
        "Baris seperti ini biasanya baris jumlah atau SP2D UP/GU yang bukan belanja sub kegiatan; periksa bila jumlahnya tidak nol."),
    "sipd.realisasi-tanpa-pagu": (
        WARNING, "Realisasi {found} untuk sub kegiatan {kode} '{uraian}' ({unit}) tanpa pagu di rekap anggaran.",
        "Periksa bahwa rekap anggaran dan laporan realisasi berasal dari SKPD dan tahun yang sama; sub kegiatan ini ditambahkan dengan pagu 0."),
    "sipd.realisasi-negatif": (
        WARNING, "Realisasi bersih sub kegiatan {kode} '{uraian}' ({unit}) negatif: {found} (setoran melebihi realisasi).",
        "Periksa dokumen setoran sub kegiatan ini di SIPD; lkjip validate akan menolaknya sampai dibetulkan."),
    "sipd.unit-tidak-dikenal": (
        ERROR, "--unit '{found}': kode sub unit '{kode}' tidak ada di berkas SIPD. Kode sub unit di berkas: {expected}.",
        "Tulis --unit 'KODE SUB UNIT=Nama unit' dengan kode persis seperti kolom KODE SUB UNIT / Kode Sub SKPD."),
}

register_codes(SIPD_CATALOGUE)
