"""`EventHub`: the one place panels hear that data changed or the language switched."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from finsam_desktop.ui.translation import language_signal


class EventHub(QObject):
    """Relays service `Changes` and language switches to every interested widget."""

    changed = Signal(object)
    """Emitted with the `Changes` a service call returned, after it was committed."""

    language_changed = Signal(str)
    """Emitted with the new language code after `i18n.set_language`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        language_signal().changed.connect(self.language_changed)
