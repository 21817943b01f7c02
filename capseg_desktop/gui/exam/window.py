"""The exam window: the header, the 8 fingers (left hand above, right hand below), the
per-finger table and the patient summary. It only shows; ``ExamController`` holds the exam
and does the work (adding, moving, excluding, analyses, saving, exports)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMenu, QProgressBar, QPushButton, QSplitter, QTableWidget,
    QTableWidgetItem, QToolBar, QVBoxLayout, QWidget,
)

from .fingers import FingerBox, finger_title

if TYPE_CHECKING:
    from .controller import ExamController

FINGER_ORDER = ("L2", "L3", "L4", "L5", "R2", "R3", "R4", "R5")  # the order of core.exam.FINGERS


class ExamWindow(QMainWindow):
    def __init__(self, controller: ExamController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("exam_window")
        # As large as it reads best, never taller or wider than the screen's free area (its
        # status line was below a 1280 x 830 screen's edge).
        free = self.screen().availableGeometry()
        self.resize(min(1180, free.width() - 40), min(820, free.height() - 60))
        self.header = QLabel()
        self.header.setObjectName("exam_header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.header.setFont(font)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_fingers())
        splitter.addWidget(self._build_figures())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self._build_status()
        self.set_working(False)
        self._build_toolbar()

    def _build_fingers(self) -> QWidget:
        """The 8 fingers, left hand above, right hand below: each a drop target with its images."""
        controller = self.controller
        fingers = QWidget()
        grid = QGridLayout(fingers)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fingers: dict[str, FingerBox] = {}
        for index, finger in enumerate(FINGER_ORDER):
            box = FingerBox(finger)
            box.list.dropped.connect(lambda paths, finger=finger: controller.add_paths(paths, finger))
            box.list.activated_path.connect(controller.show_in_main)
            box.list.menu_requested.connect(self._image_menu)
            grid.addWidget(box, index // 4, index % 4)
            self.fingers[finger] = box

        return fingers

    def _build_figures(self) -> QWidget:
        """The per-finger table, the patient summary and the note under them."""
        self.table = QTableWidget(len(FINGER_ORDER), 6)
        self.table.setObjectName("exam_finger_table")
        self.table.setAccessibleName(self.tr("Figures per finger"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Finger"), self.tr("Density (/mm, distal row)"), self.tr("Dilated"), self.tr("Giant"),
            self.tr("Images used"), self.tr("Not used (why)"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setObjectName("exam_summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Patient summary"))
        bold = self.summary.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.summary.setFont(bold)
        note = QLabel(self.tr("These figures support, not replace, a clinician's reading of the images."))
        note.setWordWrap(True)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        from .conclusion import ConclusionBox

        # Beside the table, not under it: the fingers above keep their height.
        self.conclusion = ConclusionBox(self.controller)  # typed here, printed at the end of the report
        beside = QHBoxLayout()
        beside.addWidget(self.table, 1)
        beside.addWidget(self.conclusion)
        lower_layout.addLayout(beside, 1)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(note)
        # The table shows its 8 fingers without scrolling.
        rows_height = self.table.verticalHeader().defaultSectionSize() * len(FINGER_ORDER)
        self.table.setMinimumHeight(rows_height + self.table.horizontalHeader().sizeHint().height() + 4)

        return lower

    def _build_status(self) -> None:
        self.status_label = QLabel()
        self.status_label.setObjectName("exam_status")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setFixedWidth(160)
        self.cancel_button = QPushButton(self.tr("Stop analysing"))
        self.cancel_button.clicked.connect(self.controller.cancel_analyses)
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Exam"), self)
        bar.setObjectName("exam_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        c = self.controller
        tip = self.tr("Add images; fingers are read from names such as L2A.png or R5B.jpg")
        self.add_action = self._action(bar, self.tr("&Add images…"), "Ctrl+O", tip, c.add_images_dialog)
        self._action(bar, self.tr("&Details…"), "Ctrl+D", self.tr("Patient identifier, date, operator, microscope and scale"), c.edit_details)
        bar.addSeparator()
        self._action(bar, self.tr("&Save exam"), QKeySequence.StandardKey.Save, self.tr("Save the exam file"), c.save)
        self._action(bar, self.tr("Save exam &as…"), "Ctrl+Alt+S", self.tr("Save the exam under another name"), c.save_as)
        self._action(bar, self.tr("Export &report (PDF)…"), "Ctrl+Shift+P", self.tr("Write the exam's report as a PDF"), c.export_report)
        self._action(bar, self.tr("Export exam &CSV…"), "Ctrl+Alt+X", self.tr("One row per image and one per finger"), c.export_csv)
        self.compare_action = self._action(
            bar, self.tr("Compare with an &earlier exam…"), "Ctrl+Alt+M",
            self.tr("Compare with an earlier exam of the same patient; the next report includes the comparison"), c.compare_dialog)
        bar.addSeparator()
        self._action(bar, self.tr("Analyse &again"), "F5", self.tr("Count every image of the exam again"), c.analyse_all)
        self._action(bar, self.tr("Close e&xam"), QKeySequence.StandardKey.Close, self.tr("Close this exam (asks to save changes)"), self.close)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _action(self, bar: QToolBar, text: str, keys, tip: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    # What the controller shows ------------------------------------------------------------
    def set_working(self, working: bool, fraction: float | None = None) -> None:
        self.progress.setVisible(working)
        self.cancel_button.setVisible(working)
        if fraction is not None:
            self.progress.setValue(int(round(fraction * 100)))

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def show_table(self, rows: list[tuple[str, ...]]) -> None:
        """``rows``: one per finger in ``FINGER_ORDER``, the table's columns after the finger."""
        for row, (finger, values) in enumerate(zip(FINGER_ORDER, rows)):
            cells = (finger_title(finger), *values)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)

    def table_text(self) -> str:
        """The table as tab-separated lines (tests, the clipboard)."""
        lines = []
        for row in range(self.table.rowCount()):
            lines.append("\t".join(self.table.item(row, c).text() if self.table.item(row, c) else "" for c in range(self.table.columnCount())))
        return "\n".join(lines)

    def _image_menu(self, path, position) -> None:  # type: ignore[no-untyped-def]
        if path is None:
            return
        c = self.controller
        menu = QMenu(self)
        menu.addAction(self.tr("Show in the main window"), lambda: c.show_in_main(path))
        move = menu.addMenu(self.tr("Move to finger"))
        current = c.finger_of(path)
        for finger in FINGER_ORDER:
            action = move.addAction(finger_title(finger), lambda finger=finger: c.move(path, finger))
            action.setEnabled(finger != current)
        if c.is_excluded(path):
            menu.addAction(self.tr("Include again"), lambda: c.include(path))
        else:
            menu.addAction(self.tr("Exclude…"), lambda: c.exclude_dialog(path))
        menu.addSeparator()
        menu.addAction(self.tr("Remove from the exam"), lambda: c.remove(path))
        menu.exec(position)

    # Closing ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.controller.take_main_window_result()  # corrections made there meanwhile

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.controller.confirm_close():
            self.controller.close_exam()
            event.accept()
        else:
            event.ignore()
