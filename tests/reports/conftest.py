"""PDF tests: reproducible bytes (rl_config.invariant) and Swedish labels from sv_labels.py
(installed into the catalogue until the .po has them), English for tests that ask for it."""

import pytest

from finsam_desktop import i18n
from tests.reports.sv_labels import SV


@pytest.fixture(autouse=True)
def invariant_pdfs():
    from reportlab import rl_config

    before = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = before


@pytest.fixture(autouse=True)
def swedish_labels():
    i18n.set_language("sv")
    i18n._catalog.update(SV)
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
