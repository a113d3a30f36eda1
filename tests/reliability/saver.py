"""A writer for the kill -9 test: opens an agency file and saves through the app's real
save path (services → Store.user_action → BEGIN IMMEDIATE … COMMIT) in a loop, printing the
id of each record only after its transaction has committed.

    python -m tests.reliability.saver DB [--early]

With --early (the negative control) it prints the id inside the transaction, before the
commit, and dawdles there: a kill then loses an id that was "acknowledged".
"""

from __future__ import annotations

import sys
import time

from finsam_desktop.domain.board import Person
from finsam_desktop.services import board
from finsam_desktop.storage.store import open_store


def main(path: str, early: bool) -> None:
    store = open_store(path)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        person = Person(0, f"Person {number}", title="Sekreterare " * 15)
        if early:
            with store.user_action():
                added, _changes = board.add_person(store, person)
                print(added.id, flush=True)  # wrong: not committed yet
                time.sleep(0.02)
            continue
        # one user action writes the person and its audit-log row together
        added, _changes = board.add_person(store, person)
        print(added.id, flush=True)  # acknowledged: the commit has returned


if __name__ == "__main__":
    main(sys.argv[1], "--early" in sys.argv[2:])
