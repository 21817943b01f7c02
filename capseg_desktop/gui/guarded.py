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
    def __init__(self) -> None:
        super().__init__()
        self._guard()


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
