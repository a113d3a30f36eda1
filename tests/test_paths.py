"""Where things live: per-user folders from platformdirs (never the installation), bundled
resources in a checkout and in a frozen bundle, and the log file in the log folder."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import platformdirs
import pytest

from finsam_desktop import logs, paths


@pytest.fixture
def xdg(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Linux-style per-user folders inside tmp_path."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_data_and_log_folders_follow_the_users_xdg_folders(xdg):
    assert paths.user_data_dir() == xdg / "xdg_data_home" / "FINSAM Desktop"
    assert paths.user_log_dir() == xdg / "xdg_state_home" / "FINSAM Desktop" / "log"
    assert paths.default_database_path() == paths.user_data_dir() / "samordningsforbund.finsam"
    assert not paths.user_data_dir().exists()  # asking creates nothing


def test_folders_are_platformdirs_own_for_this_app():
    assert paths.user_data_dir() == Path(platformdirs.user_data_dir("FINSAM Desktop", "FINSAM"))
    assert paths.user_log_dir() == Path(platformdirs.user_log_dir("FINSAM Desktop", "FINSAM"))
    assert paths.default_database_path().suffix == ".finsam"


def test_user_folders_are_never_inside_the_installation(tmp_path, monkeypatch):
    bundle = tmp_path / "opt" / "finsam-desktop" / "_internal"
    (bundle / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.is_frozen()
    assert paths.resources_dir() == bundle / "resources"
    assert paths.resource("fonts", "DejaVuSans.ttf") == bundle / "resources" / "fonts" / \
        "DejaVuSans.ttf"
    install = bundle.parent
    for folder in (paths.user_data_dir(), paths.user_log_dir()):
        assert install not in folder.parents and folder != install


def test_a_checkout_finds_its_resources():
    root = Path(__file__).resolve().parents[1]
    assert not paths.is_frozen()
    assert paths.resources_dir() == root / "resources"
    assert paths.resource("icons", "finsam.png").is_file()


def test_the_log_file_goes_to_the_log_folder_once(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "user_log_dir", lambda: tmp_path / "log")
    try:
        target = logs.setup_file_logging()
        assert target == tmp_path / "log" / "finsam-desktop.log"
        assert logs.setup_file_logging() == target  # a second call adds no second handler
        handlers = [h for h in logs.log.handlers if isinstance(h, logging.FileHandler)]
        assert len(handlers) == 1
        logs.log.info("opened %s", "x.finsam")
        handlers[0].flush()
        text = target.read_text(encoding="utf-8")
        assert "FINSAM Desktop" in text and "(source)" in text and "opened x.finsam" in text
    finally:
        logs.stop_file_logging()
    assert not [h for h in logs.log.handlers if isinstance(h, logging.FileHandler)]


def test_an_unwritable_log_folder_means_no_log_not_no_app(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    try:
        assert logs.setup_file_logging(blocker / "log") is None
    finally:
        logs.stop_file_logging()
    assert "no log file" in capsys.readouterr().err
