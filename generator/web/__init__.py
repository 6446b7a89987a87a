"""`lkjip serve`: a local web page over the public API, for staff who never open a terminal.

Flask (+ one vendored htmx file) on 127.0.0.1; templates and static files ship in this package,
so the page works with no network. See docs/web.md (stack, routes) and SECURITY.md (threat model).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Callable

import generator as lk

LOCAL = "127.0.0.1"


def _hosts(host: str, port: int) -> set[str]:
    """The Host header values this server answers to (everything else is refused: DNS rebinding)."""
    names = {LOCAL, "localhost", host}
    if host in ("0.0.0.0", "::", ""):
        names.add(socket.gethostname())
        try:
            names.update(socket.gethostbyname_ex(socket.gethostname())[2])
        except OSError:
            pass
    return {f"{n}:{port}".lower() for n in names if n}


def _try_bind(host: str, port: int) -> None:
    """Raise OSError when (host, port) cannot be listened on."""
    if port == 0:
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((host, port))


def _warm() -> None:
    """Import the reader, checks and report modules now, not on the first upload (about 0,5 s): the public
    names that load them."""
    import generator as lk

    for name in ("check", "periksa", "build_context", "render_docx", "summary_lines"):
        try:
            getattr(lk, name)
        except Exception:  # noqa: BLE001 - the request that needs it will say what is wrong
            return


def serve(folder: Path | str = ".", host: str = LOCAL, port: int = 0, open_browser: bool = True,
          echo: Callable[[str], None] = print) -> int:
    """Serve `folder` until Ctrl+C/SIGTERM; returns the exit code. Prints the address in Indonesian."""
    from werkzeug.serving import make_server

    from .app import create_app

    gc.enable()  # the command line turns the collector off for its short runs; a server runs for hours
    folder = Path(folder)
    if not folder.is_dir():
        echo(f"Galat: folder {folder} tidak ada.")
        return 2
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request (the page polls every second)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    token = secrets.token_urlsafe(24)
    try:
        _try_bind(host, port)  # werkzeug would print its own English message and exit
        server = make_server(host, port, None, threaded=True)  # type: ignore[arg-type]
    except (OSError, SystemExit) as exc:
        why = getattr(exc, "strerror", None) or "port sudah dipakai program lain"
        echo(f"Galat: tidak dapat mendengarkan di {host}:{port}: {why}. Pakai --port lain, atau --port 0 (port bebas).")
        return 2
    real_port = server.server_port
    app = create_app(folder, token, _hosts(host, real_port), cookie=f"lkjip_token_{real_port}")
    server.app = app
    ws = app.extensions["lkjip"]
    code = 0
    # one LibreOffice for every PDF of this server, started on the first, ended with it (issue 25.10)
    office = contextlib.ExitStack()
    office.enter_context(lk.satu_libreoffice())
    try:
        shown = LOCAL if host in ("0.0.0.0", "::", "") else host
        url = f"http://{shown}:{real_port}/?token={token}"
        if host != LOCAL:
            echo(f"PERINGATAN: server mendengarkan di {host}, bukan hanya di komputer ini ({LOCAL}): komputer lain "
                 "di jaringan dapat menghubunginya (tetap perlu token). Pakai hanya di jaringan yang Anda percayai.")
        echo(f"lkjip berjalan untuk folder {folder.resolve()}")
        echo(f"Buka alamat ini di browser: {url}")
        echo("Tekan Ctrl+C untuk berhenti.")
        threading.Thread(target=_warm, name="lkjip-warm", daemon=True).start()
        if open_browser:
            threading.Timer(0.3, lambda: webbrowser.open(url)).start()
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        code = 130  # as every lkjip command stopped with Ctrl+C
    finally:
        server.server_close()
        if not ws.wait_for_builds(0.0):
            echo("Menunggu laporan yang sedang dibuat selesai ditulis… (Ctrl+C lagi untuk langsung berhenti)")
            try:
                ws.wait_for_builds()
            except KeyboardInterrupt:
                pass
        office.close()  # the one LibreOffice of every PDF this server made, if one was needed
        echo("lkjip serve berhenti.")
    return code
