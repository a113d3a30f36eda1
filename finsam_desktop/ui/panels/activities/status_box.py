"""The head of the selected activity: its name, where it is in the lifecycle, the board's
decision (§) as a link to the paragraph in the Meetings panel, and the statuses it can move
on to. Granting or rejecting asks which decision § it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.domain.activities import Activity, Status, next_statuses
from finsam_desktop.i18n import _
from finsam_desktop.services import activities
from finsam_desktop.ui import dialogs
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.activities.common import (
    HEADING_STYLE,
    STATUS_COLOURS,
    meeting_of_item,
    status_label,
)
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.undo_activities import SetStatus

NEEDS_DECISION = (Status.GRANTED, Status.REJECTED)


class StatusBox(QWidget):
    """Name, status, decision link and "Move to" for one activity."""

    sig_open_paragraph = Signal(int, int)
    """(meeting id, item id): show the decision paragraph in the Meetings panel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._activity: Activity | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet(HEADING_STYLE)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_caption = QLabel(self)
        self.status = QLabel(self)
        self.decision_caption = QLabel(self)
        self.decision = QLabel(self)
        self.decision.setTextFormat(Qt.TextFormat.RichText)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.next_caption = QLabel(self)
        self.next_status = QComboBox(self)
        self.next_status.setMinimumWidth(190)
        self.move_button = QPushButton(self)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.status_caption)
        line.addWidget(self.status)
        line.addSpacing(18)
        line.addWidget(self.decision_caption)
        line.addWidget(self.decision)
        line.addStretch(1)
        line.addWidget(self.next_caption)
        line.addWidget(self.next_status)
        line.addWidget(self.move_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addLayout(line)
        self.decision.linkActivated.connect(self._open_decision)
        self.move_button.clicked.connect(self.move)

    def translate_ui(self) -> None:
        """Set every text."""
        self.status_caption.setText(_("Status:"))
        self.decision_caption.setText(_("Decision:"))
        self.next_caption.setText(_("Move to"))
        self.move_button.setText(_("Change status"))
        self.move_button.setToolTip(_("The status moves forward through the lifecycle. "
                                      "Granting or rejecting asks for the board's decision "
                                      "(§). Edit ▸ Undo takes a change back."))
        self.decision.setToolTip(_("Open the paragraph in the Meetings panel."))
        if self._ctx.store is not None:  # a closed file's panel only waits to go
            self.set_activity(self._activity)

    def set_activity(self, activity: Activity | None) -> None:
        """Show `activity` (None: nothing selected)."""
        self._activity = activity
        if activity is None:
            self.heading.setText(_("Select an activity in the list, or register a new one."))
            for label in (self.status, self.decision, self.status_caption,
                          self.decision_caption):
                label.setText("")
            self.next_status.clear()
            for widget in (self.next_caption, self.next_status, self.move_button):
                widget.setVisible(False)
            return
        self.heading.setText(activity.name)
        self.status_caption.setText(_("Status:"))
        self.status.setText(status_label(activity.status))
        colour = STATUS_COLOURS.get(activity.status, "#333333")
        self.status.setStyleSheet(f"font-weight: bold; color: {colour};")
        reference = activities.decision_reference(self._ctx.require_store(),
                                                  activity.granted_item_id)
        self.decision_caption.setText(_("Decision:") if reference else "")
        self.decision.setText(f'<a href="item:{activity.granted_item_id}">{reference}</a>'
                              if reference else "")
        following = next_statuses(activity.status)
        self.next_status.clear()
        for status in following:
            self.next_status.addItem(status_label(status), status.value)
        for widget in (self.next_caption, self.next_status, self.move_button):
            widget.setVisible(bool(following))

    def _open_decision(self, link: str) -> None:
        item_id = int(link.removeprefix("item:"))
        meeting_id = meeting_of_item(self._ctx.require_store(), item_id)
        if meeting_id is None:
            dialogs.show_error(self, _("The paragraph could not be shown"),
                               _("The decision paragraph no longer exists."))
            return
        self.sig_open_paragraph.emit(meeting_id, item_id)

    def move(self) -> bool:
        """Move the activity to the status chosen; True if it moved."""
        activity = self._activity
        value = self.next_status.currentData()
        if activity is None or value is None:
            return False
        status = Status(value)
        item_id = None
        if status in NEEDS_DECISION:
            store = self._ctx.require_store()
            choices = activities.decision_choices(store)
            if not choices:
                dialogs.show_error(self, _("No decision to link"), _(
                    "There is no numbered decision paragraph (§) in the minutes yet. Record "
                    "the board's decision in the minutes of its meeting (Meetings panel), then "
                    "mark the activity {status} here.").format(
                        status=status_label(status).lower()))
                return False
            # Paragraphs naming the activity first (the list is latest meeting first).
            name = activity.name.casefold()
            offered = sorted(choices, key=lambda c: name not in c[1].casefold())
            picked = dialogs.ask_choice(
                self, _("{status}: {name}").format(status=status_label(status), name=activity.name),
                _("The board's decision (§):"), offered)
            if picked is None:
                return False
            item_id = int(picked)  # type: ignore[call-overload]
        return run_or_show(self._ctx, self, SetStatus(self._ctx, activity, status, item_id),
                           _("The status could not be changed"))
