"""Benchmark of `lkjip serve`: upload -> problems and dashboard on screen, a 20.000-line workbook, page weight.

Run:  python bench/web.py            (Alok, and a 20.000-line workbook; the browser figure when Chromium is there)
      python bench/web.py --quick    (Alok over HTTP only, one run; used as a smoke test)

Everything goes through a real `lkjip serve` process (`python -m generator.cli serve`), over HTTP:
- upload -> page: POST the Alok workbook, follow the page it opens (whose HTML holds the problems
  and the dashboard), median of --repeat runs; in Chromium (Playwright), from choosing the file to the
  instansi figure on screen;
- 20.000 lines: the workbook page answers at once with "Memeriksa workbook…", the check runs while
  Beranda keeps answering (its latency is measured during the check), then the problems arrive;
- page weight: the workbook page, its live part and every asset it loads, without the report.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the checkout's generator, as the server it starts (cwd=ROOT)
ALOK = ROOT / "workbooks" / "kecamatan-alok-2024.xlsx"
CHROMIUM = os.environ.get("LKJIP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class Server:
    def __init__(self, folder: Path):
        self.proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", str(folder), "--tanpa-buka"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
        for line in self.proc.stdout:
            m = re.search(r"(http://127\.0\.0\.1:(\d+))/\?token=(\S+)", line)
            if m:
                self.base, port, self.token = m.group(1), m.group(2), m.group(3)
                self.cookie = f"lkjip_token_{port}={self.token}"
                self.url = m.group(0)
                break
        time.sleep(1.0)  # the server imports the checking modules in the background at start

    def get(self, path: str) -> tuple[int, bytes]:
        req = urllib.request.Request(self.base + path, headers={"Cookie": self.cookie})
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, resp.read()

    def upload(self, name: str, data: bytes) -> tuple[int, dict, bytes]:
        boundary = uuid.uuid4().hex
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{name}\"\r\n"
                "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode()
        body += data + f"\r\n--{boundary}--\r\n".encode()
        req = urllib.request.Request(self.base + "/unggah", data=body, method="POST", headers={
            "Cookie": self.cookie, "Content-Type": f"multipart/form-data; boundary={boundary}", "HX-Request": "true"})
        with urllib.request.urlopen(req, timeout=120) as resp:
            return resp.status, dict(resp.headers), resp.read()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.communicate(timeout=60)


def upload_to_page(srv: Server, repeat: int) -> list[float]:
    """Seconds from POSTing Alok to having the page whose HTML shows its problems and dashboard."""
    import generator as lk

    data = ALOK.read_bytes()
    figure = f'id="capaian-instansi">{lk.persen(lk.check(ALOK)[1].capaian_instansi)}'.encode()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        _status, headers, _body = srv.upload(ALOK.name, data)
        _s, page = srv.get(headers["HX-Redirect"])
        times.append(time.perf_counter() - t)
        assert b"Anggaran!E86" in page and figure in page, "problems/dashboard missing"
    return times


def page_weight(srv: Server, name: str) -> int:
    _s, page = srv.get(f"/wb/{quote(name)}")
    total = len(page) + len(srv.get(f"/wb/{quote(name)}/isi")[1])
    for asset in set(re.findall(rb'(?:src|href)="(/static/[^"]+)"', page)):
        total += len(srv.get(asset.decode())[1])
    return total


def browser_upload(srv: Server, folder: Path, repeat: int) -> list[float] | None:
    """Seconds from choosing the file in Chromium to the instansi figure on screen."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM:
        return None
    times = []
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                                              "--disable-background-networking", "--disable-sync"])
        page = b.new_page(viewport={"width": 1366, "height": 768})
        for _ in range(repeat):
            page.goto(srv.url)
            page.locator("#pilih-berkas").wait_for(state="attached")
            t = time.perf_counter()
            page.set_input_files("#pilih-berkas", str(ALOK))
            page.locator("#capaian-instansi").wait_for(timeout=30_000)
            times.append(time.perf_counter() - t)
        b.close()
    return times


