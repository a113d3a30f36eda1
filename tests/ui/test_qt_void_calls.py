"""Regression: PySide6 6.12 on Python 3.11 lost a reference to None on every void Qt call
and aborted with "Fatal Python error: none_dealloc" after a few thousand calls (NOTES.md).
The project requires Python 3.12+, where None is immortal; this keeps that promise honest."""

import pytest

from PySide6.QtWidgets import QLabel


@pytest.mark.gui
def test_hundred_thousand_void_qt_calls_survive(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(100_000):
        label.setText("x" if i % 2 else "y")
    assert label.text() == "x"
