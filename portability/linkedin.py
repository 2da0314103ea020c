"""LinkedIn's data archive ("Get a copy of your data"), read as real archives are written.

Positions (and Volunteering) become held jobs, Skills skills, and Education, Certifications
and Courses learning; every other file of the archive is named in the preview as skipped.
Dates come in every form those files use (`Aug 2018`, `August 2018`, `2018`, `Present`,
blank), read to the month: a start is the first day of its month (or year), an end the
last. Columns are matched whatever their case or order, extra columns are left alone, and a
space before a quoted field is not part of it.

The ZIP is read in memory; an archive with an unsafe path, too large once unpacked, or
compressed suspiciously well is refused whole. Nothing is ever written to disk.
"""

import datetime
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.utils import timezone

from careers.models import LearningKind
from core.words import counted, fold_name, joined
from jobs.models import EmploymentType, Stage
from portability import dates, tables
from portability.document import FORMAT, validate_converted
from portability.limits import WEB
from portability.problems import Origin, Problems, Rejected, quoted
from portability.text import UNICODE, decode

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 15 * 1024 * 1024
# Text compresses some ten to one; a member that claims a hundred to one is refused unread.
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024  # small files can compress very well without being a bomb
DATE_FORMS = "Jan 2020 or 2020"
SKIPPED_SHOWN = 12  # files of the archive named as skipped; the rest are counted

# The rows of one of LinkedIn's files: (row number, {column: cell}).
Rows = list[tuple[int, dict[str, str]]]


@dataclass(frozen=True)
class Kind:
    """One of LinkedIn's CSV files: its name, the columns that tell it, and the others read."""

    name: str
    required: tuple
    optional: tuple = ()
    kept: tuple = ()  # the columns whose content Bearing keeps (the others are named)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional

    def canonical(self, header: list[str]) -> list[str]:
        """The header's cells as this file names its columns (any case), others as written."""
        known = {fold_name(column): column for column in self.columns}
        return [known.get(fold_name(cell), cell) for cell in header]

    def told_by(self, header: list[str]) -> bool:
        keys = {fold_name(cell) for cell in header if cell}
        return {fold_name(column) for column in self.required} <= keys


POSITIONS = Kind(
    "Positions.csv",
    ("Company Name", "Title", "Started On"),
    ("Finished On", "Description", "Location"),
    kept=("Company Name", "Title", "Started On", "Finished On", "Description"),
)
EDUCATION = Kind(
    "Education.csv",
    ("School Name",),
    ("Start Date", "End Date", "Notes", "Degree Name", "Activities"),
    kept=("School Name", "Start Date", "End Date", "Degree Name"),
)
CERTIFICATIONS = Kind(
    "Certifications.csv",
    ("Name", "Authority"),
    ("Url", "Started On", "Finished On", "License Number"),
    kept=("Name", "Authority", "Started On"),
)
COURSES = Kind("Courses.csv", ("Name", "Number"), kept=("Name",))
SKILLS = Kind("Skills.csv", ("Name",), kept=("Name",))
VOLUNTEERING = Kind(
    "Volunteering.csv",
    ("Company Name", "Role", "Started On"),
    ("Cause", "Finished On", "Description"),
    kept=("Company Name", "Role", "Started On", "Finished On", "Description"),
)
# The order files are read and named in.
KINDS = (POSITIONS, VOLUNTEERING, SKILLS, EDUCATION, CERTIFICATIONS, COURSES)
BY_NAME = {kind.name.casefold(): kind for kind in KINDS}
# The order a single CSV's header is tried in: the most telling columns first.
TELLING = (POSITIONS, VOLUNTEERING, EDUCATION, CERTIFICATIONS, COURSES, SKILLS)
# Other files of the archive, told by their columns when one is uploaded on its own: Bearing
# has no place for them, and some (Projects, Job Applications) would otherwise pass for a
# spreadsheet of jobs.
ELSEWHERE = {
    "Connections.csv": ("First Name", "Last Name", "Connected On"),
    "Profile.csv": ("First Name", "Last Name", "Headline"),
    "messages.csv": ("Conversation ID", "From", "To"),
    "Languages.csv": ("Name", "Proficiency"),
    "Email Addresses.csv": ("Email Address", "Confirmed"),
    "Invitations.csv": ("From", "To", "Sent At"),
    "Projects.csv": ("Title", "Url", "Started On"),
    "Honors.csv": ("Title", "Issued On"),
    "Publications.csv": ("Name", "Published On"),
    "Recommendations_Received.csv": ("First Name", "Last Name", "Text"),
    "Endorsement_Received_Info.csv": ("Endorsement Date", "Skill Name"),
    "Job Applications.csv": ("Application Date", "Job Title"),
    "Saved Jobs.csv": ("Saved Date", "Job Url"),
}


