"""Opening and creating database files: the only place in `ui/` that reaches `storage`.

(A `services.maintenance.open_or_create()` would be the proper home; until it exists this
thin wrapper keeps panels free of storage imports.)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop.domain.errors import StorageError
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.i18n import _
from finsam_desktop.services import organisation

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

SUFFIX = ".finsam"


def open_file(path: str | Path) -> Store:
    """Open an existing agency database; raises a FinsamError with a readable message."""
    from finsam_desktop.storage.store import open_store

    return open_store(Path(path))


def create_file(path: str | Path, agency_name: str) -> Store:
    """Create a new agency database at `path` with the agency's name and default charter."""
    from finsam_desktop.storage.store import open_store

    target = with_suffix(path)
    if target.exists():
        raise StorageError(_("“{path}” already exists; choose another name.").format(path=target))
    store = open_store(target, create=True)
    try:
        organisation.create_agency(store, Agency(name=agency_name))
    except Exception:
        store.close()
        target.unlink(missing_ok=True)
        raise
    return store


def with_suffix(path: str | Path) -> Path:
    """`path` with the default suffix added when it has none."""
    target = Path(path)
    return target if target.suffix else target.with_suffix(SUFFIX)
