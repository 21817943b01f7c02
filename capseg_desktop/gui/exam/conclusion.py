"""The exam window's conclusion and signature: what the clinician concludes, their name and the
day they sign. Saved with the exam (``core.exam.Exam.conclusion``, ``signed_by``, ``signed_on``)
and printed at the end of the report (``report.signature``). The signature's date is kept only
with a name: a date alone signs nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from ..widgets.guarded import GuardedDateEdit

if TYPE_CHECKING:
    from ...core.exam import Exam
    from .controller import ExamController


class ConclusionBox(QGroupBox):
    """Shows the open exam's conclusion and signature and writes what is typed back into it."""

    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Conclusion and signature"), parent)
        self.setObjectName("exam_conclusion_box")
        self.controller = controller
        self.setMaximumWidth(340)
        self._shown: Exam | None = None
        self._loading = False
        self.conclusion = QPlainTextEdit()
        self.conclusion.setObjectName("exam_conclusion")
        self.conclusion.setAccessibleName(self.tr("Conclusion"))
        self.conclusion.setPlaceholderText(self.tr("The clinician's conclusion, printed at the end of the report"))
        self.conclusion.setTabChangesFocus(True)
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("exam_signed_by")
        self.signed_by.setAccessibleName(self.tr("Signed by"))
        self.signed_by.setPlaceholderText(self.tr("Name of the clinician who signs the report"))
        self.signed_by.setMaxLength(120)
        self.signed_on = GuardedDateEdit(QDate.currentDate())
        self.signed_on.setObjectName("exam_signed_on")
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        self.signed_on.setAccessibleName(self.tr("Date of the signature"))
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # narrow beside the table: labels above
        form.addRow(self.tr("C&onclusion:"), self.conclusion)
        form.addRow(self.tr("Si&gned by:"), self.signed_by)
        form.addRow(self.tr("Signed o&n:"), self.signed_on)
        self.conclusion.textChanged.connect(self._edited)
        self.signed_by.textChanged.connect(self._edited)
        self.signed_on.dateChanged.connect(self._edited)
        controller.changed.connect(self.show_exam)

    def show_exam(self) -> None:
        """The open exam's words, when another exam is opened (not while typing in this one)."""
        exam = self.controller.exam
        if exam is self._shown:
            return
        self._shown = exam
        self._loading = True
        try:
            self.conclusion.setPlainText(exam.conclusion if exam is not None else "")
            self.signed_by.setText(exam.signed_by if exam is not None else "")
            signed = QDate.fromString(exam.signed_on, "yyyy-MM-dd") if exam is not None and exam.signed_on else QDate()
            self.signed_on.setDate(signed if signed.isValid() else QDate.currentDate())
        finally:
            self._loading = False
        self.setEnabled(exam is not None)

    def _edited(self) -> None:
        exam = self.controller.exam
        if exam is None or self._loading or exam is not self._shown:
            return
        exam.conclusion = self.conclusion.toPlainText().strip()
        exam.signed_by = self.signed_by.text().strip()
        exam.signed_on = self.signed_on.date().toString("yyyy-MM-dd") if exam.signed_by else ""
        self.controller.dirty = True
        self.controller.show_title()
