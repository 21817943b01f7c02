"""The model's life in the window: which model to start with, loading in the background,
remembering it, and what Model information and About say about it."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ... import __version__
from ..background.handles import FINAL, TaskLane
from ..settings import AppSettings
from ..widgets.file_filters import model_filter
from ..widgets.tables import english_one, locale_number, shown
from ..background.tasks import ModelLoadTask, TaskQueue
from .parts import StatusArea

if TYPE_CHECKING:
    from ...core import Analyzer, CountingParams, ModelSession
    from .count_panel import CountPanel

log = logging.getLogger("capseg_desktop.gui.model")




class ModelController(QObject):
    #: (session, previous recommended CountingParams or None, loaded at start-up)
    ready = Signal(object, object, bool)
    failed = Signal(str, bool)  # sentence, whether to show it in a dialog

    def __init__(
        self,
        queue: TaskQueue,
        settings: AppSettings,
        parent_widget: QWidget,
        pixel_budget: Callable[[], int],
        loader: Callable[[Path], ModelSession] | None = None,
        override: Path | None = None,
        status: StatusArea | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.status = status
        self.settings = settings
        self.parent_widget = parent_widget
        self.pixel_budget = pixel_budget
        self.loader = loader
        self.override = override
        self.session: ModelSession | None = None
        self.analyzer: Analyzer | None = None
        self.lane = TaskLane(queue, "model", self)

    # Which model -------------------------------------------------------------------------
    def startup_path(self) -> Path | None:
        if self.override is not None:
            return self.override
        remembered = self.settings.model_path()
        if remembered and Path(remembered).is_file():
            return Path(remembered)
        from ...core.paths import default_model_path

        return default_model_path()

    def recommended(self) -> CountingParams:
        """The model card's counting parameters (the original's without a model)."""
        from ...core import CountingParams

        return self.analyzer.default_params() if self.analyzer is not None else CountingParams()

    def start(self, autoload: bool) -> None:
        """At start-up: load the override, remembered or bundled model, or say there is none."""
        if not autoload:
            if self.session is None and self.status is not None:
                self.status.set_text(self.tr("No model loaded: choose Model > Load model… to count capillaries."))
            return
        path = self.startup_path()
        if path is not None:
            self.load_model(path, startup=True)
            return
        if self.status is not None:
            self.status.set_text(self.tr("No model found: choose Model > Load model… to count capillaries."))
        self.failed.emit(self.tr("No model was found in the models folder; load one with Model > Load model… (or start with --model PATH)."), False)

    # Loading -----------------------------------------------------------------------------
    def load_model_dialog(self) -> None:
        from ...core.paths import models_dir

        folder = self.settings.folder("model") or str(models_dir() if models_dir().is_dir() else Path.home())
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Load model"), folder, model_filter())
        if path:
            self.settings.set_folder("model", Path(path).parent)
            self.load_model(Path(path))

    def load_green_light_model(self) -> None:
        """Model > Model for green light: the model for any light installed beside the bundled one."""
        from ...core.paths import any_light_model_path

        path = any_light_model_path()
        if path is None:
            self.failed.emit(self.tr("The model for any light is not installed (models/any_light/); load another "
                                     "model with Model > Load model…."), True)
            return
        self.load_model(path)

    def load_model(self, path: str | Path, startup: bool = False) -> None:
        path = Path(path)
        task = ModelLoadTask(path, self.loader)  # None: tasks.load_model_for_gui
        self.lane.submit(task, [
            (task.loaded, lambda session: self._loaded(session, startup), FINAL),
            (task.failed, self._failed, FINAL),
        ], replaces=())
        if self.status is not None:
            self.status.model_label.setText(self.tr("Loading %1…").replace("%1", path.name))
            self.status.set_text(self.tr("Loading the model %1…").replace("%1", path.name))

    def _loaded(self, session: ModelSession, startup: bool) -> None:
        self.settings.set_model_path(session.path)
        self.use_session(session, startup)

    def use_session(self, session: ModelSession, startup: bool = False) -> None:
        """Make ``session`` the model; ``ready`` carries the previous model's recommended
        parameters (None for the first model) so the window can tell what changed."""
        from ...core import Analyzer

        previous = self.recommended() if self.analyzer is not None else None
        self.session = session
        self.analyzer = Analyzer(session, max_pixels=self.pixel_budget())
        if self.status is not None:
            self.status.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", session.name).replace("%2", session.runtime))
            self.status.model_label.setToolTip(f"{session.path}\nsha256 {session.sha256}")
        self.ready.emit(session, previous, startup)

    def _failed(self, message: str, _detail: str) -> None:
        if self.status is not None:
            session = self.session
            self.status.model_label.setText(self.tr("Model: %1 (%2)").replace("%1", session.name).replace("%2", session.runtime) if session
                                            else self.tr("No model"))
            self.status.set_text(self.tr("The model could not be loaded. The previous model is still in use.") if session
                                 else self.tr("The model could not be loaded."))
        self.failed.emit(message, True)

    # Information -------------------------------------------------------------------------
    def show_model_info(self) -> None:
        if self.session is None:
            QMessageBox.information(self.parent_widget, self.tr("Model information"),
                                    self.tr("No model is loaded. Choose Model > Load model… to open one."))
            return
        self._show_details(self.tr("Model information"), self.description(), self.card_text())

    def show_about(self) -> None:
        self._show_details(
            self.tr("About CapSeg Desktop"),
            f"CapSeg Desktop {__version__}\n"
            + self.tr("Counts blood capillaries in nailfold capillaroscopy images.") + "\n"
            + self.tr("Press F1 for help on the views, the parameters and the counting rules.") + "\n\n"
            + self.description(),
            self.card_text(),
        )

    def _show_details(self, title: str, text: str, details: str) -> None:
        """A message with the full model card behind its "Show Details…" button."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.parent_widget)
        if details:
            box.setDetailedText(details)
        box.exec()

    def card_text(self) -> str:
        card = self.session.card if self.session else None
        return json.dumps(card, indent=2, ensure_ascii=False) if card else ""

    def description(self) -> str:
        session = self.session
        if session is None:
            return self.tr("No model loaded.")
        lines = [
            self.tr("Model: %1 (%2)").replace("%1", session.name).replace("%2", session.runtime),
            self.tr("File: %1").replace("%1", str(session.path)),
            f"sha256: {session.sha256}",
            self.tr("Input: %1 channel(s), sides padded to a multiple of %2").replace("%1", str(session.input_channels))
            .replace("%2", str(session.multiple)),
            self.tr("Recommended counting: %1 (pixels at the model's scale)").replace("%1", self.recommended().describe()),
        ]
        works_at = model_scale_line(session.card)
        if works_at:
            lines.append(works_at)
        card = session.card
        if not card:
            lines.append(self.tr("No model card lists this file."))
            return "\n".join(lines)
        lines.append("")
        lines.append(self.tr("Model card: %1 version %2").replace("%1", str(card.get("name", "?"))).replace("%2", str(card.get("version", "?"))))
        if isinstance(card.get("parameters"), int):
            lines.append(self.tr("Weights: %1").replace("%1", QLocale().toString(int(card["parameters"]))))
        metrics = card.get("metrics")
        if isinstance(metrics, dict):
            numbers = [f"{k.replace('_', ' ')} {shown(v)}" for k, v in metrics.items() if isinstance(v, (int, float))]
            if numbers:
                lines.append(self.tr("Metrics: %1").replace("%1", ", ".join(numbers)))
        lines.append(self.tr("The whole card is under Show Details."))
        return "\n".join(lines)


