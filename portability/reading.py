"""An uploaded file, whatever it is, read into a canonical bearing-export document.

The kind is told from the content, not the name: a ZIP is a LinkedIn archive, JSON is a
Bearing export or a JSON Resume, and other text is a CSV: one of LinkedIn's files when its
columns are theirs, else a spreadsheet of jobs, whose document is built from its table and
the matching of its columns (spreadsheet.py). The size is checked before the file is read,
and no more than the limit is ever read.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO, Any, NoReturn, cast

from portability import columns as spreadsheet_columns
from portability import document as bearing
from portability import linkedin, resume, spreadsheet, tables
from portability.limits import WEB, Limits
from portability.problems import Rejected
from portability.text import NOT_READABLE, UNICODE, decode

# What the import page reads (portability.uploads stops reading an upload past it).
MAX_UPLOAD_BYTES = cast(int, WEB.bytes)  # the page's limits have a size
MAX_UPLOAD_LABEL = WEB.bytes_label
TOO_LARGE = WEB.too_large()


@dataclass
class Upload:
    """A file read and checked: the canonical document, what it was, and notes for the person.

    A spreadsheet has no document of its own: it is built from `table` with `matching`
    (which the person may change in the preview) whenever it is needed."""

    document: dict | None
    source: str
    notes: list = field(default_factory=list)
    name: str = ""  # the file's name, as the person's computer gave it
    table: spreadsheet.Table | None = None
    matching: dict | None = None

    @property
    def by_name(self) -> tuple[str, ...]:
        """The collections an import matches by name: a spreadsheet names goals by title and
        contacts by name, and means the ones the person has."""
        return ("goals", "contacts") if self.table is not None else ()

    def build(self, *, currency: str | None, today: date | None = None) -> spreadsheet.Built:
        """A spreadsheet's document with its matching, or what stands in its way; pay that
        names no currency is read in `currency`, the account's."""
        # Only a spreadsheet is built, and it has its table and matching.
        return spreadsheet.build(
            cast(spreadsheet.Table, self.table),
            cast(dict[str, Any], self.matching),
            currency=currency,
            today=today,
        )

    def checked(self, *, currency: str | None = None, today: date | None = None) -> dict[str, Any]:
        """The canonical document, checked again; Rejected with every problem. `currency`:
        the account's, which a spreadsheet's pay without one is read in (a spreadsheet
        needs it)."""
        if self.table is None:
            return bearing.validate(self.document, today=today)
        built = self.build(currency=currency, today=today)
        if not built.ok:
            raise Rejected(spreadsheet.problems_of(built), more=built.more)
        return cast(dict[str, Any], built.document)  # built.ok: there is a document


def read_file(file: IO[bytes], *, size: int | None, limits: Limits = WEB) -> bytes:
    """The bytes of an open file, refused when larger than the limit, before it is read."""
    if limits.bytes is None:
        return file.read()
    if size is not None and size > limits.bytes:
        raise Rejected.one(limits.too_large())
    data = file.read(limits.bytes + 1)
    if len(data) > limits.bytes:
        raise Rejected.one(limits.too_large())
    return data


def read_upload(
    data: bytes, *, name: str = "", today: date | None = None, limits: Limits = WEB
) -> Upload:
    """Tell what the bytes are and read them. Rejected, with every problem, if anything is off.

    `limits` bound a Bearing export; the other formats are always read within the page's."""
    upload = read_content(data, today=today, limits=limits)
    upload.name = name[:200]
    return upload


def read_content(data: bytes, *, today: date | None, limits: Limits) -> Upload:
    if not data.strip():
        raise Rejected.one("The file is empty.")
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        document, notes = linkedin.from_archive(data, today=today)
        return Upload(document, "LinkedIn data archive", notes)
    text, encoding = decode(data)
    if text.lstrip()[:1] in ("{", "["):
        if encoding not in UNICODE:
            raise Rejected.one("This JSON file is not UTF-8 text; save it as UTF-8 and try again.")
        return read_json(loads(text), today=today, limits=limits)
    if "\x00" in text:
        raise Rejected.one(NOT_READABLE)
    return read_csv(text, encoding, today=today)


def read_csv(text: str, encoding: str, *, today: date | None) -> Upload:
    """One of LinkedIn's files, told by its columns; else a spreadsheet of jobs."""
    rows = tables.rows(text, limit=WEB.entries)
    other = linkedin.elsewhere(rows)
    if other is not None:
        raise Rejected.one(linkedin.no_place_for(other))
    kind = linkedin.kind_of(rows, job_columns=spreadsheet_columns.job_columns)
    if kind is not None:
        document, notes, source = linkedin.from_csv(kind, text, encoding=encoding, today=today)
        return Upload(document, source, notes)
    table = spreadsheet.read_table(text, rows)
    notes = []
    if table.own:
        notes.append("This is Bearing's own spreadsheet of jobs: every column is read as written.")
    if encoding not in UNICODE:
        notes.append(
            f"This file is not UTF-8 text; it was read as {encoding}. Check that accented "
            "letters look right below before you import."
        )
    if table.header_row > 1:
        notes.append(f"Row {table.header_row} names the columns; what is above it was skipped.")
    source = spreadsheet.OWN_SOURCE if table.own else spreadsheet.SOURCE
    return Upload(None, source, notes, table=table, matching=spreadsheet_columns.guess(table))


class JSONObject(dict):
    """A JSON object that remembers the keys it held more than once (JSON allows it; we don't)."""

    duplicates: tuple[str, ...] = ()


def object_pairs(pairs: list[tuple[str, Any]]) -> JSONObject:
    result = JSONObject()
    duplicates = []
    for name, value in pairs:
        if name in result and name not in duplicates:
            duplicates.append(name)
        result[name] = value
    if duplicates:
        result.duplicates = tuple(duplicates)
    return result


def refuse_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def loads(text: str) -> Any:
    """Parse JSON: exact decimals, NaN and Infinity refused, repeated keys remembered."""
    try:
        return json.loads(
            text,
            object_pairs_hook=object_pairs,
            parse_float=Decimal,
            parse_constant=refuse_constant,
        )
    except RecursionError:
        raise Rejected.one("This JSON file is nested too deeply to be a history.") from None
    except json.JSONDecodeError as error:
        raise Rejected.one(
            f"This file is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})."
        ) from None
    except ValueError as error:
        raise Rejected.one(f"This file is not valid JSON: {error}.") from None


def read_json(data: Any, *, today: date | None = None, limits: Limits = WEB) -> Upload:
    if isinstance(data, dict) and (
        "format" in data
        or "version" in data
        or data.keys()
        & {
            "profile",
            "directions",
            "goals",
            "learning",
            "contacts",
            "jobs",
        }
    ):
        return Upload(bearing.validate(data, today=today, limits=limits), "Bearing export")
    if isinstance(data, dict) and data.keys() & resume.SECTIONS:
        document, notes = resume.from_resume(data, today=today)
        return Upload(document, "JSON Resume", notes)
    if isinstance(data, dict):
        raise Rejected.one(
            'This JSON is neither a Bearing export (it has no "format": "bearing-export") '
            "nor a JSON Resume (it has no work, education or skills)."
        )
    raise Rejected.one("This JSON file holds a list, not a Bearing export or a JSON Resume.")
