"""Files lkjip writes (output.py): modes, what may be replaced, links, leftovers, full disks (issue 12)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ALOK, ROOT

from generator.cli import main
from generator.write.output import OutputError, Replaced, _host_tag, atomic_write_bytes, remove_stale_temporaries


def cli(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


@pytest.fixture
def umask():
    old = os.umask(0o022)
    yield os.umask
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ---- point 4: modes


def test_new_files_follow_the_umask_and_a_replaced_file_keeps_its_mode(tmp_path, small, umask):
    out = tmp_path / "laporan.docx"
    assert cli("build", small, "--out", out).exit_code == 0
    assert _mode(out) == 0o644  # colleagues on a shared drive can read it (was 0600)
    umask(0o027)
    assert cli("build", small, "--out", tmp_path / "grup.docx").exit_code == 0
    assert _mode(tmp_path / "grup.docx") == 0o640
    assert cli("template", "--tahun", "2024", "--out", tmp_path / "kosong.xlsx").exit_code == 0
    assert _mode(tmp_path / "kosong.xlsx") == 0o640
    # a rebuild keeps what the owner chose, whatever the umask
    out.chmod(0o664)
    umask(0o077)
    assert cli("build", small, "--out", out).exit_code == 0
    assert _mode(out) == 0o664


# ---- point 5: devices, FIFOs, links


def test_a_fifo_or_a_link_to_a_device_is_refused_not_replaced(tmp_path, small):
    fifo = tmp_path / "laporan.docx"
    os.mkfifo(fifo)
    res = cli("build", small, "--out", fifo)  # before: replaced the FIFO (as root: --out /dev/null replaced /dev/null)
    assert res.exit_code == 1
    assert f"Berkas tujuan {fifo} adalah FIFO (pipa bernama), bukan berkas biasa" in res.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    to_null = tmp_path / "null.docx"
    to_null.symlink_to(os.devnull)
    res = cli("build", small, "--out", to_null)
    assert res.exit_code == 1 and f"tautan simbolik ke {os.devnull}, yang bukan berkas biasa; ditolak" in res.stderr
    assert os.readlink(to_null) == os.devnull and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with pytest.raises(OutputError, match="adalah perangkat, bukan berkas biasa"):
        atomic_write_bytes(Path(os.devnull), b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kecil.xlsx", "laporan.docx", "null.docx"]


def test_a_link_is_written_through_and_stays_a_link(tmp_path, small):
    real = tmp_path / "arsip" / "laporan-final.docx"
    real.parent.mkdir()
    real.write_bytes(b"laporan lama")
    real.chmod(0o640)
    link = tmp_path / "laporan.docx"
    link.symlink_to(real)
    res = cli("build", small, "--out", link)
    assert res.exit_code == 0, res.output
    assert link.is_symlink() and os.readlink(link) == str(real)  # before: the link was replaced by a file
    assert zipfile.ZipFile(real).testzip() is None and _mode(real) == 0o640
    assert sorted(p.name for p in real.parent.iterdir()) == ["laporan-final.docx"]
    dangling = tmp_path / "hilang.docx"
    dangling.symlink_to(tmp_path / "tidak-ada" / "x.docx")
    res = cli("build", small, "--out", dangling)
    assert res.exit_code == 1 and "tautan simbolik yang tidak menunjuk ke berkas yang ada" in res.stderr
    assert dangling.is_symlink() and not (tmp_path / "tidak-ada").exists()


# ---- point 8: leftovers of killed runs


def _dead_pid() -> int:
    p = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(p.stdout)


def test_stale_temporary_files_are_removed_by_the_next_successful_write(tmp_path):
    target = tmp_path / "laporan.docx"
    host = _host_tag()
    stale = tmp_path / f".laporan.docx.{_dead_pid()}@{host}.abc123.tmp"  # this host, process gone
    live = tmp_path / f".laporan.docx.{os.getppid()}@{host}.def456.tmp"  # a running process: being written
    remote_new = tmp_path / ".laporan.docx.123@komputer-lain.x1.tmp"  # another PC on a shared drive
    remote_old = tmp_path / ".laporan.docx.124@komputer-lain.x2.tmp"
    legacy_old = tmp_path / ".laporan.docx.k2j3h4.tmp"  # the name before this version
    other = tmp_path / ".lain.docx.1@x.y.tmp"
    for p in (stale, live, remote_new, remote_old, legacy_old, other):
        p.write_bytes(b"setengah")
    for p in (remote_old, legacy_old):
        os.utime(p, (1_600_000_000, 1_600_000_000))
    with pytest.raises(Replaced, match=r"ditulis, tetapi akan segera diganti oleh (proses \d+, )?proses 123 di komputer komputer-lain"):
        atomic_write_bytes(target, b"baru")  # written, but two others are writing the same file right now
    assert target.read_bytes() == b"baru"
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(p.name for p in (target, live, remote_new, other))
    assert remove_stale_temporaries(target) == []


def test_a_failed_write_leaves_stale_files_alone(tmp_path, small):
    stale = tmp_path / f".laporan.docx.{_dead_pid()}@{_host_tag()}.abc.tmp"
    stale.write_bytes(b"x")
    res = cli("build", small, "--out", tmp_path / "laporan.docx", "--template", small)  # not a Word template
    assert res.exit_code == 1
    assert stale.exists()


# ---- point 11: full disks


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KB tmpfs (root only): a report does not fit."""
    mnt = tmp_path / "penuh"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("tmpfs kecil tidak dapat dipasang (butuh root)")
    yield mnt
    subprocess.run(["umount", str(mnt)], check=False)


