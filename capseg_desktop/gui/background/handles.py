"""Task handles: "is this still the current task?" written once.

A ``TaskLane`` is one kind of work of which only the latest request matters (the analysis of
the image on screen, a recount, a batch, a model load). ``lane.submit(task, slots)`` connects
``slots`` ((signal, slot) or (signal, slot, FINAL)) and only then queues the task (a task may
finish before ``submit`` returns), and hands back a ``TaskHandle``. The slots run on the GUI
thread and only while that handle is the lane's current one and the window is not closing.
Submitting a newer task, ``lane.forget()`` or a final outcome (``final=True``) makes
the older handle's slots fall silent, so a late signal from a cancelled worker never reaches
the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from .tasks import Task, TaskQueue


class _Relay(QObject):
    """Receives one signal on the GUI thread (a bound method of a QObject living there: a
    plain lambda would run in the worker thread) and passes it on while its handle is current."""

    def __init__(self, handle: "TaskHandle", slot: Callable[..., Any], final: bool) -> None:
        super().__init__(handle)
        self._handle = handle
        self._slot = slot
        self._final = final

    def fire(self, *args: Any) -> None:
        if not self._handle.is_current():
            return
        if self._final:
            self._handle.release()
        self._slot(*args)


#: Marks an outcome that ends the task: the lane forgets it before the slot runs.
FINAL = True
Slots = Sequence[tuple[Any, Callable[..., Any]] | tuple[Any, Callable[..., Any], bool]]


class TaskHandle(QObject):
    def __init__(self, lane: "TaskLane", task: "Task") -> None:
        super().__init__(lane)
        self.lane = lane
        self.task = task

    def is_current(self) -> bool:
        return self.lane.current is self and not self.lane.queue.closing

    def on(self, signal: Any, slot: Callable[..., Any], final: bool = False) -> "TaskHandle":
        """Connect ``signal`` of the task to ``slot``; ``final``: this outcome ends the task
        (the lane forgets it before ``slot`` runs)."""
        signal.connect(_Relay(self, slot, final).fire)
        return self

    def release(self) -> None:
        if self.lane.current is self:
            self.lane.current = None
        # The relays are its children: a signal still queued for them is dropped with them.
        self.deleteLater()


class TaskLane(QObject):
    """The current task of one kind; ``kind`` is the ``Task.kind`` that the queue cancels."""

    def __init__(self, queue: "TaskQueue", kind: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.kind = kind
        self.current: TaskHandle | None = None

    def submit(self, task: "Task", slots: Slots = (), replaces: tuple[str, ...] | None = None) -> TaskHandle:
        """Make ``task`` this lane's current one, connect ``slots`` and queue it; tasks of the
        kinds in ``replaces`` (default: this lane's kind) are cancelled."""
        if self.current is not None:
            self.current.release()
        handle = TaskHandle(self, task)
        self.current = handle
        for signal, slot, *final in slots:
            handle.on(signal, slot, final=bool(final and final[0]))
        self.queue.submit(task, replaces=(self.kind,) if replaces is None else replaces)
        return handle

    def busy(self) -> bool:
        return self.current is not None

    def forget(self) -> None:
        """No task of this lane is current any more (its late signals are ignored)."""
        if self.current is not None:
            self.current.release()

    def cancel(self) -> None:
        """Forget the current task and stop it (and anything queued of this kind)."""
        self.forget()
        self.queue.cancel((self.kind,))
