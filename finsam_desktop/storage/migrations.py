"""The schema, as numbered migrations (sqlite-utils `Migrations`, set "finsam").

Rules: migrations are append-only (never edit a released one, add `000N_fix_…`); each runs
in one transaction together with its record in `_sqlite_migrations`; each sets
`PRAGMA user_version` to its number so other tools can see the version. A file listing a
migration this build does not know was written by a newer version and is refused.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from sqlite_utils import Database, Migrations

from finsam_desktop.storage.connection import APPLICATION_ID

migrations = Migrations("finsam")


def split_statements(sql: str) -> Iterator[str]:
    """The complete statements of a script, in order (a trigger's inner `;` included).

    sqlite-utils splits a script inside a transaction by testing every prefix character by
    character, which is quadratic: 0.35 s for this schema, paid by every new file."""
    start = 0
    for index, char in enumerate(sql):
        if char == ";" and sqlite3.complete_statement(sql[start:index + 1]):
            statement = sql[start:index + 1].strip()
            start = index + 1
            if statement:
                yield statement
    rest = sql[start:].strip()
    if rest:
        yield rest


class ScriptDatabase(Database):
    """sqlite-utils' Database, running scripts inside a transaction in linear time."""

    def executescript(self, sql: str) -> sqlite3.Cursor:
        if not self.conn.in_transaction:
            return super().executescript(sql)
        cursor = self.conn.cursor()
        for statement in split_statements(sql):
            cursor.execute(statement)
        return cursor


def _stamp(db: Database, number: int) -> None:
    db.execute(f"PRAGMA user_version = {int(number)}")


@migrations(name="0001_organisation")
def _0001_organisation(db: Database) -> None:
    """Agency profile, charter settings, members, people, board seats, staff, audit log."""
    db.executescript(_SCHEMA_0001)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    _stamp(db, 1)


_DATE = "{col} TEXT CHECK ({col} IS NULL OR date({col}) IS {col})"

_SCHEMA_0001 = f"""
CREATE TABLE agency (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    org_number TEXT NOT NULL DEFAULT '',
    seat TEXT NOT NULL DEFAULT '',
    notice_place TEXT NOT NULL DEFAULT '',
    minutes_kept_at TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    kind TEXT NOT NULL
        CHECK (kind IN ('forsakringskassan', 'arbetsformedlingen', 'region', 'municipality')),
    share_ppm INTEGER NOT NULL DEFAULT 0 CHECK (share_ppm BETWEEN 0 AND 1000000),
    population INTEGER CHECK (population IS NULL OR population >= 0),
    org_number TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="joined_on")},
    {_DATE.format(col="left_on")}
) STRICT;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    political_party TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE seats (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    appointed_by_id INTEGER NOT NULL REFERENCES members(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'deputy')),
    category TEXT NOT NULL CHECK (category IN ('elected', 'employee')),
    term_from TEXT NOT NULL CHECK (date(term_from) IS term_from),
    {_DATE.format(col="term_to")} CHECK (term_to IS NULL OR term_to >= term_from),
    function TEXT NOT NULL DEFAULT 'none'
        CHECK (function IN ('none', 'chair', 'vice_chair_1', 'vice_chair_2')),
    substitute_order INTEGER CHECK (substitute_order IS NULL OR substitute_order >= 1),
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX seats_by_term ON seats (term_from, term_to);
CREATE INDEX seats_by_person ON seats (person_id);
CREATE INDEX seats_by_member ON seats (member_id);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    kind TEXT NOT NULL
        CHECK (kind IN ('director', 'secretary', 'finance', 'coordinator', 'other')),
    title TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="from_date")},
    {_DATE.format(col="to_date")}
) STRICT;
CREATE INDEX staff_by_person ON staff (person_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before_json TEXT,
    after_json TEXT
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def known_names() -> list[str]:
    """Names of every migration this build knows, in order."""
    return [m.name for m in migrations._migrations]


# Tables whose rows belong to one meeting's minutes; once the meeting is sealed, triggers
# refuse every INSERT, UPDATE and DELETE on them (see _seal_triggers).
SEALED_TABLES = ("items", "attachments", "attendance", "jav", "motions", "votes", "ballots",
                 "statements", "signers", "serving")


@migrations(name="0002_meetings")
def _0002_meetings(db: Database) -> None:
    """Meetings, agenda items/paragraphs, attendance, votes, jäv, statements, signing, seals."""
    db.executescript(_SCHEMA_0002)
    db.executescript(_seal_triggers())
    _stamp(db, 2)


def seal_trigger_names() -> list[str]:
    """Names of every trigger that protects sealed minutes."""
    names = [f"{t}_sealed_{e}" for t in SEALED_TABLES for e in ("insert", "update", "delete",
                                                                   "move")]
    return names + [f"{p}_{e}" for p in ("meetings_sealed", "seals_no") for e in ("update",
                                                                                  "delete")]


def _seal_triggers() -> str:
    sealed = "EXISTS (SELECT 1 FROM seals WHERE meeting_id = {ref})"
    message = "RAISE(ABORT, 'sealed minutes cannot be changed')"
    parts = []
    for table in SEALED_TABLES:
        for event, ref in (("INSERT", "NEW.meeting_id"), ("UPDATE", "OLD.meeting_id"),
                           ("DELETE", "OLD.meeting_id")):
            parts.append(f"CREATE TRIGGER {table}_sealed_{event.lower()} BEFORE {event} "
                         f"ON {table} WHEN {sealed.format(ref=ref)} "
                         f"BEGIN SELECT {message}; END;")
        parts.append(f"CREATE TRIGGER {table}_sealed_move BEFORE UPDATE OF meeting_id "
                     f"ON {table} WHEN {sealed.format(ref='NEW.meeting_id')} "
                     f"BEGIN SELECT {message}; END;")
    for event in ("UPDATE", "DELETE"):
        parts.append(f"CREATE TRIGGER meetings_sealed_{event.lower()} BEFORE {event} ON meetings "
                     f"WHEN {sealed.format(ref='OLD.id')} BEGIN SELECT {message}; END;")
        parts.append(f"CREATE TRIGGER seals_no_{event.lower()} BEFORE {event} ON seals "
                     f"BEGIN SELECT RAISE(ABORT, 'seals are permanent'); END;")
    return "\n".join(parts)


_TIME = "{col} TEXT NOT NULL DEFAULT '' CHECK ({col} = '' OR {col} GLOB '[0-2][0-9]:[0-5][0-9]')"

_SCHEMA_0002 = f"""
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL CHECK (date(date) IS date),
    kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'extra')),
    {_TIME.format(col="start_time")},
    {_TIME.format(col="end_time")},
    place TEXT NOT NULL DEFAULT '',
    remote_link TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="summoned_on")},
    held INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    first_number INTEGER CHECK (first_number IS NULL OR first_number >= 1),
    signing_time_place TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX meetings_by_date ON meetings (date);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    position INTEGER NOT NULL CHECK (position >= 1),
    title TEXT NOT NULL CHECK (length(title) >= 1),
    kind TEXT NOT NULL DEFAULT 'decision'
        CHECK (kind IN ('decision', 'information', 'reported')),
    dnr TEXT NOT NULL DEFAULT '',
    proposal TEXT NOT NULL DEFAULT '',
    background TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT ''
        CHECK (outcome IN ('', 'decided', 'referred_back', 'noted')),
    matter_type TEXT NOT NULL DEFAULT 'general',
    order_of_putting TEXT NOT NULL DEFAULT '',
    immediate INTEGER NOT NULL DEFAULT 0 CHECK (immediate IN (0, 1)),
    corrects_id INTEGER REFERENCES items(id),
    notify TEXT NOT NULL DEFAULT '',
    appeal_instruction INTEGER NOT NULL DEFAULT 0 CHECK (appeal_instruction IN (0, 1)),
    UNIQUE (meeting_id, position)
) STRICT;

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    title TEXT NOT NULL CHECK (length(title) >= 1),
    file_ref TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE attendance (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL CHECK (role IN ('member', 'deputy', 'other')),
    name TEXT NOT NULL CHECK (length(name) >= 1),
    person_id INTEGER REFERENCES people(id),
    seat_id INTEGER REFERENCES seats(id),
    member_id INTEGER REFERENCES members(id),
    detail TEXT NOT NULL DEFAULT '',
    presence TEXT NOT NULL DEFAULT 'present' CHECK (presence IN ('present', 'absent', 'apologies')),
    remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
    not_present TEXT NOT NULL DEFAULT '',
    function TEXT NOT NULL DEFAULT '',
    UNIQUE (meeting_id, person_id)
) STRICT;

