"""LinkedIn's data archive ("Get a copy of your data"): positions, skills and education read.

Positions become held jobs, skills become skills, education becomes learning. The ZIP is read
in memory and only Positions.csv, Skills.csv and Education.csv are opened (matched by name, in
any folder, in any case); an archive with an unsafe path, too large once unpacked, or
compressed suspiciously well is refused whole. Nothing is ever written to disk.
"""

import csv
import io
import itertools
import re
import zipfile
import zlib
from dataclasses import dataclass

from careers.models import LearningKind, fold_name
from jobs.models import Stage

from .document import FORMAT, validate_converted
from .limits import WEB
from .problems import Origin, Problems, Rejected, partial_date, quoted
from .text import NOT_READABLE, UNICODE, decode

MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 15 * 1024 * 1024
# Text compresses some ten to one; a member that claims a hundred to one is refused unread.
MAX_RATIO = 100
RATIO_FLOOR = 64 * 1024  # small files can compress very well without being a bomb
DATE_FORMS = "Jan 2020 or 2020"


@dataclass(frozen=True)
class Kind:
    """One of LinkedIn's CSV files: its name and the columns Bearing reads."""

    name: str
    required: tuple
    optional: tuple = ()


POSITIONS = Kind(
    "Positions.csv",
    ("Company Name", "Title", "Started On", "Finished On"),
    ("Description", "Location"),
)
SKILLS = Kind("Skills.csv", ("Name",))
EDUCATION = Kind(
    "Education.csv",
    ("School Name",),
    ("Start Date", "End Date", "Notes", "Degree Name", "Activities"),
)
KINDS = {kind.name.casefold(): kind for kind in (POSITIONS, SKILLS, EDUCATION)}


# --- The archive ---------------------------------------------------------------------------


def is_unsafe(name):
    """A member path that would land outside a folder it was unpacked into."""
    parts = re.split(r"[\\/]", name)
    return name.startswith(("/", "\\")) or bool(re.match(r"[A-Za-z]:", name)) or ".." in parts


def from_archive(data, *, today=None):
    """The archive's positions, skills and education as (canonical document, notes)."""
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
    wanted = {}
    for info in members:
        base = re.split(r"[\\/]", info.filename)[-1].casefold()
        if info.is_dir() or base not in KINDS:
            continue
        if base in wanted:
            raise Rejected.one(
                f"This archive holds {KINDS[base].name} twice; it is not LinkedIn's."
            )
        wanted[base] = info
    if not wanted:
        raise Rejected.one(
            "This ZIP archive holds none of Positions.csv, Skills.csv or Education.csv. "
            "Upload the archive from LinkedIn's “Get a copy of your data”."
        )
    if sum(info.file_size for info in wanted.values()) > MAX_UNPACKED_BYTES:
        raise Rejected.one("This archive's files are too large once unpacked; it was not read.")
    texts = {}
    for base, info in wanted.items():
        texts[KINDS[base]] = read_member(archive, info, KINDS[base].name)
    return convert(texts, today=today, source="the archive")


def read_member(archive, info, name):
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


def from_csv(text, *, encoding, today=None):
    """One of the three CSV files, told by its columns: (document, notes, source)."""
    kind = kind_of(text)
    document, notes = convert({kind: (text, encoding)}, today=today, source=None)
    return document, notes, f"LinkedIn {kind.name}"


def kind_of(text):
    first_rows = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in itertools.islice(reader, 5):
            first_rows.append(row)
    except csv.Error:
        pass  # read_rows says what is wrong, once the file is known by its header
    for row in first_rows:
        columns = {cell.strip() for cell in row}
        for kind in (POSITIONS, EDUCATION, SKILLS):
            if set(kind.required) <= columns:
                return kind
    raise Rejected.one(NOT_READABLE)


