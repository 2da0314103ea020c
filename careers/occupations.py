"""O*NET occupations: the committed reference data, found by title, and offered as suggestions.

Bearing reads only its own file, `careers/data/occupations.jsonl.gz` (built from the O*NET
28.2 release by `scripts/build_occupations.py`). It is read once per process, on first use,
and kept: it is the same for everybody and never changes while Bearing runs. Everything here
is a pure function of that file; nothing touches the database.

Finding an occupation by what a person typed (`search`), best first:

1. an occupation whose own title is the query;
2. one with an alternate or reported title that is the query;
3. titles (own, alternate or reported) that hold every word of the query;
4. titles that hold every word of the query but the last, and a word that begins with the
   last one (the person may still be typing it; only when it has 2 letters or more).

Comparisons ignore case and runs of white space. A word is a run of letters and digits, so
"Career/Technical" is two words and punctuation never matters; words match in the singular
or the plural ("nurse" finds "Registered Nurses"); and "a", "an", "and", "the", "of", "for",
"in", "on", "at", "to", "or" and "with" in the query are not required, unless it is the last
word (it may be the start of another: "data an"). An occupation is listed once, at its best
place. Within a step:

- step 2: first the occupations whose own title holds the words too ("data scientist" is an
  alternate title of both Data Scientists and Astronomers), then the title that more of
  O*NET's sources give (a reported title counts as one more), then the shorter own title;
- steps 3 and 4: first the titles with the fewest words beyond the query's, then own titles
  before alternate and reported ones, then the title more sources give, then the shorter;
- in the end, the code.
"""

import bisect
import functools
import gc
import gzip
import json
import re
import threading
from array import array
from collections import Counter
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

from django.core.exceptions import ValidationError

DATA_FILE = Path(__file__).resolve().parent / "data" / "occupations.jsonl.gz"
CODE_SHAPE = r"[0-9]{2}-[0-9]{4}\.[0-9]{2}"  # an O*NET-SOC code, e.g. 27-2021.00
LIMIT = 10
MAX_QUERY_LENGTH = 200  # as long as a job's or a direction's title
MIN_PREFIX = 2  # letters of the last word before it is matched as a beginning
SUGGEST_FROM = 50  # the importance (0-100) from which a rating is offered as a suggestion
TECHNOLOGY_LEVEL = 1  # a hot technology has no importance: offered as nice to have
# A hot technology is offered only where it says something about the occupation: when at
# least this share of the occupations that use it are of the occupation's own field (its
# major group, the code's first two digits: 29 healthcare practitioners, 15 computer and
# mathematical…). "Microsoft Windows", "LinkedIn" or "Kronos Workforce Timekeeper" are hot
# across the whole economy and say nothing about a nurse; "Epic Systems" does.
TECHNOLOGY_FIELD_SHARE = Fraction(1, 3)
TECHNOLOGIES_OFFERED = 5  # at most, the most particular to the field first
FORMAT, VERSION = "bearing-occupations", 2

