"""The fine-tune dialog: what will be used, a progress bar per epoch with the time left and
Cancel, then the validation scores before and after, and Use this model / Discard.

The work is a child process (``FinetuneProcess``); this dialog only shows its events.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from .process import MIN_IMAGES, FinetuneProcess
from ..widgets.tables import locale_number

if TYPE_CHECKING:
    from .controller import FinetuneController


def format_seconds(seconds: float) -> str:
    """"42 s", "1 min 05 s"."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("FinetuneDialog", "{0} s").format(seconds)
    minutes, rest = divmod(seconds, 60)
    return QCoreApplication.translate("FinetuneDialog", "{0} min {1:02d} s").format(minutes, rest)


class FinetuneDialog(QDialog):
    """States: ready (Start), running (Cancel), stopping, finished (Use this model / Discard),
    failed or stopped (Close)."""

    def __init__(self, controller: FinetuneController, folder: Path, images: list[Path], base: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.folder, self.images, self.base = folder, images, base
        self.state = "ready"
        self.out: Path | None = None
        self.name = ""
        self.done_event: dict = {}
        self.scores: dict = {}
        self.epochs = 0
        self.started = 0.0
        self.accepted_model: Path | None = None
        self.runner: FinetuneProcess | None = None

        self.setObjectName("finetune_dialog")
        self.setWindowTitle(self.tr("Fine-tune on corrected images"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        self.intro = QLabel()
        self.intro.setObjectName("finetune_intro")
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.intro)

        self.progress = QProgressBar()
        self.progress.setObjectName("finetune_progress")
        self.progress.setAccessibleName(self.tr("Fine-tuning progress (epochs)"))
        self.progress.setFormat(self.tr("Epoch %v of %m"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.hide()  # until it starts
        layout.addWidget(self.progress)
        self.status = QLabel(" ")
        self.status.setObjectName("finetune_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.scores_box = QGroupBox(self.tr("Validation images (kept aside, never trained on)"))
        self.scores_box.setObjectName("finetune_scores")
        grid = QGridLayout(self.scores_box)
        grid.setVerticalSpacing(8)
        grid.setHorizontalSpacing(24)
        headers = (self.tr("Before"), self.tr("After"))
        for column, text in enumerate(headers, start=1):
            header = QLabel(f"<b>{text}</b>")
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, column)
        self.score_labels: dict[tuple[str, str], QLabel] = {}
        rows = (("f1", self.tr("F1 of detections (higher is better)")),
                ("count_error", self.tr("Mean count error per image (lower is better)")))
        for row, (key, text) in enumerate(rows, start=1):
            grid.addWidget(QLabel(text), row, 0)
            for column, when in enumerate(("before", "after"), start=1):
                label = QLabel("–")
                label.setObjectName(f"score_{key}_{when}")
                label.setAlignment(Qt.AlignmentFlag.AlignRight)
                grid.addWidget(label, row, column)
                self.score_labels[(key, when)] = label
        self.verdict = QLabel()
        self.verdict.setObjectName("finetune_verdict")
        self.verdict.setWordWrap(True)
        grid.addWidget(self.verdict, len(rows) + 1, 0, 1, 3)
        self.scores_box.hide()
        layout.addWidget(self.scores_box)

        self.buttons = QDialogButtonBox()
        self.start_button = self._button(self.tr("&Start"), "finetune_start", QDialogButtonBox.ButtonRole.ActionRole, self.start)
        self.cancel_button = self._button(self.tr("&Cancel"), "finetune_cancel", QDialogButtonBox.ButtonRole.RejectRole, self.cancel)
        self.accept_button = self._button(self.tr("&Use this model"), "finetune_accept", QDialogButtonBox.ButtonRole.AcceptRole,
                                          self.accept_model)
        self.discard_button = self._button(self.tr("&Discard"), "finetune_discard", QDialogButtonBox.ButtonRole.DestructiveRole,
                                           self.discard_model)
        self.close_button = self._button(self.tr("C&lose"), "finetune_close", QDialogButtonBox.ButtonRole.RejectRole, self.reject)
        layout.addWidget(self.buttons)
        self._show_intro()
        self._set_state("ready")

    def _button(self, text: str, name: str, role: QDialogButtonBox.ButtonRole, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.buttons.addButton(button, role)
        return button

    def _show_intro(self) -> None:
        count = len(self.images)
        lines = [self.tr("%n corrected image(s) found in %1.", "", count).replace("%1", str(self.folder))]
        if count < MIN_IMAGES:
            lines.append(self.tr("Fine-tuning needs at least {0}: correct more results in this folder first "
                                 "(the corrections are kept with each image).").format(MIN_IMAGES))
        elif self.base is None:
            lines.append(self.tr("The current model has no Keras file (.keras) beside it to start from; "
                                 "load a .keras model (or the bundled model) first."))
        else:
            validation = max(1, int(round(count / 5)))
            lines.append(self.tr("%n of them will train the model %1; %2 will be kept aside to score it before "
                                 "and after. The current model is not changed.", "", count - validation)
                         .replace("%1", self.base.name).replace("%2", str(validation)))
        self.intro.setText("\n".join(lines))

    def can_start(self) -> bool:
        return len(self.images) >= MIN_IMAGES and self.base is not None

    def _set_state(self, state: str) -> None:
        self.state = state
        self.start_button.setVisible(state == "ready")
        self.start_button.setEnabled(self.can_start())
        self.cancel_button.setVisible(state in ("running", "stopping"))
        self.cancel_button.setEnabled(state == "running")
        self.accept_button.setVisible(state == "finished")
        self.discard_button.setVisible(state == "finished")
        self.close_button.setVisible(state in ("ready", "failed", "stopped", "accepted", "discarded"))
        default = {"finished": self.discard_button if self.scored_worse() else self.accept_button, "ready": self.start_button,
                   "running": None, "stopping": None}.get(state, self.close_button)
        # Enter presses the button the dialog advises: never "Use this model" for a model that
        # scored worse (the default stayed on it when the dialog advised discarding), nothing
        # while it runs (Escape stops it).
        for button in (self.start_button, self.cancel_button, self.accept_button, self.discard_button, self.close_button):
            button.setDefault(button is default)
        (default or self.cancel_button).setFocus()

    def scored_worse(self) -> bool:
        """Whether the fine-tuned model scored a lower F1 than the current one on the images kept aside."""
        scores = self.scores or {}
        return (scores.get("after") or {}).get("f1", 0) < (scores.get("before") or {}).get("f1", 0)

    # Running ------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.can_start() or self.state != "ready":
            return
        self.out, self.name = self.controller.new_run_folder(self.base)
        program, args = self.controller.command(self.folder, self.base, self.out)
        self.runner = FinetuneProcess(self)
        self.runner.event.connect(self.on_event)
        self.runner.finished.connect(self.on_finished)
        self.started = time.monotonic()
        self.status.setText(self.tr("Starting (loading TensorFlow and the model)…"))
        self.progress.setRange(0, 0)  # busy until the first epoch says how many
        self.progress.show()
        self._set_state("running")
        self.runner.start(program, args)

    def on_event(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "start":
            self.epochs = int(event.get("epochs", 1))
            self.progress.setRange(0, max(1, self.epochs))
            self.progress.setValue(0)
            names = ", ".join(event.get("validation", []))
            self.status.setText(self.tr("Scoring the model before fine-tuning on {0}…").format(names))
        elif kind == "epoch":
            epochs = int(event.get("epochs", self.epochs or 1))
            self.progress.setRange(0, max(1, epochs))
            self.progress.setValue(int(event.get("epoch", 0)))
            left = format_seconds(float(event.get("eta_s", 0)))
            self.status.setText(self.tr("Epoch {0} of {1}: about {2} left.").format(event.get("epoch"), epochs, left))
            if int(event.get("epoch", 0)) >= epochs:
                self.status.setText(self.tr("Writing the model and scoring it (about {0} left)…").format(left))
        elif kind == "scores":
            self.scores = event
            self._show_scores(event)
        elif kind == "done":
            self.done_event = event

    def _show_scores(self, event: dict) -> None:
        for when in ("before", "after"):
            values = event.get(when) or {}
            self.score_labels[("f1", when)].setText(locale_number(values.get("f1", 0), 3))
            self.score_labels[("count_error", when)].setText(locale_number(values.get("count_error", 0), 2))
        before, after = event.get("before", {}).get("f1", 0), event.get("after", {}).get("f1", 0)
        if after > before:
            self.verdict.setText(self.tr("The fine-tuned model finds the capillaries of your validation images better."))
        elif after == before:
            self.verdict.setText(self.tr("The fine-tuned model scores the same on your validation images."))
        else:
            self.verdict.setText(self.tr("The fine-tuned model scores worse on your validation images: discarding it "
                                         "is probably wise."))
        self.scores_box.show()
        self.adjustSize()

    def on_finished(self, code: int, message: str) -> None:
        elapsed = format_seconds(time.monotonic() - self.started)
        self.progress.setRange(0, max(1, self.epochs))
        if code == 0 and self.done_event and self.out is not None and self.out.is_dir():
            self.progress.setValue(self.progress.maximum())
            self.status.setText(self.tr("Finished in {0}. Use this model, or discard it?").format(elapsed))
            self._set_state("finished")
            return
        if self.out is not None:
            self.controller.discard_model(self.out)  # nothing half-written stays behind
        if code == 130:
            self.status.setText(self.tr("Stopped; nothing was saved and the current model is unchanged."))
            self._set_state("stopped")
        else:
            self.status.setText(message or self.tr("The fine-tuning failed (details in the log)."))
            self._set_state("failed")

    def cancel(self) -> None:
        if self.state == "running" and self.runner is not None:
            self.status.setText(self.tr("Stopping after the current step…"))
            self._set_state("stopping")
            self.runner.cancel()

    # The outcome ----------------------------------------------------------------------------
    def accept_model(self) -> None:
        if self.state != "finished" or self.out is None:
            return
        try:
            self.accepted_model = self.controller.accept_model(self.out, self.done_event)
        except OSError as exc:
            self.status.setText(self.tr("The model could not be moved into the models folder ({0}).").format(exc))
            return
        self.status.setText(self.tr("Saved as {0}; the window now uses it.").format(self.accepted_model.parent.name))
        self._set_state("accepted")
        self.accept()

    def discard_model(self) -> None:
        if self.state != "finished" or self.out is None:
            return
        self.controller.discard_model(self.out)
        self.status.setText(self.tr("Discarded; the current model is unchanged."))
        self._set_state("discarded")
        self.reject()

    def reject(self) -> None:
        if self.state in ("running", "stopping"):
            self.cancel()  # closing while it runs stops it; the dialog closes when it has
            return
        if self.state == "finished":
            self.discard_model()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.state in ("running", "stopping"):
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
