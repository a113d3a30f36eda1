"""Benchmark-sized history: `finsam demo DB --years 20 --scale large`.

On top of the normal demo, adds for every earlier year 25 numbered meetings of 200
paragraphs each (100 000 paragraphs over 20 years) with varied Swedish text, decisions and
follow-ups, inserted in bulk in one transaction, then rebuilds the search index. The minutes
are not signed; the data exists to measure the register, the search and the panels.
"""

from __future__ import annotations

import datetime as dt
import random

from finsam_desktop.services import decisions
from finsam_desktop.storage import bulk
from finsam_desktop.storage.store import Store

MEETINGS_PER_YEAR = 25
ITEMS_PER_MEETING = 200
_WORDS = [
    "ansökan",
    "insats",
    "medel",
    "styrelsen",
    "beslutar",
    "beviljar",
    "avslår",
    "får",
    "far",
    "ärendet",
    "budget",
    "verksamhetsplan",
    "uppföljning",
    "utvärdering",
    "deltagare",
    "arbete",
    "studier",
    "rehabilitering",
    "samverkan",
    "kommun",
    "region",
    "försäkringskassan",
    "arbetsförmedlingen",
    "målgrupp",
    "unga",
    "vuxna",
    "hälsa",
    "psykisk",
    "ohälsa",
    "kartläggning",
    "strukturövergripande",
    "individinriktad",
    "projekt",
    "avtal",
    "delårsrapport",
    "årsredovisning",
    "revision",
    "ekonomi",
    "prognos",
    "utfall",
    "eget",
    "kapital",
    "beredningsgrupp",
    "förbundschef",
    "samordnare",
    "kansli",
    "internkontroll",
    "delegation",
    "yttrande",
    "remiss",
    "återrapportering",
    "lokal",
    "fördelning",
    "folkmängd",
    "år",
    "kvartal",
    "tertial",
    "mål",
    "resultat",
    "effekt",
    "process",
    "samhällsekonomisk",
    "nytta",
    "sjukskrivning",
    "försörjningsstöd",
    "språk",
    "praktik",
    "coachning",
    "vägledning",
    "stöd",
    "insatsen",
    "förlängs",
    "avslutas",
]
_TITLES = (
    "Ansökan om medel: {w}",
    "Uppföljning av {w}",
    "Information om {w}",
    "Yttrande över remiss om {w}",
    "Revidering av {w}",
    "Beslut om {w}",
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def add_history(store: Store, *, years: int, seed: int,
                meetings_per_year: int = MEETINGS_PER_YEAR,
                items_per_meeting: int = ITEMS_PER_MEETING) -> int:
    """Add bulk meetings for the `years` before the demo's own; returns the items added."""
    rng = random.Random(seed)
    first_year = store.today().year - 3 - years + 1
    meeting_id = bulk.next_id(store.db, "meetings")
    item_id = bulk.next_id(store.db, "items")
    meetings, items, followups = [], [], []
    for year in range(first_year, store.today().year - 2):
        for index in range(meetings_per_year):
            day = dt.date(year, 1, 10) + dt.timedelta(days=index * 14)
            meetings.append(
                (
                    meeting_id,
                    day.isoformat(),
                    "ordinary",
                    1,
                    index * items_per_meeting + 1,
                    "Kansliet",
                )
            )
            for position in range(1, items_per_meeting + 1):
                kind = "decision" if rng.random() < 0.6 else "information"
                title = rng.choice(_TITLES).format(w=" ".join(rng.sample(_WORDS, 2)))
                items.append(
                    (
                        item_id,
                        meeting_id,
                        position,
                        title,
                        kind,
                        f"{year}/{position:03d}",
                        _text(rng, 40),
                        _text(rng, 15),
                        "decided" if kind == "decision" else "noted",
                    )
                )
                if kind == "decision" and rng.random() < 0.2:
                    followups.append(
                        (
                            item_id,
                            "Insatser",
                            "Förbundschef",
                            (day + dt.timedelta(days=90)).isoformat(),
                            "reported_back",
                        )
                    )
                item_id += 1
            meeting_id += 1
    with store.user_action():
        bulk.insert_rows(
            store.db, "meetings", ("id", "date", "kind", "held", "first_number", "place"), meetings
        )
        bulk.insert_rows(
            store.db,
            "items",
            (
                "id",
                "meeting_id",
                "position",
                "title",
                "kind",
                "dnr",
                "background",
                "decision",
                "outcome",
            ),
            items,
        )
        bulk.insert_rows(
            store.db,
            "followups",
            ("item_id", "category", "responsible", "due_on", "status"),
            followups,
        )
    decisions.reindex_all(store)
    return len(items)