# --- The archive ---------------------------------------------------------------------------


def is_unsafe(name: str) -> bool:
    """A member path that would land outside a folder it was unpacked into."""
    parts = re.split(r"[\\/]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", name)) or ".." in parts


def base_name(info: zipfile.ZipInfo) -> str:
    return re.split(r"[\\/]", info.filename.rstrip("/\\"))[-1]


def from_archive(
    data: bytes, *, today: datetime.date | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The archive's history as (canonical document, notes)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise Rejected.one(
            "This ZIP archive cannot be read: it is damaged or not a ZIP file."
        ) from None
    if len(members) > MAX_MEMBERS:
        raise Rejected.one(
            f"This archive holds more than {MAX_MEMBERS} files; it is not LinkedIn's."
        )
    unsafe = [info.filename for info in members if is_unsafe(info.filename)]
    if unsafe:
        raise Rejected.one(
            f"This archive holds a file with an unsafe path, {quoted(unsafe[0])}; it was not read."
        )
    wanted: dict[Kind, zipfile.ZipInfo]
    skipped: list[str]
    wanted, skipped = {}, []
    for info in members:
        if info.is_dir():
            continue
        kind = BY_NAME.get(base_name(info).casefold())
        if kind is None:
            skipped.append(base_name(info))
        elif kind in wanted:
            raise Rejected.one(f"This archive holds {kind.name} twice; it is not LinkedIn's.")
        else:
            wanted[kind] = info
    if not wanted:
        raise Rejected.one(not_linkedin(skipped))
    if sum(info.file_size for info in wanted.values()) > MAX_UNPACKED_BYTES:
        raise Rejected.one("This archive's files are too large once unpacked; it was not read.")
    texts = {kind: read_member(archive, info, kind.name) for kind, info in wanted.items()}
    return convert(texts, today=today, archive=True, skipped=skipped)


def not_linkedin(names: list[str]) -> str:
    """Why an archive with none of the files Bearing reads is refused."""
    lowered = {name.casefold() for name in names}
    if "workbook.xml" in lowered or "mimetype" in lowered and "content.xml" in lowered:
        return (
            "This is a spreadsheet workbook (Excel or LibreOffice), which Bearing does not "
            "read directly: save it as CSV (“CSV UTF-8” in Excel) and upload that file."
        )
    return (
        f"This ZIP archive holds none of the files Bearing reads ({files_read('or')}). Upload "
        "the archive from LinkedIn's “Get a copy of your data”."
    )


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> tuple[str, str]:
    """A member's text, read in memory and never beyond the limit, whatever its header says."""
    if info.flag_bits & 0x1:
        raise Rejected.one(f"{name} is protected by a password; upload the archive without one.")
    if info.file_size > MAX_MEMBER_BYTES:
        raise Rejected.one(f"{name} is too large once unpacked; it was not read.")
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise Rejected.one(
            f"{name} is compressed more than {MAX_RATIO} to 1, as a ZIP bomb is; it was not read."
        )
    try:
        with archive.open(info) as member:
            data = member.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError):
        raise Rejected.one(f"{name} cannot be unpacked: the archive is damaged.") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise Rejected.one(f"{name} is too large once unpacked; it was not read.")
    return decode(data)


