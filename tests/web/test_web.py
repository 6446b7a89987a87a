"""`lkjip serve` through Flask's test client: every route, the guards (token, Host, Origin), hostile
uploads and names, builds (serialized, from one version of the workbook), downloads, live refresh."""

from __future__ import annotations

import hashlib
import html as html_lib
import io
import os
import re
import shutil
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import ALOK, needs_soffice
from docx_text import all_text, load
from factory import make_workbook

import generator as lk
from generator.web import folder as web_folder
from generator.web.app import create_app

TOKEN = "rahasia-uji-0123456789"
HOST = "127.0.0.1:8123"


@pytest.fixture
def served(tmp_path: Path) -> Path:
    d = tmp_path / "kerja"
    d.mkdir()
    shutil.copy(ALOK, d / ALOK.name)
    return d


@pytest.fixture
def app(served: Path):
    return create_app(served, TOKEN, {HOST})


@pytest.fixture
def client(app):
    c = app.test_client()
    c.set_cookie("lkjip_token", TOKEN, domain="127.0.0.1")
    return c


def get(client, url: str, **kw):
    return client.get(url, base_url=f"http://{HOST}", **kw)


def post(client, url: str, **kw):
    return client.post(url, base_url=f"http://{HOST}", **kw)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def capaian_instansi(path: Path) -> tuple[str, str]:
    """The instansi figure and predikat as the report prints them (`lkjip build`'s summary line)."""
    _lap, hasil, _problems = lk.check(path)
    return lk.persen(hasil.capaian_instansi), hasil.predikat_instansi


def cli_counts(path: Path) -> tuple[int, int]:
    """(warnings, LKE criteria met) as `lkjip validate` and `lkjip periksa` count them."""
    _lap, _hasil, problems = lk.check(path)
    assert not lk.errors(problems)
    return len(lk.warnings(problems)), sum(1 for k in lk.periksa_file(path)[0] if k.status == "terpenuhi")


def text(resp) -> str:
    """The response as the reader sees its text (entities such as &#39; unescaped)."""
    return html_lib.unescape(resp.get_data(as_text=True))


# -- guards ----------------------------------------------------------------------------------


def test_token_in_the_address_becomes_a_cookie_and_leaves_the_address(app):
    c = app.test_client()
    resp = c.get(f"/wb/{ALOK.name}?token={TOKEN}&unggah=x", base_url=f"http://{HOST}")
    assert resp.status_code == 303
    assert resp.headers["Location"] == f"/wb/{ALOK.name}?unggah=x"
    cookie = resp.headers["Set-Cookie"]
    assert f"lkjip_token={TOKEN}" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/", base_url=f"http://{HOST}").status_code == 200


@pytest.mark.parametrize("method,url", [("get", "/"), ("get", "/daftar"), ("get", f"/wb/{ALOK.name}/isi"),
                                        ("post", f"/wb/{ALOK.name}/buat"), ("post", "/unggah"),
                                        ("get", "/kosong?tahun=2025"), ("get", f"/perubahan?lama={ALOK.name}&baru={ALOK.name}")])
def test_without_the_token_every_page_is_403(app, served, method, url):
    before = sorted(os.listdir(served))
    for cookie in (None, "salah"):
        c = app.test_client()
        if cookie:
            c.set_cookie("lkjip_token", cookie, domain="127.0.0.1")
        kw = {"data": {"berkas": (io.BytesIO(ALOK.read_bytes()), "baru.xlsx")}} if url == "/unggah" else {}
        resp = getattr(c, method)(url, base_url=f"http://{HOST}", **kw)
        assert resp.status_code == 403
        assert "Akses ditolak: buka alamat lengkap (dengan token)" in text(resp)
        assert "Kecamatan Alok" not in text(resp) and str(served) not in text(resp)  # not even the folder's name
    assert sorted(os.listdir(served)) == before  # nothing uploaded, nothing built


