"""The guard against the Qt binding's dropped references (see gui/qt_compat.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import capseg_desktop.gui  # noqa: F401 - importing the package applies the guard


class _Chatty(QObject):
    changed = Signal()


def test_a_long_session_of_qt_calls_does_not_exhaust_none_or_true():
    """50 000 void calls and emits: on PySide6 6.12.0 / Python 3.11 without the guard, the
    interpreter aborts after about 5 000 ("Fatal Python error: none_dealloc")."""
    chatty = _Chatty()
    for _ in range(50_000):
        chatty.setObjectName("chatty")
        chatty.changed.emit()
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0
    assert chatty.objectName() == "chatty"
