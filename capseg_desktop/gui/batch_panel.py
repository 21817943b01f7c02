"""Results of an Open folder batch: one row per image, a progress bar and the summary."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .tables import results_table

COLUMNS = ("Image", "Count", "Density (/mm)", "Status")
FAILED_BRUSH = QBrush(QColor(200, 30, 30))


class BatchPanel(QWidget):
    image_chosen = Signal(int)  # row index
    cancel_requested = Signal()
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_panel")
        self.paths: list[Path] = []
        self.rows: list[dict[str, Any] | None] = []

        self.summary_label = QLabel("Open a folder to analyse all its images.")
        self.summary_label.setAccessibleName("Batch summary")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setAccessibleName("Batch progress")
        self.cancel_button = QPushButton("Cancel batch")
        self.cancel_button.setAccessibleName("Cancel the batch analysis")
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton("Export summary CSV…")
        self.export_button.setAccessibleName("Export the batch summary as CSV")
        self.export_button.setEnabled(False)
        self.table = results_table("batch_table", COLUMNS, stretch_columns=(0, 3))
        self.table.setAccessibleName("Batch results")
        self.table.setAccessibleDescription("One row per image; choose a row to show that image.")
        self.table.itemSelectionChanged.connect(self._row_chosen)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.export_button.clicked.connect(self.export_requested)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        QWidget.setTabOrder(self.table, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.export_button)

    def start(self, folder: Path, paths: list[Path]) -> None:
        self.paths = list(paths)
        self.rows = [None] * len(paths)
        self.table.setRowCount(len(paths))
        for row, path in enumerate(paths):
            self._set_row(row, path.name, "", "", "waiting")
        self.progress.setValue(0)
        self.summary_label.setText(f"{folder}: {len(paths)} images")
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)

    def _set_row(self, row: int, name: str, count: str, density: str, status: str) -> None:
        for column, value in enumerate((name, count, density, status)):
            item = QTableWidgetItem(value)
            if column in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if status.startswith("failed"):
                item.setForeground(FAILED_BRUSH)
            self.table.setItem(row, column, item)

    def mark_running(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.item(row, 3).setText("analysing…")

    def set_result(self, row: int, summary: dict[str, Any]) -> None:
        self.rows[row] = summary
        if summary.get("status") == "ok":
            self._set_row(row, self.paths[row].name, str(summary["count"]), summary["density_per_mm"] or "no scale", "ok")
        else:
            self._set_row(row, self.paths[row].name, "", "", f"failed: {summary.get('message', '')}")
        self.table.item(row, 3).setToolTip(summary.get("message", "") or "")

    def set_progress(self, fraction: float) -> None:
        self.progress.setValue(int(round(fraction * 100)))

    def finish(self, cancelled: bool = False) -> None:
        done = [r for r in self.rows if r is not None]
        failed = sum(1 for r in done if r.get("status") != "ok")
        total = sum(int(r["count"]) for r in done if r.get("status") == "ok")
        if cancelled:
            for row, summary in enumerate(self.rows):
                if summary is None:
                    self.table.item(row, 3).setText("cancelled")
        text = f"{len(done)} of {len(self.rows)} images analysed, {total} capillaries"
        if failed:
            text += f", {failed} failed"
        if cancelled:
            text += " (cancelled)"
        self.summary_label.setText(text)
        self.cancel_button.setEnabled(False)
        self.export_button.setEnabled(bool(done))
        if not cancelled:
            self.progress.setValue(100)

    def summary_rows(self) -> list[dict[str, Any]]:
        return [r for r in self.rows if r is not None]

    def _row_chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.image_chosen.emit(rows[0].row())
