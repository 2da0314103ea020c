"""Bridges: the occupations a person could move into now that would also carry them toward
their direction — the answer to "which job should I look for next?".

Pure, like alignment.scoring: plain data in, frozen dataclasses out, no ORM, no Django.
The occupations come in as a Field (alignment.next_job.bridge_field builds it once per
process from the committed data file); the person comes in as their recent held jobs'
occupations and dates, the names of the skills they have, their direction's occupation and
its missing target skills (alignment.next_job reads them). Every measure is exact (Fractions of
whole numbers), the order deterministic, and the work bounded by the Field (some 900
occupations) whatever the history.

Each occupation O has a profile: the importance (0-100) O*NET gives each of 68 skills and
knowledge areas. Two measures, each from 0 to 1:

- **reach** — how close O is to what the person has done. Its profile part is how much of
  what O asks their recent work asked too: Σ min(O, P) ÷ Σ O, where P is the blend of the
  profiles of the occupations of their held jobs of the last five years, each job weighing
  by its days in that window, a day the more the more recent it is (today counts 1,826
  times, a day five years ago once). Its skills part is the share of what O rates
  important (50 or more, by importance) that the person has as a skill, by O*NET's name.
  reach = (3 × profile part + skills part) ÷ 4; with no recent job linked to an occupation
  with a profile, reach is the skills part alone.
- **build** — how much O would add toward the direction. Its skills part: the direction's
  missing target skills that O*NET names, each weighing its importance (1-3) times how
  important O rates it, counted where O rates it 50 or more: Σ w × rating ÷ (100 × Σ w).
  Its nearer part: how much nearer O's distinctive profile (each importance above the
  mean of every occupation) is to the direction's occupation D than the person's recent
  work is, as a share of the way still to go: (sim(O, D) − sim(P, D)) ÷ (1 − sim(P, D)),
  0 when not nearer, where sim is Σ min ÷ Σ max (Ruzicka). build is the mean of the parts
  there are: no occupation linked to the direction, the skills part alone; no missing skill
  O*NET names, the nearer part alone.

Only occupations with ratings of their own and a Job Zone at most one above the highest
zone among the recent jobs (2 when none has one) are reachable. A bridge builds something
(build > 0), and is neither the direction's own occupation nor one of the recent jobs' —
nor one of their specialisations (the same SOC code, e.g. Acute Care Nurses, 29-1141.01,
of Registered Nurses, 29-1141.00). Bridges go best first by reach × build, then build,
then reach, then code.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import cast

from core.words import fold

WINDOW_DAYS = 5 * 365 + 1  # the last five years: today and the 1,825 days before
ZONE_STEP = 1  # reachable: a Job Zone at most this much above the highest recent one
ZONE_WITHOUT_HISTORY = 2  # the highest recent zone when no recent job has one
IMPORTANT = 50  # the importance (0-100) from which O*NET "rates it important"
PROFILE_WEIGHT, SKILLS_WEIGHT = 3, 1  # the parts of reach
LIMIT = 10


# -- the occupations --------------------------------------------------------------------------


@dataclass(frozen=True)
class Occupation:
    """An occupation as the ranking sees it. `profile` is the importance of each of the
    Field's elements (its lender's when it borrows; None without ratings); `rated` is
    whether the ratings are its own (only those are ever a bridge)."""

    code: str
    title: str
    zone: int | None
    profile: tuple[int, ...] | None
    rated: bool = True


@dataclass(frozen=True)
class _Profiled:
    """An occupation with a profile, and what every ranking computes of it, once."""

    occupation: Occupation
    profile: tuple[int, ...]  # the occupation's, never None here
    zone: int  # the occupation's Job Zone; 0 when it has none (never a candidate then)
    total: int  # Σ of the profile
    distinct: tuple[int, ...]  # each importance above the element's mean (or 0)
    distinct_total: int
    important: tuple[int, ...]  # the elements it rates IMPORTANT or more, highest first
    important_total: int
    characteristic: tuple[int, ...]  # the same, the furthest above the mean first


class Field:
    """Every occupation the ranking may read: its elements (the names of the skills and
    knowledge areas, in profile order), their means over all occupations, and each
    occupation, with what a ranking computes of it made once."""

    def __init__(
        self, elements: Iterable[str], means: Iterable[int], occupations: Iterable[Occupation]
    ) -> None:
        self.elements = tuple(elements)
        self.means = tuple(means)
        if len(self.elements) != len(self.means):
            raise ValueError("one mean per element")
        self.occupations: Mapping[str, Occupation] = {o.code: o for o in occupations}
        self.named: dict[str, tuple[int, ...]] = {}  # folded name -> its elements
        for index, name in enumerate(self.elements):
            self.named[fold(name)] = (*self.named.get(fold(name), ()), index)
        self.profiled = {
            code: self._profiled(occupation)
            for code, occupation in self.occupations.items()
            if occupation.profile is not None
        }
        self.candidates = tuple(
            self.profiled[code]
            for code in sorted(self.profiled)
            if self.occupations[code].rated and self.occupations[code].zone is not None
        )

    def _profiled(self, occupation: Occupation) -> _Profiled:
        profile = occupation.profile
        if profile is None or len(profile) != len(self.elements):
            raise ValueError(f"{occupation.code}: one importance per element")
        distinct = tuple(max(0, v - m) for v, m in zip(profile, self.means, strict=True))
        important = sorted(
            (index for index, value in enumerate(profile) if value >= IMPORTANT),
            key=lambda index: (-profile[index], index),
        )
        return _Profiled(
            occupation=occupation,
            profile=profile,
            zone=occupation.zone or 0,
            total=sum(profile),
            distinct=distinct,
            distinct_total=sum(distinct),
            important=tuple(important),
            important_total=sum(profile[index] for index in important),
            characteristic=tuple(sorted(important, key=lambda index: -distinct[index])),
        )


# -- the person -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecentJob:
    """A held job's occupation and dates (ended_on None: it goes on)."""

    code: str
    started_on: date
    ended_on: date | None = None


