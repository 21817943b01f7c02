"""Work-arounds for defects of the Qt binding, each checked at run time so that it switches
itself off on a binding without the defect.

PySide6 6.12.0: ``SignalInstance.emit`` returns ``True`` without taking a reference to it.
Each emit from Python code then drops one reference to ``True``; after a few thousand emits
(one window session, or a test run) the count reaches zero and the interpreter aborts with
"Fatal Python error: bool_dealloc". ``emit`` below gives the missing reference back.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_PROBE_EMITS = 16


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBE_EMITS):
        probe.ping.emit()
    dropped = before - sys.getrefcount(True)
    if dropped >= _PROBE_EMITS:
        for _ in range(dropped):  # repair the probe's own damage
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
        return True
    return False


_REPAIR = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: Any) -> None:
    """``signal.emit(*args)``, safe on every PySide6 version."""
    result = signal.emit(*args)
    if _REPAIR and isinstance(result, bool):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(result))


def emit_repair_active() -> bool:
    return _REPAIR
