"""Insatskatalog as PDF: realistic activities built through the services, rendered once in
Swedish, read back with pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time

import pytest
from pypdf import PdfReader

from finsam_desktop import i18n
from finsam_desktop.reports.activities_pdf import render_catalogue
from tests.reports import activities_data as ad
from tests.reports.pdf_checks import fonts, images, page_texts, squash, text
from tests.reports.sv_labels import SV
from tests.reports.sv_labels_activities import SV_DOMAIN

PRINTED = dt.date(2026, 11, 22)
FURNITURE = "Samordningsförbundet Test INSATSKATALOG År 2026 Utskriven 2026-11-22"
HUGE = ad.long_text(100_000)  # longer than the service accepts: the renderer copes anyway
SECTIONS = {ad.HOSTILE: 4, ad.STEG: 5, ad.TRAINING: 6, ad.FORUM: 7}


def swedish() -> None:
    i18n.set_language("sv")
    i18n._catalog.update(SV)
    i18n._catalog.update(SV_DOMAIN)


@pytest.fixture(autouse=True)
def activity_words(swedish_labels):
    """The activity words of the domain and services, in Swedish (until the .po has them)."""
    i18n._catalog.update(SV_DOMAIN)


def with_description(data, name: str, description: str):
    entries = tuple(dataclasses.replace(e, description=description) if e.name == name else e
                    for e in data.entries)
    return dataclasses.replace(data, entries=entries)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The realistic catalogue (the hostile activity with a 100 000-character description)
    and its PDF, rendered once in Swedish."""
    from reportlab import rl_config

    swedish()
    before, rl_config.invariant = rl_config.invariant, 1
    try:
        store, info = ad.build()
        from finsam_desktop.services import activity_report

        data = with_description(activity_report.gather(store, ad.YEAR), ad.HOSTILE, HUGE)
        start = time.perf_counter()
        pdf = render_catalogue(data, tmp_path_factory.mktemp("catalogue") / "katalog.pdf",
                               printed_on=PRINTED)
        seconds = time.perf_counter() - start
    finally:
        rl_config.invariant = before
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    pages = page_texts(pdf)
    bodies = [re.sub(r" Sida \d+ \(\d+\)$", "", p.split(FURNITURE, 1)[1]).strip()
              for p in pages]
    print(f"\nactivity catalogue: {len(pages)} pages in {seconds:.2f} s")
    return {"store": store, "info": info, "data": data, "pdf": pdf, "seconds": seconds,
            "pages": pages, "bodies": bodies, "body": " ".join(bodies)}


def section(built, name: str) -> str:
    """The text of one activity's section (its heading up to the next one)."""
    body = built["body"]
    start = body.index(f"{SECTIONS[name]} {squash(name)} Inriktning")
    following = [body.find(f"{n} {squash(other)} Inriktning", start)
                 for other, n in SECTIONS.items() if n == SECTIONS[name] + 1]
    end = following[0] if following and following[0] > 0 else len(body)
    return body[start:end]


def participants(built, name: str) -> str:
    """An activity's participant tables (without the notes below them)."""
    part = section(built, name).split("Deltagare 2026 ", 1)[1]
    return part.split("Kategorier utan deltagare visas inte.", 1)[0]


def block(tables: str, title: str) -> str:
    """One participant table: its title up to its total."""
    part = tables.split(title, 1)[1]
    return title + part.split("Summa", 1)[0] + "Summa " + part.split("Summa ", 1)[1].split()[0]


def test_title_page_running_header_and_page_numbers(built):
    pages = built["pages"]
    assert built["data"].title == "Insatskatalog 2026"
    assert built["bodies"][0] == "Samordningsförbundet Test Insatskatalog 2026 " \
                                 "Utskriven 2026-11-22"
    for number, page in enumerate(pages, start=1):
        assert page.startswith(FURNITURE)
        assert page.endswith(f"Sida {number} ({len(pages)})")


def test_metadata_embedded_fonts_and_vector_charts(built):
    info = PdfReader(str(built["pdf"])).metadata
    assert info.title == "Insatskatalog 2026"
    assert info.author == "Samordningsförbundet Test"
    assert info.subject == "Insatser, deltagare, måluppfyllelse och utvärderingar 2026"
    used = fonts(built["pdf"])
    assert used and all(embedded and "DejaVuSans" in name for name, embedded in used)
    assert images(built["pdf"]) == []


