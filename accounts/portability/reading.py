"""An uploaded file, whatever it is, read into a canonical bearing-export document.

The kind is told from the content, not the name: a ZIP is a LinkedIn archive, JSON is a
Bearing export or a JSON Resume, other text is one of LinkedIn's CSV files. The size is
checked before the file is read, and no more than the limit is ever read.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal

from . import document as bearing
from . import linkedin, resume
from .limits import WEB
from .problems import Rejected
from .text import NOT_READABLE, UNICODE, decode

# What the import page reads (accounts.uploads stops reading an upload past it).
MAX_UPLOAD_BYTES = WEB.bytes
MAX_UPLOAD_LABEL = WEB.bytes_label
TOO_LARGE = WEB.too_large()


@dataclass
class Upload:
    """A file read and checked: the canonical document, what it was, and notes for the person."""

    document: dict
    source: str
    notes: list = field(default_factory=list)
    name: str = ""  # the file's name, as the person's computer gave it

    def as_session(self):
        return {
            "document": self.document,
            "source": self.source,
            "notes": self.notes,
            "name": self.name,
        }

    @classmethod
    def from_session(cls, data):
        return cls(**{key: data[key] for key in ("document", "source", "notes", "name")})


def read_file(file, *, size, limits=WEB):
    """The bytes of an open file, refused when larger than the limit, before it is read."""
    if limits.bytes is None:
        return file.read()
    if size is not None and size > limits.bytes:
        raise Rejected.one(limits.too_large())
    data = file.read(limits.bytes + 1)
    if len(data) > limits.bytes:
        raise Rejected.one(limits.too_large())
    return data


def read_upload(data, *, name="", today=None, limits=WEB):
    """Tell what the bytes are and read them. Rejected, with every problem, if anything is off.

    `limits` bound a Bearing export; the other formats are always read within the page's."""
    upload = read_content(data, today=today, limits=limits)
    upload.name = name[:200]
    return upload


def read_content(data, *, today, limits):
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
    document, notes, source = linkedin.from_csv(text, encoding=encoding, today=today)
    return Upload(document, source, notes)


class JSONObject(dict):
    """A JSON object that remembers the keys it held more than once (JSON allows it; we don't)."""

    duplicates = ()


def object_pairs(pairs):
    result = JSONObject()
    duplicates = []
    for name, value in pairs:
        if name in result and name not in duplicates:
            duplicates.append(name)
        result[name] = value
    if duplicates:
        result.duplicates = tuple(duplicates)
    return result


def refuse_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def loads(text):
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


def read_json(data, *, today=None, limits=WEB):
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
