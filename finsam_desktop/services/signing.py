"""Signing (justering), sealing, posting (anslag) and corrections (use cases).

Sealing is irreversible: it needs every signer's date, a decision outcome on every decision
item, and takes a verified backup first. The seal's content hash is chained to the previous
protocol's (`storage.sealing`), so `verify_seals` names any protocol changed afterwards.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain.changes import Changes
from finsam_desktop.domain.errors import ValidationError
from finsam_desktop.domain.meetings import (
    Item,
    ItemKind,
    Outcome,
    Posting,
    Seal,
    Signer,
    SignerRole,
)
from finsam_desktop.domain.minutes_rules import final_from, posting_dates, signing_is_late
from finsam_desktop.domain.values import check_date
from finsam_desktop.i18n import _
from finsam_desktop.services import backups, meetings, organisation
from finsam_desktop.storage import sealing
from finsam_desktop.storage.store import Store


def list_signers(store: Store, meeting_id: int) -> list[Signer]:
    """Chair, adjusters and secretary of a meeting, in signing-block order."""
    order = {SignerRole.SECRETARY: 0, SignerRole.CHAIR: 1, SignerRole.ADJUSTER: 2}
    return sorted(store.meetings.signers_of(meeting_id), key=lambda s: (order[s.role], s.id))


def set_signers(
    store: Store, meeting_id: int, *, secretary_id: int, chair_id: int, adjuster_ids: list[int]
) -> Changes:
    """Choose who signs: the secretary, the chair and one or two adjusters (justerare)."""
    if not 1 <= len(adjuster_ids) <= 2 or len(set(adjuster_ids)) != len(adjuster_ids):
        raise ValidationError(_("Choose one or two different adjusters (justerare)."))
    if chair_id in adjuster_ids:
        raise ValidationError(_("The chair signs as chair; choose other adjusters."))
    with store.user_action():
        meetings.require_unsealed(store, meeting_id)
        before = store.meetings.signers_of(meeting_id)
        keep = {(s.role, s.person_id): s for s in before}
        store.meetings.delete_where("signers", "meeting_id = :m", m=meeting_id)
        wanted = [
            (SignerRole.SECRETARY, secretary_id),
            (SignerRole.CHAIR, chair_id),
            *((SignerRole.ADJUSTER, a) for a in adjuster_ids),
        ]
        for role, person_id in wanted:
            person = store.board.people.get(person_id)
            old = keep.get((role, person_id))
            store.meetings.signers.insert(
                Signer(0, meeting_id, role, person_id, person.name, old.signed_on if old else None)
            )
        store.audit.log(
            "signers.set",
            "signers",
            meeting_id,
            before=[dataclasses.asdict(s) for s in before],
            after=[{"role": r.value, "person_id": p} for r, p in wanted],
        )
    return Changes.of("signers", ids=[meeting_id])


def record_signature(
    store: Store, signer_id: int, signed_on: dt.date | None
) -> tuple[Signer, Changes]:
    """Record (or clear) the date a signer signed the minutes."""
    if signed_on is not None:
        check_date(signed_on)
    with store.user_action():
        before = store.meetings.signers.get(signer_id)
        meeting = meetings.require_unsealed(store, before.meeting_id)
        if signed_on is not None and signed_on < meeting.date:
            raise ValidationError(_("The minutes cannot be signed before the meeting."))
        after = dataclasses.replace(before, signed_on=signed_on)
        store.meetings.signers.update(after)
        store.audit.log("minutes.signed", "signers", signer_id, before=before, after=after)
    return before, Changes.of("signers", ids=[signer_id])


def seal_problems(store: Store, meeting_id: int) -> list[str]:
    """What still stops the minutes from being sealed (empty: ready)."""
    meeting = store.meetings.meetings.get(meeting_id)
    problems = []
    if not meeting.held:
        problems.append(_("The minutes have not been started."))
    signers = store.meetings.signers_of(meeting_id)
    roles = {s.role for s in signers}
    if (
        SignerRole.CHAIR not in roles
        or SignerRole.ADJUSTER not in roles
        or SignerRole.SECRETARY not in roles
    ):
        problems.append(_("Choose the secretary, the chair and the adjusters."))
    problems += [
        _("{name} has not signed yet.").format(name=s.name) for s in signers if s.signed_on is None
    ]
    for item in store.meetings.items_of(meeting_id):
        if item.kind is ItemKind.DECISION and item.outcome is Outcome.NONE:
            number = meetings.number_of(meeting, item)
            problems.append(
                _("§ {n} {title}: no decision recorded.").format(n=number, title=item.title)
            )
    return problems


def seal(store: Store, meeting_id: int, *, backup: bool = True) -> tuple[Seal, Changes]:
    """Seal signed minutes for good (backs the file up first; cannot be undone)."""
    problems = seal_problems(store, meeting_id)
    if problems:
        raise ValidationError(problems)
    meetings.require_unsealed(store, meeting_id)
    if backup:
        backups.make_backup(store, "before-seal")
    with store.user_action():
        _refresh_names(store, meeting_id)
        _freeze_serving(store, meeting_id)
        sealed_at = store.clock().astimezone(dt.UTC).isoformat(timespec="seconds")
        result = sealing.add_seal(store.db, meeting_id, sealed_at)
        store.audit.log("minutes.sealed", "seals", meeting_id, after=result)
    return result, Changes.of("seals", "meetings", ids=[meeting_id])


def _refresh_names(store: Store, meeting_id: int) -> None:
    """Write people's current names into the minutes before they are frozen."""
    for table, column in (
        ("attendance", "name"),
        ("jav", "name"),
        ("ballots", "name"),
        ("statements", "name"),
        ("signers", "name"),
        ("motions", "mover_name"),
    ):
        key = "mover_id" if table == "motions" else "person_id"
        store.db.execute(
            f"UPDATE [{table}] SET {column} = (SELECT name FROM people WHERE id = {key}) "
            f"WHERE meeting_id = :m AND {key} IS NOT NULL",
            {"m": meeting_id},
        )


