"""Small pieces shared by the activity tabs: labels, the personal-data hint, styles, and
finding the meeting of a decision paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from finsam_desktop.domain.activities import METHOD_LABELS, STATUS_LABELS, FollowUpMethod, Status
from finsam_desktop.domain.budget import FOCUS_LABELS, Focus
from finsam_desktop.i18n import _
from finsam_desktop.services import meetings

if TYPE_CHECKING:
    from finsam_desktop.storage.store import Store

HINT_STYLE = "color: #555555;"
PRIVACY_STYLE = ("background: #fff4e0; color: #6b3d00; border: 1px solid #e8c27a; "
                 "padding: 3px 6px;")
FIXED_STYLE = "color: #333333; background: #f3f1ec; border: 1px solid #dedad0; padding: 2px 6px;"
HEADING_STYLE = "font-weight: bold; font-size: 12pt;"
STATUS_COLOURS = {
    Status.GRANTED: "#2e6b30", Status.AGREEMENT: "#2e6b30", Status.ONGOING: "#0b5394",
    Status.FINISHED: "#555555", Status.FINAL_REPORT: "#555555", Status.REJECTED: "#9b0016",
}


def focus_label(focus: Focus) -> str:
    """"Individual-targeted" / "Structural"."""
    return _(FOCUS_LABELS[focus])


def method_label(method: FollowUpMethod) -> str:
    """"Individual level" / "Count only"."""
    return _(METHOD_LABELS[method])


def status_label(status: Status) -> str:
    """The status in words."""
    return _(STATUS_LABELS[status])


def yes_no(flag: bool) -> str:
    """"Yes" / "No"."""
    return _("Yes") if flag else _("No")


def privacy_hint(parent: QWidget) -> QLabel:
    """The visible warning on free-text fields (DOMAIN 8.7)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(PRIVACY_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    return label


def privacy_text() -> str:
    """What the warning says."""
    return _("Do not write personal data about participants (names, personal identity "
             "numbers, health or case details): the activity register holds counts only.")


def hint(parent: QWidget) -> QLabel:
    """A grey explanatory line."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def meeting_of_item(store: Store, item_id: int) -> int | None:
    """The meeting a paragraph belongs to (latest meetings searched first), None if gone."""
    for summary in sorted(meetings.list_meetings(store), key=lambda s: s.meeting.date,
                          reverse=True):
        if any(item.id == item_id for item in meetings.list_items(store, summary.meeting.id)):
            return summary.meeting.id
    return None
