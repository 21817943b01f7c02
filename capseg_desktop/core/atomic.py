"""Files are written whole or not at all: to a temporary name in the target folder, then
renamed over the target. Nothing is overwritten unless the caller says so.

* New files get the permissions the user's umask gives any new file (0644 under the usual
  umask 022), not the 0600 of a temporary file, so a colleague or a shared folder can read them.
* The outputs of one image are committed together (:func:`write_files_atomic`): all are written
  to temporary files first and only then given their names; if one cannot be placed, those
  already placed are removed.
* A run killed while writing leaves a hidden ``.NAME.capseg-PID.XXXXXXXX.partial`` file;
  :func:`remove_stale_partials` removes such files of ours at the next run in that folder.
* Output names that the file system could not hold are shortened with a stable hash
  (:func:`fit_file_name`).
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import tempfile
import time
from pathlib import Path
from typing import Mapping

from .errors import ExportError
from .i18n import translate

log = logging.getLogger(__name__)

#: Bytes a file name may have on the common file systems (ext4, NTFS in UTF-16 units, APFS).
NAME_MAX_BYTES = 255
#: A temporary file of a process that is gone and older than this is stale.
STALE_PARTIAL_AGE_S = 60.0
#: Any temporary file of ours older than this is stale, whichever machine wrote it.
ABANDONED_PARTIAL_AGE_S = 24 * 3600.0

_PARTIAL_RE = re.compile(r"^\..*\.capseg-(\d+)\.[A-Za-z0-9_]+\.partial$")


def export_error_for(exc: OSError, path: Path) -> ExportError:
    """One sentence for the usual ways a write fails."""
    folder = path.parent
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = translate("Export", 'CapSeg is not allowed to write to the folder "{folder}"; choose another folder.')
    elif exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        message = translate("Export", 'The disk holding "{folder}" is full; free some space or choose another folder.')
    elif exc.errno == errno.ENOENT:
        message = translate("Export", 'The folder "{folder}" does not exist.')
    elif exc.errno == errno.ENAMETOOLONG:
        message = translate("Export", 'The file name "{name}" is too long for this disk.')
    else:
        message = translate("Export", '"{name}" could not be written to "{folder}".')
    return ExportError(message.format(folder=folder, name=path.name), detail=repr(exc))


def _exists_error(path: Path) -> ExportError:
    return ExportError(
        translate("Export", '"{name}" already exists in "{folder}"; it was not overwritten.').format(name=path.name, folder=path.parent)
    )


# Names -------------------------------------------------------------------------------------
def fit_file_name(stem: str, suffix: str, limit_bytes: int = NAME_MAX_BYTES) -> str:
    """``stem + suffix`` if it fits in ``limit_bytes`` (UTF-8), else the stem cut short and
    followed by ``~`` and 8 hex digits of its hash: the same long name always gives the same
    short one, and two long names that differ only at the end stay distinct."""
    name = stem + suffix
    if len(name.encode("utf-8")) <= limit_bytes:
        return name
    tag = "~" + hashlib.sha256(stem.encode("utf-8")).hexdigest()[:8]
    budget = limit_bytes - len((tag + suffix).encode("utf-8"))
    cut = stem
    while len(cut.encode("utf-8")) > budget:
        cut = cut[:-1]
    return cut + tag + suffix


def fit_stem(stem: str, longest_suffix: str, limit_bytes: int = NAME_MAX_BYTES) -> str:
    """A stem short enough that ``stem + longest_suffix`` (and so every shorter suffix) fits."""
    fitted = fit_file_name(stem, longest_suffix, limit_bytes)
    return fitted[: len(fitted) - len(longest_suffix)]


# Permissions -------------------------------------------------------------------------------
def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read by setting it and putting it straight back
    os.umask(mask)
    return mask


def _new_file_mode() -> int:
    return 0o666 & ~current_umask()


# Temporary files ---------------------------------------------------------------------------
def _temp_file(path: Path) -> Path:
    """A hidden temporary file beside ``path`` with the permissions of a new file."""
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{path.stem[:40]}.capseg-{os.getpid()}.", suffix=".partial", dir=path.parent
    )
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, _new_file_mode())
    except OSError:  # some network shares refuse chmod; their own defaults then apply
        pass
    os.close(handle)
    return Path(temp_name)


def _write_temp(path: Path, data: bytes) -> Path:
    temp = _temp_file(path)
    try:
        with open(temp, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        _unlink_quietly(temp)
        raise
    return temp


def _unlink_quietly(path: Path | None) -> None:
    if path is None:
        return
    try:
        os.unlink(path)
    except OSError:
        pass


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        raise export_error_for(exc, path) from exc


def _place_without_overwriting(temp: Path, path: Path) -> None:
    """Give the finished temporary file its name only if that name is still free: a hard link
    fails with FileExistsError rather than replace a file created since the check. Where the
    file system has no hard links (FAT, some network shares), fall back to check-and-rename."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(temp, path)


