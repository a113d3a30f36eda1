"""PDF exports in a worker thread: the service gathers the data on the GUI thread, the
worker only renders (`ExportJob.run`), and the result comes back as a queued signal, so the
window never freezes and no widget is touched from the worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import _
from finsam_desktop.services.exports import ExportJob
from finsam_desktop.ui import dialogs


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits through it (queued connection)."""

    done = Signal(str)
    failed = Signal(str)


class _Worker(QRunnable):
    def __init__(self, job: ExportJob, out: Path, relay: _Relay) -> None:
        super().__init__()
        self._job, self._out, self._relay = job, out, relay

    def run(self) -> None:  # in the pool's thread: render only, report by signal
        try:
            path = self._job.run(self._out)
        except (FinsamError, OSError, ValueError) as error:
            self._relay.failed.emit(str(error))
        except Exception as error:
            self._relay.failed.emit(f"{type(error).__name__}: {error}")
        else:
            self._relay.done.emit(str(path))


class ExportRunner(QObject):
    """Runs one export at a time; tells the tabs when it is busy and how it ended."""

    busy_changed = Signal(bool)
    """Emitted with True when an export starts and False when it ends."""

    sig_export_finished = Signal(str)
    """Emitted with the path of the written PDF."""

    sig_export_failed = Signal(str)
    """Emitted with the reason an export failed (already shown to the user)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._relay: _Relay | None = None
        self._companions: tuple[str, ...] = ()
        self.pool = QThreadPool.globalInstance()

    def is_busy(self) -> bool:
        """True while a PDF is being written."""
        return self._relay is not None

    def export(self, make_job: Callable[[], ExportJob], suggested: str) -> bool:
        """Build the job (errors shown), ask where to save, start the worker. True if started."""
        if self.is_busy():
            return False
        try:
            job = make_job()
        except FinsamError as error:
            dialogs.show_error(self._parent, _("The PDF could not be made"), str(error))
            return False
        path = dialogs.ask_save_path(self._parent, job.title, suggested, dialogs.pdf_filter())
        if not path:
            return False
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self.start(job, out)
        return True

    def start(self, job: ExportJob, out: Path) -> None:
        """Render `job` to `out` in the thread pool."""
        self._companions = tuple(str(p) for p in job.companions(out))
        relay = _Relay()
        relay.done.connect(self._finished)
        relay.failed.connect(self._failed)
        self._relay = relay
        self.busy_changed.emit(True)
        self.pool.start(_Worker(job, out, relay))

    def _finished(self, path: str) -> None:
        self._relay = None
        self.busy_changed.emit(False)
        # files written beside the PDF (the web minutes' HTML) are named with it
        self.sig_export_finished.emit("\n".join((path, *self._companions)))

    def _failed(self, message: str) -> None:
        self._relay = None
        self.busy_changed.emit(False)
        dialogs.show_error(self._parent, _("The PDF could not be written"), message)
        self.sig_export_failed.emit(message)
