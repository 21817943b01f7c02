"""Model > Export microscope… and Import microscope…: a microscope profile and its own model as
one file (``NAME.capseg-microscope``, ``core/microscope_file.py``), so that a second workstation
in the clinic counts with the same scale and the same model. Nothing is overwritten without
asking; a damaged or altered file is refused with the core's sentence."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

if TYPE_CHECKING:
    from .controller import ScaleController


class MicroscopeTransfer(QObject):
    """Export and import of microscope files for the scale controller ``scale``."""

    def __init__(self, scale: ScaleController) -> None:
        super().__init__(scale)
        self.scale = scale

    def _filter(self) -> str:
        return self.tr("Microscope files (*.capseg-microscope)")

    def export(self) -> Path | None:
        from ...core.errors import CapSegError
        from ...core.microscope_file import export_microscope, suggested_file_name

        window, profiles = self.scale.window, self.scale.profiles
        if not profiles:
            window.show_error(self.tr("No microscope to export"), self.tr("Add a microscope profile first (Model > Microscopes…)."))
            return None
        names = [p.name for p in profiles]
        current = names.index(self.scale.profile.name) if self.scale.profile is not None else 0
        name, ok = QInputDialog.getItem(window, self.tr("Export microscope"), self.tr("Microscope:"), names, current, False)
        if not ok:
            return None
        folder = window.settings.folder("export") or str(Path.home())
        target, _ = QFileDialog.getSaveFileName(window, self.tr("Export microscope"), str(Path(folder) / suggested_file_name(name)),
                                                self._filter())
        if not target:
            return None
        try:  # the file dialog asked before replacing an existing file
            written = export_microscope(name, target, overwrite=True)
        except CapSegError as exc:
            window.show_error(self.tr("Microscope not exported"), str(exc))
            return None
        window.set_status(self.tr("Microscope %1 exported to %2.").replace("%1", name).replace("%2", str(written)))
        return written

    def import_file(self, path: str | Path | None = None) -> None:
        from ...core.errors import CapSegError
        from ...core.microscope_file import ProfileExistsError, import_microscope

        window = self.scale.window
        if path is None:
            folder = window.settings.folder("open") or str(Path.home())
            path, _ = QFileDialog.getOpenFileName(window, self.tr("Import microscope"), folder, self._filter())
            if not path:
                return
        try:
            try:
                profile = import_microscope(path)
            except ProfileExistsError as exists:
                answer = QMessageBox.question(
                    window, self.tr("Replace the microscope?"),
                    self.tr("There is already a microscope named '%1'. Replace it, and its own model, with the imported one?")
                    .replace("%1", exists.existing.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    return
                profile = import_microscope(path, replace_existing=True)
        except CapSegError as exc:
            window.show_error(self.tr("Microscope not imported"), str(exc))
            return
        self.scale.reload(select=profile.name)
