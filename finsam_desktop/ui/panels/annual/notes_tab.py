"""The Notes tab: the notes to the statements after note 1 (the accounting principles are a
text in the Texts tab). Each note has a number, a title and plain text; a statement line
refers to it by its number in the Statements tab, and a reference to a note that has not
been written is shown here and in the cycle strip."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.annual import FIRST_NOTE, LAST_NOTE, Note
from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.i18n import N_, _
from finsam_desktop.ui import dialogs, undo
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.models.record_table import Column, RecordTableModel
from finsam_desktop.ui.panels.annual.texts_tab import HINT_STYLE
from finsam_desktop.ui.undo_annual import RemoveNote, SaveNote
from finsam_desktop.ui.widgets.form_dialog import FormDialog
from finsam_desktop.ui.widgets.tables import fit_columns, make_table, selected_record


def _first_line(note: Note) -> str:
    line = next((part for part in note.body.splitlines() if part.strip()), "")
    return line if len(line) <= 120 else line[:119] + "…"


COLUMNS = [
    Column(N_("No."), lambda n: str(n.number), numeric=True),
    Column(N_("Title"), lambda n: n.title),
    Column(N_("Text"), _first_line, tooltip=lambda n: n.body[:2000]),
]


class NoteDialog(FormDialog):
    """Number, title and text of one note; OK saves through `submit(note, old_number)`."""

    def __init__(self, year: int, note: Note | None, suggested: int,
                 submit: Callable[[Note, int | None], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, min_width=620)
        self._year, self._note, self._submit = year, note, submit
        self.number = QSpinBox(self)
        self.number.setRange(FIRST_NOTE, LAST_NOTE)
        self.number.setValue(note.number if note else suggested)
        self.title = QLineEdit(note.title if note else "", self)
        self.body = QPlainTextEdit(self)
        self.body.setPlainText(note.body if note else "")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(260)
        self.form.addRow(_("Note no."), self.number)
        self.form.addRow(_("Title"), self.title)
        self.form.addRow(_("Text"), self.body)
        self._finish()
        self.setWindowTitle(_("Edit note") if note else _("New note"))

    def _save(self) -> None:
        note = Note(self._year, self.number.value(), self.title.text(),
                    self.body.toPlainText())
        self._submit(note, self._note.number if self._note else None)


class NotesTab(QWidget):
    """The year's notes with new, edit and remove; problems with references shown above."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._year: int | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(HINT_STYLE)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #a33b00;")
        self.model = RecordTableModel(COLUMNS, self)
        self.view = make_table(self.model, self, stretch_column=2)
        self.dialog: NoteDialog | None = None
        self.add_button, self.edit_button = QPushButton(self), QPushButton(self)
        self.remove_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.add_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button.clicked.connect(self._edit_selected)
        self.view.doubleClicked.connect(self._edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def translate_ui(self) -> None:
        """Set every text."""
        self.intro.setText(_("Notes 2, 3, … explain lines of the statements; a line refers to "
                             "its note by number in the tab Statements. Note 1, the accounting "
                             "principles, is written in the tab Texts."))
        self.add_button.setText(_("New note…"))
        self.edit_button.setText(_("Edit…"))
        self.remove_button.setText(_("Remove"))
        self.model.retranslate()

    def show_notes(self, year: int, notes: list[Note], problems: list[str]) -> None:
        """Show the notes of `year` and the references that point to no note."""
        self._year = year
        self.model.set_rows(notes)
        fit_columns(self.view)
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = selected_record(self.view) is not None
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def open_editor(self, note: Note | None) -> NoteDialog | None:
        """Open the note dialog (non-blocking); OK saves through an undo command."""
        if self._year is None:
            return None
        numbers = [n.number for n in self.model.rows()]
        suggested = min(max(numbers, default=FIRST_NOTE - 1) + 1, LAST_NOTE)
        year = self._year

        def submit(after: Note, old_number: int | None) -> None:
            undo.run(self._ctx, SaveNote(self._ctx, after, old_number))

        self.dialog = NoteDialog(year, note, suggested, submit, self)
        self.dialog.open()
        return self.dialog

    def _edit_selected(self) -> None:
        note = selected_record(self.view)
        if note is not None:
            self.open_editor(note)

    def remove_selected(self) -> None:
        """Remove the selected note after asking."""
        note = selected_record(self.view)
        if note is None or not dialogs.ask_yes_no(
                self, _("Remove note"), _("Remove note {number} “{title}”?").format(
                    number=note.number, title=note.title)):
            return
        try:
            undo.run(self._ctx, RemoveNote(self._ctx, note))
        except FinsamError as error:
            dialogs.show_error(self, _("The note could not be removed"), str(error))
