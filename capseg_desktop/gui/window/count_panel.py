"""The count in large type, how hand edits changed it, the density, the capillary table (edited
rows marked) and the counting controls."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import capillary_table
from .scale_notes import MERGE_TIP, MIN_AREA_TIP, MODEL_SCALE_NOTE, image_scale_note, pixel_field_tips
from ..widgets.guarded import GuardedDoubleSpinBox, GuardedSpinBox
from ..widgets.tables import english_one, locale_number, shown

if TYPE_CHECKING:
    from ...core import AnalysisResult, CountingParams

NO_COUNT = "–"
#: Spin-box changes are gathered for this long so that holding an arrow key recounts once
#: per pause, not once per step.
RECOUNT_DELAY_MS = 60


#: (field of CountingParams, label, unit) of the parameters the panel edits.
EDITED = (("threshold", QT_TRANSLATE_NOOP("CountPanel", "&Threshold"), ""), ("min_area_px", QT_TRANSLATE_NOOP("CountPanel", "Minimum &area"), " px"),
          ("merge_distance_px", QT_TRANSLATE_NOOP("CountPanel", "&Merge distance"), " px"))
CHANGED_MARK = " ●"
#: Table rows of capillaries made or changed by hand carry this role set to True.


def _label(name: str, accessible: str, wrap: bool = True, centred: bool = True) -> QLabel:
    """One of the panel's small labels (empty until a result fills it)."""
    label = QLabel("")
    label.setObjectName(name)
    if centred:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    label.setAccessibleName(accessible)
    return label


