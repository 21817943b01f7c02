"""The count panel's capillary table: one row per counted capillary (number, area, flag,
widths and length in µm with a scale, else px, shape, box), rows edited by hand marked with a pencil,
several rows selectable (merge needs them). Its words are the count panel's (translation
context ``CountPanel``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from ..widgets.tables import results_table

if TYPE_CHECKING:
    from ...core import AnalysisResult

EDITED_ROLE = Qt.ItemDataRole.UserRole + 1
#: #, Area, Flag, Loop, Apex, Arterial, Venous, Length, Shape, Box.
SHAPE_COLUMN = 8


def pencil_icon(size: int = 16) -> QIcon:
    """A small pencil: the mark of a capillary edited by hand."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16.0
    body = QPolygonF([QPointF(11 * s, 2 * s), QPointF(14 * s, 5 * s), QPointF(6 * s, 13 * s), QPointF(3 * s, 10 * s)])
    painter.setPen(QPen(QColor(60, 60, 60), 1.0 * s))
    painter.setBrush(QColor(240, 170, 20))
    painter.drawPolygon(body)
    painter.setBrush(QColor(60, 60, 60))
    painter.drawPolygon(QPolygonF([QPointF(3 * s, 10 * s), QPointF(6 * s, 13 * s), QPointF(2 * s, 14 * s)]))
    painter.end()
    return QIcon(pixmap)


def make_table() -> QTableWidget:
    headers = ["#", QCoreApplication.translate("CountPanel", "Area (px)"), *measure_headers("px"),
               QCoreApplication.translate("CountPanel", "Shape"), QCoreApplication.translate("CountPanel", "Box x0, y0 – x1, y1")]
    table = results_table("capillary_table", headers, stretch_columns=())
    table.horizontalHeaderItem(1).setToolTip(
        QCoreApplication.translate("CountPanel", "Area in the pixels of the image as opened (as in the exported CSV and JSON)."))
    table.horizontalHeaderItem(SHAPE_COLUMN).setToolTip(QCoreApplication.translate(
        "CountPanel", "The loop's shape from its mask and centre line: hairpin; tortuous or crossing (non-specific); "
                      "ramified (abnormal); not assessable (blurred, cut by the picture's edge, or a speck)"))
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # merge needs several
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # the views' menu: flags, delete, merge
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # Five rows at least: the table is where a count is checked, it must not shrink to
    # three rows when the window is short.
    table.setMinimumHeight(table.horizontalHeader().sizeHint().height() + 5 * table.verticalHeader().defaultSectionSize() + 4)
    table.setAccessibleName(QCoreApplication.translate("CountPanel", "Capillaries"))
    table.setAccessibleDescription(QCoreApplication.translate(
        "CountPanel", "One row per counted capillary; selecting a row highlights it in the views."))
    return table


def fill(table: QTableWidget, result: AnalysisResult, pencil: QIcon) -> None:
    """The rows of ``result``'s capillaries (the caller turns sorting off and on around it)."""
    table.setRowCount(len(result.capillaries))
    edited = set(getattr(result, "edited_ids", ()) or ())
    edited_tip = QCoreApplication.translate("CountPanel", "Edited by hand (added, painted, merged or split); Ctrl+Z undoes the last edit.")
    clinician_tip = QCoreApplication.translate(
        "CountPanel", "Flagged by the clinician; Edit > Loop flags > Back to the automatic flags (Shift+A) lets the measures decide again.")
    scale = getattr(result, "measuring_um_per_px", None)
    set_measure_headers(table, scale)
    measures = getattr(result, "measures_by_id", {})
    flags = result.flags() if hasattr(result, "flags") else {}
    for row, capillary in enumerate(result.capillaries):
        x0, y0, x1, y1 = capillary.bbox
        measure = measures.get(capillary.id)
        values = (capillary.id, capillary.area_px, *measure_cells(measure, flags.get(capillary.id, ""), scale),
                  shape_cell(measure), f"{x0}, {y0} – {x1}, {y1}")
        for column, value in enumerate(values):
            item = QTableWidgetItem()
            item.setData(Qt.ItemDataRole.DisplayRole, value)  # numbers sort as numbers
            if column < SHAPE_COLUMN and column != 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(Qt.ItemDataRole.UserRole, capillary.id)
            if capillary.id in edited:
                item.setData(EDITED_ROLE, True)
                item.setToolTip(edited_tip)
                if column == 0:
                    item.setIcon(pencil)
            if (column == 2 and getattr(measure, "clinician_flag", "")) or (column == SHAPE_COLUMN and getattr(measure, "clinician_shape", "")):
                item.setToolTip(clinician_tip)
            table.setItem(row, column, item)