# --- One CSV on its own --------------------------------------------------------------------


def kind_of(
    rows: list[tuple[int, list[str]]], *, job_columns: Callable[[list[str]], int]
) -> Kind | None:
    """The LinkedIn file whose columns one of the first rows names, or None.

    Skills.csv has one column, Name, which many other tables have too: a table is taken for
    it only when none of its other columns names something a job has (`job_columns`, the
    number of such columns). A row naming two or more of them first is a spreadsheet's
    header, and the rows under it are data, even one whose only cell is "Name"."""
    for _, cells in rows[: tables.HEADER_SEARCH]:
        named = job_columns(cells)
        for kind in TELLING:
            if kind.told_by(cells) and (kind is not SKILLS or not named):
                return kind
        if named >= 2:
            return None
    return None


def elsewhere(rows: list[tuple[int, list[str]]]) -> str | None:
    """The name of the archive's file Bearing has no place for whose columns one of the first
    rows names, or None."""
    for _, cells in rows[: tables.HEADER_SEARCH]:
        keys = {fold_name(cell) for cell in cells if cell}
        for name, columns in ELSEWHERE.items():
            if {fold_name(column) for column in columns} <= keys:
                return name
    return None


def no_place_for(name: str) -> str:
    return (
        f"This is LinkedIn's {name}, which Bearing has no place for. Upload the whole archive "
        f"(Bearing reads what it can use and names the rest), or {files_read('or')}."
    )


def files_read(word: str = "and") -> str:
    """The files of the archive Bearing reads, as a sentence names them."""
    return joined([kind.name for kind in KINDS], word)


def from_csv(
    kind: Kind, text: str, *, encoding: str, today: datetime.date | None = None
) -> tuple[dict[str, Any], list[str], str]:
    """One of LinkedIn's files on its own: (document, notes, source)."""
    document, notes = convert({kind: (text, encoding)}, today=today)
    return document, notes, f"LinkedIn {kind.name}"


def read_rows(text: str, kind: Kind, problems: Problems) -> tuple[Rows, Sequence[str]]:
    """(row number, {column: cell}) for each row under the one that names the columns (found
    in the first rows: LinkedIn puts notes above some tables); the columns in any case."""
    try:
        found = tables.rows(text, delimiter=",", limit=WEB.entries, name=kind.name)
    except Rejected as rejected:
        problems.extend(rejected.problems)
        return [], ()
    for index, (_, cells) in enumerate(found[: tables.HEADER_SEARCH]):
        if kind.told_by(cells):
            header = kind.canonical(cells)
            return [
                (number, dict(zip(header, cells, strict=False)))
                for number, cells in found[index + 1 :]
            ], header
    problems.add(kind.name, f"the first line should name the columns {', '.join(kind.required)}")
    return [], ()


