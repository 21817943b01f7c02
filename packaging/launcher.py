"""Entry point of the frozen CapSeg Desktop (PyInstaller runs this file as ``__main__``).

It starts the desktop app. One extra, packaging-only mode proves that the bundle is complete
(the application code knows nothing of it):

    capseg-desktop --frozen-selftest REPORT.json IMAGE [MODEL ...]

opens the bundled model (found the same way as in development) and each MODEL given
(.tflite, .keras, .h5: the Keras ones import TensorFlow inside the bundle), analyses IMAGE with
each, and writes what happened as JSON. ``packaging/check_frozen.sh`` runs it; a module that a
``build.spec`` exclusion wrongly removed shows up there as an error instead of on a
clinician's workstation.
"""

from __future__ import annotations

import sys


def _frozen_selftest(argv: list[str]) -> int:
    import json
    import time
    import traceback
    from pathlib import Path

    report_path, image, *models = argv
    report: dict = {"frozen": bool(getattr(sys, "frozen", False)), "models": []}
    status = 0
    try:
        from capseg_desktop.core import Analyzer, load_model
        from capseg_desktop.core import paths

        default = paths.default_model_path()
        report["paths"] = {
            "app_root": str(paths.app_root()),
            "models_dir": str(paths.models_dir()),
            "resources_dir": str(paths.resources_dir()),
            "sample_images_dir": str(paths.sample_images_dir()),
            "default_model": str(default) if default else None,
            "resources_exists": paths.resources_dir().is_dir(),
            "samples_exist": paths.sample_images_dir().is_dir(),
        }
        candidates = ([str(default)] if default else []) + models
        for model in candidates:
            entry: dict = {"model": model}
            start = time.perf_counter()
            try:
                session = load_model(model)
                analysis = Analyzer(session).analyze_path(Path(image))
                entry.update(
                    runtime=session.runtime,
                    count=analysis.result.count,
                    seconds=round(time.perf_counter() - start, 3),
                )
            except Exception as exc:  # reported, and the check fails
                entry["error"] = "".join(traceback.format_exception(exc))
                status = 1
            report["models"].append(entry)
            if model == str(default):
                # The bundled model runs on LiteRT: TensorFlow must not have been imported yet.
                report["tensorflow_after_bundled_model"] = "tensorflow" in sys.modules
        report["tensorflow_loaded"] = "tensorflow" in sys.modules
    except Exception as exc:
        report["error"] = "".join(traceback.format_exception(exc))
        status = 1
    Path(report_path).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return status


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # a no-op unless a frozen child process is starting
    if len(sys.argv) >= 4 and sys.argv[1] == "--frozen-selftest":
        return _frozen_selftest(sys.argv[2:])
    from capseg_desktop.__main__ import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
