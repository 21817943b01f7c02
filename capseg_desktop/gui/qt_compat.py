"""A guard against a defect of the Qt binding, checked at run time so that it does nothing
where the defect is absent.

PySide6 6.12.0 on Python 3.10 and 3.11 (its abi3 wheel) returns ``None`` from every void
method, and ``True`` from ``Signal.emit``, without taking a reference to it. Python 3.12
made ``None``, ``True`` and ``False`` immortal, so there the missing reference is harmless;
on 3.10/3.11 each such call drops one reference, and after a few thousand calls (a minute
of use, one test run) the interpreter aborts with "Fatal Python error: none_dealloc".

Where the defect shows, ``protect_interpreter`` does what Python 3.12 does: it gives these
three objects so many references that no session can use them up. The real fix is a binding
without the defect (6.11.x, or a later 6.12); see ``binding_drops_references``.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBE_CALLS = 32
#: References added: at a million dropped references a second, enough for 30 years.
_HEADROOM = 1 << 50
_protected = False


class _Probe(QObject):
    ping = Signal()


def binding_drops_references() -> bool:
    """True when void calls or signal emits of the Qt binding drop references to None/True."""
    probe = _Probe()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    none_lost = none_before - sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.ping.emit()
    true_lost = true_before - sys.getrefcount(True)
    return none_lost >= _PROBE_CALLS or true_lost >= _PROBE_CALLS


def protect_interpreter() -> bool:
    """Make None, True and False unkillable if the binding needs it; True if it did."""
    global _protected
    if _protected:
        return True
    if sys.version_info >= (3, 12) or hasattr(sys, "getobjects"):
        return False  # immortal already (3.12+); a trace-refs debug build has another layout
    if not binding_drops_references():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _protected = True
    return True


def guard_note() -> str:
    """A line for the log (written once logging is set up), empty when no guard was needed."""
    if not _protected:
        return ""
    return (
        f"The Qt binding drops references to None/True on Python {sys.version.split()[0]}; "
        "those objects are protected. PySide6 6.11.x (or Python 3.12) avoids the defect."
    )
