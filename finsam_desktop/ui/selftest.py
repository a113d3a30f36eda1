"""`finsam-desktop --self-test [DIR]`: show that an installed copy (or a checkout) works.

Run by the installer checks on the frozen bundle (installer/README.md) and by the tests from
source. In a temporary folder (or DIR, which then keeps the files) it

1. finds the bundled resources (fonts, translations, colour profile, icon) and Qt's own
   Swedish catalogue and platform plugin;
2. creates an agency database with the demo data, closes it and opens it again as a user would;
3. switches to Swedish and checks a translated text and a formatted amount;
4. renders every panel of the main window offscreen and saves each as a PNG;
5. exports the minutes of a meeting as PDF/A (fonts, colour profile, pikepdf) and the decision
   register as XLSX;

prints one line per check and returns 0, or 1 at the first failure with its message. It never
touches the user's settings, recent files, data folder or log.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from finsam_desktop import __version__, paths

REQUIRED_RESOURCES = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("locale", "sv", "LC_MESSAGES", "finsam.po"),
    ("color", "sRGB.icc"),
    ("icons", "finsam.png"),
)
NATIVE_PLATFORM_PLUGIN = {"linux": "qxcb", "win32": "qwindows", "darwin": "qcocoa"}
REPORT_NAME = "self-test.txt"


class SelfTestError(Exception):
    """A check failed; the message says what was expected and what was found."""


class SelfTest:
    """The checks, in order; each returns the detail printed after "ok"."""

    def __init__(self, folder: Path, out: TextIO) -> None:
        self.folder = folder
        self.out = out
        self.store = None
        self.window = None
        self.year = 0
        self.meeting_id = 0

    def run(self) -> int:
        started = time.perf_counter()
        self._say(f"FINSAM Desktop {__version__} self-test "
                  f"({'bundle' if paths.is_frozen() else 'source'}, Python "
                  f"{sys.version.split()[0]}, {sys.platform}), files in {self.folder}")
        checks: list[tuple[str, Callable[[], str]]] = [
            ("resources", self.check_resources),
            ("qt", self.check_qt),
            ("database", self.check_database),
            ("language", self.check_language),
            ("panels", self.check_panels),
            ("pdf", self.check_pdf),
            ("xlsx", self.check_xlsx),
        ]
        try:
            for name, check in checks:
                began = time.perf_counter()
                try:
                    detail = check()
                except SelfTestError as error:
                    return self._fail(name, str(error))
                except Exception as error:  # anything else: say where, with the traceback
                    self._say(traceback.format_exc().rstrip())
                    return self._fail(name, f"{type(error).__name__}: {error}")
                self._say(f"ok    {name:<10} {detail} ({time.perf_counter() - began:.2f} s)")
        finally:
            self._close()
        self._say(f"self-test passed: {len(checks)} checks in "
                  f"{time.perf_counter() - started:.1f} s")
        return 0

    # The checks -------------------------------------------------------------------------

    def check_resources(self) -> str:
        root = paths.resources_dir()
        missing = ["/".join(p) for p in REQUIRED_RESOURCES if not paths.resource(*p).is_file()]
        if missing:
            raise SelfTestError(f"missing in {root}: {', '.join(missing)}")
        return (f"{root}; data folder {paths.user_data_dir()}, "
                f"log folder {paths.user_log_dir()}")

    def check_qt(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QTranslator, qVersion
        from PySide6.QtGui import QGuiApplication

        translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_sv", translations):
            raise SelfTestError(f"Qt's Swedish catalogue qtbase_sv.qm is not in {translations}")
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
        native = NATIVE_PLATFORM_PLUGIN.get(sys.platform, "qoffscreen")
        found = sorted(p.name for p in plugins.iterdir()) if plugins.is_dir() else []
        if not any(native in name for name in found):
            raise SelfTestError(f"the {native} platform plugin is not in {plugins}: the app "
                                "could not open a window on this system")
        return (f"Qt {qVersion()}, platform {QGuiApplication.platformName()}, "
                f"plugins {', '.join(found) or '-'}, qtbase_sv")

    def check_database(self) -> str:
        from finsam_desktop.services.demo import build_demo
        from finsam_desktop.services.maintenance import create_database
        from finsam_desktop.ui import opening

        path = self.folder / "self-test.finsam"
        path.unlink(missing_ok=True)
        store = create_database(path, "Samordningsförbundet Självtest")
        try:
            build_demo(store, years=2, seed=1)
        finally:
            store.close()
        self.store = opening.open_file(path)
        meetings = self.store.meetings.meetings.all_by_id()
        if not meetings:
            raise SelfTestError("the demo data has no meetings")
        return f"{path.name}, {path.stat().st_size // 1024} KB, {len(meetings)} meetings"

    def check_language(self) -> str:
        from finsam_desktop.formatting import format_money
        from finsam_desktop.i18n import _
        from finsam_desktop.ui import translation

        translation.set_language("en")
        english = format_money(123_456_789)
        if english != "1,234,567.89\u00a0kr":
            raise SelfTestError(f"English amount formatted as {english!r}")
        translation.set_language("sv")  # the default language, as the app starts
        text = _("No file open")
        if text == "No file open":
            raise SelfTestError("no Swedish translation: the catalogue was not loaded")
        money = format_money(123_456_789)
        if money != "1\u00a0234\u00a0567,89\u00a0kr":
            raise SelfTestError(f"Swedish amount formatted as {money!r}")
        return f"“{text}”, {money.replace(chr(0xA0), ' ')}; {english.replace(chr(0xA0), ' ')}"

    def check_panels(self) -> str:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication, QTabWidget

        from finsam_desktop.ui.context import AppContext
        from finsam_desktop.ui.mainwindow import MainWindow
        from finsam_desktop.ui.navigation import PANELS
        from finsam_desktop.ui.settings import UiSettings

        settings = UiSettings(QSettings(str(self.folder / "ui.ini"), QSettings.Format.IniFormat))
        ctx = AppContext.create(None, settings)
        self.window = window = MainWindow(ctx, remember=False)
        window.resize(1280, 800)
        window.set_store(self.store)
        self.store = None  # the window owns it now
        window.show()
        shown, views = [], 0
        for entry in PANELS:
            if entry.factory is None:
                continue
            panel = window.show_panel(entry.key)
            if panel is None:
                raise SelfTestError(f"the {entry.key} panel could not be shown")
            tabs = panel.findChild(QTabWidget)
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)  # every tab: the charts need pyqtgraph
                QApplication.processEvents()
                self._save(window, f"panel-{entry.key}" + (f"-{index + 1}" if index else ""))
                views += 1
            shown.append(entry.key)
        charts = "pyqtgraph" in sys.modules
        if not charts:
            raise SelfTestError("no chart was drawn (pyqtgraph was never imported)")
        return f"{len(shown)} panels, {views} views with charts ({', '.join(shown)})"

    def _save(self, window, name: str) -> None:  # type: ignore[no-untyped-def]
        image = window.grab().toImage()
        if image.isNull() or _colours(image) < 8:
            raise SelfTestError(f"{name} rendered as an empty picture")
        target = self.folder / f"{name}.png"
        if not image.save(str(target)):
            raise SelfTestError(f"could not write {target}")

    def check_pdf(self) -> str:
        import pikepdf

        from finsam_desktop.domain.errors import ValidationError
        from finsam_desktop.services import exports

        store = self.window.ctx.require_store()
        job = None
        for meeting_id, meeting in sorted(store.meetings.meetings.all_by_id().items()):
            try:
                job = exports.minutes_job(store, meeting_id, "signed")
            except ValidationError:
                continue  # a meeting without paragraphs yet
            self.meeting_id, self.year = meeting_id, meeting.date.year
            break
        if job is None:
            raise SelfTestError("no meeting with minutes to export")
        pdf_path = job.run(self.folder / "minutes.pdf")
        with pikepdf.open(pdf_path) as pdf:
            pages = len(pdf.pages)
            intents = pdf.Root.get("/OutputIntents")
            language = str(pdf.Root.get("/Lang", ""))
            fonts = _font_names(pdf)
        if pages < 1 or not intents:
            raise SelfTestError(f"{pdf_path.name}: {pages} pages, output intent {intents!r}")
        if not fonts or any("DejaVu" not in f for f in fonts):
            raise SelfTestError(f"{pdf_path.name} uses fonts other than DejaVu: {fonts}")
        return (f"{pdf_path.name}, {pages} pages, {pdf_path.stat().st_size // 1024} KB, "
                f"PDF/A output intent, /Lang {language}, fonts {', '.join(sorted(fonts))}")

    def check_xlsx(self) -> str:
        import zipfile

        from finsam_desktop.services import decision_exports

        store = self.window.ctx.require_store()
        job = decision_exports.register_job(store, self.year, self.folder / "decisions.xlsx")
        path = job.run(self.folder / "decisions.xlsx")
        with zipfile.ZipFile(path) as book:
            if "xl/workbook.xml" not in book.namelist():
                raise SelfTestError(f"{path.name} is not a workbook")
        return f"{path.name}, decisions of {self.year}, {path.stat().st_size // 1024} KB"

    # Helpers ----------------------------------------------------------------------------

    def _say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def _fail(self, name: str, message: str) -> int:
        self._say(f"FAIL  {name:<10} {message}")
        self._say("self-test failed")
        return 1

    def _close(self) -> None:
        if self.window is not None:
            self.window.close()  # closes the store too
            self.window.deleteLater()
            self.window = None
        if self.store is not None:
            self.store.close()
            self.store = None


def _colours(image) -> int:  # type: ignore[no-untyped-def]
    """How many different colours a coarse grid of the picture has (a blank one has 1)."""
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x)
                for y in range(0, image.height(), step_y)})


def _font_names(pdf) -> set[str]:  # type: ignore[no-untyped-def]
    names = set()
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", {})
        for key in fonts.keys():  # noqa: SIM118 (a pikepdf Dictionary)
            names.add(str(fonts[key].get("/BaseFont", "")).lstrip("/"))
    return names


def run(folder: str | None = None) -> int:
    """Run every check, in `folder` (kept) or a temporary folder (removed); the exit code.

    The report goes to standard output; where there is none (the windowed Windows program),
    to self-test.txt in the folder, or in the user's log folder when the folder is temporary.
    """
    if folder:
        target = Path(folder)
        target.mkdir(parents=True, exist_ok=True)
        return _run_in(target, target)
    with tempfile.TemporaryDirectory(prefix="finsam-self-test-") as temporary:
        return _run_in(Path(temporary), paths.user_log_dir())


def _run_in(folder: Path, report_folder: Path) -> int:
    if sys.stdout is not None:
        return SelfTest(folder, sys.stdout).run()
    report_folder.mkdir(parents=True, exist_ok=True)
    with (report_folder / REPORT_NAME).open("w", encoding="utf-8") as out:
        return SelfTest(folder, out).run()
