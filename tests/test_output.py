"""Files lkjip writes (output.py): modes, what may be replaced, links, leftovers, full disks (issue 12)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ALOK, ROOT

from generator.cli import main
from generator.output import OutputError, _host_tag, atomic_write_bytes, remove_stale_temporaries


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
    atomic_write_bytes(target, b"baru")
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
    assert "tidak dapat ditulis" in res.stderr and "disk penuh. Hasilnya tidak lengkap." in res.stderr
    assert len(res.stderr.splitlines()) == 1


def test_stdout_to_a_closed_pipe_is_not_a_failure(tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "validate", str(ALOK)], cwd=str(ROOT),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `| head` that stopped reading
    _out, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and b"tidak dapat ditulis" not in err