def _freeze_serving(store: Store, meeting_id: int) -> None:
    """Record who served on each paragraph, so later edits of the board cannot change it."""
    from finsam_desktop.domain.meetings import ServingRow
    from finsam_desktop.services import minutes

    names = store.board.names()
    store.meetings.delete_where("serving", "meeting_id = :m", m=meeting_id)
    for item in store.meetings.items_of(meeting_id):
        for voter in minutes.serving_for_item(store, item).voters:
            store.meetings.serving.insert(
                ServingRow(
                    0,
                    meeting_id,
                    item.id,
                    voter.person_id,
                    names.get(voter.person_id, voter.name),
                    voter.serving_for,
                    names.get(voter.serving_for or 0, ""),
                )
            )


def get_seal(store: Store, meeting_id: int) -> Seal | None:
    """The seal of a meeting's minutes, if signed."""
    return store.meetings.seal_of(meeting_id)


def post(store: Store, meeting_id: int, posted_on: dt.date) -> tuple[Posting | None, Changes]:
    """Record the date the notice of the signed minutes was posted (anslag)."""
    check_date(posted_on)
    with store.user_action():
        seal_ = store.meetings.seal_of(meeting_id)
        if seal_ is None:
            raise ValidationError(_("Only signed and sealed minutes can be posted."))
        signed = max(
            (s.signed_on for s in store.meetings.signers_of(meeting_id) if s.signed_on),
            default=None,
        )
        if signed is not None and posted_on < signed:
            raise ValidationError(
                _("The notice cannot be posted before the minutes were signed ({date}).").format(
                    date=signed.isoformat()
                )
            )
        before = store.meetings.posting_of(meeting_id)
        after = Posting(meeting_id, posted_on)
        store.meetings.save_posting(after)
        store.audit.log("minutes.posted", "postings", meeting_id, before=before, after=after)
    return before, Changes.of("postings", "meetings", ids=[meeting_id])


@dataclass(frozen=True, slots=True)
class PostingDates:
    """The notice period of posted minutes."""

    posted_on: dt.date
    take_down_earliest: dt.date
    last_appeal_day: dt.date
    final_from: dt.date  # decisions gain legal force (laga kraft) from this day


def posting_info(store: Store, meeting_id: int) -> PostingDates | None:
    """Notice dates of posted minutes, or None."""
    posting = store.meetings.posting_of(meeting_id)
    if posting is None:
        return None
    days = organisation.get_charter(store).appeal_period_days
    take_down, last = posting_dates(posting.posted_on, days)
    return PostingDates(posting.posted_on, take_down, last, final_from(posting.posted_on, days))


def signing_overdue(store: Store, meeting_id: int) -> bool:
    """True when held minutes are still unsigned past the charter's signing deadline."""
    meeting = store.meetings.meetings.get(meeting_id)
    if not meeting.held or store.meetings.seal_of(meeting_id) is not None:
        return False
    days = organisation.get_charter(store).signing_deadline_days
    return signing_is_late(meeting.date, store.today(), days)


def add_correction(
    store: Store, meeting_id: int, corrected_item_id: int, text: str
) -> tuple[Item, Changes]:
    """Add a paragraph correcting a paragraph of earlier, sealed minutes (rättelse)."""
    corrected = store.meetings.items.get(corrected_item_id)
    earlier = store.meetings.meetings.get(corrected.meeting_id)
    if store.meetings.seal_of(earlier.id) is None:
        raise ValidationError(_("Those minutes are not signed yet; change the paragraph itself."))
    number = meetings.number_of(earlier, corrected)
    title = _("Correction of § {n} ({date})").format(n=number, date=earlier.date.isoformat())
    item = Item(
        0,
        meeting_id,
        0,
        title,
        ItemKind.DECISION,
        dnr=corrected.dnr,
        background=text,
        corrects_id=corrected_item_id,
    )
    return meetings.add_item(store, item)


@dataclass(frozen=True, slots=True)
class SealProblem:
    """A sealed protocol that no longer matches its seal."""

    meeting_id: int
    date: dt.date
    paragraphs: str
    reason: str


def verify_seals(store: Store) -> list[SealProblem]:
    """Every sealed protocol whose content or place in the chain was changed afterwards."""
    reasons = {
        "content": _("its content was changed after signing"),
        "link": _("the chain of seals is broken at this protocol"),
        "missing": _("a sealed protocol before it is missing"),
    }
    problems = []
    for broken in sealing.verify(store.db):
        meeting = store.meetings.meetings.all_by_id().get(broken.meeting_id)
        date = meeting.date if meeting else dt.date(2000, 1, 1)
        items = store.meetings.items_of(broken.meeting_id)
        first = meeting.first_number if meeting else None
        span = f"§ {first}–{first + len(items) - 1}" if first and items else "§ ?"
        problems.append(SealProblem(broken.meeting_id, date, span, reasons[broken.reason]))
    return problems
