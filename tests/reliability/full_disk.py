"""A writer for the disk-full test: opens an agency file, then limits how large any file it
writes may grow (RLIMIT_FSIZE: writes past it fail as on a full disk) and saves a long text
through the app's real save path. Prints "saved" or "refused: <message>", and exits 0 unless
the failure was something other than a message for the user.

    python -m tests.reliability.full_disk DB LIMIT_BYTES
"""

from __future__ import annotations

import resource
import signal
import sys

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.services import annual
from finsam_desktop.storage.store import open_store

TEXT = "Förvaltningsberättelse med mycket text. " * 3_000  # about 120 kB


def main(path: str, limit: int) -> int:
    store = open_store(path)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        annual.set_text(store, 2026, "outlook", TEXT)
    except FinsamError as refused:
        print(f"refused: {refused}", flush=True)
        return 0
    print("saved", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
