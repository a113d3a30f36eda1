"""Opening and creating database files, through `services.maintenance`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop.services import maintenance

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

SUFFIX = ".finsam"


def open_file(path: str | Path) -> Store:
    """Open an existing agency database; raises a FinsamError with a readable message."""
    return maintenance.open_database(Path(path))


def create_file(path: str | Path, agency_name: str) -> Store:
    """Create a new agency database at `path` with the agency's name and default charter."""
    return maintenance.create_database(with_suffix(path), agency_name)


def with_suffix(path: str | Path) -> Path:
    """`path` with the default suffix added when it has none."""
    target = Path(path)
    return target if target.suffix else target.with_suffix(SUFFIX)
