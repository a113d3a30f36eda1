"""The summons with its agenda, read back with pypdf."""

from dataclasses import replace

from finsam_desktop.reports.notice_pdf import render_notice
from tests.reports import report_data as rd
from tests.reports.pdf_checks import annotations, page_texts, raw_bytes_contain, squash, text


def test_notice_has_when_where_and_who(tmp_path):
    pdf = render_notice(rd.notice(), tmp_path / "kallelse.pdf")
    found = text(pdf)
    for expected in ("KALLELSE", "Kallelse till sammanträde",
                     "Styrelsen kallas till sammanträde.", "Datum 20 november 2026",
                     "Tid kl. 09.00–12.00", "Plats Galeasen 2, Hotell Norra Vättern, Askersund",
                     "Deltagande på distans https://meet.example.se/styrelsen-2026-11",
                     "Typ av sammanträde Ordinarie sammanträde",
                     "Kallade Medlem Ledamöter Ersättare",
                     "Region Örebro län Anna Berg Lars Ekholm",
                     "Askersunds kommun Ove Lund Per-Olof Åkesson",
                     "Ersättarna kallas att närvara även när de inte tjänstgör.",
                     "Kumla, 2026-11-12 Anna Berg Ordförande"):
        assert expected in found, expected
    assert "Ordförandes sign." not in found
    assert annotations(pdf) == [] and not raw_bytes_contain(pdf, b"/URI")


def test_agenda_items_are_numbered_with_kind_dnr_proposal_and_attachments(tmp_path):
    pdf = render_notice(rd.notice(), tmp_path / "kallelse.pdf")
    found = text(pdf)
    assert "Föredragningslista" in found
    kinds = {"decision": "Beslutsärende", "information": "Informationsärende",
             "reported": "Anmälningsärende"}
    for entry in rd.notice().agenda:
        head = f"{entry.position}. {entry.title}"
        head += f" Dnr {entry.dnr}" if entry.dnr else ""
        assert f"{head} {kinds[entry.kind]}" in found, head
        if entry.proposal:
            assert f"Förslag till beslut {squash(entry.proposal)}" in found
    assert ("Bilaga: Ansökan Steget vidare.pdf Bilaga: Beredningsgruppens yttrande.pdf"
            in found)
    pages = page_texts(pdf)
    assert all(f"Sida {n} ({len(pages)})" in p for n, p in enumerate(pages, start=1))


def test_notice_without_invited_or_sender(tmp_path):
    bare = replace(rd.notice(), invited=(), sender_name="", sender_title="", summoned_on=None,
                   agenda=rd.notice().agenda[:1])
    found = text(render_notice(bare, tmp_path / "kallelse.pdf"))
    assert "1. Mötets öppnande Informationsärende" in found
    assert "Kallade" not in found