def test_key_figures_with_small_counts_suppressed_and_the_cost_definition(built):
    body = built["body"]
    key = body.split("1 Nyckeltal 2026 ", 1)[1].split("2 Insatser 2026", 1)[0]
    for row in ("Insatser som pågår under 2026 4", "varav individinriktade 2",
                "varav strukturövergripande 2", "Deltagare som påbörjat en insats 59",
                "varav kvinnor 38",
                "varav män ..",  # 19: hidden, else 59 − 38 − 19 would give the 2 away
                "varav annat eller uppgift saknas <5",
                "Deltagare som avslutat en insats 17",
                "Andel i arbete eller studier efter insatsen 64,7 %",  # 11 of 17
                "Kostnad per deltagare, individinriktade insatser 70 391 kr"):
        assert row in key, row
    assert "varav män 19" not in key and " 2 Kostnad" not in key
    cost = built["data"].cost
    assert (cost.cost_ore, cost.participants) == (225_250_000, 32)
    assert "Kostnad per deltagare: Insatsens faktiska kostnad under året (dess budgetrader) " \
           "delat med antalet deltagare som påbörjat insatsen under året." in key
    assert "För 2026: 2 252 500 kr delat med 32 deltagare." in key
    assert "<5: färre än 5 deltagare (1–4); det exakta antalet redovisas inte." in key
    assert "..: redovisas inte, så att ett antal under 5 inte kan räknas fram ur summan." \
        in key


def test_the_charts_are_drawn_with_counts_and_small_bars_left_out(built):
    key = built["body"].split("1 Nyckeltal 2026 ", 1)[1].split("2 Insatser 2026", 1)[0]
    assert "Deltagare per år, samtliga insatser 0 20 40 60 Antal 2025 2026" in key
    assert "Sysselsättning före och efter, 2026 0 5 10 15 20 Antal Arbete Studier " \
           "Arbetssökande Annan Före Efter" in key
    assert "tkr" not in key
    assert "Antal under 5 ritas inte." in key  # jobseeking 4 and other 2 after


def test_overview_lists_every_activity_of_the_year_individual_first(built):
    body = built["body"]
    overview = body.split("2 Insatser 2026 ", 1)[1].split("3 Måluppfyllelse", 1)[0]
    assert overview.startswith("Nr Insats Påbörjade Budget 2026 Utfall 2026 "
                               "Individinriktade insatser 4 Insats <b>Steg&Väg</b> – "
                               "Åre/Öland Region Test · Beviljad 7 1 100 000 952 500 "
                               "5 Steg till arbete Aby kommun · Pågående 25 1 650 000 "
                               "1 300 000 Strukturövergripande insatser 6 Kompetensutveckling")
    assert "7 Samverkansforum Đurić & Łukasz Bby kommun · Avslutad 0 0 0" in overview
    assert "Summa 59 3 170 000 2 552 500" in overview
    assert ad.OLD not in body  # ended in 2023


def test_goal_fulfilment_goal_by_goal_with_indicators(built):
    body = built["body"]
    goals = body.split("3 Måluppfyllelse ", 1)[1].split(" 4 Insats", 1)[0]
    assert goals.startswith("Mål och indikator Utgångsvärde Målvärde Senaste Uppfyllelse")
    assert "Fler går vidare till arbete eller studier Delvis uppfyllt Andel till arbete " \
           "eller studier (%) 30 40 36,4 Delvis uppfyllt" in goals
    assert "Stärkt samverkan mellan parterna Uppfyllt Gemensamma utbildningsdagar (%) 2 6 7 " \
           "Uppfyllt" in goals


def test_each_activity_on_its_own_page_with_its_facts(built):
    bodies = built["bodies"]
    for name, number in SECTIONS.items():
        starts = [b for b in bodies if b.startswith(f"{number} {squash(name)} Inriktning")]
        assert len(starts) == 1, name
    steg = section(built, ad.STEG)
    for fact in ("Inriktning Individinriktad", "Status Pågående",
                 "Preciserad inriktning Arbetslivsinriktad rehabilitering",
                 "ESF-finansierad Ja", "Huvudman Aby kommun",
                 "Medverkande parter Försäkringskassan, Arbetsförmedlingen, Aby kommun",
                 "Period 2025-01-01 – 2027-12-31", "Beslut § 9, 2025-11-20",
                 "Beviljat belopp 4 950 000 kr", "Budget 2026 1 650 000 kr",
                 "Utfall 2026 1 300 000 kr", "Påbörjade deltagare 2026 25",
                 "Avslutade deltagare 2026 17",
                 "Andel i arbete eller studier efter insatsen 64,7 %",
                 "Målgrupp Personer 20–64 år som står långt från arbetsmarknaden.",
                 "Mål Minst 40 % av deltagarna går vidare till arbete eller studier.",
                 "Beskrivning Individuellt stöd av en coach"):
        assert fact in steg, fact
    hostile = section(built, ad.HOSTILE)
    for fact in ("Status Beviljad", "ESF-finansierad Nej", "Period från 2026-02-01",
                 "Beslut § 10, 2025-11-20", "Beviljat belopp 1 100 000,50 kr",
                 "Påbörjade deltagare 2026 7", "Avslutade deltagare 2026 0"):
        assert fact in hostile, fact
    assert "Andel i arbete" not in hostile  # no occupation figures
    forum = section(built, ad.FORUM)
    assert "Beviljat belopp – Budget 2026 0 kr" in forum
    assert "Deltagare 2026 Inga deltagaruppgifter för 2026." in forum
    assert "Preciserad inriktning" not in forum and "Målgrupp" not in forum


