"""Hostile and damaged files (RELIABILITY.md test 19): hundreds of mutated copies of a real
agency file — truncated, bytes flipped, pages zeroed or overwritten, the header damaged,
random bytes — opened through the app's open routine. Each is either refused with a
FinsamError (a message for the user, never a traceback) and left byte for byte as it was,
or opens and reads correctly; none hangs."""

from __future__ import annotations

import hashlib
import random
import shutil
from pathlib import Path

import pytest

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.services import board, listing, organisation
from finsam_desktop.storage.store import open_store
from tests.factories import add_members, fixed_clock, full_board
from tests.meeting_factories import plan
from tests.reliability import figures

MUTATIONS = figures.runs(quick=240, long=2_000)
PAGE = 4096


@pytest.fixture(scope="module")
def original(tmp_path_factory) -> Path:
    """A small real agency file: members, a board, a meeting with items."""
    from finsam_desktop.domain.organisation import Agency

    path = tmp_path_factory.mktemp("hostile") / "agency.finsam"
    store = open_store(path, create=True, clock=fixed_clock())
    organisation.create_agency(store, Agency(name="Samordningsförbundet Original"))
    full_board(store, add_members(store))
    import datetime as dt

    for month in (2, 4, 6):
        plan(store, dt.date(2026, month, 10), "Budget", "Insats Å", "Verksamhetsplan")
    store.close()
    return path


def _mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["truncate", "flip", "zero_page", "garbage_page", "header", "random",
                       "tiny"])
    buffer = bytearray(data)
    if kind == "truncate":
        return kind, bytes(buffer[:rng.randrange(0, len(buffer))])
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            buffer[rng.randrange(len(buffer))] ^= 1 << rng.randrange(8)
    elif kind in ("zero_page", "garbage_page"):
        page = rng.randrange(len(buffer) // PAGE)
        fill = bytes(PAGE) if kind == "zero_page" else rng.randbytes(PAGE)
        buffer[page * PAGE:(page + 1) * PAGE] = fill
    elif kind == "header":
        start = rng.randrange(0, 100)
        buffer[start:start + rng.randint(1, 8)] = rng.randbytes(rng.randint(1, 8))
    elif kind == "random":
        return kind, rng.randbytes(len(buffer))
    else:
        return kind, rng.randbytes(rng.randint(1, 200))
    return kind, bytes(buffer)


def _use(path: Path) -> None:
    """Open the file as the app does and read what the first screens read."""
    store = open_store(path)
    try:
        organisation.get_agency(store)
        organisation.list_members(store)
        board.list_people(store)
        listing.meetings(store)
    finally:
        store.close()


def test_mutated_files_are_refused_untouched_or_read_correctly(original, tmp_path):
    rng = random.Random(1122)
    data = original.read_bytes()
    outcomes: dict[str, int] = {}
    for number in range(MUTATIONS):
        kind, mutated = _mutate(data, rng)
        path = tmp_path / f"m{number}.finsam"
        path.write_bytes(mutated)
        before = hashlib.sha256(mutated).hexdigest()
        try:
            _use(path)
        except FinsamError as refused:
            assert str(refused), kind
            after = hashlib.sha256(path.read_bytes()).hexdigest()
            assert after == before, f"{kind}: a refused file was modified"
            outcome = "refused"
        else:
            outcome = "opened"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        figures.add("hostile_files")
        figures.add(f"hostile_files_{outcome}")
        path.unlink()
        for leftover in tmp_path.glob(f"m{number}.finsam*"):
            leftover.unlink()
        shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    assert outcomes.get("refused", 0) > MUTATIONS // 3, outcomes
