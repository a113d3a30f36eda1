"""Dialog to add or edit an agenda item: title, kind, Dnr, proposed decision and attachments
by file reference (chosen with the file dialog, or a typed path and title)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError, ValidationError
from finsam_desktop.domain.meetings import ITEM_KIND_LABELS, Attachment, Item, ItemKind
from finsam_desktop.i18n import _
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.widgets.fields import ErrorLabel, fill_enum_combo, select_data

ItemSubmit = Callable[[Item, list[Attachment], list[int]], None]
"""Saves the item, the attachments to add and the ids of attachments to remove."""


class ItemDialog(QDialog):
    """Fields of one agenda item; `submit(item, added, removed_ids)` saves or raises."""

    def __init__(self, item: Item, attachments: list[Attachment], submit: ItemSubmit,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._item = item
        self._submit = submit
        self._attachments = list(attachments)
        self._removed: list[int] = []
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        fill_enum_combo(self.kind, ITEM_KIND_LABELS)
        self.dnr = QLineEdit(self)
        self.proposal = QPlainTextEdit(self)
        self.proposal.setTabChangesFocus(True)
        self.attachment_model = QStringListModel(self)
        self.attachment_view = QListView(self)
        self.attachment_view.setModel(self.attachment_model)
        self.attachment_view.setMaximumHeight(90)
        self.file_button = QPushButton(_("Choose file…"), self)
        self.attach_title = QLineEdit(self)
        self.attach_path = QLineEdit(self)
        self.attach_button = QPushButton(_("Add"), self)
        self.detach_button = QPushButton(_("Remove attachment"), self)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self._layout()
        self._connect()
        self._show(item)

    def _layout(self) -> None:
        self.title.setMinimumWidth(420)
        self.dnr.setPlaceholderText(_("e.g. 2026/14"))
        self.dnr.setMaximumWidth(180)
        self.proposal.setPlaceholderText(_("The board decides to …"))
        self.attach_title.setPlaceholderText(_("Title, e.g. Budget 2027"))
        self.attach_path.setPlaceholderText(_("File path or reference"))
        typed = QHBoxLayout()
        typed.addWidget(self.attach_title, 1)
        typed.addWidget(self.attach_path, 1)
        typed.addWidget(self.attach_button)
        row = QHBoxLayout()
        row.addWidget(self.file_button)
        row.addWidget(self.detach_button)
        row.addStretch(1)
        attachments = QVBoxLayout()
        attachments.addWidget(self.attachment_view)
        attachments.addLayout(typed)
        attachments.addLayout(row)
        form = QFormLayout(self)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Reg. no. (Dnr)"), self.dnr)
        form.addRow(_("Proposed decision"), self.proposal)
        form.addRow(_("Attachments"), attachments)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setWindowTitle(_("Edit item") if self._item.id else _("Add item"))
        self.setMinimumWidth(620)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.file_button.clicked.connect(self.choose_file)
        self.attach_button.clicked.connect(self.add_typed)
        self.detach_button.clicked.connect(self.remove_selected_attachment)

    def _show(self, item: Item) -> None:
        self.title.setText(item.title)
        select_data(self.kind, item.kind)
        self.dnr.setText(item.dnr)
        self.proposal.setPlainText(item.proposal)
        self._show_attachments()

    def _show_attachments(self) -> None:
        self.attachment_model.setStringList([
            f"{a.title} — {a.file_ref}" if a.file_ref else a.title for a in self._attachments])
        self.detach_button.setEnabled(bool(self._attachments))

    def attachments(self) -> list[Attachment]:
        """The attachments as the dialog shows them."""
        return list(self._attachments)

    def choose_file(self) -> None:
        """Attach a file chosen with the file dialog (title: the file name)."""
        path = dialogs.ask_open_path(self, _("Attach a document"), dialogs.any_file_filter())
        if path:
            self._attach(Path(path).stem, path)

    def add_typed(self) -> None:
        """Attach the typed title and path."""
        title, path = self.attach_title.text().strip(), self.attach_path.text().strip()
        if not title and path:
            title = Path(path).stem
        if not title:
            self.error.show_message(_("Type a title or a file path for the attachment."))
            return
        self._attach(title, path)
        self.attach_title.clear()
        self.attach_path.clear()

    def _attach(self, title: str, path: str) -> None:
        self.error.show_message("")
        self._attachments.append(Attachment(0, self._item.meeting_id, self._item.id, title,
                                            path))
        self._show_attachments()

    def remove_selected_attachment(self) -> None:
        """Drop the selected attachment (the last one if none is selected)."""
        if not self._attachments:
            return
        index = self.attachment_view.currentIndex()
        row = index.row() if index.isValid() else len(self._attachments) - 1
        removed = self._attachments.pop(row)
        if removed.id:
            self._removed.append(removed.id)
        self._show_attachments()

    def item(self) -> Item:
        """The item as typed."""
        title = self.title.text().strip()
        if not title:
            raise ValidationError(_("Enter the title of the item."))
        return dataclasses.replace(self._item, title=title,
                                   kind=ItemKind(self.kind.currentData()),
                                   dnr=self.dnr.text().strip(),
                                   proposal=self.proposal.toPlainText().strip())

    def accept(self) -> None:
        try:
            self._submit(self.item(), [a for a in self._attachments if not a.id],
                         list(self._removed))
        except FinsamError as error:
            self.error.show_message(str(error))
            self.adjustSize()
            return
        super().accept()
