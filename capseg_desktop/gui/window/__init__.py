"""The main window: its parts, the command table, the count panel, and the model and export controllers."""
