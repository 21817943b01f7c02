"""The read-only, row-selecting result tables of the count panel and the batch panel."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyledItemDelegate, QTableWidget


class OneDecimalDelegate(QStyledItemDelegate):
    """Shows every decimal number of a table with one decimal, in the window's locale (a
    column read "47" beside "45.2"); the item keeps the number, so columns sort as numbers."""

    def displayText(self, value: object, locale: object) -> str:  # noqa: N802 (Qt's name)
        if isinstance(value, float):
            return locale_number(value, 1)
        return super().displayText(value, locale)


def results_table(
    object_name: str, headers: Sequence[str], stretch_columns: Sequence[int]
) -> QTableWidget:
    """A table of results: whole rows selected one at a time, not editable, no row numbers;
    ``stretch_columns`` share the spare width, the others fit their contents."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = QHeaderView.ResizeMode.Stretch if column in stretch_columns else QHeaderView.ResizeMode.ResizeToContents
        header.setSectionResizeMode(column, mode)
    table.setItemDelegate(OneDecimalDelegate(table))
    return table


def shown(value: float, form: str = "g", precision: int = 6) -> str:
    """A number in the window's locale (a decimal comma in French); "g" as Python's ``:g``."""
    from PySide6.QtCore import QLocale

    return QLocale().toString(float(value), form, precision)


def locale_number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals in the window's locale (a decimal comma in French)."""
    return shown(value, "f", decimals)


def english_one(text: str, n: int, english: str, english_one: str) -> str:
    """``text`` is ``tr(english, "", n)``: with no translation installed Qt gives the English
    plural back even for one, so English's singular ``english_one`` is put back for ``n == 1``."""
    return english_one if n == 1 and text == english.replace("%n", "1") else text
