"""Live language switching: Qt's own catalogue (qtbase_sv) and a signal for our widgets.

Our strings go through gettext (`finsam_desktop.i18n`); Qt's standard buttons (Cancel/Avbryt,
Save/Spara) come from Qt's `qtbase_<lang>.qm`. `set_language()` switches both and emits
`language_signal().changed`, so every widget re-runs its `translate_ui()`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, QTranslator, Signal

from finsam_desktop import i18n


class _LanguageSignal(QObject):
    changed = Signal(str)
    """Emitted with the language code after every switch."""


_signal: _LanguageSignal | None = None
_qt_translator: QTranslator | None = None


def language_signal() -> _LanguageSignal:
    """The process-wide language signal (created once, hooked into `i18n`)."""
    global _signal
    if _signal is None:
        _signal = _LanguageSignal()
        i18n.on_language_changed(_on_language_changed)
    return _signal


def _on_language_changed(code: str) -> None:
    _install_qt_catalogue(code)
    if _signal is not None:
        _signal.changed.emit(code)


def _install_qt_catalogue(code: str) -> None:
    """Load `qtbase_<code>` for Qt's own strings; English needs none."""
    global _qt_translator
    app = QCoreApplication.instance()
    if app is None:
        return
    if _qt_translator is not None:
        QCoreApplication.removeTranslator(_qt_translator)
        _qt_translator = None
    if code == "en":
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{code}", folder):
        QCoreApplication.installTranslator(translator)
        _qt_translator = translator


def set_language(code: str) -> None:
    """Switch our strings and Qt's own strings to `code` and notify every widget."""
    language_signal()
    i18n.set_language(code)
