"""Sealing signed minutes: a content hash per protocol, chained to the previous seal.

The content of a protocol is every row of the meeting in the sealed tables, as canonical
JSON (tables in fixed order, rows by id, keys sorted). `chain_hash = sha256(prev_hash |
seq | meeting id | content_hash)`, so changing, removing or reordering a sealed protocol
breaks the chain at that protocol. Triggers refuse changes to sealed rows; the chain also
catches edits made with the triggers dropped. Rewriting the whole chain is only caught by
the control sum printed on the signed PDF.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlite_utils import Database

from finsam_desktop.domain.meetings import Seal
from finsam_desktop.storage.migrations import SEALED_TABLES

GENESIS = "0" * 64

# The columns a seal covers, fixed as of schema 0002. A later migration may add columns to
# these tables without changing the hash of protocols sealed before it (the triggers still
# refuse any change to sealed rows); never remove or rename a column listed here.
SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "meetings": ("id", "date", "kind", "start_time", "end_time", "place", "remote_link",
                 "summoned_on", "held", "first_number", "signing_time_place", "note"),
    "items": ("id", "meeting_id", "position", "title", "kind", "dnr", "proposal",
              "background", "decision", "outcome", "matter_type", "order_of_putting",
              "immediate", "corrects_id", "notify", "appeal_instruction"),
    "attachments": ("id", "meeting_id", "item_id", "title", "file_ref"),
    "attendance": ("id", "meeting_id", "role", "name", "person_id", "seat_id", "member_id",
                   "detail", "presence", "remote", "not_present", "function"),
    "jav": ("id", "meeting_id", "item_id", "person_id", "name"),
    "motions": ("id", "meeting_id", "item_id", "position", "text", "mover_id", "mover_name",
                "seconded_by", "withdrawn"),
    "votes": ("id", "meeting_id", "item_id", "kind", "yes_label", "no_label", "yes", "no",
              "abstain", "tie_break", "tie_winner"),
    "ballots": ("id", "meeting_id", "vote_id", "person_id", "name", "choice"),
    "statements": ("id", "meeting_id", "item_id", "kind", "person_id", "name", "text",
                   "received_on"),
    "signers": ("id", "meeting_id", "role", "person_id", "name", "signed_on"),
    "serving": ("id", "meeting_id", "item_id", "person_id", "name", "serving_for_id",
                "serving_for_name"),
}


def content_hash(db: Database, meeting_id: int) -> str:
    """SHA-256 of the protocol's canonical content (the sealed columns of its rows)."""
    content: dict[str, list[dict[str, object]]] = {}
    for table in ("meetings", *SEALED_TABLES):
        columns = ", ".join(f"[{c}]" for c in SEALED_COLUMNS[table])
        key = "id" if table == "meetings" else "meeting_id"
        rows = db.execute(f"SELECT {columns} FROM [{table}] WHERE {key} = ? ORDER BY id",
                          [meeting_id])
        content[table] = _dicts(rows)
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dicts(cursor: object) -> list[dict[str, object]]:
    keys = [d[0] for d in cursor.description]  # type: ignore[attr-defined]
    return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]  # type: ignore[attr-defined]


def chain_hash(prev_hash: str, seq: int, meeting_id: int, content: str) -> str:
    """The link of one seal in the chain."""
    text = f"{prev_hash}|{seq}|{meeting_id}|{content}"
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def seals(db: Database) -> list[Seal]:
    """Every seal in chain order."""
    rows = db.query("SELECT * FROM seals ORDER BY seq")
    return [Seal(**r) for r in rows]  # type: ignore[arg-type]


def add_seal(db: Database, meeting_id: int, sealed_at: str) -> Seal:
    """Seal a meeting's minutes (inside the caller's transaction)."""
    chain = seals(db)
    prev = chain[-1].chain_hash if chain else GENESIS
    seq = chain[-1].seq + 1 if chain else 1
    content = content_hash(db, meeting_id)
    seal = Seal(meeting_id, seq, sealed_at, content, prev,
                chain_hash(prev, seq, meeting_id, content))
    db["seals"].insert({f: getattr(seal, f) for f in Seal.__slots__})  # type: ignore[attr-defined]
    return seal


@dataclass(frozen=True, slots=True)
class ChainBreak:
    """A sealed protocol whose stored content or place in the chain no longer matches."""

    meeting_id: int
    seq: int
    reason: str  # "content", "link" or "missing"


def verify(db: Database) -> list[ChainBreak]:
    """Recompute every seal; return each protocol whose content or chain link is broken."""
    breaks: list[ChainBreak] = []
    prev = GENESIS
    for expected_seq, seal in enumerate(seals(db), start=1):
        if seal.seq != expected_seq:
            breaks.append(ChainBreak(seal.meeting_id, seal.seq, "missing"))
        if content_hash(db, seal.meeting_id) != seal.content_hash:
            breaks.append(ChainBreak(seal.meeting_id, seal.seq, "content"))
        if seal.prev_hash != prev or seal.chain_hash != chain_hash(
                seal.prev_hash, seal.seq, seal.meeting_id, seal.content_hash):
            breaks.append(ChainBreak(seal.meeting_id, seal.seq, "link"))
        prev = seal.chain_hash
    return breaks
