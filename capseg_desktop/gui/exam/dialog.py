"""File > New exam…: who, when, by whom, and with which microscope. Only a pseudonym
identifies the patient; nothing else personal is asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ..widgets.guarded import GuardedComboBox, GuardedDateEdit, GuardedDoubleSpinBox
from ..widgets.tables import shown

if TYPE_CHECKING:
    from ...core.exam import Exam


@dataclass(frozen=True)
class ExamDetails:
    patient_id: str
    date: str  # YYYY-MM-DD
    operator: str
    profile: str | None
    um_per_px: float | None


def details_of(exam: Exam) -> ExamDetails:
    return ExamDetails(exam.patient_id, exam.date, exam.operator, exam.profile, exam.um_per_px)


def load_profiles_quietly() -> list:
    """The microscope profiles (``core.calibration``), or none when the file cannot be read."""
    try:
        from ...core.calibration import load_profiles

        return list(load_profiles())
    except Exception:  # a damaged profiles file must not keep an exam from starting
        return []


class ExamDetailsDialog(QDialog):
    """The exam's header; ``details()`` once accepted."""

    def __init__(self, parent: QWidget | None = None, current: ExamDetails | None = None, profiles: list | None = None,
                 microscope: str | None = None) -> None:
        """``microscope``: for a new exam, the profile chosen in the main window (an exam is
        usually taken on the microscope in use), else none."""
        super().__init__(parent)
        self.setObjectName("exam_details_dialog")
        self.setWindowTitle(self.tr("New exam") if current is None else self.tr("Exam details"))
        self.profiles = list(profiles if profiles is not None else load_profiles_quietly())

        self.patient = QLineEdit()
        self.patient.setObjectName("exam_patient")
        self.patient.setPlaceholderText(self.tr("Pseudonym or study code, e.g. P-0042"))
        self.patient.setAccessibleName(self.tr("Patient identifier (pseudonym)"))
        self.patient.setMaxLength(64)
        hint = QLabel(self.tr("Do not type the patient's name: the identifier is printed on the report and saved in the exam file."))
        hint.setObjectName("exam_patient_hint")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        self.date = GuardedDateEdit(QDate.currentDate())
        self.date.setObjectName("exam_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Exam date"))
        self.operator = QLineEdit()
        self.operator.setObjectName("exam_operator")
        self.operator.setAccessibleName(self.tr("Operator"))
        self.profile = GuardedComboBox()
        self.profile.setObjectName("exam_profile")
        self.profile.setAccessibleName(self.tr("Microscope profile"))
        self.profile.addItem(self.tr("No profile: type the scale"), None)
        for profile in self.profiles:
            scale = shown(profile.um_per_px)
            self.profile.addItem(self.tr("%1 (%2 µm/px)").replace("%1", profile.name).replace("%2", scale), profile.name)
        self.scale = GuardedDoubleSpinBox()
        self.scale.setObjectName("exam_scale")
        self.scale.setAccessibleName(self.tr("Scale in micrometres per pixel"))
        self.scale.setDecimals(4)
        self.scale.setRange(0.0, 100.0)
        self.scale.setSingleStep(0.1)
        self.scale.setSpecialValueText(self.tr("not set (no density)"))
        self.scale.setSuffix(self.tr(" µm/px"))
        self.profile.currentIndexChanged.connect(self._profile_chosen)

        form = QFormLayout()
        form.addRow(self.tr("&Patient identifier:"), self.patient)
        form.addRow("", hint)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Operator:"), self.operator)
        form.addRow(self.tr("&Microscope:"), self.profile)
        form.addRow(self.tr("&Scale:"), self.scale)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        note = QLabel(self.tr("Without a scale the counts are kept but no density per mm can be given."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        if current is not None:
            self._show(current)
        elif microscope:
            self.profile.setCurrentIndex(max(0, self.profile.findData(microscope)))
        self.patient.textChanged.connect(self._check)
        self._check()
        self.resize(460, self.sizeHint().height())

    def _show(self, details: ExamDetails) -> None:
        self.patient.setText(details.patient_id)
        parsed = QDate.fromString(details.date, "yyyy-MM-dd")
        if parsed.isValid():
            self.date.setDate(parsed)
        self.operator.setText(details.operator)
        index = self.profile.findData(details.profile) if details.profile else 0
        self.profile.setCurrentIndex(max(0, index))
        self.scale.setValue(details.um_per_px or 0.0)

    def _profile_chosen(self) -> None:
        name = self.profile.currentData()
        chosen = next((p for p in self.profiles if p.name == name), None)
        if chosen is not None:
            self.scale.setValue(chosen.um_per_px)

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.patient.text().strip()))

    def details(self) -> ExamDetails:
        scale = self.scale.value()
        return ExamDetails(
            patient_id=self.patient.text().strip(),
            date=self.date.date().toString("yyyy-MM-dd") or Date.today().isoformat(),
            operator=self.operator.text().strip(),
            profile=self.profile.currentData(),
            um_per_px=scale if scale > 0 else None,
        )
