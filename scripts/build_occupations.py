"""Build Bearing's occupation data file from the O*NET 28.2 text release.

    python scripts/build_occupations.py SOURCE [-o OUTPUT]

SOURCE is the folder of the O*NET 28.2 release as tab-separated text (first row the column
names): `Occupation Data.tsv`, `Alternate Titles.tsv`, `Sample of Reported Titles.tsv`,
`Skills.tsv`, `Knowledge.tsv`, `Technology Skills.tsv`, `Related Occupations.tsv`, `Job
Zones.tsv`, `Job Zone Reference.tsv`, `Read Me.txt`, and `SOURCE.md` with the attribution
the licence requires; the release is not
part of the repository, so SOURCE is always given. OUTPUT defaults to
`careers/data/occupations.jsonl.gz`, the file Bearing reads at run time (`make occupations
ONET=SOURCE` runs this script with that default).

The file is gzipped JSON lines (`zcat careers/data/occupations.jsonl.gz | head -2` shows
the start): a header, then one occupation a line, so that Bearing can read one at a time:

    {"format": "bearing-occupations", "version": 2,
     "source": "O*NET 28.2 Database (February 2024 Release)",
     "attribution": "This site includes information from the O*NET 28.2 Database ...",
     "elements": [["skill", "Active Learning"], ..., ["knowledge", "Transportation"]],
     "means": [53, ...],                       # each element's mean importance
     "zones": [{"zone": 1, "name": "Little or no preparation needed",
                "experience": "...", "education": "...", "training": "...",
                "examples": "..."}, ...]}
    {"code": "35-3031.00", "title": "Waiters and Waitresses",
     "alternate": [["Waiter", 3], ...],        # title, how many O*NET sources give it
     "reported": [["Waiter", true], ...],      # title, shown in O*NET's My Next Move
     "skills": [["Active Listening", 69], ...],     # importance 0-100, highest first
     "knowledge": [["Customer and Personal Service", 84], ...],
     "technology": [["Facebook", true], ...],  # name, hot technology; hot first
     "borrowed_from": null,
     "zone": 2,                                # Job Zone 1-5, or null
     "profile": [47, 69, ...]}                 # importance of each element, or null

What is kept, and how:

- Occupations in code order, no descriptions. All text has its runs of white space folded.
- Alternate titles, and their short forms ("CEO" of "CEO (Chief Executive Officer)") as
  titles of their own; a title is kept once per occupation (compared case-insensitively),
  with the most sources, and a title equal to the occupation's own title is left out.
  Sorted case-insensitively. Reported titles likewise.
- Skills and knowledge: the importance rows (`Scale ID` = `IM`, 1 to 5) except those
  marked `Recommend Suppress` = `Y`, as O*NET OnLine shows them: round((IM - 1) / 4 * 100),
  computed exactly in decimal and rounded half up (4.62 -> 90.5 -> 91). Highest first, then
  by name.
- Every technology example, with its hot flag; hot ones first, then by name.
- `borrowed_from`: an occupation with no ratings of its own names the closest related
  occupation that has them (`Related Occupations.tsv`: tier Primary-Short, then
  Primary-Long, then Supplemental; within a tier by the file's Index). Bearing reads the
  ratings from there. null when the occupation has ratings, or no related one has.
- `zone`: the occupation's Job Zone (`Job Zones.tsv`: how much preparation it needs, 1 to
  5), or null when O*NET gives none. The header's `zones` say what each zone means, from
  `Job Zone Reference.tsv` ("Job Zone Two: Some Preparation Needed" is kept as "Some
  preparation needed").
- `profile`: what the bridges (alignment.bridges) compare, for each occupation with ratings
  of its own: the importance of every skill and knowledge area, in the order of the
  header's `elements` (skills, then knowledge areas, each by name). A rating O*NET marks
  unreliable, or does not give, counts as the element's mean (the header's `means`: the
  mean importance of the element over the occupations that rate it, rounded half up), so
  that it neither adds to nor takes from a comparison. null for an occupation that borrows
  its ratings (Bearing uses its lender's profile) or has none.

The output depends on the input only: the same release gives a byte-identical file (the
gzip header carries no name and no time).
"""

