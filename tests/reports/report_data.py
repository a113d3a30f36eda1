"""Realistic report data for the PDF tests: a 25-paragraph protocol and its summons."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from finsam_desktop.reports.data import (
    AgencyInfo,
    AgendaEntry,
    AttendeeLine,
    BallotLine,
    InvitedPerson,
    MeetingInfo,
    MinutesReport,
    MotionLine,
    NoticeReport,
    ParagraphBlock,
    PostingInfo,
    SignerLine,
    StatementLine,
    VoteBlock,
)

MEETING_DAY = dt.date(2026, 11, 20)
AGENCY = AgencyInfo(name="Samordningsförbundet Sydnärke", org_number="222000-1234",
                    seat="Kumla", notice_place="Förbundets digitala anslagstavla",
                    minutes_kept_at="Kumla stadshus")
MEETING = MeetingInfo(id=7, kind="ordinary", date=MEETING_DAY, start_time="09.00",
                      end_time="12.00", place="Galeasen 2, Hotell Norra Vättern, Askersund",
                      remote_link="https://meet.example.se/styrelsen-2026-11")
SECRETARY, CHAIR, ADJUSTER = "Lena Sjöberg", "Anna Berg", "Erik Ström"
VOTERS = (CHAIR, ADJUSTER, "Karin Holm", "Mats Lindqvist", "Sara Nyström",
          "Per-Olof Åkesson", "Ŋilla Čáhppes")
APPEAL_DAY = dt.date(2026, 12, 22)


def _open_vote(yes: int, no: int, abstain: int = 0, *, skip: str = "", **kw) -> VoteBlock:
    choices = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
    voters = [name for name in VOTERS if name != skip]
    ballots = tuple(BallotLine(name, choice) for name, choice in zip(voters, choices,
                                                                     strict=False))
    return VoteBlock(kind="open", yes_label="bifall till förslaget",
                     no_label="bifall till Mats Lindqvists yrkande", yes=yes, no=no,
                     abstain=abstain, ballots=ballots, **kw)


def _opening() -> list[ParagraphBlock]:
    return [
        ParagraphBlock(84, "Mötets öppnande", "information", outcome="noted",
                       decision="Ordföranden hälsar välkommen och förklarar mötet öppnat."),
        ParagraphBlock(85, "Godkännande av dagordningen", "decision", outcome="decided",
                       decision="Styrelsen beslutar att godkänna dagordningen."),
        ParagraphBlock(86, "Val av protokollsjusterare", "decision", outcome="decided",
                       decision=f"Styrelsen beslutar att utse {ADJUSTER} att jämte "
                                "ordföranden justera protokollet."),
        ParagraphBlock(87, "Föregående protokoll", "decision", dnr="2026/41",
                       corrects="§ 72 (2026-10-03)", outcome="decided",
                       background="I § 72 angavs fel belopp för insatsen Steget vidare.\n"
                                  "Rätt belopp är 1 250 000 kr.",
                       decision="Styrelsen beslutar att godkänna föregående protokoll med "
                                "rättelsen av § 72."),
        ParagraphBlock(88, "Förbundschefens rapport", "information", outcome="noted",
                       background="Förbundschefen redogör för verksamheten under hösten."),
        ParagraphBlock(89, "Ekonomisk rapport per oktober", "information", dnr="2026/3",
                       outcome="noted", background="Ekonomen redovisar utfall och prognos.",
                       notes=(StatementLine("Mats Lindqvist",
                                            "Prognosen bör redovisas per insats."),)),
    ]


def _decisions() -> list[ParagraphBlock]:
    return [
        ParagraphBlock(
            90, "Ansökan om medel till insatsen Steget vidare", "decision", dnr="2026/58",
            background="Region Örebro län och Kumla kommun ansöker om 1 250 000 kr för 2027.\n\n"
                       "Beredningsgruppen tillstyrker ansökan.",
            proposal="Styrelsen beslutar att bevilja 1 250 000 kr för 2027.",
            motions=(MotionLine("", "att bevilja 1 250 000 kr för 2027"),
                     MotionLine("Mats Lindqvist", "att ansökan avslås",
                                seconded_by=("Sara Nyström",))),
            order_of_putting="Ordföranden ställer förslaget mot Mats Lindqvists yrkande och "
                             "finner att styrelsen bifaller förslaget. Omröstning begärs.",
            votes=(_open_vote(3, 2, 1, skip="Karin Holm", winner="yes"),),
            decision="Styrelsen beslutar att bevilja 1 250 000 kr till insatsen Steget vidare "
                     "för 2027.", outcome="decided", jav=("Karin Holm",),
            reservations=(StatementLine("Mats Lindqvist", "Insatsen saknar tydliga mål."),
                          StatementLine("Sara Nyström")),
            notify="Region Örebro län, Kumla kommun", appeal_instruction=True),
        ParagraphBlock(
            91, "Budget 2027 och plan 2028–2029", "decision", dnr="2026/60",
            proposal="Styrelsen beslutar att fastställa budget 2027.",
            votes=(_open_vote(3, 3, 0, skip="Per-Olof Åkesson", tie_break="casting_vote",
                              winner="yes"),),
            decision="Styrelsen beslutar att fastställa budget 2027 och plan 2028–2029.",
            outcome="decided", immediate=True, absent=("Per-Olof Åkesson",),
            notify="Medlemmarna", appeal_instruction=True),
        ParagraphBlock(
            92, "Internkontrollplan 2027", "decision", dnr="2026/61",
            motions=(MotionLine("Sara Nyström", "att ärendet återremitteras för komplettering"),),
            decision="", outcome="referred_back"),
        ParagraphBlock(
            93, "Val av representant till beredningsgruppen", "decision", dnr="2026/62",
            votes=(VoteBlock(kind="closed", yes_label="Karin Holm", no_label="Sara Nyström",
                             yes=3, no=3, abstain=1, tie_break="lot", winner="no"),),
            decision="Styrelsen utser Sara Nyström till representant.", outcome="decided"),
    ]


def _routine(number: int, i: int) -> ParagraphBlock:
    insatser = ("Aktivitetshuset", "Unga vuxna i arbete", "Finsamteam Hallsberg",
                "Språkstöd Laxå", "IPS Askersund", "Motivationsgruppen")
    if i % 3 == 0:
        return ParagraphBlock(number, f"Anmälan av delegationsbeslut {i}", "reported",
                              outcome="noted", background="Förbundschefen anmäler beslut.")
    name = insatser[i % len(insatser)]
    return ParagraphBlock(
        number, f"Ansökan om medel till insatsen {name}", "decision", dnr=f"2026/{63 + i}",
        background=f"Ansökan gäller {name} för perioden 2027-01-01 – 2027-12-31.",
        proposal=f"Styrelsen beslutar att bevilja medel till {name}.",
        decision=f"Styrelsen beslutar att bevilja medel till {name}.", outcome="decided",
        notify="Projektägaren")


def paragraphs(count: int = 25) -> tuple[ParagraphBlock, ...]:
    """§ 84 onwards: the opening items, four full decisions, routine items, closing."""
    blocks = _opening() + _decisions()
    while len(blocks) < count - 1:
        blocks.append(_routine(84 + len(blocks), len(blocks)))
    blocks.append(ParagraphBlock(84 + len(blocks), "Mötets avslutande", "information",
                                 outcome="noted", decision="Ordföranden avslutar mötet."))
    return tuple(blocks[:count])


def minutes(count: int = 25, **changes) -> MinutesReport:
    """A sealed protocol with `count` paragraphs."""
    report = MinutesReport(
        agency=AGENCY, meeting=MEETING,
        decision_makers=(
            AttendeeLine(CHAIR, "Region Örebro län", ("ordförande",)),
            AttendeeLine(ADJUSTER, "Försäkringskassan", ("vice ordförande",)),
            AttendeeLine("Karin Holm", "Kumla kommun", ("ej § 90",)),
            AttendeeLine("Mats Lindqvist", "Hallsbergs kommun"),
            AttendeeLine("Sara Nyström", "Arbetsförmedlingen"),
            AttendeeLine("Per-Olof Åkesson", "Askersunds kommun", ("tjg ers för Ove Lund",
                                                                  "ej § 91")),
            AttendeeLine("Ŋilla Čáhppes", "Laxå kommun", ("på distans",))),
        deputies_present=(AttendeeLine("Jonas Ek", "Kumla kommun"),),
        others_present=(AttendeeLine(SECRETARY, "Sekreterare"),
                        AttendeeLine("Maria Öberg", "Förbundschef"),
                        AttendeeLine("Łukasz Kowalski", "Ekonom")),
        absent=(AttendeeLine("Ove Lund", "Askersunds kommun", ("anmält förhinder",)),),
        paragraphs=paragraphs(count),
        signers=(SignerLine("chair", CHAIR, dt.date(2026, 11, 27)),
                 SignerLine("secretary", SECRETARY, dt.date(2026, 11, 27)),
                 SignerLine("adjuster", ADJUSTER, dt.date(2026, 11, 28))),
        signing_time_place="Kumla stadshus 2026-11-27",
        posting=PostingInfo(dt.date(2026, 12, 1), dt.date(2026, 12, 23), APPEAL_DAY),
        sealed=True, seal_hash="3f9a" * 16, generated_on=dt.date(2026, 12, 1))
    return replace(report, **changes)


def notice() -> NoticeReport:
    """The summons to the same meeting."""
    agenda = tuple(
        AgendaEntry(i, block.title, block.kind, block.dnr, block.proposal,
                    ("Ansökan Steget vidare.pdf", "Beredningsgruppens yttrande.pdf")
                    if block.number == 90 else ())
        for i, block in enumerate(paragraphs(), start=1))
    invited = (InvitedPerson(CHAIR, "Region Örebro län", "member"),
               InvitedPerson("Lars Ekholm", "Region Örebro län", "deputy"),
               InvitedPerson("Karin Holm", "Kumla kommun", "member"),
               InvitedPerson("Jonas Ek", "Kumla kommun", "deputy"),
               InvitedPerson(ADJUSTER, "Försäkringskassan", "member"),
               InvitedPerson("Ove Lund", "Askersunds kommun", "member"),
               InvitedPerson("Per-Olof Åkesson", "Askersunds kommun", "deputy"))
    return NoticeReport(agency=AGENCY, meeting=MEETING, summoned_on=dt.date(2026, 11, 12),
                        agenda=agenda, invited=invited, sender_name=CHAIR,
                        sender_title="Ordförande")
