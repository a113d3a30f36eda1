"""`finsam export calendar` and `finsam export invitation`: .ics files a calendar program
reads, and bad input giving exit 2 with a message and no file."""

import datetime as dt
import subprocess
import sys

import pytest
from icalendar import Calendar

from finsam_desktop.cli import main


def run(*args):
    """Run the real console entry point in a subprocess."""
    proc = subprocess.run([sys.executable, "-m", "finsam_desktop.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli-calendar") / "demo.sqlite"
    assert main(["demo", str(path), "--years", "2", "--seed", "3"]) == 0
    return path


def test_export_the_years_calendar(demo_db, tmp_path):
    year = dt.date.today().year
    out = tmp_path / "arshjul.ics"
    proc = run("--lang", "en", "export", "calendar", demo_db, "--year", year, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert f"Wrote Calendar {year} to {out}." in proc.stdout
    calendar = Calendar.from_ical(out.read_bytes())
    assert [str(t["TZID"]) for t in calendar.walk("VTIMEZONE")] == ["Europe/Stockholm"]
    events = calendar.walk("VEVENT")
    meetings = [e for e in events if str(e["UID"]).startswith("meeting-")
                and str(e["UID"]).split("@")[0].count("-") == 1]
    assert len(meetings) == 5  # the demo's five meetings a year
    assert all(e.decoded("DTSTART").year == year for e in events)
    assert str(meetings[0]["SUMMARY"]) == "Board meeting – Samordningsförbundet Mälarsund Väst"


def test_export_one_meetings_invitation(demo_db, tmp_path, capsys):
    main(["list", "meetings", str(demo_db), "--json"])
    import json

    upcoming = json.loads(capsys.readouterr().out)[-1]
    out = tmp_path / "kallelse.ics"
    assert run("export", "invitation", demo_db, "--meeting", upcoming["id"],
               "-o", out).returncode == 0
    [event] = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART").isoformat().startswith(upcoming["date"])
    assert "Mötets öppnande" in str(event["DESCRIPTION"])


def test_calendar_bad_input_gives_exit_2(demo_db, tmp_path):
    bad = [
        ("export", "calendar", demo_db, "-o", tmp_path / "a.ics"),
        ("export", "calendar", demo_db, "--year", 2026, "-o", tmp_path / "b.pdf"),
        ("export", "calendar", demo_db, "--year", 1999, "-o", tmp_path / "c.ics"),
        ("export", "calendar", demo_db, "--year", 2026, "--meeting", 1, "-o", tmp_path / "d.ics"),
        ("export", "calendar", tmp_path / "saknas.sqlite", "--year", 2026,
         "-o", tmp_path / "e.ics"),
        ("export", "invitation", demo_db, "-o", tmp_path / "f.ics"),
        ("export", "invitation", demo_db, "--meeting", 9999, "-o", tmp_path / "g.ics"),
        ("export", "invitation", demo_db, "--meeting", 1, "-o", tmp_path / "h.pdf"),
        ("export", "invitation", demo_db, "--meeting", 1, "--year", 2026,
         "-o", tmp_path / "i.ics"),
        ("export", "calendar", demo_db, "--year", "tjugo", "-o", tmp_path / "j.ics"),
    ]
    for args in bad:
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.strip(), args
    assert not list(tmp_path.iterdir())