CREATE TABLE jav (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    UNIQUE (item_id, person_id)
) STRICT;

CREATE TABLE motions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(text) >= 1),
    mover_id INTEGER REFERENCES people(id),
    mover_name TEXT NOT NULL DEFAULT '',
    seconded_by TEXT NOT NULL DEFAULT '',
    withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1))
) STRICT;

CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    kind TEXT NOT NULL CHECK (kind IN ('open', 'closed')),
    yes_label TEXT NOT NULL,
    no_label TEXT NOT NULL,
    yes INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
    no INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0),
    abstain INTEGER NOT NULL DEFAULT 0 CHECK (abstain >= 0),
    tie_break TEXT NOT NULL DEFAULT 'none' CHECK (tie_break IN ('none', 'casting_vote', 'lot')),
    tie_winner TEXT NOT NULL DEFAULT '' CHECK (tie_winner IN ('', 'yes', 'no'))
) STRICT;

CREATE TABLE ballots (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    vote_id INTEGER NOT NULL REFERENCES votes(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    choice TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain')),
    UNIQUE (vote_id, person_id)
) STRICT;

CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    kind TEXT NOT NULL CHECK (kind IN ('reservation', 'note')),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="received_on")}
) STRICT;

CREATE TABLE signers (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    role TEXT NOT NULL CHECK (role IN ('secretary', 'chair', 'adjuster')),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    {_DATE.format(col="signed_on")},
    UNIQUE (meeting_id, role, person_id)
) STRICT;

