"""Correcting a result by hand: the edit controller, the mouse tools, the undo commands and the sidecar writer."""
