"""The protocol (signed and web) and the extract, read back with pypdf."""

import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from finsam_desktop.reports.data import BallotLine, ParagraphBlock, VoteBlock
from finsam_desktop.reports.minutes_pdf import render_extract, render_minutes
from tests.reports import report_data as rd
from tests.reports.pdf_checks import page_texts, squash, text

KIND_SV = {"decision": "Beslutsärende", "information": "Informationsärende",
           "reported": "Anmälningsärende"}


@pytest.fixture
def signed(tmp_path):
    return render_minutes(rd.minutes(), tmp_path / "protokoll.pdf")


@pytest.fixture
def web(tmp_path):
    return render_minutes(rd.minutes(), tmp_path / "webb.pdf", variant="web")


def test_every_paragraph_has_its_heading_kind_dnr_and_decision(signed):
    found = text(signed)
    for block in rd.minutes().paragraphs:
        assert f"§ {block.number} {block.title}" in found
        if block.dnr:
            assert f"Dnr {block.dnr}" in found
        if block.decision:
            assert squash(block.decision) in found
    assert found.count("Beslutsärende") == sum(
        b.kind == "decision" for b in rd.minutes().paragraphs)
    assert "§ 109" not in found


def test_every_page_has_header_and_page_x_of_y(signed):
    pages = page_texts(signed)
    assert len(pages) > 3
    for number, page in enumerate(pages, start=1):
        assert f"Sida {number} ({len(pages)})" in page
        assert "SAMMANTRÄDESPROTOKOLL" in page
        assert "Samordningsförbundet Sydnärke" in page
        assert "Sammanträdesdatum 2026-11-20" in page
        assert "Ordförandes sign. Justerandes sign. Utdragsbestyrkande" in page


def test_first_page_has_the_attendance_and_signature_block(signed):
    first = page_texts(signed)[0]
    for expected in ("Plats och tid Galeasen 2, Hotell Norra Vättern, Askersund, 2026-11-20 "
                     "kl. 09.00–12.00",
                     "Beslutande Anna Berg, ordförande Region Örebro län",
                     "Per-Olof Åkesson, tjg ers för Ove Lund, ej § 91",
                     "Ej tjänstgörande ersättare Jonas Ek Kumla kommun",
                     "Övriga närvarande Lena Sjöberg Sekreterare",
                     "Frånvarande Ove Lund, anmält förhinder",
                     "Utses att justera Erik Ström",
                     "Justeringens tid och plats Kumla stadshus 2026-11-27"):
        assert expected in first
    assert re.search(r"Underskrifter Sekreterare Paragrafer § 84–108 Lena Sjöberg 2026-11-27 "
                     r"Ordförande Anna Berg 2026-11-27 Justerare Erik Ström 2026-11-28", first)


def test_anslag_bevis_block_with_dates_and_control_sum(signed):
    found = text(signed)
    for expected in ("ANSLAG/BEVIS",
                     "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
                     "Organ Styrelsen", "Paragrafer § 84–108",
                     "Datum för anslags uppsättande 2026-12-01",
                     "Datum för anslags nedtagande (tidigast) 2026-12-23",
                     "Sista dag för överklagande 2026-12-22",
                     "Förvaringsplats för protokollet Kumla stadshus", "Underskrift",
                     "Kontrollsumma: " + "3f9a" * 16):
        assert expected in found
    assert "Sista dag för överklagande: 2026-12-22." in found  # the appeal hint in § 90


def test_paragraph_details_are_worded_as_in_a_protocol(signed):
    found = text(signed)
    for expected in (
        "Rättelse av § 72 (2026-10-03)",
        "Karin Holm anmäler jäv och deltar inte i handläggningen av ärendet.",
        "Yrkanden Förslaget i föredragningslistan: att bevilja 1 250 000 kr för 2027 "
        "Mats Lindqvist yrkar: att ansökan avslås Yrkandet biträds av Sara Nyström.",
        "Propositionsordning Ordföranden ställer förslaget",
        "Omröstning Öppen omröstning (upprop).",
        "Ja-röst: bifall till förslaget. Nej-röst: bifall till Mats Lindqvists yrkande.",
        "Namn Ja Nej Avstår", "Summa 3 2 1", "Resultat: 3 ja, 2 nej, 1 avstår.",
        "Ja-sidan har vunnit omröstningen.",
        "Ordföranden använder sin utslagsröst.",
        "Sluten omröstning.", "Lottning avgör.", "Nej-sidan har vunnit omröstningen.",
        "Beslut Ärendet återremitteras.",
        "Reservation Mats Lindqvist reserverar sig mot beslutet. Insatsen saknar tydliga mål. "
        "Sara Nyström reserverar sig mot beslutet.",
        "Protokollsanteckning Mats Lindqvist lämnar följande protokollsanteckning: "
        "Prognosen bör redovisas per insats.",
        "Paragrafen justeras omedelbart.", "Deltar inte i denna paragraf: Per-Olof Åkesson",
        "Expediering: Region Örebro län, Kumla kommun",
        "Hur man överklagar Beslutet kan överklagas genom laglighetsprövning",
    ):
        assert expected in found, expected
    assert found.count("Paragrafen justeras omedelbart.") == 1


def test_web_variant_has_no_signatures_or_initials(signed, web):
    signed_text, web_text = text(signed), text(web)
    assert "Justerat protokoll – originalet med underskrifter finns hos förbundet." in web_text
    for private in ("Underskrift", "Ordförandes sign.", "Justerandes sign.",
                    "Utdragsbestyrkande", "2026-11-28"):
        assert private in signed_text
        assert private not in web_text
    assert "Sista dag för överklagande 2026-12-22" in web_text
    for block in rd.minutes().paragraphs:
        assert f"§ {block.number} {block.title}" in web_text


