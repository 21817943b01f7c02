"""Help > CapSeg Desktop help (F1): the views, the parameters and the counting rules."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

HELP_HTML = """
<h2>CapSeg Desktop</h2>
<p>Open an image (Ctrl+O), drop one on the window, or open a whole folder (Ctrl+Shift+O).
The model finds the capillaries; the count, the density and a table of the capillaries
appear on the right.</p>

<h3>The three views</h3>
<ul>
<li><b>Original</b>: the image as it was read.</li>
<li><b>Mask</b>: the counted capillaries in white. Detections too small to count (below the
minimum area) are dark grey, so you can see what was left out.</li>
<li><b>Overlay</b>: the original with the counted capillaries tinted.</li>
</ul>
<p>Every counted capillary has a box and a number; the number sits outside the box, so it
never hides the loop's apex. Numbers are hidden when the image is zoomed out too far to read
them; zoom in (wheel, + and -) to see them. The three views zoom and pan together. Click a box
to select its row in the table; select a row to highlight its box.</p>

<h3>The counting parameters</h3>
<ul>
<li><b>Threshold</b>: a pixel belongs to a capillary when the model's probability is above
it. Lower finds fainter capillaries and more false ones.</li>
<li><b>Minimum area</b>: patches of at most this many pixels are not counted.</li>
<li><b>Merge distance</b>: patches closer than this are counted as one capillary (the two
limbs of one loop).</li>
<li>Areas and distances are in pixels <i>at the model's scale</i>: each image is resized so
that its capillaries are as wide as the model's training images before it is counted (the
status bar and the fields' tooltips say by how much; Model information says the width).</li>
<li><b>Scale</b>: micrometres per pixel from your microscope's calibration. With it the
density (capillaries per millimetre of image width) is shown. Without it there is no
density, not a guess.</li>
</ul>
<p>A parameter that differs from the model card's recommendation is marked with a ● and
its recommended value is in its tooltip. <b>Reset to model defaults</b> (Ctrl+R) sets
threshold, minimum area and merge distance back to the recommendation; the scale is yours
and stays. The boxes only change when you change them: they take the keyboard only when
clicked or tabbed into, and the mouse wheel only while they have the focus. The annotated
PNG (in its legend and its metadata), the mask PNG's metadata, the JSON export and the
batch summary CSV (column <i>changed_by_user</i>) record the parameters and which ones you
changed, as the command line's files do. The capillary CSV is a plain table: its first row
holds the column names.</p>

<h3>How capillaries are counted</h3>
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
overlap a capillary of the new count, even if its number changes.</p>

<h3>Folders</h3>
<p>Open folder analyses every image; the list shows count, density and status. When you
change a parameter the images in memory are counted again at once; an image that is no
longer in memory is marked <i>counted with other parameters</i> and Export summary offers
to analyse it again, so the list, the summary CSV and the view always agree.</p>
"""


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle("CapSeg Desktop help")
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setAccessibleName("Help")
        self.browser.setHtml(HELP_HTML)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 620)