@dataclass(frozen=True)
class Missing:
    """A target skill of the direction that no held job or completed learning covers."""

    name: str
    importance: int  # 1 nice, 2 important, 3 essential


# -- the answer -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bridge:
    """An occupation worth looking for next, with its measures and their parts (None: the
    part does not count, see the module's docstring). `uses` names what it rates important
    that the person has: their own skills (as they spell them), then what their recent
    work rated important too (O*NET's names), by its importance. `builds` names the missing
    target skills it rates important (as the person spells them), the most important to
    the direction first. `closer_in` names what the direction's occupation rates important
    that it does too and the person's recent work and skills do not, what most sets the
    direction's occupation apart from others first."""

    code: str
    title: str
    job_zone: int
    reach: Fraction
    build: Fraction
    uses: tuple[str, ...]
    builds: tuple[str, ...]
    closer_in: tuple[str, ...]
    reach_profile: Fraction | None
    reach_skills: Fraction
    build_skills: Fraction | None
    build_nearer: Fraction | None


@dataclass(frozen=True)
class Ranking:
    """The bridges for one person and direction, best first, and what they start from:
    `start`, the occupations of the recent held jobs (the most weight first); `zone`, the
    highest Job Zone among them (ZONE_WITHOUT_HISTORY when none has one); `reachable`, every
    occupation of a zone up to zone + ZONE_STEP; `named` and `unnamed`, the missing target
    skills O*NET names (build can count them) and those it does not; `nearer`, whether the
    direction's occupation has a profile (build's nearer part counts)."""

    start: tuple[str, ...]
    zone: int
    bridges: tuple[Bridge, ...]
    reachable: frozenset[str]
    named: tuple[str, ...]
    unnamed: tuple[str, ...]
    nearer: bool

    @property
    def can_build(self) -> bool:
        """Whether anything could count as build: a named missing skill, or the direction's
        occupation."""
        return bool(self.named) or self.nearer


# -- arithmetic ---------------------------------------------------------------------------------


