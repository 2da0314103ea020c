"""JSON Resume (jsonresume.org, schema 1.0): read into a bearing document, and written.

work and volunteer become held jobs, education and certificates become learning, skills
(and their keywords) become skills. Sections Bearing has no place for (basics, languages…)
are left out, and the preview says so.
"""

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from careers.models import Learning, LearningKind, Skill
from core.words import fold_name
from jobs.models import EmploymentType, Job, Stage
from portability.document import FORMAT, VERSION, validate_converted
from portability.fields import join
from portability.problems import Origin, Problems, describe, partial_date, quoted

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
SECTIONS = {
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
}
# What a position has, paid or volunteer; the schema names the employer differently in each.
POSITION_KEYS = {"position", "url", "website", "startDate", "endDate", "summary", "highlights"}
ITEM_KEYS = {
    "work": {"name", "company", "location", "description", *POSITION_KEYS},
    "volunteer": {"organization", *POSITION_KEYS},
    "education": {
        "institution",
        "url",
        "area",
        "studyType",
        "startDate",
        "endDate",
        "score",
        "gpa",
        "courses",
    },
    "certificates": {"name", "date", "issuer", "url"},
    "skills": {"name", "level", "keywords"},
}
KINDS = {
    "degree": LearningKind.DEGREE,
    "course": LearningKind.COURSE,
    "certificate": LearningKind.CERTIFICATE,
    "self-study": LearningKind.SELF_STUDY,
    "self study": LearningKind.SELF_STUDY,
}
DATE_FORMS = "2020, 2020-01 or 2020-01-15"


