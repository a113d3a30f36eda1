"""`finsam backup` and `finsam restore`: the paths written, the state before a restore kept,
and bad input refused with exit 2 and one readable sentence (Swedish by default)."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3

import pytest

from finsam_desktop import i18n
from finsam_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import organisation
from finsam_desktop.services.maintenance import create_database, open_database
from tests.cli.test_cli import run


@pytest.fixture(autouse=True)
def swedish_afterwards():
    """`--lang en` in process switches the language: leave the default behind."""
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "förbund.finsam"
    create_database(path, "Samordningsförbundet Före").close()
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def agency_name(path):
    store = open_database(path, read_only=True)
    try:
        return organisation.get_agency(store).name
    finally:
        store.close()


def rename(path, name):
    store = open_database(path)
    try:
        organisation.save_agency(store, Agency(name=name))
    finally:
        store.close()


def test_backup_prints_the_verified_file_it_wrote(db, tmp_path, capsys):
    assert main(["backup", str(db)]) == EXIT_OK
    [written] = (tmp_path / "backups").glob("förbund-*-manual.sqlite")
    assert str(written) in capsys.readouterr().out
    conn = sqlite3.connect(written)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert main(["backup", str(db), "--to", str(tmp_path / "usb")]) == EXIT_OK
    [elsewhere] = (tmp_path / "usb").iterdir()
    assert str(elsewhere) in capsys.readouterr().out


def test_restore_backs_up_first_and_prints_both_paths(db, tmp_path, capsys):
    assert main(["backup", str(db)]) == EXIT_OK
    [backup] = (tmp_path / "backups").glob("*.sqlite")
    rename(db, "Samordningsförbundet Efter")
    capsys.readouterr()
    assert main(["--lang", "en", "restore", str(db), str(backup)]) == EXIT_OK
    out = capsys.readouterr().out
    [safety] = (tmp_path / "backups").glob("*-before-restore.sqlite")
    assert str(safety) in out and str(backup) in out
    assert "state before the restore" in out
    assert agency_name(db) == "Samordningsförbundet Före"
    assert agency_name(safety) == "Samordningsförbundet Efter"
    assert run("check", db).returncode == 0


def test_bad_input_exits_2_in_words_and_changes_nothing(db, tmp_path, capsys):
    text = tmp_path / "anteckning.txt"
    text.write_text("inte en databas", encoding="utf-8")
    foreign = tmp_path / "annat.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert main(["backup", str(db)]) == EXIT_OK
    [good] = (tmp_path / "backups").glob("*.sqlite")
    damaged = tmp_path / "skadad.sqlite"
    data = bytearray(good.read_bytes())
    data[4096:4096 * 3] = b"\xff" * 8192
    damaged.write_bytes(bytes(data))
    before = digest(db)
    cases = [
        (("backup", tmp_path / "saknas.finsam"), "does not exist"),
        (("backup", text), "not a FINSAM Desktop database"),
        (("backup", db, "--to", text), "is a file; give a folder"),
        (("restore", tmp_path / "saknas.finsam", good), "does not exist"),
        (("restore", db, tmp_path / "saknas.sqlite"), "does not exist"),
        (("restore", db, text), "is not a FINSAM Desktop backup"),
        (("restore", db, foreign), "is not a FINSAM Desktop backup"),
        (("restore", db, damaged), "damaged"),
        (("restore", db, db), "not the open file itself"),
        (("restore", db), "usage"),
    ]
    for args, words in cases:
        with contextlib.suppress(SystemExit):  # argparse exits on a usage error
            assert main(["--lang", "en", *map(str, args)]) == EXIT_BAD_INPUT, args
        err = capsys.readouterr().err
        assert words in err, (args, err)
        assert len(err.strip().splitlines()) <= 2, err
    proc = run("restore", db, text)  # Swedish by default: one sentence, no traceback
    assert proc.returncode == EXIT_BAD_INPUT and proc.stderr.startswith("Fel: ")
    assert digest(db) == before
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [good.name]


def test_check_names_the_location(db, capsys):
    assert main(["--lang", "en", "check", str(db)]) == EXIT_OK
    assert "Location: local disk" in capsys.readouterr().out