def convert(
    texts: dict[Kind, tuple[str, str]],
    *,
    today: datetime.date | None,
    archive: bool = False,
    skipped: Sequence[str] = (),
) -> tuple[dict[str, Any], list[str]]:
    """{Kind: (text, encoding)} → (canonical document, notes)."""
    today = today or timezone.localdate()
    problems = Problems()
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": 1,
        "skills": [],
        "learning": [],
        "jobs": [],
    }
    reader = Reader(document, problems, today)
    notes: list[str]
    read: list[str]
    unkept: list[str]
    notes, read, unkept = [], [], []
    for kind in KINDS:
        if kind not in texts:
            continue
        text, encoding = texts[kind]
        rows, header = read_rows(text, kind, problems)
        read.append(f"{kind.name} ({counted(len(rows), 'row')})")
        if encoding not in UNICODE:
            notes.append(
                f"{kind.name} is not UTF-8 text; it was read as {encoding}. Check that "
                "accented letters look right below before you import."
            )
        READERS[kind](reader, rows)
        filled = [
            column
            for column in header
            if column and column not in kind.kept and any(row.get(column) for _, row in rows)
        ]
        if filled:
            unkept.append(f"{kind.name}'s {joined(filled)}")
    if archive:
        line = f"Read from the archive: {', '.join(read)}."
        missing = [kind.name for kind in KINDS if kind not in texts]
        if missing:
            line += f" Not in it: {', '.join(missing)}."
        notes.insert(0, line)
        if skipped:
            shown = sorted(skipped, key=str.casefold)[:SKIPPED_SHOWN]
            more = len(skipped) - len(shown)
            notes.insert(
                1,
                "Skipped, as Bearing has no place for them: "
                + ", ".join(shown)
                + (f" and {more} more" if more else "")
                + ".",
            )
    if unkept:
        notes.append(f"Not kept, as Bearing has no place for them: {'; '.join(unkept)}.")
    notes += reader.notes
    validated = validate_converted(document, problems, reader.origins, today=today)
    return validated, notes


# --- Rows into the document ------------------------------------------------------------------


