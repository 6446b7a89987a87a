"""Names of report files: the slug of an instansi, the names Windows refuses, a staff `nama_berkas` judged.

A base module (no lkjip imports): the reader judges `nama_berkas` with it, the build names its output with it.
"""

from __future__ import annotations

import re
import unicodedata


def slug(text: str, fallback: str = "Instansi") -> str:
    """`Kecamatan Kota Sumenep` -> `Kecamatan-Kota-Sumenep` (safe as a file name everywhere).

    Latin letters lose their accents (`Pérez` -> `Perez`; one without an ASCII form, `ß`, is left out,
    as always); letters, marks and digits of other scripts stay (two agencies named in Arabic or
    Devanagari get two names, not both `Instansi`); anything else becomes one `-`."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        plain = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
        if plain:
            out.append(plain if plain.isalnum() else "-")
        elif unicodedata.category(ch)[0] in "LMN" and not unicodedata.name(ch, "").startswith("LATIN"):
            out.append(ch)
        elif not unicodedata.name(ch, "").startswith("LATIN") or unicodedata.category(ch)[0] not in "LMN":
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")[:80].strip("-") or fallback


# names Windows gives to devices: `CON.docx` cannot be a file there (also on a shared drive)
# characters Windows refuses in a file name (and the control characters)
WINDOWS_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def nama_berkas_problem(name: str) -> str | None:
    """Why `nama_berkas` cannot name a report (for `pengaturan.tidak-sah`), or None."""
    if not name.strip():
        return None
    stem = slug(name, "")
    if not stem:
        return ("Nama berkas harus memuat huruf atau angka (tanda baca dan simbol diganti '-'); tulis mis. "
                "LKjIP-Kecamatan-Alok-2024, atau kosongkan agar nama dibuat dari instansi dan tahun.")
    if stem.lower() in WINDOWS_RESERVED:
        return (f"'{stem}' adalah nama perangkat di Windows dan tidak dapat menjadi nama berkas; tulis nama lain, mis. "
                "LKjIP-Kecamatan-Alok-2024.")
    return None
