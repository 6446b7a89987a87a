"""generator/write/pdf.py: LibreOffice as PDF maker and page-number reader, started as seldom as possible."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ALOK

from generator import build
from generator.write import pdf


def test_uno_python_is_asked_once_per_process(monkeypatch):
    calls: list[list[str]] = []
    real_run = subprocess.run

    def counting_run(cmd, *args, **kwargs):
        calls.append(cmd)
        return real_run(cmd, *args, **kwargs)

    pdf.uno_python.cache_clear()
    monkeypatch.setattr(pdf.subprocess, "run", counting_run)
    first = pdf.uno_python()
    asked = len(calls)
    assert pdf.uno_python() == first and len(calls) == asked  # the second answer costs no process
    pdf.uno_python.cache_clear()


def test_perbarui_daftar_with_pdf_loads_the_report_in_libreoffice_once(tmp_path, monkeypatch):
    """--perbarui-daftar --pdf: one LibreOffice load updates the indexes, gives their texts and exports the PDF."""
    if not pdf.uno_python():
        pytest.skip("LibreOffice tanpa modul Python UNO")
    loads: list[Path] = []
    real_to_pdf = pdf.to_pdf

    def counting_to_pdf(docx, *args, **kwargs):
        loads.append(Path(docx))
        return real_to_pdf(docx, *args, **kwargs)

    monkeypatch.setattr(pdf, "to_pdf", counting_to_pdf)
    res = build(ALOK, tmp_path / "alok.docx", perbarui_daftar=True, pdf=True)
    assert res.ok and not res.pdf_error, res.pdf_error or res.error
    assert len(loads) == 1  # was 2: daftar_halaman, then to_pdf of the re-rendered report
    assert any("disimpan di .docx" in n for n in res.notes)
    import docx_text

    toc = [p.text for p in docx_text.load(res.output).paragraphs if p.style.name in ("toc 1", "toc 2", "toc 3")]
    assert "BAB I PENDAHULUAN\t1" in toc
    printed = subprocess.run(["pdftotext", "-layout", str(res.pdf), "-"], capture_output=True, text=True).stdout \
        if res.pdf and Path("/usr/bin/pdftotext").exists() else ""
    if printed:  # the PDF shows the same page numbers the .docx now stores
        bab1 = next(line for line in printed.splitlines() if line.startswith("BAB I PENDAHULUAN"))
        assert bab1.rstrip().endswith("1") and "..." in bab1


def test_pdf_failure_in_the_combined_run_keeps_the_docx_and_says_why(tmp_path, monkeypatch):
    """When LibreOffice fails during --perbarui-daftar --pdf: the .docx stays written, pdf_error and a note say why."""
    monkeypatch.setattr(pdf, "uno_python", lambda: "/usr/bin/python3")

    def failing(*_args, **_kwargs):
        raise pdf.PdfError("LibreOffice gagal membuat PDF (uji)")

    monkeypatch.setattr(pdf, "to_pdf", failing)
    res = build(ALOK, tmp_path / "alok.docx", perbarui_daftar=True, pdf=True)
    assert res.output and res.output.exists() and res.pdf is None
    assert res.pdf_error == "LibreOffice gagal membuat PDF (uji)"
    assert res.daftar_error == "LibreOffice gagal membuat PDF (uji)"


# ------------------------------------------------------------------ one LibreOffice for many documents (25.10)

import os  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from conftest import ROOT, SUMENEP  # noqa: E402

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def _processes(marker: str, name: str = "") -> dict[int, str]:
    """Running processes (pid -> command line) whose command line holds `marker` (and `name`)."""
    found = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if marker in cmd and name in cmd and "pytest" not in cmd:
                found[int(d.name)] = cmd
    return found


def _offices(marker: str) -> set[int]:
    return set(_processes(marker, "soffice.bin"))


@pytest.fixture(scope="module")
def uno():
    if not Path("/proc").is_dir():
        pytest.skip("butuh /proc (Linux)")
    if not pdf.soffice() or not pdf.uno_python():
        pytest.skip("LibreOffice dengan modul Python UNO tidak terpasang")


def _small_workbooks(folder: Path) -> list[Path]:
    """Three small workbooks (the tests' standard one under three instansi names): for the tests of LibreOffice's
    processes, where a 16-page report converts in half the time of an example's 34 pages and proves the same."""
    from factory import make_workbook

    folder.mkdir(exist_ok=True)
    return [make_workbook(folder / f"kecil-{i}.xlsx", profil={"instansi": f"Kecamatan Uji {i}"}) for i in (1, 2, 3)]


@pytest.fixture(scope="module")
def reports(uno, tmp_path_factory):
    """Three small reports as .docx (built once)."""
    d = tmp_path_factory.mktemp("laporan")
    out = []
    for wb in _small_workbooks(d / "wb"):
        res = build(wb, d / f"{wb.stem}.docx")
        assert res.ok, res.error
        out.append(res.output)
    return out


def _wait_for(predicate, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


def test_one_libreoffice_converts_several_documents_also_from_threads_and_ends_with_its_block(reports, tmp_path):
    """`satu_libreoffice`, as a batch and `lkjip serve` use it: one document after the other, then two from
    threads at once (serve's builds), all through one LibreOffice, which ends with the block."""
    import threading

    with pdf.satu_libreoffice() as k:
        pids, offices = [], []
        for i, docx in enumerate(reports[:2]):
            texts: list[str] = []
            made = pdf.to_pdf(docx, tmp_path / f"{i}.pdf", daftar=texts)
            assert made.read_bytes().startswith(b"%PDF-") and texts, docx
            pids.append(k.pid)
            offices.append(_offices(k._tmp))
        threads = [threading.Thread(target=pdf.to_pdf, args=(docx, tmp_path / f"t{i}.pdf"))
                   for i, docx in enumerate(reports[1:])]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        pids.append(k.pid)
        offices.append(_offices(k._tmp))
        folder = k._tmp
    assert (tmp_path / "t0.pdf").exists() and (tmp_path / "t1.pdf").exists()
    assert len(set(pids)) == 1 and pids[0] is not None  # one `soffice` for all four
    assert all(len(o) == 1 for o in offices) and len(set().union(*offices)) == 1  # and one soffice.bin
    assert _wait_for(lambda: not _processes(folder), 5)  # closed: nothing of its group is left
    assert not Path(folder).exists()


def test_a_killed_libreoffice_is_started_again_and_only_its_document_fails(reports, tmp_path):
    with pdf.Konverter() as k:
        k.convert(reports[0], tmp_path / "a.pdf")
        first = _offices(k._tmp)
        for pid in first:  # killed while idle: the next document does not notice
            os.kill(pid, signal.SIGKILL)
        assert k.convert(reports[1], tmp_path / "b.pdf").exists()
        second = _offices(k._tmp)
        assert second and not second & first

        def kill_while_loading(line: str) -> None:  # killed in the middle of a document: that one fails
            if "memuat dokumen" in line:
                for pid in _offices(k._tmp):
                    os.kill(pid, signal.SIGKILL)

        with pytest.raises(pdf.PdfError) as err:
            k.convert(reports[2], tmp_path / "c.pdf", progress=kill_while_loading)
        assert "LibreOffice berhenti mendadak saat membuat PDF ini" in str(err.value), err.value
        assert "laporan .docx tetap ditulis" in str(err.value)
        assert not (tmp_path / "c.pdf").exists()
        assert k.convert(reports[2], tmp_path / "c.pdf").exists()  # and the next one works
        assert len(_offices(k._tmp)) == 1


def test_a_conversion_over_its_time_is_stopped_and_the_next_one_works(reports, tmp_path, monkeypatch):
    with pdf.Konverter() as k:
        monkeypatch.setenv("LKJIP_PDF_BATAS_DETIK", "1")
        with pytest.raises(pdf.PdfError, match="tidak selesai dalam 1 detik"):
            k.convert(reports[0], tmp_path / "a.pdf")
        assert _wait_for(lambda: not _offices(k._tmp), 5)  # its whole group was ended
        monkeypatch.delenv("LKJIP_PDF_BATAS_DETIK")
        assert k.convert(reports[0], tmp_path / "a.pdf").exists()


@pytest.mark.parametrize("batch", [False, True], ids=["satu", "batch"])
def test_kill_9_of_lkjip_leaves_no_libreoffice(uno, tmp_path, batch):
    """The watchdog: lkjip killed without any cleanup mid-conversion; its LibreOffice goes within seconds."""
    if batch:
        (tmp_path / "wb").mkdir()
        for wb in (ALOK, SUMENEP):
            shutil.copy(wb, tmp_path / "wb" / wb.name)
        args = [str(tmp_path / "wb"), "--out-dir", str(tmp_path / "out")]
    else:
        args = [str(ALOK), "--out", str(tmp_path / "a.docx")]
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", *args, "--pdf"], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker = f"lkjip-lo-{proc.pid}-"
    tmp = Path(tempfile.gettempdir())
    try:  # LibreOffice has the report open: its lock file is in lkjip's temporary folder
        assert _wait_for(lambda: list(tmp.glob(f"{marker}*/dok/.~lock.*.docx#")), 120), "laporan tidak pernah dibuka"
        assert _offices(marker)
    finally:
        proc.kill()  # SIGKILL: no cleanup of lkjip's own runs
        proc.wait()
    assert _wait_for(lambda: not _processes(marker), 5), _processes(marker)
    assert _wait_for(lambda: not list(tmp.glob(marker + "*")), 5)


def test_a_batch_with_pdf_uses_at_most_two_long_lived_libreoffices(uno, tmp_path):
    """A batch of two workers: two LibreOffices of the batch process (`Kumpulan`), each started once for
    the whole batch — never one per report nor one per worker process."""
    folder = tmp_path / "wb"
    _small_workbooks(folder)
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "build", str(folder), "--out-dir", str(tmp_path / "out"),
                             "--pdf", "--jobs", "2"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen: dict[int, str] = {}
    while proc.poll() is None:  # every LibreOffice started by the batch or by one of its workers
        for pid, cmd in _processes("lkjip-lo-", "soffice.bin").items():
            owner = int(cmd.split("lkjip-lo-")[1].split("-")[0])
            try:
                parent = int(Path(f"/proc/{owner}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                parent = 0
            if proc.pid in (owner, parent):
                seen[pid] = cmd
        time.sleep(0.05)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert len(list((tmp_path / "out").glob("*.pdf"))) == 3, out
    # LibreOffices (profiles) of the batch process itself; a fresh profile's first start may replace its
    # soffice.bin once (oosplash restarts it after setting the profile up), hence profiles, not pids;
    # each profile the first of its Konverter (`lo1`): none was started again
    profiles = {cmd.split("-env:UserInstallation=")[1].split()[0] for cmd in seen.values()}
    assert 1 <= len(profiles) <= 2, seen
    assert all(f"lkjip-lo-{proc.pid}-" in p and "/lo1/" in p for p in profiles), seen


def test_serve_keeps_one_libreoffice_for_its_life(tmp_path, monkeypatch):
    """`lkjip serve` opens `satu_libreoffice` before serving and closes it when it stops."""
    import contextlib

    from werkzeug.serving import BaseWSGIServer

    import generator as lk
    from generator import web

    events = []

    @contextlib.contextmanager
    def recording(layani: bool = False):
        events.append("buka")
        yield None
        events.append("tutup")

    def serving(self, poll_interval=0.5):
        events.append("melayani")
        raise KeyboardInterrupt

    monkeypatch.setattr(lk, "satu_libreoffice", recording, raising=False)
    monkeypatch.setattr(BaseWSGIServer, "serve_forever", serving)
    assert web.serve(tmp_path, port=0, open_browser=False, echo=lambda _line: None) == 130
    assert events == ["buka", "melayani", "tutup"]


def test_a_kumpulan_converts_two_documents_at_once_and_ends_its_libreoffices(reports, tmp_path):
    """A batch's `Kumpulan`: two documents at the same time go to two LibreOffices (at most MAKS_LIBREOFFICE,
    whatever the number of workers); both end with the block."""
    import threading

    with pdf.satu_libreoffice(berapa=5) as k:
        assert isinstance(k, pdf.Kumpulan) and len(k.anggota) == pdf.MAKS_LIBREOFFICE == 2
        both = threading.Barrier(2, timeout=120)  # passed only when the two documents hold a member each
        for member in k.anggota:
            member.convert = (lambda real: lambda *a, **kw: (both.wait(), real(*a, **kw))[1])(member.convert)
        threads = [threading.Thread(target=pdf.to_pdf, args=(docx, tmp_path / f"{i}.pdf")) for i, docx in enumerate(reports[:2])]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        pids = {m.pid for m in k.anggota}
        folders = [m._tmp for m in k.anggota]
        assert None not in pids and len(pids) == 2
    assert (tmp_path / "0.pdf").exists() and (tmp_path / "1.pdf").exists()
    assert _wait_for(lambda: not any(_offices(f) for f in folders), 10)
    assert not any(Path(f).exists() for f in folders)


@pytest.mark.skipif(not hasattr(os, "register_at_fork"), reason="fork: POSIX")
def test_a_fork_waits_while_a_libreoffice_is_being_started(tmp_path):
    """A batch forking its workers while LibreOffice starts in another thread deadlocked once (the worker
    inherited the pipe `Popen` waits on): a fork now waits until a start (`_SPAWN`) is done."""
    import multiprocessing
    import threading

    held = threading.Event()
    released: list[float] = []

    def starting() -> None:  # as `_start` holds it around Popen
        with pdf._SPAWN:
            held.set()
            time.sleep(0.5)
            released.append(time.monotonic())  # the moment before the lock is let go

    thread = threading.Thread(target=starting)
    thread.start()
    held.wait(5)
    child = multiprocessing.get_context("fork").Process(target=os._exit, args=(0,))
    child.start()  # forks: waits for the start in the other thread
    forked = time.monotonic()
    child.join(10)
    thread.join(10)
    assert released and forked >= released[0] and child.exitcode == 0  # not before the start was done
    with pdf._SPAWN:  # and the parent's lock is free again
        pass
