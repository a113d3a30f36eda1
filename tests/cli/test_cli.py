"""The `finsam` command line: every command, and bad input giving exit 2 without a traceback."""

import json
import sqlite3
import subprocess
import sys

import pytest

from finsam_desktop.cli import build_parser, main


def run(*args):
    """Run the real console entry point in a subprocess."""
    proc = subprocess.run([sys.executable, "-m", "finsam_desktop.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["demo", str(path), "--years", "6", "--seed", "3"]) == 0
    return path


def test_init_then_check_is_healthy(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    assert main(["init", str(db), "--name", "Samordningsförbundet Ny"]) == 0
    assert main(["check", str(db)]) == 0
    out = capsys.readouterr().out
    assert "0001_organisation" in out


def test_demo_then_check_exits_zero(demo_db):
    proc = run("check", demo_db)
    assert proc.returncode == 0, proc.stderr


def test_list_members_and_board_as_json(demo_db, capsys):
    assert main(["list", "members", str(demo_db), "--json"]) == 0
    members = json.loads(capsys.readouterr().out)
    assert sum(m["share_ppm"] for m in members) == 1_000_000
    assert main(["list", "board", str(demo_db), "--json"]) == 0
    board = json.loads(capsys.readouterr().out)
    assert {r["role"] for r in board} == {"member", "deputy"}
    assert sum(r["function"] == "chair" for r in board) == 1


def test_list_as_text_is_a_table_in_swedish_by_default(demo_db, capsys):
    assert main(["list", "board", str(demo_db)]) == 0
    out = capsys.readouterr().out
    assert "Region Mälarsund" in out and "Ordförande" in out


def test_dump_load_dump_round_trips_identically(demo_db, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    assert run("dump", demo_db, "-o", first).returncode == 0
    assert run("load", tmp_path / "copy.sqlite", first).returncode == 0
    assert run("dump", tmp_path / "copy.sqlite", "-o", second).returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_dump_to_stdout_is_json(demo_db):
    proc = run("dump", demo_db)
    assert json.loads(proc.stdout)["format"] == "finsam-exchange"


def test_missing_file_gives_a_message_and_exit_2(tmp_path):
    proc = run("check", tmp_path / "saknas.sqlite")
    assert proc.returncode == 2
    assert "finns inte" in proc.stderr


def test_a_text_file_is_not_a_database(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("inte en databas")
    for command in (["check", bad], ["dump", bad], ["list", "members", bad]):
        proc = run(*command)
        assert proc.returncode == 2 and "SQLite" in proc.stderr


def test_json_with_wrong_types_is_refused_with_its_location(demo_db, tmp_path):
    document = json.loads(run("dump", demo_db).stdout)
    document["tables"]["members"][1]["population"] = "many"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    proc = run("load", tmp_path / "x.sqlite", bad)
    assert proc.returncode == 2
    assert "members" in proc.stderr and "population" in proc.stderr
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00binary", b"[1, 2]"])
def test_malformed_json_files_give_exit_2(tmp_path, content):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    proc = run("load", tmp_path / "x.sqlite", bad)
    assert proc.returncode == 2 and proc.stderr.strip()


def test_a_folder_that_does_not_exist_gives_a_message(tmp_path):
    proc = run("init", tmp_path / "saknas" / "x.sqlite", "--name", "Förbundet")
    assert proc.returncode == 2 and "kan inte öppnas" in proc.stderr


def test_init_refuses_to_overwrite(demo_db):
    proc = run("init", demo_db, "--name", "X")
    assert proc.returncode == 2 and "finns redan" in proc.stderr


def test_check_reports_a_broken_foreign_key_with_exit_1(tmp_path):
    db = tmp_path / "fk.sqlite"
    assert main(["init", str(db), "--name", "Förbundet"]) == 0
    conn = sqlite3.connect(db)  # a tool that ignores foreign keys damaged the file
    conn.execute("INSERT INTO staff (person_id, kind) VALUES (42, 'other')")
    conn.commit()
    conn.close()
    proc = run("check", db)
    assert proc.returncode == 1
    assert "staff" in proc.stderr and "people" in proc.stderr


def test_bad_arguments_exit_2(tmp_path):
    assert run("demo", tmp_path / "d.sqlite", "--years", "0").returncode == 2
    assert run("list", "everything", tmp_path / "d.sqlite").returncode == 2
    assert run().returncode == 2


def test_english_messages_on_request(tmp_path):
    proc = run("--lang", "en", "check", tmp_path / "missing.sqlite")
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_every_command_has_help():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) == {"init", "demo", "check", "dump", "load", "list", "export", "import",
                             "search", "backup", "restore"}
    for name in commands:
        assert run(name, "--help").returncode == 0


def _pdf_text(path):
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_list_meetings_by_year(demo_db, capsys):
    assert main(["list", "meetings", str(demo_db), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["status"] for r in rows} >= {"final"}
    years = {r["date"][:4] for r in rows}
    assert len(years) == 3
    year = sorted(years)[0]
    assert main(["list", "meetings", str(demo_db), "--year", year, "--json"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert only and all(r["date"].startswith(year) for r in only)
    assert only[0]["first_paragraph"] == 1


def _sealed_meeting(demo_db, capsys):
    main(["list", "meetings", str(demo_db), "--json"])
    rows = json.loads(capsys.readouterr().out)
    return next(r for r in rows if r["status"] == "final" and r["first_paragraph"] > 1)


def test_export_minutes_and_extract(demo_db, tmp_path, capsys):
    meeting = _sealed_meeting(demo_db, capsys)
    out = tmp_path / "protokoll.pdf"
    assert run("export", "minutes", demo_db, "--meeting", meeting["id"], "-o", out).returncode == 0
    text = _pdf_text(out)
    for number in range(meeting["first_paragraph"], meeting["last_paragraph"] + 1):
        assert f"§ {number}" in text
    assert meeting["last_appeal_day"] in text
    extract = tmp_path / "utdrag.pdf"
    number = meeting["first_paragraph"] + 8
    assert run("export", "extract", demo_db, "--meeting", meeting["id"], "--paragraph",
               number, "-o", extract).returncode == 0
    only = _pdf_text(extract)
    assert f"§ {number}" in only and f"§ {number + 1} " not in only


def test_export_notice_of_the_next_meeting(demo_db, tmp_path, capsys):
    main(["list", "meetings", str(demo_db), "--json"])
    rows = json.loads(capsys.readouterr().out)
    upcoming = rows[-1]
    out = tmp_path / "kallelse.pdf"
    assert run("export", "notice", demo_db, "--meeting", upcoming["id"], "-o", out).returncode == 0
    assert "Mötets öppnande" in _pdf_text(out)


def test_export_with_bad_input_gives_exit_2(demo_db, tmp_path, capsys):
    meeting = _sealed_meeting(demo_db, capsys)
    bad = [
        ("export", "minutes", demo_db, "--meeting", 999, "-o", tmp_path / "a.pdf"),
        ("export", "extract", demo_db, "--meeting", meeting["id"], "--paragraph", 9999,
         "-o", tmp_path / "b.pdf"),
        ("export", "extract", demo_db, "--meeting", meeting["id"], "-o", tmp_path / "c.pdf"),
        ("export", "notice", demo_db, "--meeting", meeting["id"], "--paragraph", 3,
         "-o", tmp_path / "d.pdf"),
        ("export", "minutes", demo_db, "--meeting", "x", "-o", tmp_path / "e.pdf"),
        ("list", "members", demo_db, "--year", 2020),
    ]
    for args in bad:
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.strip(), args
    assert not list(tmp_path.glob("*.pdf"))


def test_search_finds_words_and_phrases_in_swedish(demo_db, capsys):
    assert main(["search", str(demo_db), "avslås", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all("[avslås]" in h["snippet"] for h in hits)
    assert all(h["paragraph"] for h in hits)
    assert main(["search", str(demo_db), '"Steg till arbete"']) == 0
    out = capsys.readouterr().out
    assert "«Steg» «till» «arbete»" in out or "«Steg till arbete»" in out


def test_search_bad_input_gives_exit_2(demo_db, tmp_path):
    for query in ('""', "*", "   "):
        proc = run("search", demo_db, query)
        assert proc.returncode == 2 and proc.stderr.strip()
    assert run("search", tmp_path / "saknas.sqlite", "x").returncode == 2


def test_export_decisions_needs_a_year_and_a_known_format(demo_db, tmp_path):
    for args in (("export", "decisions", demo_db, "-o", tmp_path / "r.pdf"),
                 ("export", "decisions", demo_db, "--year", 2025, "-o", tmp_path / "r.docx"),
                 ("export", "decisions", demo_db, "--year", 1850, "-o", tmp_path / "r.csv"),
                 ("export", "decisions", demo_db, "--year", 2025, "--meeting", 1,
                  "-o", tmp_path / "r.csv"),
                 ("export", "minutes", demo_db, "--year", 2025, "-o", tmp_path / "m.pdf")):
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.strip(), args
    assert not list(tmp_path.iterdir())


def _this_year():
    import datetime as dt

    return dt.date.today().year


def test_export_budget_as_pdf_and_xlsx(demo_db, tmp_path, capsys):
    year = _this_year()
    for suffix in ("pdf", "xlsx"):
        out = tmp_path / f"budget.{suffix}"
        assert main(["export", "budget", str(demo_db), "--year", str(year), "-o", str(out)]) == 0
        assert out.stat().st_size > 2_000
    assert f"Verksamhetsplan med budget {year}" in capsys.readouterr().out


def test_export_budget_bad_input_gives_exit_2(demo_db, tmp_path):
    year = _this_year()
    for args in (("export", "budget", demo_db, "-o", tmp_path / "b.pdf"),
                 ("export", "budget", demo_db, "--year", 2090, "-o", tmp_path / "b.pdf"),
                 ("export", "budget", demo_db, "--year", year, "-o", tmp_path / "b.csv"),
                 ("export", "budget", demo_db, "--year", year, "--meeting", 1,
                  "-o", tmp_path / "b.pdf")):
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.strip(), args
    assert not list(tmp_path.iterdir())


def _actuals_file(path, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Utfall"
    sheet.append(["År", "Område", "Rad", "Period", "Belopp (kr)"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_import_actuals_writes_a_valid_file_and_nothing_of_a_bad_one(demo_db, tmp_path):
    import shutil

    from finsam_desktop.services.maintenance import open_database

    db = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, db)
    year = _this_year()
    bad = _actuals_file(tmp_path / "bad.xlsx", [[year, "", "Revision", "dec", 1500],
                                                [year, "", "Finns inte", "dec", 10],
                                                [year, "", "Revision", 14, 10]])
    proc = run("import", "actuals", db, bad)
    assert proc.returncode == 2
    assert "Rad 3:" in proc.stderr and "Rad 4:" in proc.stderr and "Finns inte" in proc.stderr
    store = open_database(db, read_only=True)
    try:
        audit = next(li for li in store.budget.lines_of(year) if li.name == "Revision")
        assert 12 not in store.budget.actuals(year).get(audit.id, {})
    finally:
        store.close()
    good = _actuals_file(tmp_path / "good.xlsx", [[year, "Revision", "Revision", "dec", 1500]])
    assert not (tmp_path / "backups").exists()  # a refused file needs no backup
    proc = run("import", "actuals", db, good)
    assert proc.returncode == 0, proc.stderr
    assert f"1 utfall för {year}" in proc.stdout
    assert len(list((tmp_path / "backups").glob("copy-*-before-import.sqlite"))) == 1
    store = open_database(db, read_only=True)
    try:
        assert store.budget.actuals(year)[audit.id][12] == 150_000
    finally:
        store.close()
    assert run("import", "actuals", db, tmp_path / "saknas.xlsx").returncode == 2


def test_list_activities_of_a_year_as_json(demo_db, capsys):
    year = _this_year()
    assert main(["list", "activities", str(demo_db), "--year", str(year), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 6
    assert {r["focus"] for r in rows} == {"individual", "structural"}
    assert all(len(r["parties"]) >= 2 and r["lead"] in r["parties"] for r in rows)
    assert any(r["decision"].startswith("§") for r in rows)
    assert main(["list", "activities", str(demo_db)]) == 0
    assert "Steg till arbete" in capsys.readouterr().out


def test_export_activities_as_pdf_and_xlsx(demo_db, tmp_path, capsys):
    year = _this_year()
    for suffix in ("pdf", "xlsx"):
        out = tmp_path / f"insatser.{suffix}"
        assert main(["export", "activities", str(demo_db), "--year", str(year),
                     "-o", str(out)]) == 0
        assert out.stat().st_size > 2_000
    assert f"Insatskatalog {year}" in capsys.readouterr().out
    for args in (("export", "activities", demo_db, "-o", tmp_path / "a.pdf"),
                 ("export", "activities", demo_db, "--year", 2090, "-o", tmp_path / "b.pdf"),
                 ("export", "activities", demo_db, "--year", year, "-o", tmp_path / "c.docx")):
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.strip(), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["insatser.pdf", "insatser.xlsx"]


def test_import_participants_checks_the_whole_file(demo_db, tmp_path):
    import shutil

    from finsam_desktop.services.maintenance import open_database

    db = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, db)
    bad = tmp_path / "bad.csv"
    bad.write_text("Insats;År;Period;Mått;Kategori;Antal\n"
                   "Steg till arbete;2030;Q1;Påbörjade efter kön;Kvinnor;4\n"
                   "Finns inte;2030;Q1;started_gender;women;4\n", encoding="utf-8")
    proc = run("import", "participants", db, bad)
    assert proc.returncode == 2 and "Rad 3:" in proc.stderr and "Finns inte" in proc.stderr
    assert "Rad 2:" not in proc.stderr  # Swedish labels are accepted
    good = tmp_path / "good.csv"
    good.write_text("Insats;År;Period;Mått;Kategori;Antal\n"
                    "Steg till arbete;2030;Q1;started_gender;women;4\n"
                    "Steg till arbete;2030;Q1;started_gender;men;3\n", encoding="utf-8")
    assert not (tmp_path / "backups").exists()  # a refused file needs no backup
    proc = run("import", "participants", db, good)
    assert proc.returncode == 0, proc.stderr
    assert len(list((tmp_path / "backups").glob("copy-*-before-import.sqlite"))) == 1
    store = open_database(db, read_only=True)
    try:
        assert sum(c.count for c in store.activities.counts(year=2030)) == 7
    finally:
        store.close()
    secret = tmp_path / "secret.csv"
    secret.write_text("Insats;År;Period;Mått;Kategori;Antal\n"
                      "Steg till arbete 850412-1234;2030;Q2;started_gender;women;1\n",
                      encoding="utf-8")
    proc = run("import", "participants", db, secret)
    assert proc.returncode == 2 and "personnummer" in proc.stderr
