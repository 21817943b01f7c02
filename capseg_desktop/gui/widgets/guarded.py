"""Controls that change a result only on purpose.

They take the focus by click or Tab only (never by the wheel, never at start-up), and ignore
the wheel unless they have the focus, so the wheel over them scrolls the panel instead of
silently changing a parameter (and the count) under the pointer.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QSlider, QSpinBox


class _Guarded:
    def _guard(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # type: ignore[attr-defined]

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class GuardedSpinBox(_Guarded, QSpinBox):
    def __init__(self) -> None:
        super().__init__()
        self._guard()


class GuardedDoubleSpinBox(_Guarded, QDoubleSpinBox):
    """Also takes either decimal separator: "1,5" and "1.5" are both one and a half, in English
    and in French. Qt reads the other language's separator as a thousands separator, so "1,2"
    typed in an English window became 12 µm per pixel (and "1.5" in a French one 15): every
    loop giant, without a word. No value here is ever written with thousands separators."""

    def __init__(self) -> None:
        super().__init__()
        self._guard()

    def _as_locale(self, text: str) -> str:
        point = self.locale().decimalPoint()
        return text.replace("," if point == "." else ".", point)

    def validate(self, text: str, position: int) -> object:
        return super().validate(self._as_locale(text), position)

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(self._as_locale(text))


class GuardedSlider(_Guarded, QSlider):
    def __init__(self, orientation: Qt.Orientation) -> None:
        super().__init__(orientation)
        self._guard()


class GuardedComboBox(_Guarded, QComboBox):
    def __init__(self) -> None:
        super().__init__()
        self._guard()


class GuardedDateEdit(_Guarded, QDateEdit):
    def __init__(self, date: QDate) -> None:
        super().__init__(date)
        self._guard()
