"""The page shown when no database is open: what FINSAM Desktop is, and New/Open buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.i18n import _


class EmptyState(QWidget):
    """"No file open" with the two ways forward."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.text, self.new_button, self.open_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.text.setMaximumWidth(480)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def translate_ui(self) -> None:
        """Set every text."""
        self.title.setText(_("No file open"))
        self.text.setText(_("FINSAM Desktop keeps an agency's board, members and decisions in "
                            "one file. Create a new file for your agency, or open an existing "
                            "one."))
        self.new_button.setText(_("New file…"))
        self.open_button.setText(_("Open file…"))
