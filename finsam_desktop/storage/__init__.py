"""Storage: the only layer that speaks SQL. Repositories return domain dataclasses and never
commit; services own transactions through `Store.user_action()`."""

import sys


def _import_sqlite_utils_lightly() -> None:
    """Import sqlite-utils without its optional numpy/pandas imports.

    sqlite-utils imports numpy and pandas at import time when they are installed (pyqtgraph
    brings numpy), only to map their scalar types, which this app never passes. Measured:
    250 ms of start-up. Blocking them just for this import keeps start-up light; numpy
    still imports normally later (charts).
    """
    blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import` raise ImportError
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in blocked:
            sys.modules.pop(name, None)


_import_sqlite_utils_lightly()