def recency_weight(job: RecentJob, today: date) -> int:
    """The days of the job within the last WINDOW_DAYS, each counting WINDOW_DAYS − its age
    in days (today WINDOW_DAYS, the window's first day 1): Σ over ages a..b of (N − age)."""
    end = today if job.ended_on is None else min(job.ended_on, today)
    youngest = (today - end).days
    oldest = min((today - job.started_on).days, WINDOW_DAYS - 1)
    if youngest > oldest:
        return 0
    days = oldest - youngest + 1
    return days * WINDOW_DAYS - (youngest + oldest) * days // 2


def _soc(code: str) -> str:
    """The SOC occupation of an O*NET-SOC code: 29-1141.01 (Acute Care Nurses) is a
    specialisation of 29-1141, as 29-1141.00 (Registered Nurses) is."""
    return code[:7]


# -- the ranking --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parts:
    """One candidate's measures as whole numbers (each part a numerator over a
    denominator; None: the part does not count), before any Fraction is made."""

    item: _Profiled
    rated: Mapping[str, int]  # the named missing skills it rates important -> w × rating
    build_skills: tuple[int, int] | None
    build_nearer: tuple[int, int] | None
    reach_profile: tuple[int, int] | None
    reach_skills: tuple[int, int]

    def exact(self) -> tuple[Fraction, Fraction]:
        """(reach, build), exactly."""
        build_parts = [Fraction(*part) for part in (self.build_skills, self.build_nearer) if part]
        build = sum(build_parts, Fraction(0)) / len(build_parts)
        reach = Fraction(*self.reach_skills)
        if self.reach_profile is not None:
            weights = PROFILE_WEIGHT + SKILLS_WEIGHT
            reach = (
                PROFILE_WEIGHT * Fraction(*self.reach_profile) + SKILLS_WEIGHT * reach
            ) / weights
        return reach, build

    def rough(self) -> float:
        """reach × build in floating point: only to skip, quickly, the candidates that
        cannot be among the best (the order itself is decided exactly)."""
        build_parts = [n / d for n, d in filter(None, (self.build_skills, self.build_nearer))]
        reach = self.reach_skills[0] / self.reach_skills[1]
        if self.reach_profile is not None:
            profile = self.reach_profile[0] / self.reach_profile[1]
            reach = (PROFILE_WEIGHT * profile + SKILLS_WEIGHT * reach) / (
                PROFILE_WEIGHT + SKILLS_WEIGHT
            )
        return reach * sum(build_parts) / len(build_parts)


ROUGH_MARGIN = 1e-9  # far above a float's error on numbers of this size (about 1e-15)


@dataclass(frozen=True)
class _Person:
    """What every candidate is measured against, worked out once a ranking."""

    start: tuple[str, ...]  # the recent occupations, the most weight first
    zone: int
    scale: int  # the recent profiles' total weight (0: none with a profile)
    blend: tuple[int, ...]  # Σ weight × profile
    worked: frozenset[int]  # the elements the blend rates IMPORTANT or more
    have: Mapping[int, str]  # element -> the person's name for it
    named: tuple[Missing, ...]  # the missing target skills O*NET names, most important first
    named_elements: tuple[tuple[Missing, tuple[int, ...]], ...]  # each with its elements
    named_total: int  # 100 × Σ their importance
    unnamed: tuple[Missing, ...]
    target: _Profiled | None  # the direction's occupation
    base: tuple[int, int]  # sim(P, D), how alike the recent work and the direction are