def read_rows(text, kind, problems):
    """(row number, {column: cell}) for each non-blank row; the header is found in the first
    five rows (LinkedIn puts notes above some tables). Row numbers count as a spreadsheet does."""
    rows = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        header = None
        for number, row in enumerate(reader, start=1):
            cells = [cell.strip() for cell in row]
            if header is None:
                if set(kind.required) <= set(cells):
                    header = cells
                elif number >= 5:
                    break
                continue
            if not any(cells):
                continue
            if len(rows) >= WEB.entries:
                problems.add(kind.name, f"more than {WEB.entries} rows")
                return []
            rows.append((number, dict(zip(header, cells, strict=False))))
    except csv.Error as error:
        problems.add(kind.name, f"not a readable CSV file ({error})")
        return []
    if header is None:
        columns = ", ".join(kind.required)
        problems.add(kind.name, f"the first line should name the columns {columns}")
    return rows


def convert(texts, *, today, source):
    """{Kind: (text, encoding)} → (canonical document, notes)."""
    problems = Problems()
    document = {"format": FORMAT, "version": 1, "skills": [], "learning": [], "jobs": []}
    origins = {}
    notes = []
    read = []
    for kind, (text, encoding) in texts.items():
        rows = read_rows(text, kind, problems)
        read.append(f"{kind.name} ({len(rows)} row{'' if len(rows) == 1 else 's'})")
        if encoding not in UNICODE:
            notes.append(
                f"{kind.name} is not UTF-8 text; it was read as {encoding}. Check that "
                "accented letters look right below before you import."
            )
        READERS[kind](rows, document, origins, problems)
    if source:
        missing = [kind.name for kind in (POSITIONS, SKILLS, EDUCATION) if kind not in texts]
        line = f"Read from {source}: {', '.join(read)}."
        if missing:
            line += f" Not in it: {', '.join(missing)}."
        notes.insert(0, line)
    validated = validate_converted(document, problems, origins, today=today)
    return validated, notes


def linkedin_date(row, column, place, problems):
    value = row.get(column, "")
    try:
        return partial_date(value, month_names=True)
    except ValueError:
        problems.add(f"{place}, {column}", f"{quoted(value)} is not a date like {DATE_FORMS}")
        return None


def read_positions(rows, document, origins, problems):
    for number, row in rows:
        place = f"{POSITIONS.name}, row {number}"
        origins[f"jobs[{len(document['jobs'])}]"] = Origin(
            place,
            {
                "title": "Title",
                "employer": "Company Name",
                "started_on": "Started On",
                "ended_on": "Finished On",
                "description": "Description",
            },
        )
        document["jobs"].append(
            {
                "key": f"j{len(document['jobs']) + 1}",
                "title": row.get("Title", ""),
                "employer": row.get("Company Name", ""),
                "stage": Stage.HELD.value,
                "started_on": linkedin_date(row, "Started On", place, problems),
                # A blank "Finished On" is how LinkedIn says the position goes on.
                "ended_on": linkedin_date(row, "Finished On", place, problems),
                "description": row.get("Description", ""),
            }
        )


def read_skills(rows, document, origins, problems):
    seen = {fold_name(name) for name in document["skills"]}
    for number, row in rows:
        name = row.get("Name", "")
        if name and fold_name(name) not in seen:
            seen.add(fold_name(name))
            origins[f"skills[{len(document['skills'])}]"] = Origin(
                f"{SKILLS.name}, row {number}, Name", {}
            )
            document["skills"].append(name)


def read_education(rows, document, origins, problems):
    for number, row in rows:
        place = f"{EDUCATION.name}, row {number}"
        school, degree = row.get("School Name", ""), row.get("Degree Name", "")
        origins[f"learning[{len(document['learning'])}]"] = Origin(
            place,
            {
                "title": "Degree Name" if degree else "School Name",
                "provider": "School Name",
                "started_on": "Start Date",
                "completed_on": "End Date",
            },
        )
        document["learning"].append(
            {
                "key": f"l{len(document['learning']) + 1}",
                "title": degree or school,
                "provider": school,
                "kind": (LearningKind.DEGREE if degree else LearningKind.COURSE).value,
                "started_on": linkedin_date(row, "Start Date", place, problems),
                "completed_on": linkedin_date(row, "End Date", place, problems),
            }
        )


READERS = {POSITIONS: read_positions, SKILLS: read_skills, EDUCATION: read_education}
