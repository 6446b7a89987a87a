"""`lkjip serve` end to end in a real Chromium (Playwright for Python, the system browser).

Skipped, saying why, when Playwright or Chromium is missing (`.ci/run` installs Debian's `chromium`).
Screenshots at 1366×768 go to $LKJIP_SCREENSHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import ALOK, SUMENEP
from docx_text import all_text, load

import generator as lk

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright untuk Python tidak terpasang: tes browser dilewati")
CHROMIUM = os.environ.get("LKJIP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(not CHROMIUM, reason="Chromium tidak terpasang (apt-get install chromium): tes browser dilewati")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage"]
VIEW = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("LKJIP_SCREENSHOTS") or tmp_path_factory.mktemp("layar"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def server(tmp_path: Path):
    """`lkjip serve FOLDER --tanpa-buka` on a free port: (address with token, folder, process)."""
    folder = tmp_path / "kerja"
    folder.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", str(folder), "--tanpa-buka"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = None
    lines = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and url is None:
        line = proc.stdout.readline()
        lines.append(line)
        m = re.search(r"Buka alamat ini di browser: (http://127\.0\.0\.1:\d+/\?token=\S+)", line)
        url = m.group(1) if m else None
    assert url, "".join(lines)
    yield url, folder, proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert "lkjip serve berhenti." in out
    assert "Traceback" not in out, out


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_upload_problems_build_download_and_live_update(server, browser, shots):
    url, folder, _proc = server
    page = browser.new_page(viewport=VIEW, accept_downloads=True)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    base = url.split("/?")[0]
    outside: list[str] = []  # no CDN, no web font: every request stays on this server
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:", "blob:")) else None)
    page.goto(url)
    assert "token=" not in page.url  # the token moved into a cookie
    page.get_by_text("Belum ada workbook .xlsx di folder ini").wait_for()

    # upload the Alok example with the file picker: the page opens it and shows its problems at their cells
    t0 = time.perf_counter()
    page.set_input_files("#pilih-berkas", str(ALOK))
    page.locator("#capaian-instansi").wait_for(timeout=15_000)
    upload_seconds = time.perf_counter() - t0
    assert (folder / ALOK.name).read_bytes() == ALOK.read_bytes()
    _lap, hasil, found = lk.check(ALOK)  # what `lkjip validate`/`build` say of it
    figure = lk.persen(hasil.capaian_instansi)  # 78,33% when this was written
    assert page.locator("#capaian-instansi").inner_text() == figure
    assert page.locator("#jumlah-masalah").inner_text() == f"0 galat, {len(lk.warnings(found))} peringatan"
    e86 = page.locator("tr[data-sheet=Anggaran]", has_text="Anggaran!E86")
    assert "tertulis 86.245.307, tetapi jumlah rinciannya 86.245.207 (selisih 100)" in e86.inner_text()
    siap = sum(1 for k in lk.periksa_file(ALOK)[0] if k.status == "terpenuhi")
    assert f"Kesiapan LKE: {siap} dari 14 kriteria terpenuhi" in page.inner_text("#judul-periksa")
    page.screenshot(path=str(shots / "workbook.png"))
    page.screenshot(path=str(shots / "workbook-penuh.png"), full_page=True)

    # filter by sheet: only the Kinerja problems stay visible
    page.select_option("#saring-sheet", "Kinerja")
    kinerja = [p.where for p in found if p.sheet == "Kinerja"]
    assert kinerja and page.locator("#isi tr[data-severity]:visible td.sel").all_inner_texts() == kinerja
    assert not e86.is_visible()
    page.select_option("#saring-sheet", "")

    # build (no PDF: LibreOffice is slow on shared CI machines) and download the .docx
    pdf_box = page.locator("input[name=pdf]")
    if pdf_box.is_enabled():
        pdf_box.uncheck()
    page.focus("#tombol-buat")  # by keyboard
    page.keyboard.press("Enter")
    page.locator("#unduh-docx").wait_for(timeout=60_000)
    page.screenshot(path=str(shots / "laporan.png"))
    with page.expect_download() as info:
        page.click("#unduh-docx")
    download = info.value
    assert download.suggested_filename == "LKjIP-Kecamatan-Alok-2024.docx"
    text = all_text(load(download.path()))
    assert "Kecamatan Alok" in text and figure.rstrip("%") in text

    # staff save the workbook in Excel: the page shows the new problem without a reload
    marker = page.evaluate("() => { window.tetap = 1; return window.tetap; }")
    book = openpyxl.load_workbook(folder / ALOK.name)
    ws = book["Anggaran"]
    pagu = [c.value for c in ws[1]].index("Pagu") + 1
    level = [c.value for c in ws[1]].index("Level") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, level).value == "Sub Kegiatan"
               and isinstance(ws.cell(r, pagu).value, (int, float)))
    ws.cell(row, pagu).value = -1
    book.save(folder / ALOK.name)
    t0 = time.perf_counter()
    cell = f"Anggaran!{openpyxl.utils.get_column_letter(pagu)}{row}"
    page.locator("#isi tr", has_text=cell).filter(has_text="Pagu bernilai negatif (-1).").wait_for(timeout=10_000)
    live_seconds = time.perf_counter() - t0
    _lap, _hasil, problems = lk.check(folder / ALOK.name)  # what `lkjip validate` says of the saved file
    counts = f"{len(lk.errors(problems))} galat, {len(lk.warnings(problems))} peringatan"
    assert page.locator("#jumlah-masalah").inner_text() == counts
    assert page.evaluate("() => window.tetap") == marker  # same page: not reloaded
    page.screenshot(path=str(shots / "langsung.png"))
    page.select_option("#saring-jenis", "error")  # only the errors, in every sheet
    visible = page.locator("#isi tr[data-severity]:visible td.sel").all_inner_texts()
    assert visible == [p.where for p in lk.errors(problems)] and cell in visible
    assert live_seconds < 5, live_seconds  # about 2 s on an idle machine (poll every second)
    assert not errors, errors
    assert not outside, outside
    print(f"unggah -> masalah di layar {upload_seconds:.2f} s; simpan -> halaman diperbarui {live_seconds:.2f} s")


def test_beranda_drag_and_drop_and_perubahan_by_keyboard(server, browser, shots):
    url, folder, _proc = server
    shutil.copy(ALOK, folder / "asli.xlsx")
    shutil.copy(SUMENEP, folder / "revisi.xlsx")
    page = browser.new_page(viewport=VIEW)
    page.goto(url)
    page.locator("table.daftar").wait_for()
    row = page.locator("table.daftar tr", has_text="revisi.xlsx")
    assert "Kecamatan Kota Sumenep" in row.inner_text() and "dari 14" in row.inner_text()
    page.screenshot(path=str(shots / "beranda.png"))
    # drag and drop a workbook whose name is taken: saved under a new name, and the page says so
    page.evaluate("""async (b64) => {
        const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], "asli.xlsx"));
        const zone = document.getElementById("jatuhkan");
        for (const type of ["dragenter", "dragover", "drop"]) {
            zone.dispatchEvent(new DragEvent(type, {dataTransfer: dt, bubbles: true, cancelable: true}));
        }
    }""", base64.b64encode(ALOK.read_bytes()).decode())
    page.wait_for_url("**/wb/asli%20(2).xlsx?unggah=asli.xlsx")
    assert ("Diunggah sebagai 'asli (2).xlsx': nama 'asli.xlsx' sudah ada di folder ini"
            in page.locator("p.pesan").inner_text())
    assert (folder / "asli (2).xlsx").read_bytes() == (folder / "asli.xlsx").read_bytes() == ALOK.read_bytes()
    page.goto(url)
    page.locator("table.daftar").wait_for()
    # a workbook copied into the folder meanwhile appears on the open Beranda, in the list and in the choices
    shutil.copy(ALOK, folder / "tambahan.xlsx")
    page.locator("table.daftar tr", has_text="tambahan.xlsx").wait_for(timeout=10_000)
    page.locator("#dari option", has_text="tambahan.xlsx").wait_for(state="attached", timeout=10_000)
    # keyboard only: the skip link, then the menu's Perubahan
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Perubahan"
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Perubahan antara dua revisi").wait_for()
    page.select_option("select[name=lama]", "asli.xlsx")
    page.select_option("select[name=baru]", "revisi.xlsx")
    page.get_by_role("button", name="Bandingkan").click()
    page.locator("ul.perubahan li").first.wait_for()
    lines = page.locator("ul.perubahan li").all_inner_texts()
    assert "Profil instansi: 'Kecamatan Alok' -> 'Kecamatan Kota Sumenep'" in lines
    page.screenshot(path=str(shots / "perubahan.png"))