def _person(
    field: Field,
    jobs: Iterable[RecentJob],
    skills: Iterable[str],
    direction: str | None,
    missing: Iterable[Missing],
    today: date,
) -> _Person:
    weights: dict[str, int] = {}
    for job in jobs:
        if job.code in field.occupations:
            weight = recency_weight(job, today)
            if weight:
                weights[job.code] = weights.get(job.code, 0) + weight
    start = tuple(sorted(weights, key=lambda code: (-weights[code], code)))
    zones = [field.occupations[code].zone for code in start]
    zone = max((z for z in zones if z is not None), default=ZONE_WITHOUT_HISTORY)

    # The blend of the recent profiles, scaled by their total weight: Σ weight × profile.
    scale, blend = 0, [0] * len(field.elements)
    for code in start:
        if code in field.profiled:
            weight, profile = weights[code], field.occupations[code].profile
            scale += weight
            # A profiled occupation has its profile.
            blend = [
                have + weight * value
                for have, value in zip(blend, cast("tuple[int, ...]", profile), strict=True)
            ]
    worked = {i for i, value in enumerate(blend) if scale and value >= IMPORTANT * scale}

    have: dict[int, str] = {}
    for name in sorted(skills, key=lambda name: (fold(name), name)):
        for index in field.named.get(fold(name), ()):
            have.setdefault(index, name)

    named: list[Missing] = []
    unnamed: list[Missing] = []
    for skill in sorted(missing, key=lambda m: (-m.importance, fold(m.name), m.name)):
        (named if fold(skill.name) in field.named else unnamed).append(skill)

    target = field.profiled.get(direction) if direction else None
    base = (0, 1)
    if target is not None and scale:
        distinct = [max(0, v - scale * m) for v, m in zip(blend, field.means, strict=True)]
        shared = sum(map(min, distinct, map(scale.__mul__, target.distinct)))
        union = sum(distinct) + scale * target.distinct_total - shared
        base = (shared, union) if union else (0, 1)
    return _Person(
        start=start,
        zone=zone,
        scale=scale,
        blend=tuple(blend),
        worked=frozenset(worked),
        have=have,
        named=tuple(named),
        named_elements=tuple((skill, field.named[fold(skill.name)]) for skill in named),
        named_total=100 * sum(skill.importance for skill in named),
        unnamed=tuple(unnamed),
        target=target,
        base=base,
    )


def _parts(field: Field, person: _Person, item: _Profiled) -> _Parts | None:
    """One candidate's measures, or None when it builds nothing."""
    profile = item.profile
    rated = {}
    for skill, indices in person.named_elements:
        rating = max(profile[index] for index in indices)
        if rating >= IMPORTANT:
            rated[skill.name] = skill.importance * rating
    build_skills = (sum(rated.values()), person.named_total) if person.named else None
    build_nearer = None
    target, base = person.target, person.base
    if target is not None:
        # (sim(O, D) − sim(P, D)) ÷ (1 − sim(P, D)), with sim(O, D) = shared ÷ union
        shared = sum(map(min, item.distinct, target.distinct))
        union = item.distinct_total + target.distinct_total - shared
        gained = shared * base[1] - base[0] * union
        left = union * (base[1] - base[0])
        build_nearer = (gained, left) if gained > 0 and left > 0 else (0, 1)
    if not any(part and part[0] for part in (build_skills, build_nearer)):
        return None  # it builds nothing: never a bridge
    kept = sum(profile[index] for index in item.important if index in person.have)
    reach_skills = (kept, item.important_total) if item.important_total else (0, 1)
    reach_profile = None
    if person.scale:
        covered = sum(map(min, map(person.scale.__mul__, profile), person.blend))
        reach_profile = (covered, person.scale * item.total) if item.total else (0, 1)
    return _Parts(item, rated, build_skills, build_nearer, reach_profile, reach_skills)


def _best(
    field: Field, person: _Person, found: list[_Parts], limit: int | None
) -> tuple[Bridge, ...]:
    """The candidates' Bridges, best first (the first `limit`; all with None)."""
    if limit is not None and len(found) > limit:
        rough = [parts.rough() for parts in found]
        floor = sorted(rough, reverse=True)[limit - 1] - ROUGH_MARGIN
        found = [parts for parts, score in zip(found, rough, strict=True) if score >= floor]
    ranked = []
    for parts in found:
        reach, build = parts.exact()
        ranked.append((-(reach * build), -build, -reach, parts.item.occupation.code, parts))
    ranked.sort(key=lambda row: row[:4])
    chosen = ranked if limit is None else ranked[:limit]
    return tuple(
        _bridge(field, person, parts, -reach, -build) for _, build, reach, _, parts in chosen
    )


