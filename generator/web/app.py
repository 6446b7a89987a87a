"""The Flask application of `lkjip serve`: routes over `Folder` and the public API.

Safe by construction (SECURITY.md, "lkjip serve"): every request must name this server in its
Host header (DNS rebinding), carry the per-run token (address, then cookie; else 403), and only
plain file names inside the folder are ever read or written.
"""

from __future__ import annotations

import datetime as dt
import hmac
import io
import logging
import re
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, Response, abort, g, make_response, redirect, render_template, request, send_file, url_for
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

import generator as lk

from .dashboard import dashboard
from .folder import MAX_UPLOAD, OUTPUT, Folder, NamaTidakSah, TidakAda

log = logging.getLogger("lkjip.web")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'")

MAKS_BUKTI = 20  # evidence lines per criterion on the page (all of them: `lkjip periksa --format json`)
MAKS_MASALAH = 300  # problems per sheet on the page (a 20.000-line workbook with a wrong column has thousands)
PESAN_HTTP = {
    400: "Permintaan tidak sah.",
    403: "Akses ditolak.",
    404: "Halaman atau berkas tidak ditemukan.",
    405: "Cara permintaan ini tidak didukung.",
    413: f"Unggahan terlalu besar: batasnya {MAX_UPLOAD // (1024 * 1024)} MB per unggahan.",
}


