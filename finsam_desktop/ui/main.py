"""Entry point of the desktop app: `finsam-desktop [DB]`, `--lang en|sv`,
`--screenshot OUT.png --panel NAME DB` (renders one panel offscreen to a PNG and exits) and
`--self-test [DIR]` (checks an installation offscreen: database, panels, PDF; see selftest.py).

Without DB it opens the most recent file that still exists; with none, the "no file open" page
offers New (suggested in the user's data folder) and Open."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from finsam_desktop.i18n import LANGUAGES

ORGANISATION = "FINSAM"
APPLICATION = "FINSAM Desktop"


def _parser() -> argparse.ArgumentParser:
    from finsam_desktop.ui.navigation import PANEL_KEYS

    parser = argparse.ArgumentParser(prog="finsam-desktop", description=APPLICATION)
    parser.add_argument("db", nargs="?", help="agency database file to open")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="user interface language")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="render the main window offscreen to a PNG and exit")
    parser.add_argument("--panel", choices=PANEL_KEYS, default="overview",
                        help="panel to show with --screenshot")
    parser.add_argument("--size", default="1280x800", help="window size with --screenshot")
    parser.add_argument("--self-test", nargs="?", const="", metavar="DIR",
                        help="check this installation offscreen (demo database, every panel, "
                             "a PDF) and exit 0 if all is well; keep the files in DIR if given")
    return parser


def _application(argv: list[str]):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "finsam-desktop",
                                                   *argv])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setDesktopFileName("finsam-desktop")  # Wayland: the icon of finsam-desktop.desktop
    _set_window_icon(app)
    return app


def _set_window_icon(app) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QIcon

    from finsam_desktop.paths import resource

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource("icons", f"finsam-{size}.png")
        if path.exists():
            icon.addFile(str(path))
    if not icon.isNull():
        app.setWindowIcon(icon)


def main(argv: list[str] | None = None) -> int:
    """Run the desktop application; returns the process exit code."""
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # QT_QPA_PLATFORM=xcb: native
        _application([])
        from finsam_desktop.ui import selftest

        return selftest.run(args.self_test or None)
    if args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if not args.db:
            print("--screenshot needs a database file", file=sys.stderr)
            return 2
    app = _application([])
    from finsam_desktop.ui import translation
    from finsam_desktop.ui.context import AppContext
    from finsam_desktop.ui.settings import UiSettings

    settings = UiSettings()
    translation.set_language(args.lang or settings.language())
    ctx = AppContext.create(None, settings)
    if args.screenshot:
        return _screenshot(ctx, args)
    return _run(app, ctx, args.db)


def _install_excepthook() -> None:
    """Show an unexpected error as a message (the traceback still goes to stderr); an
    error of ours that no form caught is shown as its own message."""
    import traceback

    from finsam_desktop.domain.errors import FinsamError
    from finsam_desktop.i18n import _
    from finsam_desktop.logs import log
    from finsam_desktop.ui import dialogs

    def hook(kind, error, tb) -> None:  # type: ignore[no-untyped-def]
        if isinstance(error, FinsamError):  # a refusal no form caught (e.g. read-only): in words
            log.warning("not done: %s", error)
            dialogs.show_error(None, _("Not done"), str(error))
            return
        traceback.print_exception(kind, error, tb)
        log.error("unexpected error", exc_info=(kind, error, tb))
        detail = f"{kind.__name__}: {error}"
        dialogs.show_error(None, _("Unexpected error"), _(
            "Something went wrong: {error}\n\nThe file is safe: every change is saved "
            "completely or not at all. Please report this.").format(error=detail))

    sys.excepthook = hook


def _run(app, ctx, db: str | None) -> int:  # type: ignore[no-untyped-def]
    from finsam_desktop.logs import setup_file_logging
    from finsam_desktop.ui.file_open import FileOpenFilter
    from finsam_desktop.ui.mainwindow import MainWindow

    setup_file_logging()
    _install_excepthook()
    window = MainWindow(ctx)
    if sys.platform == "darwin":  # a .finsam file double-clicked in Finder (an app event)
        app.installEventFilter(FileOpenFilter(window))
    window.show()
    path = db or next((p for p in ctx.settings.recent_files() if Path(p).exists()), None)
    if path:
        window.open_path(path)
    return _exec(app)


def _exec(app) -> int:  # type: ignore[no-untyped-def]
    """Run the event loop until the last window closes (tests replace this)."""
    return int(app.exec())


def _screenshot(ctx, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from finsam_desktop.domain.errors import FinsamError
    from finsam_desktop.ui import opening
    from finsam_desktop.ui.mainwindow import MainWindow

    try:
        store = opening.open_file(args.db)
    except FinsamError as error:
        print(error, file=sys.stderr)
        return 1
    window = MainWindow(ctx, remember=False)
    width, height = (int(n) for n in args.size.lower().split("x"))
    window.resize(width, height)
    window.set_store(store)
    panel = window.show_panel(args.panel)
    if panel is None:
        print(f"the {args.panel} panel comes in a later version", file=sys.stderr)
        window.close()
        return 2
    window.show()
    QApplication.processEvents()
    panel.finish_deferred()  # e.g. the overview's charts, loaded after it is on screen
    QApplication.processEvents()
    ok = window.grab().save(args.screenshot)
    window.close()
    if not ok:
        print(f"could not write {args.screenshot}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
