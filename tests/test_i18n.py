"""Every user-visible string has a Swedish translation with the same placeholders."""

import importlib.util
import re
import string
from pathlib import Path

import polib
import pytest

from finsam_desktop import i18n

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "sv" / "LC_MESSAGES" / "finsam.po"


def _extractor():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "installer" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fields(text):
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)


def test_every_marked_string_is_translated_to_swedish():
    catalog = {e.msgid: e.msgstr for e in polib.pofile(str(PO)) if not e.obsolete}
    missing = [m for m in _extractor().extract() if not catalog.get(m)]
    assert missing == [], "run installer/update_translations.py and translate: " + repr(
        missing[:10]
    )


def test_translations_keep_their_placeholders():
    for entry in polib.pofile(str(PO)):
        if entry.msgstr and not entry.obsolete:
            assert _fields(entry.msgid) == _fields(entry.msgstr), entry.msgid


def test_switching_language_changes_messages_and_back():
    try:
        i18n.set_language("en")
        assert i18n._("Chair") == "Chair"
        i18n.set_language("sv")
        assert i18n._("Chair") == "Ordförande"
    finally:
        i18n.set_language("sv")
    with pytest.raises(ValueError):
        i18n.set_language("xx")


def test_no_f_strings_inside_translation_calls():
    pattern = re.compile(r"\bN?_\(\s*f[\"']")
    offenders = [
        str(p)
        for p in (ROOT / "finsam_desktop").rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