def create_app(folder: Path | str, token: str, hosts: set[str] | None = None, cookie: str = "lkjip_token") -> Flask:
    """The application serving `folder`. `hosts`: the Host header values accepted (host:port)."""
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(MAX_CONTENT_LENGTH=MAX_UPLOAD, LKJIP_HOSTS=set(hosts or ()), LKJIP_TOKEN=token,
                      LKJIP_COOKIE=cookie, TEMPLATES_AUTO_RELOAD=False)
    app.json.ensure_ascii = False
    app.url_map.merge_slashes = False  # `/wb//etc/passwd` is a bad name (400), not a redirect
    ws = Folder(folder)
    app.extensions["lkjip"] = ws

    @app.context_processor
    def _common() -> dict:
        # the folder (it names the user) only for requests that passed the guards, not on a 403
        return {"folder": ws.path if g.get("lolos") else None, "versi": lk.__version__}

    # -- guards ------------------------------------------------------------------------
    @app.before_request
    def _guard():
        if request.host.lower() not in app.config["LKJIP_HOSTS"]:
            return _galat(403, "Alamat (Host) permintaan ini bukan alamat server lkjip; permintaan ditolak.")
        if request.endpoint == "static":
            return None
        given = request.cookies.get(app.config["LKJIP_COOKIE"]) or request.headers.get("X-Lkjip-Token")
        from_url = request.args.get("token")
        if from_url and hmac.compare_digest(from_url.encode(), token.encode()) and request.method == "GET":
            rest = [(k, v) for k, v in request.args.items(multi=True) if k != "token"]
            target = request.path + ("?" + urlencode(rest) if rest else "")
            resp = redirect(target, 303)
            resp.set_cookie(app.config["LKJIP_COOKIE"], token, httponly=True, samesite="Strict", path="/")
            return resp
        if not given or not hmac.compare_digest(given.encode(), token.encode()):
            return _galat(403, "Akses ditolak: buka alamat lengkap (dengan token) yang dicetak 'lkjip serve' di "
                               "terminal. Token berlaku selama server berjalan.")
        if request.method not in ("GET", "HEAD"):
            origin = request.headers.get("Origin")
            if origin and origin.lower() != f"{request.scheme}://{request.host}".lower():
                return _galat(403, "Permintaan dari halaman lain ditolak.")
        g.lolos = True
        return None

    @app.after_request
    def _headers(resp: Response) -> Response:
        if resp.mimetype == "text/html":  # not on a PDF: Chromium's viewer would be blocked by it
            resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Cache-Control"] = "no-store" if request.endpoint != "static" else "max-age=3600"
        return resp

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        return _galat(exc.code or 500, PESAN_HTTP.get(exc.code or 500, "Permintaan tidak dapat dilayani."))

    @app.errorhandler(NamaTidakSah)
    def _nama(exc: NamaTidakSah):
        return _galat(400, str(exc))

    @app.errorhandler(IsianTidakSah)
    def _isian(exc: IsianTidakSah):
        return _galat(400, str(exc))

    @app.errorhandler(TidakAda)
    def _tidak_ada(exc: TidakAda):
        return _galat(404, str(exc))

    @app.errorhandler(Exception)
    def _internal(exc: Exception):
        log.exception("Kesalahan internal lkjip serve pada %s %s", request.method, request.path)
        return _galat(500, "Kesalahan internal lkjip; rinciannya dicetak di terminal tempat 'lkjip serve' berjalan. "
                           "Mohon laporkan bersama workbook-nya.")

    # -- Beranda -----------------------------------------------------------------------
    @app.get("/")
    def beranda():
        return render_template("beranda.html", workbooks=ws.workbooks(), tahun=dt.date.today().year - 1)

    @app.get("/daftar")
    def daftar():
        v = ws.folder_stamp()
        if request.args.get("v") == v:
            return Response(status=204)
        rows = []
        for name in ws.workbooks():
            try:
                a = ws.analyse(name, full=False)
            except (NamaTidakSah, TidakAda):
                continue
            rows.append((a, *ws.report_state(a)))
        return render_template("_daftar.html", rows=rows, v=v, dipilih=request.args.get("dari", ""))

    @app.post("/unggah")
    def unggah():
        files = [f for f in request.files.getlist("berkas") if f and f.filename]
        if not files:
            return render_template("_unggah.html", pesan=[("galat", "Pilih atau tarik workbook .xlsx dulu.", None)])
        pesan = []
        for f in files:
            name, text, _problems = ws.save_upload(f.filename, f.read())
            pesan.append(("ok" if name else "galat", text, name))
            if name and len(files) == 1:
                ws.analyse(name)  # the page it opens shows the problems at once
        resp = make_response(render_template("_unggah.html", pesan=pesan))
        saved = [p for p in pesan if p[2]]
        if len(files) == 1 and saved:
            resp.headers["HX-Redirect"] = url_for("workbook", name=saved[0][2], unggah=files[0].filename)
        return resp

    @app.get("/kosong")
    def kosong():
        tahun, periode = _tahun_periode(request.args.get("tahun", ""), request.args.get("renstra", ""))
        with tempfile.TemporaryDirectory(prefix="lkjip-kosong-") as tmp:
            path = Path(tmp) / f"LKjIP-{tahun}.xlsx"
            lk.write_blank(path, tahun, periode, overwrite=False)
            data = path.read_bytes()
        return _unduh(data, path.name)

    @app.get("/tahun-berikutnya")
    def tahun_berikutnya():
        src = ws.workbook(request.args.get("dari", ""))
        with tempfile.TemporaryDirectory(prefix="lkjip-tahun-") as tmp:
            copy = Path(tmp) / src.name
            copy.write_bytes(src.read_bytes())
            try:
                res = lk.buat_tahun_baru(copy)
            except lk.LkjipError as exc:
                return _galat(422, str(exc).replace(str(copy), src.name))
            data = res.path.read_bytes()
        return _unduh(data, res.path.name)

    # -- a workbook --------------------------------------------------------------------
    @app.get("/wb/<path:name>")
    def workbook(name: str):
        ws.workbook(name)
        unggah = request.args.get("unggah")
        a = ws.cached(name)  # checked already (just uploaded, or seen on Beranda): shown at once, else loaded after
        return render_template("workbook.html", name=name, unggah=unggah, pdf_ada=ws.has_pdf(),
                               isi=Markup(render_template("_isi.html", **_isi(a))) if a is not None else None)

    @app.get("/wb/<path:name>/isi")
    def isi(name: str):
        polling = bool(request.args.get("v"))
        try:
            a = ws.analyse(name)  # cached until the workbook is saved again: a poll costs two stat calls
        except TidakAda:
            if polling:  # Excel saves by writing a new file and renaming it: gone for a moment, keep what is shown
                return Response(status=204)
            raise
        if polling and not a.readable and ws.just_saved(name):
            return Response(status=204)  # half-written by an editor that saves in place: wait for the whole file
        state, _report = ws.report_state(a)
        if request.args.get("v") == f"{a.stamp}-{state}":
            return Response(status=204)
        return render_template("_isi.html", **_isi(a))

    def _isi(a) -> dict:
        """What the live part of a workbook's page shows."""
        state, report = ws.report_state(a)
        groups: dict[str, list] = {}
        for p in a.problems:
            groups.setdefault(p.sheet, []).append(p)
        return dict(a=a, v=f"{a.stamp}-{state}", name=a.name, groups=groups, state=state, report=report,
                    dash=dashboard(a.hasil) if a.hasil is not None else None,
                    ringkasan=lk.periksa_lines(a.kriteria)[-1] if a.kriteria else "",
                    waktu=dt.datetime.now().strftime("%H.%M.%S"), maks_bukti=MAKS_BUKTI,
                    maks_masalah=MAKS_MASALAH)

    @app.post("/wb/<path:name>/buat")
    def buat(name: str):
        job = ws.start_build(name, pdf=bool(request.form.get("pdf")) and ws.has_pdf())
        return render_template("_buat.html", job=job), 202

    @app.get("/buat/<job_id>")
    def buat_status(job_id: str):
        job = ws.jobs.get(job_id)
        if job is None:
            abort(404)
        # 286 tells htmx to stop polling
        return render_template("_buat.html", job=job), (286 if job.state in ("selesai", "gagal") else 200)

    @app.get(f"/{OUTPUT}/<path:name>")
    def laporan(name: str):
        path = ws.report(name)
        inline = request.args.get("lihat") == "1" and path.suffix.lower() == ".pdf"
        return send_file(path, as_attachment=not inline, download_name=path.name, max_age=0,
                         mimetype="application/pdf" if path.suffix.lower() == ".pdf" else
                         "application/vnd.openxmlformats-officedocument.wordprocessingml.document")

    @app.get("/lihat/<path:name>")
    def lihat(name: str):
        path = ws.report(name)
        if path.suffix.lower() == ".pdf":
            return render_template("lihat.html", name=path.name)
        from .pratinjau import pratinjau

        bagian, sisa = pratinjau(path)
        return render_template("pratinjau.html", name=path.name, bagian=bagian, sisa=sisa)

    # -- Perubahan ---------------------------------------------------------------------
    @app.get("/perubahan")
    def perubahan():
        names = ws.workbooks()
        lama, baru = request.args.get("lama", ""), request.args.get("baru", "")
        lines, problems = None, []
        if lama and baru:
            result, problems = lk.diff(ws.workbook(lama), ws.workbook(baru))
            if result is not None:
                lines = lk.diff_lines(result)
            else:
                problems = lk.errors(problems) or problems
        return render_template("perubahan.html", names=names, lama=lama, baru=baru, lines=lines, problems=problems)

    return app