def large(srv: Server, folder: Path, lines: int) -> dict:
    """A workbook of `lines` budget lines: the page answers at once, Beranda keeps answering during the check."""
    sys.path.insert(0, str(ROOT / "bench"))
    sys.path.insert(0, str(ROOT / "tests"))
    from run import make_workbook  # the 20.000-line workbook of bench/run.py, laid out as Excel saves it

    name = f"besar-{lines}.xlsx"
    make_workbook(folder / name, lines)
    t = time.perf_counter()
    _s, shell = srv.get(f"/wb/{name}")
    shell_s = time.perf_counter() - t
    assert "Memeriksa workbook" in shell.decode()
    result: dict = {}

    def check() -> None:
        t0 = time.perf_counter()
        _s, body = srv.get(f"/wb/{name}/isi")
        result["isi_s"] = time.perf_counter() - t0
        result["isi_kb"] = len(body) / 1024

    worker = threading.Thread(target=check)
    worker.start()
    during = []
    while worker.is_alive():
        t0 = time.perf_counter()
        srv.get("/")
        during.append(time.perf_counter() - t0)
        time.sleep(0.2)
    worker.join()
    # a build of it: the page keeps answering while the report is made (a thread of the server)
    req = urllib.request.Request(f"{srv.base}/wb/{name}/buat", data=b"", method="POST", headers={"Cookie": srv.cookie})
    with urllib.request.urlopen(req, timeout=120) as resp:
        job = re.search(rb'hx-get="(/buat/[0-9a-f]+)"', resp.read()).group(1).decode()
    t0 = time.perf_counter()
    polls = []
    while True:
        t = time.perf_counter()
        status, body = srv.get(job)
        polls.append(time.perf_counter() - t)
        if status == 286:
            break
        time.sleep(0.5)
    build_s = time.perf_counter() - t0
    assert b"Laporan selesai" in body, body[:500]
    return {"lines": lines, "shell_s": shell_s, "isi_s": result["isi_s"], "isi_kb": result["isi_kb"],
            "beranda_during_check_max_s": max(during) if during else None, "beranda_requests": len(during),
            "build_s": build_s, "progress_poll_max_s": max(polls), "progress_polls": len(polls)}


def fmt(times: list[float]) -> str:
    return f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="Alok over HTTP only, one run (smoke test)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--lines", type=int, default=20_000)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    repeat = 1 if args.quick else args.repeat
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-web-") as tmp:
        folder = Path(tmp)
        srv = Server(folder)
        try:
            http = upload_to_page(srv, repeat)
            out["upload_to_page_http_s"] = http
            print(f"Alok: unggah -> halaman dengan masalah dan dasbor (HTTP): {fmt(http)}")
            weight = page_weight(srv, ALOK.name)
            out["page_weight_bytes"] = weight
            print(f"Berat halaman workbook tanpa laporan: {weight / 1024:.0f} KB")
            if not args.quick:
                shown = browser_upload(srv, folder, repeat)
                if shown is None:
                    print("Chromium/Playwright tidak ada: angka browser dilewati.")
                else:
                    out["upload_to_screen_browser_s"] = shown
                    print(f"Alok: unggah -> angka di layar (Chromium): {fmt(shown)}")
                big = large(srv, folder, args.lines)
                out["large"] = big
                print(f"{big['lines']} baris: halaman menjawab dalam {big['shell_s']:.2f} s ('Memeriksa workbook…'), "
                      f"masalah tiba setelah {big['isi_s']:.2f} s ({big['isi_kb']:.0f} KB); Beranda selama pemeriksaan: "
                      f"paling lama {big['beranda_during_check_max_s']:.2f} s ({big['beranda_requests']} permintaan)")
                print(f"{big['lines']} baris: laporan dibuat dalam {big['build_s']:.1f} s; halaman kemajuan menjawab "
                      f"paling lama {big['progress_poll_max_s']:.2f} s ({big['progress_polls']} permintaan)")
        finally:
            srv.stop()
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
