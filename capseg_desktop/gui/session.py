"""The image session: the one owner of what the window shows for the image on screen, without Qt.

It holds the picture, its analysis (as inferred, as recounted, as shown with the hand
corrections replayed), the corrections' log, the scale in force and where it comes from, the
counting parameters and which of them the user changed, and the selected capillaries. It says
what changed through its events; the window, the count panel, the views, the batch list and
the exam observe them, and the controllers change the session through its methods, never
through another controller's or the window's attributes.

A click goes one way: view -> controller -> session -> count -> observers. For a Delete: the
edit controller turns the selection into a ``core.corrections.Edit``, ``add_edits`` puts it in
the log, the controller replays the log on ``unedited`` (``Analysis.with_edits``) and ``show``
makes that the shown analysis; every observer of ``analysis_changed`` (views, count panel,
status bar, batch row, exam) takes the new count, and an export writes ``analysis``.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

if TYPE_CHECKING:
    from ..core import Analysis, CountingParams, LoadedImage
    from ..core.calibration import Calibration
    from ..core.corrections import Edit


class Event:
    """One kind of change and its observers, called in the order they connected."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._observers: list[Callable[..., Any]] = []

    def connect(self, observer: Callable[..., Any]) -> None:
        self._observers.append(observer)

    def disconnect(self, observer: Callable[..., Any]) -> None:
        self._observers.remove(observer)

    def emit(self, *args: Any) -> None:
        for observer in list(self._observers):
            observer(*args)

    def __repr__(self) -> str:
        return f"Event({self.name!r}, {len(self._observers)} observers)"


class ImageSession:
    """What the window shows for one image. Events (their arguments):

    - ``image_changed`` (LoadedImage or None): another picture, or none; its analysis, its
      corrections and the selection are gone with the previous one.
    - ``analysis_changed`` (Analysis or None): the shown analysis (a count, a recount, an edit).
    - ``edits_changed`` (tuple of Edit): the corrections' log.
    - ``scale_changed`` (µm per pixel or None, Calibration or None): the scale in force and its source.
    - ``params_changed`` (CountingParams, names of the fields the user changed): what counts.
    - ``selection_changed`` (tuple of capillary numbers, reveal): the selected capillaries;
      ``reveal``: scroll the views to the first.
    """

    def __init__(self) -> None:
        self.image: LoadedImage | None = None
        self.base_analysis: Analysis | None = None  # as inferred: holds the probability map
        self.unedited: Analysis | None = None  # recounted for the parameters and scale in force
        self.analysis: Analysis | None = None  # as shown: the log replayed, the scale's source recorded
        self.edits: list[Edit] = []
        self.um_per_px: float | None = None
        self.calibration: Calibration | None = None
        self.params: CountingParams | None = None
        self.changed_params: tuple[str, ...] = ()
        self.selection: tuple[int, ...] = ()
        self.image_changed = Event("image_changed")
        self.analysis_changed = Event("analysis_changed")
        self.edits_changed = Event("edits_changed")
        self.scale_changed = Event("scale_changed")
        self.params_changed = Event("params_changed")
        self.selection_changed = Event("selection_changed")

    # The picture -----------------------------------------------------------------------------
    @property
    def image_path(self) -> Path | None:
        return self.image.path if self.image is not None else None

    def open(self, image: LoadedImage) -> None:
        """A new picture on screen, with no result yet."""
        self._forget(image)

    def close(self) -> None:
        """No picture on screen: no result, no corrections, no selection."""
        self._forget(None)

    def _forget(self, image: LoadedImage | None) -> None:
        had_analysis = self.analysis is not None
        self.image = image
        self.base_analysis = self.unedited = self.analysis = None
        self.selection = ()
        self.image_changed.emit(image)
        if self.edits:
            self.edits.clear()
            self.edits_changed.emit(())
        if had_analysis:
            self.analysis_changed.emit(None)

    # The analysis ----------------------------------------------------------------------------
    def set_inferred(self, analysis: Analysis | None) -> None:
        """The analysis as the model made it (kept for recounts without inference)."""
        self.base_analysis = analysis

    def show(self, analysis: Analysis, unedited: Analysis | None = None, selection: Sequence[int] = ()) -> None:
        """``analysis`` is what the window shows now (``unedited``: the same before the log
        was replayed); ``selection``: the capillaries selected with it."""
        self.analysis = analysis
        if unedited is not None:
            self.unedited = unedited
        self.selection = _numbers(selection)
        self.analysis_changed.emit(analysis)

    def record(self, analysis: Analysis) -> None:
        """The shown analysis with what it records changed (the scale's source, the density
        window), not its count."""
        self.analysis = analysis

    def drop_analysis(self) -> None:
        """The picture stays, without a result (a cancelled analysis)."""
        self.base_analysis = self.unedited = self.analysis = None
        self.selection = ()
        self.analysis_changed.emit(None)

    # Corrections ----------------------------------------------------------------------------
    def add_edits(self, edits: Sequence[Edit]) -> None:
        self.edits.extend(edits)
        self.edits_changed.emit(tuple(self.edits))

    def remove_edits(self, edits: Sequence[Edit]) -> None:
        """Take ``edits`` off the end of the log (where an undo finds them), else wherever they are."""
        count = len(edits)
        if count and self.edits[-count:] == list(edits):
            del self.edits[-count:]
        else:
            for edit in edits:
                if edit in self.edits:
                    self.edits.remove(edit)
        self.edits_changed.emit(tuple(self.edits))

    def clear_edits(self) -> None:
        if self.edits:
            self.edits.clear()
            self.edits_changed.emit(())

    # Scale, parameters -----------------------------------------------------------------------
    def set_scale(self, um_per_px: float | None, calibration: Calibration | None = None) -> None:
        """The scale in force (exact: a profile's 0.497439 stays that) and where it comes from."""
        same = (um_per_px is None) == (self.um_per_px is None) and (
            um_per_px is None or math.isclose(um_per_px, self.um_per_px or 0.0, rel_tol=0, abs_tol=1e-12))
        if same and calibration == self.calibration:
            return
        self.um_per_px, self.calibration = um_per_px, calibration
        self.scale_changed.emit(um_per_px, calibration)

    def set_params(self, params: CountingParams, changed: Sequence[str] = ()) -> None:
        """The counting parameters in force and the fields that differ from the recommendation."""
        changed = tuple(changed)
        if (params, changed) == (self.params, self.changed_params):
            return
        self.params, self.changed_params = params, changed
        self.params_changed.emit(params, changed)

    # Selection -------------------------------------------------------------------------------
    def select(self, numbers: Sequence[int], reveal: bool = False) -> None:
        self.selection = _numbers(numbers)
        self.selection_changed.emit(self.selection, reveal)

    def toggle(self, number: int) -> None:
        """Ctrl+click: ``number`` joins the selection or leaves it."""
        current = list(self.selection)
        self.select([n for n in current if n != number] if number in current else current + [number])


def _numbers(numbers: Sequence[int]) -> tuple[int, ...]:
    """Capillary numbers without zeros or repeats, in their order."""
    return tuple(n for n in dict.fromkeys(int(n) for n in numbers) if n)