def model_scale_line(card: dict | None) -> str:
    """"Works at: limbs about N px wide (images are resized to it)" from the card's ``scale``
    section, or "" when the model states no scale (images are then analysed at their size)."""
    scale = card.get("scale") if isinstance(card, dict) else None
    if not isinstance(scale, dict):
        return ""
    limb_px = scale.get("limb_width_px")
    if not isinstance(limb_px, (int, float)) and isinstance(scale.get("ridge_sigma_px"), (int, float)):
        from ...core.scale import LIMB_WIDTH_PER_SIGMA

        limb_px = scale["ridge_sigma_px"] * LIMB_WIDTH_PER_SIGMA
    if not isinstance(limb_px, (int, float)) or limb_px <= 0:
        return ""
    text = QCoreApplication.translate("ModelController", "Works at: limbs about %1 px wide (images are resized to it)")
    return text.replace("%1", locale_number(limb_px, 1))


class RecommendationText(QObject):
    """A translation context for ``apply_recommendation``: pyside6-lupdate finds a plural form
    (a count as the fourth argument) in ``self.tr`` but not in ``QCoreApplication.translate``."""

    def parameters_differ(self, count: int) -> str:
        return self.tr("%n parameters differ from its recommendation (marked ●; Ctrl+R resets them).", "", count)


def apply_recommendation(
    panel: CountPanel, session: ModelSession, recommended: CountingParams,
    previous: CountingParams | None, keep_saved: bool,
) -> str:
    """Put a new model's recommended parameters in the panel unless the user's own are to be
    kept (remembered from the last session, or changed from the previous model's advice), mark
    what differs, and say in one sentence what happened: never a silent change."""
    user_changed = panel.has_params() and previous is not None and panel.params() != previous
    keep = keep_saved or user_changed
    if not keep:
        panel.set_params(recommended, panel.scale_um_per_px())
    panel.set_recommended(recommended)
    message = QCoreApplication.translate("ModelController", "Model %1 ready.").replace("%1", session.name)
    if previous is not None and previous != recommended:
        other = (QCoreApplication.translate(
            "ModelController", "It recommends other counting parameters (%1); yours are kept (Ctrl+R applies the recommendation).")
                 if keep else QCoreApplication.translate("ModelController", "It recommends other counting parameters (%1): applied."))
        message += " " + other.replace("%1", recommended.describe())
    elif panel.changed():
        count = len(panel.changed())
        differ = RecommendationText().parameters_differ(count)
        message += " " + english_one(differ, count, "%n parameters differ from its recommendation (marked ●; Ctrl+R resets them).",
                                     "1 parameter differs from its recommendation (marked ●; Ctrl+R resets it).")
    return message
