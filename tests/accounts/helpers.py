"""What the account tests share: sample files, uploads through the client, reading pages."""

import io
import json
import re
import zipfile
from html import unescape
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from careers.models import CareerDirection, CareerGoal, Contact, Learning, Skill
from jobs.models import Job

SAMPLES = Path(__file__).parent / "samples"


def sample(name):
    return (SAMPLES / name).read_bytes()


def zipped(members, *, compression=zipfile.ZIP_DEFLATED):
    """A ZIP archive, in memory, of {path: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for path, data in members.items():
            archive.writestr(path, data)
    return buffer.getvalue()


def folder_archive(name):
    """A ZIP of a corpus folder, as LinkedIn packs its archive: every file, in its folders."""
    root = SAMPLES / name
    return zipped(
        {
            str(path.relative_to(root)): path.read_bytes()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        }
    )


def linkedin_archive():
    """LinkedIn's archive as it comes: the three files among others, in the archive's root."""
    return zipped(
        {
            "Positions.csv": sample("Positions.csv"),
            "Skills.csv": sample("Skills.csv"),
            "Education.csv": sample("Education.csv"),
            "Connections.csv": b'Notes:\r\n"Some notes"\r\n\r\nFirst Name,Last Name\r\n'
            b"Ana,Ruiz\r\n",
            "Profile.csv": b"First Name,Last Name\r\nElena,Vidal\r\n",
        }
    )


def as_json(document):
    return json.dumps(document).encode()


def upload(client, data, name="history.json"):
    """Post a file to the import page, as the browser's form does."""
    return client.post(reverse("account_import"), {"file": SimpleUploadedFile(name, data)})


def text_of(response):
    """The page's visible text: tags dropped, entities decoded, white space folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def problems_shown(response):
    """The problems the import page lists, as the person reads them."""
    html = response.content.decode()
    block = re.search(
        r'<div class="alert alert-danger" role="alert" id="import-problems">(.*?)</div>', html, re.S
    )
    assert block, "no list of problems on the page"
    items = re.findall(r"<li>(.*?)</li>", block.group(1), re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", item)).split()) for item in items]


def rows_of(user):
    """How many rows of each kind the person has: for "nothing was saved"."""
    return {
        model.__name__: model.objects.filter(owner=user).count()
        for model in (Job, CareerDirection, CareerGoal, Learning, Contact, Skill)
    }


NOTHING = {
    name: 0 for name in ("Job", "CareerDirection", "CareerGoal", "Learning", "Contact", "Skill")
}


def document(**collections):
    """A bearing-export document holding just these collections (the rest empty)."""
    return {"format": "bearing-export", "version": 1, **collections}


def job(key="j1", **fields):
    return {"key": key, "title": "Waiter", "started_on": "2024-01-15", **fields}
