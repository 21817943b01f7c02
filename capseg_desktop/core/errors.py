"""Typed errors. Each carries one sentence a clinician can read (``str(error)``);
the technical detail goes to ``error.detail`` for the log."""

from __future__ import annotations


class CapSegError(Exception):
    """Base class: ``str(error)`` is the plain sentence shown to a user."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ImageReadError(CapSegError):
    """An image could not be read (missing, not an image, corrupt, unsupported, empty)."""


class ImageTooLargeError(ImageReadError):
    """The image has more pixels than the configured budget."""


class ModelLoadError(CapSegError):
    """A model file could not be loaded or is not a usable segmentation model."""


class ExportError(CapSegError):
    """A result could not be written (exists, read-only folder, disk full)."""


class AnalysisCancelled(Exception):
    """The user cancelled: its own outcome, not an error."""
