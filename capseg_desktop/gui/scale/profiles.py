"""Microscope profiles in the window: the Model > Microscopes… dialog that adds, edits and
deletes them (name, µm per pixel, optional magnification) and learns a microscope's vessel
width from a folder of its images. The list itself is kept by ``core.calibration``
(``microscopes.json`` in the application-data folder)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..widgets.guarded import GuardedDoubleSpinBox
from ..widgets.tables import results_table, shown

if TYPE_CHECKING:
    from ...core.calibration import Profile

#: The widest range a spin box offers: from an electron-microscope-like 0.001 to 1 mm a pixel.
UM_PER_PX_RANGE = (0.001, 1000.0)


class ProfileDialog(QDialog):
    """One profile: its name, its µm per pixel and (optionally) the magnification."""

    def __init__(self, parent: QWidget | None = None, profile: Profile | None = None, taken: Sequence[str] = (),
                 um_per_px: float | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile_dialog")
        self.setWindowTitle(self.tr("Microscope profile"))
        self.taken = {name.casefold() for name in taken}
        self.name = QLineEdit(profile.name if profile else "")
        self.name.setObjectName("profile_name")
        self.name.setAccessibleName(self.tr("Profile name"))
        self.name.setPlaceholderText(self.tr("e.g. Videocap 200x"))
        self.um_per_px = GuardedDoubleSpinBox()
        self.um_per_px.setObjectName("profile_um_per_px")
        # 0 stands for "not typed yet": a new profile never starts with a scale nobody measured.
        self.um_per_px.setRange(0.0, UM_PER_PX_RANGE[1])
        self.um_per_px.setDecimals(4)
        self.um_per_px.setSingleStep(0.05)
        self.um_per_px.setSpecialValueText(self.tr("type the scale"))
        self.um_per_px.setSuffix(self.tr(" µm/px"))
        self.um_per_px.setAccessibleName(self.tr("Micrometres per pixel"))
        self.um_per_px.setValue(profile.um_per_px if profile else (um_per_px or 0.0))
        self.magnification = GuardedDoubleSpinBox()
        self.magnification.setObjectName("profile_magnification")
        self.magnification.setRange(0.0, 10000.0)
        self.magnification.setDecimals(0)
        self.magnification.setSingleStep(50)
        self.magnification.setSpecialValueText(self.tr("not stated"))
        self.magnification.setSuffix(" ×")
        self.magnification.setAccessibleName(self.tr("Magnification (optional)"))
        self.magnification.setValue(profile.magnification or 0.0 if profile else 0.0)
        self.problem = QLabel("")
        self.problem.setObjectName("profile_problem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Scale"), self.um_per_px)
        form.addRow(self.tr("&Magnification"), self.magnification)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def profile(self) -> Profile:
        from ...core.calibration import Profile

        magnification = self.magnification.value()
        return Profile(self.name.text().strip(), float(self.um_per_px.value()), float(magnification) if magnification > 0 else None)

    def accept(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.problem.setText(self.tr("Give the profile a name."))
            return
        if name.casefold() in self.taken:
            self.problem.setText(self.tr("There is already a profile named '%1'.").replace("%1", name))
            return
        if self.um_per_px.value() < UM_PER_PX_RANGE[0]:
            self.problem.setText(self.tr("Type this microscope's scale in micrometres per pixel (from its calibration, "
                                         "or measure it with Calibrate on a picture of a ruler)."))
            self.um_per_px.setFocus()
            return
        super().accept()


class ProfilesDialog(QDialog):
    """Model > Microscopes…: the list of profiles with Add, Edit and Delete. ``profiles`` is the
    edited list once accepted."""

    def __init__(self, profiles: Sequence[Profile], parent: QWidget | None = None, current_um_per_px: float | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profiles_dialog")
        self.setWindowTitle(self.tr("Microscopes"))
        self.profiles = list(profiles)
        self.current_um_per_px = current_um_per_px
        self.renamed: dict[str, str] = {}  # old name -> new name, so the chosen profile stays chosen
        self.table = results_table("profiles_table", [self.tr("Name"), self.tr("µm per pixel"), self.tr("Magnification"),
                                                      self.tr("Vessels")], stretch_columns=(0,))
        self.table.setAccessibleName(self.tr("Microscope profiles"))
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.add_button.setObjectName("profile_add")
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("profile_edit")
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setObjectName("profile_delete")
        self.learn_button = QPushButton(self.tr("&Learn vessel width…"))
        self.learn_button.setObjectName("profile_learn")
        self.learn_button.setToolTip(self.tr("Measure the vessels' width on a folder of this microscope's images: from then "
                                             "on all its images are brought to the model's scale with one factor."))
        for button in (self.add_button, self.edit_button, self.delete_button, self.learn_button):
            # Enter is OK, even with the focus left on Add after adding (it opened another Add).
            button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.learn_button.clicked.connect(lambda: self.learn())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        note = QLabel(self.tr("A profile is the scale of one microscope at one magnification. Choose it in the toolbar "
                              "(Microscope); Edit > Calibrate measures one from a line of known length."))
        note.setWordWrap(True)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.learn_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(640, 320)
        self._fill()

    def _fill(self, select: int = -1) -> None:
        self.table.setRowCount(len(self.profiles))
        for row, profile in enumerate(self.profiles):
            learnt = self.tr("limbs %1 px").replace("%1", shown(profile.limb_width_px)) if profile.limb_width_px else ""
            values = (profile.name, shown(profile.um_per_px),
                      shown(profile.magnification) + " ×" if profile.magnification else "", learnt)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        if 0 <= select < len(self.profiles):
            self.table.selectRow(select)
        self._update_buttons()

    def _row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_buttons(self) -> None:
        chosen = self._row() >= 0
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.learn_button.setEnabled(chosen)

    def add(self) -> None:
        dialog = ProfileDialog(self, None, [p.name for p in self.profiles], self.current_um_per_px)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.profiles.append(dialog.profile())
            self._fill(len(self.profiles) - 1)

    def edit(self) -> None:
        row = self._row()
        if row < 0:
            return
        others = [p.name for i, p in enumerate(self.profiles) if i != row]
        dialog = ProfileDialog(self, self.profiles[row], others)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            # What the dialog does not show (the learnt limb width, the microscope's own model) stays.
            typed = dialog.profile()
            old = self.profiles[row].name
            new = replace(self.profiles[row], name=typed.name, um_per_px=typed.um_per_px, magnification=typed.magnification)
            first = next((k for k, v in self.renamed.items() if v == old), old)
            self.renamed[first] = new.name
            self.profiles[row] = new
            self._fill(row)

    def delete(self) -> None:
        row = self._row()
        if row < 0:
            return
        name = self.profiles[row].name
        text = self.tr("Delete the microscope profile '%1'? Results already exported keep their scale.").replace("%1", name)
        answer = QMessageBox.question(
            self, self.tr("Delete profile?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            del self.profiles[row]
            self._fill(min(row, len(self.profiles) - 1))

    def learn(self, folder: str | None = None) -> None:
        """The chosen profile's typical limb width, from up to 24 images of a folder (the
        median of their estimates, as for a folder analysed without a profile); kept with the
        profile when the dialog is accepted."""
        from ...core.imageio import list_images
        from ...core.errors import AnalysisCancelled
        from ...core.pipeline import SHARED_SCALE_SAMPLE, images_limb_width

        row = self._row()
        if row < 0:
            return
        profile = self.profiles[row]
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Images of the microscope '%1'").replace("%1", profile.name), str(Path.home()))
        if not folder:
            return
        try:
            paths = list_images(Path(folder))
        except OSError:
            paths = []
        progress = QProgressDialog(self.tr("Measuring the vessels…"), self.tr("Cancel"), 0, min(len(paths), SHARED_SCALE_SAMPLE), self)
        progress.setWindowTitle(self.tr("Learn vessel width"))
        progress.setMinimumDuration(300)
        step = {"done": 0}

        def cancelled() -> bool:  # called before each image: the dialog stays responsive
            progress.setValue(step["done"])
            step["done"] += 1
            QApplication.processEvents()
            return progress.wasCanceled()

        try:
            width = images_limb_width(paths, should_cancel=cancelled)
        except AnalysisCancelled:
            return
        finally:
            progress.close()
        if width is None:
            QMessageBox.information(self, self.tr("Learn vessel width"), self.tr(
                "The vessels' width could not be measured on at least two images of this folder; the profile is unchanged."))
            return
        self.profiles[row] = profile.with_learnt_scale(width)
        self._fill(row)