def test_small_counts_are_printed_as_below_five_and_never_as_numbers(built):
    steg = participants(built, ad.STEG)
    gender = block(steg, "Påbörjade, efter kön")
    assert gender == "Påbörjade, efter kön Antal Kvinnor 14 Män .. " \
                     "Annat eller uppgift saknas <5 Summa 25"
    assert block(steg, "Påbörjade, efter ålder") == \
        "Påbörjade, efter ålder Antal 16–19 <5 20–29 8 30–39 7 40–49 <5 50–64 <5 Summa 25"
    assert "Sysselsättning Före Efter Arbete 0 6 Studier 0 5 Arbetssökande 6 <5 Annan 19 <5 " \
           "Summa 25 17" in steg
    assert "Avslutningsorsak Antal Arbete 6 Studier 5 Genomförd enligt plan <5 " \
           "Egen begäran <5 Flyttat <5 Summa 17" in steg
    # counts 1–4 occur in the data (2, 3, 4, 1 …) but never in the printed tables
    assert not {"1", "2", "3", "4"} & set(steg.split())
    assert "9" not in gender.split()  # the men, hidden so the 2 cannot be subtracted out
    hostile = participants(built, ad.HOSTILE)
    assert block(hostile, "Påbörjade, efter kön") == \
        "Påbörjade, efter kön Antal Kvinnor <5 Män <5 Summa 7"
    assert not {"1", "2", "3", "4"} & set(hostile.split())
    notes = section(built, ad.STEG).split("Kategorier utan deltagare visas inte.", 1)[1]
    assert notes.startswith(" <5: färre än 5 deltagare (1–4)")
    assert "..: redovisas inte" in notes
    training = section(built, ad.TRAINING)
    assert "Kvinnor 21 Män 6 Summa 27" in training and "<5:" not in training


def test_hostile_text_comes_back_verbatim_and_the_huge_description_whole(built):
    hostile = section(built, ad.HOSTILE)
    assert hostile.startswith(f"4 {ad.HOSTILE} Inriktning")
    assert f"Målgrupp {squash(ad.HOSTILE_TARGET)}" in hostile
    assert f"Mål {squash(ad.HOSTILE_GOALS)}" in hostile
    assert f"Beskrivning {squash(HUGE)}" in hostile
    assert hostile.count("SLUT") == 1
    steg = section(built, ad.STEG)
    assert "Utvärderingar Processutvärdering av Steg till arbete Processutvärdering · " \
           "utvärderare: FoU Väst & Co · avslutad 2026-06-30 " + squash(ad.FINDINGS) in steg
    assert squash(ad.FORUM) in built["body"]


def test_headings_are_never_left_at_the_foot_of_a_page(built):
    for body in built["bodies"]:
        for heading in ("Deltagare 2026", "Utvärderingar", "Målgrupp", "Mål ", "Beskrivning",
                        "Måluppfyllelse", "Nyckeltal 2026"):
            if heading in body:
                assert len(body.rsplit(heading, 1)[1]) > 25, (heading, body[-200:])


def test_render_time_and_page_count(built):
    assert 30 <= len(built["pages"]) <= 40  # 100 000 characters are 25 of them
    assert built["seconds"] < 15


def test_english_follows_the_ui_language(english, tmp_path):
    pdf = render_catalogue(ad.catalogue(), tmp_path / "catalogue.pdf", printed_on=PRINTED)
    found = text(pdf)
    for expected in ("Activity catalogue 2026", "ACTIVITY CATALOGUE", "1 Key figures 2026",
                     "Participants who started an activity 59", "of whom men ..",
                     "2 Activities 2026", "3 Goal fulfilment", "Lead organisation",
                     "Started, by gender Number Women 14 Men .. Other or not stated <5",
                     "Page 1 ("):
        assert expected in found, expected
    assert "Sida" not in found and "Summa" not in found


def test_a_higher_threshold_in_the_charter_suppresses_more(tmp_path):
    data = ad.catalogue(threshold=10)
    pdf = render_catalogue(data, tmp_path / "tio.pdf", printed_on=PRINTED)
    found = text(pdf)
    assert "Annat eller uppgift saknas <10" in found and "Män <10" in found
    assert "<10: färre än 10 deltagare (1–9)" in found
    steg = found.split("5 Steg till arbete Inriktning", 1)[1]
    tables = steg.split("Deltagare 2026", 1)[1].split("Kategorier utan deltagare", 1)[0]
    assert not {str(n) for n in range(1, 10)} & set(tables.split())
    assert "Andel i arbete eller studier efter insatsen visas inte (bygger på antal " \
           "under 10)" in found  # studies 5, work 6