class Reader:
    """Reads the sections of a résumé, recording every problem at its JSON path."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.problems = Problems()
        self.notes: list[str] = []

    def entries(self, section: str) -> list[tuple[str, dict[str, Any]]]:
        """(path, object) for each entry of a section, its keys checked against the schema."""
        value = self.data.get(section)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.add(section, f"expected a list, got {describe(value)}")
            return []
        result: list[tuple[str, dict[str, Any]]] = []
        for index, item in enumerate(value):
            path = f"{section}[{index}]"
            if not isinstance(item, dict):
                self.problems.add(path, f"expected an object, got {describe(item)}")
                continue
            for name in getattr(item, "duplicates", ()):
                self.problems.add(join(path, name), "appears twice in the same object")
            for name in item:
                if name not in ITEM_KEYS[section]:
                    self.problems.add(join(path, name), "unknown key")
            result.append((path, item))
        return result

    def text(self, item: dict[str, Any], path: str, name: str) -> str:
        value = item.get(name)
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problems.add(join(path, name), f"expected text, got {describe(value)}")
            return ""
        return value.strip()

    def texts(self, item: dict[str, Any], path: str, name: str) -> list[str]:
        value = item.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.problems.add(join(path, name), f"expected a list, got {describe(value)}")
            return []
        result: list[str] = []
        for index, entry in enumerate(value):
            if isinstance(entry, str):
                result.append(entry.strip())
            else:
                self.problems.add(
                    f"{join(path, name)}[{index}]", f"expected text, got {describe(entry)}"
                )
        return result

    def completed(self, item: dict[str, Any], path: str, name: str, today: date) -> str | None:
        """When education or a certificate was completed, or None while it goes on: an end
        after today (an expected graduation) is still to come, and is said in the notes."""
        completed = self.date(item, path, name)
        if completed and completed > today.isoformat():
            self.notes.append(
                f"{join(path, name)} is {completed}, after today, so it comes in as still going."
            )
            return None
        return completed

    def date(self, item: dict[str, Any], path: str, name: str) -> str | None:
        value = self.text(item, path, name)
        try:
            return partial_date(value)
        except ValueError:
            self.problems.add(join(path, name), f"{quoted(value)} is not a date like {DATE_FORMS}")
            return None


def from_resume(
    data: dict[str, Any], *, today: date | None = None
) -> tuple[dict[str, Any], list[str]]:
    """A JSON Resume as (canonical bearing document, notes for the person)."""
    today = today or timezone.localdate()
    reader = Reader(data)
    for name in getattr(data, "duplicates", ()):
        reader.problems.add(join("", name), "appears twice in the same object")
    for name in data:
        if name not in SECTIONS:
            reader.problems.add(join("", name), "unknown key: not a section of JSON Resume")
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "skills": [],
        "learning": [],
        "jobs": [],
    }
    origins: dict[str, Origin] = {}

    for section, employer_keys, employment_type in (
        ("work", ("name", "company"), EmploymentType.FULL_TIME),
        ("volunteer", ("organization",), EmploymentType.VOLUNTEER),
    ):
        for path, item in reader.entries(section):
            # Résumés from before schema 1.0 name the employer "company".
            employer_key = next((name for name in employer_keys if name in item), employer_keys[0])
            employer = reader.text(item, path, employer_key)
            lines = [reader.text(item, path, "summary")]
            lines += [f"- {line}" for line in reader.texts(item, path, "highlights") if line]
            origins[f"jobs[{len(document['jobs'])}]"] = Origin(
                path,
                {
                    "title": "position",
                    "employer": employer_key,
                    "started_on": "startDate",
                    "ended_on": "endDate",
                    "description": "summary",
                },
                joiner=".",
            )
            document["jobs"].append(
                {
                    "key": f"j{len(document['jobs']) + 1}",
                    "title": item.get("position") if "position" in item else None,
                    "employer": employer,
                    "employment_type": employment_type.value,
                    "stage": Stage.HELD.value,
                    "started_on": reader.date(item, path, "startDate"),
                    "ended_on": reader.date(item, path, "endDate"),
                    "description": "\n".join(line for line in lines if line),
                }
            )

    for path, item in reader.entries("education"):
        study = reader.text(item, path, "studyType")
        area = reader.text(item, path, "area")
        institution = reader.text(item, path, "institution")
        kind = KINDS.get(study.casefold(), LearningKind.DEGREE if study else LearningKind.COURSE)
        if study.casefold() in KINDS or not study:
            title, title_key = area or institution, "area" if area else "institution"
        else:
            title, title_key = " in ".join(filter(None, [study, area])), "studyType"
        origins[f"learning[{len(document['learning'])}]"] = Origin(
            path,
            {
                "title": title_key,
                "provider": "institution",
                "started_on": "startDate",
                "completed_on": "endDate",
            },
            joiner=".",
        )
        document["learning"].append(
            {
                "key": f"l{len(document['learning']) + 1}",
                "title": title,
                "provider": institution,
                "kind": kind.value,
                "started_on": reader.date(item, path, "startDate"),
                "completed_on": reader.completed(item, path, "endDate", today),
            }
        )

    for path, item in reader.entries("certificates"):
        origins[f"learning[{len(document['learning'])}]"] = Origin(
            path, {"title": "name", "provider": "issuer", "completed_on": "date"}, joiner="."
        )
        document["learning"].append(
            {
                "key": f"l{len(document['learning']) + 1}",
                "title": reader.text(item, path, "name"),
                "provider": reader.text(item, path, "issuer"),
                "kind": LearningKind.CERTIFICATE.value,
                "completed_on": reader.completed(item, path, "date", today),
            }
        )

    seen: set[str] = set()
    for path, item in reader.entries("skills"):
        names = [(join(path, "name"), reader.text(item, path, "name"))]
        names += [
            (f"{join(path, 'keywords')}[{index}]", keyword)
            for index, keyword in enumerate(reader.texts(item, path, "keywords"))
        ]
        for place, name in names:
            if name and fold_name(name) not in seen:
                seen.add(fold_name(name))
                origins[f"skills[{len(document['skills'])}]"] = Origin(place, {})
                document["skills"].append(name)

    validated = validate_converted(document, reader.problems, origins, today=today)
    left_out = sorted(
        name
        for name in SECTIONS
        - {"$schema", "meta", "work", "volunteer", "education"}
        - {"certificates", "skills"}
        if data.get(name)
    )
    notes = reader.notes
    if left_out:
        notes.append("Not imported, as Bearing has no place for them: " + ", ".join(left_out) + ".")
    return validated, notes


def resume_document(user: User) -> dict[str, Any]:
    """The person's held jobs, learning and skills as a JSON Resume. Three queries."""
    jobs = (
        Job.objects.owned_by(user)
        .held()
        .values("id", "title", "employer", "started_on", "ended_on", "description")
    )
    learning = Learning.objects.owned_by(user).values(
        "id", "title", "provider", "kind", "started_on", "completed_on"
    )
    skills = Skill.objects.owned_by(user).values_list("name", flat=True)
    return {
        "$schema": SCHEMA_URL,
        "basics": {"name": user.get_username()},
        "work": [
            present(
                {
                    "name": row["employer"],
                    "position": row["title"],
                    "startDate": iso(row["started_on"]),
                    "endDate": iso(row["ended_on"]),
                    "summary": row["description"],
                },
                always=("position",),
            )
            for row in newest_first(jobs)
        ],
        "education": [
            present(
                {
                    "institution": row["provider"],
                    "area": row["title"],
                    "studyType": LearningKind(row["kind"]).label,
                    "startDate": iso(row["started_on"]),
                    "endDate": iso(row["completed_on"]),
                },
                always=("area",),
            )
            for row in newest_first(learning)
        ],
        "skills": [{"name": name} for name in sorted(skills, key=lambda name: name.casefold())],
    }


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def present(entry: dict[str, Any], *, always: Collection[str] = ()) -> dict[str, Any]:
    """Leave out what is empty: JSON Resume has no null dates."""
    return {name: value for name, value in entry.items() if value or name in always}


def newest_first(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Newest start first, as a résumé reads; undated last; ties newest entered first."""
    return sorted(
        rows,
        key=lambda row: (
            row["started_on"] is None,
            -row["started_on"].toordinal() if row["started_on"] else 0,
            -row["id"],
        ),
    )
