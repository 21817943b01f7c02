"""Where top-level windows go: inside the screen's free area (used by the main window and the
exam window, so it lives below both)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def keep_on_screen(window: QWidget, near: QWidget | None = None) -> None:
    """Size and place a top-level window so that all of it, its frame included, lies in its
    screen's free area (without the panels), centred on ``near`` where that fits. A window
    sized to the free area alone still ran off it: the exam window, 820 px tall, opened at
    y = 195 on a 1000 px screen, its status line below the edge."""
    screen = (near or window).screen()
    free = screen.availableGeometry()
    # The frame (title bar, borders) is known once the window is shown; until then, room for one.
    frame_w = window.frameGeometry().width() - window.width() if window.isVisible() else 0
    frame_h = window.frameGeometry().height() - window.height() if window.isVisible() else 0
    frame_w, frame_h = max(frame_w, 8), max(frame_h, 36)
    width = min(window.width(), free.width() - frame_w)
    height = min(window.height(), free.height() - frame_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    centred = near is not None and near.isVisible()
    if centred:
        centre = near.frameGeometry().center()
        x, y = centre.x() - (width + frame_w) // 2, centre.y() - (height + frame_h) // 2
    else:
        x, y = window.x(), window.y()
    x = max(free.left(), min(x, free.left() + free.width() - width - frame_w))
    y = max(free.top(), min(y, free.top() + free.height() - height - frame_h))
    if centred or (x, y) != (window.x(), window.y()):  # else the window manager places it
        window.move(x, y)
