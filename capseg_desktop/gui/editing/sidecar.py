"""Keeping the corrections: the sidecar ``NAME.capseg.json`` is written after every edit in a
background thread (the window never waits on the disk), one write at a time and only the
latest state of each image (a burst of edits writes once or twice, never an old state last).
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from ...core import Analysis

log = logging.getLogger("capseg_desktop.gui.sidecar")


class SidecarSaver(QObject):
    """Saves (or deletes) an image's corrections off the GUI thread."""

    saved = Signal(object, object)  # image path, where the sidecar went (Path)
    deleted = Signal(object)  # image path
    failed = Signal(object, str)  # image path, one plain sentence

    def __init__(self, fallback_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fallback_dir = fallback_dir
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="capseg-sidecar")
        self._lock = threading.Lock()
        self._latest: dict[Path, int] = {}
        self._hashes: dict[tuple[Path, int, int], str] = {}
        self._last: Future | None = None
        self.writes = 0  # sidecars written (tests)

    def _ticket(self, path: Path) -> int:
        with self._lock:
            self._latest[path] = self._latest.get(path, 0) + 1
            return self._latest[path]

    def _current(self, path: Path, ticket: int) -> bool:
        with self._lock:
            return self._latest.get(path) == ticket

    def save(self, path: Path, analysis: Analysis) -> None:
        """Write ``analysis``'s corrections beside ``path`` (or in the fallback folder)."""
        ticket = self._ticket(path)
        self._last = self._executor.submit(self._save, path, analysis, ticket)

    def delete(self, path: Path) -> None:
        """No corrections left (all undone or discarded): no sidecar either."""
        ticket = self._ticket(path)
        self._last = self._executor.submit(self._delete, path, ticket)

    def wait(self, timeout: float = 10.0) -> None:
        """Until every queued write is done (before a sidecar is read again, and on closing)."""
        if self._last is not None:
            try:
                self._executor.submit(lambda: None).result(timeout)
            except Exception:  # pragma: no cover - a stuck disk must not hang the window forever
                log.warning("Waiting for the corrections to be saved timed out")

    def close(self) -> None:
        self.wait()
        self._executor.shutdown(wait=True)

    def sha256(self, path: Path) -> str:
        """The image file's SHA-256 (kept while the file is unchanged)."""
        from ...core.corrections import image_sha256

        stat = path.stat()
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key not in self._hashes:
            self._hashes[key] = image_sha256(path)
        return self._hashes[key]

    def _save(self, path: Path, analysis: Analysis, ticket: int) -> None:
        from ...core.corrections import save_corrections

        if not self._current(path, ticket):
            return  # a newer state of this image is queued behind: write that one only
        try:
            where = save_corrections(path, analysis.corrections(self.sha256(path)), fallback_dir=self.fallback_dir)
        except Exception as error:  # never lose the window over a sidecar; say so
            log.warning("Saving the corrections of %s failed: %r", path, error, exc_info=True)
            self.failed.emit(path, str(error) or type(error).__name__)
            return
        self.writes += 1
        log.info("Corrections of %s saved to %s", path.name, where)
        self.saved.emit(path, Path(where))

    def _delete(self, path: Path, ticket: int) -> None:
        from ...core.corrections import delete_corrections

        if not self._current(path, ticket):
            return
        try:
            delete_corrections(path, fallback_dir=self.fallback_dir)
        except Exception as error:
            log.warning("Deleting the corrections of %s failed: %r", path, error, exc_info=True)
            self.failed.emit(path, str(error) or type(error).__name__)
            return
        self.deleted.emit(path)


class SavedLogs:
    """The corrections saved in images' sidecars, for the batch's counts: each sidecar is read
    once per version of the file (its modification time), not at every recount."""

    def __init__(self, fallback_dir: Path | None) -> None:
        self.fallback_dir = fallback_dir
        self._known: dict[Path, tuple[tuple, list]] = {}

    def applied(self, analysis: Analysis) -> Analysis:
        """``analysis`` with the corrections of its image's sidecar replayed (as it is, without one)."""
        from ...core.corrections import CorrectionsError, fallback_sidecar_path, load_corrections, sidecar_path

        path = analysis.image.path
        if path is None:
            return analysis
        candidates = [sidecar_path(path), fallback_sidecar_path(path, self.fallback_dir)]
        stamp = tuple(p.stat().st_mtime_ns if p.is_file() else 0 for p in candidates)
        known = self._known.get(path)
        if known is None or known[0] != stamp:
            edits = []
            if any(stamp):
                try:
                    found = load_corrections(path, self.fallback_dir, size=(analysis.image.width, analysis.image.height), check_hash=False)
                    edits = list(found[0].edits) if found else []
                except (CorrectionsError, OSError) as error:
                    log.info("Corrections of %s not used in the batch: %s", path.name, error)
            known = self._known[path] = (stamp, edits)
        return analysis.with_edits(known[1]) if known[1] else analysis
