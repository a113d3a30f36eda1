"""The charter (förbundsordning) settings form, built from `CharterSettings`' declarations.

Enums become combo boxes, the Gotland flag a check box, party shares percent fields and
other numbers spin boxes with the declared limits. Any change saves the whole charter, so
shares that only add up after two edits are kept (with the message shown) until they do.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from finsam_desktop.domain.charter import (
    INT_LIMITS,
    NUMBERING_LABELS,
    OPTION_LABELS,
    SPLIT_KEY_LABELS,
    CharterSettings,
    Numbering,
    SplitKey,
)
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.values import parse_percent
from finsam_desktop.formatting import format_share_plain
from finsam_desktop.i18n import _
from finsam_desktop.services import organisation
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.widgets.fields import ErrorLabel, fill_enum_combo, select_data

ENUM_LABELS = {"paragraph_numbering": NUMBERING_LABELS, "municipal_split_key": SPLIT_KEY_LABELS}
ENUM_TYPES = {"paragraph_numbering": Numbering, "municipal_split_key": SplitKey}


class CharterForm(QGroupBox):
    """One editor per charter option; commits the whole settings object on each change."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pending = False
        self._form = QFormLayout(self)
        self.editors: dict[str, QWidget] = {}
        for field in dataclasses.fields(CharterSettings):
            editor = self._make_editor(field.name)
            self.editors[field.name] = editor
            self._form.addRow(QLabel(self), editor)
        self.error = ErrorLabel(self)
        self._form.addRow(self.error)

    def _make_editor(self, name: str) -> QWidget:
        if name in ENUM_LABELS:
            combo = QComboBox(self)
            combo.activated.connect(self.commit)
            return combo
        if name == "municipality_outside_region":
            box = QCheckBox(self)
            box.clicked.connect(self.commit)
            return box
        if name in INT_LIMITS and not name.endswith("_ppm"):
            spin = QSpinBox(self)
            spin.setRange(*INT_LIMITS[name])
            spin.editingFinished.connect(self.commit)
            return spin
        edit = QLineEdit(self)
        edit.editingFinished.connect(self.commit)
        if name.endswith("_ppm"):
            edit.setMaximumWidth(120)
        return edit

    def translate_ui(self) -> None:
        """Set the title, labels and combo texts."""
        self.setTitle(_("Charter (förbundsordning)"))
        for row, name in enumerate(self.editors):
            label = _(OPTION_LABELS[name]) + (" (%)" if name.endswith("_ppm") else "")
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            item.widget().setText(label)  # type: ignore[union-attr]
            if name in ENUM_LABELS:
                fill_enum_combo(self.editors[name], ENUM_LABELS[name])  # type: ignore[arg-type]

    def load(self) -> None:
        """Show the stored settings (unless a refused value is waiting to be fixed)."""
        if self._pending:
            return
        settings = organisation.get_charter(self._ctx.require_store())
        for name, editor in self.editors.items():
            self._show(editor, name, getattr(settings, name))

    @staticmethod
    def _show(editor: QWidget, name: str, value: object) -> None:
        if isinstance(editor, QComboBox):
            select_data(editor, value)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))  # type: ignore[call-overload]
        elif isinstance(editor, QLineEdit):
            shown = format_share_plain(value) if name.endswith("_ppm") else str(value)  # type: ignore[arg-type]
            editor.setText(shown)

    def typed(self) -> CharterSettings:
        """The settings as the form shows them; raises ValidationError for a bad percent."""
        values: dict[str, object] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                values[name] = ENUM_TYPES[name](editor.currentData())
            elif isinstance(editor, QCheckBox):
                values[name] = editor.isChecked()
            elif isinstance(editor, QSpinBox):
                values[name] = editor.value()
            elif isinstance(editor, QLineEdit):
                text = editor.text()
                values[name] = parse_percent(text) if name.endswith("_ppm") else text
        return CharterSettings(**values)  # type: ignore[arg-type]

    def commit(self) -> None:
        """Save the settings if they changed; show the reason if refused."""
        try:
            typed = self.typed()
            if typed == organisation.get_charter(self._ctx.require_store()):
                self._set_pending("")
                return
            undo.run(self._ctx, undo.SaveCharter(self._ctx, typed, text=_("Edit charter")))
        except FinsamError as error:
            self._set_pending(str(error))
            return
        self._set_pending("")
        self.load()

    def _set_pending(self, message: str) -> None:
        self._pending = bool(message)
        self.error.show_message(message)
