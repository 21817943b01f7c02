"""The patient exam: its window, dialog, fingers, analyses and the words shown for its figures."""
