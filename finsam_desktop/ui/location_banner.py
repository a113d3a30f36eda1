"""A warning across the top of the main window while the open file lies on a network drive
or in a synced folder (`storage.location`): what can go wrong and the safer way. It never
blocks: the user may work on, and may hide it until another file is opened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.i18n import _
from finsam_desktop.logs import log
from finsam_desktop.storage import location as places
from finsam_desktop.storage.location import Location
from finsam_desktop.ui.translation import language_signal

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

_STYLE = """
QFrame#LocationBanner { background: #fff4ce; border-bottom: 1px solid #e0b000; }
QFrame#LocationBanner QLabel { color: #3b2f00; background: transparent; }
"""


class LocationBanner(QFrame):
    """The warning itself; `show_for(store)` shows or hides it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LocationBanner")
        self.setStyleSheet(_STYLE)
        self.location: Location | None = None
        self._path: str | None = None
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide_button = QPushButton(self)
        texts = QVBoxLayout()
        texts.addWidget(self.title)
        texts.addWidget(self.text)
        row = QHBoxLayout(self)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        row.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide_button.clicked.connect(self.hide)
        language_signal().changed.connect(self._language_changed)
        self.setVisible(False)

    def show_for(self, store: Store | None) -> None:
        """Classify the open file and show the warning if it lies somewhere risky. Showing the
        same file again (a refresh) keeps a warning the user hid hidden."""
        path = str(store.path) if store is not None and store.path is not None else None
        if path == self._path:
            return
        self._path = path
        self.location = places.classify(path) if path is not None else None
        if self.location is not None and self.location.risky:
            log.warning("%s is in a risky place: %s (%s)", path, self.location.kind,
                        self.location.detail)
        self.translate_ui()
        self.setVisible(self.location is not None and self.location.risky)

    def _language_changed(self, _code: str) -> None:
        self.translate_ui()

    def translate_ui(self) -> None:
        """Set the texts in the current language."""
        self.hide_button.setText(_("Hide"))
        place = self.location
        if place is None or not place.risky:
            self.title.clear()
            self.text.clear()
            return
        self.title.setText(_("The file is on a network drive") if place.kind is places.Kind.NETWORK
                           else _("The file is in a synced folder"))
        self.text.setText(places.describe(place) + " " + places.advice(place))


def install(window: QMainWindow) -> LocationBanner:
    """Put a (hidden) banner above the window's central widget and return it."""
    central = window.takeCentralWidget()
    container = QWidget(window)
    layout = QVBoxLayout(container)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    banner = LocationBanner(container)
    layout.addWidget(banner)
    if central is not None:
        layout.addWidget(central, 1)
    window.setCentralWidget(container)
    return banner