def _galat(code: int, message: str):
    """A short Indonesian page (or fragment, for htmx) for a refused or failed request."""
    if request.headers.get("HX-Request"):
        return render_template("_galat.html", message=message), code
    return render_template("galat.html", message=message, code=code), code


def _unduh(data: bytes, name: str):
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name, max_age=0,
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class IsianTidakSah(Exception):
    """A form value that cannot be used (Indonesian message): 400."""


def _tahun_periode(tahun_text: str, renstra: str) -> tuple[int, tuple[int, int]]:
    """The year and Renstra period typed in the "Workbook kosong" form (same limits as `lkjip template`)."""
    try:
        tahun = int(tahun_text)
    except ValueError:
        raise IsianTidakSah(f"'{tahun_text[:20]}' bukan tahun; tulis tahun empat angka, contoh 2024.") from None
    if not 1990 <= tahun <= 2100:
        raise IsianTidakSah(f"Tahun {tahun} di luar 1990-2100.")
    if not renstra.strip():
        return tahun, (tahun, tahun + 2)
    m = re.fullmatch(r"\s*(\d{4})\s*[-–/]\s*(\d{4})\s*", renstra)
    if not m or not (1990 <= int(m.group(1)) <= int(m.group(2)) <= 2100) or int(m.group(2)) - int(m.group(1)) > 10:
        raise IsianTidakSah(f"'{renstra[:20]}' bukan periode Renstra; contoh yang benar: 2024-2026 "
                           "(di antara 1990 dan 2100, paling panjang 10 tahun).")
    return tahun, (int(m.group(1)), int(m.group(2)))
