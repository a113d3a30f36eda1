"""The votes box of the paragraph editor: votes held and their results, and the vote
dialog with the voters serving on the paragraph."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from finsam_desktop.domain.meetings import TieBreak, Vote, VoteKind
from finsam_desktop.domain.minutes_rules import parse_majority_rules
from finsam_desktop.i18n import _
from finsam_desktop.services import minutes, organisation
from finsam_desktop.ui import dialogs, undo, undo_meetings
from finsam_desktop.ui.context import AppContext
from finsam_desktop.ui.panels.meetings.attendance_tab import quorum_text
from finsam_desktop.ui.panels.meetings.common import run_or_show
from finsam_desktop.ui.panels.meetings.paragraph_sections import SectionBox
from finsam_desktop.ui.panels.meetings.vote_dialog import VoteDialog


def vote_text(vote: Vote, winner: str) -> str:
    """One line describing a vote and its result."""
    kind = _("Open vote") if vote.kind is VoteKind.OPEN else _("Closed ballot")
    side = vote.yes_label if winner == "yes" else vote.no_label
    text = _("{kind}: yes ({yes_label}) {yes}, no ({no_label}) {no}, abstains {abstain}. "
             "Result: {side}").format(kind=kind, yes_label=vote.yes_label, yes=vote.yes,
                                      no_label=vote.no_label, no=vote.no,
                                      abstain=vote.abstain, side=side)
    if vote.tie_break is TieBreak.CASTING_VOTE:
        text += " " + _("(the chair's casting vote)")
    elif vote.tie_break is TieBreak.LOT:
        text += " " + _("(by lot)")
    return text


class VotesBox(SectionBox):
    """Votes held on the paragraph and their results."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.vote_button, self.remove_button = self._button(), self._button()
        self.buttons.addStretch(1)
        self.vote_button.clicked.connect(self.open_vote)
        self.remove_button.clicked.connect(self.remove_selected)

    def translate_ui(self) -> None:
        """Set every text."""
        self.setTitle(_("Votes (omröstning)"))
        self.vote_button.setText(_("Vote…"))
        self.vote_button.setToolTip("Ctrl+Shift+V")
        self.remove_button.setText(_("Remove"))

    def entries(self) -> list[tuple[str, object]]:
        assert self.item is not None
        note = self._majority_note(short=True)
        return [(vote_text(v, minutes.vote_winner(self._store(), v)) + note, (v, ballots))
                for v, ballots in minutes.list_votes(self._store(), self.item.id)]

    def _majority_note(self, *, short: bool) -> str:
        """The charter's qualified majority for this matter type, or ""."""
        assert self.item is not None
        rules = parse_majority_rules(organisation.get_charter(self._store()).qualified_majority)
        fraction = rules.get(self.item.matter_type)
        if fraction is None:
            return ""
        if short:
            return " " + _("(qualified majority {fraction} required)").format(fraction=fraction)
        return _("{matter}: the charter requires {fraction} of the serving voters to vote "
                 "yes.").format(matter=self.item.matter_type, fraction=fraction)

    def _update_buttons(self) -> None:
        self.vote_button.setEnabled(not self.sealed)
        self.remove_button.setEnabled(not self.sealed and self.selected() is not None)

    def open_vote(self) -> VoteDialog | None:
        """Open the vote dialog with the voters serving on this paragraph."""
        if self.item is None or self.meeting is None:
            return None
        store = self._store()
        serving = minutes.serving_for_item(store, self.item)
        if not serving.has_quorum:
            dialogs.show_error(self, _("No vote possible"), quorum_text(serving))
            return None
        names = {a.person_id: a.name for a in minutes.list_attendance(store, self.meeting.id)
                 if a.person_id is not None}
        movers = [m.mover_name for m in minutes.list_motions(store, self.item.id)
                  if not m.withdrawn and m.mover_name]
        vote = Vote(0, self.item.meeting_id, self.item.id, VoteKind.OPEN, _("The proposal"),
                    _("{name}'s motion").format(name=movers[0]) if movers
                    else _("Against the proposal"))
        dialog = VoteDialog(vote, list(serving.voters), names, self.item.matter_type,
                            lambda v, b: undo.run(self._ctx, undo_meetings.RecordVote(
                                self._ctx, v, b)), self,
                            majority_note=self._majority_note(short=False))
        self.dialog = dialog
        dialog.open()
        dialog.table.setFocus()
        return dialog

    def remove_selected(self) -> None:
        data = self.selected()
        if data and dialogs.ask_yes_no(self, _("Remove vote"), _("Remove this vote?")):
            vote, ballots = data  # type: ignore[misc]
            run_or_show(self._ctx, self, undo_meetings.RemoveVote(self._ctx, vote, ballots),
                        _("Vote not removed"))