def test_disk_full_while_writing_a_report_or_a_template(full_disk, tmp_path):
    old = full_disk / "laporan.docx"
    old.write_bytes(b"laporan lama")
    res = subprocess.run([sys.executable, "-m", "generator.cli", "build", str(ALOK), "--out", str(old)],
                         cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr and "Kesalahan internal" not in res.stderr
    assert (f"Berkas {old} tidak dapat ditulis: disk penuh (ruang kosong atau kuota habis); kosongkan ruang disk lalu "
            "jalankan lagi. Berkas lama (jika ada) tetap utuh.") in res.stderr
    assert old.read_bytes() == b"laporan lama"
    filler = full_disk / "isi"  # the disk is now full to the last byte
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"x" * 1024)
        except OSError:
            pass
    blank = full_disk / "kosong.xlsx"
    res = subprocess.run([sys.executable, "-m", "generator.cli", "template", "--tahun", "2024", "--out", str(blank)],
                         cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert f"Galat: Berkas {blank} tidak dapat ditulis: disk penuh" in res.stderr
    assert sorted(p.name for p in full_disk.iterdir()) == ["isi", "laporan.docx"]


# the same write failure without root: a file size limit (RLIMIT_FSIZE), the write fails with EFBIG
LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))
sys.argv = ["lkjip"] + sys.argv[1:]
from generator.cli import run
run()
"""


def test_a_failed_write_is_a_message_not_a_traceback(tmp_path):
    out = tmp_path / "laporan.docx"
    res = subprocess.run([sys.executable, "-c", LIMITED, "build", str(ALOK), "--out", str(out)],
                         cwd=str(ROOT), capture_output=True, text=True, timeout=120)
    assert res.returncode == 1 and "Traceback" not in res.stderr and "Kesalahan internal" not in res.stderr
    assert f"Berkas {out} tidak dapat ditulis: berkas melebihi batas ukuran berkas sistem." in res.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full tidak ada")
@pytest.mark.parametrize("command", ["validate", "context"])
def test_stdout_on_a_full_device_is_a_failure_said_on_stderr(command, tmp_path):
    with open("/dev/full", "w") as full:
        res = subprocess.run([sys.executable, "-m", "generator.cli", command, str(ALOK)], cwd=str(ROOT),
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    # before: exit 0 and nothing said, the result silently lost
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert "tidak dapat ditulis" in res.stderr and "disk penuh" in res.stderr and "Hasilnya tidak lengkap." in res.stderr
    assert len(res.stderr.splitlines()) == 1


def test_stdout_to_a_closed_pipe_is_not_a_failure(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "validate", str(ALOK)], cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `| head` that stopped reading
    _out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"tidak dapat ditulis" not in err




# ---- issue 26, points 5 to 8: races, shared drives, planted links, read-only files

# The real program, whose fsync waits until four temporary files of the report exist: four builds
# are in the write window together (the race of four builds to one report, made certain).
SLOW_FSYNC = """
import glob, os, sys, time
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    end, go = time.monotonic() + 60, folder + ".go"  # once four were seen together, all may go on
    while not os.path.exists(go) and time.monotonic() < end:
        if len(glob.glob(os.path.join(folder, ".laporan.docx.*.tmp"))) >= 4:
            open(go, "w").close()
        time.sleep(0.05)
