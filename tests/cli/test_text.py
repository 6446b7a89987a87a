"""generator/cli/text.py: click's own English sentences (usage, errors, help) in Indonesian for the
`lkjip` command group only, and what a stopped command says about the files it wrote.

Tested here on a small click group of its own; the real `lkjip` commands' Indonesian usage errors and
exit codes are tested in tests/cli/test_commands.py, the Ctrl+C/SIGTERM messages of a running build in
tests/write/test_output.py and tests/hostile/test_hostile_interrupt.py.
"""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli.text import TEXT, Group, stopped_message
from generator.write import output


@click.group("alat", cls=Group)
def alat() -> None:
    """Alat contoh."""


@alat.command()
@click.argument("workbook")
@click.option("--desimal", type=int, default=2)
def periksa(workbook: str, desimal: int) -> None:
    click.echo(f"{workbook} {desimal}")


@pytest.mark.parametrize("args, usage, error", [
    (["periksa"], "Pemakaian: alat periksa [PILIHAN] WORKBOOK", "Galat: Argumen wajib tidak diberikan 'WORKBOOK'."),
    (["hapus"], "Pemakaian: alat [PILIHAN] PERINTAH [ARGUMEN]...", "Galat: Tidak ada perintah 'hapus'."),
    (["periksa", "a.xlsx", "--x"], "Pemakaian: alat periksa [PILIHAN] WORKBOOK", "Galat: Tidak ada pilihan '--x'."),
], ids=["argumen-kosong", "perintah-salah", "pilihan-salah"])
def test_usage_errors_are_indonesian(args, usage, error):
    res = CliRunner().invoke(alat, args)
    assert res.exit_code == 2
    lines = res.output.splitlines()
    assert lines[0] == usage and lines[-1] == error
    assert f"Coba 'alat{' periksa' if args[0] == 'periksa' else ''} --help' untuk bantuan." in lines


def test_help_is_indonesian_and_click_speaks_english_again_afterwards():
    res = CliRunner().invoke(alat, ["--help"])
    assert res.exit_code == 0
    assert res.output.splitlines()[:5] == ["Pemakaian: alat [PILIHAN] PERINTAH [ARGUMEN]...", "", "  Alat contoh.", "", "Pilihan:"]
    assert "  --help  Tampilkan bantuan ini lalu keluar." in res.output.splitlines()

    @click.command()
    @click.argument("berkas")
    def lain(berkas: str) -> None:  # another program's click command in the same process
        pass

    res = CliRunner().invoke(lain, [])
    assert "Usage: lain [OPTIONS] BERKAS" in res.output and "Error: Missing argument 'BERKAS'." in res.output


def test_every_translation_keeps_the_placeholders_of_its_english():
    import re

    for english, indonesian in TEXT.items():
        assert sorted(re.findall(r"\{\w+(?:!r)?\}|%\(\w+\)s", english)) == sorted(
            re.findall(r"\{\w+(?:!r)?\}|%\(\w+\)s", indonesian)), english


def test_stopped_message_names_what_was_written(monkeypatch):
    monkeypatch.setattr(output, "written", [])  # what written_files() reads
    assert stopped_message("Ctrl+C") == "Dihentikan (Ctrl+C): tidak ada berkas yang ditulis; berkas lama (bila ada) tetap utuh."
    monkeypatch.setattr(output, "written", [Path("output/A.docx"), Path("output/A.docx"), Path("output/B.docx")])
    assert stopped_message("SIGTERM") == ("Dihentikan (SIGTERM). Sudah ditulis sebelum penghentian: output/A.docx, output/B.docx. "
                                          "Tidak ada berkas yang setengah ditulis.")


def test_the_shipped_catalogue_is_compiled_from_text():
    from generator.cli.text import DOMAIN, LANGUAGE, locale_dir, mo_bytes

    shipped = locale_dir() / LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.mo"
    assert shipped.read_bytes() == mo_bytes(), "run: python -m generator.cli.text"


def test_click_is_translated_through_gettext_and_put_back_after(monkeypatch):
    import gettext

    from generator.cli.text import indonesian

    monkeypatch.setenv("LANGUAGE", "en")
    with indonesian():
        assert gettext.gettext("Missing argument") == "Argumen wajib tidak diberikan"
        assert gettext.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2) == \
            "(Maksud Anda salah satu dari: {possibilities}?)"  # each form keeps its own placeholder
        assert gettext.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1) == \
            "Maksud Anda {possibility}?"
    assert gettext.gettext("Missing argument") == "Missing argument"
    import os

    assert os.environ["LANGUAGE"] == "en"
