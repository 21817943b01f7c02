"""The guard against the Qt binding's dropped references (see gui/qt_compat.py)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

import capseg_desktop.gui  # noqa: F401 - importing the package applies the guard
from capseg_desktop.gui import qt_compat


class _Chatty(QObject):
    changed = Signal()


def test_a_long_session_of_qt_calls_does_not_exhaust_none_or_true():
    """50 000 void calls and emits: on PySide6 6.12.0 / Python 3.11 without the guard, the
    interpreter aborts after about 5 000 ("Fatal Python error: none_dealloc")."""
    chatty = _Chatty()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(50_000):
        chatty.setObjectName("chatty")
        chatty.changed.emit()
    assert chatty.objectName() == "chatty"
    if qt_compat._protected:
        # The defect is there: the guard's headroom is (practically) untouched.
        headroom = qt_compat._HEADROOM
        assert sys.getrefcount(None) > headroom - 100_000 and sys.getrefcount(True) > headroom - 100_000
    else:
        # No guard, so the binding must keep its references: not one per call lost.
        assert none_before - sys.getrefcount(None) < 1_000 and true_before - sys.getrefcount(True) < 1_000
