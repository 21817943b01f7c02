"""Results of an Open folder batch: one row per image and the summary. The progress bar and
Cancel are the window's (one of each, in the status bar)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..widgets.tables import locale_number, results_table

if TYPE_CHECKING:
    from .controller import BatchRow

COLUMNS = (QT_TRANSLATE_NOOP("BatchPanel", "Image"), QT_TRANSLATE_NOOP("BatchPanel", "Count"), QT_TRANSLATE_NOOP("BatchPanel", "Density (/mm)"),
           QT_TRANSLATE_NOOP("BatchPanel", "Status"))
FAILED_BRUSH = QBrush(QColor(200, 30, 30))
STALE_BRUSH = QBrush(QColor(150, 100, 0))
STATUS_TEXT = {
    "waiting": QT_TRANSLATE_NOOP("BatchPanel", "waiting"),
    "running": QT_TRANSLATE_NOOP("BatchPanel", "analysing…"),
    "ok": QT_TRANSLATE_NOOP("BatchPanel", "ok"),
    "cancelled": QT_TRANSLATE_NOOP("BatchPanel", "cancelled"),
    "stale": QT_TRANSLATE_NOOP("BatchPanel", "counted with other parameters"),
}


def density_text(density: float | None) -> str:
    """Density as the window writes it everywhere: one decimal."""
    return QCoreApplication.translate("BatchPanel", "no scale") if density is None else locale_number(density, 1)


class BatchPanel(QWidget):
    image_chosen = Signal(int)  # row index, chosen by the user
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_panel")
        self.summary_label = QLabel(self.tr("Open a folder to analyse all its images."))
        self.summary_label.setAccessibleName(self.tr("Batch summary"))
        self.export_button = QPushButton(self.tr("Export summary CSV…"))
        self.export_button.setAccessibleName(self.tr("Export the batch summary as CSV"))
        self.export_button.setEnabled(False)
        self.table = results_table("batch_table", [self.tr(text) for text in COLUMNS], stretch_columns=(0, 3))
        self.table.setAccessibleName(self.tr("Batch results"))
        self.table.setAccessibleDescription(self.tr("One row per image; choose a row to show that image."))
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.export_button.clicked.connect(self.export_requested)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.table, self.export_button)

    def start(self, folder: Path, paths: list[Path]) -> None:
        # The previous batch's selection and current row go first, signals blocked: else Qt
        # selects a row of the new list by itself and the window would open that image.
        with QSignalBlocker(self.table), QSignalBlocker(self.table.selectionModel()):
            self.table.clearSelection()
            self.table.setCurrentItem(None)
            self.table.setRowCount(0)
            self.table.setRowCount(len(paths))
            for row, path in enumerate(paths):
                self._set_row(row, (path.name, "", "", self.tr(STATUS_TEXT["waiting"])), None)
        self.summary_label.setText(self.tr("%1: %n images", "", len(paths)).replace("%1", str(folder)))
        self.export_button.setEnabled(False)

    def _set_row(self, row: int, values: tuple[str, str, str, str], brush: QBrush | None, tip: str = "") -> None:
        with QSignalBlocker(self.table):
            for column, value in enumerate(values):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, column, item)
                item.setText(value)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setForeground(brush if brush is not None else self.palette().text())
                item.setToolTip(tip)

    def show_row(self, index: int, row: BatchRow) -> None:
        if not 0 <= index < self.table.rowCount():
            return
        name = row.path.name
        if row.status in ("ok", "warning", "stale") and row.result is not None:
            status = self._status_text(row.status)
            if row.status == "warning" and row.message:
                status = self.tr("warning: %1").replace("%1", row.message)
            brush = STALE_BRUSH if row.status == "stale" else None
            stale_tip = self.tr("Counted with other parameters than those on screen; Export summary analyses it again.")
            tip = stale_tip if row.status == "stale" else row.message
            self._set_row(index, (name, str(row.result.count), density_text(row.result.distal_density_per_mm), status), brush, tip)
        elif row.status == "failed":
            self._set_row(index, (name, "", "", self.tr("failed: %1").replace("%1", row.message)), FAILED_BRUSH, row.message)
        else:
            self._set_row(index, (name, "", "", self._status_text(row.status)), None)

    def _status_text(self, status: str) -> str:
        return self.tr(STATUS_TEXT[status]) if status in STATUS_TEXT else status

    def show_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.export_button.setEnabled(True)

    def status_texts(self) -> list[str]:
        return [self.table.item(r, 3).text() for r in range(self.table.rowCount())]

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.image_chosen.emit(rows[0].row())
