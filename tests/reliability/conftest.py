"""Writes the reliability counters when the test session ends."""

from __future__ import annotations

from tests.reliability import figures


def pytest_sessionfinish(session, exitstatus):  # type: ignore[no-untyped-def]
    path = figures.write()
    if path is not None:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            c = figures.COUNTERS
            reporter.write_line(
                f"reliability: {c['kills']} kills, {c['commits_verified']} commits verified, "
                f"{c['hostile_files']} hostile files, {c['bad_inputs']} bad inputs → {path}")
