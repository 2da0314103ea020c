"""How much one import may hold, so that no file can keep a worker busy for long.

The import page and `manage.py import_data` take the same path with the same limits; the
command's `--large` lifts them for a Bearing export (restoring a large account's backup),
which is then read, checked and written in bulk all the same.

Measured on 2 cores: a file at every limit of the page (200,000 links) is checked, previewed
and written in a few seconds; the cost grows with the links, not with the bytes alone.
"""

from dataclasses import dataclass, replace
from typing import Any

from portability.problems import MAX_PROBLEMS, Problem, Rejected

MB = 1024 * 1024
SHOWN = MAX_PROBLEMS - 1  # and, last, what to do about it


@dataclass(frozen=True)
class Limits:
    """The bounds of one import; None is no bound."""

    bytes: int | None = None  # the file's size
    entries: int | None = None  # entries in one list: jobs, goals, skills…
    links_per_entry: int | None = None  # skills, values, goals or contacts of one entry
    links: int | None = None  # every link in the file, added up
    beyond: str = ""  # what to do with a file beyond these limits

    @property
    def bytes_label(self) -> str:
        return f"{self.bytes // MB} MB" if self.bytes else "any size"

    def too_large(self) -> str:
        """The message for a file larger than `bytes`."""
        message = f"This file is larger than {self.bytes_label}, the most Bearing reads at once."
        return f"{message} {self.beyond}" if self.beyond else message


WEB = Limits(
    bytes=5 * MB,
    entries=5000,
    links_per_entry=500,
    links=200_000,
    beyond=(
        "A larger Bearing export can be restored whole from the command line by the "
        "server's administrator: manage.py import_data USERNAME FILE --large."
    ),
)
# The command line's default: the page's limits, and the way past them.
COMMAND = replace(WEB, beyond="To restore a larger Bearing export whole, run again with --large.")
UNLIMITED = Limits()

# Where a bearing-export document holds links, and how a message names them.
LINKS = {
    "directions": {"target_skills": "target skills", "values": "values"},
    "learning": {"skills": "skills"},
    "jobs": {"skills": "skills", "benefits": "values", "goals": "goals", "contacts": "contacts"},
}


def check_size(data: Any, limits: Limits) -> None:
    """Refuse a parsed bearing-export document that holds more than `limits` allow, before any
    of it is checked in detail: the problems name each limit passed, and where."""
    if not isinstance(data, dict):
        return
    totals: dict[tuple[str, str], int]
    problems, totals = [], {}
    for collection, value in data.items():
        if not isinstance(value, list):
            continue
        if limits.entries is not None and len(value) > limits.entries:
            problems.append(Problem(collection, f"more than {limits.entries} entries"))
        for index, entry in enumerate(value):
            if not isinstance(entry, dict):
                continue
            for name, label in LINKS.get(collection, {}).items():
                links = entry.get(name)
                if not isinstance(links, list):
                    continue
                totals[(collection, label)] = totals.get((collection, label), 0) + len(links)
                if limits.links_per_entry is not None and len(links) > limits.links_per_entry:
                    problems.append(
                        Problem(
                            f"{collection}[{index}].{name}",
                            f"more than {limits.links_per_entry} entries",
                        )
                    )
    total = sum(totals.values())
    if limits.links is not None and total > limits.links:
        biggest = sorted(totals.items(), key=lambda item: -item[1])[:3]
        parts = ", ".join(
            f"{count:,} from {collection} to their {label}"
            for (collection, label), count in biggest
            if count
        )
        problems.append(
            Problem(
                "",
                f"This file links its entries {total:,} times ({parts}); Bearing imports at "
                f"most {limits.links:,} links at once.",
            )
        )
    if problems:
        shown = problems[:SHOWN]
        if limits.beyond:
            shown.append(Problem("", limits.beyond))
        raise Rejected(shown, more=len(problems) - len(problems[:SHOWN]))
