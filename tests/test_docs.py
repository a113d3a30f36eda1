"""The README keeps its promises: two quick-start commands and every CLI command documented."""

import re
from pathlib import Path

from finsam_desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert re.search(rf"`finsam {name}\b", README), f"finsam {name} missing from README"
    assert "finsam-desktop --screenshot" in README


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^```(?:sh|bash)?\n(.+?)\n```", quick, flags=re.M | re.S)
    assert [c.strip() for c in commands] == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_exchange_format_is_documented_with_its_version():
    doc = (ROOT / "docs" / "exchange-format.md").read_text(encoding="utf-8")
    assert '"format_version": 1' in doc
    from finsam_desktop.storage.exchange import data_tables
    from finsam_desktop.storage.store import memory_store

    store = memory_store()
    for table in data_tables(store.db):
        assert f"`{table}`" in doc, f"table {table} is not documented"
    store.close()
