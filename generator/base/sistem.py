"""What the operating system said, in Indonesian: one wording of every refusal for every step.

The operating system's own text is English and names the path; lkjip names the path itself and says why
with `os_why`, reading (the workbook, an image, a folder) or writing (the report, the PDF, stdout).
"""

from __future__ import annotations

import errno

_REASONS = {  # errno name -> why
    "ENOSPC": "disk penuh (ruang kosong atau kuota habis); kosongkan ruang disk lalu jalankan lagi",
    "EDQUOT": "disk penuh (ruang kosong atau kuota habis); kosongkan ruang disk lalu jalankan lagi",
    "EFBIG": "berkas melebihi batas ukuran berkas sistem",
    "EROFS": "disk hanya-baca",
    "EACCES": "izin ditolak (berkas atau foldernya milik pengguna lain, baca-saja, atau dikunci)",
    "EPERM": "izin ditolak (berkas atau foldernya milik pengguna lain, baca-saja, atau dikunci)",
    "ENAMETOOLONG": "nama atau jalurnya terlalu panjang untuk sistem operasi",
    "ENOENT": "folder atau berkasnya tidak ada",
    "ENOTDIR": "salah satu bagian jalurnya bukan folder",
    "EISDIR": "yang dituju adalah folder",
    "EEXIST": "berkasnya sudah ada",
    "EBUSY": "berkas sedang dipakai program lain",
    "ETXTBSY": "berkas sedang dipakai program lain",
    "EIO": "galat perangkat (disk atau jaringan)",
    "EXDEV": "berkas sementara dan tujuannya berada di drive berbeda",
    "EINVAL": "namanya tidak diizinkan sistem berkas",
    "EILSEQ": "namanya berisi karakter yang tidak diizinkan sistem berkas",
    "ELOOP": "tautan simbolik (symlink) yang berputar",
    "EMFILE": "terlalu banyak berkas terbuka",
    "ENFILE": "terlalu banyak berkas terbuka",
    "ESTALE": "berkas di drive jaringan tidak lagi tersedia (sambungan terputus?)",
    "EPIPE": "penerimanya sudah ditutup",
    "ENODEV": "perangkatnya tidak ada",
    "ENXIO": "perangkatnya tidak ada",
}

_READING = {  # where reading says it differently
    "EACCES": "izin baca ditolak (berkas atau foldernya milik pengguna lain, atau dikunci)",
    "EPERM": "izin baca ditolak (berkas atau foldernya milik pengguna lain, atau dikunci)",
    "EIO": "galat baca perangkat (disk atau jaringan)",
}


def os_why(exc: BaseException, reading: bool = False) -> str:
    """Why the operating system refused a path (no path, no English), by errno."""
    if isinstance(exc, ValueError):  # "embedded null byte"
        return "namanya berisi karakter kosong (NUL) yang tidak diizinkan sistem operasi"
    if isinstance(exc, RuntimeError):  # pathlib.resolve() in Python < 3.13: "Symlink loop from ..."
        return _REASONS["ELOOP"]
    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    return (reading and _READING.get(name)) or _REASONS.get(name) or \
        f"sistem operasi menolaknya ({name or type(exc).__name__})"
