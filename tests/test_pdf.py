"""generator/pdf.py: LibreOffice as PDF maker and page-number reader, started as seldom as possible."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import ALOK

from generator import build, pdf


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