NOT_REQUIRED = frozenset(
    ["a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "or", "with"]
)

# How a title matched, best first (the steps above).
OWN_TITLE, OTHER_TITLE, EVERY_WORD, BEGINNING = 1, 2, 3, 4


def importance_level(importance):
    """O*NET importance (0-100) on Bearing's scale: 75 or more 3 (essential), 50-74 2
    (important), under 50 1 (nice)."""
    if importance >= 75:
        return 3
    if importance >= 50:
        return 2
    return 1


class Rating(NamedTuple):
    """A skill or knowledge area and how important the occupation rates it (0-100)."""

    name: str
    importance: int

    @property
    def level(self):
        return importance_level(self.importance)


class Technology(NamedTuple):
    """A technology used in the occupation; hot ones are those employers ask for most."""

    name: str
    hot: bool


@dataclass(frozen=True)
class Occupation:
    """One O*NET occupation. `skills` and `knowledge` (highest first) are its own ratings,
    or, when it has none, those of `borrowed_from`, its closest related occupation that has
    them (None when they are its own, or nothing could be borrowed). `job_zone` is how much
    preparation it needs (1-5, or None when O*NET gives none); `profile` the importance of
    every skill and knowledge area in the order of the catalogue's `elements` (its
    lender's when it borrows; None without ratings)."""

    code: str
    title: str
    alternate_titles: tuple[str, ...]
    reported_titles: tuple[str, ...]
    skills: tuple[Rating, ...]
    knowledge: tuple[Rating, ...]
    technology: tuple[Technology, ...]
    borrowed_from: str | None
    job_zone: int | None = None
    profile: tuple[int, ...] | None = None
    common_titles: tuple[str, ...] = ()  # the reported titles O*NET shows (My Next Move)

    def __str__(self):
        return self.title

    @property
    def hot_technology(self):
        return tuple(item for item in self.technology if item.hot)


@dataclass(frozen=True)
class Match:
    """An occupation found by `search`: `matched` is the title that matched, `step` how
    (OWN_TITLE, OTHER_TITLE, EVERY_WORD or BEGINNING)."""

    code: str
    title: str
    matched: str
    step: int


@dataclass(frozen=True)
class JobZone:
    """What a Job Zone means, in O*NET's words: `name` ("Some preparation needed"), and the
    experience, education and training it usually takes, with examples."""

    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str


class Suggestion(NamedTuple):
    """A name offered as a skill, with its level on Bearing's 1-3 scale."""

    name: str
    level: int


@dataclass(frozen=True)
class Suggestions:
    """What an occupation offers as skills: its most important skills and knowledge areas
    (rated SUGGEST_FROM or more), each by importance, highest first; the hot technologies
    that say something about it (particular_technology); and `combined`, all of them once
    (by folded name: "Mathematics" is both a skill and a knowledge area), the skills and
    knowledge areas first, by level, then importance, then name."""

    skills: tuple[Suggestion, ...] = ()
    knowledge: tuple[Suggestion, ...] = ()
    technology: tuple[Suggestion, ...] = ()
    combined: tuple[Suggestion, ...] = ()

    def __bool__(self):
        return bool(self.combined)


# --- Words --------------------------------------------------------------------------------


def fold(text):
    """Text as it is compared: runs of white space folded to one, trimmed, case folded."""
    return " ".join((text or "").split()).casefold()


@functools.lru_cache(maxsize=1 << 16)
def singular(word):
    """A word in the singular, roughly (both sides of a comparison go through it)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


WORD = re.compile(r"[^\W_]+")


def words(text):
    """The words of a text, folded and in the singular, in order."""
    return [singular(word) for word in WORD.findall(fold(text))]


def required_words(text):
    """The words a title must hold to match the text: the distinct words, in order, less
    the little ones ("and", "of"…) unless there is nothing else."""
    found = list(dict.fromkeys(words(text)))
    return [word for word in found if word not in NOT_REQUIRED] or found


# --- The index ------------------------------------------------------------------------------


class Catalogue:
    """Every occupation of the data file, and the index that finds them by title."""

    def __init__(self, header, entries):
        """Read the file's header and its occupations, one at a time: only what is kept is
        ever in memory all at once."""
        self.attribution = header["attribution"]
        self.source = header["source"]
        self.elements = tuple((kind, name) for kind, name in header["elements"])
        self.means = tuple(header["means"])
        self.zones = {item["zone"]: JobZone(**item) for item in header["zones"]}
        shared = {}  # equal ratings and technologies are one object: 90,000 come down to 16,000

        def one(kind, *fields):
            found = shared.get((kind, *fields))
            if found is None:
                found = shared[(kind, *fields)] = kind(*fields)
            return found

        rated, made, titles = {}, [], []
        for entry in entries:
            code = entry["code"]
            profile = entry["profile"]
            rated[code] = (
                tuple(one(Rating, name, value) for name, value in entry["skills"]),
                tuple(one(Rating, name, value) for name, value in entry["knowledge"]),
                None if profile is None else tuple(profile),
            )
            made.append(
                (
                    code,
                    entry["title"],
                    tuple(title for title, _ in entry["alternate"]),
                    tuple(title for title, _ in entry["reported"]),
                    tuple(one(Technology, name, hot) for name, hot in entry["technology"]),
                    entry["borrowed_from"],
                    entry["zone"],
                    tuple(title for title, shown in entry["reported"] if shown),
                )
            )
            titles.extend(self._titles(entry))
        self.occupations = {}
        for code, title, alternate, reported, technology, borrowed_from, zone, common in made:
            skills, knowledge, profile = rated[borrowed_from or code]
            self.occupations[code] = Occupation(
                code,
                title,
                alternate,
                reported,
                skills,
                knowledge,
                technology,
                borrowed_from,
                zone,
                profile,
                common,
            )
        self.technology_fields = self._technology_fields()
        names = {item.name for item in shared.values() if getattr(item, "hot", True)}
        names = {fold(name): name for name in sorted(names, reverse=True)}
        self.vocabulary = tuple(names[key] for key in sorted(names))
        self._index(titles)

    @classmethod
    def read(cls, lines):
        """A Catalogue from the lines of the data file: a header, then an occupation a line."""
        lines = iter(lines)
        header = json.loads(next(lines))
        if (header.get("format"), header.get("version")) != (FORMAT, VERSION):
            raise ValueError(f"not a {FORMAT} file, version {VERSION}")
        return cls(header, (json.loads(line) for line in lines if line.strip()))

    def _technology_fields(self):
        """Each hot technology → how many occupations use it, and how many of them are of
        each field (major group)."""
        hot = {item.name for o in self.occupations.values() for item in o.technology if item.hot}
        fields = {name: Counter() for name in hot}
        for occupation in self.occupations.values():
            for name in {item.name for item in occupation.technology} & hot:
                fields[name][field(occupation.code)] += 1
        return {name: (sum(counts.values()), dict(counts)) for name, counts in fields.items()}

    def says_something(self, occupation, name):
        """The share of the occupations using the hot technology `name` that are of
        `occupation`'s field, when it is at least TECHNOLOGY_FIELD_SHARE; else None."""
        users, by_field = self.technology_fields.get(name, (0, {}))
        share = Fraction(by_field.get(field(occupation.code), 0), users or 1)
        return share if users and share >= TECHNOLOGY_FIELD_SHARE else None

    @staticmethod
    def _titles(entry):
        """The occupation's titles once each, as [code, title, own title?, weight]. The weight
        is how many of O*NET's sources give the title as an alternate title, plus one when it
        is a reported title that O*NET shows (in My Next Move)."""
        code, title = entry["code"], entry["title"]
        found = {title.casefold(): [code, title, True, 0]}
        for title, sources in entry["alternate"]:
            found.setdefault(title.casefold(), [code, title, False, 0])[3] += sources
        for title, shown in entry["reported"]:
            found.setdefault(title.casefold(), [code, title, False, 0])[3] += int(shown)
        return found.values()

    def _index(self, titles):
        """Every title ranked once for steps 3 and 4, so that a search only sorts numbers:
        rank → code, title, own title?, weight; and word → the ranks of the titles that
        hold it."""

        for item in titles:
            item.append(tuple({singular(word) for word in WORD.findall(item[1].casefold())}))
        titles.sort(
            key=lambda item: (
                len(set(item[4]) - NOT_REQUIRED),  # the fewest words beyond the query's
                not item[2],  # own title first
                -item[3],  # given by more sources
                len(item[1]),
                item[0],
                item[1],
            )
        )
        self.codes = [item[0] for item in titles]
        self.titles = [item[1] for item in titles]
        self.own = bytes(item[2] for item in titles)
        self.weights = array("H", (item[3] for item in titles))
        postings = {}
        for rank, item in enumerate(titles):
            for word in item[4]:
                postings.setdefault(word, array("I")).append(rank)
        self.postings = postings
        self.words = sorted(postings)
        self.own_words = {
            code: frozenset(words(occupation.title))
            for code, occupation in self.occupations.items()
        }

    def holding(self, required):
        """The ranks of the titles that hold every one of these words."""
        lists = sorted((self.postings.get(word, ()) for word in required), key=len)
        if not lists:
            return set()
        found = set(lists[0])
        for ranks in lists[1:]:
            if not found:
                break
            found.intersection_update(ranks)
        return found

    def beginning_with(self, prefix):
        """The ranks of the titles with a word that begins with `prefix`."""
        start = bisect.bisect_left(self.words, prefix)
        end = bisect.bisect_left(self.words, prefix + "\U0010ffff")
        found = set()
        for word in self.words[start:end]:
            found.update(self.postings[word])
        return found

    def exact(self, folded):
        """(step, rank) of the titles that are the folded query, best first (steps 1, 2)."""
        found = []
        for rank in self.holding(set(words(folded))):
            if self.titles[rank].casefold() == folded:
                code = self.codes[rank]
                holds = set(required_words(folded)) <= self.own_words[code]
                own_title = self.occupations[code].title
                order = (-self.weights[rank], len(own_title), code)
                found.append((OWN_TITLE if self.own[rank] else OTHER_TITLE, not holds, order, rank))
        return [(step, rank) for step, _, _, rank in sorted(found)]

    def search(self, query, limit):
        folded = fold(query)
        if not folded or limit <= 0 or len(query) > MAX_QUERY_LENGTH:
            return []
        results, seen = [], set()

        def add(step, ranks):
            for rank in ranks:
                code = self.codes[rank]
                if code not in seen:
                    seen.add(code)
                    title = self.occupations[code].title
                    results.append(Match(code, title, self.titles[rank], step))
                    if len(results) == limit:
                        return True
            return False

        for step, rank in self.exact(folded):
            if add(step, [rank]):
                return results
        typed = words(folded)
        if not typed:
            return results
        # The last word counts even when little: it may be the start of a longer one ("data
        # an" is on its way to "data analyst").
        last = typed[-1]
        required = [word for word in required_words(folded) if word != last] + [last]
        if add(EVERY_WORD, sorted(self.holding(required))):
            return results
        if len(last) >= MIN_PREFIX:
            ranks = self.beginning_with(last)
            rest = [word for word in required if word != last]
            if rest:
                ranks &= self.holding(rest)
            add(BEGINNING, sorted(ranks))
        return results


_catalogue = None
_lock = threading.Lock()


def catalogue():
    """The data file, read and indexed on first use, then kept for the life of the process."""
    global _catalogue  # one read-only index per process, by design
    if _catalogue is None:
        with _lock:
            if _catalogue is None:
                # Reading makes some 300,000 objects, most of which live on: collecting as
                # they come only costs time (about a third of it).
                collecting = gc.isenabled()
                gc.disable()
                try:
                    with gzip.open(DATA_FILE, "rt", encoding="utf-8") as handle:
                        _catalogue = Catalogue.read(handle)
                finally:
                    if collecting:
                        gc.enable()
    return _catalogue


# --- What the rest of Bearing calls ------------------------------------------------------


def search(query, limit=LIMIT):
    """The occupations (Match) whose titles match what a person typed, best first (see the
    module's docstring), at most `limit`. [] for an empty query or one over
    MAX_QUERY_LENGTH characters."""
    return catalogue().search(query, limit)


def get(code):
    """The occupation with this code, or None."""
    return catalogue().occupations.get(code) if isinstance(code, str) else None


def exists(code):
    """True when Bearing knows an occupation with this code."""
    return get(code) is not None


def is_code(value):
    """True when the value has the shape of an O*NET-SOC code (not that it exists)."""
    return isinstance(value, str) and re.fullmatch(CODE_SHAPE, value) is not None


def field(code):
    """An occupation's field: its SOC major group, the code's first two digits."""
    return code[:2]


def job_zone(code):
    """What the occupation's Job Zone means (JobZone), or None when it has none."""
    occupation = get(code)
    if occupation is None or occupation.job_zone is None:
        return None
    return catalogue().zones.get(occupation.job_zone)


def zones():
    """What each Job Zone means, by zone (1-5)."""
    return dict(catalogue().zones)


def particular_technology(occupation):
    """The hot technologies that say something about the occupation (see
    TECHNOLOGY_FIELD_SHARE), the most particular to its field first, then those fewer
    occupations use, then by name; at most TECHNOLOGIES_OFFERED."""
    found = catalogue()
    ranked = []
    for item in occupation.hot_technology:
        share = found.says_something(occupation, item.name)
        if share is not None:
            ranked.append((-share, found.technology_fields[item.name][0], fold(item.name), item))
    return [item for *_, item in sorted(ranked)[:TECHNOLOGIES_OFFERED]]


def suggestions(code, *, minimum=SUGGEST_FROM):
    """What the occupation offers as skills (see Suggestions); empty for an unknown code."""
    occupation = get(code)
    if occupation is None:
        return Suggestions()
    rated = {"skills": [], "knowledge": []}
    best = {}  # folded name → (order, Suggestion)
    for kind in rated:
        for rating in getattr(occupation, kind):
            if rating.importance < minimum:
                continue
            suggestion = Suggestion(rating.name, rating.level)
            rated[kind].append(suggestion)
            order = (-rating.level, -rating.importance, fold(rating.name))
            key = fold(rating.name)
            if key not in best or order < best[key][0]:
                best[key] = (order, suggestion)
    technology = []
    for position, item in enumerate(particular_technology(occupation)):
        suggestion = Suggestion(item.name, TECHNOLOGY_LEVEL)
        technology.append(suggestion)
        best.setdefault(fold(item.name), ((-TECHNOLOGY_LEVEL, 1, position), suggestion))
    return Suggestions(
        skills=tuple(rated["skills"]),
        knowledge=tuple(rated["knowledge"]),
        technology=tuple(technology),
        combined=tuple(suggestion for _, suggestion in sorted(best.values())),
    )


DISTINCTIVE_BY = 15  # points above the average occupation's importance: says something
WORTH_FROM = 60  # the importance (0-100) from which a shared rating is worth adding


def distinctive_shared(from_code, to_code, *, minimum=SUGGEST_FROM):
    """What one occupation trains that another rates WORTH_FROM or more, and more important
    than most occupations do (by DISTINCTIVE_BY points or more): the skills and knowledge
    worth adding to a direction, without the ones every job uses (Speaking…). In the
    order `to_code` rates them, most important first. Waiters and Waitresses → Registered
    Nurses: Service Orientation, Customer and Personal Service…"""
    source, target = get(from_code), get(to_code)
    if source is None or target is None:
        return []
    trained = {fold(r.name) for r in (*source.skills, *source.knowledge) if r.importance >= minimum}
    found = catalogue()
    average = dict(zip(found.elements, found.means, strict=True))  # (kind, name) -> mean
    rated = [("skill", r) for r in target.skills] + [("knowledge", r) for r in target.knowledge]
    return sorted(
        (
            r
            for kind, r in rated
            if r.importance >= max(minimum, WORTH_FROM)
            and r.importance - average.get((kind, r.name), 0) >= DISTINCTIVE_BY
            and fold(r.name) in trained
        ),
        key=lambda r: (-r.importance, fold(r.name)),
    )


def vocabulary():
    """Every skill and knowledge area name of O*NET, and every hot technology: the names
    a skill input offers after the person's own, so that jobs and directions meet on them.
    Sorted case-insensitively, each once."""
    return list(catalogue().vocabulary)


def attribution():
    """The attribution the O*NET licence asks for, to show wherever its data is shown."""
    return catalogue().attribution


def source():
    """The release the data comes from, e.g. "O*NET 28.2 Database (February 2024 Release)"."""
    return catalogue().source


def validate_code(value):
    """A model field's validator: blank, or the code of an occupation in the data file."""
    if not value:
        return
    if not is_code(value):
        raise ValidationError(
            "“%(value)s” is not an O*NET-SOC code such as 27-2021.00.",
            code="invalid",
            params={"value": value},
        )
    if not exists(value):
        raise ValidationError(
            "No occupation has the code %(value)s.", code="unknown", params={"value": value}
        )
