"""Plain data the PDF documents are made from (built by `services.reporting`).

Everything here is already resolved to names and dates: the renderers never query. Codes
(`kind`, `role`, `choice`, …) stay codes; the renderers translate them with `_()`, so a PDF
follows the UI language (Swedish by default). Free text is exactly what the user typed: the
renderers must show it verbatim, whatever it contains.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from finsam_desktop.domain.activities import CostPerParticipant, ParticipantSummary
from finsam_desktop.domain.annual import StatementRow
from finsam_desktop.domain.budget import (
    BudgetView,
    EquityYear,
    FollowUpReport,
    KeyFigures,
    ReceivedContribution,
)
from finsam_desktop.domain.charts import Chart
from finsam_desktop.i18n import _


@dataclass(frozen=True, slots=True)
class AgencyInfo:
    """Letterhead data."""

    name: str
    org_number: str = ""
    seat: str = ""
    notice_place: str = ""  # anslagsplats
    minutes_kept_at: str = ""  # förvaringsplats för protokollet


@dataclass(frozen=True, slots=True)
class MeetingInfo:
    """When and where; `kind` is "ordinary" or "extra"."""

    id: int
    kind: str
    date: dt.date
    start_time: str = ""  # "09.00" as typed (HH:MM)
    end_time: str = ""
    place: str = ""
    remote_link: str = ""
    body: str = "Styrelsen"  # the organ: the board


@dataclass(frozen=True, slots=True)
class AgendaEntry:
    """One item of the summons' agenda; `kind` is "decision", "information" or "reported"."""

    position: int
    title: str
    kind: str
    dnr: str = ""
    proposal: str = ""  # förslag till beslut
    attachments: tuple[str, ...] = ()  # file references / titles


@dataclass(frozen=True, slots=True)
class InvitedPerson:
    """A ledamot or ersättare the summons goes to; `role` is "member" or "deputy"."""

    name: str
    member: str  # the member organisation represented
    role: str


@dataclass(frozen=True, slots=True)
class NoticeReport:
    """Kallelse med föredragningslista."""

    agency: AgencyInfo
    meeting: MeetingInfo
    summoned_on: dt.date | None
    agenda: tuple[AgendaEntry, ...]
    invited: tuple[InvitedPerson, ...] = ()
    sender_name: str = ""  # usually the chair
    sender_title: str = ""


@dataclass(frozen=True, slots=True)
class AttendeeLine:
    """One line of the attendance block. `notes` are codes with arguments, already worded in
    the current language by the service (e.g. "ordförande", "tjg ers för Anna Berg",
    "ej § 91–97", "på distans")."""

    name: str
    detail: str = ""  # member organisation, or title for others present
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MotionLine:
    """A proposal or motion (yrkande) put in the paragraph."""

    mover: str  # "" for the proposal in the agenda (förslag till beslut)
    text: str
    seconded_by: tuple[str, ...] = ()
    withdrawn: bool = False


@dataclass(frozen=True, slots=True)
class BallotLine:
    """One voter's vote in an open roll-call vote; `choice` is "yes", "no" or "abstain"."""

    name: str
    choice: str


@dataclass(frozen=True, slots=True)
class VoteBlock:
    """A vote (omröstning). `kind` "open" (roll-call) or "closed" (sluten)."""

    kind: str
    yes_label: str  # what "ja" stands for, e.g. "bifall till förslaget"
    no_label: str
    yes: int
    no: int
    abstain: int
    ballots: tuple[BallotLine, ...] = ()
    majority: str = "simple"  # or "2/3", "3/4" … for a qualified majority
    tie_break: str = "none"  # "none", "casting_vote" (chair) or "lot" (elections, staff)
    winner: str = ""  # "yes" or "no"


@dataclass(frozen=True, slots=True)
class StatementLine:
    """A reservation or protocol note by a person (reason/text may be empty)."""

    name: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class ParagraphBlock:
    """One paragraph (§) of the minutes. `outcome`: "decided", "referred_back" (återremiss),
    "noted" (information/anmälan noted) or "" (nothing recorded yet)."""

    number: int
    title: str
    kind: str  # "decision", "information", "reported"
    dnr: str = ""
    background: str = ""
    proposal: str = ""
    motions: tuple[MotionLine, ...] = ()
    order_of_putting: str = ""  # propositionsordning as worded
    votes: tuple[VoteBlock, ...] = ()
    decision: str = ""
    outcome: str = ""
    jav: tuple[str, ...] = ()  # names who declared jäv and took no part
    reservations: tuple[StatementLine, ...] = ()
    notes: tuple[StatementLine, ...] = ()  # protokollsanteckningar
    absent: tuple[str, ...] = ()  # names not present for this paragraph
    immediate: bool = False  # omedelbar justering
    corrects: str = ""  # e.g. "§ 72 (2026-10-03)" for a correction (rättelse)
    notify: str = ""  # expediering
    appeal_instruction: bool = False


@dataclass(frozen=True, slots=True)
class SignerLine:
    """A signature line; `role` "secretary", "chair" or "adjuster" (justerare)."""

    role: str
    name: str
    signed_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class PostingInfo:
    """Anslag/bevis: when the notice of the signed minutes went up and the appeal period."""

    posted_on: dt.date
    take_down_earliest: dt.date
    last_appeal_day: dt.date


