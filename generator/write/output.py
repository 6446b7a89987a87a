"""Safe output: every file lkjip writes is written to a temporary file beside its target, then renamed.

Rules (see SECURITY.md):
- the target is a regular file or a new path; a device, a FIFO, a socket or a folder is refused;
- a symbolic link is written through: its target file is replaced, the link stays; a link that
  points nowhere (or to something that is not a regular file) is refused;
- a new file gets the mode the umask gives (0644 under umask 022), a replaced file keeps its mode;
- with `overwrite=False` an existing file is never replaced (no check-then-write race: the
  temporary file is hard-linked to the target name, which fails if the name exists);
- a failure (disk full, read-only folder, file open in Word) leaves the previous file untouched and
  no temporary file behind; temporary files left by a killed run (`.<name>.<pid>@<host>.<x>.tmp`,
  the whole host name) are removed by the next successful write of the same target;
- a read-only file is refused, not replaced; a default report name refuses a link out of its folder;
- two processes writing the same file at once: the one whose file is (about to be) replaced says so.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from ..base.problems import LkjipError
from ..base.sistem import os_why

STALE_SECONDS = 3600  # a temporary file of another host (or of an unknown format) older than this is stale
WRITING_SECONDS = 60  # a temporary file of another host younger than this is being written right now


class OutputError(LkjipError):
    """The output file could not be written (message is Indonesian, for the user)."""


class TargetExists(OutputError):
    """`overwrite=False` and the target exists."""


# --- stopping (Ctrl+C, SIGTERM) -----------------------------------------------------------------------
_stop: list[int] = []  # the signal that asked this process to stop
written: list[Path] = []  # every file this process renamed into place, for an honest stop message


def written_files() -> list[Path]:
    """The files this process has renamed into place so far (for an honest stop message)."""
    return list(written)


def request_stop(signum: int) -> None:
    """Called by the signal handlers: from now on nothing is renamed into place, even if the exception
    the handler raises is lost on the way (raised inside a finalizer, caught by a library)."""
    if not _stop:
        _stop.append(signum)


def stop_requested() -> int | None:
    """The signal that asked this process to stop, or None."""
    return _stop[0] if _stop else None


def reset_stop() -> None:
    """A new command in the same process (tests, a server) starts with nothing stopped or written."""
    _stop.clear()
    written.clear()


def _not_stopping() -> None:
    if _stop:
        raise SystemExit(128 + _stop[0])


def _host_tag() -> str:
    """This computer's name in temporary file names: the whole name (PCs named `kecamatan-alok-01` and
    `-02` on one shared drive are two hosts); a very long one is shortened with a hash of the whole."""
    import hashlib
    import socket  # here: `validate`, which writes nothing, need not load it

    name = socket.gethostname()
    tag = re.sub(r"[^A-Za-z0-9-]", "", name) or "host"
    if tag != name or len(tag) > 40:  # characters left out, or too long: a hash keeps two such names apart
        tag = tag[:24] + "-" + hashlib.sha1(name.encode("utf-8", "replace")).hexdigest()[:10]
    return tag


def current_umask() -> int:
    """The process umask, read without changing it where the OS allows (Linux /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def resolve_target(path: Path, within: Path | None = None) -> Path:
    """The regular file (or new path) that writing to `path` replaces. Raises OutputError.

    A symbolic link resolves to its target, which must be a regular file; anything that is not a
    regular file (device such as /dev/null, FIFO, socket, folder) is refused. With `within` (the
    output folder of a default report name), a link that leads out of that folder is refused too:
    on a shared drive anyone can plant one. A read-only file is refused, not replaced.
    """
    path = Path(path)
    real = _resolve(path)
    if within is not None and real != path:
        folder = Path(os.path.realpath(within))
        if folder != Path(os.path.realpath(real)).parent and folder not in Path(os.path.realpath(real)).parents:
            raise OutputError(f"Berkas tujuan {path} adalah tautan simbolik ke {real}, di luar folder keluaran {within}; "
                              "ditolak (di drive bersama siapa pun dapat memasang tautan seperti itu). Hapus tautan itu, "
                              f"atau pakai --out {real} bila memang itu tujuannya.")
    try:
        st = os.stat(real)
    except OSError:
        return real
    if stat.S_ISREG(st.st_mode) and not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputError(f"Berkas {path} bersifat baca-saja dan tidak ditimpa. Bila memang boleh diganti, hapus sifat "
                          "baca-sajanya (Properties > Read-only, atau chmod u+w) lalu jalankan lagi, atau pakai --out "
                          "dengan nama lain.")
    return real


def _resolve(path: Path) -> Path:
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # a new path (a file in place of its folder: said below)
        return path
    except OSError as exc:
        raise OutputError(f"Berkas tujuan {path} tidak dapat diperiksa: {os_why(exc)}.") from exc
    if stat.S_ISLNK(st.st_mode):
        try:
            real = Path(os.path.realpath(path, strict=True))
            st = os.stat(real)
        except (OSError, RuntimeError) as exc:
            raise OutputError(f"Berkas tujuan {path} adalah tautan simbolik yang tidak menunjuk ke berkas yang ada; "
                              "lkjip tidak menulis lewat tautan seperti itu. Pakai --out dengan nama berkas biasa.") from exc
        if not stat.S_ISREG(st.st_mode):
            raise OutputError(f"Berkas tujuan {path} adalah tautan simbolik ke {real}, yang bukan berkas biasa; ditolak. "
                              "Pakai --out dengan nama berkas biasa.")
        return real
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(f"Berkas tujuan {path} adalah folder. Pakai --out dengan nama berkas.")
    if not stat.S_ISREG(st.st_mode):
        kind = ("perangkat" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
                else "FIFO (pipa bernama)" if stat.S_ISFIFO(st.st_mode)
                else "soket" if stat.S_ISSOCK(st.st_mode) else "bukan berkas biasa")
        raise OutputError(f"Berkas tujuan {path} adalah {kind}, bukan berkas biasa; lkjip hanya menulis berkas biasa "
                          "atau berkas baru. Pakai --out dengan nama berkas lain.")
    return path


def pid_alive(pid: int) -> bool:
    """Whether a process of that id exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, belongs to someone else
        return True
    return True


_TMP_RE = re.compile(r"\.(?P<pid>\d+)@(?P<host>[A-Za-z0-9-]+)\.[^.]+\.tmp")


def _temp_prefix(target: Path) -> str:
    """`.<name>.`, the start of the temporary files of `target`; a long name is shortened (with a hash of
    the whole) so that a temporary name fits the 255 bytes of a file name wherever the target's own does."""
    import hashlib

    name = target.name
    if len(name.encode("utf-8", "surrogateescape")) > 120:
        short = name.encode("utf-8", "surrogateescape")[:80].decode("utf-8", "ignore")
        name = short + "~" + hashlib.sha1(target.name.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f".{name}."


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove the temporary files of `target` left by killed runs; returns those removed.

    One of this host whose process is gone is stale at once; one of another host (a shared drive)
    or of an unknown format when older than STALE_SECONDS (it may still be being written).
    """
    folder = target.parent if str(target.parent) else Path(".")
    prefix = _temp_prefix(target)
    removed = []
    host, me, now = _host_tag(), os.getpid(), time.time()
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        p = folder / name
        m = _TMP_RE.fullmatch(name[len(prefix) - 1:])
        try:
            st = os.lstat(p)
            if not stat.S_ISREG(st.st_mode):
                continue
            if m and m.group("host") == host:
                pid = int(m.group("pid"))
                stale = pid != me and not pid_alive(pid)
            else:
                stale = now - st.st_mtime > STALE_SECONDS
            if stale:
                os.unlink(p)
                removed.append(p)
        except OSError:
            continue
    return removed


class Replaced(OutputError):
    """The file was written, but another process was writing the same file at the same time."""


def other_writers(target: Path) -> list[str]:
    """The temporary files of `target` that other processes are writing right now (this host: the
    process lives; another host on a shared drive: changed in the last WRITING_SECONDS)."""
    folder = target.parent if str(target.parent) else Path(".")
    prefix = _temp_prefix(target)
    host, me, now = _host_tag(), os.getpid(), time.time()
    found = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return found
    for name in names:
        m = _TMP_RE.fullmatch(name[len(prefix) - 1:])
        if not m:
            continue
        pid = int(m.group("pid"))
        try:
            if m.group("host") == host:
                if pid != me and pid_alive(pid):
                    found.append(f"proses {pid}")
            elif now - os.lstat(folder / name).st_mtime <= WRITING_SECONDS:
                found.append(f"proses {pid} di komputer {m.group('host')}")
        except OSError:
            continue
    return sorted(found)


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True, within: Path | None = None) -> Path:
    """Write `data` to a temporary file beside `path`, then rename it into place; returns the file written.

    A failure at any point leaves the previous file untouched and no temporary file behind. `within`:
    see `resolve_target`. Raises `Replaced` when, after the rename, the file on disk is not the one
    written or another process is writing the same file (two builds of one report at once).
    """
    path = Path(path)
    target = resolve_target(path, within)
    if not overwrite and os.path.lexists(path):
        raise TargetExists(f"Berkas {path} sudah ada dan tidak ditimpa.")
    folder = target.parent if str(target.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"Folder keluaran {folder} tidak dapat dibuat: sudah ada berkas bernama sama. Pakai --out dengan folder lain.")
    if not folder.exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"Folder keluaran {folder} tidak dapat dibuat: {os_why(exc)}.") from exc
    try:
        previous = os.stat(target)
        mode = stat.S_IMODE(previous.st_mode)
    except OSError:
        mode = 0o666 & ~current_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(target)}{os.getpid()}@{_host_tag()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        hint = ("" if exc.errno == errno.ENAMETOOLONG else
                " Periksa izin tulis folder itu." if exc.errno in (errno.EACCES, errno.EPERM) else "")
        raise OutputError(f"Tidak dapat menulis di folder {folder}: {os_why(exc)}.{hint}") from exc
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
                try:
                    os.fchmod(fh.fileno(), mode)
                except (OSError, AttributeError):  # a file system without modes (FAT, some shares)
                    pass
        except OSError as exc:
            raise OutputError(f"Berkas {path} tidak dapat ditulis: {os_why(exc)}. Berkas lama (jika ada) tetap utuh.") from exc
        _not_stopping()  # a stop that arrived while writing: the previous file stays
        if not overwrite:
            _link_new(tmp, target, path)
            written.append(target)
            return target
        try:
            ours = os.stat(tmp).st_ino
            os.replace(tmp, target)
            written.append(target)
        except PermissionError as exc:
            raise OutputError(
                f"Berkas {path} tidak dapat diganti (mungkin sedang dibuka di Word atau bersifat baca-saja). "
                "Tutup berkas itu lalu jalankan lagi, atau pakai --out dengan nama lain."
            ) from exc
        except OSError as exc:
            raise OutputError(f"Berkas {path} tidak dapat ditulis: {os_why(exc)}.") from exc
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    remove_stale_temporaries(target)
    _still_ours(target, path, ours)
    return target


def _still_ours(target: Path, shown: Path, ours: int) -> None:
    """Raise `Replaced` if the file just renamed into place is not ours any more, or is about to be replaced."""
    try:
        now = os.stat(target).st_ino
    except OSError:
        now = None
    others = other_writers(target)
    if now == ours and not others:
        return
    who = ", ".join(others[:3]) or "proses lain"
    state = ("sudah diganti oleh" if now != ours else "akan segera diganti oleh")
    raise Replaced(f"Berkas {shown} ditulis, tetapi {state} {who} yang menulis berkas yang sama pada saat bersamaan; "
                   "isinya mungkin bukan laporan dari workbook ini. Jalankan lagi setelah proses lain selesai, atau pakai "
                   "--out dengan nama lain.")


def _link_new(tmp: str, target: Path, shown: Path) -> None:
    """Give `tmp` the name `target` only if that name is free, then drop `tmp`."""
    try:
        os.link(tmp, target)
    except FileExistsError as exc:
        raise TargetExists(f"Berkas {shown} sudah ada dan tidak ditimpa.") from exc
    except OSError:  # no hard links here (some shares): checked just before, replace
        if os.path.lexists(target):
            raise TargetExists(f"Berkas {shown} sudah ada dan tidak ditimpa.") from None
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise OutputError(f"Berkas {shown} tidak dapat ditulis: {os_why(exc)}.") from exc
        return
    os.unlink(tmp)
    remove_stale_temporaries(target)
