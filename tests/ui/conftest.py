"""UI test fixtures: a real AppContext around a temporary agency file, QSettings in a temp
ini file, English UI, and every modal dialog replaced by a recorder (a real one would hang)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from PySide6.QtCore import QSettings

from finsam_desktop.domain.board import BoardFunction, Person, StaffKind, StaffRole
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.services import board, organisation
from finsam_desktop.storage.store import Store, open_store
from finsam_desktop.ui import dialogs, in_use, translation
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.settings import UiSettings
from tests.factories import add_members, fixed_clock, full_board


@dataclass
class Modals:
    """What the code under test asked the user; `answers` are popped by ask_yes_no."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answers: list[bool] = field(default_factory=list)
    paths: list[str | None] = field(default_factory=list)
    texts: list[str | None] = field(default_factory=list)
    in_use: list[str] = field(default_factory=list)
    in_use_choices: list[str | None] = field(default_factory=list)
    passphrase_prompts: list[str] = field(default_factory=list)
    passphrases: list[str | None] = field(default_factory=list)
    """Typed into the passphrase prompt (None: cancelled); File → New's "encrypt" fields."""

    def ask_yes_no(self, _parent: Any, _title: str, message: str) -> bool:
        self.questions.append(message)
        assert self.answers, f"unexpected question: {message}"
        return self.answers.pop(0)

    def next_path(self, *_args: Any, **_kwargs: Any) -> str | None:
        assert self.paths, "unexpected file dialog"
        return self.paths.pop(0)

    def next_text(self, *_args: Any) -> str | None:
        assert self.texts, "unexpected text dialog"
        return self.texts.pop(0)

    def ask_passphrase(self, _parent: Any, _title: str, message: str) -> str | None:
        self.passphrase_prompts.append(message)
        assert self.passphrases, f"unexpected passphrase prompt: {message}"
        return self.passphrases.pop(0)

    def ask_new_agency(self, _parent: Any, _name: str = "") -> Any:
        """File → New: the name from `texts`, then a passphrase from `passphrases` if any
        is queued (otherwise a plain file)."""
        from finsam_desktop.ui.passphrase_dialogs import NewAgency

        name = self.next_text()
        if name is None:
            return None
        return NewAgency(name, self.passphrases.pop(0) if self.passphrases else None)

    def ask_locked(self, _parent: Any, message: str, _can_take_over: bool) -> str | None:
        self.in_use.append(message)
        assert self.in_use_choices, f"unexpected 'file in use' question: {message}"
        return self.in_use_choices.pop(0)


@pytest.fixture(autouse=True)
def modals(monkeypatch: pytest.MonkeyPatch) -> Modals:
    """Replace every function of `ui.dialogs` with a recorder."""
    recorder = Modals()
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, m: recorder.errors.append(m))
    monkeypatch.setattr(dialogs, "show_info", lambda _p, _t, m: recorder.infos.append(m))
    monkeypatch.setattr(dialogs, "ask_yes_no", recorder.ask_yes_no)
    monkeypatch.setattr(dialogs, "ask_open_path", recorder.next_path)
    monkeypatch.setattr(dialogs, "ask_save_path", recorder.next_path)
    monkeypatch.setattr(dialogs, "ask_text", recorder.next_text)
    monkeypatch.setattr(dialogs, "ask_passphrase", recorder.ask_passphrase)
    monkeypatch.setattr(dialogs, "ask_new_agency", recorder.ask_new_agency)
    monkeypatch.setattr(in_use, "ask_locked", recorder.ask_locked)
    return recorder


@pytest.fixture(autouse=True)
def english(qapp: Any) -> Iterator[None]:
    """Run each UI test in English and leave English behind."""
    translation.set_language("en")
    yield
    translation.set_language("en")


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """QSettings in a temporary ini file (never the developer's own settings)."""
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


def _new_file(path: Path) -> Store:
    store = open_store(path, create=True, clock=fixed_clock())
    organisation.create_agency(store, Agency(name="Samordningsförbundet Test",
                                             org_number="222000-0018", seat="Örebro"))
    return store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An agency file with the profile only (no members yet), clock fixed on TODAY."""
    store = _new_file(tmp_path / "agency.finsam")
    yield store
    store.close()


@pytest.fixture
def full_store(tmp_path: Path) -> Iterator[Store]:
    """An agency file with five members, a complete board, a chair and a director."""
    store = _new_file(tmp_path / "full.finsam")
    populate(store)
    yield store
    store.close()


def populate(store: Store) -> None:
    """Members with valid shares, a complete board with a chair, and a director."""
    members = add_members(store)
    seats = full_board(store, members)
    chair = board.list_seats(store)[0]
    board.update_seat(store, _with(chair, function=BoardFunction.CHAIR))
    director = board.add_person(store, Person(0, "Karin Chef"))[0]
    board.add_staff(store, StaffRole(0, director.id, StaffKind.DIRECTOR,
                                     title="Förbundschef", from_date=dt.date(2020, 1, 1)))
    assert seats


def _with(record: Any, **changes: Any) -> Any:
    import dataclasses

    return dataclasses.replace(record, **changes)


@pytest.fixture
def ctx(store: Store, ui_settings: UiSettings) -> Iterator[AppContext]:
    """A context around the profile-only store."""
    context = AppContext.create(store, ui_settings)
    yield context
    context.undo_stack.clear()
    context.store = None  # the store fixture closes it; panels still alive must not read it


@pytest.fixture
def full_ctx(full_store: Store, ui_settings: UiSettings) -> Iterator[AppContext]:
    """A context around the fully populated store."""
    context = AppContext.create(full_store, ui_settings)
    yield context
    context.undo_stack.clear()
    context.store = None  # the store fixture closes it; panels still alive must not read it


@pytest.fixture
def full_file(tmp_path: Path) -> Path:
    """A populated agency file on disk, closed (for opening through the main window)."""
    path = tmp_path / "Testförbundet.finsam"
    store = _new_file(path)
    populate(store)
    store.close()
    return path


@pytest.fixture
def meetings_panel(full_ctx, qtbot):  # type: ignore[no-untyped-def]
    """The meetings panel on the populated agency, shown."""
    from finsam_desktop.ui.panels.meetings.panel import MeetingsPanel

    panel = MeetingsPanel(full_ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    with qtbot.waitExposed(panel):
        panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # focus changes (commit when a field is left)
    return panel