class Reader:
    """Reads rows of LinkedIn's files into the document, recording where each entry came
    from and every problem at its place (`Positions.csv, row 4, Started On`)."""

    def __init__(self, document: dict[str, Any], problems: Problems, today: datetime.date) -> None:
        self.document = document
        self.problems = problems
        self.today = today
        self.origins: dict[str, Origin] = {}
        self.notes: list[str] = []

    def date(
        self, row: dict[str, str], column: str, place: str, *, end: bool = False
    ) -> str | None:
        """A cell as an ISO date: a start is the month's first day, an end its last; a blank
        end or `Present` is None (it goes on)."""
        value = row.get(column, "")
        try:
            written = dates.read(value)
        except dates.Ambiguous:
            self.problems.add(
                f"{place}, {column}",
                f"{quoted(value)} could be read two ways; write the month in letters, like "
                f"{DATE_FORMS}",
            )
            return None
        except dates.Unreadable as error:
            self.problems.add(
                f"{place}, {column}", f"{quoted(value)} {error}: write it like {DATE_FORMS}"
            )
            return None
        if written is dates.ONGOING_MARK:
            if end:
                return None
            self.problems.add(
                f"{place}, {column}",
                f"{quoted(value)} is not when it started: write the month it began, like "
                f"{DATE_FORMS}",
            )
            return None
        if written is None:
            return None
        written = cast(dates.Written, written)  # neither ONGOING_MARK nor None
        return (written.last() if end else written.first()).isoformat()

    def learned(self, row: dict[str, str], column: str, place: str) -> str | None:
        """When a piece of learning was completed: the end of its month, or None while it goes
        on (an end after today is still to come). In the month it ends, whose last day is
        still to come, it is completed today: a completion is never after today."""
        completed = self.date(row, column, place, end=True)
        value = row.get(column, "")
        # A completion date was read, so the value is a written date.
        if completed and cast(dates.Written, dates.read(value)).first() > self.today:
            self.notes.append(
                f"{place} ends in {value.strip()}, after today, so it comes in as still going."
            )
            return None
        if completed and completed > self.today.isoformat():
            return self.today.isoformat()
        return completed

    def learning(self, place: str, fields: dict[str, str], entry: dict[str, Any]) -> None:
        learning = self.document["learning"]
        self.origins[f"learning[{len(learning)}]"] = Origin(place, fields)
        learning.append({"key": f"l{len(learning) + 1}", **entry})

    def positions(self, rows: Rows) -> None:
        self.held(POSITIONS, rows, title="Title", noun="job")

    def volunteering(self, rows: Rows) -> None:
        self.held(
            VOLUNTEERING,
            rows,
            title="Role",
            noun="role",
            employment_type=EmploymentType.VOLUNTEER.value,
        )

    def held(
        self, kind: Kind, rows: Rows, *, title: str, noun: str, employment_type: str | None = None
    ) -> None:
        """Positions or volunteering roles as jobs held: `title` names the column of the
        title (only a position's is checked here; a role's empty title is named by the
        document's check), `noun` what the messages call one."""
        jobs = self.document["jobs"]
        for number, row in rows:
            place = f"{kind.name}, row {number}"
            if kind is POSITIONS and not row.get(title):
                self.problems.add(
                    f"{place}, {title}", "empty: every position needs a title; add it in the file"
                )
            if not row.get("Started On"):
                self.problems.add(
                    f"{place}, Started On",
                    f"empty: a {noun} you held needs the month it started, like {DATE_FORMS}",
                )
            self.origins[f"jobs[{len(jobs)}]"] = Origin(
                place,
                {
                    "title": title,
                    "employer": "Company Name",
                    "started_on": "Started On",
                    "ended_on": "Finished On",
                    "description": "Description",
                },
            )
            job: dict[str, Any] = {
                "key": f"j{len(jobs) + 1}",
                "title": row.get(title, ""),
                "employer": row.get("Company Name", ""),
                "stage": Stage.HELD.value,
                "started_on": self.date(row, "Started On", place),
                # A blank or "Present" end is how LinkedIn says the position goes on.
                "ended_on": self.date(row, "Finished On", place, end=True),
                "description": row.get("Description", ""),
            }
            if employment_type:
                job["employment_type"] = employment_type
            jobs.append(job)

    def skills(self, rows: Rows) -> None:
        names = self.document["skills"]
        seen = {fold_name(name) for name in names}
        for number, row in rows:
            name = row.get("Name", "")
            # Names that differ only in case or spacing are one skill, spelled as first met.
            if name and fold_name(name) not in seen:
                seen.add(fold_name(name))
                self.origins[f"skills[{len(names)}]"] = Origin(
                    f"{SKILLS.name}, row {number}, Name", {}
                )
                names.append(name)

    def education(self, rows: Rows) -> None:
        for number, row in rows:
            place = f"{EDUCATION.name}, row {number}"
            school, degree = row.get("School Name", ""), row.get("Degree Name", "")
            self.learning(
                place,
                {
                    "title": "Degree Name" if degree else "School Name",
                    "provider": "School Name",
                    "started_on": "Start Date",
                    "completed_on": "End Date",
                },
                {
                    "title": degree or school,
                    "provider": school,
                    "kind": (LearningKind.DEGREE if degree else LearningKind.COURSE).value,
                    "started_on": self.date(row, "Start Date", place),
                    "completed_on": self.learned(row, "End Date", place),
                },
            )

    def certifications(self, rows: Rows) -> None:
        for number, row in rows:
            place = f"{CERTIFICATIONS.name}, row {number}"
            # "Started On" is when it was issued, which is when the learning was done;
            # "Finished On" is when the certificate expires, which Bearing has no place for.
            self.learning(
                place,
                {"title": "Name", "provider": "Authority", "completed_on": "Started On"},
                {
                    "title": row.get("Name", ""),
                    "provider": row.get("Authority", ""),
                    "kind": LearningKind.CERTIFICATE.value,
                    "started_on": None,
                    "completed_on": self.learned(row, "Started On", place),
                },
            )

    def courses(self, rows: Rows) -> None:
        for number, row in rows:
            self.learning(
                f"{COURSES.name}, row {number}",
                {"title": "Name"},
                {
                    "title": row.get("Name", ""),
                    "provider": "",
                    "kind": LearningKind.COURSE.value,
                    "started_on": None,
                    "completed_on": None,
                },
            )


READERS = {
    POSITIONS: Reader.positions,
    VOLUNTEERING: Reader.volunteering,
    SKILLS: Reader.skills,
    EDUCATION: Reader.education,
    CERTIFICATIONS: Reader.certifications,
    COURSES: Reader.courses,
}
