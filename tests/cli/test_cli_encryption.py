"""`finsam init --encrypt` and every command on an encrypted file: the passphrase comes from
FINSAM_PASSPHRASE (never an argument); a missing or wrong one exits 2 with one sentence and
leaves the file as it was (RELIABILITY 28 on the command line)."""

from __future__ import annotations

import hashlib
import io

import pytest

from finsam_desktop import i18n
from finsam_desktop.cli import EXIT_BAD_INPUT, EXIT_OK, main
from finsam_desktop.storage.connection import SQLITE_HEADER

PASSPHRASE = 'en "lång" lösenfras'


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    """Tests run without a terminal: nothing may wait for a typed passphrase."""
    monkeypatch.delenv("FINSAM_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    yield
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture(scope="module")
def encrypted(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-enc") / "hemlig.finsam"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FINSAM_PASSPHRASE", PASSPHRASE)
        assert main(["--lang", "en", "init", str(path), "--name", "Förbundet Hemlig",
                     "--encrypt"]) == EXIT_OK
    i18n.set_language(i18n.DEFAULT_LANGUAGE)
    return path


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_init_encrypt_writes_an_encrypted_file(encrypted):
    raw = encrypted.read_bytes()
    assert not raw.startswith(SQLITE_HEADER)
    assert "Förbundet Hemlig".encode() not in raw


def test_commands_open_it_with_the_passphrase_from_the_environment(encrypted, monkeypatch,
                                                                    capsys):
    monkeypatch.setenv("FINSAM_PASSPHRASE", PASSPHRASE)
    assert main(["--lang", "en", "check", str(encrypted)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Encryption: SQLCipher, opened with a passphrase" in out
    assert "The database is healthy." in out
    assert main(["--lang", "en", "dump", str(encrypted)]) == EXIT_OK
    assert "Förbundet Hemlig" in capsys.readouterr().out


def test_a_backup_on_the_command_line_is_encrypted_and_restorable(encrypted, tmp_path,
                                                                   monkeypatch, capsys):
    monkeypatch.setenv("FINSAM_PASSPHRASE", PASSPHRASE)
    db = tmp_path / encrypted.name
    db.write_bytes(encrypted.read_bytes())
    assert main(["backup", str(db), "--to", str(tmp_path / "kopior")]) == EXIT_OK
    [backup] = (tmp_path / "kopior").iterdir()
    assert not backup.read_bytes().startswith(SQLITE_HEADER)
    assert main(["restore", str(db), str(backup)]) == EXIT_OK
    assert not db.read_bytes().startswith(SQLITE_HEADER)
    capsys.readouterr()


def test_without_a_passphrase_the_command_says_how_to_give_one(encrypted, capsys):
    before = digest(encrypted)
    assert main(["--lang", "en", "list", "members", str(encrypted)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "encrypted" in err and "FINSAM_PASSPHRASE" in err
    assert digest(encrypted) == before


def test_a_wrong_passphrase_exits_2_and_changes_nothing(encrypted, monkeypatch, capsys):
    monkeypatch.setenv("FINSAM_PASSPHRASE", "inte den rätta frasen")
    before = digest(encrypted)
    assert main(["check", str(encrypted)]) == EXIT_BAD_INPUT  # Swedish by default
    err = capsys.readouterr().err
    assert "Fel lösenfras" in err or "Wrong passphrase" in err  # Swedish once the .po has it
    assert "Traceback" not in err
    assert digest(encrypted) == before


def test_init_encrypt_needs_a_passphrase_of_eight_characters(tmp_path, monkeypatch, capsys):
    target = tmp_path / "ny.finsam"
    assert main(["--lang", "en", "init", str(target), "--name", "X",
                 "--encrypt"]) == EXIT_BAD_INPUT
    assert "FINSAM_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("FINSAM_PASSPHRASE", "kort")
    assert main(["--lang", "en", "init", str(target), "--name", "X",
                 "--encrypt"]) == EXIT_BAD_INPUT
    assert "at least 8 characters" in capsys.readouterr().err
    assert not target.exists()


def test_at_a_terminal_the_passphrase_is_typed_twice(tmp_path, monkeypatch, capsys):
    typed = iter(["ett lösenord", "ett annat ord"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda _prompt="": next(typed))
    target = tmp_path / "ny.finsam"
    assert main(["--lang", "en", "init", str(target), "--name", "X",
                 "--encrypt"]) == EXIT_BAD_INPUT
    assert "differ" in capsys.readouterr().err
    assert not target.exists()