def rank(
    field: Field,
    *,
    jobs: Iterable[RecentJob],
    skills: Iterable[str],
    direction: str | None,
    missing: Iterable[Missing],
    today: date,
    limit: int | None = LIMIT,
) -> Ranking:
    """The bridges (at most `limit`, all with None) for a person: their held jobs (those
    outside the last five years or linked to no known occupation count for nothing), the
    names of the skills they have, their direction's occupation (or None) and its missing
    target skills."""
    person = _person(field, jobs, skills, direction, missing, today)
    reachable = frozenset(
        item.occupation.code for item in field.candidates if item.zone <= person.zone + ZONE_STEP
    )
    taken = {_soc(code) for code in (*person.start, *([direction] if direction else []))}
    found = [
        parts
        for item in field.candidates
        if item.occupation.code in reachable
        and _soc(item.occupation.code) not in taken
        and (parts := _parts(field, person, item)) is not None
    ]
    return Ranking(
        start=person.start,
        zone=person.zone,
        bridges=_best(field, person, found, limit),
        reachable=reachable,
        named=tuple(skill.name for skill in person.named),
        unnamed=tuple(skill.name for skill in person.unnamed),
        nearer=person.target is not None,
    )


LIKE_LIMIT = 3


def like(
    field: Field,
    code: str,
    *,
    skills: Iterable[str],
    direction: str | None,
    missing: Iterable[Missing],
    today: date,
    limit: int | None = LIKE_LIMIT,
) -> tuple[Bridge, ...]:
    """Other occupations like `code` (an offer's) that would build more: ranked as bridges
    are, but starting from `code` alone (as if it were the one recent job, so reach says how
    like it each is, and its Job Zone sets what is within reach), keeping only those whose
    build is greater than `code`'s own. () when `code` has no profile or Job Zone."""
    item = field.profiled.get(code)
    if item is None or item.occupation.zone is None:
        return ()
    person = _person(field, [RecentJob(code, today)], skills, direction, missing, today)
    own = _parts(field, person, item)
    floor = Fraction(0) if own is None else own.exact()[1]
    taken = {_soc(code), *([_soc(direction)] if direction else [])}
    found = []
    for other in field.candidates:
        if other.zone > person.zone + ZONE_STEP or _soc(other.occupation.code) in taken:
            continue
        parts = _parts(field, person, other)
        if parts is not None and parts.exact()[1] > floor:
            found.append(parts)
    return _best(field, person, found, limit)


def _bridge(
    field: Field, person: _Person, parts: _Parts, reach: Fraction, build: Fraction
) -> Bridge:
    """A candidate chosen, with the names that say what it uses and builds."""
    item, have, worked, target = parts.item, person.have, person.worked, person.target
    # A candidate is profiled and has a Job Zone.
    profile = cast("tuple[int, ...]", item.occupation.profile)
    own = [have[i] for i in item.important if i in have]
    from_work = [field.elements[i] for i in item.important if i in worked and i not in have]
    builds = [skill.name for skill in person.named if skill.name in parts.rated]
    built = {fold(name) for name in builds}
    closer = [
        field.elements[i]
        for i in (target.characteristic if target is not None else ())
        if profile[i] >= IMPORTANT
        and i not in worked
        and i not in have
        and fold(field.elements[i]) not in built
    ]
    return Bridge(
        code=item.occupation.code,
        title=item.occupation.title,
        job_zone=cast(int, item.occupation.zone),
        reach=reach,
        build=build,
        uses=tuple(_once([*own, *from_work])),
        builds=tuple(builds),
        closer_in=tuple(_once(closer)),
        reach_profile=None if parts.reach_profile is None else Fraction(*parts.reach_profile),
        reach_skills=Fraction(*parts.reach_skills),
        build_skills=None if parts.build_skills is None else Fraction(*parts.build_skills),
        build_nearer=None if parts.build_nearer is None else Fraction(*parts.build_nearer),
    )


def _once(names: Iterable[str]) -> list[str]:
    """The names in order, each once (folded): "Mathematics" is a skill and a knowledge area."""
    seen: set[str] = set()
    kept = []
    for name in names:
        if fold(name) not in seen:
            seen.add(fold(name))
            kept.append(name)
    return kept
