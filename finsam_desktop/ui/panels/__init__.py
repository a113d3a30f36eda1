"""One package per feature panel shown in the main window."""
