"""The capillary table's Shape column (issue 22): each loop's shape as core.shape labels it, in
the user's language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from capseg_desktop.gui.window import capillary_table
from capseg_desktop.i18n_qt import install_language

from ..i18n_catalogue import french_for
from .conftest import open_and_wait, write_capillary_image


def shapes_shown(table) -> list[str]:
    column = capillary_table.SHAPE_COLUMN
    return [table.item(row, column).data(Qt.ItemDataRole.DisplayRole) for row in range(table.rowCount())]


def test_the_table_shows_each_loops_shape_in_english_and_french(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, write_capillary_image(tmp_path / "strip.png", loops=5))
    table = window.count_panel.table
    assert table.horizontalHeaderItem(capillary_table.SHAPE_COLUMN).text() == "Shape"
    assert shapes_shown(table) == ["hairpin"] * 5  # five plain hairpins drawn
    result = window.analysis.result
    try:
        install_language("fr")
        table.setSortingEnabled(False)
        capillary_table.fill(table, result, capillary_table.pencil_icon())
        assert shapes_shown(table) == [french_for("hairpin", "Shape")] * 5
        assert french_for("hairpin", "Shape") == "en épingle à cheveux"
    finally:
        install_language("en")
