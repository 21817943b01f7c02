"""Every command of the window, declared as data, and the functions that install them and
say which are enabled.

A row says what the user sees (text, shortcut, tip, icon), where it goes (menu and group,
toolbar group), what it does (``handler``: a callable taking the window, which looks the
controller up when the action fires) and when it can be used (``enabled``: a condition on the
window's image session and controllers, such as ``analysis_shown``; none: always). Adding a
command is adding a row; the menus, the toolbar, the window-wide shortcuts and the Help page's
list of keys follow from the table, and ``refresh_actions`` evaluates every condition in one
place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

SP = QStyle.StandardPixmap
Handler = Callable[[Any], Any] | None
Condition = Callable[[Any], bool]


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    tip: str = ""
    icon: QStyle.StandardPixmap | None = None
    menu: str = ""  # "&File" or "&View/Overlay o&pacity"; empty: no menu
    group: int = 0  # a new group in the same menu starts after a separator
    toolbar: int | None = None  # toolbar group, None: not on the toolbar
    handler: Handler = None  # called with the window; None: the action is given by the window (a dock's toggle)
    checkable: bool = False
    exclusive: str = ""  # checkable actions with the same name exclude each other
    enabled: Condition | None = None  # when the command can be used (called with the window); None: always


# When a command can be used: conditions on the image session and the controllers, in one place.
def analysis_shown(window: Any) -> bool:
    return window.image_session.analysis is not None


def one_selected(window: Any) -> bool:
    return analysis_shown(window) and len(window.image_session.selection) >= 1


def two_selected(window: Any) -> bool:
    return analysis_shown(window) and len(window.image_session.selection) >= 2


def _flag(value: str) -> Callable[[Any], None]:
    return lambda window: window.editing.flag_selected(value)


def can_undo(window: Any) -> bool:
    return window.editing.stack.canUndo()


def can_redo(window: Any) -> bool:
    return window.editing.stack.canRedo()


def batch_has_rows(window: Any) -> bool:
    return window.batch.has_rows()


def image_and_model(window: Any) -> bool:
    return window.image_session.image is not None and window.models.analyzer is not None


def work_or_tool(window: Any) -> bool:
    """Esc has something to stop: an analysis, a batch, or an edit tool to leave."""
    return window.queue.has("analysis") or window.queue.has("batch") or window.editing.tool is not None


def _zoom(factor: float) -> Callable[[Any], None]:
    return lambda window: window.views.zoom_by(factor)


def _opacity(step: float) -> Callable[[Any], None]:
    return lambda window: window.layout_controls.set_opacity(window.layout_controls.opacity + step)


def _arrange(key: str) -> Callable[[Any], None]:
    return lambda window: window.layout_controls.set_arrangement(key)


def _tool(name: str) -> Callable[[Any], None]:
    return lambda window: window.editing.set_tool(name)


def _show_dock(window: Any, name: str) -> None:
    """View > Count panel / Batch results panel. The docks cannot be closed from their title
    bar (a panel lost that way was hard to find again), so Qt's own toggle action for them is
    always greyed out; these show and hide them instead."""
    dock = getattr(window, f"{name}_dock")
    dock.setVisible(window.actions_by_id[f"show_{name}"].isChecked())


def _brush(factor: float) -> Callable[[Any], None]:
    return lambda window: window.editing.resize_brush(factor)


def _help(window: Any) -> None:
    from .help import HelpDialog

    HelpDialog(window, shortcut_rows()).exec()


STD = QKeySequence.StandardKey

#: The menus' titles, translated where the menus are made (``_menu``); the table's paths stay English keys.
MENU_TITLES = (
    QT_TRANSLATE_NOOP("actions", "&File"), QT_TRANSLATE_NOOP("actions", "&Edit"), QT_TRANSLATE_NOOP("actions", "&Analysis"),
    QT_TRANSLATE_NOOP("actions", "&Model"), QT_TRANSLATE_NOOP("actions", "&View"), QT_TRANSLATE_NOOP("actions", "Overlay o&pacity"),
    QT_TRANSLATE_NOOP("actions", "&Help"), QT_TRANSLATE_NOOP("actions", "Loop &flags"), QT_TRANSLATE_NOOP("actions", "&Shape"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", QT_TRANSLATE_NOOP("actions", "&Open image…"), (STD.Open,), QT_TRANSLATE_NOOP("actions", "Open an image and count its capillaries"), icon=SP.SP_DialogOpenButton, menu="&File", toolbar=0, handler=lambda w: w.open_image_dialog()),
    ActionSpec("open_folder", QT_TRANSLATE_NOOP("actions", "Open &folder…"), ("Ctrl+Shift+O",), QT_TRANSLATE_NOOP("actions", "Analyse every image in a folder"), icon=SP.SP_DirOpenIcon, menu="&File", toolbar=0, handler=lambda w: w.batch.open_folder_dialog()),
    ActionSpec("export_annotated", QT_TRANSLATE_NOOP("actions", "&Export annotated PNG…"), ("Ctrl+E",), QT_TRANSLATE_NOOP("actions", "Save the image with numbered boxes and a legend"), icon=SP.SP_DialogSaveButton, menu="&File", group=1, toolbar=0, handler=lambda w: w.exports.export_annotated(), enabled=analysis_shown),
    ActionSpec("export_mask", QT_TRANSLATE_NOOP("actions", "Export &mask PNG…"), ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("actions", "Save the counted capillaries as a black and white PNG"), menu="&File", group=1, handler=lambda w: w.exports.export_mask(), enabled=analysis_shown),
    ActionSpec("export_results", QT_TRANSLATE_NOOP("actions", "Export &results CSV/JSON…"), ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("actions", "Save the capillary table (CSV) or the full result (JSON)"), menu="&File", group=1, handler=lambda w: w.exports.export_results(), enabled=analysis_shown),
    ActionSpec("export_summary", QT_TRANSLATE_NOOP("actions", "Export &batch summary CSV…"), ("Ctrl+Shift+B",), QT_TRANSLATE_NOOP("actions", "Save one row per image of the batch"), menu="&File", group=1, handler=lambda w: w.exports.export_summary(), enabled=batch_has_rows),
    ActionSpec("export_training_data", QT_TRANSLATE_NOOP("actions", "Export &training data…"), ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("actions", "Write the corrected images of the current folder, their masks and a points file, as the training tools read them"), menu="&File", group=1, handler=lambda w: w.finetune.export_training_data()),
    # The patient exam (gui/exam/controller.py): its own window, figures per finger, the report.
    ActionSpec("new_exam", QT_TRANSLATE_NOOP("actions", "New e&xam…"), ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("actions", "Start a patient exam: fingers 2 to 5 of both hands, one or more images each"), menu="&File", group=3, handler=lambda w: w.exam.new_exam()),
    ActionSpec("open_exam", QT_TRANSLATE_NOOP("actions", "Open exa&m…"), ("Ctrl+Alt+O",), QT_TRANSLATE_NOOP("actions", "Open a saved exam file (.capseg-exam.json)"), menu="&File", group=3, handler=lambda w: w.exam.open_exam_dialog()),
    ActionSpec("save_exam", QT_TRANSLATE_NOOP("actions", "&Save exam"), ("Ctrl+S",), QT_TRANSLATE_NOOP("actions", "Save the open exam"), menu="&File", group=3, handler=lambda w: w.exam.save()),
    ActionSpec("save_exam_as", QT_TRANSLATE_NOOP("actions", "Save exam &as…"), ("Ctrl+Alt+S",), QT_TRANSLATE_NOOP("actions", "Save the open exam under another name"), menu="&File", group=3, handler=lambda w: w.exam.save_as()),
    ActionSpec("export_report", QT_TRANSLATE_NOOP("actions", "Export re&port (PDF)…"), ("Ctrl+Shift+P",), QT_TRANSLATE_NOOP("actions", "Write the open exam's report: per-finger figures, patient summary, every image"), menu="&File", group=3, handler=lambda w: w.exam.export_report()),
    ActionSpec("export_exam_csv", QT_TRANSLATE_NOOP("actions", "Export exam CS&V…"), ("Ctrl+Alt+X",), QT_TRANSLATE_NOOP("actions", "Write the open exam as a table: one row per image and one per finger"), menu="&File", group=3, handler=lambda w: w.exam.export_csv()),
    ActionSpec("clear_recent", QT_TRANSLATE_NOOP("actions", "&Clear recent…"), ("Alt+0",), QT_TRANSLATE_NOOP("actions", "Forget the recently opened images"), handler=lambda w: w.recent.clear()),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), ("Ctrl+Q",), QT_TRANSLATE_NOOP("actions", "Quit CapSeg Desktop"), menu="&File", group=2, handler=lambda w: w.close()),
    # Edit: corrections by hand (gui/editing/controller.py); Esc leaves a tool for Select (see MainWindow.cancel).
    ActionSpec("undo", QT_TRANSLATE_NOOP("actions", "&Undo"), ("Ctrl+Z",), QT_TRANSLATE_NOOP("actions", "Take back the last correction"), menu="&Edit", handler=lambda w: w.editing.undo(), enabled=can_undo),
    ActionSpec("redo", QT_TRANSLATE_NOOP("actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("actions", "Make the correction taken back again"), menu="&Edit", handler=lambda w: w.editing.redo(), enabled=can_redo),
    ActionSpec("delete_capillary", QT_TRANSLATE_NOOP("actions", "&Delete capillary"), ("Del",), QT_TRANSLATE_NOOP("actions", "Take the selected capillaries out of the count"), menu="&Edit", group=1, handler=lambda w: w.editing.delete_selected(), enabled=one_selected),
    ActionSpec("merge_selected", QT_TRANSLATE_NOOP("actions", "&Merge selected"), ("M",), QT_TRANSLATE_NOOP("actions", "Count the selected capillaries (two or more) as one"), menu="&Edit", group=1, handler=lambda w: w.editing.merge_selected(), enabled=two_selected),
    ActionSpec("tool_select", QT_TRANSLATE_NOOP("actions", "&Select"), ("V",), QT_TRANSLATE_NOOP("actions", "Click a capillary to select it, Ctrl+click to add it to the selection; drag pans"), menu="&Edit", group=2, handler=_tool("select"), checkable=True, exclusive="edit_tool"),
    ActionSpec("tool_add", QT_TRANSLATE_NOOP("actions", "&Add by click"), ("A",), QT_TRANSLATE_NOOP("actions", "Click a missed capillary to add the region the model sees around the click"), menu="&Edit", group=2, handler=_tool("add"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    ActionSpec("tool_brush", QT_TRANSLATE_NOOP("actions", "&Brush"), ("B",), QT_TRANSLATE_NOOP("actions", "Paint pixels into a capillary (or a new one) by dragging"), menu="&Edit", group=2, handler=_tool("brush"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    ActionSpec("tool_eraser", QT_TRANSLATE_NOOP("actions", "&Eraser"), ("E",), QT_TRANSLATE_NOOP("actions", "Take pixels away from capillaries by dragging"), menu="&Edit", group=2, handler=_tool("eraser"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    ActionSpec("tool_split", QT_TRANSLATE_NOOP("actions", "S&plit"), ("K",), QT_TRANSLATE_NOOP("actions", "Drag a cut line across a capillary to make two"), menu="&Edit", group=2, handler=_tool("split"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    ActionSpec("tool_reject_area", QT_TRANSLATE_NOOP("actions", "Take out a rectan&gle"), ("R",), QT_TRANSLATE_NOOP("actions", "Drag a rectangle: every box whose centre is inside leaves the count"), menu="&Edit", group=2, handler=_tool("reject_area"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    # Fast review (gui/editing/review.py): box by box in review order, the distal row first.
    ActionSpec("review_next", QT_TRANSLATE_NOOP("actions", "Review: &keep, next box"), ("N",), QT_TRANSLATE_NOOP("actions", "Keep the selected box and select the next one (the distal row first, along the row)"), menu="&Edit", group=4, handler=lambda w: w.editing.review.step(False), enabled=analysis_shown),
    ActionSpec("review_reject", QT_TRANSLATE_NOOP("actions", "Review: take &out, next box"), ("X",), QT_TRANSLATE_NOOP("actions", "Take the selected box out of the count and select the next one"), menu="&Edit", group=4, handler=lambda w: w.editing.review.step(True), enabled=analysis_shown),
    ActionSpec("keep_distal_only", QT_TRANSLATE_NOOP("actions", "Keep only the distal ro&w"), ("Ctrl+Alt+K",), QT_TRANSLATE_NOOP("actions", "Take out every capillary that is not a loop of the distal row (one correction, undoable)"), menu="&Edit", group=4, handler=lambda w: w.editing.review.keep_distal_only(), enabled=analysis_shown),
    # The clinician's flags (gui/editing/flags.py): one undoable edit per selected loop, also in the right-click menus.
    ActionSpec("flag_giant", QT_TRANSLATE_NOOP("actions", "Flag as &giant"), ("G",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are giant, whatever their measured width"), menu="&Edit/Loop &flags", handler=_flag("giant"), enabled=one_selected),
    ActionSpec("flag_dilated", QT_TRANSLATE_NOOP("actions", "Flag as &dilated"), ("D",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are dilated, whatever their measured width"), menu="&Edit/Loop &flags", handler=_flag("dilated"), enabled=one_selected),
    ActionSpec("shape_hairpin", QT_TRANSLATE_NOOP("actions", "&Hairpin"), ("Shift+H",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are hairpins (normal shape)"), menu="&Edit/Loop &flags/&Shape", handler=_flag("hairpin"), enabled=one_selected),
    ActionSpec("shape_tortuous", QT_TRANSLATE_NOOP("actions", "&Tortuous"), ("Shift+T",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are tortuous (non-specific)"), menu="&Edit/Loop &flags/&Shape", handler=_flag("tortuous"), enabled=one_selected),
    ActionSpec("shape_crossing", QT_TRANSLATE_NOOP("actions", "&Crossing"), ("Shift+X",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are crossing (non-specific)"), menu="&Edit/Loop &flags/&Shape", handler=_flag("crossing"), enabled=one_selected),
    ActionSpec("shape_ramified", QT_TRANSLATE_NOOP("actions", "&Ramified"), ("Shift+R",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are ramified (abnormal: counted by the EULAR fast track)"), menu="&Edit/Loop &flags/&Shape", handler=_flag("ramified"), enabled=one_selected),
    ActionSpec("shape_not_assessable", QT_TRANSLATE_NOOP("actions", "&Not assessable"), ("Shift+U",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the shape of the selected loops cannot be assessed"), menu="&Edit/Loop &flags/&Shape", handler=_flag("not assessable"), enabled=one_selected),
    ActionSpec("flags_clear", QT_TRANSLATE_NOOP("actions", "&Clear automatic flags"), ("Shift+N",), QT_TRANSLATE_NOOP("actions", "The clinician's word: the selected loops are neither dilated nor giant, and hairpins"), menu="&Edit/Loop &flags", group=1, handler=_flag("clear"), enabled=one_selected),
    ActionSpec("flags_automatic", QT_TRANSLATE_NOOP("actions", "&Back to the automatic flags"), ("Shift+A",), QT_TRANSLATE_NOOP("actions", "Forget the clinician's flags of the selected loops: the measures decide again"), menu="&Edit/Loop &flags", group=1, handler=_flag("automatic"), enabled=one_selected),
    # The scale (gui/scale/controller.py): a line over a known length sets the µm per pixel.
    ActionSpec("tool_calibrate", QT_TRANSLATE_NOOP("actions", "&Calibrate scale"), ("C",), QT_TRANSLATE_NOOP("actions", "Drag a line over a known length (a calibration slide, a scale bar) and type its length in µm"), menu="&Edit", group=2, handler=lambda w: w.calibration.start_tool(), checkable=True, exclusive="edit_tool"),
    ActionSpec("tool_ruler", QT_TRANSLATE_NOOP("actions", "Measure wi&th a ruler"), ("U",), QT_TRANSLATE_NOOP("actions", "Drag a line to measure a width or a distance: in µm with a scale, else in pixels"), menu="&Edit", group=2, handler=_tool("ruler"), checkable=True, exclusive="edit_tool", enabled=analysis_shown),
    ActionSpec("brush_smaller", QT_TRANSLATE_NOOP("actions", "Brush s&maller"), ("[",), QT_TRANSLATE_NOOP("actions", "Smaller brush and eraser"), menu="&Edit", group=3, handler=_brush(1 / 1.25)),
    ActionSpec("brush_larger", QT_TRANSLATE_NOOP("actions", "Brush &larger"), ("]",), QT_TRANSLATE_NOOP("actions", "Larger brush and eraser"), menu="&Edit", group=3, handler=_brush(1.25)),
    # Analysis
    ActionSpec("reanalyse", QT_TRANSLATE_NOOP("actions", "&Analyse again"), ("F5",), QT_TRANSLATE_NOOP("actions", "Run the model on the current image again"), icon=SP.SP_BrowserReload, menu="&Analysis", handler=lambda w: w.reanalyse(), enabled=image_and_model),
    ActionSpec("cancel", QT_TRANSLATE_NOOP("actions", "&Cancel"), ("Esc",), QT_TRANSLATE_NOOP("actions", "Stop the running analysis or batch"), icon=SP.SP_BrowserStop, menu="&Analysis", handler=lambda w: w.cancel(), enabled=work_or_tool),
    ActionSpec("reset_params", QT_TRANSLATE_NOOP("actions", "&Reset to model defaults"), ("Ctrl+R",), QT_TRANSLATE_NOOP("actions", "Set threshold, minimum area and merge distance to the model card's recommendation"), menu="&Analysis", handler=lambda w: w.reset_params()),
    # Model
    ActionSpec("load_model", QT_TRANSLATE_NOOP("actions", "&Load model…"), ("Ctrl+M",), QT_TRANSLATE_NOOP("actions", "Open a .tflite, .keras or .h5 segmentation model"), icon=SP.SP_DriveHDIcon, menu="&Model", toolbar=0, handler=lambda w: w.models.load_model_dialog()),
    ActionSpec("green_light_model", QT_TRANSLATE_NOOP("actions", "Model for &green light"), ("Ctrl+Alt+G",), QT_TRANSLATE_NOOP("actions", "Load the model for any light (models/any_light/): the bundled model misses most loops in pictures lit green"), menu="&Model", handler=lambda w: w.models.load_green_light_model()),
    ActionSpec("model_info", QT_TRANSLATE_NOOP("actions", "Model &information"), ("Ctrl+I",), QT_TRANSLATE_NOOP("actions", "Show which model is loaded"), menu="&Model", handler=lambda w: w.models.show_model_info()),
    ActionSpec("adapt", QT_TRANSLATE_NOOP("actions", "&Adapt to this microscope…"), ("Ctrl+Alt+M",), QT_TRANSLATE_NOOP("actions", "Review 8-12 varied images of a new microscope, fine-tune, and keep the model with the microscope"), menu="&Model", group=1, handler=lambda w: w.finetune.open_adapt()),
    ActionSpec("finetune", QT_TRANSLATE_NOOP("actions", "&Fine-tune on corrected images…"), ("Ctrl+Shift+F",), QT_TRANSLATE_NOOP("actions", "Teach the current model from the images you corrected, and compare before and after"), menu="&Model", group=1, handler=lambda w: w.finetune.open_dialog()),
    ActionSpec("microscopes", QT_TRANSLATE_NOOP("actions", "Micro&scopes…"), ("Ctrl+Shift+M",), QT_TRANSLATE_NOOP("actions", "Add, edit or delete microscope profiles (name, µm per pixel, magnification)"), menu="&Model", group=2, handler=lambda w: w.calibration.manage_profiles()),
    ActionSpec("export_microscope", QT_TRANSLATE_NOOP("actions", "E&xport microscope…"), ("Ctrl+Alt+E",), QT_TRANSLATE_NOOP("actions", "Write a microscope profile and its own model into one file, for another workstation"), menu="&Model", group=2, handler=lambda w: w.calibration.transfer.export()),
    ActionSpec("import_microscope", QT_TRANSLATE_NOOP("actions", "I&mport microscope…"), ("Ctrl+Alt+I",), QT_TRANSLATE_NOOP("actions", "Add a microscope profile and its own model from a file exported on another workstation"), menu="&Model", group=2, handler=lambda w: w.calibration.transfer.import_file()),
    # View: + and - work wherever the focus is (the spin boxes no longer take it by surprise).
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "Zoom &in"), ("Ctrl++", "Ctrl+=", "+", "="), QT_TRANSLATE_NOOP("actions", "Zoom in"), menu="&View", toolbar=1, handler=_zoom(1.25)),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "Zoom &out"), ("Ctrl+-", "-"), QT_TRANSLATE_NOOP("actions", "Zoom out"), menu="&View", toolbar=1, handler=_zoom(0.8)),
    ActionSpec("fit", QT_TRANSLATE_NOOP("actions", "&Fit to window"), ("Ctrl+0",), QT_TRANSLATE_NOOP("actions", "Show the whole image"), menu="&View", toolbar=1, handler=lambda w: w.views.fit()),
    ActionSpec("actual_size", QT_TRANSLATE_NOOP("actions", "&100 %"), ("Ctrl+1",), QT_TRANSLATE_NOOP("actions", "One image pixel per screen pixel"), menu="&View", toolbar=1, handler=lambda w: w.views.actual_size()),
    ActionSpec("more_opaque", QT_TRANSLATE_NOOP("actions", "Overlay more &opaque"), ("Ctrl+]",), QT_TRANSLATE_NOOP("actions", "Stronger mask tint in the overlay"), menu="&View/Overlay o&pacity", handler=_opacity(0.1)),
    ActionSpec("less_opaque", QT_TRANSLATE_NOOP("actions", "Overlay more &transparent"), ("Ctrl+[",), QT_TRANSLATE_NOOP("actions", "Weaker mask tint in the overlay"), menu="&View/Overlay o&pacity", handler=_opacity(-0.1)),
    ActionSpec("arrange_auto", QT_TRANSLATE_NOOP("actions", "Arrange &automatically"), ("Ctrl+Alt+A",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), menu="&View", group=1, handler=_arrange("auto"), checkable=True, exclusive="arrange"),
    ActionSpec("arrange_side", QT_TRANSLATE_NOOP("actions", "Views &side by side"), ("Ctrl+Alt+H",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), menu="&View", group=1, handler=_arrange("side"), checkable=True, exclusive="arrange"),
    ActionSpec("arrange_stacked", QT_TRANSLATE_NOOP("actions", "Views &stacked"), ("Ctrl+Alt+V",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), menu="&View", group=1, handler=_arrange("stacked"), checkable=True, exclusive="arrange"),
    ActionSpec("show_count", QT_TRANSLATE_NOOP("actions", "&Count panel"), ("Ctrl+K",), QT_TRANSLATE_NOOP("actions", "Show or hide the count panel"), menu="&View", group=2, handler=lambda w: _show_dock(w, "count"), checkable=True),
    ActionSpec("show_batch", QT_TRANSLATE_NOOP("actions", "&Batch results panel"), ("Ctrl+B",), QT_TRANSLATE_NOOP("actions", "Show or hide the batch results"), menu="&View", group=2, handler=lambda w: _show_dock(w, "batch"), checkable=True),
    ActionSpec("show_undo_history", QT_TRANSLATE_NOOP("actions", "&Undo history"), ("Ctrl+H",), QT_TRANSLATE_NOOP("actions", "Show or hide the list of corrections (click one to go back to it)"), menu="&View", group=2),
    ActionSpec("show_distal_row", QT_TRANSLATE_NOOP("actions", "&Distal row"), ("Ctrl+Alt+R",), QT_TRANSLATE_NOOP("actions", "Show or hide the line through the apices of the distal row (the loops the density counts)"), menu="&View", group=3, handler=lambda w: w.calibration.toggle_distal_row(), checkable=True),
    ActionSpec("show_density_window", QT_TRANSLATE_NOOP("actions", "1 mm density &window"), ("Ctrl+Alt+W",), QT_TRANSLATE_NOOP("actions", "Count the density in a 1 mm window (drag its tab along the strip) instead of over the whole width"), menu="&View", group=3, handler=lambda w: w.calibration.toggle_window(), checkable=True),
    # Help
    ActionSpec("help", QT_TRANSLATE_NOOP("actions", "CapSeg Desktop &help"), ("F1",), QT_TRANSLATE_NOOP("actions", "The views, the parameters and how capillaries are counted"), menu="&Help", handler=_help),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About CapSeg Desktop"), ("Shift+F1",), QT_TRANSLATE_NOOP("actions", "Version, model and model card"), menu="&Help", group=1, handler=lambda w: w.models.show_about()),
)


def install_actions(
    window: "QMainWindow",
    specs: Sequence[ActionSpec] = ACTIONS,
    given: dict[str, QAction] | None = None,
    toolbar: QToolBar | None = None,
) -> tuple[dict[str, QAction], dict[str, QMenu]]:
    """Make (or take from ``given``) one QAction per row, add it to the window so that its
    shortcut works with the menu bar hidden, and place it in its menu and toolbar group.
    Returns the actions and the menus by id and path."""
    given = given or {}
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    last_group: dict[str, int] = {}
    exclusive: dict[str, QActionGroup] = {}
    toolbar_groups: dict[int, list[QAction]] = {}
    for spec in specs:
        action = given.get(spec.id) or QAction(spec.text, window)
        action.setText(QCoreApplication.translate("actions", spec.text))  # the table's texts are translatable
        action.setObjectName(f"action_{spec.id}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        if spec.tip:
            tip = QCoreApplication.translate("actions", spec.tip)
            action.setStatusTip(tip)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({keys})" if keys else tip)
        if spec.icon is not None:
            action.setIcon(window.style().standardIcon(spec.icon))
        if spec.checkable:
            action.setCheckable(True)
        if spec.exclusive:
            exclusive.setdefault(spec.exclusive, QActionGroup(window)).addAction(action)
        if spec.handler is not None:
            action.triggered.connect(lambda _checked=False, handler=spec.handler: handler(window))
        window.addAction(action)
        if spec.menu:
            menu = _menu(window, menus, spec.menu)
            if spec.menu in last_group and last_group[spec.menu] != spec.group:
                menu.addSeparator()
            last_group[spec.menu] = spec.group
            menu.addAction(action)
        if spec.toolbar is not None:
            toolbar_groups.setdefault(spec.toolbar, []).append(action)
        actions[spec.id] = action
    if toolbar is not None:
        for number, group in enumerate(toolbar_groups[key] for key in sorted(toolbar_groups)):
            if number:
                toolbar.addSeparator()
            for action in group:
                toolbar.addAction(action)
    return actions, menus


def _menu(window: "QMainWindow", menus: dict[str, QMenu], path: str) -> QMenu:
    if path in menus:
        return menus[path]
    parent_path, _, title = path.rpartition("/")
    title = QCoreApplication.translate("actions", title)  # MENU_TITLES
    if parent_path:
        menu = _menu(window, menus, parent_path).addMenu(title)
    else:
        menu = window.menuBar().addMenu(title)
    menus[path] = menu
    return menu


def refresh_actions(window: Any, actions: dict[str, QAction], specs: Sequence[ActionSpec] = ACTIONS) -> None:
    """Enable each command whose condition holds, disable the others: the one place where
    enabling is decided."""
    for spec in specs:
        if spec.enabled is not None and spec.id in actions:
            actions[spec.id].setEnabled(bool(spec.enabled(window)))


def shortcut_rows(specs: Sequence[ActionSpec] = ACTIONS) -> list[tuple[str, str]]:
    """(command, keys) for the Help page, in the table's order: the menus' texts without their
    accelerators, the keys as this platform writes them."""
    rows = []
    for spec in specs:
        keys = ", ".join(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) for key in spec.shortcuts)
        text = QCoreApplication.translate("actions", spec.text).replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        rows.append((text, keys))
    return rows