os.fsync = fsync
folder = sys.argv.pop()
from generator.cli import run
sys.argv = ["lkjip"] + sys.argv[1:]
run()
"""


def test_four_builds_to_one_report_at_once_only_the_last_says_written(tmp_path):
    """Issue 26.5: all four printed "Laporan ditulis" and exited 0, while three reports were gone."""
    from docx_text import all_text, load
    from factory import make_workbook

    out = tmp_path / "bersama" / "laporan.docx"
    out.parent.mkdir()
    procs = []
    for i in range(4):
        wb = make_workbook(tmp_path / f"wb{i}.xlsx", profil={"instansi": f"Kecamatan Nomor {i}"})
        procs.append(subprocess.Popen([sys.executable, "-c", SLOW_FSYNC, "build", str(wb), "--out", str(out), str(out.parent)],
                                      cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    results = [(p.wait(timeout=180), p.stdout.read(), p.stderr.read()) for p in procs]
    ok = [i for i, (code, _o, _e) in enumerate(results) if code == 0]
    assert len(ok) == 1, results
    assert f"Laporan ditulis: {out}" in results[ok[0]][1]
    assert f"Kecamatan Nomor {ok[0]}" in all_text(load(out))  # the one that said "written" is the one on disk
    for i, (code, stdout, stderr) in enumerate(results):
        if i != ok[0]:
            assert code == 1 and "Laporan ditulis" not in stdout
            assert re.search(f"Berkas {re.escape(str(out))} ditulis, tetapi (akan segera|sudah) diganti oleh proses", stderr), stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["laporan.docx"]


def test_pcs_whose_names_share_16_characters_are_two_hosts(tmp_path, monkeypatch):
    """Issue 26.6: `kecamatan-alok-01` and `-02` were one host: one PC's cleanup deleted the other's file mid-write."""
    import socket

    import generator.write.output as output

    monkeypatch.setattr(socket, "gethostname", lambda: "kecamatan-alok-02")
    other = output._host_tag()
    monkeypatch.setattr(socket, "gethostname", lambda: "kecamatan-alok-01")
    assert (output._host_tag(), other) == ("kecamatan-alok-01", "kecamatan-alok-02")
    theirs = tmp_path / f".laporan.docx.{_dead_pid()}@{other}.abc.tmp"  # no such process *here*: says nothing
    theirs.write_bytes(b"setengah ditulis di PC lain")
    os.utime(theirs, (time.time() - 300, time.time() - 300))  # not written right now, not an hour old
    atomic_write_bytes(tmp_path / "laporan.docx", b"baru")
    assert theirs.exists()
    monkeypatch.setattr(socket, "gethostname", lambda: "pc-" + "x" * 80 + ".kantor.go.id")
    assert len(output._host_tag()) == 35 and output._host_tag().startswith("pc-" + "x" * 21 + "-")


def test_a_link_planted_in_the_output_folder_is_refused_for_a_default_name(tmp_path, small):
    """Issue 26.7: a symlink planted in output/ made `build` write outside the output folder."""
    victim = tmp_path / "lain" / "penting.docx"
    victim.parent.mkdir()
    victim.write_bytes(b"berkas orang lain")
    planted = tmp_path / "output" / "LKjIP-Kecamatan-Contoh-2024.docx"
    planted.parent.mkdir()
    planted.symlink_to(victim)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        res = CliRunner().invoke(main, ["build", str(small)])
    finally:
        os.chdir(old)
    assert res.exit_code == 1
    assert (f"Berkas tujuan output/LKjIP-Kecamatan-Contoh-2024.docx adalah tautan simbolik ke {victim}, di luar folder "
            "keluaran output; ditolak") in res.stderr
    assert victim.read_bytes() == b"berkas orang lain" and planted.is_symlink()
    res = cli("build", small, "--out", planted)  # named explicitly: followed, as documented
    assert res.exit_code == 0 and zipfile.ZipFile(victim).testzip() is None


def test_a_read_only_report_and_a_pdf_named_like_an_input_are_refused(tmp_path, small):
    """Issue 26.8: a 0444 previous report was replaced in silence (Windows refuses); --pdf overwrote an input."""
    out = tmp_path / "laporan.docx"
    out.write_bytes(b"laporan final, dikunci")
    out.chmod(0o444)
    res = cli("build", small, "--out", out)
    assert res.exit_code == 1
    assert f"Berkas {out} bersifat baca-saja dan tidak ditimpa." in res.stderr
    assert out.read_bytes() == b"laporan final, dikunci" and _mode(out) == 0o444
    named_pdf = tmp_path / "data.pdf"  # a workbook saved under a .pdf name
    named_pdf.write_bytes(small.read_bytes())
    res = cli("build", named_pdf, "--out", tmp_path / "data.docx", "--pdf")
    assert res.exit_code == 1 and f"PDF akan ditulis ke {named_pdf}, yaitu berkas masukan itu sendiri; ditolak" in res.stderr
    assert named_pdf.read_bytes() == small.read_bytes() and not (tmp_path / "data.docx").exists()


@pytest.mark.parametrize("length", [226, 240, 250])
def test_long_out_names_that_the_file_system_allows_are_written(length, tmp_path, small):
    """Issue 26.13: names of 226-254 characters failed (the temporary name was too long) with a hint blaming
    permissions; a name the file system refuses says so, in Indonesian."""
    out = tmp_path / ("a" * length + ".docx")
    res = cli("build", small, "--out", out)
    assert res.exit_code == 0, res.output
    assert zipfile.ZipFile(out).testzip() is None and sorted(p.name for p in tmp_path.iterdir()) == sorted([small.name, out.name])
    res = CliRunner().invoke(main, ["build", str(small), "--out", str(tmp_path / ("b" * 260 + ".docx"))])
    assert res.exit_code == 1 and "nama atau jalurnya terlalu panjang untuk sistem operasi" in res.stderr
    assert "izin" not in res.stderr and "File name too long" not in res.stderr


def test_os_refusals_are_said_in_indonesian(tmp_path, small, monkeypatch):
    import errno as errnos
    import tempfile

    from generator.base.sistem import os_why

    assert os_why(PermissionError(13, "Permission denied")).startswith("izin ditolak")
    assert os_why(OSError(errnos.EPROTO, "Protocol error")) == "sistem operasi menolaknya (EPROTO)"

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    res = CliRunner().invoke(main, ["build", str(small), "--out", str(tmp_path / "laporan.docx")])
    assert res.exit_code == 1
    assert (f"Tidak dapat menulis di folder {tmp_path}: izin ditolak (berkas atau foldernya milik pengguna lain, "
            "baca-saja, atau dikunci). Periksa izin tulis folder itu.") in res.stderr
    assert "Permission denied" not in res.stderr
