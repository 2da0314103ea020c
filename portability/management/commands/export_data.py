"""`manage.py export_data USERNAME [-o FILE]`: the person's bearing-export document."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from portability.export import export_json
from portability.management.account import account_called


class Command(BaseCommand):
    help = "Write everything a person entered as a bearing-export JSON document."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("-o", "--output", help="Write to this file instead of the output.")

    def handle(self, *args: Any, username: str, output: str | None = None, **options: Any) -> None:
        user = account_called(username)
        body = export_json(user)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(body)
            self.stderr.write(f"Wrote {username}'s export to {output}.")
        else:
            self.stdout.write(body, ending="")