def _place(temp: Path, path: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, path)
    else:
        _place_without_overwriting(temp, path)
        _unlink_quietly(temp)  # the hard link's twin (gone already after the fallback rename)


def write_bytes_atomic(path: str | Path, data: bytes, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    Raises ``ExportError`` if ``path`` exists and ``overwrite`` is false, or if the folder
    cannot be written; in either case no file is left behind."""
    path = Path(path)
    write_files_atomic({path: data}, overwrite=overwrite)
    return path


def write_text_atomic(path: str | Path, text: str, overwrite: bool = False) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)


def write_files_atomic(files: Mapping[Path, bytes], overwrite: bool = False) -> list[Path]:
    """Write several files as one: every file is written to a temporary file first, then all
    are given their names in order. If any step fails, the files this call placed are removed
    again and ``ExportError`` is raised, so either all the files exist or none of them is new.
    Put the file whose presence means "complete" (an image's JSON) last."""
    targets = [Path(p) for p in files]
    for folder in {path.parent for path in targets}:
        _remove_stale_partials_once(folder)
    if not overwrite:
        for path in targets:
            if _exists(path):
                raise _exists_error(path)
    temps: dict[Path, Path] = {}
    placed: list[Path] = []
    current = targets[0] if targets else Path()
    try:
        for path in targets:
            current = path
            temps[path] = _write_temp(path, files[path])
        for path in targets:
            current = path
            _place(temps[path], path, overwrite)
            del temps[path]
            placed.append(path)
    except FileExistsError as exc:  # appeared while we were writing
        _undo(placed)
        raise _exists_error(current) from exc
    except OSError as exc:
        _undo(placed)
        raise export_error_for(exc, current) from exc
    except BaseException:
        _undo(placed)
        raise
    finally:
        for temp in temps.values():
            _unlink_quietly(temp)
    return placed


def _undo(placed: list[Path]) -> None:
    for path in placed:
        _unlink_quietly(path)


# Leftovers ---------------------------------------------------------------------------------
_cleaned_folders: set[str] = set()


def _remove_stale_partials_once(folder: Path) -> None:
    """The first write of this process into ``folder`` removes the leftovers of killed runs
    there (the window's exports as well as the command line)."""
    key = os.path.abspath(folder)
    if key not in _cleaned_folders:
        _cleaned_folders.add(key)
        remove_stale_partials(folder)


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but belongs to someone else, or we cannot tell
    return True


def remove_stale_partials(folder: str | Path, now: float | None = None) -> list[Path]:
    """Remove the hidden temporary files that a killed run of CapSeg left in ``folder``: those
    of a process that no longer runs (older than a minute, in case the process id was reused
    on another machine sharing the folder) and any of ours older than a day. Returns what was
    removed; never raises."""
    folder = Path(folder)
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PARTIAL_RE.match(entry.name)
        if not match:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age_s = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        stale = age_s > ABANDONED_PARTIAL_AGE_S or (
            age_s > STALE_PARTIAL_AGE_S and not _process_alive(int(match.group(1)))
        )
        if stale:
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError as exc:
                log.info("Could not remove the stale temporary file %s: %r", entry.path, exc)
    if removed:
        log.info("Removed %d stale temporary file(s) in %s", len(removed), folder)
    return removed