def test_unsealed_protocol_prints_blank_lines_and_no_control_sum(tmp_path):
    draft = rd.minutes(signers=(), posting=None, sealed=False, seal_hash="")
    found = text(render_minutes(draft, tmp_path / "utkast.pdf"))
    assert "Underskrifter Sekreterare Paragrafer § 84–108 Ordförande Justerare" in found
    assert "Kontrollsumma" not in found
    assert "Datum för anslags uppsättande Datum för anslags nedtagande" in found
    web = text(render_minutes(draft, tmp_path / "webb.pdf", variant="web"))
    assert "Protokollet är ännu inte justerat." in web


def test_a_heading_is_never_the_last_thing_on_a_page(tmp_path):
    blocks = tuple(ParagraphBlock(n, f"Ärende nummer {n}", "decision", dnr=f"2026/{n}",
                                  background="Bakgrund. " * (7 * (n % 13)),
                                  decision=f"Styrelsen beslutar i ärende {n}.")
                   for n in range(1, 121))
    pdf = render_minutes(rd.minutes(paragraphs=blocks), tmp_path / "lang.pdf")
    pages = page_texts(pdf)
    stranded = []
    for number, page in enumerate(pages, start=1):
        body = re.sub(r"Sida \d+ \(\d+\)$", "", page).strip()
        headings = list(re.finditer(r"§ (\d+) Ärende nummer \1 Dnr 2026/\1 Beslutsärende", body))
        if headings and not body[headings[-1].end():].strip():
            stranded.append(number)
    assert len(pages) > 10
    assert stranded == []


def test_long_roll_call_splits_with_repeated_header(tmp_path):
    ballots = tuple(BallotLine(f"Ledamot {i:03d}", ("yes", "no", "abstain")[i % 3])
                    for i in range(150))
    vote = VoteBlock("open", "bifall", "avslag", 50, 50, 50, ballots, winner="yes")
    blocks = (ParagraphBlock(84, "Stor omröstning", "decision", votes=(vote,),
                             decision="Styrelsen beslutar att bifalla."),)
    found = text(render_minutes(rd.minutes(paragraphs=blocks), tmp_path / "rosta.pdf"))
    assert all(f"Ledamot {i:03d} X" in found for i in range(150))
    assert found.count("Namn Ja Nej Avstår") >= 4
    assert "Summa 50 50 50" in found


def test_extract_has_only_its_paragraph_and_the_certification(tmp_path):
    pdf = render_extract(rd.minutes(), 90, tmp_path / "utdrag.pdf", certifier=rd.SECRETARY)
    found = text(pdf)
    assert "PROTOKOLLSUTDRAG" in found
    assert "§ 90 Ansökan om medel till insatsen Steget vidare" in found
    assert "Styrelsen beslutar att bevilja 1 250 000 kr till insatsen Steget vidare" in found
    assert "Plats och tid Galeasen 2" in found
    assert f"Rätt utdraget intygar {rd.SECRETARY}" in found
    assert ("Justerat Sekreterare Lena Sjöberg 2026-11-27 Ordförande Anna Berg 2026-11-27 "
            "Justerare Erik Ström 2026-11-28") in squash(found)
    for block in rd.minutes().paragraphs:
        if block.number != 90:
            assert f"§ {block.number} {block.title}" not in found
    assert "Ordförandes sign." not in found
    assert re.search(r"Sida 1 \(\d\)", found)


def test_extract_of_unsealed_minutes_has_no_signed_block(tmp_path):
    draft = rd.minutes(sealed=False)
    found = text(render_extract(draft, 91, tmp_path / "utdrag.pdf"))
    assert "§ 91 Budget 2027" in found and "Paragrafen justeras omedelbart." in found
    assert "Justerat " not in found
    assert "Rätt utdraget intygar" in found
    with pytest.raises(KeyError):
        render_extract(draft, 7, tmp_path / "saknas.pdf")
    assert not (tmp_path / "saknas.pdf").exists()


def test_metadata_language_and_reproducible_bytes(tmp_path):
    first = render_minutes(rd.minutes(), tmp_path / "a.pdf")
    second = render_minutes(rd.minutes(), tmp_path / "b.pdf")
    assert first.read_bytes() == second.read_bytes()
    reader = PdfReader(str(first))
    assert reader.metadata.author == "Samordningsförbundet Sydnärke"
    assert reader.metadata.title == "Sammanträdesprotokoll – Styrelsen 2026-11-20"
    assert "§ 84–108" in reader.metadata.subject
    assert reader.trailer["/Root"]["/Lang"] == "sv-SE"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf"]  # no .part


def test_english_labels(tmp_path, english):
    pdf = render_minutes(rd.minutes(), tmp_path / "minutes.pdf")
    pages = page_texts(pdf)
    assert f"Page 1 ({len(pages)})" in pages[0] and "MINUTES" in pages[0]
    assert "Chair's initials" in pages[0] and "Voting members" in pages[0]
    assert PdfReader(str(pdf)).trailer["/Root"]["/Lang"] == "en-GB"


def test_unknown_variant_is_refused(tmp_path):
    with pytest.raises(ValueError):
        render_minutes(rd.minutes(), tmp_path / "x.pdf", variant="draft")


def test_empty_protocol_renders(tmp_path):
    empty = replace(rd.minutes(), paragraphs=(), decision_makers=(), others_present=())
    found = text(render_minutes(empty, tmp_path / "tom.pdf"))
    assert "Beslutande –" in found
