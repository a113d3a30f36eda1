"""Every kind of PDF the app writes is PDF/A-2b, checked by two offline validators.

What is validated, and how (see also finsam_desktop/reports/pdfa.py):

- pikepdf's PDF/A validator (`pikepdf.pdfa.validate_written`, the veraPDF rules, pure
  Python; a test dependency) validates every kind of document as PDF/A-2b exactly as the
  app writes it, and must report no finding at all (not even "not checked").
- Apache PDFBox Preflight 2.0 (Debian: libpdfbox2-java) validates PDF/A-1b only. Every kind
  of document is written a second time with `pdfa.PART = 1` and must be valid PDF/A-1b; the
  PDF/A-2b files themselves are also given to Preflight, and the only complaint allowed is
  "7.11.2 part must be 1" (the identification says part 2).
  Preflight runs once (group mode) over all files. Without Java or the jars the test is
  skipped locally, but fails when FINSAM_REQUIRE_PDFA=1 (set by .ci/run, which installs
  them); FINSAM_PREFLIGHT_CLASSPATH may name the jars elsewhere.
- With pikepdf directly: XMP pdfaid part 2 / conformance B, dc:title / dc:creator /
  dc:description / dc:language equal to DocInfo Title / Author (the agency) / Subject and
  /Lang, the sRGB output intent, and only embedded TrueType fonts (FontFile2), no
  transparency.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import statistics
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from finsam_desktop import i18n
from finsam_desktop.reports import pdfa
from finsam_desktop.reports.data import AgencyInfo
from tests.reports import report_data as rd
from tests.reports.sv_labels import SV
from tests.reports.sv_labels_activities import SV_DOMAIN as SV_ACTIVITIES
from tests.reports.sv_labels_budget import SV_DOMAIN as SV_BUDGET
from tests.reports.sv_labels_register import SV_DOMAIN as SV_REGISTER

KINDS = ("notice", "minutes", "web-minutes", "extract", "decisions", "budget", "activities")
AGENCY = rd.AGENCY.name
PREFLIGHT_JARS = ("preflight.jar", "pdfbox2.jar", "fontbox2.jar", "xmpbox.jar",
                  "commons-logging.jar", "javax.activation.jar", "jaxb-api.jar")
A2_IN_PREFLIGHT = {("7.11.2", "Error on MetaData, part must be 1")}
STANDARD_14 = ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats")


def _swedish() -> None:
    i18n.set_language("sv")
    for table in (SV, SV_BUDGET, SV_ACTIVITIES, SV_REGISTER):
        i18n._catalog.update(table)


def _renderers() -> dict:
    """kind -> (the agency, render(out)): the same data for both parts, gathered once."""
    from finsam_desktop.reports.activities_pdf import render_catalogue
    from finsam_desktop.reports.budget_pdf import render_budget
    from finsam_desktop.reports.decision_register_pdf import render_decision_register
    from finsam_desktop.reports.extract_pdf import render_extract
    from finsam_desktop.reports.minutes_pdf import render_minutes
    from finsam_desktop.reports.notice_pdf import render_notice
    from finsam_desktop.services import activity_report
    from tests.reports import activities_data as ad
    from tests.reports import budget_data as bd
    from tests.reports.test_decision_register import register

    minutes, notice = rd.minutes(), rd.notice()
    budget = bd.report()
    catalogue = activity_report.gather(ad.build()[0], ad.YEAR)
    agency = AgencyInfo(name=AGENCY)
    printed = dt.date(2026, 11, 22)
    return {
        "notice": (AGENCY, lambda out: render_notice(notice, out)),
        "minutes": (AGENCY, lambda out: render_minutes(minutes, out)),
        "web-minutes": (AGENCY, lambda out: render_minutes(minutes, out, variant="web")),
        "extract": (AGENCY, lambda out: render_extract(minutes, 90, out,
                                                       certifier=rd.SECRETARY)),
        "decisions": (AGENCY, lambda out: render_decision_register(
            register(30), out, agency=agency, year=2026, printed_on=printed)),
        "budget": (budget.agency.name, lambda out: render_budget(budget, out,
                                                                 printed_on=printed)),
        "activities": (catalogue.agency.name, lambda out: render_catalogue(
            catalogue, out, printed_on=printed)),
    }


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """{(kind, part): path} for every kind written as PDF/A-2b and, for Preflight, as A-1b;
    {kind: agency} under the key "agency"."""
    from reportlab import rl_config

    folder = tmp_path_factory.mktemp("pdfa")
    _swedish()
    before, rl_config.invariant = rl_config.invariant, 1
    try:
        renderers = _renderers()
        written = {"agency": {kind: agency for kind, (agency, _) in renderers.items()}}
        for part in (2, 1):
            pdfa.PART = part
            for kind, (_, render) in renderers.items():
                written[kind, part] = render(folder / f"{kind}-a{part}.pdf")
    finally:
        pdfa.PART = 2
        rl_config.invariant = before
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    return written


# --- pikepdf: the A-2b files as written ---------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_pikepdf_validator_passes_every_kind_as_pdfa_2b(documents, kind):
    from pikepdf.pdfa import validate_written

    report = validate_written(documents[kind, 2], "2b")
    assert report.findings == [] and report.passed, report.summary()
    assert validate_written(documents[kind, 1], "1b").passed


@pytest.mark.parametrize("kind", KINDS)
def test_identification_metadata_and_output_intent(documents, kind):
    with pikepdf.open(documents[kind, 2]) as pdf:
        info = pdf.docinfo
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        agency = documents["agency"][kind]
        assert str(info.Author) == agency
        assert str(info.Title) and str(info.Subject)
        assert meta["dc:title"] == str(info.Title)
        assert meta["dc:creator"] == [agency]
        assert meta["dc:description"] == str(info.Subject)
        assert list(meta["dc:language"]) == ["sv-SE"] and str(pdf.Root.Lang) == "sv-SE"
        assert meta["pdf:Producer"] == str(info.Producer) == pdfa.producer()
        assert meta["xmp:CreatorTool"] == str(info.Creator) == "FINSAM Desktop"
        assert "/Keywords" not in info and "/Trapped" not in info
        assert "/Filter" not in pdf.Root.Metadata  # PDF/A: the XMP stays readable
        [intent] = pdf.Root.OutputIntents
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert profile.N == 3 and profile.read_bytes() == pdfa.icc_profile()
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        assert str(pdf.pdf_version) == "1.7"


@pytest.mark.parametrize("kind", KINDS)
def test_only_embedded_truetype_fonts_and_no_transparency(documents, kind):
    fonts = 0
    with pikepdf.open(documents[kind, 2]) as pdf:
        for obj in pdf.objects:
            if not isinstance(obj, pikepdf.Dictionary):
                continue
            if obj.get("/Type") == pikepdf.Name.Font:
                fonts += 1
                name = str(obj.BaseFont)
                assert not any(s in name for s in STANDARD_14), name
                assert obj.Subtype == pikepdf.Name.TrueType, name
                assert "/FontFile2" in obj.FontDescriptor, name
                assert name.split("+")[-1].startswith("DejaVuSans"), name
            assert obj.get("/SMask", pikepdf.Name.None_) == pikepdf.Name.None_
            for key in ("/CA", "/ca"):
                assert float(obj.get(key, 1)) == 1
            group = obj.get("/Group")
            assert group is None or group.get("/S") != pikepdf.Name.Transparency
    assert fonts >= 1


def test_english_documents_say_en_gb(tmp_path):
    from finsam_desktop.reports.notice_pdf import render_notice

    i18n.set_language("en")
    pdf = render_notice(rd.notice(), tmp_path / "notice.pdf")
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "en-GB"
        assert list(doc.open_metadata()["dc:language"]) == ["en-GB"]


def test_hostile_metadata_is_escaped_and_still_matches(tmp_path):
    from pikepdf.pdfa import validate_written

    from finsam_desktop.reports.notice_pdf import render_notice

    name = "Förbundet <b>&amp;</b> \x07 ]]> \"Ŋ\" 😀"
    data = rd.notice()
    data = dataclasses.replace(data, agency=dataclasses.replace(data.agency, name=name))
    pdf = render_notice(data, tmp_path / "notice.pdf")
    expected = "Förbundet <b>&amp;</b> ]]> \"Ŋ\" 😀"  # the bell is no XML character
    with pikepdf.open(pdf) as doc:
        assert str(doc.docinfo.Author) == expected
        assert doc.open_metadata()["dc:creator"] == [expected]
    assert validate_written(pdf, "2b").passed


def test_reproducible_with_invariant(tmp_path):
    from finsam_desktop.reports.notice_pdf import render_notice

    first = render_notice(rd.notice(), tmp_path / "a.pdf").read_bytes()
    assert render_notice(rd.notice(), tmp_path / "b.pdf").read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf"]


def test_post_processing_a_50_page_pdf_is_fast(tmp_path, monkeypatch):
    from finsam_desktop.reports.minutes_pdf import render_minutes

    seen = {}
    archive = pdfa.archive

    def spy(source, out, info, **kw):
        seen.update(source=source, info=info)
        return archive(source, out, info, **kw)

    monkeypatch.setattr(pdfa, "archive", spy)
    pdf = render_minutes(rd.minutes(190), tmp_path / "long.pdf")
    with pikepdf.open(pdf) as doc:
        assert len(doc.pages) >= 50
    times = []
    for _ in range(3):
        start = time.perf_counter()
        archive(seen["source"], tmp_path / "again.pdf", seen["info"])
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"\nPDF/A post-processing, {len(doc.pages)} pages: {median * 1000:.0f} ms")
    assert median < 1.0


# --- Apache PDFBox Preflight (PDF/A-1b) ---------------------------------------------------


def _preflight_classpath() -> str | None:
    configured = os.environ.get("FINSAM_PREFLIGHT_CLASSPATH")
    if configured:
        return configured
    jars = [Path("/usr/share/java") / jar for jar in PREFLIGHT_JARS]
    return os.pathsep.join(map(str, jars)) if all(j.exists() for j in jars) else None


def _preflight_or_skip() -> tuple[str, str]:
    java, classpath = shutil.which("java"), _preflight_classpath()
    if java and classpath:
        return java, classpath
    missing = "java" if not java else "PDFBox Preflight (" + ", ".join(PREFLIGHT_JARS) + ")"
    message = (f"{missing} not found: apt-get install default-jre-headless libpdfbox2-java "
               "libactivation-java libjaxb-api-java")
    if os.environ.get("FINSAM_REQUIRE_PDFA"):
        pytest.fail(message + " (FINSAM_REQUIRE_PDFA is set)")
    pytest.skip(message)


def _preflight(files: list[Path], folder: Path) -> dict[str, tuple[bool, set]]:
    """{file name: (valid, {(code, details)})} from one Preflight run over all files."""
    java, classpath = _preflight_or_skip()
    listing = folder / "files.txt"
    listing.write_text("".join(f"{f}\n" for f in files), encoding="utf-8")
    proc = subprocess.run([java, "-cp", classpath, "org.apache.pdfbox.preflight.Validator_A1b",
                           "xml", "group", str(listing)], capture_output=True, text=True,
                          timeout=300)
    result = folder / "files.txt.preflight.xml"
    assert result.exists(), proc.stdout + proc.stderr
    found = {}
    for node in ET.parse(result).getroot().iter("preflight"):
        errors = {(e.findtext("code"), e.findtext("details")) for e in node.iter("error")}
        found[node.get("name")] = (node.findtext("isValid") == "true", errors)
    return found


def test_pdfbox_preflight_validates_every_kind(documents, tmp_path):
    files = [documents[kind, part] for part in (1, 2) for kind in KINDS]
    results = _preflight(files, tmp_path)
    assert sorted(results) == sorted(f.name for f in files)
    for kind in KINDS:
        valid, errors = results[documents[kind, 1].name]
        assert valid and not errors, (kind, errors)
        valid, errors = results[documents[kind, 2].name]
        assert errors == A2_IN_PREFLIGHT, (kind, errors)


def test_preflight_catches_a_plain_reportlab_pdf(tmp_path):
    """The validator is not a rubber stamp: ReportLab's own output is no PDF/A."""
    from reportlab.pdfgen.canvas import Canvas

    plain = tmp_path / "plain.pdf"
    canvas = Canvas(str(plain))
    canvas.drawString(72, 72, "Helvetica, ej inbäddad")
    canvas.save()
    valid, errors = _preflight([plain], tmp_path)["plain.pdf"]
    assert not valid and errors
