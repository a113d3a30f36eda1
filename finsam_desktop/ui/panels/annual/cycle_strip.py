"""The cycle strip above every tab of the Annual report panel: the countdown to 31 March,
whether the report is signed and adopted (the § as a link to the minutes), the audit
report, dispatch to the members, their discharge decisions, and what does not add up in the
statements."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from html import escape, unescape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from finsam_desktop.domain.annual import AnnualReport, CycleStatus
from finsam_desktop.formatting import format_date
from finsam_desktop.i18n import _

CAPTION_STYLE = "color: #555555;"
VALUE_STYLE = "font-size: 10pt; font-weight: bold;"
DONE_STYLE = "font-size: 10pt; font-weight: bold; color: #2e6b30;"
OPEN_STYLE = "font-size: 10pt; font-weight: bold; color: #5a5a5a;"
SOON_STYLE = "font-size: 10pt; font-weight: bold; color: #9a5b00;"
LATE_STYLE = "font-size: 10pt; font-weight: bold; color: #b00020;"
PROBLEM_STYLE = ("background: #fdf3d8; color: #5c4400; border: 1px solid #e0c36a; "
                 "padding: 2px 6px;")
SOON_DAYS = 30  # the countdown turns amber a month before the deadline

DEADLINE, SIGNED, ADOPTED, AUDIT, SENT, DISCHARGE = range(6)
STRETCH = (4, 2, 3, 3, 3, 6)  # room by the length of what each column says


def countdown(status: CycleStatus, signing_date: dt.date | None) -> tuple[str, str]:
    """The deadline cell: (text, style)."""
    if signing_date is not None:
        late = (signing_date - status.deadline).days
        if late <= 0:
            return _("signed in time"), DONE_STYLE
        return (_("signed 1 day late") if late == 1 else
                _("signed {days} days late").format(days=late)), SOON_STYLE
    days = status.days_left
    if days < 0:
        return (_("passed yesterday") if days == -1 else
                _("passed {days} days ago").format(days=-days)), LATE_STYLE
    if days == 0:
        return _("today"), LATE_STYLE
    text = _("1 day left") if days == 1 else _("{days} days left").format(days=days)
    return text, SOON_STYLE if days <= SOON_DAYS else VALUE_STYLE


class CycleStrip(QFrame):
    """Six captions with their state in a row, and the statement problems below."""

    sig_open_item = Signal(int)
    """(item id): the adopting § was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CycleStrip")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#CycleStrip { background: #fafbfc; }")
        self.captions = [QLabel(self) for _index in range(6)]
        self.values = [QLabel(self) for _index in range(6)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(0)
        for column, (caption, value) in enumerate(zip(self.captions, self.values,
                                                      strict=True)):
            caption.setStyleSheet(CAPTION_STYLE)
            caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            caption.setWordWrap(True)
            value.setStyleSheet(VALUE_STYLE)
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            value.setWordWrap(True)  # a long state takes two lines rather than being cut
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, 0, column)
            grid.addWidget(value, 1, column)
        for column, stretch in enumerate(STRETCH):
            grid.setColumnStretch(column, stretch)
        for column in (ADOPTED, DISCHARGE):
            self.values[column].setTextFormat(Qt.TextFormat.RichText)
        adopted = self.values[ADOPTED]
        adopted.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        adopted.linkActivated.connect(self._link)
        self.problems: list[QLabel] = []
        self._problems_layout = QVBoxLayout()
        self._problems_layout.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addLayout(self._problems_layout)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_status(self, status: CycleStatus, report: AnnualReport, adopted_ref: str,
                    problems: Sequence[str]) -> None:
        """Show where the year's cycle stands; `adopted_ref` is "§ 12, 2027-03-12"."""
        deadline_text = format_date(status.deadline, long=True)
        self._set(DEADLINE, _("Deadline {deadline}").format(deadline=deadline_text),
                  *countdown(status, report.signing_date),
                  _("The board draws up the annual report within three months of the end of "
                    "the year: by {deadline}.").format(deadline=deadline_text))
        if report.signing_date is not None:
            place = report.signing_place or "—"
            self._set(SIGNED, _("Report signed"), report.signing_date.isoformat(), DONE_STYLE,
                      _("Signed in {place} on {date} (tab Signing and audit).").format(
                          place=place, date=report.signing_date.isoformat()))
        else:
            self._set(SIGNED, _("Report signed"), _("not yet"), OPEN_STYLE,
                      _("The signing date and place (tab Signing and audit)."))
        if report.adopted_item_id is not None:
            self._set(ADOPTED, _("Adopted by the board"),
                      f'<a href="item:{report.adopted_item_id}">{adopted_ref}</a>', DONE_STYLE,
                      _("Open the paragraph in the Meetings panel."))
        else:
            self._set(ADOPTED, _("Adopted by the board"), _("not yet"), OPEN_STYLE,
                      _("The board's decision (§) adopting the report (tab Signing and "
                        "audit)."))
        if report.audit_report_on is not None:
            self._set(AUDIT, _("Audit report"),
                      _("received {date}").format(date=report.audit_report_on.isoformat()),
                      DONE_STYLE)
        else:
            self._set(AUDIT, _("Audit report"), _("not received"), OPEN_STYLE)
        self.captions[AUDIT].setToolTip(_("The auditors' report (revisionsberättelse), given "
                                          "to the board and to every member."))
        self.values[AUDIT].setToolTip(self.captions[AUDIT].toolTip())
        all_sent = status.members > 0 and status.sent_to == status.members
        self._set(SENT, _("Sent to members"),
                  _("{sent} of {members}").format(sent=status.sent_to, members=status.members),
                  DONE_STYLE if all_sent else OPEN_STYLE,
                  _("Members the annual report was sent to (tab Members)."))
        refused = _("{count} not granted").format(count=status.refused)
        if status.refused:
            refused = f'<span style="color: #b00020;">{escape(refused)}</span>'
        else:
            refused = escape(refused)
        self._set(DISCHARGE, _("Discharge"), " · ".join((
            escape(_("{count} granted").format(count=status.discharged)), refused,
            escape(_("{count} pending").format(count=status.pending_discharges)))),
                  DONE_STYLE if status.members and not status.pending_discharges
                  and not status.refused else OPEN_STYLE,
                  _("Each member decides separately on discharge from liability "
                    "(ansvarsfrihet) for the board (tab Members)."))
        self._show_problems(problems)

    def _set(self, column: int, caption: str, value: str, style: str,
             tip: str | None = None) -> None:
        self.captions[column].setText(caption)
        self.values[column].setText(value)
        self.values[column].setStyleSheet(style)
        if tip is not None:
            self.captions[column].setToolTip(tip)
            self.values[column].setToolTip(tip)

    def _show_problems(self, problems: Sequence[str]) -> None:
        while len(self.problems) < len(problems):
            label = QLabel(self)
            label.setWordWrap(True)
            label.setStyleSheet(PROBLEM_STYLE)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._problems_layout.addWidget(label)
            self.problems.append(label)
        for label, text in zip(self.problems, problems, strict=False):
            label.setText("⚠ " + text)
            label.setVisible(True)
        for label in self.problems[len(problems):]:
            label.setText("")
            label.setVisible(False)
        self._problems_layout.invalidate()
        self.updateGeometry()

    def shown_problems(self) -> list[str]:
        """The statement problems on show."""
        return [label.text().removeprefix("⚠ ") for label in self.problems if label.text()]

    def value_text(self, column: int) -> str:
        """What a cell shows, without markup."""
        return unescape(re.sub(r"<[^>]+>", "", self.values[column].text()))

    def _link(self, link: str) -> None:
        self.sig_open_item.emit(int(link.removeprefix("item:")))
