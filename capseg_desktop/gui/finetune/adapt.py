"""Model > Adapt to this microscope…: the guided way from a new microscope's folder to counts made
by its own model, built from the pieces the window has.

1. Choose the microscope (its profile) and the folder of its images.
2. The app proposes 8-12 varied images (``core.adaptation.propose_images``: spread over the
   folder, unlike each other in brightness, contrast, colour and content).
3. *Review next* opens the next image not yet reviewed; the user corrects it (N/X walk the
   boxes, R takes out a rectangle, Edit > Keep only the distal row); its corrections are saved
   as they are made. The list and "3 of 10 reviewed" follow.
4. With 3 or more reviewed, *Fine-tune* chooses the microscope in the toolbar and opens the
   fine-tuning dialog on the folder (background process, before/after on images kept aside);
   accepting the model offers to keep it with the microscope, which then loads it whenever it
   is chosen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

if TYPE_CHECKING:
    from .controller import FinetuneController

#: Fewer reviewed images than this cannot be split into training and kept-aside ones.
MIN_REVIEWED = 3
REFRESH_MS = 1500


class AdaptDialog(QDialog):
    """Not modal: the user corrects the proposed images in the main window while it stays open."""

    def __init__(self, finetune: FinetuneController, folder: Path | None) -> None:
        super().__init__(finetune.window)
        self.finetune = finetune
        self.window = finetune.window
        self.setObjectName("adapt_dialog")
        self.setWindowTitle(self.tr("Adapt to this microscope"))
        self.folder: Path | None = folder
        self.proposed: list[Path] = []
        self.reviewed: set[Path] = set()
        self.microscope = QComboBox()
        self.microscope.setObjectName("adapt_microscope")
        self.microscope.setAccessibleName(self.tr("Microscope"))
        self.folder_label = QLabel("")
        self.folder_label.setWordWrap(True)
        profiles = QPushButton(self.tr("&Microscopes…"))  # a new microscope has no profile yet: add it from here
        profiles.setObjectName("adapt_profiles")
        profiles.clicked.connect(self.manage_microscopes)
        choose = QPushButton(self.tr("&Folder…"))
        choose.clicked.connect(self.choose_folder)
        self.images = QListWidget()
        self.images.setObjectName("adapt_images")
        self.images.setAccessibleName(self.tr("Images to review"))
        self.images.itemDoubleClicked.connect(lambda item: self.open(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.progress = QLabel("")
        self.progress.setObjectName("adapt_progress")
        self.review_button = QPushButton(self.tr("&Review next"))
        self.review_button.setObjectName("adapt_review")
        self.review_button.clicked.connect(self.review_next)
        self.finetune_button = QPushButton(self.tr("Fine-&tune…"))
        self.finetune_button.setObjectName("adapt_finetune")
        self.finetune_button.clicked.connect(self.start_finetune)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (profiles, choose, self.finetune_button, close):
            button.setAutoDefault(False)
        self.review_button.setDefault(True)  # Enter: the next image to review
        hint = QLabel(self.tr("Correct each proposed image in the main window (N keeps a box and goes to the next, X takes it "
                              "out, R takes out a rectangle); corrections are saved as you make them. With 3 or more "
                              "reviewed, fine-tune: the new model can then be kept with the microscope."))
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Microscope:")))
        top.addWidget(self.microscope, 1)
        top.addWidget(profiles)
        where = QHBoxLayout()
        where.addWidget(self.folder_label, 1)
        where.addWidget(choose)
        buttons = QHBoxLayout()
        for button in (self.review_button, self.finetune_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        for part in (top, where):
            layout.addLayout(part)
        layout.addWidget(hint)
        layout.addWidget(self.images, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.resize(560, 460)
        self.timer = QTimer(self)  # corrections are saved in the main window: the list follows
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._fill_microscopes()
        if folder is not None:
            self.propose(folder)
        self.refresh()

    def _fill_microscopes(self) -> None:
        scale = self.window.calibration
        chosen = self.microscope.currentData()
        self.microscope.clear()
        for profile in scale.profiles:
            self.microscope.addItem(profile.name, profile.name)
        if scale.profile is not None:
            self.microscope.setCurrentIndex(max(0, self.microscope.findData(scale.profile.name)))
        elif chosen is not None and self.microscope.findData(chosen) >= 0:
            self.microscope.setCurrentIndex(self.microscope.findData(chosen))

    def manage_microscopes(self) -> None:
        """Model > Microscopes… from the dialog; a profile added there is chosen here (the last one added)."""
        before = {p.name for p in self.window.calibration.profiles}
        self.window.calibration.manage_profiles()
        self._fill_microscopes()
        added = [p.name for p in self.window.calibration.profiles if p.name not in before]
        if added:
            self.microscope.setCurrentIndex(self.microscope.findData(added[-1]))
        self.refresh()

    def choose_folder(self) -> None:
        start = str(self.folder or self.window.settings.folder("open") or Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("The folder of this microscope's images"), start)
        if chosen:
            self.propose(Path(chosen))

    def propose(self, folder: Path) -> None:
        from ...core.adaptation import propose_images
        from ...core.imageio import list_images

        self.folder = folder
        self.folder_label.setText(self.tr("Folder: %1").replace("%1", str(folder)))
        proposal = propose_images(list_images(folder))
        self.proposed = list(proposal.images)
        self.refresh()

    def refresh(self) -> None:
        from ...core.adaptation import reviewed_images

        self.reviewed = set(reviewed_images(self.proposed))
        self.images.clear()
        for path in self.proposed:
            done = path in self.reviewed
            item = QListWidgetItem(f"{'✓' if done else '·'}  {path.name}  " + (self.tr("reviewed") if done else self.tr("to review")))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.images.addItem(item)
        count = len(self.reviewed)
        if self.microscope.count() == 0:
            self.progress.setText(self.tr("Add this microscope first: Microscopes… (its name and µm per pixel)."))
        elif self.proposed:
            self.progress.setText(self.tr("%1 of %2 reviewed").replace("%1", str(count)).replace("%2", str(len(self.proposed))))
        else:
            self.progress.setText(self.tr("Choose the folder of this microscope's images."))
        self.review_button.setEnabled(any(p not in self.reviewed for p in self.proposed))
        self.finetune_button.setEnabled(count >= MIN_REVIEWED and self.microscope.count() > 0)
        self.finetune_button.setToolTip("" if count >= MIN_REVIEWED else self.tr("Review at least 3 images first."))

    def open(self, path: Path) -> None:
        """The image in the main window, counted with the chosen microscope (its scale, its own
        model when it has one), which comes to the front with the keyboard (N, X, R work at once)."""
        self.choose_microscope()
        self.window.open_image(path)
        self.window.raise_()
        self.window.activateWindow()
        # Again once the click that got here is over: a window manager (openbox) otherwise
        # gives the keyboard back to this dialog, the window the button was clicked in.
        QTimer.singleShot(0, self.window.activateWindow)

    def review_next(self) -> None:
        """The next image not yet reviewed after the one shown: one that needs no correction
        (and so gets no corrections file) does not stop the way to the others."""
        waiting = [p for p in self.proposed if p not in self.reviewed]
        if not waiting:
            return
        shown = self.window.image_path
        if shown is not None and Path(shown) in self.proposed:
            after = self.proposed.index(Path(shown))
            later = [p for p in waiting if self.proposed.index(p) > after]
            waiting = later or waiting
        self.open(waiting[0])

    def choose_microscope(self) -> None:
        """The microscope chosen here, chosen in the toolbar too."""
        from ...core.calibration import find_profile

        scale = self.window.calibration
        profile = find_profile(scale.profiles, self.microscope.currentData() or "")
        if profile is not None and scale.profile != profile:
            scale.choose(profile)

    def start_finetune(self) -> Any:
        """Choose the microscope in the toolbar (the accepted model is then offered to it) and
        fine-tune on the folder's reviewed images."""
        self.choose_microscope()
        if self.folder is not None:
            self.finetune.open_dialog(self.folder)
        return self.finetune.dialog

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.timer.start()

    def hideEvent(self, event: Any) -> None:
        self.timer.stop()
        super().hideEvent(event)