CREATE TABLE serving (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    item_id INTEGER NOT NULL REFERENCES items(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    name TEXT NOT NULL,
    serving_for_id INTEGER REFERENCES people(id),
    serving_for_name TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE seals (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    seq INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
    sealed_at TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    chain_hash TEXT NOT NULL
) STRICT;

CREATE TABLE postings (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings(id),
    posted_on TEXT NOT NULL CHECK (date(posted_on) IS posted_on),
    {_DATE.format(col="taken_down_on")}
) STRICT;
"""


SEARCH_TABLE = "search_index"  # FTS5; kept by storage.search_repo (not triggers: see there)


@migrations(name="0003_decisions")
def _0003_decisions(db: Database) -> None:
    """Follow-up of decisions, delegation register and log, agenda roles, full-text index."""
    db.executescript(_SCHEMA_0003)
    from finsam_desktop.storage.search_repo import rebuild

    rebuild(db)
    _stamp(db, 3)


_SCHEMA_0003 = f"""
CREATE TABLE followups (
    item_id INTEGER PRIMARY KEY REFERENCES items(id),
    category TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    responsible_person_id INTEGER REFERENCES people(id),
    {_DATE.format(col="due_on")},
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'carried_out', 'reported_back')),
    reported_item_id INTEGER REFERENCES items(id),
    activity_id INTEGER,
    budget_line_id INTEGER,
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX followups_by_status ON followups (status, due_on);

CREATE TABLE delegations (
    id INTEGER PRIMARY KEY,
    delegate TEXT NOT NULL CHECK (length(delegate) >= 1),
    matter_type TEXT NOT NULL CHECK (length(matter_type) >= 1),
    amount_limit_ore INTEGER CHECK (amount_limit_ore IS NULL OR amount_limit_ore >= 0),
    report_to_board INTEGER NOT NULL DEFAULT 1 CHECK (report_to_board IN (0, 1)),
    delegate_person_id INTEGER REFERENCES people(id),
    {_DATE.format(col="valid_from")},
    {_DATE.format(col="valid_to")},
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE delegation_decisions (
    id INTEGER PRIMARY KEY,
    delegation_id INTEGER NOT NULL REFERENCES delegations(id),
    decided_on TEXT NOT NULL CHECK (date(decided_on) IS decided_on),
    decided_by TEXT NOT NULL CHECK (length(decided_by) >= 1),
    matter TEXT NOT NULL CHECK (length(matter) >= 1),
    dnr TEXT NOT NULL DEFAULT '',
    amount_ore INTEGER CHECK (amount_ore IS NULL OR amount_ore >= 0),
    reported_item_id INTEGER REFERENCES items(id)
) STRICT;
CREATE INDEX delegation_decisions_by_date ON delegation_decisions (decided_on);

CREATE TABLE agenda_roles (
    item_id INTEGER PRIMARY KEY REFERENCES items(id),
    role TEXT NOT NULL CHECK (role IN ('delegation_report', 'report_back'))
) STRICT;

CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(
    title, body, tokenize = 'unicode61 remove_diacritics 0'
);
"""


@migrations(name="0004_budget")
def _0004_budget(db: Database) -> None:
    """Budget years, versions and their adoption, lines, amounts, actuals, forecasts,
    contributions received and the plan's narrative texts."""
    db.executescript(_SCHEMA_0004)
    _stamp(db, 4)


BUDGET_LOCK_TRIGGERS = tuple(f"budget_amounts_locked_{e}" for e in ("insert", "update",
                                                                     "delete"))
_MONEY = "CHECK ({col} BETWEEN -10000000000000 AND 10000000000000)"
_LOCKED = ("EXISTS (SELECT 1 FROM budget_adoptions WHERE version_id = {ref})")
_LOCK_MESSAGE = "RAISE(ABORT, 'an adopted budget version cannot be changed')"

_SCHEMA_0004 = f"""
CREATE TABLE budget_years (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    opening_equity_ore INTEGER {_MONEY.format(col="opening_equity_ore")},
    periods TEXT NOT NULL DEFAULT 'month' CHECK (periods IN ('month', 'tertial')),
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE budget_versions (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES budget_years(year),
    kind TEXT NOT NULL CHECK (kind IN ('proposal', 'adopted', 'revised')),
    created_on TEXT NOT NULL CHECK (date(created_on) IS created_on),
    based_on_id INTEGER REFERENCES budget_versions(id),
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX budget_versions_by_year ON budget_versions (year);

CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES budget_years(year),
    area TEXT NOT NULL CHECK (area IN ('contributions', 'other_income', 'board',
                                       'administration', 'audit', 'activities')),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    focus TEXT NOT NULL DEFAULT '' CHECK (focus IN ('', 'individual', 'structural')),
    activity_id INTEGER,
    position INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (year, area, name)
) STRICT;
CREATE INDEX budget_lines_by_year ON budget_lines (year, position);

CREATE TABLE budget_amounts (
    version_id INTEGER NOT NULL REFERENCES budget_versions(id),
    line_id INTEGER NOT NULL REFERENCES budget_lines(id),
    plan_year INTEGER NOT NULL CHECK (plan_year IN (0, 1, 2)),
    amount_ore INTEGER NOT NULL CHECK (amount_ore BETWEEN 0 AND 10000000000000),
    PRIMARY KEY (version_id, line_id, plan_year)
) STRICT;

CREATE TABLE budget_actuals (
    line_id INTEGER NOT NULL REFERENCES budget_lines(id),
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    amount_ore INTEGER NOT NULL {_MONEY.format(col="amount_ore")},
    PRIMARY KEY (line_id, month)
) STRICT;

CREATE TABLE budget_forecasts (
    line_id INTEGER PRIMARY KEY REFERENCES budget_lines(id),
    amount_ore INTEGER NOT NULL {_MONEY.format(col="amount_ore")},
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE contribution_payments (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL REFERENCES budget_years(year),
    member_id INTEGER NOT NULL REFERENCES members(id),
    received_on TEXT NOT NULL CHECK (date(received_on) IS received_on),
    amount_ore INTEGER NOT NULL {_MONEY.format(col="amount_ore")},
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contribution_payments_by_year ON contribution_payments (year, member_id);

CREATE TABLE budget_texts (
    version_id INTEGER NOT NULL REFERENCES budget_versions(id),
    section TEXT NOT NULL CHECK (section IN ('conditions', 'goals', 'priorities',
                                             'governance', 'financial_comment')),
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, section)
) STRICT;

CREATE TABLE budget_adoptions (
    version_id INTEGER PRIMARY KEY REFERENCES budget_versions(id),
    item_id INTEGER NOT NULL REFERENCES items(id)
) STRICT;

CREATE TRIGGER budget_amounts_locked_insert BEFORE INSERT ON budget_amounts
WHEN {_LOCKED.format(ref="NEW.version_id")} BEGIN SELECT {_LOCK_MESSAGE}; END;
CREATE TRIGGER budget_amounts_locked_update BEFORE UPDATE ON budget_amounts
WHEN {_LOCKED.format(ref="OLD.version_id")} BEGIN SELECT {_LOCK_MESSAGE}; END;
CREATE TRIGGER budget_amounts_locked_delete BEFORE DELETE ON budget_amounts
WHEN {_LOCKED.format(ref="OLD.version_id")} BEGIN SELECT {_LOCK_MESSAGE}; END;
"""


@migrations(name="0005_activities")
def _0005_activities(db: Database) -> None:
    """Activities with their parties, mappings and obstacles, aggregated participant counts,
    goals, indicators and their values, evaluations."""
    db.executescript(_SCHEMA_0005)
    _stamp(db, 5)


FIXED_ACTIVITY_TRIGGER = "activities_fixed_fields"
NNS_QUESTION_TRIGGER = "indicators_nns_question_fixed"

_SCHEMA_0005 = f"""
CREATE TABLE activities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    focus TEXT NOT NULL CHECK (focus IN ('individual', 'structural')),
    followup_method TEXT NOT NULL CHECK (followup_method IN ('individual', 'count')),
    esf INTEGER NOT NULL DEFAULT 0 CHECK (esf IN (0, 1)),
    precise_direction TEXT NOT NULL DEFAULT '',
    lead_member_id INTEGER REFERENCES members(id),
    {_DATE.format(col="start_on")},
    {_DATE.format(col="end_on")},
    target_group TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    background TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    steering_group TEXT NOT NULL DEFAULT '',
    agreement TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="interim_report_on")},
    {_DATE.format(col="final_report_on")},
    status TEXT NOT NULL DEFAULT 'idea' CHECK (status IN ('idea', 'application', 'prepared',
        'proposal', 'granted', 'rejected', 'agreement', 'ongoing', 'finished', 'final_report')),
    granted_item_id INTEGER REFERENCES items(id),
    granted_amount_ore INTEGER CHECK (granted_amount_ore IS NULL
                                      OR granted_amount_ore BETWEEN 0 AND 10000000000000),
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TRIGGER {FIXED_ACTIVITY_TRIGGER} BEFORE UPDATE OF focus, followup_method, esf
ON activities WHEN NEW.focus IS NOT OLD.focus OR NEW.followup_method IS NOT OLD.followup_method
    OR NEW.esf IS NOT OLD.esf
BEGIN SELECT RAISE(ABORT, 'direction, follow-up method and ESF flag are fixed'); END;

CREATE TABLE activity_parties (
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    member_id INTEGER NOT NULL REFERENCES members(id),
    PRIMARY KEY (activity_id, member_id)
) STRICT;

CREATE TABLE findings (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('mapping', 'obstacle')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="found_on")},
    source TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE finding_activities (
    finding_id INTEGER NOT NULL REFERENCES findings(id),
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    PRIMARY KEY (finding_id, activity_id)
) STRICT;

CREATE TABLE participant_counts (
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    period TEXT NOT NULL CHECK (period IN ('year', 'H1', 'H2', 'T1', 'T2', 'T3', 'Q1', 'Q2',
                                           'Q3', 'Q4')),
    measure TEXT NOT NULL CHECK (measure IN ('started_gender', 'started_age',
        'finished_gender', 'finished_age', 'occupation_before', 'occupation_after',
        'income_before', 'income_after', 'end_reason')),
    category TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 40),
    count INTEGER NOT NULL CHECK (count BETWEEN 0 AND 1000000),
    PRIMARY KEY (activity_id, year, period, measure, category)
) STRICT;

CREATE TABLE goals (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description TEXT NOT NULL DEFAULT '',
    from_year INTEGER CHECK (from_year IS NULL OR from_year BETWEEN 2000 AND 2099),
    to_year INTEGER CHECK (to_year IS NULL OR to_year BETWEEN 2000 AND 2099),
    position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    definition TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL CHECK (unit IN ('percent', 'count', 'score')),
    source TEXT NOT NULL CHECK (source IN ('own', 'nns')),
    respondent_group TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    goal_id INTEGER REFERENCES goals(id),
    activity_id INTEGER REFERENCES activities(id),
    baseline_milli INTEGER,
    baseline_year INTEGER CHECK (baseline_year IS NULL OR baseline_year BETWEEN 2000 AND 2099),
    target_milli INTEGER,
    higher_is_better INTEGER NOT NULL DEFAULT 1 CHECK (higher_is_better IN (0, 1))
) STRICT;

CREATE TRIGGER {NNS_QUESTION_TRIGGER} BEFORE UPDATE OF question, source ON indicators
WHEN OLD.source = 'nns' AND (NEW.question IS NOT OLD.question OR NEW.source IS NOT OLD.source)
BEGIN SELECT RAISE(ABORT, 'the wording of an NNS question is never edited'); END;

CREATE TABLE indicator_values (
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    value_milli INTEGER NOT NULL,
    respondents INTEGER CHECK (respondents IS NULL OR respondents >= 0),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (indicator_id, year)
) STRICT;

CREATE TABLE evaluations (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ongoing', 'process', 'outcome', 'socioeconomic',
                                       'nns')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    activity_id INTEGER REFERENCES activities(id),
    evaluator TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="started_on")},
    {_DATE.format(col="finished_on")},
    findings TEXT NOT NULL DEFAULT '',
    recommendations TEXT NOT NULL DEFAULT '',
    file_ref TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX evaluations_by_activity ON evaluations (activity_id);
CREATE INDEX budget_lines_by_activity ON budget_lines (activity_id);
"""


@migrations(name="0006_annual")
def _0006_annual(db: Database) -> None:
    """The annual report: texts, the statements entered from the accounts, signing and audit,
    dispatch to each member and each member's discharge decision."""
    db.executescript(_SCHEMA_0006)
    _stamp(db, 6)


_SCHEMA_0006 = f"""
CREATE TABLE annual_reports (
    year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    {_DATE.format(col="signing_date")},
    signing_place TEXT NOT NULL DEFAULT '',
    adopted_item_id INTEGER REFERENCES items(id),
    {_DATE.format(col="audit_report_on")},
    audit_report_ref TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE annual_texts (
    year INTEGER NOT NULL REFERENCES annual_reports(year),
    section TEXT NOT NULL CHECK (section IN ('foreword', 'about', 'year_in_brief', 'goals',
        'activities', 'evaluation', 'sound_management', 'financial', 'outlook',
        'accounting_principles')),
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, section)
) STRICT;

CREATE TABLE statement_lines (
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    statement TEXT NOT NULL CHECK (statement IN ('income', 'balance', 'cash_flow')),
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    amount_ore INTEGER NOT NULL {_MONEY.format(col="amount_ore")},
    note_ref TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, statement, code)
) STRICT;

CREATE TABLE member_cycles (
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    member_id INTEGER NOT NULL REFERENCES members(id),
    {_DATE.format(col="report_sent_on")},
    {_DATE.format(col="audit_sent_on")},
    discharge TEXT NOT NULL DEFAULT 'pending'
        CHECK (discharge IN ('pending', 'granted', 'not_granted')),
    {_DATE.format(col="decided_on")},
    reference TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, member_id)
) STRICT;
"""


@migrations(name="0007_auditors")
def _0007_auditors(db: Database) -> None:
    """The auditors (revisorer): one per member, or joint ones, over periods."""
    db.executescript(_SCHEMA_0007)
    _stamp(db, 7)


_SCHEMA_0007 = f"""
CREATE TABLE auditors (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people(id),
    member_id INTEGER REFERENCES members(id),
    kind TEXT NOT NULL CHECK (kind IN ('elected', 'authorised')),
    firm TEXT NOT NULL DEFAULT '',
    {_DATE.format(col="from_date")},
    {_DATE.format(col="to_date")}
) STRICT;
CREATE INDEX auditors_by_person ON auditors (person_id);
"""


@migrations(name="0008_annual_notes")
def _0008_annual_notes(db: Database) -> None:
    """The annual report's notes after note 1 (the accounting principles, a text section)."""
    db.executescript(_SCHEMA_0008)
    _stamp(db, 8)


_SCHEMA_0008 = """
CREATE TABLE annual_notes (
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2099),
    number INTEGER NOT NULL CHECK (number BETWEEN 2 AND 99),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, number)
) STRICT;
"""


@migrations(name="0009_writer_lock")
def _0009_writer_lock(db: Database) -> None:
    """Who has the file open for writing (one row, with a heartbeat) and the write counter
    every saved user action increments (see storage.locks)."""
    db.executescript(_SCHEMA_0009)
    _stamp(db, 9)


_SCHEMA_0009 = """
CREATE TABLE writer_lock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    token TEXT NOT NULL,
    user_name TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    app_version TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    heartbeat TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT '',
    file_id TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE write_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL CHECK (value >= 0)
) STRICT;
INSERT INTO write_counter (id, value) VALUES (1, 0);
"""
