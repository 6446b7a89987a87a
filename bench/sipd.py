"""Benchmark: `lkjip impor-sipd` on a 200.000-row realisasi export (target: 10 s or less on these machines).

Run:  python bench/sipd.py                 (20.000 and 200.000 documents, 3 runs each)
      python bench/sipd.py --rows 2000 --repeat 1   (a quick look)

The exports are written the way Excel saves a sheet (text in a shared-strings table, one
`<c r=…>` per cell, all 45 columns of the realisasi layout, a unique document number per
row), straight as XML, since openpyxl would take minutes for 9 million cells; they are
cached under the temp folder. Each figure is a fresh `python -m generator.cli impor-sipd`
process (start-up and imports included), wall time, CPU time (user + system) and peak RSS from wait4(); the median
of `--repeat` runs is printed with the fastest and slowest.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.base.problems import column_letter as _col  # noqa: E402  (after the path is set)
from generator.sipd.baca import REALISASI, REKAP  # noqa: E402

UNITS = 12
PROGRAMS = 6
KEGIATAN = 4
SUBS = 6
REKENING = [f"5.1.02.01.01.{i:04d}" for i in range(1, 16)] + [f"5.2.02.05.01.{i:04d}" for i in range(1, 6)]


def write_xlsx(path: Path, headers: tuple[str, ...], rows, title_rows: int = 0) -> None:
    """A one-sheet .xlsx with shared strings, written as Excel lays it out."""
    strings: dict[str, int] = {}

    def sst(text: str) -> int:
        i = strings.get(text)
        if i is None:
            i = strings[text] = len(strings)
        return i

    letters = [_col(i + 1) for i in range(len(headers))]
    tmp = path.with_suffix(".sheet.xml")
    with open(tmp, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/'
                  'spreadsheetml/2006/main"><sheetData>')
        r = 0
        for t in range(title_rows):
            r += 1
            out.write(f'<row r="{r}"><c r="A{r}" t="s"><v>{sst("LAPORAN REALISASI PER DOKUMEN" if t == 1 else "")}</v></c></row>')
        r += 1
        out.write(f'<row r="{r}">' + "".join(f'<c r="{letters[i]}{r}" t="s"><v>{sst(h)}</v></c>' for i, h in enumerate(headers)) + "</row>")
        for values in rows:
            r += 1
            cells = []
            for i, v in enumerate(values):
                if v is None:
                    continue
                if isinstance(v, (int, float)):
                    cells.append(f'<c r="{letters[i]}{r}"><v>{v}</v></c>')
                else:
                    cells.append(f'<c r="{letters[i]}{r}" t="s"><v>{sst(v)}</v></c>')
            out.write(f'<row r="{r}">' + "".join(cells) + "</row>")
        out.write("</sheetData></worksheet>")
    ns = "http://schemas.openxmlformats.org/package/2006/relationships"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
                   'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                   'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}"><Relationship Id="rId1" '
                   f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                   '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{ns}">'
                   f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                   f'Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.write(tmp, "xl/worksheets/sheet1.xml")
        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(strings)}" '
                   f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    tmp.unlink()


def _tree():
    for u in range(UNITS):
        unit = (f"7.01.0.00.0.00.01.{u:04d}", f"Kelurahan Uji {u}")
        for p in range(PROGRAMS):
            prog = (f"7.01.{p + 1:02d}", f"Program Uji {p + 1}")
            for k in range(KEGIATAN):
                keg = (f"{prog[0]}.2.{k + 1:02d}", f"Kegiatan Uji {p + 1}.{k + 1}")
                for s in range(SUBS):
                    yield unit, prog, keg, (f"{keg[0]}.{s + 1:04d}", f"Sub Kegiatan Uji {p + 1}.{k + 1}.{s + 1}")


def exports(folder: Path, rows: int) -> tuple[Path, Path]:
    rekap, real = folder / "sipd-rekap.xlsx", folder / f"sipd-realisasi-{rows}.xlsx"
    tree = list(_tree())
    if not rekap.exists():
        def rekap_rows():
            for unit, prog, keg, sub in tree:
                for j, rek in enumerate(REKENING[:5]):
                    v = {"TAHUN": 2024, "KODE SKPD": "7.01.0.00.0.00.01.0000", "NAMA SKPD": "KECAMATAN UJI",
                         "KODE SUB UNIT": unit[0], "NAMA SUB UNIT": unit[1], "KODE PROGRAM": prog[0], "NAMA PROGRAM": prog[1],
                         "KODE KEGIATAN": keg[0], "NAMA KEGIATAN": keg[1], "KODE SUB KEGIATAN": sub[0],
                         "NAMA SUB KEGIATAN": sub[1], "NAMA SUMBER DANA": "DAU", "KODE REKENING": rek,
                         "NAMA REKENING": f"Belanja {rek}", "PAGU": 10_000_000 + j}
                    yield [v.get(h) for h in REKAP.headers]
        write_xlsx(rekap, REKAP.headers, rekap_rows())
    if not real.exists():
        def real_rows():
            for i in range(rows):
                unit, prog, keg, sub = tree[i % len(tree)]
                v = {"Kode SKPD": "7.01.0.00.0.00.01.0000", "Nama SKPD": "KECAMATAN UJI", "Kode Sub SKPD": unit[0],
                     "Nama Sub SKPD": unit[1], "Kode Fungsi": "01", "Nama Fungsi": "PELAYANAN UMUM", "Kode Urusan": "7",
                     "Nama Urusan": "UNSUR KEWILAYAHAN", "Kode Program": prog[0], "Nama Program": prog[1],
                     "Kode Kegiatan": keg[0], "Nama Kegiatan": keg[1], "Kode Sub Kegiatan": sub[0], "Nama Sub Kegiatan": sub[1],
                     "Kode Rekening": REKENING[i % 5], "Nama Rekening": f"Belanja {REKENING[i % 5]}",
                     "Nomor Dokumen": f"{i}/TBP/2024", "Jenis Dokumen": "TBP", "Jenis Transaksi": "GU",
                     "Tanggal Dokumen": f"{i % 28 + 1} Januari 2024", "Keterangan Dokumen": f"Pembayaran uji {i}",
                     "Nilai Realisasi": 1000 + i % 997, "Nilai Setoran": 10 if i % 50 == 0 else 0,
                     "Nomor SP2D": f"{i}/SP2D/2024", "Tanggal SP2D": f"{i % 28 + 1} Februari 2024", "Nilai SP2D": 1000 + i % 997,
                     "Nama Penerima": f"Penerima {i % 300}", "Status": "Selesai"}
                yield [v.get(h) for h in REALISASI.headers]
        write_xlsx(real, REALISASI.headers, real_rows(), title_rows=4)
    return rekap, real


def run_once(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"impor-sipd gagal: {proc.stderr.read().decode()[:2000]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="*", default=[20_000, 200_000])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "lkjip-bench-sipd")
    args = ap.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    print(f"{'dokumen':>9} {'berkas MB':>9} {'detik (median, min-max)':>26} {'CPU s':>6} {'RSS MB':>7}")
    for n in args.rows:
        t = time.perf_counter()
        rekap, real = exports(args.folder, n)
        made = time.perf_counter() - t
        walls, rss, cpu = [], [], []
        for i in range(args.repeat):
            out = args.folder / f"hasil-{n}-{i}.xlsx"
            out.unlink(missing_ok=True)
            w, m, c = run_once([sys.executable, "-m", "generator.cli", "impor-sipd", "--anggaran", str(rekap), "--realisasi",
                             str(real), "--out", str(out)], ROOT)
            walls.append(w)
            rss.append(m)
            cpu.append(c)
            out.unlink(missing_ok=True)
        size = real.stat().st_size / 1e6
        print(f"{n:>9} {size:>9.1f} {statistics.median(walls):>12.2f} ({min(walls):.2f}-{max(walls):.2f})"
              f" {statistics.median(cpu):>9.2f} {max(rss):>7.0f}   (ekspor dibuat dalam {made:.1f} s)")


if __name__ == "__main__":
    main()
