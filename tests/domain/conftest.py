"""Core tests read messages in English (the source language); the CLI tests check Swedish."""

import pytest

from finsam_desktop import i18n


@pytest.fixture(autouse=True)
def english_messages():
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