def test_a_wrong_token_in_the_address_is_403(app):
    resp = app.test_client().get("/?token=tebakan", base_url=f"http://{HOST}")
    assert resp.status_code == 403 and "Set-Cookie" not in resp.headers


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8123", "127.0.0.1:9999", "localhost.evil.example:8123"])
def test_a_foreign_host_header_is_refused_even_with_the_token(client, host):
    """DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    resp = client.get("/daftar", headers={"Host": host})
    assert resp.status_code == 403
    assert "Alamat (Host) permintaan ini bukan alamat server lkjip" in text(resp)
    assert "kecamatan-alok" not in text(resp) and "kerja" not in text(resp)


def test_a_post_from_another_origin_is_refused(client, served):
    resp = post(client, "/unggah", headers={"Origin": "http://evil.example"},
                data={"berkas": (io.BytesIO(ALOK.read_bytes()), "lain.xlsx")})
    assert resp.status_code == 403 and "Permintaan dari halaman lain ditolak" in text(resp)
    assert not (served / "lain.xlsx").exists()


def test_pages_forbid_foreign_scripts_and_framing(client):
    resp = get(client, "/")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'self'" in csp and "default-src 'none'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    # every asset is served by the page itself: no CDN, no web font
    assert not re.search(r'(src|href)="(https?:)?//', text(resp))


def test_page_weight_without_the_report_is_under_200_kb(client):
    total = 0
    page = get(client, f"/wb/{ALOK.name}")
    total += len(page.data) + len(get(client, f"/wb/{ALOK.name}/isi").data)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', text(page)):
        resp = get(client, asset)
        assert resp.status_code == 200
        total += len(resp.data)
    assert 50_000 < total < 200_000  # htmx alone is 52 KB


# -- Beranda ---------------------------------------------------------------------------------


def test_beranda_lists_each_workbook_with_its_counts_readiness_and_report(client, served):
    page = text(get(client, "/"))
    assert "Workbook di folder ini" in page and "Unduh workbook kosong" in page
    resp = get(client, "/daftar")
    html = text(resp)
    row = html[html.index(ALOK.name):]
    assert "Kecamatan Alok" in row and "<td>2024</td>" in row
    n_warn, siap = cli_counts(ALOK)  # what `lkjip validate` and `lkjip periksa` say of it
    assert f'<span class="lencana peringatan-l">{n_warn}</span>' in row and n_warn >= 7
    assert f"<td>{siap} dari 14</td>" in row
    assert "belum ada" in row
    v = re.search(r'/daftar\?v=([0-9a-f]+)', html).group(1)
    assert get(client, f"/daftar?v={v}").status_code == 204  # nothing changed: the poll is empty


def test_beranda_says_when_the_report_is_current_or_older(client, served):
    out = served / "output"
    out.mkdir()
    report = out / "LKjIP-Kecamatan-Alok-2024.docx"
    report.write_bytes(b"x")
    wb_time = (served / ALOK.name).stat().st_mtime
    os.utime(report, (wb_time + 10, wb_time + 10))
    assert "terbaru</a>" in text(get(client, "/daftar"))
    os.utime(report, (wb_time - 10, wb_time - 10))
    assert "lebih lama dari workbook</a>" in text(get(client, "/daftar"))


def test_an_unreadable_workbook_is_listed_with_its_message(client, served):
    (served / "rusak.xlsx").write_bytes(b"Kode,Uraian\n1,2\n")
    html = text(get(client, "/daftar"))
    assert "rusak.xlsx" in html and "Berkas ini bukan workbook Excel .xlsx" in html


# -- uploads ---------------------------------------------------------------------------------


def test_upload_never_replaces_a_file_and_says_the_new_name(client, served):
    original = digest(served / ALOK.name)
    resp = post(client, "/unggah", data={"berkas": (io.BytesIO(ALOK.read_bytes()), ALOK.name)},
                content_type="multipart/form-data")
    assert resp.status_code == 200
    saved = "kecamatan-alok-2024 (2).xlsx"
    assert (served / saved).read_bytes() == ALOK.read_bytes()
    assert digest(served / ALOK.name) == original
    assert f"Disimpan sebagai '{saved}': nama '{ALOK.name}' sudah ada di folder ini" in text(resp)
    assert resp.headers["HX-Redirect"] == "/wb/kecamatan-alok-2024%20(2).xlsx?unggah=kecamatan-alok-2024.xlsx"
    page = text(get(client, resp.headers["HX-Redirect"]))
    assert f"Diunggah sebagai '{saved}': nama '{ALOK.name}' sudah ada" in page


@pytest.mark.parametrize("sent,saved", [
    ("../../keluar.xlsx", "keluar.xlsx"),
    ("/etc/cron.d/keluar.xlsx", "keluar.xlsx"),
    ("C:\\Users\\staf\\Desktop\\LKjIP 2024.xlsx", "LKjIP 2024.xlsx"),
    ("a\x00b.xlsx", "a_b.xlsx"),
    ("..xlsx", "xlsx.xlsx"),
    ("..", "workbook.xlsx"),
    (".tersembunyi.xlsx", "tersembunyi.xlsx"),
    ("CON.xlsx", "CON_.xlsx"),
    ("nul.lama.xlsx", "nul_.lama.xlsx"),
    ("LKjIP 100% #1 & revisi ✓.xlsx", "LKjIP 100% #1 & revisi ✓.xlsx"),
    ("a" * 300 + ".xlsx", "a" * 120 + ".xlsx"),
    ("laporan.XLSX", "laporan.xlsx"),
    ("tanpa-akhiran", "tanpa-akhiran.xlsx"),
])
def test_upload_names_are_sanitized_into_the_folder(client, served, sent, saved):
    resp = post(client, "/unggah", data={"berkas": (io.BytesIO(ALOK.read_bytes()), sent)}, content_type="multipart/form-data")
    assert resp.status_code == 200, text(resp)
    assert (served / saved).read_bytes() == ALOK.read_bytes()
    assert sorted(p.name for p in served.parent.iterdir()) == ["kerja"]  # nothing beside the folder
    assert sorted(os.listdir(served)) == sorted([ALOK.name, saved])
    assert get(client, resp.headers["HX-Redirect"]).status_code == 200  # and its page opens


@pytest.mark.parametrize("data,expected", [
    (b"Kode;Uraian;Pagu\n1;Program;100\n", "Berkas ini bukan workbook Excel .xlsx"),
    (b"", "Berkas ini bukan workbook Excel .xlsx"),
    (ALOK.read_bytes()[:5000], "Workbook tidak dapat dibaca"),
])
def test_a_file_that_is_not_a_workbook_is_refused_with_the_command_line_message(client, served, data, expected):
    resp = post(client, "/unggah", data={"berkas": (io.BytesIO(data), "palsu.xlsx")}, content_type="multipart/form-data")
    assert resp.status_code == 200 and "HX-Redirect" not in resp.headers
    assert f"'palsu.xlsx' tidak disimpan: {expected}" in text(resp)
    assert sorted(os.listdir(served)) == [ALOK.name]


def test_an_upload_over_20_mb_is_refused(client, served):
    big = io.BytesIO(b"PK" + b"\0" * (20 * 1024 * 1024))
    resp = post(client, "/unggah", data={"berkas": (big, "besar.xlsx")}, content_type="multipart/form-data")
    assert resp.status_code == 413
    assert "Unggahan terlalu besar: batasnya 20 MB per unggahan." in text(resp)
    assert sorted(os.listdir(served)) == [ALOK.name]


def test_an_upload_without_a_file_says_so(client):
    resp = post(client, "/unggah", data={}, content_type="multipart/form-data")
    assert "Pilih atau tarik workbook .xlsx dulu." in text(resp)


# -- names in addresses ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["..", "../kerja/kecamatan-alok-2024.xlsx", "..%2Frahasia.xlsx", "%2e%2e/rahasia.xlsx",
                                  "/etc/passwd", "C:%5CWindows%5Cwin.ini", "C:rahasia.xlsx", "a%00b.xlsx",
                                  ".rahasia.xlsx", "sub/x.xlsx", "NUL.xlsx"])
def test_no_name_reaches_outside_the_folder(client, served, name):
    (served.parent / "rahasia.xlsx").write_bytes(ALOK.read_bytes())
    for url in (f"/wb/{name}", f"/wb/{name}/isi", f"/output/{name}", f"/tahun-berikutnya?dari={name}"):
        resp = get(client, url)
        assert resp.status_code in (400, 404), url
        assert "Kecamatan Alok" not in text(resp) and resp.mimetype == "text/html"


def test_a_symlink_pointing_out_of_the_folder_is_neither_listed_nor_opened(client, served):
    outside = served.parent / "rahasia.xlsx"
    shutil.copy(ALOK, outside)
    (served / "tautan.xlsx").symlink_to(outside)
    (served / "output").mkdir()
    (served / "output" / "tautan.docx").symlink_to(outside)
    assert "tautan.xlsx" not in text(get(client, "/daftar"))
    resp = get(client, "/wb/tautan.xlsx/isi")
    assert resp.status_code == 400 and "menunjuk ke luar folder ini" in text(resp)
    assert get(client, "/output/tautan.docx").status_code == 400


def test_only_reports_are_served_from_output(client, served):
    (served / "output").mkdir()
    (served / "output" / "catatan.txt").write_text("rahasia")
    resp = get(client, "/output/catatan.txt")
    assert resp.status_code == 400 and "rahasia" not in text(resp)


# -- a workbook's page -----------------------------------------------------------------------


def test_workbook_page_shows_problems_at_their_cells_dashboard_and_checklist(client):
    shell = text(get(client, f"/wb/{ALOK.name}"))
    assert "Buat laporan" in shell and 'id="saring-jenis"' in shell
    html = text(get(client, f"/wb/{ALOK.name}/isi"))
    # problems: the same wording as `lkjip validate`, grouped by sheet
    _lap, _hasil, problems = lk.check(ALOK)
    for p in problems:
        assert f"<code>{p.where}</code>" in html
        assert p.message in html
    assert '<div class="kelompok" data-sheet="Anggaran">' in html
    n_warn, siap = cli_counts(ALOK)
    assert f"0 galat, {n_warn} peringatan" in html
    # dashboard: the figures the report prints
    figure, predikat = capaian_instansi(ALOK)  # 78,33% (Tinggi) when this was written
    assert re.fullmatch(r"7\d,\d\d%", figure) and predikat == "Tinggi"
    assert f'<span class="nilai" id="capaian-instansi">{figure}</span>' in html
    assert "Tinggi" in html and "Sangat Rendah" in html  # instansi; S4 Terciptanya Inovasi (50,00%)
    assert 'aria-label="S4 Terciptanya Inovasi Pelayanan Publik: 50,00%"' in html
    assert 'aria-label="Kecamatan Alok: 96,45%"' in html  # penyerapan 3.724.830.282 / 3.861.745.541
    assert "<svg" in html and "http" not in re.sub(r'href="/[^"]*"', "", html.split("<svg", 1)[1])
    # periksa checklist
    assert f"Kesiapan LKE: {siap} dari 14 kriteria terpenuhi" in html
    assert lk.periksa_lines(lk.periksa_file(ALOK)[0])[-1] in html  # periksa's own summary sentence


def test_live_refresh_answers_empty_until_the_workbook_is_saved_again(client, served):
    wb = make_workbook(served / "kecil.xlsx")
    html = text(get(client, "/wb/kecil.xlsx/isi"))
    v = re.search(r'data-v="([^"]+)"', html).group(1)
    assert "0 galat" in html
    assert get(client, f"/wb/kecil.xlsx/isi?v={v}").status_code == 204
    # staff save the workbook in Excel: a negative pagu now
    book = openpyxl.load_workbook(wb)
    ws = book["Anggaran"]
    header = [c.value for c in ws[1]]
    col = header.index("Pagu") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == 10_000_000)
    ws.cell(row, col).value = -5
    book.save(wb)
    resp = get(client, f"/wb/kecil.xlsx/isi?v={v}")
    assert resp.status_code == 200
    html = text(resp)
    cell = f"Anggaran!{openpyxl.utils.get_column_letter(col)}{row}"
    assert f"<code>{cell}</code>" in html and "Pagu bernilai negatif (-5)." in html
    assert "1 galat" in html and re.search(r'data-v="([^"]+)"', html).group(1) != v


# -- building --------------------------------------------------------------------------------


def wait_job(client, resp, timeout: float = 60) -> str:
    url = re.search(r'hx-get="(/buat/[0-9a-f]+)"', text(resp)).group(1)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = get(client, url)
        if r.status_code == 286:
            return text(r)
        time.sleep(0.1)
    raise AssertionError("build did not finish")


def test_build_writes_the_report_into_output_and_it_downloads(client, served):
    before = re.search(r'data-v="([^"]+)"', text(get(client, f"/wb/{ALOK.name}/isi"))).group(1)
    resp = post(client, f"/wb/{ALOK.name}/buat", data={})
    assert resp.status_code == 202 and "Menunggu giliran" in text(resp) or "Membaca workbook" in text(resp)
    done = wait_job(client, resp)
    assert "Laporan selesai" in done
    report = served / "output" / "LKjIP-Kecamatan-Alok-2024.docx"
    assert report.is_file()
    figure, predikat = capaian_instansi(ALOK)
    assert "Laporan ditulis:" in done and f"Capaian kinerja {figure} ({predikat})" in done  # summary_lines, as the CLI
    link = re.search(r'id="unduh-docx" href="([^"]+)"', done).group(1)
    dl = get(client, link)
    assert dl.status_code == 200 and "attachment" in dl.headers["Content-Disposition"]
    assert dl.data == report.read_bytes()
    doc = load(dl.data)
    assert "KECAMATAN ALOK" in all_text(doc).upper()
    assert "terbaru</a>" in text(get(client, "/daftar"))
    live = get(client, f"/wb/{ALOK.name}/isi?v={before}")  # the open page learns of the new report
    assert live.status_code == 200 and "LKjIP-Kecamatan-Alok-2024.docx</a> (terbaru)" in text(live)
    assert digest(served / ALOK.name) == digest(ALOK)  # the workbook was only read


def test_a_workbook_with_errors_builds_nothing_and_says_why(client, served):
    make_workbook(served / "salah.xlsx", anggaran=[{"Unit": "U", "Kode": "7.01.01", "Uraian": "Program A", "Pagu": -1,
                                                    "Realisasi": 0}])
    done = wait_job(client, post(client, "/wb/salah.xlsx/buat", data={}))
    assert "Laporan tidak dibuat." in done and "galat; laporan tidak dibuat:" in done and "Pagu bernilai negatif" in done
    assert not (served / "output").exists() or not list((served / "output").iterdir())


def test_two_builds_of_one_workbook_run_one_after_the_other(app, client, served, monkeypatch):
    running, peak = [0], [0]
    real_build = lk.build

    def counting(*a, **kw):
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        time.sleep(0.3)
        try:
            return real_build(*a, **kw)
        finally:
            running[0] -= 1

    monkeypatch.setattr(lk, "build", counting)
    first = post(client, f"/wb/{ALOK.name}/buat", data={})
    job = next(iter(app.extensions["lkjip"].jobs.values()))
    while job.state == "menunggu":  # until the first is running
        time.sleep(0.01)
    second = post(client, f"/wb/{ALOK.name}/buat", data={})
    third = post(client, f"/wb/{ALOK.name}/buat", data={})  # while the second waits: the same build
    url = re.compile(r'hx-get="(/buat/[0-9a-f]+)"')
    assert url.search(text(second)).group(1) == url.search(text(third)).group(1) != url.search(text(first)).group(1)
    assert "Laporan selesai" in wait_job(client, first) and "Laporan selesai" in wait_job(client, second)
    assert peak[0] == 1
    assert [p.name for p in (served / "output").iterdir()] == ["LKjIP-Kecamatan-Alok-2024.docx"]  # no temporary left


def test_a_workbook_saved_during_a_build_gives_the_old_report_not_a_mix(client, served, monkeypatch):
    """The build reads a snapshot taken before it starts; the new version is for the next build."""
    real_build = lk.build
    target = served / ALOK.name

    def saving_meanwhile(*a, **kw):
        make_workbook(target)  # staff save another workbook under the same name mid-build
        return real_build(*a, **kw)

    monkeypatch.setattr(lk, "build", saving_meanwhile)
    done = wait_job(client, post(client, f"/wb/{ALOK.name}/buat", data={}))
    assert "LKjIP-Kecamatan-Alok-2024.docx" in done
    assert [p.name for p in (served / "output").iterdir()] == ["LKjIP-Kecamatan-Alok-2024.docx"]
    text_ = all_text(load(served / "output" / "LKjIP-Kecamatan-Alok-2024.docx"))
    assert "Kecamatan Contoh" not in text_


def test_the_snapshot_waits_until_the_workbook_stops_changing(tmp_path, monkeypatch):
    path = tmp_path / "wb.xlsx"
    path.write_bytes(b"versi-1")
    stamps = iter(["a", "b", "c", "c"])  # saved during the first read, stable during the second
    monkeypatch.setattr(web_folder, "stamp", lambda _p: next(stamps))
    (tmp_path / "x").mkdir()
    copy = web_folder.Folder._snapshot(path, tmp_path / "x")
    assert copy.read_bytes() == b"versi-1" and copy.parent.name == "x"


# -- downloads of new workbooks --------------------------------------------------------------


def test_blank_workbook_download_is_what_lkjip_template_writes(client, served):
    resp = get(client, "/kosong?tahun=2025&renstra=2025-2029")
    assert resp.status_code == 200
    assert 'attachment; filename=LKjIP-2025.xlsx' in resp.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(resp.data))
    assert {"Profil", "Kinerja", "Anggaran", "Petunjuk"} <= set(book.sheetnames)
    kinerja = [c.value for c in book["Kinerja"][1]]
    assert "Target 2029" in kinerja and "Realisasi 2025" in kinerja
    assert sorted(os.listdir(served)) == [ALOK.name]  # nothing written into the folder


@pytest.mark.parametrize("query,message", [("tahun=abc", "'abc' bukan tahun"),
                                           ("tahun=2025&renstra=2026-2020", "bukan periode Renstra"),
                                           ("tahun=1800", "Tahun 1800 di luar 1990-2100")])
def test_blank_workbook_with_a_wrong_year_says_why(client, query, message):
    resp = get(client, f"/kosong?{query}")
    assert resp.status_code == 400 and message in text(resp)


def test_next_year_download_is_what_template_dari_writes(client, served):
    before = {p.name: digest(p) for p in served.iterdir()}
    resp = get(client, f"/tahun-berikutnya?dari={ALOK.name}")
    assert resp.status_code == 200
    assert "kecamatan-alok-2025.xlsx" in resp.headers["Content-Disposition"]
    lap, _h, _p = lk.check(_save(served.parent / "unduhan", "baru.xlsx", resp.data))
    assert lap.profil.tahun == 2025 and lap.profil.instansi == "Kecamatan Alok"
    assert {p.name: digest(p) for p in served.iterdir()} == before


def _save(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


# -- Perubahan -------------------------------------------------------------------------------


def test_perubahan_shows_lkjip_diff_in_report_terms(client, served):
    make_workbook(served / "asli.xlsx")
    make_workbook(served / "revisi.xlsx", anggaran=[{**row, "Realisasi": 9_000_000} if row.get("Realisasi") == 9_500_000
                                                     else row for row in __import__("factory").ANGGARAN])
    resp = get(client, "/perubahan?lama=asli.xlsx&baru=revisi.xlsx")
    result, _problems = lk.diff(served / "asli.xlsx", served / "revisi.xlsx")
    lines = lk.diff_lines(result)
    assert any("Penyusunan Dokumen Perencanaan" in line and "9.500.000 -> 9.000.000" in line for line in lines)
    html = text(resp)
    for line in lines:
        assert f"<li>{line}</li>" in html


def test_perubahan_of_an_unreadable_workbook_shows_its_problem(client, served):
    (served / "rusak.xlsx").write_bytes(b"bukan workbook")
    html = text(get(client, f"/perubahan?lama={ALOK.name}&baru=rusak.xlsx"))
    assert "Tidak dapat dibandingkan" in html and "Workbook baru (rusak.xlsx): Berkas ini bukan workbook Excel .xlsx" in html


# -- failures --------------------------------------------------------------------------------


def test_an_internal_failure_is_a_short_indonesian_message_not_a_traceback(client, monkeypatch, caplog):
    def broken(*_a, **_k):
        raise ZeroDivisionError("uji")

    monkeypatch.setattr(lk, "check", broken)
    resp = get(client, f"/wb/{ALOK.name}/isi")
    assert resp.status_code == 500
    assert "Kesalahan internal lkjip; rinciannya dicetak di terminal" in text(resp)
    assert "Traceback" not in text(resp) and "ZeroDivisionError" not in text(resp)
    assert "ZeroDivisionError" in caplog.text  # the details go to the terminal


def test_unknown_pages_are_404_in_indonesian(client):
    resp = get(client, "/tidak-ada")
    assert resp.status_code == 404 and "Halaman atau berkas tidak ditemukan." in text(resp)


def test_concurrent_looks_at_one_workbook_check_it_once(client, served, monkeypatch):
    calls = []
    real = lk.check
    monkeypatch.setattr(lk, "check", lambda *a, **k: (calls.append(1), time.sleep(0.2), real(*a, **k))[2])
    threads = [threading.Thread(target=get, args=(client, f"/wb/{ALOK.name}/isi")) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1


def test_public_functions_named_like_a_module_stay_functions():
    """`generator.compare.diff`/`generator.checks.periksa` are functions the page calls, even after their modules were imported."""
    import generator.checks.periksa  # noqa: F401
    import generator.compare.diff  # noqa: F401
    from generator.checks.periksa import periksa
    from generator.pipeline import diff

    assert lk.diff is diff and lk.periksa is periksa


# -- the real server (`lkjip serve`, no browser) ---------------------------------------------


def _start(folder: Path, *args: str, env: dict | None = None):
    import subprocess
    import sys

    args = args if "--buka" in args else ("--tanpa-buka", *args)
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", str(folder), *[a for a in args if a != "--buka"]],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    lines = []
    while True:
        line = proc.stdout.readline()
        lines.append(line)
        if not line or "Ctrl+C" in line:
            return proc, "".join(lines)


def test_lkjip_serve_listens_on_127_0_0_1_only_and_stops_cleanly(served):
    import signal
    import socket
    import urllib.error
    import urllib.request

    proc, out = _start(served)
    try:
        url = re.search(r"Buka alamat ini di browser: (http://127\.0\.0\.1:(\d+)/\?token=(\S+))", out)
        assert url, out
        port, token = int(url.group(2)), url.group(3)
        assert f"lkjip berjalan untuk folder {served}" in out and "PERINGATAN" not in out
        # bound to the loopback address only: the machine's other addresses do not answer
        conns = [c for c in __import__("psutil").Process(proc.pid).net_connections() if c.status == "LISTEN"]
        assert [(c.laddr.ip, c.laddr.port) for c in conns] == [("127.0.0.1", port)]
        with pytest.raises(urllib.error.HTTPError) as no_token:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/daftar", timeout=10)
        assert no_token.value.code == 403
        req = urllib.request.Request(f"http://127.0.0.1:{port}/daftar", headers={"Cookie": f"lkjip_token_{port}={token}"})
        assert "Kecamatan Alok" in urllib.request.urlopen(req, timeout=30).read().decode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # DNS rebinding: a foreign Host
            s.sendall(f"GET /daftar HTTP/1.1\r\nHost: rebind.example:{port}\r\nCookie: lkjip_token_{port}={token}\r\n"
                      "Connection: close\r\n\r\n".encode())
            assert s.recv(100).startswith(b"HTTP/1.1 403")
    finally:
        proc.send_signal(signal.SIGTERM)
        rest, _ = proc.communicate(timeout=30)
    assert "lkjip serve berhenti." in rest and "Traceback" not in rest


def test_lkjip_serve_on_another_host_warns_and_ctrl_c_stops_it(served):
    import signal

    proc, out = _start(served, "--host", "0.0.0.0")
    proc.send_signal(signal.SIGINT)  # Ctrl+C
    rest, _ = proc.communicate(timeout=30)
    assert "PERINGATAN: server mendengarkan di 0.0.0.0, bukan hanya di komputer ini (127.0.0.1)" in out
    assert proc.returncode == 130 and "lkjip serve berhenti." in rest and "Traceback" not in rest  # as every command


def test_lkjip_serve_opens_the_browser_at_the_address_with_its_token(served, tmp_path):
    import signal
    import sys

    opened = tmp_path / "dibuka.txt"
    fake = f"{sys.executable} -c \"import sys; open(r'{opened}', 'w').write(sys.argv[1])\" %s"
    proc, out = _start(served, "--buka", env={**os.environ, "BROWSER": fake})
    try:
        deadline = time.monotonic() + 20
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    url = re.search(r"Buka alamat ini di browser: (\S+)", out).group(1)
    assert opened.read_text() == url and "/?token=" in url


def test_stopping_the_server_mid_build_leaves_the_report_whole(served):
    """SIGTERM while a report is being built: the build finishes (atomic write), nothing partial is left."""
    import signal
    import urllib.request

    proc, out = _start(served)
    m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", out)
    port, token = m.group(1), m.group(2)
    req = urllib.request.Request(f"http://127.0.0.1:{port}/wb/{ALOK.name}/buat", data=b"", method="POST",
                                 headers={"Cookie": f"lkjip_token_{port}={token}"})
    assert urllib.request.urlopen(req, timeout=30).status == 202
    proc.send_signal(signal.SIGTERM)
    rest, _ = proc.communicate(timeout=120)
    assert "Menunggu laporan yang sedang dibuat selesai ditulis" in rest and "lkjip serve berhenti." in rest
    # the build ran to its end before the server did: the whole report, or (when the stop reached the write
    # first) none — never a partial one, never a temporary file
    out = served / "output"
    files = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert files in ([], ["LKjIP-Kecamatan-Alok-2024.docx"]), files
    if files:
        assert "KECAMATAN ALOK" in all_text(load(out / files[0])).upper()


def test_lkjip_serve_on_a_taken_port_says_so(served):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        proc, out = _start(served, "--port", str(port))
        proc.communicate(timeout=30)
    assert proc.returncode == 2
    assert f"Galat: tidak dapat mendengarkan di 127.0.0.1:{port}" in out and "Traceback" not in out


def test_lkjip_serve_help_is_indonesian():
    from click.testing import CliRunner

    from generator.cli import main

    res = CliRunner().invoke(main, ["serve", "--help"])
    assert res.exit_code == 0
    assert "Buka halaman web lokal untuk FOLDER" in res.output and "--tanpa-buka" in res.output


def test_bench_web_quick_run(tmp_path):
    """bench/web.py runs (the measured figures live in docs/web.md, not in tests)."""
    import json
    import subprocess
    import sys

    out = tmp_path / "web.json"
    run = subprocess.run([sys.executable, str(Path(__file__).parents[2] / "bench" / "web.py"), "--quick", "--json", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    result = json.loads(out.read_text())
    assert len(result["upload_to_page_http_s"]) == 1 and 50_000 < result["page_weight_bytes"] < 200_000


def test_a_pdf_report_is_previewed_inline_and_a_docx_is_downloaded(client, served):
    out = served / "output"
    out.mkdir()
    (out / "LKjIP-Kecamatan-Alok-2024.pdf").write_bytes(b"%PDF-1.7\n%%EOF\n")
    (out / "LKjIP-Kecamatan-Alok-2024.docx").write_bytes(b"PK")
    page = text(get(client, "/lihat/LKjIP-Kecamatan-Alok-2024.pdf"))
    assert ('<iframe class="pratinjau" title="Pratinjau LKjIP-Kecamatan-Alok-2024.pdf" '
            'src="/output/LKjIP-Kecamatan-Alok-2024.pdf?lihat=1">') in page
    pdf = get(client, "/output/LKjIP-Kecamatan-Alok-2024.pdf?lihat=1")
    assert pdf.mimetype == "application/pdf" and pdf.headers["Content-Disposition"].startswith("inline")
    assert pdf.data == b"%PDF-1.7\n%%EOF\n"
    docx = get(client, "/output/LKjIP-Kecamatan-Alok-2024.docx?lihat=1")
    assert docx.headers["Content-Disposition"].startswith("attachment")


@needs_soffice
def test_build_with_pdf_when_libreoffice_is_installed(client, served):
    done = wait_job(client, post(client, f"/wb/{ALOK.name}/buat", data={"pdf": "1"}), timeout=400)
    assert "Lihat PDF di browser" in done, done
    pdf = served / "output" / "LKjIP-Kecamatan-Alok-2024.pdf"
    assert pdf.read_bytes().startswith(b"%PDF") and "PDF ditulis:" in done
    assert sorted(p.name for p in (served / "output").iterdir()) == ["LKjIP-Kecamatan-Alok-2024.docx",
                                                                    "LKjIP-Kecamatan-Alok-2024.pdf"]


def test_a_large_workbook_keeps_the_page_light(client, served, monkeypatch):
    """Thousands of problems or sasaran: the page shows the first ones and says how many more (the report has all)."""
    from generator.web import app as web_app
    from generator.web import dashboard as web_dashboard

    monkeypatch.setattr(web_app, "MAKS_MASALAH", 2)
    monkeypatch.setattr(web_dashboard, "MAKS_BATANG", 3)
    monkeypatch.setattr(web_dashboard, "MAKS_PROGRAM", 4)
    html = text(get(client, f"/wb/{ALOK.name}/isi"))
    start = html.index('<div class="kelompok" data-sheet="Anggaran">')
    ends = [i for i in (html.find('<div class="kelompok"', start + 1), html.find("</section>", start)) if i > 0]
    anggaran = html[start:min(ends)]
    n_anggaran = sum(1 for p in lk.check(ALOK)[2] if p.sheet == "Anggaran")
    assert anggaran.count("<tr data-severity") == 2 and f"… dan {n_anggaran - 2} masalah lainnya di sheet ini" in anggaran
    assert "S3 Tersedianya Mekanisme" in html and 'aria-label="S4 Terciptanya' not in html
    assert "… dan 1 lainnya (semuanya ada di laporan)." in html  # 4 sasaran, 3 shown
    lap, _h, _p = lk.check(ALOK)
    assert sum(len(u.program) for u in lap.unit) - 4 == sum(int(n) for n in re.findall(
        r"… dan (\d+) lainnya", html[html.index("Penyerapan per program"):html.index("judul-masalah")]))


def test_finished_builds_are_forgotten_after_a_hundred(app, served, monkeypatch):
    ws = app.extensions["lkjip"]
    monkeypatch.setattr(web_folder, "MAX_JOBS", 3)
    monkeypatch.setattr(lk, "build", lambda *a, **k: lk.BuildResult(Path(a[0]), error="uji"))
    jobs = []
    for _ in range(6):
        jobs.append(ws.start_build(ALOK.name, pdf=False))
        ws.wait_for_builds(30)
    assert all(j.state == "gagal" and j.lines == ["  Gagal: uji"] for j in jobs)
    assert list(ws.jobs) == [j.id for j in jobs[-4:]]  # three finished kept, plus the newest


def test_the_windows_shortcut_runs_lkjip_serve_in_its_own_folder():
    bat = (Path(__file__).parents[2] / "lkjip-serve.bat").read_bytes()
    lines = bat.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # CRLF only: cmd.exe reads it as written
    assert b'cd /d "%~dp0"' in lines and b"  lkjip serve %*" in lines and b"  py -m generator.cli serve %*" in lines


def test_bars_are_coloured_by_the_workbooks_own_predikat_scale():
    from generator.web.dashboard import warna_predikat

    lap, hasil, _p = lk.check(ALOK)
    bands = lk.scale_bands(lap.pengaturan)  # Permendagri 86: five bands
    assert [warna_predikat(bands, label) for _b, label in bands] == ["#17692e", "#3d7a12", "#8a6100", "#b3410e", "#b0191e"]
    three = [(None, "Melampaui Target"), (None, "Sesuai Target"), (None, "Belum Mencapai Target")]
    assert [warna_predikat(three, label) for _b, label in three] == ["#17692e", "#8a6100", "#b0191e"]
    assert warna_predikat(bands, "-") == "#5f6b76"  # no capaian: grey, not a judgement


def test_next_year_of_an_unreadable_workbook_says_why_without_temporary_paths(client, served):
    (served / "rusak.xlsx").write_bytes(b"bukan workbook")
    resp = get(client, "/tahun-berikutnya?dari=rusak.xlsx")
    assert resp.status_code == 422
    assert "Workbook rusak.xlsx tidak dapat dibaca: Berkas ini bukan workbook Excel .xlsx" in text(resp)
    assert "lkjip-tahun-" not in text(resp)  # the temporary copy is not named


def test_the_next_year_choice_follows_the_folder_and_keeps_the_choice(client, served):
    make_workbook(served / "baru.xlsx")
    html = text(get(client, "/daftar?dari=baru.xlsx"))
    select = html[html.index('<select name="dari" id="dari" required hx-swap-oob="true">'):]
    assert "<option>kecamatan-alok-2024.xlsx</option>" in select and "<option selected>baru.xlsx</option>" in select


def test_a_docx_report_is_previewed_as_text_and_tables(client, served):
    done = wait_job(client, post(client, f"/wb/{ALOK.name}/buat", data={}))
    link = re.search(r'id="pratinjau-docx" href="([^"]+)"', done).group(1)
    html = text(get(client, link))
    report = load(served / "output" / "LKjIP-Kecamatan-Alok-2024.docx")
    headings = [p.text.strip() for p in report.paragraphs if p.style.name == "Heading 1" and p.text.strip()]
    assert len(headings) >= 5 and all(f"<h2>{h}</h2>" in html for h in headings)  # BAB I … as headings
    captions = [p.text.strip() for p in report.paragraphs if p.style.name == "Judul Tabel"]
    assert captions and all(f'<p class="keterangan">{c}</p>' in html for c in captions)
    first = report.tables[0].rows[0].cells[0].text.strip()
    assert f"<td>{first}</td>" in html and html.count('<table class="tabel-laporan">') == len(report.tables)


def test_a_workbook_being_saved_keeps_the_page_as_it_was(client, served):
    """Excel renames a new file into place (the name is gone for a moment); LibreOffice may write in place."""
    html = text(get(client, f"/wb/{ALOK.name}/isi"))
    v = re.search(r'data-v="([^"]+)"', html).group(1)
    moved = served / "sementara.tmp"
    (served / ALOK.name).rename(moved)
    assert get(client, f"/wb/{ALOK.name}/isi?v={v}").status_code == 204  # the poll: nothing new yet
    assert get(client, f"/wb/{ALOK.name}/isi").status_code == 404  # opening the page: it is not there
    (served / ALOK.name).write_bytes(ALOK.read_bytes()[:3000])  # half written, just now
    assert get(client, f"/wb/{ALOK.name}/isi?v={v}").status_code == 204
    old = time.time() - 10
    os.utime(served / ALOK.name, (old, old))  # still broken long after: it is what the file is
    resp = get(client, f"/wb/{ALOK.name}/isi?v={v}")
    assert resp.status_code == 200 and "Workbook tidak dapat dibaca" in text(resp)
    broken = re.search(r'data-v="([^"]+)"', text(resp)).group(1)
    moved.replace(served / ALOK.name)
    resp = get(client, f"/wb/{ALOK.name}/isi?v={broken}")
    assert resp.status_code == 200 and "Anggaran!E86" in text(resp)


def test_only_the_last_workbooks_looked_at_keep_their_model_in_memory(app, client, served, monkeypatch):
    ws = app.extensions["lkjip"]
    monkeypatch.setattr(web_folder, "MAX_FULL", 1)
    make_workbook(served / "kecil.xlsx")
    calls = []
    real = lk.check
    monkeypatch.setattr(lk, "check", lambda *a, **k: (calls.append(Path(a[0]).name), real(*a, **k))[1])
    get(client, f"/wb/{ALOK.name}/isi")
    get(client, "/wb/kecil.xlsx/isi")
    assert ws._cache[ALOK.name].light and ws._cache[ALOK.name].hasil is None  # Alok's model and results let go
    assert not ws._cache["kecil.xlsx"].light
    html = text(get(client, "/daftar"))  # Beranda needs no model: nothing is read again
    assert "Kecamatan Alok" in html and "Kecamatan Contoh" in html and calls == [ALOK.name, "kecil.xlsx"]
    html = text(get(client, f"/wb/{ALOK.name}/isi"))  # its page needs the figures: read again
    assert f'id="capaian-instansi">{lk.persen(real(ALOK)[1].capaian_instansi)}' in html
    assert calls == [ALOK.name, "kecil.xlsx", ALOK.name]
