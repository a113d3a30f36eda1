"""Signing & notice tab: signers and signatures, what still stops sealing, sealing (cannot
be undone), the seal's control sum, posting with its appeal dates, PDF exports and
corrections of earlier paragraphs."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.domain.errors import FinsamError
from finsam_desktop.domain.meetings import Meeting
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _
from finsam_desktop.services import exports, meetings, signing
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.common import OK_STYLE, WARNING_STYLE, BusyLine
from finsam_desktop.ui.panels.meetings.correction_dialog import CorrectionDialog
from finsam_desktop.ui.panels.meetings.export import ExportRunner
from finsam_desktop.ui.panels.meetings.signing_form import SignersBox
from finsam_desktop.ui.widgets.fields import DateField, ErrorLabel
from finsam_desktop.ui.widgets.problem_list import ProblemList


class SigningTab(QScrollArea):
    """Signers, sealing, posting, exports and corrections of one meeting."""

    def __init__(self, ctx: AppContext, runner: ExportRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._runner = runner
        self._meeting: Meeting | None = None
        self._sealed = False
        self.dialog: CorrectionDialog | None = None
        inner = QWidget(self)
        self.overdue = QLabel(inner)
        self.overdue.setWordWrap(True)
        self.overdue.setStyleSheet(WARNING_STYLE)
        self.signers = SignersBox(ctx, inner)
        self.seal_box = QGroupBox(inner)
        self.problems = ProblemList(self.seal_box)
        self.seal_button = QPushButton(self.seal_box)
        self.seal_info = QLabel(self.seal_box)
        self.seal_info.setWordWrap(True)
        self.post_box = QGroupBox(inner)
        self.posted_on = DateField(self.post_box)
        self.post_button = QPushButton(self.post_box)
        self.post_error = ErrorLabel(self.post_box)
        self.post_labels = [QLabel(self.post_box) for _i in range(4)]
        self.post_values = [QLabel(self.post_box) for _i in range(3)]
        self.export_box = QGroupBox(inner)
        self.minutes_button = QPushButton(self.export_box)
        self.web_button = QPushButton(self.export_box)
        self.extract_number = QComboBox(self.export_box)
        self.extract_button = QPushButton(self.export_box)
        self.correction_button = QPushButton(self.export_box)
        self.busy = BusyLine(self.export_box)
        self._build(inner)
        self._connect()

    def _build(self, inner: QWidget) -> None:
        seal = QVBoxLayout(self.seal_box)
        seal.addWidget(self.problems)
        row = QHBoxLayout()
        row.addWidget(self.seal_button)
        row.addWidget(self.seal_info, 1)
        seal.addLayout(row)
        post = QGridLayout(self.post_box)
        post.addWidget(self.post_labels[0], 0, 0)
        post.addWidget(self.posted_on, 0, 1)
        post.addWidget(self.post_button, 0, 2)
        for index, value in enumerate(self.post_values, 1):
            post.addWidget(self.post_labels[index], index, 0)
            post.addWidget(value, index, 1, 1, 2)
        post.addWidget(self.post_error, 4, 0, 1, 3)
        post.setColumnStretch(3, 1)
        export = QVBoxLayout(self.export_box)
        documents = QHBoxLayout()
        documents.addWidget(self.minutes_button)
        documents.addWidget(self.web_button)
        documents.addStretch(1)
        extract = QHBoxLayout()
        extract.addWidget(self.extract_number, 1)
        extract.addWidget(self.extract_button)
        correction = QHBoxLayout()
        correction.addWidget(self.correction_button)
        correction.addStretch(1)
        export.addLayout(documents)
        export.addLayout(extract)
        export.addWidget(self.busy)
        export.addLayout(correction)
        self.extract_number.setMinimumContentsLength(30)
        self.extract_number.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        layout = QVBoxLayout(inner)
        layout.addWidget(self.overdue)
        for box in (self.signers, self.seal_box, self.post_box, self.export_box):
            layout.addWidget(box)
        layout.addStretch(1)
        inner.setMaximumWidth(900)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def _connect(self) -> None:
        self.seal_button.clicked.connect(self.seal)
        self.post_button.clicked.connect(self.post)
        self.minutes_button.clicked.connect(lambda: self.export_minutes("signed"))
        self.web_button.clicked.connect(lambda: self.export_minutes("web"))
        self.extract_button.clicked.connect(self.export_extract)
        self.correction_button.clicked.connect(self.open_correction_dialog)
        self.busy.follow(self._runner, self._update_exports)

    def translate_ui(self) -> None:
        """Set every text."""
        self.signers.translate_ui()
        self.seal_box.setTitle(_("Seal the signed minutes"))
        self.problems.set_empty_text(_("Ready to seal: everyone has signed and every "
                                       "decision is recorded."))
        self.seal_button.setText(_("Seal the minutes…"))
        self.post_box.setTitle(_("Notice (anslag)"))
        for label, text in zip(self.post_labels, (_("Notice posted on"),
                                                  _("Take down at the earliest"),
                                                  _("Last day to appeal"),
                                                  _("Decisions final from")), strict=True):
            label.setText(text)
        self.post_button.setText(_("Record posting"))
        self.export_box.setTitle(_("Documents"))
        self.minutes_button.setText(_("Minutes PDF…"))
        self.minutes_button.setToolTip(_("The protocol with signature lines."))
        self.web_button.setText(_("Web version PDF…"))
        self.web_button.setToolTip(_("For publication: without signatures."))
        self.extract_button.setText(_("Extract of selected §…"))
        self.extract_button.setToolTip(_("A certified extract (protokollsutdrag) of one "
                                         "paragraph."))
        self.correction_button.setText(_("Add correction of a paragraph…"))
        self.correction_button.setToolTip(_("Correct a paragraph of earlier, sealed minutes "
                                            "with a new paragraph in this meeting."))

    def set_meeting(self, meeting: Meeting | None, sealed: bool) -> None:
        """Show `meeting`."""
        self._meeting, self._sealed = meeting, sealed
        self.post_error.show_message("")
        self.signers.set_meeting(meeting, sealed)
        self.refresh()

    def refresh(self) -> None:
        """Re-read problems, seal, posting and the paragraph choice."""
        meeting = self._meeting
        self.signers.refresh()
        store = self._ctx.require_store()
        held = meeting is not None and meeting.held
        overdue = meeting is not None and signing.signing_overdue(store, meeting.id)
        self.overdue.setVisible(overdue)
        if overdue:
            self.overdue.setText(_("The minutes are past the signing deadline: sign and seal "
                                   "them now, and post the notice."))
        problems = signing.seal_problems(store, meeting.id) if meeting and not self._sealed \
            else []
        self.problems.set_messages(problems)
        self.problems.setVisible(not self._sealed)
        self.seal_button.setEnabled(held and not self._sealed and not problems)
        self._show_seal(meeting)
        self._show_posting(meeting)
        self._fill_numbers(meeting)
        self._update_exports()

    def _show_seal(self, meeting: Meeting | None) -> None:
        seal = signing.get_seal(self._ctx.require_store(), meeting.id) if meeting else None
        if seal is None:
            self.seal_info.setStyleSheet("")
            self.seal_info.setText(_("Sealing freezes the minutes for good (a backup is made "
                                     "first)."))
            return
        self.seal_info.setStyleSheet(OK_STYLE)
        when = dt.datetime.fromisoformat(seal.sealed_at).astimezone()
        self.seal_info.setText(_("Sealed {when}. Control sum: {hash}").format(
            when=when.strftime("%Y-%m-%d %H:%M"), hash=seal.chain_hash[:16]))

    def _show_posting(self, meeting: Meeting | None) -> None:
        store = self._ctx.require_store()
        info = signing.posting_info(store, meeting.id) if meeting else None
        self.post_box.setEnabled(self._sealed)
        self.posted_on.set_date(info.posted_on if info else store.today())
        values = (info.take_down_earliest, info.last_appeal_day, info.final_from) if info \
            else (None, None, None)
        for label, value in zip(self.post_values, values, strict=True):
            label.setText(format_date(value) if value else "—")
        self.post_button.setText(_("Change date") if info else _("Record posting"))

    def _fill_numbers(self, meeting: Meeting | None) -> None:
        current = self.extract_number.currentData()
        self.extract_number.clear()
        if meeting is None or not meeting.held:
            return
        for item in meetings.list_items(self._ctx.require_store(), meeting.id):
            number = meetings.number_of(meeting, item)
            self.extract_number.addItem(f"§ {number}  {item.title[:40]}", number)
        index = self.extract_number.findData(current)
        self.extract_number.setCurrentIndex(max(0, index))

    def _update_exports(self) -> None:
        held = self._meeting is not None and self._meeting.held
        free = not self._runner.is_busy()
        for widget in (self.minutes_button, self.web_button, self.extract_button,
                       self.extract_number):
            widget.setEnabled(held and free)
        self.correction_button.setEnabled(held and not self._sealed)

    # Actions ----------------------------------------------------------------------------

    def seal(self) -> bool:
        """Seal the minutes after a clear question; clears the undo history. True if sealed."""
        meeting = self._meeting
        if meeting is None:
            return False
        if not dialogs.ask_yes_no(self, _("Seal the minutes"), _(
                "Seal the minutes of {date}?\n\nSealing cannot be undone: the minutes can no "
                "longer be changed, only corrected in a later meeting. A backup of the file is "
                "made first. Undo history is cleared.").format(date=format_date(meeting.date))):
            return False
        try:
            _seal, changes = signing.seal(self._ctx.require_store(), meeting.id)
        except FinsamError as error:
            dialogs.show_error(self, _("The minutes could not be sealed"), str(error))
            return False
        self._ctx.undo_stack.clear()
        self._ctx.events.changed.emit(changes)
        return True

    def post(self) -> None:
        """Record the day the notice went up."""
        if self._meeting is None:
            return
        try:
            day = self.posted_on.date() or self._ctx.require_store().today()
            _before, changes = signing.post(self._ctx.require_store(), self._meeting.id, day)
        except FinsamError as error:
            self.post_error.show_message(str(error))
            return
        self.post_error.show_message("")
        self._ctx.events.changed.emit(changes)

    def export_minutes(self, variant: str) -> None:
        """Write the protocol ("signed") or its web version ("web") in the background."""
        if self._meeting is None:
            return
        meeting_id, day = self._meeting.id, self._meeting.date.isoformat()
        name = _("Minutes {date}.pdf") if variant == "signed" else _("Minutes {date} web.pdf")
        self.busy.export(
            lambda: exports.minutes_job(self._ctx.require_store(), meeting_id, variant),
            name.format(date=day))

    def export_extract(self) -> None:
        """Write a certified extract of the chosen paragraph."""
        number = self.extract_number.currentData()
        if self._meeting is None or number is None:
            return
        meeting_id = self._meeting.id
        self.busy.export(
            lambda: exports.extract_job(self._ctx.require_store(), meeting_id, int(number)),
            _("Extract § {n}.pdf").format(n=number))


    def open_correction_dialog(self) -> CorrectionDialog | None:
        """Pick an earlier sealed paragraph and add its correction to this meeting."""
        if self._meeting is None:
            return None
        meeting_id = self._meeting.id

        def submit(item_id: int, text: str) -> None:
            undo.run(self._ctx, undo_meetings.AddCorrection(self._ctx, meeting_id, item_id,
                                                            text))

        self.dialog = CorrectionDialog(self._ctx.require_store(), meeting_id, submit, self)
        self.dialog.open()
        return self.dialog
