"""Writes the reliability counters when the test session ends; messages in English (the
source language), as in the other core tests."""

from __future__ import annotations

import pytest

from finsam_desktop import i18n
from tests.reliability import figures


@pytest.fixture(autouse=True)
def english_messages():  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


def pytest_sessionfinish(session, exitstatus):  # type: ignore[no-untyped-def]
    path = figures.write()
    if path is not None:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            c = figures.COUNTERS
            reporter.write_line(
                f"reliability: {c['kills']} kills, {c['commits_verified']} commits verified, "
                f"{c['hostile_files']} hostile files, {c['bad_inputs']} bad inputs → {path}")
