"""Results of an Open folder batch: one row per image and the summary. The progress bar and
Cancel are the window's (one of each, in the status bar)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .tables import results_table

if TYPE_CHECKING:
    from .batch_controller import BatchRow

COLUMNS = ("Image", "Count", "Density (/mm)", "Status")
FAILED_BRUSH = QBrush(QColor(200, 30, 30))
STALE_BRUSH = QBrush(QColor(150, 100, 0))
STATUS_TEXT = {
    "waiting": "waiting",
    "running": "analysing…",
    "ok": "ok",
    "cancelled": "cancelled",
    "stale": "counted with other parameters",
}


def density_text(density: float | None) -> str:
    """Density as the window writes it everywhere: one decimal."""
    return "no scale" if density is None else f"{density:.1f}"


class BatchPanel(QWidget):
    image_chosen = Signal(int)  # row index, chosen by the user
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_panel")
        self.summary_label = QLabel("Open a folder to analyse all its images.")
        self.summary_label.setAccessibleName("Batch summary")
        self.export_button = QPushButton("Export summary CSV…")
        self.export_button.setAccessibleName("Export the batch summary as CSV")
        self.export_button.setEnabled(False)
        self.table = results_table("batch_table", COLUMNS, stretch_columns=(0, 3))
        self.table.setAccessibleName("Batch results")
        self.table.setAccessibleDescription("One row per image; choose a row to show that image.")
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
                self._set_row(row, (path.name, "", "", "waiting"), None)
        self.summary_label.setText(f"{folder}: {len(paths)} images")
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
            status = STATUS_TEXT.get(row.status, row.status)
            if row.status == "warning" and row.message:
                status = f"warning: {row.message}"
            brush = STALE_BRUSH if row.status == "stale" else None
            tip = "Counted with other parameters than those on screen; Export summary analyses it again." if row.status == "stale" else row.message
            self._set_row(index, (name, str(row.result.count), density_text(row.result.density_per_mm), status), brush, tip)
        elif row.status == "failed":
            self._set_row(index, (name, "", "", f"failed: {row.message}"), FAILED_BRUSH, row.message)
        else:
            self._set_row(index, (name, "", "", STATUS_TEXT.get(row.status, row.status)), None)

    def show_summary(self, text: str) -> None:
        self.summary_label.setText(text)
        self.export_button.setEnabled(True)

    def status_texts(self) -> list[str]:
        return [self.table.item(r, 3).text() for r in range(self.table.rowCount())]

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.image_chosen.emit(rows[0].row())
