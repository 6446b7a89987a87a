"""Build small standard workbooks in code for tests (the blank workbook, filled by header name)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from generator.workbook.blank import append_rows, build_blank, set_isian

PROFIL = {
    "pemerintah": "Pemerintah Kabupaten Contoh",
    "instansi": "Kecamatan Contoh",
    "tahun": 2024,
    "periode_renstra": "2024-2026",
    "alamat": "Jl. Merdeka No. 1",
    "kota": "Kotaraya",
    "tanggal_laporan": dt.date(2025, 1, 30),
    "kepala_nama": "Drs. Budi Santoso, M.Si",
    "kepala_jabatan": "Camat Contoh",
    "kepala_nip": "19770321 199602 1 001",
    "kepala_pangkat": "Pembina (IV/a)",
    "atasan_nama": "Ir. Siti Aminah",
    "atasan_jabatan": "Bupati Contoh",
    "tanggal_pk": dt.date(2024, 2, 1),
    "visi": "Terwujudnya pelayanan publik yang prima",
    "misi": "Meningkatkan kualitas pelayanan\nMeningkatkan tata kelola pemerintahan",
}

KINERJA = [
    {"Level": "Tujuan", "Kode": "T1", "Uraian": "Meningkatkan pelayanan publik", "Indikator": "Indeks Kepuasan Masyarakat",
     "Satuan": "indeks", "IKU": "Ya", "Target 2024": 80, "Target 2025": 81, "Target 2026": 82, "Realisasi 2023": 78,
     "Realisasi 2024": 82, "Standar Nasional": "tidak ada"},
    {"Level": "Sasaran", "Kode": "S1", "Uraian": "Meningkatnya kualitas layanan administrasi", "Indikator": "Persentase layanan tepat waktu",
     "Satuan": "%", "IKU": "Ya", "PK": "Ya", "Target 2024": 80, "Target 2025": 85, "Target 2026": 90, "Realisasi 2023": 70,
     "Realisasi 2024": 67, "Standar Nasional": "tidak ada", "Analisis": "Jumlah petugas kurang.", "Solusi": "Menambah jam layanan."},
    {"Level": "Sasaran", "Kode": "S2", "Uraian": "Meningkatnya akuntabilitas kinerja", "Indikator": "Nilai SAKIP",
     "Satuan": "predikat", "IKU": "Ya", "PK": "Ya", "Target 2024": "B", "Target 2025": "BB", "Target 2026": "BB",
     "Realisasi 2024": "BB", "Standar Nasional": "tidak ada"},  # stated: the report says "Belum terdapat standar nasional"
]

ANGGARAN = [
    {"Unit": "Kecamatan Contoh", "Kode": "7.01.01", "Uraian": "Program Penunjang Urusan Pemerintahan Daerah", "Sasaran": "S1",
     "Pagu PK": 15_000_000},
    {"Kode": "7.01.01.2.01", "Uraian": "Perencanaan, Penganggaran dan Evaluasi Kinerja"},
    {"Kode": "7.01.01.2.01.0001", "Uraian": "Penyusunan Dokumen Perencanaan", "Pagu": 10_000_000, "Realisasi": 9_500_000},
    {"Kode": "7.01.01.2.01.0002", "Uraian": "Evaluasi Kinerja", "Pagu": 5_000_000, "Realisasi": 5_000_000},
    {"Kode": "7.01.02", "Uraian": "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Sasaran": "S2",
     "Pagu PK": 20_000_000},
    {"Kode": "7.01.02.2.01", "Uraian": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan"},
    {"Kode": "7.01.02.2.01.0001", "Uraian": "Koordinasi Pelayanan", "Pagu": 20_000_000, "Realisasi": 18_000_000},
]


_MADE: dict[str, bytes] = {}  # the bytes of each workbook made in this process, by its arguments


def make_workbook(path: Path, *, profil: dict | None = None, kinerja: list | None = None, anggaran: list | None = None,
                  sheets: dict[str, list[dict]] | None = None, pengaturan: dict | None = None, drop: tuple[str, ...] = (),
                  edit=None) -> Path:
    """A valid small workbook; override any part. `edit(wb)` may change cells directly.

    The same arguments (without `edit`) give the same workbook: it is made once per process and then
    copied (a third of the calls in the suite repeat one, at ~0,05 s of openpyxl each)."""
    key = None if edit is not None else repr((profil, kinerja, anggaran, sheets, pengaturan, drop))
    if key is not None and " at 0x" in key:  # an object without a value of its own: never taken for another
        key = None
    if key is not None and key in _MADE:
        path.write_bytes(_MADE[key])
        return path
    wb = build_blank(2024, (2024, 2026))
    set_isian(wb, {**PROFIL, **(profil or {})})
    append_rows(wb, "Kinerja", KINERJA if kinerja is None else kinerja)
    append_rows(wb, "Anggaran", ANGGARAN if anggaran is None else anggaran)
    for name, rows in (sheets or {}).items():
        append_rows(wb, name, rows)
    if pengaturan:
        set_isian(wb, pengaturan, "Pengaturan")
    for name in drop:
        del wb[name]
    if edit:
        edit(wb)
    wb.save(path)
    if key is not None:
        _MADE[key] = path.read_bytes()
    return path


_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"((?: s="\d+")?) t="inlineStr"><is><t(?: xml:space="preserve")?>(.*?)</t></is></c>', re.S)
SS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def as_excel_saves(path: Path) -> Path:
    """Rewrite an openpyxl-written workbook the way Excel saves text: every inline string of
    every sheet becomes a shared string (xl/sharedStrings.xml), in place."""
    strings: list[bytes] = []
    index: dict[bytes, int] = {}

    def shared(m: re.Match) -> bytes:
        text = m.group(3)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return b'<c r="' + m.group(1) + b'"' + m.group(2) + b' t="s"><v>' + str(index[text]).encode() + b"</v></c>"

    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    for name in parts:
        if name.startswith("xl/worksheets/sheet") and name.endswith(".xml"):
            parts[name] = _INLINE.sub(shared, parts[name])
    parts["xl/sharedStrings.xml"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
        % (len(strings), len(strings)) + b"".join(b'<si><t xml:space="preserve">' + s + b"</t></si>" for s in strings) + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="' + SS_CT.encode() + b'"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSst" Type="' + SS_REL.encode() + b'" Target="sharedStrings.xml"/></Relationships>')
    tmp = path.with_name(path.name + ".building")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    tmp.replace(path)
    return path
