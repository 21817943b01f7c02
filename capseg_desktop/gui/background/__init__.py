"""Work off the GUI thread: tasks on their own QThread, and handles that tell whether a task is still current."""
