"""Shared test set-up: Qt draws offscreen (no display needed), set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