class CountPanel(QWidget):
    params_changed = Signal()  # threshold, minimum area, merge distance or scale changed
    reset_requested = Signal()
    capillary_selected = Signal(int)  # id, 0 when nothing is selected
    capillaries_selected = Signal(list)  # every selected id (Ctrl/Shift+click selects several)
    scale_typed = Signal(float)  # the user changed the Scale box (not a scale set by the program)
    result_shown = Signal(object)  # the AnalysisResult now on screen, or None (gui/calibration.py follows it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("count_panel")
        self._updating = False
        self._exact_scale: float | None = None  # the scale set, before the box rounds it

        self._recommended: dict[str, Any] | None = None
        self._labels: dict[str, QLabel] = {}
        self._has_params = False
        self._split_area_px = 0
        self._build_labels()
        self._build_controls()
        self.settings_box = self._build_form()
        self._build_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        # What clinicians count first (EULAR: loops of the distal row per mm), then every
        # capillary seen (the original service's count, kept for parity).
        layout.addWidget(self.density_label)
        layout.addWidget(self.density_detail)
        layout.addWidget(self.density_flag)
        layout.addWidget(self.count_label)
        layout.addWidget(self.count_caption)
        layout.addWidget(self.haemorrhages_label)
        layout.addWidget(self.edits_label)
        layout.addWidget(self.scale_source)
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.settings_box)
        layout.addWidget(self.table, 1)
        for first, second in (
            (self.threshold, self.min_area),
            (self.min_area, self.merge_distance),
            (self.merge_distance, self.um_per_px),
            (self.um_per_px, self.reset_button),
            (self.reset_button, self.table),
        ):
            QWidget.setTabOrder(first, second)

    def _build_labels(self) -> None:
        """The count in large type, how hand edits changed it, the density and where it comes from."""
        self.count_label = QLabel(NO_COUNT)
        self.count_label.setObjectName("count_label")
        font = QFont(self.count_label.font())
        font.setPointSize(40)
        font.setBold(True)
        self.count_label.setFont(font)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label.setAccessibleName(self.tr("Capillary count"))
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count_caption = QLabel(self.tr("capillaries seen (all rows)", "", 0))
        self.count_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # "12 — model 13, 1 removed, 0 added": shown only when the count was edited by hand.
        self.edits_label = _label("edits_label", self.tr("How hand corrections changed the count"))
        self.edits_label.setVisible(False)
        self.haemorrhages_label = _label("haemorrhages_label", self.tr("Haemorrhages, never counted as capillaries"))
        self.haemorrhages_label.setStyleSheet("color: #8a2be2;")  # the views' purple, darker to read as text
        self._pencil = capillary_table.pencil_icon()
        # The density is the key clinical number: large, on one line; how it was measured
        # goes on a small line below it.
        self.density_label = QLabel(self.tr("No image analysed yet."))
        self.density_label.setObjectName("density_label")
        self.density_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.density_label.setWordWrap(False)
        self.density_label.setAccessibleName(self.tr("Capillary density"))
        self._density_font = QFont(self.density_label.font())
        self._density_font.setPointSizeF(self._density_font.pointSizeF() * 1.8)
        self._density_font.setBold(True)
        self._plain_font = QFont(self.density_label.font())
        self.density_detail = _label("density_detail", self.tr("How the density was measured"), wrap=False)
        # "distal row, 5 loops · reduced (< 7/mm)" and where the scale comes from (gui/scale/controller.py).
        # It wraps: one line, it set the panel's width, and a long one (French, a 1 mm window)
        # pushed the panel's right edge, spin boxes included, out of the window.
        self.density_flag = _label("density_flag", self.tr("Distal row and density flag"))
        self.scale_source = _label("scale_source", self.tr("Scale and where it comes from"))
        # What the analysis warns about (an implausible scale, a blurred image…), in the window
        # too, not only in the batch list and the exported legend.
        self.warnings_label = _label("warnings_label", self.tr("Warnings about this analysis"), centred=False)
        self.warnings_label.setStyleSheet("color: #8a4b00;")
        self.warnings_label.setVisible(False)

    def _build_controls(self) -> None:
        """The counting parameters' boxes and the reset button; a change recounts after a pause."""
        self.threshold = GuardedDoubleSpinBox()
        self.threshold.setRange(0.01, 0.99)
        self.threshold.setSingleStep(0.05)
        self.threshold.setDecimals(2)
        self.threshold.setAccessibleName(self.tr("Probability threshold"))
        self.threshold.setToolTip(self.tr("A pixel counts as capillary when the model's probability is above this."))
        self.min_area = GuardedSpinBox()
        self.min_area.setRange(0, 1_000_000)
        self.min_area.setSingleStep(20)
        self.min_area.setSuffix(" px")
        self.min_area.setAccessibleName(self.tr("Minimum area in pixels"))
        self.min_area.setToolTip(self.tr(MIN_AREA_TIP) + " " + self.tr(MODEL_SCALE_NOTE))
        self.merge_distance = GuardedDoubleSpinBox()
        self.merge_distance.setRange(0.0, 1000.0)
        self.merge_distance.setSingleStep(1.0)
        self.merge_distance.setDecimals(1)
        self.merge_distance.setSuffix(" px")
        self.merge_distance.setAccessibleName(self.tr("Merge distance in pixels"))
        self.merge_distance.setToolTip(self.tr(MERGE_TIP) + " " + self.tr(MODEL_SCALE_NOTE))
        self.um_per_px = GuardedDoubleSpinBox()
        self.um_per_px.setRange(0.0, 1000.0)
        self.um_per_px.setDecimals(3)
        self.um_per_px.setSingleStep(0.1)
        self.um_per_px.setSpecialValueText(self.tr("not set"))
        self.um_per_px.setSuffix(" µm/px")
        self.um_per_px.setAccessibleName(self.tr("Scale in micrometres per pixel"))
        self.um_per_px.setToolTip(self.tr("The microscope's scale; with it, the density per millimetre is shown."))
        self.reset_button = QPushButton(self.tr("Reset to model defaults"))
        self.reset_button.setObjectName("reset_button")
        self.reset_button.setAccessibleName(self.tr("Reset counting parameters to the model's defaults"))

        self._recount_timer = QTimer(self)
        self._recount_timer.setSingleShot(True)
        self._recount_timer.setInterval(RECOUNT_DELAY_MS)
        self._recount_timer.timeout.connect(self.params_changed)
        for box in (self.threshold, self.min_area, self.merge_distance, self.um_per_px):
            box.valueChanged.connect(self._value_edited)
            box.setKeyboardTracking(False)
        self.reset_button.clicked.connect(self.reset_requested)

    def _build_form(self) -> QGroupBox:
        """The parameters' form, with the mark of what differs from the recommendation."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for (name, source, _unit), box in zip(EDITED, (self.threshold, self.min_area, self.merge_distance)):
            text = self.tr(source)
            label = QLabel(text)
            label.setBuddy(box)
            # Room for the bold text and the mark from the start: marking moves nothing.
            bold = QFont(label.font())
            bold.setBold(True)
            label.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(text.replace("&", "") + CHANGED_MARK) + 4)
            self._labels[name] = label
            form.addRow(label, box)
        form.addRow(self.tr("&Scale"), self.um_per_px)
        # The pixel parameters are the model's; this line says what they are in the image on
        # screen, the pixels of the table's areas (hidden when the image was not resized).
        self.image_scale_note = QLabel("")
        self.image_scale_note.setObjectName("image_scale_note")
        self.image_scale_note.setWordWrap(True)
        self.image_scale_note.setVisible(False)
        small = QFont(self.image_scale_note.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.image_scale_note.setFont(small)
        # A wrapped label in a form gets one line's height when space is short: keep three.
        self.image_scale_note.setMinimumHeight(3 * QFontMetrics(small).lineSpacing() + 2)
        form.addRow(self.image_scale_note)
        form.addRow(self.reset_button)
        settings_box = QGroupBox(self.tr("Counting"))
        settings_box.setLayout(form)
        # Until the engine has given its defaults (or the settings theirs) there is nothing
        # sensible to edit.
        settings_box.setEnabled(False)
        return settings_box

    def _build_table(self) -> None:
        """The capillary table (``capillary_table``)."""
        self.table = capillary_table.make_table()
        self.table.itemSelectionChanged.connect(self._row_selected)

    # Parameters --------------------------------------------------------------------------
    def set_params(self, params: CountingParams | dict[str, Any], um_per_px: float | None) -> None:
        """Show ``params`` (a ``CountingParams`` or a dict of its fields) without emitting
        ``params_changed``."""
        values = params if isinstance(params, dict) else params.to_dict()
        self._updating = True
        try:
            self.threshold.setValue(float(values["threshold"]))
            self.min_area.setValue(int(values["min_area_px"]))
            self.merge_distance.setValue(float(values["merge_distance_px"]))
            self._show_scale(um_per_px)
        finally:
            self._updating = False
        self._split_area_px = int(values["split_area_px"])
        self._has_params = True
        self.settings_box.setEnabled(True)
        self.mark_changes()

    def set_recommended(self, params: CountingParams) -> None:
        """The model card's recommendation: values that differ from it are marked."""
        self._recommended = params.to_dict()
        self.mark_changes()

    def changed(self) -> list[str]:
        """The fields (``CountingParams`` names) that differ from the recommendation."""
        if self._recommended is None or not self._has_params:
            return []
        values = self.params().to_dict()
        return [name for name, _t, _u in EDITED if abs(float(values[name]) - float(self._recommended[name])) > 1e-9]

    def mark_changes(self) -> None:
        changed = self.changed()
        for (name, source, unit), box in zip(EDITED, (self.threshold, self.min_area, self.merge_distance)):
            text = self.tr(source)
            label = self._labels[name]
            is_changed = name in changed
            label.setText(text + (CHANGED_MARK if is_changed else ""))
            font = label.font()
            font.setBold(is_changed)
            label.setFont(font)
            recommended = "" if self._recommended is None else shown(self._recommended[name]) + unit
            tip = self.tr("Changed from the model's recommendation (%1).").replace("%1", recommended) if is_changed else (
                self.tr("As the model recommends (%1).").replace("%1", recommended) if recommended else "")
            label.setToolTip(tip)
            box.setAccessibleDescription(tip)
        if self._recommended is not None:
            r = self._recommended
            tip = self.tr("Set threshold %1, minimum area %2 px, merge distance %3 px (the model card's recommendation); the scale stays.")
            locale = QLocale()
            self.reset_button.setToolTip(tip.replace("%1", locale.toString(float(r["threshold"]), "g", 6)).replace("%2", str(int(r["min_area_px"])))
                                         .replace("%3", locale.toString(float(r["merge_distance_px"]), "g", 6)))
        reset = self.tr("Reset to model defaults (%n changed)", "", len(changed)) if changed else self.tr("Reset to model defaults")
        self.reset_button.setText(reset)

    def set_scale(self, um_per_px: float | None) -> None:
        self._updating = True
        try:
            self._show_scale(um_per_px)
        finally:
            self._updating = False

    def _show_scale(self, um_per_px: float | None) -> None:
        """The box shows the scale to its decimals; the scale itself is kept whole (a profile's
        0.497439 stays that, not the 0.497 the box shows), until the user types another."""
        self._exact_scale = um_per_px if um_per_px and um_per_px > 0 else None
        self.um_per_px.setValue(um_per_px or 0.0)

    def has_params(self) -> bool:
        return self._has_params

    def params(self) -> CountingParams:
        from ...core import CountingParams

        if not self._has_params:
            return CountingParams()
        return CountingParams(
            threshold=round(self.threshold.value(), 4),
            min_area_px=int(self.min_area.value()),
            merge_distance_px=float(self.merge_distance.value()),
            split_area_px=self._split_area_px,
        )

    def scale_um_per_px(self) -> float | None:
        value = self.um_per_px.value()
        exact = self._exact_scale
        if exact is not None and value == round(exact, self.um_per_px.decimals()):
            return exact  # the box still shows the scale that was set: that scale, not its rounding
        return value if value > 0 else None

    def _value_edited(self) -> None:
        if not self._updating:
            if self.sender() is self.um_per_px:
                self.scale_typed.emit(self.um_per_px.value())
            self.mark_changes()
            self._recount_timer.start()

    def flush(self) -> None:
        """Recount now if a change is waiting (tests, and before an export)."""
        if self._recount_timer.isActive():
            self._recount_timer.stop()
            self.params_changed.emit()

    # Results -----------------------------------------------------------------------------
    def show_result(self, result: AnalysisResult | None, message: str = "") -> None:
        self._updating = True
        self.table.setSortingEnabled(False)  # rows are filled in the core's order, then sorted
        try:
            self.table.clearSelection()
            self.show_edits(result)
            warnings = tuple(getattr(result, "warnings", ()) or ())
            self.warnings_label.setText("\n".join(f"⚠ {w}" for w in warnings))
            self.warnings_label.setVisible(bool(warnings))
            self.haemorrhages_label.setText(capillary_table.haemorrhage_line(result))
            if result is None:
                self.show_scale(None)
                self.count_label.setText(NO_COUNT)
                self.count_caption.setText(self.tr("capillaries seen (all rows)", "", 0))
                self.density_label.setFont(self._plain_font)
                self.density_label.setText(message or self.tr("No image analysed yet."))
                self.density_detail.setText("")
                self.density_flag.setText("")
                self.table.setRowCount(0)
                return
            self.show_scale(result)
            self.count_label.setText(str(result.count))
            self.count_caption.setText(english_one(self.tr("capillaries seen (all rows)", "", result.count), result.count,
                                                   "capillaries seen (all rows)", "capillary seen (all rows)"))
            self.show_density(result)
            capillary_table.fill(self.table, result, self._pencil)
        finally:
            self.table.setSortingEnabled(True)
            self._updating = False
            self.result_shown.emit(result)

    def show_density(self, result: AnalysisResult) -> None:
        """The distal row's density per mm, large, with normal/reduced under it."""
        density = getattr(result, "distal_density_per_mm", None) if getattr(result, "measures", ()) else result.density_per_mm
        scale = getattr(result, "measuring_um_per_px", result.scale_um_per_px)
        if density is None or not scale:
            self.density_label.setFont(self._plain_font)
            self.density_label.setText(self.tr("Density: set the scale (µm/px)"))
            self.density_detail.setText(self.tr("to see capillaries per mm"))
            distal = getattr(result, "distal_count", None) if getattr(result, "measures", ()) else None
            self.density_flag.setText("" if distal is None else english_one(
                self.tr("distal row, %n loops", "", distal), distal, "distal row, %n loops", "distal row, 1 loop"))
            self.density_flag.setStyleSheet("font-weight: bold;")
            self.density_flag.setToolTip("")
            return
        self.density_label.setFont(self._density_font)
        self.density_label.setText(self.tr("%1 per mm").replace("%1", locale_number(density, 1)))
        window = getattr(result, "density_window", None)
        if window is not None:
            self.density_detail.setText(self.tr("in a 1 mm window, x %1–%2 px").replace("%1", locale_number(window[0], 0))
                                        .replace("%2", locale_number(window[1], 0)))
        else:
            length = getattr(result, "row_length_px", result.width)
            self.density_detail.setText(self.tr("%1 mm wide at %2 µm/px").replace("%1", locale_number(length * scale / 1000.0, 2))
                                        .replace("%2", shown(scale)))
        flag = getattr(result, "density_flag", "")
        words = {"normal": self.tr("normal"), "reduced": self.tr("reduced (< 7/mm)")}
        distal = getattr(result, "distal_count", result.count)
        if window is not None:  # the loops counted in the band: density x its length
            along = getattr(result, "window_length_px", None) or abs(window[1] - window[0])  # the row's length in the band
            inside = int(round(density * along * scale / 1000.0))
            row = english_one(self.tr("%n distal loops in the window", "", inside), inside,
                              "%n distal loops in the window", "1 distal loop in the window")
        else:
            row = english_one(self.tr("distal row, %n loops", "", distal), distal, "distal row, %n loops", "distal row, 1 loop")
        separator = "\n" if window is not None else " · "  # the longer window line would wrap inside "(< 7/mm)"
        self.density_flag.setText(f"{row}{separator}{words[flag]}" if flag in words else row)
        colour = "#b00020" if flag == "reduced" else ""
        self.density_flag.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "font-weight: bold;")
        self.density_flag.setToolTip(self.tr(
            "Capillaries per mm of the distal (outermost) row, the dashed line in the views; normal about 7–12 per mm, "
            "reduced below 7 (EULAR). The figures support, not replace, a clinician's reading."))

    def show_scale_source(self, text: str) -> None:
        """Where the scale comes from ("1.2 µm/px from profile 'Videocap 200x'")."""
        self.scale_source.setText(text)

    def show_edits(self, result: AnalysisResult | None) -> None:
        """"12 — model 13, 1 removed, 0 added" when the count was corrected by hand."""
        summary = getattr(result, "edits", None) if result is not None else None
        model_count = getattr(result, "model_count", None) if result is not None else None
        if summary is None or model_count is None or not getattr(result, "edit_log", ()):
            self.edits_label.setVisible(False)
            self.edits_label.setText("")
            return
        self.edits_label.setText(self.tr("%1 — model %2, %3").replace("%1", str(result.count))
                                 .replace("%2", str(model_count)).replace("%3", summary.describe()))
        self.edits_label.setToolTip(self.tr("The model counted %1; your corrections made it %2. Edit > Undo (Ctrl+Z) takes them back one by one.")
                                    .replace("%1", str(model_count)).replace("%2", str(result.count)))
        self.edits_label.setVisible(True)

    def show_scale(self, result: AnalysisResult | None) -> None:
        """Say in the pixel fields' tooltips at which scale this image was counted: the
        values are model pixels, not the image's own."""
        min_area_tip, merge_tip = pixel_field_tips(result)
        self.min_area.setToolTip(min_area_tip)
        self.merge_distance.setToolTip(merge_tip)
        self.image_scale_note.setText(image_scale_note(result))
        self.image_scale_note.setVisible(bool(self.image_scale_note.text()))

    def _row_selected(self) -> None:
        if self._updating:
            return
        numbers = self.selected_capillaries()
        self.capillary_selected.emit(numbers[0] if numbers else 0)
        self.capillaries_selected.emit(numbers)

    def select_capillary(self, number: int) -> None:
        """Select the row of capillary ``number`` (0 clears) without emitting a signal."""
        self.select_capillaries([number] if number else [])

    def select_capillaries(self, numbers: list[int] | tuple[int, ...]) -> None:
        """Select the rows of these capillaries (none: clear) without emitting a signal."""
        self._updating = True
        try:
            capillary_table.select_rows(self.table, numbers)
        finally:
            self._updating = False

    def selected_capillaries(self) -> list[int]:
        return capillary_table.selected_numbers(self.table)

    def selected_capillary(self) -> int:
        numbers = self.selected_capillaries()
        return numbers[0] if numbers else 0
