"""generator/summary.py: what the terminal shows — the build summary, problems as text or JSON, and a
diff as readable lines (pure functions; the CLI and the web page print them).

`diff_lines` on real workbook changes is tested at length in tests/compare/test_diff.py; the JSON facts of a
problem in tests/base/test_problems.py; the summary as `lkjip build` prints it in tests/cli/test_commands.py,
tests/test_package.py (the LibreOffice note) and tests/web/test_web.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from factory import make_workbook

from generator.base.problems import problem
from generator.pipeline import BuildResult, check
from generator.summary import diff_lines, problem_lines, problems_json, summary_lines


def test_summary_of_a_written_report_counts_the_tree_and_prints_the_headline_figures(small):
    _lap, hasil, problems = check(small)
    res = BuildResult(small, output=Path("output/LKjIP-Kecamatan-Contoh-2024.docx"), problems=problems, hasil=hasil)
    assert summary_lines(res) == [
        "Laporan ditulis: output/LKjIP-Kecamatan-Contoh-2024.docx",
        "  1 tujuan, 2 sasaran, 3 indikator; 1 unit anggaran: 2 program, 2 kegiatan, 3 sub kegiatan",
        "  Capaian kinerja 91,88% (Sangat Tinggi); anggaran Rp35.000.000,00, realisasi Rp32.500.000,00, penyerapan 92,86%",
    ]


def test_summary_of_a_refused_workbook_lists_warnings_then_errors_with_their_hint(tmp_path):
    broken = make_workbook(tmp_path / "b.xlsx", edit=lambda w: w["Anggaran"].__setitem__("E4", "sepuluh juta"))
    _lap, _hasil, problems = check(broken)
    lines = summary_lines(BuildResult(broken, problems=problems))
    assert not [ln for ln in lines if ln.startswith("Laporan ditulis")]
    i = lines.index("  1 galat; laporan tidak dibuat:")
    assert lines[i + 1] == ("    Anggaran!E4: 'sepuluh juta' bukan angka. Saran: Tulis angka seperti 1.234.567 atau 96,77 "
                            "(boleh dengan Rp, ,- atau %).")


def test_problems_as_text_and_json():
    p = problem("kinerja.target-nol", "Kinerja", "H4", indikator="Nilai SAKIP")
    assert problem_lines([p]) == [
        "PERINGATAN Kinerja!H4 [kinerja.target-nol] Target 'Nilai SAKIP' bernilai 0; capaian tidak dapat dihitung. "
        "Saran: Periksa targetnya; laporan akan menjelaskan bahwa capaian tidak dihitung."]
    data = json.loads(problems_json([p]))
    assert data == [{"sheet": "Kinerja", "cell": "H4", "code": "kinerja.target-nol", "severity": "warning",
                     "message": "Target 'Nilai SAKIP' bernilai 0; capaian tidak dapat dihitung.",
                     "hint": "Periksa targetnya; laporan akan menjelaskan bahwa capaian tidak dihitung.",
                     "facts": {"indikator": "Nilai SAKIP"}}]


def test_diff_lines_names_each_change_old_to_new():
    d = {"indikator": [{"node": "S1", "nama": "Persentase layanan tepat waktu", "perubahan": {"realisasi": ("67", "72")}}],
         "indikator_baru": [], "indikator_dihapus": [],
         "anggaran": {"baru": [], "dihapus": [], "berubah": [
             {"unit": "Kecamatan Contoh", "kode": "7.01.01.2.01.0002", "level": "Sub Kegiatan", "uraian": "Evaluasi Kinerja",
              "pagu": ("5.000.000", "5.000.000"), "realisasi": ("5.000.000", "4.000.000")}]},
         "total": {"realisasi": ("32.500.000", "31.500.000"), "pagu": ("35.000.000", "35.000.000")},
         "unit": [], "narasi": {}, "profil": {"kepala_nama": ("Drs. Budi Santoso, M.Si", "Ir. Siti Aminah")}}
    assert diff_lines(d) == [
        "Indikator S1 'Persentase layanan tepat waktu': realisasi 67 -> 72",
        "Anggaran berubah: Kecamatan Contoh / 7.01.01.2.01.0002 Sub Kegiatan 'Evaluasi Kinerja': realisasi 5.000.000 -> 4.000.000",
        "Total realisasi 32.500.000 -> 31.500.000",
        "Profil kepala_nama: 'Drs. Budi Santoso, M.Si' -> 'Ir. Siti Aminah'",
    ]
