"""Every command of the window, declared as data, and the one function that installs them.

A row says what the user sees (text, shortcut, tip, icon), where it goes (menu and group,
toolbar group) and what it does (``handler``: a dotted attribute of the window such as
``"exports.export_annotated"``, or a callable taking the window). Adding a command is adding
a row; the menus, the toolbar and the window-wide shortcuts follow from the table.
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
Handler = str | Callable[[Any], Any] | None


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
    handler: Handler = None  # None: the action is given by the window (a dock's toggle)
    checkable: bool = False
    exclusive: str = ""  # checkable actions with the same name exclude each other


def _zoom(factor: float) -> Callable[[Any], None]:
    return lambda window: window.views.zoom_by(factor)


def _opacity(step: float) -> Callable[[Any], None]:
    return lambda window: window.layout_controls.set_opacity(window.layout_controls.opacity + step)


def _arrange(key: str) -> Callable[[Any], None]:
    return lambda window: window.layout_controls.set_arrangement(key)


def _tool(name: str) -> Callable[[Any], None]:
    return lambda window: window.editing.set_tool(name)


def _brush(factor: float) -> Callable[[Any], None]:
    return lambda window: window.editing.resize_brush(factor)


def _help(window: Any) -> None:
    from .help import HelpDialog

    HelpDialog(window).exec()


STD = QKeySequence.StandardKey

#: The menus' titles, translated where the menus are made (``_menu``); the table's paths stay English keys.
MENU_TITLES = (
    QT_TRANSLATE_NOOP("actions", "&File"), QT_TRANSLATE_NOOP("actions", "&Edit"), QT_TRANSLATE_NOOP("actions", "&Analysis"),
    QT_TRANSLATE_NOOP("actions", "&Model"), QT_TRANSLATE_NOOP("actions", "&View"), QT_TRANSLATE_NOOP("actions", "Overlay o&pacity"),
    QT_TRANSLATE_NOOP("actions", "&Help"),
)

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("open", QT_TRANSLATE_NOOP("actions", "&Open image…"), (STD.Open,), QT_TRANSLATE_NOOP("actions", "Open an image and count its capillaries"), SP.SP_DialogOpenButton, "&File", 0, 0, "open_image_dialog"),
    ActionSpec("open_folder", QT_TRANSLATE_NOOP("actions", "Open &folder…"), ("Ctrl+Shift+O",), QT_TRANSLATE_NOOP("actions", "Analyse every image in a folder"), SP.SP_DirOpenIcon, "&File", 0, 0, "batch.open_folder_dialog"),
    ActionSpec("export_annotated", QT_TRANSLATE_NOOP("actions", "&Export annotated PNG…"), ("Ctrl+E",), QT_TRANSLATE_NOOP("actions", "Save the image with numbered boxes and a legend"), SP.SP_DialogSaveButton, "&File", 1, 0, "exports.export_annotated"),
    ActionSpec("export_mask", QT_TRANSLATE_NOOP("actions", "Export &mask PNG…"), ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("actions", "Save the counted capillaries as a black and white PNG"), None, "&File", 1, None, "exports.export_mask"),
    ActionSpec("export_results", QT_TRANSLATE_NOOP("actions", "Export &results CSV/JSON…"), ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("actions", "Save the capillary table (CSV) or the full result (JSON)"), None, "&File", 1, None, "exports.export_results"),
    ActionSpec("export_summary", QT_TRANSLATE_NOOP("actions", "Export &batch summary CSV…"), ("Ctrl+Shift+B",), QT_TRANSLATE_NOOP("actions", "Save one row per image of the batch"), None, "&File", 1, None, "exports.export_summary"),
    ActionSpec("export_training_data", QT_TRANSLATE_NOOP("actions", "Export &training data…"), ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("actions", "Write the corrected images of the current folder, their masks and a points file, as the training tools read them"), None, "&File", 1, None, "finetune.export_training_data"),
    # The patient exam (gui/exam_controller.py): its own window, figures per finger, the report.
    ActionSpec("new_exam", QT_TRANSLATE_NOOP("actions", "New e&xam…"), ("Ctrl+Shift+N",), QT_TRANSLATE_NOOP("actions", "Start a patient exam: fingers 2 to 5 of both hands, one or more images each"), None, "&File", 3, None, "exam.new_exam"),
    ActionSpec("open_exam", QT_TRANSLATE_NOOP("actions", "Open exa&m…"), ("Ctrl+Alt+O",), QT_TRANSLATE_NOOP("actions", "Open a saved exam file (.capseg-exam.json)"), None, "&File", 3, None, "exam.open_exam_dialog"),
    ActionSpec("save_exam", QT_TRANSLATE_NOOP("actions", "&Save exam"), ("Ctrl+S",), QT_TRANSLATE_NOOP("actions", "Save the open exam"), None, "&File", 3, None, "exam.save"),
    ActionSpec("save_exam_as", QT_TRANSLATE_NOOP("actions", "Save exam &as…"), ("Ctrl+Alt+S",), QT_TRANSLATE_NOOP("actions", "Save the open exam under another name"), None, "&File", 3, None, "exam.save_as"),
    ActionSpec("export_report", QT_TRANSLATE_NOOP("actions", "Export re&port (PDF)…"), ("Ctrl+Shift+P",), QT_TRANSLATE_NOOP("actions", "Write the open exam's report: per-finger figures, patient summary, every image"), None, "&File", 3, None, "exam.export_report"),
    ActionSpec("export_exam_csv", QT_TRANSLATE_NOOP("actions", "Export exam CS&V…"), ("Ctrl+Alt+X",), QT_TRANSLATE_NOOP("actions", "Write the open exam as a table: one row per image and one per finger"), None, "&File", 3, None, "exam.export_csv"),
    ActionSpec("clear_recent", QT_TRANSLATE_NOOP("actions", "&Clear recent…"), ("Alt+0",), QT_TRANSLATE_NOOP("actions", "Forget the recently opened images"), None, "", 0, None, "recent.clear"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), ("Ctrl+Q",), QT_TRANSLATE_NOOP("actions", "Quit CapSeg Desktop"), None, "&File", 2, None, "close"),
    # Edit: corrections by hand (gui/editing.py); Esc leaves a tool for Select (see MainWindow.cancel).
    ActionSpec("undo", QT_TRANSLATE_NOOP("actions", "&Undo"), ("Ctrl+Z",), QT_TRANSLATE_NOOP("actions", "Take back the last correction"), None, "&Edit", 0, None, "editing.undo"),
    ActionSpec("redo", QT_TRANSLATE_NOOP("actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("actions", "Make the correction taken back again"), None, "&Edit", 0, None, "editing.redo"),
    ActionSpec("delete_capillary", QT_TRANSLATE_NOOP("actions", "&Delete capillary"), ("Del",), QT_TRANSLATE_NOOP("actions", "Take the selected capillaries out of the count"), None, "&Edit", 1, None, "editing.delete_selected"),
    ActionSpec("merge_selected", QT_TRANSLATE_NOOP("actions", "&Merge selected"), ("M",), QT_TRANSLATE_NOOP("actions", "Count the selected capillaries (two or more) as one"), None, "&Edit", 1, None, "editing.merge_selected"),
    ActionSpec("tool_select", QT_TRANSLATE_NOOP("actions", "&Select"), ("V",), QT_TRANSLATE_NOOP("actions", "Click a capillary to select it, Ctrl+click to add it to the selection; drag pans"), None, "&Edit", 2, None, _tool("select"), True, "edit_tool"),
    ActionSpec("tool_add", QT_TRANSLATE_NOOP("actions", "&Add by click"), ("A",), QT_TRANSLATE_NOOP("actions", "Click a missed capillary to add the region the model sees around the click"), None, "&Edit", 2, None, _tool("add"), True, "edit_tool"),
    ActionSpec("tool_brush", QT_TRANSLATE_NOOP("actions", "&Brush"), ("B",), QT_TRANSLATE_NOOP("actions", "Paint pixels into a capillary (or a new one) by dragging"), None, "&Edit", 2, None, _tool("brush"), True, "edit_tool"),
    ActionSpec("tool_eraser", QT_TRANSLATE_NOOP("actions", "&Eraser"), ("E",), QT_TRANSLATE_NOOP("actions", "Take pixels away from capillaries by dragging"), None, "&Edit", 2, None, _tool("eraser"), True, "edit_tool"),
    ActionSpec("tool_split", QT_TRANSLATE_NOOP("actions", "S&plit"), ("K",), QT_TRANSLATE_NOOP("actions", "Drag a cut line across a capillary to make two"), None, "&Edit", 2, None, _tool("split"), True, "edit_tool"),
    # The scale (gui/calibration.py): a line over a known length sets the µm per pixel.
    ActionSpec("tool_calibrate", QT_TRANSLATE_NOOP("actions", "&Calibrate scale"), ("C",), QT_TRANSLATE_NOOP("actions", "Drag a line over a known length (a calibration slide, a scale bar) and type its length in µm"), None, "&Edit", 2, None, "calibration.start_tool", True, "edit_tool"),
    ActionSpec("brush_smaller", QT_TRANSLATE_NOOP("actions", "Brush s&maller"), ("[",), QT_TRANSLATE_NOOP("actions", "Smaller brush and eraser"), None, "&Edit", 3, None, _brush(1 / 1.25)),
    ActionSpec("brush_larger", QT_TRANSLATE_NOOP("actions", "Brush &larger"), ("]",), QT_TRANSLATE_NOOP("actions", "Larger brush and eraser"), None, "&Edit", 3, None, _brush(1.25)),
    # Analysis
    ActionSpec("reanalyse", QT_TRANSLATE_NOOP("actions", "&Analyse again"), ("F5",), QT_TRANSLATE_NOOP("actions", "Run the model on the current image again"), SP.SP_BrowserReload, "&Analysis", 0, None, "reanalyse"),
    ActionSpec("cancel", QT_TRANSLATE_NOOP("actions", "&Cancel"), ("Esc",), QT_TRANSLATE_NOOP("actions", "Stop the running analysis or batch"), SP.SP_BrowserStop, "&Analysis", 0, None, "cancel"),
    ActionSpec("reset_params", QT_TRANSLATE_NOOP("actions", "&Reset to model defaults"), ("Ctrl+R",), QT_TRANSLATE_NOOP("actions", "Set threshold, minimum area and merge distance to the model card's recommendation"), None, "&Analysis", 0, None, "reset_params"),
    # Model
    ActionSpec("load_model", QT_TRANSLATE_NOOP("actions", "&Load model…"), ("Ctrl+M",), QT_TRANSLATE_NOOP("actions", "Open a .tflite, .keras or .h5 segmentation model"), SP.SP_DriveHDIcon, "&Model", 0, 0, "models.load_model_dialog"),
    ActionSpec("model_info", QT_TRANSLATE_NOOP("actions", "Model &information"), ("Ctrl+I",), QT_TRANSLATE_NOOP("actions", "Show which model is loaded"), None, "&Model", 0, None, "models.show_model_info"),
    ActionSpec("finetune", QT_TRANSLATE_NOOP("actions", "&Fine-tune on corrected images…"), ("Ctrl+Shift+F",), QT_TRANSLATE_NOOP("actions", "Teach the current model from the images you corrected, and compare before and after"), None, "&Model", 1, None, "finetune.open_dialog"),
    ActionSpec("microscopes", QT_TRANSLATE_NOOP("actions", "Micro&scopes…"), ("Ctrl+Shift+M",), QT_TRANSLATE_NOOP("actions", "Add, edit or delete microscope profiles (name, µm per pixel, magnification)"), None, "&Model", 2, None, "calibration.manage_profiles"),
    # View: + and - work wherever the focus is (the spin boxes no longer take it by surprise).
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "Zoom &in"), ("Ctrl++", "Ctrl+=", "+", "="), QT_TRANSLATE_NOOP("actions", "Zoom in"), None, "&View", 0, 1, _zoom(1.25)),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "Zoom &out"), ("Ctrl+-", "-"), QT_TRANSLATE_NOOP("actions", "Zoom out"), None, "&View", 0, 1, _zoom(0.8)),
    ActionSpec("fit", QT_TRANSLATE_NOOP("actions", "&Fit to window"), ("Ctrl+0",), QT_TRANSLATE_NOOP("actions", "Show the whole image"), None, "&View", 0, 1, "views.fit"),
    ActionSpec("actual_size", QT_TRANSLATE_NOOP("actions", "&100 %"), ("Ctrl+1",), QT_TRANSLATE_NOOP("actions", "One image pixel per screen pixel"), None, "&View", 0, 1, "views.actual_size"),
    ActionSpec("more_opaque", QT_TRANSLATE_NOOP("actions", "Overlay more &opaque"), ("Ctrl+]",), QT_TRANSLATE_NOOP("actions", "Stronger mask tint in the overlay"), None, "&View/Overlay o&pacity", 0, None, _opacity(0.1)),
    ActionSpec("less_opaque", QT_TRANSLATE_NOOP("actions", "Overlay more &transparent"), ("Ctrl+[",), QT_TRANSLATE_NOOP("actions", "Weaker mask tint in the overlay"), None, "&View/Overlay o&pacity", 0, None, _opacity(-0.1)),
    ActionSpec("arrange_auto", QT_TRANSLATE_NOOP("actions", "Arrange &automatically"), ("Ctrl+Alt+A",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), None, "&View", 1, None, _arrange("auto"), True, "arrange"),
    ActionSpec("arrange_side", QT_TRANSLATE_NOOP("actions", "Views &side by side"), ("Ctrl+Alt+H",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), None, "&View", 1, None, _arrange("side"), True, "arrange"),
    ActionSpec("arrange_stacked", QT_TRANSLATE_NOOP("actions", "Views &stacked"), ("Ctrl+Alt+V",), QT_TRANSLATE_NOOP("actions", "How the three views are placed"), None, "&View", 1, None, _arrange("stacked"), True, "arrange"),
    ActionSpec("show_count", QT_TRANSLATE_NOOP("actions", "&Count panel"), ("Ctrl+K",), QT_TRANSLATE_NOOP("actions", "Show or hide the count panel"), None, "&View", 2),
    ActionSpec("show_batch", QT_TRANSLATE_NOOP("actions", "&Batch results panel"), ("Ctrl+B",), QT_TRANSLATE_NOOP("actions", "Show or hide the batch results"), None, "&View", 2),
    ActionSpec("show_undo_history", QT_TRANSLATE_NOOP("actions", "&Undo history"), ("Ctrl+H",), QT_TRANSLATE_NOOP("actions", "Show or hide the list of corrections (click one to go back to it)"), None, "&View", 2),
    ActionSpec("show_distal_row", QT_TRANSLATE_NOOP("actions", "&Distal row"), ("Ctrl+Alt+R",), QT_TRANSLATE_NOOP("actions", "Show or hide the line through the apices of the distal row (the loops the density counts)"), None, "&View", 3, None, "calibration.toggle_distal_row", True),
    ActionSpec("show_density_window", QT_TRANSLATE_NOOP("actions", "1 mm density &window"), ("Ctrl+Alt+W",), QT_TRANSLATE_NOOP("actions", "Count the density in a 1 mm window (drag its tab along the strip) instead of over the whole width"), None, "&View", 3, None, "calibration.toggle_window", True),
    # Help
    ActionSpec("help", QT_TRANSLATE_NOOP("actions", "CapSeg Desktop &help"), ("F1",), QT_TRANSLATE_NOOP("actions", "The views, the parameters and how capillaries are counted"), None, "&Help", 0, None, _help),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About CapSeg Desktop"), ("Shift+F1",), QT_TRANSLATE_NOOP("actions", "Version, model and model card"), None, "&Help", 1, None, "models.show_about"),
)


def _resolve(window: Any, handler: Handler) -> Callable[[], Any]:
    """A call of ``handler``, looked up when the action fires (the controllers may be made
    after the actions)."""
    if callable(handler):
        return lambda: handler(window)

    def call() -> Any:
        target = window
        for part in str(handler).split("."):
            target = getattr(target, part)
        return target()

    return call


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
            slot = _resolve(window, spec.handler)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
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