import argparse
import csv
import gzip
import io
import json
import re
import sys
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "careers" / "data" / "occupations.jsonl.gz"

FORMAT = "bearing-occupations"
VERSION = 2
CODE = "O*NET-SOC Code"
TIERS = {"Primary-Short": 0, "Primary-Long": 1, "Supplemental": 2}


def read(source, name):
    """The rows of one TSV file as dicts (the files use no quoting)."""
    with open(source / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def clean(text):
    """Text with runs of white space folded to one space, and trimmed."""
    return " ".join(text.split())


def fold(text):
    return clean(text).casefold()


def importance(value):
    """O*NET's 1-5 importance on the 0-100 scale: round((IM - 1) / 4 * 100), half up."""
    exact = (Decimal(value) - 1) / 4 * 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def attribution(source):
    """The attribution of SOURCE.md (its quoted paragraph), with the bracket filled in."""
    lines = (source / "SOURCE.md").read_text(encoding="utf-8").splitlines()
    quoted = [line[1:].strip() for line in lines if line.startswith(">")]
    text = " ".join(part for part in quoted if part)
    if "[Bearing]" not in text:
        raise SystemExit("SOURCE.md: no quoted attribution with [Bearing] in it")
    return text.replace("[Bearing]", "Bearing")


def release(source):
    """ "O*NET 28.2 Database (February 2024 Release)", from the first two lines of Read Me."""
    lines = (source / "Read Me.txt").read_text(encoding="utf-8").splitlines()
    return f"{lines[0].strip()} ({lines[1].strip()})"


def titles(pairs, better):
    """[[title, weight]] once per folded title, the better weight kept; sorted by title."""
    kept = {}
    for title, weight in pairs:
        title = clean(title)
        key = fold(title)
        if key and (key not in kept or better(weight, kept[key][1])):
            kept[key] = (title, weight)
    return [list(kept[key]) for key in sorted(kept, key=lambda key: (key, kept[key][0]))]


def ratings(source, name):
    """code → [[element name, importance 0-100]], highest first, suppressed rows dropped."""
    found = defaultdict(list)
    for row in read(source, name):
        if row["Scale ID"] == "IM" and row["Recommend Suppress"] != "Y":
            found[row[CODE]].append((clean(row["Element Name"]), importance(row["Data Value"])))
    return {
        code: [list(pair) for pair in sorted(pairs, key=lambda pair: (-pair[1], pair[0]))]
        for code, pairs in found.items()
    }


def half_up(value):
    """A Fraction at least 0, rounded to a whole number, halves up."""
    return int((value * 2 + 1) // 2)


def zone_reference(source):
    """What each Job Zone means: [{"zone", "name", "experience", "education", "training",
    "examples"}], by zone. "Job Zone Two: Some Preparation Needed" → "Some preparation
    needed"."""
    found = []
    for row in read(source, "Job Zone Reference.tsv"):
        name = clean(row["Name"]).split(":", 1)[-1].strip()
        found.append(
            {
                "zone": int(row["Job Zone"]),
                "name": name[:1] + name[1:].lower(),
                "experience": clean(row["Experience"]),
                "education": clean(row["Education"]),
                "training": clean(row["Job Training"]),
                "examples": clean(row["Examples"]),
            }
        )
    return sorted(found, key=lambda item: item["zone"])


def profiles(skills, knowledge):
    """The elements (["skill", name] then ["knowledge", name], each by name), each one's
    mean importance over the occupations that rate it (half up), and code → the importance
    of every element in that order, the mean where the occupation has no rating."""
    elements = [["skill", name] for name in sorted({n for r in skills.values() for n, _ in r})]
    elements += [
        ["knowledge", name] for name in sorted({n for r in knowledge.values() for n, _ in r})
    ]
    rated = {}
    for kind, table in (("skill", skills), ("knowledge", knowledge)):
        for code, pairs in table.items():
            rated.setdefault(code, {}).update({(kind, name): value for name, value in pairs})
    means = []
    for kind, name in elements:
        values = [found[kind, name] for found in rated.values() if (kind, name) in found]
        means.append(half_up(Fraction(sum(values), len(values))))
    return (
        elements,
        means,
        {
            code: [
                found.get((kind, name), mean)
                for (kind, name), mean in zip(elements, means, strict=True)
            ]
            for code, found in rated.items()
        },
    )


def build(source):
    """The data file's document, from the release in `source`."""
    occupations = {row[CODE]: clean(row["Title"]) for row in read(source, "Occupation Data.tsv")}
    for code in occupations:
        if not re.fullmatch(r"\d{2}-\d{4}\.\d{2}", code):
            raise SystemExit(f"Occupation Data.tsv: {code!r} is not an O*NET-SOC code")

    alternate = defaultdict(list)
    for row in read(source, "Alternate Titles.tsv"):
        sources = len([part for part in row["Source(s)"].split(",") if part.strip()])
        alternate[row[CODE]].append((row["Alternate Title"], sources))
        if row["Short Title"].strip():
            alternate[row[CODE]].append((row["Short Title"], sources))
    reported = defaultdict(list)
    for row in read(source, "Sample of Reported Titles.tsv"):
        reported[row[CODE]].append((row["Reported Job Title"], row["Shown in My Next Move"] == "Y"))

    skills = ratings(source, "Skills.tsv")
    knowledge = ratings(source, "Knowledge.tsv")
    rated = set(skills) | set(knowledge)

    technology = defaultdict(dict)
    for row in read(source, "Technology Skills.tsv"):
        name = clean(row["Example"])
        hot = row["Hot Technology"] == "Y"
        technology[row[CODE]][name] = technology[row[CODE]].get(name, False) or hot

    related = defaultdict(list)
    for row in read(source, "Related Occupations.tsv"):
        rank = (TIERS[row["Relatedness Tier"]], int(row["Index"]))
        related[row[CODE]].append((rank, row["Related O*NET-SOC Code"]))

    zones = {row[CODE]: int(row["Job Zone"]) for row in read(source, "Job Zones.tsv")}
    elements, means, profile = profiles(skills, knowledge)

    def borrowed_from(code):
        if code in rated:
            return None
        return next((other for _, other in sorted(related[code]) if other in rated), None)

    entries = []
    for code in sorted(occupations):
        title = occupations[code]
        own = fold(title)
        entries.append(
            {
                "code": code,
                "title": title,
                "alternate": [
                    pair
                    for pair in titles(alternate[code], lambda new, old: new > old)
                    if fold(pair[0]) != own
                ],
                "reported": [
                    pair
                    for pair in titles(reported[code], lambda new, old: new and not old)
                    if fold(pair[0]) != own
                ],
                "skills": skills.get(code, []),
                "knowledge": knowledge.get(code, []),
                "technology": [
                    [name, hot]
                    for name, hot in sorted(
                        technology[code].items(),
                        key=lambda item: (not item[1], item[0].casefold(), item[0]),
                    )
                ],
                "borrowed_from": borrowed_from(code),
                "zone": zones.get(code),
                "profile": profile.get(code),
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "source": release(source),
        "attribution": attribution(source),
        "elements": elements,
        "means": means,
        "zones": zone_reference(source),
        "occupations": entries,
    }


def encode(document):
    """The document as gzipped JSON lines: the header (all but the occupations), then one
    occupation a line, so that Bearing reads one at a time. No name and no time in gzip's
    header: the bytes depend on the document only."""

    def dumps(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    header = {key: value for key, value in document.items() if key != "occupations"}
    lines = [dumps(header), *(dumps(entry) for entry in document["occupations"])]
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return buffer.getvalue()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the O*NET 28.2 release as text")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    document = build(args.source)
    data = encode(document)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(data)
    occupations = document["occupations"]
    borrowing = sum(1 for entry in occupations if entry["borrowed_from"])
    unrated = sum(
        1
        for entry in occupations
        if not (entry["skills"] or entry["knowledge"] or entry["borrowed_from"])
    )
    zoned = sum(1 for entry in occupations if entry["zone"] is not None)
    print(
        f"{args.output}: {len(occupations)} occupations ({borrowing} borrow ratings, "
        f"{unrated} have none; {zoned} have a Job Zone), {len(data):,} bytes",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
