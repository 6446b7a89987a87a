"""click's own English sentences (help, usage errors) in Indonesian, for the `lkjip` command only.

click marks its messages with the standard library's `gettext` (its default domain, `messages`), so that
an application translates them with a catalogue of its own (the way click's maintainers intend). `TEXT`
is that catalogue's source; `messages.mo` (package data, `generator/locale/id/LC_MESSAGES/`) is compiled
from it by `python -m generator.cli.text` and a test keeps both equal. While a `lkjip` command runs,
`indonesian()` binds the domain to that catalogue and asks for Indonesian (LANGUAGE=id), then puts both
back, so other programs that use click in the same process are not affected. A message not in `TEXT`
stays English.
"""

from __future__ import annotations

import array
import contextlib
import gettext
import os
import struct
import sys
from pathlib import Path
from typing import Iterator

import click

TEXT = {
    "Usage:": "Pemakaian:",
    "Options": "Pilihan",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "%(prog)s, version %(version)s": "%(prog)s, versi %(version)s",
    "Error: {message}": "Galat: {message}",
    "Try '{command} {option}' for help.": "Coba '{command} {option}' untuk bantuan.",
    "Missing argument": "Argumen wajib tidak diberikan",
    "Missing option": "Pilihan wajib tidak diberikan",
    "Missing parameter": "Parameter wajib tidak diberikan",
    "Missing {param_type}": "{param_type} wajib tidak diberikan",
    "Missing parameter: {param_name}": "Parameter wajib tidak diberikan: {param_name}",
    "Missing command.": "Perintah belum diberikan.",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "No such option: {name}": "Tidak ada pilihan: {name}",
    "No such option {name!r}.": "Tidak ada pilihan {name!r}.",
    "Option {name!r} does not take a value.": "Pilihan {name!r} tidak menerima nilai.",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Aborted!": "Dibatalkan!",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca (izin).",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulis (izin).",
    "{name} {filename!r} is not executable.": "{name} {filename!r} tidak dapat dijalankan.",
    "file": "Berkas",
    "directory": "Folder",
    "path": "Path",
    "{value!r} is not a valid {number_type}.": "{value!r} bukan {number_type} yang sah.",
    "integer": "bilangan bulat",
    "float": "bilangan",
    "integer range": "bilangan bulat",
    "float range": "bilangan",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "Choose from:\n\t{choices}": "Pilih dari:\n\t{choices}",
    "default: {default}": "bawaan: {default}",
    "required": "wajib",
    "env var: {var}": "variabel lingkungan: {var}",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Option {name!r} requires an argument.": "Pilihan {name!r} membutuhkan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Pilihan {name!r} membutuhkan {nargs} nilai.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "Could not open file {filename!r}: {message}": "Berkas {filename!r} tidak dapat dibuka: {message}",
    "unknown error": "galat tidak dikenal",
}

# click's ngettext pairs (singular, plural): compiled as plural entries, so each form keeps its own placeholders
PLURALS = [
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
]
DOMAIN = "messages"  # the domain click's gettext calls use
LANGUAGE = "id"


def locale_dir() -> Path:
    """The folder holding `id/LC_MESSAGES/messages.mo` (package data of `generator`)."""
    import generator

    return Path(generator.__file__).resolve().parent / "locale"


def mo_bytes() -> bytes:
    """`TEXT` as a GNU gettext catalogue (.mo): the header, every message, the plural pairs."""
    catalogue = {"": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"}
    catalogue.update(TEXT)
    for one, many in PLURALS:
        catalogue[f"{one}\0{many}"] = f"{TEXT[one]}\0{TEXT[many]}"
    keys = sorted(catalogue, key=lambda k: k.encode())
    ids = strs = b""
    table = []
    for k in keys:
        kb, vb = k.encode(), catalogue[k].encode()
        table.append((len(ids), len(kb), len(strs), len(vb)))
        ids += kb + b"\0"
        strs += vb + b"\0"
    start_ids = 7 * 4 + 16 * len(keys)
    start_strs = start_ids + len(ids)
    offsets: list[int] = []
    for o1, l1, _o2, _l2 in table:
        offsets += [l1, o1 + start_ids]
    for _o1, _l1, o2, l2 in table:
        offsets += [l2, o2 + start_strs]
    head = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return head + array.array("i", offsets).tobytes() + ids + strs


@contextlib.contextmanager
def indonesian() -> Iterator[None]:
    """click's messages in Indonesian while the block runs: the domain bound to lkjip's catalogue, the
    language asked for; both as they were after."""
    bound = gettext.bindtextdomain(DOMAIN)
    language = os.environ.get("LANGUAGE")
    gettext.bindtextdomain(DOMAIN, str(locale_dir()))
    os.environ["LANGUAGE"] = LANGUAGE
    try:
        yield
    finally:
        gettext.bindtextdomain(DOMAIN, bound)
        if language is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = language


class Command(click.Command):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        super().__init__(*args, **kwargs)


class Group(click.Group):
    """The `lkjip` group: its commands speak Indonesian, including click's own messages."""

    command_class = Command

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", "[PILIHAN]")
        kwargs.setdefault("subcommand_metavar", "PERINTAH [ARGUMEN]...")
        super().__init__(*args, **kwargs)

    def main(self, *args, **kwargs):
        with indonesian():
            return super().main(*args, **kwargs)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # click would say "Aborted!" and exit 1, the code of a failed workbook
            click.echo("\n" + stopped_message("Ctrl+C"), err=True)
            sys.exit(130)
        except SystemExit as exc:  # SIGTERM (see cli.main): said as Ctrl+C is (the batch says it itself)
            from generator import stop_requested

            sig = stop_requested()
            if sig is not None and exc.code == 128 + sig:
                click.echo("\n" + stopped_message("SIGTERM" if sig == 15 else f"sinyal {sig}"), err=True)
            raise


def stopped_message(how: str) -> str:
    """What a stopped command says: the files it had written before the stop, truthfully."""
    from generator import written_files

    done = written_files()
    if done:
        names = ", ".join(dict.fromkeys(str(p) for p in done))
        return (f"Dihentikan ({how}). Sudah ditulis sebelum penghentian: {names}. Tidak ada berkas yang setengah "
                "ditulis.")
    return f"Dihentikan ({how}): tidak ada berkas yang ditulis; berkas lama (bila ada) tetap utuh."


if __name__ == "__main__":  # python -m generator.cli.text: compile the catalogue
    target = locale_dir() / LANGUAGE / "LC_MESSAGES" / f"{DOMAIN}.mo"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(mo_bytes())
    print(target)
