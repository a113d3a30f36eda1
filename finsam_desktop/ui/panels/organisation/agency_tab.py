"""Agency tab: the profile (name, org number, seat, notice board, minutes kept at) and the
charter settings. Each field commits when the user leaves it, through an undo command; a
refused value stays in the field with the reason in red, so nothing is lost silently."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.organisation import Agency
from finsam_desktop.i18n import N_, _
from finsam_desktop.services import organisation
from finsam_desktop.ui import undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.organisation.charter_form import CharterForm
from finsam_desktop.ui.widgets.fields import ErrorLabel

PROFILE_FIELDS = {
    "name": N_("Name"),
    "org_number": N_("Organisation number"),
    "seat": N_("Seat (säte)"),
    "notice_place": N_("Notice board (anslagsplats)"),
    "minutes_kept_at": N_("Minutes kept at"),
}
PROFILE_HINTS = {
    "org_number": N_("NNNNNN-NNNN"),
    "notice_place": N_("e.g. the address of the digital notice board"),
    "minutes_kept_at": N_("e.g. the agency office"),
}


class ProfileForm(QGroupBox):
    """The agency profile; saves the whole profile when any field is left changed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._pending = False
        self.edits = {key: QLineEdit(self) for key in PROFILE_FIELDS}
        self.error = ErrorLabel(self)
        self._form = QFormLayout(self)
        for edit in self.edits.values():
            self._form.addRow(QLabel(self), edit)
            edit.editingFinished.connect(self.commit)
        self._form.addRow(self.error)

    def translate_ui(self) -> None:
        """Set titles, labels and hints."""
        self.setTitle(_("Agency profile"))
        for row, (key, label) in enumerate(PROFILE_FIELDS.items()):
            item = self._form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            item.widget().setText(_(label))  # type: ignore[union-attr]
            if key in PROFILE_HINTS:
                self.edits[key].setPlaceholderText(_(PROFILE_HINTS[key]))

    def load(self) -> None:
        """Show the stored profile (unless a refused value is waiting to be fixed)."""
        if self._pending:
            return
        agency = organisation.get_agency(self._ctx.require_store())
        for key, edit in self.edits.items():
            edit.setText(getattr(agency, key))

    def commit(self) -> None:
        """Save the profile if it changed; show the reason if refused."""
        typed = Agency(**{key: edit.text() for key, edit in self.edits.items()})
        if typed == organisation.get_agency(self._ctx.require_store()):
            self._set_pending("")
            return
        try:
            undo.run(self._ctx, undo.SaveAgency(self._ctx, typed, text=_("Edit agency profile")))
        except FinsamError as error:
            self._set_pending(str(error))
            return
        self._set_pending("")
        self.load()

    def _set_pending(self, message: str) -> None:
        self._pending = bool(message)
        self.error.show_message(message)


class AgencyTab(QScrollArea):
    """Profile and charter side by side, scrollable on small screens."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile = ProfileForm(ctx, self)
        self.charter = CharterForm(ctx, self)
        inner = QWidget(self)
        left = QVBoxLayout()
        left.addWidget(self.profile)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.charter)
        right.addStretch(1)
        layout = QHBoxLayout(inner)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def translate_ui(self) -> None:
        """Set every text."""
        self.profile.translate_ui()
        self.charter.translate_ui()

    def refresh(self) -> None:
        """Show the stored values."""
        self.profile.load()
        self.charter.load()
