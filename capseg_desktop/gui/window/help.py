"""Help > CapSeg Desktop help (F1): the views, the parameters and the counting rules."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

#: The help page, one translatable entry per section (the editing section before Folders).
HELP_SECTIONS = (
    QT_TRANSLATE_NOOP("HelpDialog", """<h2>CapSeg Desktop</h2>
<p>Open an image (Ctrl+O), drop one on the window, or open a whole folder (Ctrl+Shift+O).
The model finds the capillaries; the count, the density and a table of the capillaries
appear on the right.</p>"""),
    QT_TRANSLATE_NOOP("HelpDialog", """<h3>The three views</h3>
<ul>
<li><b>Original</b>: the image as it was read.</li>
<li><b>Mask</b>: the counted capillaries in white. Detections too small to count (below the
minimum area) are dark grey, so you can see what was left out.</li>
<li><b>Overlay</b>: the original with the counted capillaries tinted.</li>
</ul>
<p>Every counted capillary has a box and a number; the number sits outside the box, so it
never hides the loop's apex. Numbers are hidden when the image is zoomed out too far to read
them; zoom in (wheel, + and -) to see them. The three views zoom and pan together. Click a box
to select its row in the table; select a row to highlight its box.</p>"""),
    QT_TRANSLATE_NOOP("HelpDialog", """<h3>The counting parameters</h3>
<ul>
<li><b>Threshold</b>: a pixel belongs to a capillary when the model's probability is above
it. Lower finds fainter capillaries and more false ones.</li>
<li><b>Minimum area</b>: patches of at most this many pixels are not counted.</li>
<li><b>Merge distance</b>: patches closer than this are counted as one capillary (the two
limbs of one loop).</li>
<li>Areas and distances are in pixels <i>at the model's scale</i>: each image is resized so
that its capillaries are as wide as the model's training images before it is counted (the
status bar and the fields' tooltips say by how much; Model information says the width).</li>
<li><b>Scale</b>: micrometres per pixel. Choose your microscope in the toolbar's
<i>Microscope</i> list (Model &gt; Microscopes… adds and edits profiles), or Edit &gt;
Calibrate scale (C): drag a line over a known length and type it in µm. A number typed here
with a profile chosen holds for this image only. With a scale the table's widths are in µm,
dilated (vessel from 20 µm) and giant (from 50 µm) loops are marked, and the density of the
distal row (the dashed line) is shown per millimetre, over the image's width or in the 1 mm
window (View &gt; 1 mm density window, drag its tab). Without a scale the widths stay in
pixels and there is no density: never a guess.</li>
</ul>
<p>A parameter that differs from the model card's recommendation is marked with a ● and
its recommended value is in its tooltip. <b>Reset to model defaults</b> (Ctrl+R) sets
threshold, minimum area and merge distance back to the recommendation; the scale is yours
and stays. The boxes only change when you change them: they take the keyboard only when
clicked or tabbed into, and the mouse wheel only while they have the focus. The annotated
PNG (in its legend and its metadata), the mask PNG's metadata, the JSON export and the
batch summary CSV (column <i>changed_by_user</i>) record the parameters and which ones you
changed, as the command line's files do. The capillary CSV is a plain table: its first row
holds the column names.</p>"""),
    QT_TRANSLATE_NOOP("HelpDialog", """<h3>How capillaries are counted</h3>
<ol>
<li>The probability map is thresholded.</li>
<li>Connected patches (8-connected) larger than the minimum area are kept.</li>
<li>Kept patches whose closest pixels are nearer than the merge distance are joined,
transitively.</li>
<li>A joined group holding two or more large patches (above the split area) is split back
into its patches.</li>
<li>Each group is one capillary, numbered from left to right.</li>
</ol>
<p>After a parameter change the image is counted again from the kept probability map,
without running the model again. A selected capillary stays selected when its pixels
overlap a capillary of the new count, even if its number changes.</p>"""),
    QT_TRANSLATE_NOOP("HelpDialog", """<h3>Correcting a result by hand</h3>
<p>Click a capillary (its box or its pixels) to select it, Ctrl+click to add more. <b>Del</b>
(or right-click &gt; Delete capillary) takes the selected ones out of the count; <b>M</b>
merges two or more selected ones into one. The Edit menu and the edit toolbar have the tools:
<b>Select</b> (V), <b>Add by click</b> (A: click a missed loop, the region the model sees
around the click is added), <b>Brush</b> (B) and <b>Eraser</b> (E) paint and take away
pixels (<b>[</b> and <b>]</b> change the size, shown in the status bar), <b>Split</b> (K: drag
a cut line across one capillary). Esc goes back to Select. Ctrl+Z undoes, Ctrl+Shift+Z
redoes, View &gt; Undo history (Ctrl+H) lists every correction.</p>
<p>The count panel says how the count came about ("12 — model 13, 1 removed, 0 added") and
the table marks edited capillaries with a pencil. Corrections are saved at once beside the
image as <i>NAME.capseg.json</i> (in the application-data folder when the image's folder
cannot be written; the status bar says where) and come back when the image is opened again.
Changing a counting parameter after corrections asks whether to keep them on top of the new
count. Exports carry the corrected count and the model's.</p>"""),
    QT_TRANSLATE_NOOP("HelpDialog", """<h3>Folders</h3>
<p>Open folder analyses every image; the list shows count, density and status. When you
change a parameter the images in memory are counted again at once; an image that is no
longer in memory is marked <i>counted with other parameters</i> and Export summary offers
to analyse it again, so the list, the summary CSV and the view always agree.</p>"""),
)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, keys: Sequence[tuple[str, str]] = ()) -> None:
        """``keys``: (command, keys) rows for the list of keys (``actions.shortcut_rows``)."""
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("CapSeg Desktop help"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setAccessibleName(self.tr("Help"))
        self.browser.setHtml("\n".join([*(self.tr(section) for section in HELP_SECTIONS), self.keys_section(keys)]))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def keys_section(self, keys: Sequence[tuple[str, str]]) -> str:
        """Every command's keys, from the action table (as the menus and the toolbar are)."""
        from html import escape

        rows = "".join(f"<tr><td>{escape(text)}</td><td>&nbsp;&nbsp;{escape(combo)}</td></tr>" for text, combo in keys if combo)
        title = self.tr("Keyboard shortcuts")
        return f"<h3>{escape(title)}</h3><table>{rows}</table>"
