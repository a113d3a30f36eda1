"""Passphrases of encrypted files: File → New's dialog (the agency's name and, optionally, a
passphrase that encrypts the file with SQLCipher, typed twice) and the prompt for the
passphrase of a file being opened. Both mask what is typed; nothing is kept but in memory."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.i18n import _
from finsam_desktop.services.maintenance import passphrase_problems
from finsam_desktop.ui.widgets.form_dialog import FormDialog


@dataclass(frozen=True)
class NewAgency:
    """What the New dialog returns: the agency's name, and the passphrase (None: a plain
    file)."""

    name: str
    passphrase: str | None = None

    def __repr__(self) -> str:  # never show the passphrase in a log or a traceback
        return f"NewAgency(name={self.name!r}, encrypted={self.passphrase is not None})"


class NewFileDialog(FormDialog):
    """Name of the agency; "Encrypt the file with a passphrase" with two masked fields."""

    def __init__(self, parent: QWidget | None, name: str = "") -> None:
        super().__init__(parent, min_width=520)
        self.setWindowTitle(_("New agency file"))
        self.setObjectName("NewFileDialog")
        self.name = QLineEdit(name, self)
        self.encrypt = QCheckBox(_("Encrypt the file with a passphrase"), self)
        self.note = QLabel(_(
            "Encryption also protects copies of the file on network drives, USB sticks and in "
            "cloud folders. Everyone who opens the file needs the passphrase. Keep it safe: "
            "if it is forgotten, nothing in the file or its backups can be recovered."), self)
        self.note.setWordWrap(True)
        self.passphrase = QLineEdit(self)
        self.confirmation = QLineEdit(self)
        for field in (self.passphrase, self.confirmation):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(_("Name of the agency:"), self.name)
        self.form.addRow(self.encrypt)
        self.form.addRow(self.note)
        self.form.addRow(_("Passphrase:"), self.passphrase)
        self.form.addRow(_("The same passphrase again:"), self.confirmation)
        self._finish()
        self.encrypt.toggled.connect(self._encrypt_toggled)
        self._encrypt_toggled(False)
        self.result_value: NewAgency | None = None

    def _encrypt_toggled(self, on: bool) -> None:
        for field in (self.passphrase, self.confirmation):
            field.setEnabled(on)
            if not on:
                field.clear()
        if on:
            self.passphrase.setFocus()

    def _save(self) -> None:
        name = self.name.text().strip()
        if not name:
            raise ValidationError(_("Enter the agency's name."))
        passphrase = None
        if self.encrypt.isChecked():
            passphrase = self.passphrase.text()
            problems = passphrase_problems(passphrase, self.confirmation.text())
            if problems:
                raise ValidationError(problems)
        self.result_value = NewAgency(name, passphrase)


class PassphraseDialog(QDialog):
    """Why a passphrase is needed (or why the last one failed), and a masked field."""

    def __init__(self, parent: QWidget | None, title: str, message: str) -> None:
        super().__init__(parent)
        self.setObjectName("PassphraseDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.label = QLabel(_("Passphrase of the file:"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.label.setBuddy(self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.message, self.label, self.passphrase, self.buttons):
            layout.addWidget(widget)
        self.passphrase.setFocus()
