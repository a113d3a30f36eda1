"""Shared test set-up: Qt runs headless (offscreen) before any QApplication exists."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
