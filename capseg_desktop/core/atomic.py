"""Files are written whole or not at all: to a temporary name in the target folder, then
renamed over the target. Nothing is overwritten unless the caller says so."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from .errors import ExportError


def export_error_for(exc: OSError, path: Path) -> ExportError:
    """One sentence for the usual ways a write fails."""
    folder = path.parent
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = f'CapSeg is not allowed to write to the folder "{folder}"; choose another folder.'
    elif exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        message = f'The disk holding "{folder}" is full; free some space or choose another folder.'
    elif exc.errno == errno.ENOENT:
        message = f'The folder "{folder}" does not exist.'
    elif exc.errno == errno.ENAMETOOLONG:
        message = f'The file name "{path.name}" is too long for this disk.'
    else:
        message = f'"{path.name}" could not be written to "{folder}".'
    return ExportError(message, detail=repr(exc))


def _exists_error(path: Path) -> ExportError:
    return ExportError(f'"{path.name}" already exists in "{path.parent}"; it was not overwritten.')


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


def write_bytes_atomic(path: str | Path, data: bytes, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` via a temporary file and a rename.

    Raises ``ExportError`` if ``path`` exists and ``overwrite`` is false, or if the folder
    cannot be written; in either case no file is left behind."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise _exists_error(path)
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.stem[:40]}.", suffix=".partial", dir=path.parent
        )
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temp_name, path)
            temp_name = None
        else:
            _place_without_overwriting(Path(temp_name), path)  # the link's twin goes below
    except FileExistsError as exc:  # appeared while we were writing
        raise _exists_error(path) from exc
    except OSError as exc:
        raise export_error_for(exc, path) from exc
    finally:
        if temp_name is not None:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
    return path


def write_text_atomic(path: str | Path, text: str, overwrite: bool = False) -> Path:
    return write_bytes_atomic(path, text.encode("utf-8"), overwrite=overwrite)