@dataclass(frozen=True, slots=True)
class MinutesReport:
    """A whole protocol (sammanträdesprotokoll)."""

    agency: AgencyInfo
    meeting: MeetingInfo
    decision_makers: tuple[AttendeeLine, ...]  # beslutande: ledamöter + tjg ersättare
    deputies_present: tuple[AttendeeLine, ...]  # närvarande ej tjänstgörande ersättare
    others_present: tuple[AttendeeLine, ...]  # övriga närvarande
    absent: tuple[AttendeeLine, ...]  # frånvarande / anmält förhinder
    paragraphs: tuple[ParagraphBlock, ...]
    signers: tuple[SignerLine, ...] = ()
    signing_time_place: str = ""  # justeringens tid och plats
    posting: PostingInfo | None = None
    sealed: bool = False
    seal_hash: str = ""  # hex; printed on the signed protocol as its control sum
    generated_on: dt.date | None = None

    @property
    def first_number(self) -> int | None:
        """§ number of the first paragraph."""
        return self.paragraphs[0].number if self.paragraphs else None

    @property
    def last_number(self) -> int | None:
        """§ number of the last paragraph."""
        return self.paragraphs[-1].number if self.paragraphs else None


@dataclass(frozen=True, slots=True)
class BudgetReport:
    """A year's budget and follow-up, ready to render (no database access needed)."""

    agency: AgencyInfo
    plan: BudgetView
    version_label: str
    follow_up: FollowUpReport
    received: tuple[ReceivedContribution, ...]
    equity: tuple[EquityYear, ...]
    figures: KeyFigures
    texts: dict[str, str]
    charts: tuple[Chart, ...]

    @property
    def year(self) -> int:
        """The budget year."""
        return self.plan.year.year

    @property
    def title(self) -> str:
        """"Verksamhetsplan med budget 2027, plan 2028–2029"."""
        return _("Activity plan with budget {year}, plan {first}–{last}").format(
            year=self.year, first=self.year + 1, last=self.year + 2)


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One activity in the activity catalogue, resolved to names and figures."""

    name: str
    focus: str
    status: str
    precise_direction: str
    esf: bool
    lead: str
    parties: tuple[str, ...]
    start_on: dt.date | None
    end_on: dt.date | None
    target_group: str
    goals: str
    description: str
    decision: str  # "§ 12, 2025-11-20"
    granted_amount_ore: int | None
    budget_ore: int
    actual_ore: int
    participants: ParticipantSummary
    evaluations: tuple[tuple[str, str, str, str, str], ...]  # kind, title, evaluator,
    # finished on, findings


@dataclass(frozen=True, slots=True)
class ActivityCatalogue:
    """The activities of a year with their figures (insatskatalog)."""

    agency: AgencyInfo
    year: int
    entries: tuple[CatalogueEntry, ...]
    key_figures: ParticipantSummary  # all activities together
    activities_total: int
    individual: int
    structural: int
    cost: CostPerParticipant  # individual-targeted activities
    goals: tuple[tuple[str, str, tuple[tuple[str, str, str, str, str], ...]], ...]
    # goal title, fulfilment, (indicator, baseline, target, latest, fulfilment)
    threshold: int  # counts below it are printed as "<N"
    age_bands: dict[str, str]
    charts: tuple[Chart, ...]

    @property
    def title(self) -> str:
        """"Insatskatalog 2026"."""
        return _("Activity catalogue {year}").format(year=self.year)


@dataclass(frozen=True, slots=True)
class BoardLine:
    """Someone who sat on the board during the year."""

    member: str
    role: str  # "Ledamot" / "Ersättare"
    name: str
    function: str  # "Ordförande", … or ''
    period: str  # '' for the whole year, else "2026-01-01–2026-09-30"


@dataclass(frozen=True, slots=True)
class AnnualReportData:
    """The annual report (årsredovisning) of a year — or, with `until`, the interim report
    (delårsrapport) up to that day — resolved to names and figures."""

    agency: AgencyInfo
    year: int
    until: dt.date | None
    texts: dict[str, str]  # section → plain text ('' = not written)
    text_labels: dict[str, str]  # section → heading
    members: tuple[tuple[str, str, str], ...]  # name, kind, share
    board: tuple[BoardLine, ...]
    meetings: tuple[dt.date, ...]  # meetings held in the period
    staff: tuple[tuple[str, str], ...]  # title, name
    auditors: tuple[tuple[str, str, str, str, str], ...]  # appointed by, name, kind, firm, period
    follow_up: FollowUpReport  # the operating statement (budget | actual | deviation)
    equity: tuple[EquityYear, ...]
    figures: KeyFigures  # budget key figures and warnings
    statements: dict[str, tuple[StatementRow, ...]]  # "income"/"balance"/"cash_flow"
    statement_problems: tuple[str, ...]
    notes: tuple[tuple[int, str, str], ...]  # number, title, text (note 1 is a text section)
    catalogue: ActivityCatalogue | None  # activities, participants, goals of the year
    goals: tuple[tuple[str, str, tuple[tuple[str, str, str, str, str], ...]], ...]
    evaluations: tuple[tuple[str, str, str, str], ...]  # title, evaluator, finished, findings
    signatories: tuple[tuple[str, str, str], ...]  # name, member, function
    signing_date: dt.date | None
    signing_place: str
    adopted_ref: str  # "§ 12, 2026-02-14"
    charts: tuple[Chart, ...]

    @property
    def title(self) -> str:
        """"Årsredovisning 2026" or "Delårsrapport 2026-08-31"."""
        if self.until is not None:
            return _("Interim report {date}").format(date=self.until.isoformat())
        return _("Annual report {year}").format(year=self.year)
