"""The report tests use the core tests' tiny models (the darkness model's exact counts) and
keep the command line's log in a temporary folder."""

from __future__ import annotations

from tests.core.conftest import _log_in_tmp, darkness_model_dir, darkness_session  # noqa: F401  (fixtures)
