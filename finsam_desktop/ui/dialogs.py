"""Every modal dialog the UI shows, as small functions tests can monkeypatch.

An unpatched modal dialog blocks a headless test run, so nothing else in `ui/` calls
`QMessageBox` or `QFileDialog` directly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from finsam_desktop.i18n import _

if TYPE_CHECKING:
    from finsam_desktop.ui.passphrase_dialogs import NewAgency


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """Tell the user something failed, in words they can act on."""
    QMessageBox.warning(parent, title, message)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    """Show a plain message (e.g. About)."""
    QMessageBox.information(parent, title, message)


def ask_yes_no(parent: QWidget | None, title: str, message: str) -> bool:
    """Ask a yes/no question; True means yes."""
    answer = QMessageBox.question(parent, title, message,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None if cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def ask_passphrase(parent: QWidget | None, title: str, message: str) -> str | None:
    """Ask for a file's passphrase in a masked field (`message` says why); None if
    cancelled or left empty."""
    from finsam_desktop.ui.passphrase_dialogs import PassphraseDialog

    dialog = PassphraseDialog(parent, title, message)
    try:
        value = dialog.passphrase.text() if dialog.exec() else ""
    finally:
        dialog.deleteLater()
    return value or None


def ask_new_agency(parent: QWidget | None, name: str = "") -> NewAgency | None:
    """File → New: the agency's name and an optional passphrase; None if cancelled."""
    from finsam_desktop.ui.passphrase_dialogs import NewFileDialog

    dialog = NewFileDialog(parent, name)
    try:
        return dialog.result_value if dialog.exec() else None
    finally:
        dialog.deleteLater()


def ask_open_path(parent: QWidget | None, title: str, file_filter: str = "",
                  directory: str = "") -> str | None:
    """Ask for an existing file (a database unless `file_filter` says), starting in
    `directory` if given; None if cancelled."""
    path, _filter = QFileDialog.getOpenFileName(parent, title, directory,
                                                file_filter or _db_filter())
    return path or None


def ask_save_path(parent: QWidget | None, title: str, suggested: str = "",
                  file_filter: str = "") -> str | None:
    """Ask where to write a file (a database unless `file_filter` says); None if cancelled.

    A `suggested` full path whose folder does not exist yet (the user's data folder on the
    first New file) gets its folder created, so the dialog can open there."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, prepare_suggestion(suggested),
                                                file_filter or _db_filter())
    return path or None


def prepare_suggestion(suggested: str) -> str:
    """`suggested` for a save dialog, its folder created if it is a full path to a missing
    folder; just the file name if the folder cannot be made."""
    from pathlib import Path

    target = Path(suggested)
    if target.is_absolute() and not target.parent.exists():
        try:
            target.parent.mkdir(parents=True)
        except OSError:
            return target.name
    return suggested


def _db_filter() -> str:
    return _("FINSAM databases") + " (*.finsam *.sqlite *.db);;" + _("All files") + " (*)"


def pdf_filter() -> str:
    """File-dialog filter for PDF documents."""
    return _("PDF documents") + " (*.pdf);;" + _("All files") + " (*)"


def any_file_filter() -> str:
    """File-dialog filter for any document."""
    return _("All files") + " (*)"


def ask_choice(parent: QWidget | None, title: str, label: str,
               choices: list[tuple[object, str]]) -> object | None:
    """Ask the user to pick one of `choices` ((value, label) pairs, first preselected);
    returns the chosen value, None if cancelled."""
    if not choices:
        return None
    labels = [label_ for _value, label_ in choices]
    picked, ok = QInputDialog.getItem(parent, title, label, labels, 0, False)
    if not ok or picked not in labels:
        return None
    return choices[labels.index(picked)][0]


def export_filter(suffix: str) -> str:
    """File-dialog filter for one export format: ".pdf" or ".xlsx"."""
    name = _("PDF documents") if suffix == ".pdf" else _("Excel workbooks")
    return f"{name} (*{suffix});;" + _("All files") + " (*)"


def open_document(target: str) -> bool:
    """Open a file (path) or a web address with the system's default program; False if
    nothing could be opened. Not a dialog, but it leaves the application: tests patch it."""
    from pathlib import Path

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    text = target.strip()
    if not text:
        return False
    if "://" in text or text.lower().startswith("mailto:"):
        url = QUrl(text)
    else:
        path = Path(text).expanduser()
        if not path.exists():
            return False
        url = QUrl.fromLocalFile(str(path.resolve()))
    return url.isValid() and QDesktopServices.openUrl(url)
