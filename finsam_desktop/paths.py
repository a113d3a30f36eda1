"""Where things live: bundled resources and per-user folders (no Qt)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder in a source checkout, a frozen bundle or an installed wheel."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parents[1] / "resources"
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file, e.g. resource("locale", "sv", ...)."""
    return resources_dir().joinpath(*parts)


def user_data_dir() -> Path:
    """Per-user folder for new databases (never inside the installation)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("FINSAM Desktop", "FINSAM"))
