"""`finsam`: the headless command line, using the same services as the desktop app.

Exit codes: 0 success; 1 the database has problems (`check`); 2 bad input (missing or
foreign file, invalid JSON, wrong arguments, a missing or wrong passphrase). Errors are
printed as one readable message, never as a traceback.

Encrypted files: every command reads the passphrase of an encrypted file from the
environment variable FINSAM_PASSPHRASE, else asks for it (without echo) when run at a
terminal. It is never taken as an argument, where other users could see it in the list of
running programs, and never printed or logged.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from finsam_desktop import __version__
from finsam_desktop.domain.errors import (
    DamagedFileError,
    FinsamError,
    PassphraseNeededError,
    WrongPassphraseError,
)
from finsam_desktop.i18n import LANGUAGES, _, set_language

if TYPE_CHECKING:
    from finsam_desktop.services.exports import ExportJob

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2
PASSPHRASE_VARIABLE = "FINSAM_PASSPHRASE"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 on usage errors: keep it
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message}\n")


def _passphrase_for(path: Path) -> str | None:
    """The passphrase of an encrypted file (FINSAM_PASSPHRASE, else asked at a terminal);
    None for a plain file, and when there is no way to get one (the open then says so)."""
    from finsam_desktop.storage.store import needs_passphrase

    if not needs_passphrase(Path(path)):
        return None
    if os.environ.get(PASSPHRASE_VARIABLE):
        return os.environ[PASSPHRASE_VARIABLE]
    if not sys.stdin.isatty():
        return None
    import getpass

    return getpass.getpass(_("Passphrase for {path}: ").format(path=path)) or None


def _new_passphrase(args: argparse.Namespace) -> str | None:
    """With --encrypt, the new file's passphrase: FINSAM_PASSPHRASE, else typed twice at a
    terminal; None without --encrypt."""
    from finsam_desktop.services.maintenance import passphrase_problems

    if not args.encrypt:
        return None
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if passphrase:
        confirmation = passphrase
    elif sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(_("Passphrase for the new file: "))
        confirmation = getpass.getpass(_("The same passphrase again: "))
    else:
        raise FinsamError(_("--encrypt needs a passphrase: set the environment variable {name} "
                            "or run the command at a terminal to type it.").format(
                                name=PASSPHRASE_VARIABLE))
    problems = passphrase_problems(passphrase, confirmation)
    if problems:
        raise FinsamError(" ".join(problems))
    return passphrase


def _cmd_init(args: argparse.Namespace) -> int:
    from finsam_desktop.services.maintenance import create_database

    create_database(args.db, args.name, passphrase=_new_passphrase(args)).close()
    print(_("Created {path} for “{name}”.").format(path=args.db, name=args.name))
    if args.encrypt:
        print(_("The file is encrypted. Keep the passphrase safe: without it, nothing in the "
                "file or its backups can be recovered."))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from finsam_desktop.services.demo import build_demo
    from finsam_desktop.services.maintenance import create_database

    if not 1 <= args.years <= 40:
        raise FinsamError(_("--years must be between 1 and 40."))
    store = create_database(args.db, "Samordningsförbundet Mälarsund Väst")
    try:
        build_demo(store, years=args.years, seed=args.seed)
        if args.scale == "large":
            from finsam_desktop.services.demo_large import add_history

            added = add_history(store, years=args.years, seed=args.seed)
            print(_("Added {n} paragraphs of history for benchmarks.").format(n=added))
    finally:
        store.close()
    print(_("Created the demo agency in {path}.").format(path=args.db))
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from finsam_desktop.services.maintenance import check_database
    from finsam_desktop.storage.location import label as location_label

    try:
        report = check_database(args.db, _passphrase_for(args.db))
    except DamagedFileError as exc:
        print(_("Problems:"), file=sys.stderr)
        print(f"  - {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(_("Schema: {names}").format(names=", ".join(report.schema) or "—"))
    for label, value in report.facts:
        print(f"{label}: {value}")
    print(_("Location: {place}").format(place=location_label(report.location)))
    for note in report.notes:
        print(_("Note: {text}").format(text=note))
    if report.healthy:
        print(_("The database is healthy."))
        return EXIT_OK
    print(_("Problems:"), file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    return EXIT_PROBLEMS


def _cmd_dump(args: argparse.Namespace) -> int:
    from finsam_desktop.services.maintenance import dump_database, open_database

    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        text = dump_database(store)
    finally:
        store.close()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_load(args: argparse.Namespace) -> int:
    from finsam_desktop.services.maintenance import load_database

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FinsamError(_("The file “{path}” does not exist.").format(path=args.file)) from None
    except (UnicodeDecodeError, IsADirectoryError, PermissionError):
        raise FinsamError(_("“{path}” cannot be read as UTF-8 JSON text.").format(
            path=args.file)) from None
    load_database(args.db, text, passphrase=_new_passphrase(args)).close()
    print(_("Loaded {file} into {path}.").format(file=args.file, path=args.db))
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from finsam_desktop.services import backups
    from finsam_desktop.services.maintenance import open_database

    # read-only: also while the app has the file open
    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        path = (backups.backup_to(store, args.to) if args.to is not None
                else backups.make_backup(store, "manual"))
    finally:
        store.close()
    print(_("Wrote a verified backup of {db} to {path}.").format(db=args.db, path=path))
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from finsam_desktop.services import backups
    from finsam_desktop.services.maintenance import open_database

    passphrase = _passphrase_for(args.db)
    backups.check_backup(args.backup, target=args.db,  # before the database is opened
                         passphrase=passphrase or _passphrase_for(args.backup))
    store = open_database(args.db, passphrase=passphrase)
    try:
        restored = backups.restore_backup(store, args.backup)
    finally:
        store.close()
    print(_("Saved the state before the restore to {path}.").format(
        path=restored.safety_backup))
    print(_("Restored {db} from {backup}.").format(db=args.db, backup=args.backup))
    return EXIT_OK


def _cmd_list(args: argparse.Namespace) -> int:
    from finsam_desktop.services import listing
    from finsam_desktop.services.maintenance import open_database

    if args.year is not None and args.what not in ("meetings", "activities"):
        raise FinsamError(_("--year goes with “list meetings” and “list activities”."))
    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        if args.what == "meetings":
            rows = listing.meetings(store, args.year)
        elif args.what == "activities":
            rows = listing.activities(store, args.year)
        else:
            rows = listing.members(store) if args.what == "members" else listing.board(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print(listing.as_table(rows))
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from finsam_desktop.services import decisions
    from finsam_desktop.services.maintenance import open_database

    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        hits = decisions.search(store, args.query, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print(json.dumps([{
            "item_id": h.item_id, "meeting_id": h.meeting_id,
            "meeting_date": h.meeting_date.isoformat(), "paragraph": h.number, "title": h.title,
            "snippet": _marked(h.snippet, "[", "]"),
        } for h in hits], ensure_ascii=False, indent=1))
        return EXIT_OK
    for h in hits:
        number = f"§ {h.number}" if h.number else "—"
        print(f"{h.meeting_date.isoformat()}  {number:>6}  {_marked(h.title_marked, '«', '»')}")
        print(f"    {_marked(h.snippet, '«', '»').replace(chr(10), ' ')}")
    print(_("{n} hits.").format(n=len(hits)))
    return EXIT_OK


def _marked(text: str, start: str, end: str) -> str:
    from finsam_desktop.services.decisions import MARK_END, MARK_START

    return text.replace(MARK_START, start).replace(MARK_END, end)


def _cmd_import(args: argparse.Namespace) -> int:
    from finsam_desktop.services import budget_import, participants_import
    from finsam_desktop.services.maintenance import open_database

    store = open_database(args.db, take_over=args.take_over,
                          passphrase=_passphrase_for(args.db))
    try:
        if args.what == "participants":
            counts, _changes = participants_import.import_participants(store, args.file)
            names = [(a.id, a.name) for a in store.activities.activities.all()]
            for line in participants_import.summary_lines(counts, names):
                print(line)
            print(_("Imported {n} participant counts.").format(n=len(counts.entries)))
            return EXIT_OK
        plan, _changes = budget_import.import_actuals(store, args.file)
    finally:
        store.close()
    for year, entries in sorted(plan.entries.items()):
        print(_("Imported {n} actuals for {year}.").format(n=len(entries), year=year))
    return EXIT_OK


def _year_job(args: argparse.Namespace) -> ExportJob:
    """The job of a document chosen by --year (register, budget, catalogue, reports)."""
    from finsam_desktop.domain.values import parse_date
    from finsam_desktop.services import (
        activity_report,
        annual_report,
        budget_report,
        calendar_export,
        decision_exports,
    )
    from finsam_desktop.services.maintenance import open_database

    if args.year is None:
        raise FinsamError(_("“export {document}” needs --year Y.").format(
            document=args.document))
    if args.meeting is not None or args.paragraph is not None:
        raise FinsamError(_("“export {document}” takes --year, not --meeting or "
                            "--paragraph.").format(document=args.document))
    interim = args.document == "interim-report"
    if interim != (args.until is not None):
        raise FinsamError(_("--until YYYY-MM-DD is needed for “export interim-report” and only "
                            "there."))
    year, out = args.year, args.output
    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        if interim:
            return annual_report.interim_job(store, year, parse_date(args.until), out)
        make = {"decisions": decision_exports.register_job,
                "budget": budget_report.budget_job,
                "activities": activity_report.catalogue_job,
                "annual-report": annual_report.annual_job,
                "calendar": calendar_export.year_job}[args.document]
        return make(store, year, out)
    finally:
        store.close()


_YEAR_DOCUMENTS = ("decisions", "budget", "activities", "annual-report", "interim-report",
                   "calendar")


def _cmd_export(args: argparse.Namespace) -> int:
    job = _year_job(args) if args.document in _YEAR_DOCUMENTS else _meeting_job(args)
    _run_job(job, args.output)
    return EXIT_OK


def _run_job(job: ExportJob, out: Path) -> None:
    """Render, then name every file written (the web minutes' HTML beside the PDF)."""
    path = job.run(out)
    for written in (path, *job.companions(path)):
        print(_("Wrote {title} to {path}.").format(title=job.title, path=written))


def _meeting_job(args: argparse.Namespace) -> ExportJob:
    """The job of a meeting document: notice, minutes, web minutes, an extract or the
    calendar invitation."""
    from finsam_desktop.services import calendar_export, exports
    from finsam_desktop.services.maintenance import open_database

    if args.until is not None:
        raise FinsamError(_("--until goes with “export interim-report”."))
    if args.meeting is None:
        raise FinsamError(_("--meeting ID is needed for this document."))
    if args.year is not None:
        raise FinsamError(_("--year goes with “export decisions”, “budget”, “activities”, "
                            "“annual-report”, “interim-report” and “calendar”."))
    if (args.paragraph is not None) != (args.document == "extract"):
        raise FinsamError(_("--paragraph N is needed for “export extract” and only there."))
    store = open_database(args.db, read_only=True, passphrase=_passphrase_for(args.db))
    try:
        if args.meeting not in store.meetings.meetings.all_by_id():
            raise FinsamError(_("There is no meeting with id {id}; see “finsam list meetings”.")
                              .format(id=args.meeting))
        if args.document == "notice":
            job = exports.notice_job(store, args.meeting)
        elif args.document == "extract":
            job = exports.extract_job(store, args.meeting, args.paragraph)
        elif args.document == "invitation":
            calendar_export.check_suffix(args.output)
            job = calendar_export.invitation_job(store, args.meeting)
        else:
            variant = "web" if args.document == "web-minutes" else "signed"
            job = exports.minutes_job(store, args.meeting, variant)
    finally:
        store.close()
    return job


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for the README test)."""
    parser = _Parser(prog="finsam", description=_("FINSAM Desktop on the command line."))
    parser.add_argument("--version", action="version", version=f"finsam {__version__}")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=_("language of messages"))
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    init = sub.add_parser("init", help=_("create an empty agency database"))
    init.add_argument("db", type=Path)
    init.add_argument("--name", required=True, help=_("the agency's name"))
    init.add_argument("--encrypt", action="store_true", help=_(
        "encrypt the file (SQLCipher) with a passphrase from FINSAM_PASSPHRASE or typed twice"))
    init.set_defaults(run=_cmd_init)

    demo = sub.add_parser("demo", help=_("create a realistic demo agency"))
    demo.add_argument("db", type=Path)
    demo.add_argument("--years", type=int, default=8, help=_("years of history (default 8)"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (default 1)"))
    demo.add_argument("--scale", choices=["normal", "large"], default="normal",
                      help=_("large: add 5 000 paragraphs a year for benchmarks"))
    demo.set_defaults(run=_cmd_demo)

    check = sub.add_parser("check", help=_("check integrity, foreign keys and schema version"))
    check.add_argument("db", type=Path)
    check.set_defaults(run=_cmd_check)

    dump = sub.add_parser("dump", help=_("write the whole database as JSON"))
    dump.add_argument("db", type=Path)
    dump.add_argument("-o", "--output", type=Path, help=_("file to write (default: stdout)"))
    dump.set_defaults(run=_cmd_dump)

    load = sub.add_parser("load", help=_("create a new database from a JSON dump"))
    load.add_argument("db", type=Path)
    load.add_argument("file", type=Path)
    load.add_argument("--encrypt", action="store_true", help=_(
        "encrypt the new file (SQLCipher) with a passphrase from FINSAM_PASSPHRASE or typed "
        "twice"))
    load.set_defaults(run=_cmd_load)

    backup = sub.add_parser("backup", help=_("write a verified backup of the database"))
    backup.add_argument("db", type=Path)
    backup.add_argument("--to", type=Path, metavar="DIR",
                        help=_("folder to write it to (default: the database's backup folder, "
                               "where old backups are rotated)"))
    backup.set_defaults(run=_cmd_backup)

    restore = sub.add_parser("restore", help=_("replace the database's content with a backup "
                                              "(the current state is backed up first)"))
    restore.add_argument("db", type=Path)
    restore.add_argument("backup", type=Path, help=_("a backup written by FINSAM Desktop"))
    restore.set_defaults(run=_cmd_restore)

    listing = sub.add_parser("list", help=_("list members, the board sitting today, meetings or "
                                            "activities"))
    listing.add_argument("what", choices=["members", "board", "meetings", "activities"])
    listing.add_argument("db", type=Path)
    listing.add_argument("--year", type=int,
                         help=_("only meetings of this year, or activities running in it"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    listing.set_defaults(run=_cmd_list)

    export = sub.add_parser("export", help=_("write a meeting document, the decision register, "
                                              "the budget, the activity catalogue or the "
                                              "calendar"))
    export.add_argument("document",
                        choices=["notice", "minutes", "web-minutes", "extract", "invitation",
                                 "decisions", "budget", "activities", "annual-report",
                                 "interim-report", "calendar"])
    export.add_argument("db", type=Path)
    export.add_argument("--meeting", type=int, help=_("meeting id (see list meetings)"))
    export.add_argument("--year", type=int,
                        help=_("year of the decision register, the budget, the activity "
                               "catalogue, the reports or the calendar"))
    export.add_argument("--paragraph", type=int, help=_("§ number, for an extract"))
    export.add_argument("--until", metavar="YYYY-MM-DD",
                        help=_("last day covered by an interim report"))
    export.add_argument("-o", "--output", type=Path, required=True,
                        help=_("file to write (.pdf; for decisions also .xlsx or .csv, "
                               "for the budget and activities also .xlsx; .ics for the "
                               "calendar and the invitation)"))
    export.set_defaults(run=_cmd_export)

    importing = sub.add_parser("import", help=_("import actuals (XLSX) or participant counts "
                                                "(CSV or XLSX)"))
    importing.add_argument("what", choices=["actuals", "participants"])
    importing.add_argument("db", type=Path)
    importing.add_argument("file", type=Path, help=_("a file in the documented layout"))
    importing.add_argument("--take-over", action="store_true",
                           help=_("take over the lock of a program that stopped without "
                                  "closing the file (never that of one still running)"))
    importing.set_defaults(run=_cmd_import)

    search = sub.add_parser("search", help=_("search the minutes for words or a phrase"))
    search.add_argument("db", type=Path)
    search.add_argument("query", help=_('words (all must occur), "a phrase", or prefix*'))
    search.add_argument("--limit", type=int, default=50, help=_("most hits (default 50)"))
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    search.set_defaults(run=_cmd_search)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code."""
    args = build_parser().parse_args(argv)
    if args.lang:
        set_language(args.lang)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except FinsamError as exc:
        print(_("Error: {message}").format(message=exc), file=sys.stderr)
        if isinstance(exc, PassphraseNeededError) and not isinstance(exc, WrongPassphraseError):
            print(_("For an encrypted file, set the environment variable {name} to its "
                    "passphrase, or run the command at a terminal to type it.").format(
                        name=PASSPHRASE_VARIABLE), file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(_("Error: {message}").format(message=exc.strerror or exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except sqlite3.Error as exc:  # e.g. disk full or a file locked by another program
        print(_("Database error: {message}. Nothing was changed by the failed step.").format(
            message=exc), file=sys.stderr)
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    raise SystemExit(main())