# Measurements (issue 12) -------------------------------------------------------------------
def measure_headers(unit: str) -> list[str]:
    """Flag, widths and length; ``unit`` "µm" when calibrated, else "px"."""
    return [QCoreApplication.translate("CountPanel", "Flag"), *[text.replace("%1", unit) for text in (
        QCoreApplication.translate("CountPanel", "Loop (%1)"), QCoreApplication.translate("CountPanel", "Apex (%1)"),
        QCoreApplication.translate("CountPanel", "Arterial (%1)"), QCoreApplication.translate("CountPanel", "Venous (%1)"),
        QCoreApplication.translate("CountPanel", "Length (%1)"))]]


def set_measure_headers(table: QTableWidget, scale: float | None) -> None:
    headers = measure_headers("µm" if scale else "px")
    for offset, text in enumerate(headers):
        item = table.horizontalHeaderItem(2 + offset)
        if item is not None and item.text() != text:
            item.setText(text)
    tips = (QCoreApplication.translate(
                "CountPanel", "Dilated (vessel 20 µm or wider) or giant (50 µm or wider); blank without a scale: not assessed"),
            QCoreApplication.translate("CountPanel", "Outer width of the loop at its widest, across its axis"),
            QCoreApplication.translate("CountPanel", "Vessel diameter at the apex"),
            QCoreApplication.translate("CountPanel", "Median diameter of the thinner limb"),
            QCoreApplication.translate("CountPanel", "Median diameter of the wider limb"),
            QCoreApplication.translate("CountPanel", "Loop length along its axis"))
    for offset, tip in enumerate(tips):
        item = table.horizontalHeaderItem(2 + offset)
        if item is not None:
            item.setToolTip(tip)


def measure_cells(measure: Any, flag: str, scale: float | None) -> tuple:
    """The flag and the five lengths of one loop (µm with a scale, else px), rounded to 0.1."""
    if measure is None:
        return ("", None, None, None, None, None)
    factor = scale or 1.0
    values = (measure.loop_width_px, measure.apex_width_px, measure.arterial_width_px, measure.venous_width_px, measure.length_px)
    words = {"dilated": QCoreApplication.translate("CountPanel", "dilated"), "giant": QCoreApplication.translate("CountPanel", "giant"),
             "normal": QCoreApplication.translate("CountPanel", "normal")}
    word = by_clinician(words.get(flag, "")) if getattr(measure, "clinician_flag", "") else words.get(flag, "")
    return (word, *[None if v is None else round(float(v) * factor, 1) for v in values])


def by_clinician(word: str) -> str:
    """A flag or shape the clinician set: "giant (clinician)"."""
    return QCoreApplication.translate("CountPanel", "%1 (clinician)").replace("%1", word)


def shape_cell(measure: Any) -> str:
    """The loop's shape (``core.shape``) in the user's language; "" when it was not judged."""
    from ...core.shape import WORDS  # not at import: core.shape loads NumPy and OpenCV, which the window must not wait for

    label = getattr(measure, "shape", "") if measure is not None else ""
    word = WORDS[label] if label in WORDS else ""
    return by_clinician(word) if word and getattr(measure, "clinician_shape", "") else word


def haemorrhage_line(result: Any) -> str:
    """The count panel's line about the haemorrhages (``core.haemorrhage``; the panel shows it in
    purple, as the views' boxes); "" when none were looked for."""
    count = getattr(result, "haemorrhage_count", None) if result is not None else None
    if count is None:
        return ""
    text = QCoreApplication.translate("CountPanel", "Haemorrhages: %1 (purple boxes H1, H2…; not counted as capillaries)")
    return text.replace("%1", str(count))


# Selection ---------------------------------------------------------------------------------
def select_rows(table: QTableWidget, numbers: Sequence[int]) -> None:
    """Select the rows of these capillaries (none: clear), the first made current and shown."""
    table.clearSelection()
    wanted, selection, first = set(numbers), QItemSelection(), None
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and int(item.data(Qt.ItemDataRole.UserRole)) in wanted:
            index = table.model().index(row, 0)
            selection.select(index, index)
            first = first or item
    if first is not None:
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        table.selectionModel().select(selection, flags)
        table.setCurrentItem(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        table.scrollToItem(first)


def selected_numbers(table: QTableWidget) -> list[int]:
    """The selected capillaries, in the rows' order."""
    rows = sorted(index.row() for index in table.selectionModel().selectedRows())
    items = (table.item(row, 0) for row in rows)
    return [int(item.data(Qt.ItemDataRole.UserRole)) for item in items if item is not None]
