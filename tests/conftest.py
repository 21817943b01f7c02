"""Shared test set-up: Qt draws offscreen (no display needed), set before any Qt import; the
app speaks English (the tests read its English sentences) whatever the machine's locale;
tests/*/test_language*.py and test_i18n*.py switch to French on purpose."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CAPSEG_LANG"] = "en"
