"""Translation of user-visible text (gettext style, no Qt).

Source strings are English; Swedish is the default language. The catalogue is
`resources/locale/<lang>/LC_MESSAGES/finsam.po`, read at run time with polib, so a source
checkout needs no compile step. Qt's own strings (standard buttons) are translated by the
UI with Qt's `qtbase_<lang>` catalogue; everything else goes through `_()` here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping

from finsam_desktop.paths import resource

LANGUAGES: dict[str, str] = {"sv": "Svenska", "en": "English"}
DEFAULT_LANGUAGE = "sv"

_catalog: dict[str, str] = {}
_language = "en"
_listeners: list[Callable[[str], None]] = []


def _load_catalog(language: str) -> dict[str, str]:
    """A fresh copy of the language's catalogue (callers may change theirs)."""
    return dict(_parsed_catalog(language))


@functools.cache
def _parsed_catalog(language: str) -> Mapping[str, str]:
    """The .po file read once per process: parsing takes ~90 ms, and the start-up switched
    to Swedish twice (module default, then the user's setting)."""
    path = resource("locale", language, "LC_MESSAGES", "finsam.po")
    if not path.exists():
        return {}
    import polib

    return {e.msgid: e.msgstr for e in polib.pofile(str(path)) if e.msgstr and not e.obsolete}


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ("sv" or "en") and tell listeners."""
    global _catalog, _language
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language}")
    _catalog = {} if language == "en" else _load_catalog(language)
    _language = language
    for listener in list(_listeners):
        listener(language)


def current_language() -> str:
    """The language code now in use."""
    return _language


def on_language_changed(listener: Callable[[str], None]) -> None:
    """Call `listener(code)` after each language switch (the UI re-translates itself)."""
    _listeners.append(listener)


def _(message: str) -> str:
    """The message in the current language (the English source if untranslated)."""
    return _catalog.get(message, message)


def N_(message: str) -> str:
    """Mark a string for translation without translating it now (translate at use)."""
    return message


set_language(DEFAULT_LANGUAGE)


_other_catalogs: dict[str, dict[str, str]] = {}


def translate_to(language: str, message: str) -> str:
    """`message` in `language`, whatever the current language (e.g. to accept Swedish and
    English column names in an imported file)."""
    if language == "en":
        return message
    if language not in _other_catalogs:
        _other_catalogs[language] = _load_catalog(language)
    return _other_catalogs[language].get(message, message)
