"""The scale in the window and where it comes from: the microscope profile chosen in the
toolbar (remembered), a number typed in the count panel's Scale box (for this image when a
profile is chosen, else for the images that follow too), and the calibration tool (Edit >
Calibrate: drag a line over a known length, type the length in µm, save the result as a
profile or use it for this image only).

The Scale box stays the one number every count uses; ``ScaleController`` knows its source
and records it in the result on screen (``result.calibration``), so the count panel, the
status bar and every export say the same."""

from __future__ import annotations

import logging
import math
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QToolBar,
)

from .calibration_line import CalibrationDialog, CalibrationTool
from .ruler import RulerTool
from .transfer import MicroscopeTransfer
from ..widgets.guarded import GuardedComboBox
from ..widgets.tables import locale_number, shown

if TYPE_CHECKING:
    from ...core import Analysis
    from ...core.calibration import Calibration, Profile
    from ..hosts import ScaleHost

log = logging.getLogger("capseg_desktop.gui.calibration")



class ScaleController(QObject):
    """The microscope combo in the toolbar, Model > Microscopes…, the calibration line, the
    per-image override, and the source of the scale in the result, the panel and the status bar."""

    changed = Signal()

    def __init__(self, window: ScaleHost) -> None:
        super().__init__(window)
        from ...core.calibration import CalibrationError, load_profiles

        self.window = window
        window.editing.add_tool(CalibrationTool)  # Edit > Calibrate is one of the edit tools (set_tool("calibrate"))
        window.editing.add_tool(RulerTool)  # Edit > Measure with a ruler (ruler.py)
        self.profiles: list[Profile] = []
        self.load_problem = ""
        try:
            self.profiles = load_profiles()
        except CalibrationError as exc:
            self.load_problem = str(exc)
            log.warning("Microscope profiles not read: %s", getattr(exc, "detail", exc))
        self.profile: Profile | None = None
        #: (image path, source) of a scale set for the image on screen only.
        self.override: tuple[Path | None, str] | None = None
        self.before_override: float | None = None  # with no profile, the scale a per-image one replaced
        self.dialog: CalibrationDialog | None = None
        self.transfer = MicroscopeTransfer(self)  # Model > Export / Import microscope…
        self.combo = GuardedComboBox()  # the wheel over the toolbar never drops the scale
        self.combo.setObjectName("profile_combo")
        self.combo.setAccessibleName(self.tr("Microscope profile"))
        self.combo.setToolTip(self.tr("The microscope's scale for every image (Model > Microscopes… adds and edits them)"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.status_label = QLabel("")
        self.status_label.setObjectName("scale_source_label")
        self.status_label.setAccessibleName(self.tr("Scale and where it comes from"))
        window.statusBar().insertPermanentWidget(1, self.status_label)
        window.count_panel.scale_typed.connect(self._typed)
        self._filling = False
        from ..views.measure_layers import MeasureLayers

        self.layers = MeasureLayers(window.views.views)
        self.layers.setParent(self)
        self.layers.window_moved.connect(self.refresh)
        window.count_panel.result_shown.connect(self._result_shown)
        self.actions: dict[str, QAction] = {}

    # Building ----------------------------------------------------------------------------
    def install(self, actions: dict[str, QAction], toolbar: QToolBar) -> None:
        """A toolbar row of its own (the main one is full on a laptop): the microscope combo,
        Microscopes…, Calibrate, the distal row and the density window; Calibrate also on the
        edit palette."""
        self.actions = actions
        if "show_distal_row" in actions:
            actions["show_distal_row"].setChecked(True)
        window = self.window
        self.toolbar = QToolBar(self.tr("Scale and measurements"), window)
        self.toolbar.setObjectName("scale_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        label = QLabel(self.tr("Microscope: "))
        label.setBuddy(self.combo)
        self.toolbar.addWidget(label)
        self.toolbar.addWidget(self.combo)
        short = {"microscopes": self.tr("Microscopes…"), "tool_calibrate": self.tr("Calibrate"), "tool_ruler": self.tr("Ruler"),
                 "show_distal_row": self.tr("Distal row"), "show_density_window": self.tr("1 mm window")}
        for key, text in short.items():
            if key in actions:
                actions[key].setIconText(text)
                self.toolbar.addAction(actions[key])
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        calibrate = actions.get("tool_calibrate")
        if calibrate is not None:
            calibrate.setIconText(self.tr("Calibrate"))
            palette = getattr(self.window.editing, "toolbar", None)
            if palette is not None:
                palette.insertAction(actions["merge_selected"], calibrate)
                palette.insertSeparator(actions["merge_selected"])

    def restore(self) -> None:
        """The remembered profile (its scale replaces the remembered number)."""
        from ...core.calibration import find_profile

        name = self.window.settings.profile_name()
        self.profile = find_profile(self.profiles, name) if name else None
        self.fill()
        if self.profile is not None:
            self.window.count_panel.set_scale(self.profile.um_per_px)
        if self.load_problem:
            self.window.set_status(self.load_problem)
        self.show()

    def fill(self) -> None:
        self._filling = True
        try:
            self.combo.clear()
            self.combo.addItem(self.tr("No scale"), "")
            for profile in self.profiles:
                self.combo.addItem(self.tr("%1 (%2 µm/px)").replace("%1", profile.name).replace("%2", shown(profile.um_per_px)), profile.name)
            index = self.combo.findData(self.profile.name) if self.profile is not None else 0
            self.combo.setCurrentIndex(max(0, index))
        finally:
            self._filling = False

    # The scale and its source --------------------------------------------------------------
    def calibration(self) -> Calibration:
        from ...core.calibration import NO_CALIBRATION, SOURCE_PROFILE, Calibration

        scale = self.window.count_panel.scale_um_per_px()
        if scale is None:
            return NO_CALIBRATION
        if self.override is not None and self.override[0] == self.window.image_path:
            return Calibration(scale, self.override[1])
        if self.profile is not None and math.isclose(scale, self.profile.um_per_px, rel_tol=1e-6):
            return Calibration(scale, SOURCE_PROFILE, self.profile.name)
        return Calibration.entered(scale)

    def scale_for_others(self, scale: float | None) -> float | None:
        """The scale for the batch's other images: a scale set for the image on screen only
        (typed over a profile, or from a calibrated line) stays with it; they keep the profile's."""
        if self.override is not None and self.override[0] == self.window.image_path:
            return self._base_scale()
        return scale

    def describe(self, calibration: Calibration | None = None) -> str:
        """"1.2 µm/px from profile 'Videocap 200x'", "… set for this image", "… from a
        calibrated line", "No scale: measurements in pixels"."""
        from ...core.calibration import SOURCE_CALIBRATED, SOURCE_IMAGE, SOURCE_PROFILE

        calibration = calibration or self.calibration()
        scale = calibration.measuring_um_per_px
        if scale is None:
            return self.tr("No scale: measurements in pixels")
        number = shown(scale, "g", 4)
        if calibration.source == SOURCE_PROFILE:
            return self.tr("%1 µm/px from profile '%2'").replace("%1", number).replace("%2", calibration.profile or "")
        if calibration.source == SOURCE_IMAGE:
            return self.tr("%1 µm/px set for this image").replace("%1", number)
        if calibration.source == SOURCE_CALIBRATED:
            return self.tr("%1 µm/px from a calibrated line (this image)").replace("%1", number)
        return self.tr("%1 µm/px as typed in the Scale box").replace("%1", number)

    def show(self) -> None:
        calibration = self.calibration()
        text = self.describe(calibration)
        self.status_label.setText(self.short(calibration))
        self.status_label.setToolTip(text)
        self.window.count_panel.show_scale_source(text)
        self.window.image_session.set_scale(calibration.measuring_um_per_px, calibration)

    def short(self, calibration: Calibration) -> str:
        """The status bar's few words: "1.2 µm/px (profile Videocap 200x)", "No scale"."""
        from ...core.calibration import SOURCE_CALIBRATED, SOURCE_IMAGE, SOURCE_PROFILE

        scale = calibration.measuring_um_per_px
        if scale is None:
            return self.tr("No scale (px)")
        where = {SOURCE_PROFILE: self.tr("profile %1").replace("%1", calibration.profile or ""), SOURCE_IMAGE: self.tr("this image"),
                 SOURCE_CALIBRATED: self.tr("calibrated line")}.get(calibration.source, self.tr("typed"))
        return self.tr("%1 µm/px (%2)").replace("%1", shown(scale, "g", 4)).replace("%2", where)

    def applied(self, analysis: Analysis) -> Analysis:
        """The analysis on screen with the scale's source and the density window recorded
        (what the panel shows and the exports state)."""
        if self.override is not None and self.override[0] != self.window.image_path:
            self._override_ended()  # another image shown without opening it (a batch row)
        result = analysis.result
        calibration, window = self.calibration(), self.layers.window_range()
        if (result.calibration, result.density_window) == (calibration, window):
            return analysis
        return replace(analysis, result=replace(result, calibration=calibration, density_window=window))

    def _override_ended(self) -> None:
        """A scale set for one image does not follow to the next: the one in force before
        (the profile's, or with no profile the scale before) comes back."""
        self.override = None
        base, scale = self._base_scale(), self.window.count_panel.scale_um_per_px()
        if (base is None) != (scale is None) or (base is not None and scale is not None and not math.isclose(scale, base, rel_tol=1e-6)):
            self.window.count_panel.set_scale(base)
            QTimer.singleShot(0, self.window.recount)

    def _base_scale(self) -> float | None:
        """The scale outside a per-image override: the profile's, else the one before it."""
        return self.profile.um_per_px if self.profile is not None else self.before_override

    def _start_override(self, source: str) -> None:
        """A scale for the image on screen only (typed over a profile, or a calibrated line)."""
        if self.override is None or self.override[0] != self.window.image_path:
            self.before_override = self.window.count_panel.scale_um_per_px() if self.profile is None else None
        self.override = (self.window.image_path, source)

    def _result_shown(self, result: Any) -> None:
        self.layers.show_result(result)
        self.show()
        # The result was made before the layers knew its scale: a scale that just arrived sizes
        # the 1 mm window only now, and the density must be counted in the band that is drawn.
        if result is not None and self.window.analysis is not None and result is self.window.analysis.result \
                and self.layers.window_range() != result.density_window:
            self.refresh()
        if result is not None and self.layers.window_on and self.layers.window_range() is None \
                and getattr(result, "measuring_um_per_px", None):
            self._explain_no_window()  # turned on for a wider image, or before this one's scale

    def refresh(self) -> None:
        """The density window moved (or was turned on or off): the density follows at once."""
        window = self.window
        if window.analysis is None:
            return
        window.image_session.record(self.applied(window.analysis))
        window.count_panel.show_density(window.analysis.result)

    def toggle_window(self) -> None:
        """View > 1 mm density window."""
        action = self.actions.get("show_density_window")
        on = bool(action.isChecked()) if action is not None else not self.layers.window_on
        self.layers.set_window_visible(on)
        if on and self.layers.window_range() is None:
            self._explain_no_window()
        elif on:
            self.window.set_status(self.tr("Density in the 1 mm window: drag its tab along the strip."))

    def _explain_no_window(self) -> None:
        """The window is on but cannot be drawn: why, in a status line short enough to be read
        whole (one sentence for every case was cut off at 1280 px). Without a scale it stays
        on and appears with the scale; on an image that cannot hold it, it goes off again
        (its button stayed pressed over a 0.64 mm-wide image)."""
        result = self.window.analysis.result if self.window.analysis is not None else None
        um_per_px = getattr(result, "measuring_um_per_px", None)
        if result is None or not um_per_px:
            self.window.set_status(self.tr("The 1 mm window waits for a scale: choose a microscope or calibrate."))
            return
        if self.layers.along_x:
            text = self.tr("No 1 mm window: this image is only %1 mm wide.").replace(
                "%1", locale_number(result.width * um_per_px / 1000.0, 2))
        else:
            text = self.tr("No 1 mm window: the distal row does not run across this image.")
        self.layers.set_window_visible(False)
        action = self.actions.get("show_density_window")
        if action is not None:
            action.setChecked(False)
        self.window.set_status(text)

    def toggle_distal_row(self) -> None:
        action = self.actions.get("show_distal_row")
        self.layers.set_distal_visible(bool(action.isChecked()) if action is not None else not self.layers.show_distal)

    # Changes -------------------------------------------------------------------------------
    def opening(self, path: Path) -> Path:
        """Another image: a scale set for the previous one ends; the profile's (or the one
        before it) comes back."""
        if path != self.window.image_path:
            overridden, self.override = self.override is not None, None
            if self.profile is not None or overridden:
                self.window.count_panel.set_scale(self._base_scale())
        return path

    def _typed(self, _value: float) -> None:
        """A number typed in the Scale box: with a profile chosen, for this image only."""
        from ...core.calibration import SOURCE_IMAGE

        if self.profile is not None:
            self._start_override(SOURCE_IMAGE)
        else:
            self.override = None

    def _combo_changed(self, index: int) -> None:
        if self._filling:
            return
        from ...core.calibration import find_profile

        name = str(self.combo.itemData(index) or "")
        self.choose(find_profile(self.profiles, name) if name else None)

    def choose(self, profile: Profile | None) -> None:
        """Use ``profile`` (None: no scale) for this image and the next ones, and remember it."""
        self.profile = profile
        self.override = None
        self.window.settings.set_profile_name(profile.name if profile else "")
        index = self.combo.findData(profile.name) if profile else 0
        if self.combo.currentIndex() != index:
            self._filling = True
            self.combo.setCurrentIndex(max(0, index))
            self._filling = False
        self._set_scale(profile.um_per_px if profile else None)
        what = (self.tr("Microscope %1: %2 µm/px.").replace("%1", profile.name).replace("%2", shown(profile.um_per_px)) if profile
                else self.tr("No microscope profile: measurements in pixels."))
        self.window.set_status(what)
        self._use_profile_model(profile)

    def _use_profile_model(self, profile: Profile | None) -> None:
        """A microscope with its own model (``capseg adapt --keep``, an imported profile) counts
        with it; choosing another microscope after it goes back to the bundled model."""
        from ...core.microscope_models import ProfileModelError, microscope_models_dir, profile_model_path
        from ...core.paths import default_model_path

        try:
            path = profile_model_path(profile) if profile is not None else None
        except ProfileModelError as exc:
            self.window.show_error(self.tr("The microscope's own model was not loaded"), str(exc))
            return
        session = self.window.models.session
        current = Path(session.path).resolve() if session is not None else None
        if path is not None and current != path.resolve():
            self.window.models.load_model(path)
            return
        own_models = microscope_models_dir().resolve()
        if path is None and current is not None and own_models in current.parents and default_model_path() is not None:
            self.window.models.load_model(default_model_path())

    def reload(self, select: str | None = None) -> None:
        """Read the profiles file again (the command line, an import or a kept model changed
        it) and choose the profile ``select``, which loads its own model."""
        from ...core.calibration import CalibrationError, find_profile, load_profiles

        try:
            self.profiles = load_profiles()
        except CalibrationError as exc:
            self.window.show_error(self.tr("Microscope profiles not read"), str(exc))
            return
        self.fill()
        chosen = find_profile(self.profiles, select) if select else None
        if chosen is not None:
            self.choose(chosen)

    def _set_scale(self, um_per_px: float | None) -> None:
        self.window.count_panel.set_scale(um_per_px)
        self.window.recount()  # the density and the measurements follow (no inference)
        self.show()
        self.changed.emit()

    def manage_profiles(self) -> None:
        """Model > Microscopes…"""
        from ...core.calibration import CalibrationError, find_profile, load_profiles, save_profiles
        from ...core.microscope_models import remove_model_folder
        from .profiles import ProfilesDialog

        try:  # what the command line saved meanwhile (capseg adapt --keep, capseg microscope import) is not lost
            self.profiles = load_profiles()
        except CalibrationError as exc:
            log.warning("Microscope profiles not read again: %s", getattr(exc, "detail", exc))
        before = list(self.profiles)
        dialog = ProfilesDialog(self.profiles, self.window, self.window.count_panel.scale_um_per_px())
        self.profiles_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            save_profiles(dialog.profiles)
        except (CalibrationError, OSError) as exc:
            self.window.show_error(self.tr("Profiles not saved"), str(exc))
            return
        self.profiles = list(dialog.profiles)
        models = {p.model.file for p in self.profiles if p.model is not None}
        for gone in before:  # a deleted profile's own model goes with it
            if gone.model is not None and gone.model.file not in models:
                remove_model_folder(gone.model)
        kept = find_profile(self.profiles, dialog.renamed.get(self.profile.name, self.profile.name)) if self.profile is not None else None
        self.fill()
        if kept != self.profile:
            self.choose(kept)

    # The calibration line ------------------------------------------------------------------
    def start_tool(self) -> None:
        self.window.editing.set_tool("calibrate")
        self.window.set_status(self.tr("Calibrate: drag a line over a known length (a calibration slide, a scale bar); Esc: back to Select."))

    def line_drawn(self, p0: tuple[float, float], p1: tuple[float, float]) -> None:
        length = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
        from ...core.calibration import MIN_LINE_PX

        if length < MIN_LINE_PX:
            self.window.views.set_preview(None)
            self.window.set_status(self.tr("The line is too short: draw it over the whole known length."))
            return
        self.dialog = CalibrationDialog(length, self.window, tuple(p.name for p in self.profiles))
        self.dialog.finished.connect(lambda _code: self._dialog_done())
        self.dialog.open()  # window-modal, not exec: the window goes on painting (and tests drive it)

    def _dialog_done(self) -> None:
        from ...core.calibration import SOURCE_CALIBRATED, CalibrationError, Profile, save_profiles

        dialog, self.dialog = self.dialog, None
        self.window.views.set_preview(None)
        self.window.editing.set_tool("select")
        if dialog is None or dialog.result() != QDialog.DialogCode.Accepted or dialog.um_per_px is None:
            self.window.set_status(self.tr("Calibration cancelled: the scale is unchanged."))
            return
        if dialog.choice == CalibrationDialog.SAVE_PROFILE:
            profile = Profile(dialog.name.text().strip(), round(dialog.um_per_px, 6))
            try:
                save_profiles([*self.profiles, profile])
            except (CalibrationError, OSError) as exc:
                self.window.show_error(self.tr("Profile not saved"), str(exc))
                return
            self.profiles.append(profile)
            self.fill()
            self.choose(profile)
            return
        self._start_override(SOURCE_CALIBRATED)
        self._set_scale(dialog.um_per_px)
        text = self.tr("Scale %1 µm/px from the calibrated line, for this image only.")
        self.window.set_status(text.replace("%1", shown(dialog.um_per_px, "g", 4)))
