"""`manage.py import_data USERNAME FILE`: import a file into an account, all of it or nothing.

The same path as the import page, with the same limits; `--large` lifts them, so that any
Bearing export, however large, can be restored into an empty account. A spreadsheet's
columns are matched as the page first proposes; `--columns` changes the matching and
`--day-first` / `--month-first` say how dates such as 03/04/2019 are written.
"""

from pathlib import Path
from typing import Any, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError

from accounts.models import Profile
from portability import columns as spreadsheet_columns
from portability import spreadsheet
from portability.limits import COMMAND, UNLIMITED
from portability.management.account import account_called
from portability.merge import apply_import, plan_import
from portability.problems import Rejected
from portability.reading import Upload, read_file, read_upload
from portability.spreadsheet import Table


class Command(BaseCommand):
    help = (
        "Import a Bearing export, a JSON Resume, a LinkedIn data archive (or one of its CSV "
        "files) or a spreadsheet of jobs (CSV) into a person's account."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be added; save nothing."
        )
        parser.add_argument(
            "--large",
            action="store_true",
            help="Lift the import page's limits (5 MB, 5000 entries a list, 200,000 links) "
            "for a Bearing export: to restore a large account's export whole.",
        )
        parser.add_argument(
            "--columns",
            default="",
            metavar="COLUMN=FIELD,…",
            help="For a spreadsheet: which field each column fills, where the proposed "
            "matching is wrong, e.g. 'Salary=pay_month,Notes=ignore' (columns by name or "
            f"letter; fields: {', '.join(spreadsheet_columns.TARGETS)}, ignore).",
        )
        order = parser.add_mutually_exclusive_group()
        order.add_argument(
            "--day-first",
            dest="day_first",
            action="store_const",
            const=True,
            help="For a spreadsheet: dates such as 03/04/2019 are 3 April 2019.",
        )
        order.add_argument(
            "--month-first",
            dest="day_first",
            action="store_const",
            const=False,
            help="For a spreadsheet: dates such as 03/04/2019 are March 4, 2019.",
        )

    def handle(
        self,
        *args: Any,
        username: str,
        file: str,
        dry_run: bool = False,
        large: bool = False,
        **options: Any,
    ) -> None:
        user = account_called(username)
        path = Path(file)
        limits = UNLIMITED if large else COMMAND
        upload = None
        try:
            with path.open("rb") as opened:
                data = read_file(opened, size=path.stat().st_size, limits=limits)
            upload = read_upload(data, name=path.name, limits=limits)
            del data  # a large file's bytes are not needed beside its document
            document = upload.document
            if upload.table is not None:
                self.match(upload, options.get("columns") or "", options.get("day_first"))
                built = upload.build(currency=Profile.for_user(user).currency)
                if not built.ok:
                    raise Rejected(spreadsheet.problems_of(built), more=built.more)
                document = built.document
                if built.currency_note:
                    upload.notes.append(built.currency_note)
            if dry_run:
                plan = plan_import(
                    user=user, document=cast(dict[str, Any], document), by_name=upload.by_name
                )
            else:
                plan = apply_import(
                    user=user, document=cast(dict[str, Any], document), by_name=upload.by_name
                )
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        except Rejected as rejected:
            lines = [f"{file} cannot be imported; nothing was saved."]
            lines += [f"  {problem}" for problem in rejected.problems]
            if rejected.more:
                lines.append(f"  …and {rejected.more} more.")
            if upload is not None and upload.table is not None:
                lines.append(
                    "  Change the matching with --columns, or say how dates are written with "
                    "--day-first or --month-first."
                )
            raise CommandError("\n".join(lines)) from None
        except IntegrityError:
            raise CommandError(
                f"{username}'s data changed during the import; nothing was saved. Try again."
            ) from None
        for note in upload.notes:
            self.stdout.write(note)
        verb = "Would add" if dry_run else "Added"
        self.stdout.write(f"{verb} from the {upload.source}: {plan.summary()}.")
        if plan.kept_summary():
            self.stdout.write(f"Already there, not added again: {plan.kept_summary()}.")
        if plan.undescribed:
            self.stdout.write(
                f"{plan.undescribed} of the jobs say nothing yet of what they gave or which "
                "skills they used; the dashboard scores them once they do (Account → Import → "
                "Jobs that need details)."
            )

    def match(self, upload: Upload, columns: str, day_first: bool | None) -> None:
        """The spreadsheet's matching: as proposed, changed by --columns and the day order."""
        try:
            chosen = spreadsheet_columns.parse_columns_option(columns, cast(Table, upload.table))
        except ValueError as error:
            raise CommandError(f"--columns: {error}.") from None
        matching = cast(dict[str, Any], upload.matching)  # a spreadsheet has its matching
        for index, target in chosen.items():
            matching["columns"][index] = target
        if day_first is not None:
            matching["day_first"] = day_first
        elif chosen:
            matching["day_first"] = spreadsheet_columns.told_order(
                cast(Table, upload.table), matching
            )
        self.stdout.write("Columns:")
        for line in spreadsheet_columns.describe(cast(Table, upload.table), matching):
            self.stdout.write(f"  {line}")
