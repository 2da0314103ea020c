"""The alignment pages' content: read the person's history, score it, and say it.

A long history (a freelancer's thousands of gigs) is summed up in full, but a page draws
and explains only the most recent jobs; the jobs page and each job's own page hold the
rest. So every page's work is bounded by what it shows, plus one pass of small integer
sums over the history. What the templates print is worked out as plain text, once, by the
wording modules this one calls (wording, headline, steps).
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.urls import reverse

from alignment import charts, figures, headline, history, offer_words, wording
from alignment import scoring as alignment
from alignment import steps as next_steps
from alignment.assessment import Alignment
from alignment.reading import Reading, focus_of, read_history
from alignment.scoring import BILLS, BUILT, LITTLE, PARTLY
from careers import occupations
from careers.models import DIRECTION_ORDER
from core import words
from core.vocabulary import ACHIEVED, DROPPED, HELD, OPEN_GOALS
from jobs.models import avoid_phrases, hourly_pay, hours_text, money_text, pay_text

EXPLAINED_JOBS = 10  # each with its score explained
CHARTED_JOBS = 20  # on the timeline
OFFERS_SHOWN = 10
# Longer lists (goals, skills gained, missing skills) show this many, then "and N more"
# with a link to the page that lists them all.
LISTED = 8
MENU_DIRECTIONS = 12  # in the "set against another direction" menu; the rest on compare
STEPS_SHOWN = 5  # next steps shown at once; the rest folded
STEPS_LISTED = 15  # the first STEPS_SHOWN shown, the next folded, then "and N more"
# At most this many directions are compared side by side: each costs a pass over the history.
COMPARED_AT_ONCE = 6


@dataclass
class JobView:
    """One job as a page shows it: its result, its row, and the text the pages print."""

    result: alignment.JobResult
    row: Any  # the job's row (history.jobs)
    url: str
    score_text: str
    direction_title: str
    # The score explained (explained jobs only): when and against what, a sentence, each
    # component in words, the sum behind it, what it matched by name, and a note for a job
    # done before its direction was chosen.
    period: str = ""
    sentence: str = ""
    lines: list = field(default_factory=list)
    arithmetic: str = ""
    names: dict = field(default_factory=dict)
    before: str = ""
    # The person's own lesson from a job that paid the bills or did little (the dashboard's
    # cards only), said beside the verdict it may seem to contradict.
    lesson: str = ""
    # An offer that pays less an hour than the job the person has: "2.28 EUR less an hour
    # than Waiter" (explained offers only).
    pays_less: str = ""

    @property
    def job(self) -> alignment.JobData:
        return self.result.job

    @property
    def offer(self) -> bool:
        return self.job.stage != HELD

    @property
    def verdict(self) -> str:
        return self.result.verdict

    @property
    def verdict_label(self) -> str:
        return wording.verdict_label(self.verdict, self.offer)

    @property
    def tone(self) -> str:
        """The verdict's colour class (static/css/bearing.css)."""
        return f"tone-{self.verdict}"

    @property
    def hourly(self) -> Decimal | None:
        """The pay an hour, whatever the period it is said in, or None."""
        row = self.row
        return hourly_pay(row.pay_amount, row.pay_period, row.hours_per_week, self.result.days)

    @property
    def pay(self) -> str:
        """ "11.50 EUR per hour", "2,100 EUR per month (12.12 EUR an hour at 40 hours a
        week)", "600 EUR in total (about 7.78 EUR an hour)", or "". Only pay in total is
        "about": it is spread over the job's days."""
        row = self.row
        said = pay_text(row.pay_amount, row.pay_period, row.currency)
        if said and row.pay_period != "hour":
            hourly = self.hourly
            if hourly is not None and row.pay_period == "total":
                said += f" (about {money_text(hourly, row.currency)} an hour)"
            elif hourly is not None:
                at = hours_text(row.hours_per_week)
                said += f" ({money_text(hourly, row.currency)} an hour at {at} hours a week)"
        return said

    @property
    def score(self) -> int | None:
        return self.result.score

    @property
    def ongoing(self) -> bool:
        return self.job.stage == HELD and self.job.ended_on is None


def view(result: alignment.JobResult, row: Any) -> JobView:
    job = result.job
    return JobView(
        result=result,
        row=row,
        url=reverse("alignment:job_detail", args=[job.id]),
        score_text="—" if result.score is None else str(result.score),
        direction_title="" if result.direction is None else result.direction.title,
    )


def views(reading: Reading, results: Iterable[alignment.JobResult]) -> list[JobView]:
    return [view(result, reading.rows[result.job.id]) for result in results]


def explain(
    user: User,
    reading: Reading,
    shown: list[JobView],
    lessons_of: Collection[int] = (),
    current: JobView | None = None,
    said_above: str = "",
    asked: bool = False,
) -> history.Explained:
    """Word the scores of these views, naming what each matched (and read the lessons of
    the jobs `lessons_of`): 1 query. An offer is weighed against the `current` job: one that
    pays less an hour does not count its pay as a plus. A view set against the direction
    `said_above` (the page says it once, over the cards) does not say it again. On a page
    that sets every job against the direction `asked` for, a job from before it says so."""
    found = history.explained(user, [(v.job.id, v.result.direction_id) for v in shown], lessons_of)
    # The target skills the person has (offers are set against the reading's focus, whose
    # target skills it read): an offer would use them, never teach them.
    had = {words.fold(skill.name) for skill in reading.targets if skill.covered}
    lesson_said = False
    for shown_view in shown:
        result = shown_view.result
        shown_view.pays_less = less = pays_less(shown_view, current)
        against = "" if shown_view.direction_title == said_above else shown_view.direction_title
        shown_view.period = wording.period(result.job, result.days, against)
        shown_view.before = wording.before_direction(result.job, result.direction, asked)
        # Readers took "Listening to angry customers taught me what confuses people in
        # software" beside "does little for your UX designer career" for the page overruling
        # the person (rounds 41 and 42): the card says what the score does not count.
        # Once, on the latest such card: on every one, it read as noise (round 48).
        if shown_view.verdict in (BILLS, LITTLE) and not lesson_said:
            lesson = found.lessons.get(result.job.id, "").strip()
            first = lesson.splitlines()[0] if lesson else ""
            # The quote's own full stop goes ("“…”." read twice); an ellipsis stays.
            shown_view.lesson = first[:-1] if first.endswith(".") and first[-2:] != ".." else first
            lesson_said = bool(lesson)
        if result.components is not None:
            shown_view.names = found.of(result.job.id, result.direction_id)
            shown_view.lines = wording.component_lines(
                result.components,
                reading.weights.counts(result.direction_id),
                shown_view.names,
                offer=shown_view.offer,
                had=had,
                pays_less=less,
                ongoing=shown_view.ongoing,
                weights=found.weights_of(result.job.id, result.direction_id),
            )
            shown_view.arithmetic = wording.arithmetic(shown_view.lines, result.exact_score)
        shown_view.sentence = wording.sentence(
            result.job.title,
            shown_view.verdict,
            shown_view.lines,
            shown_view.direction_title,
            offer=shown_view.offer,
            pays_less=less,
            ongoing=shown_view.ongoing,
        )
    return found


def pays_less(offer: JobView, than: JobView | None) -> str:
    """ "2.28 EUR less an hour than Waiter" when the offer pays less an hour than the job
    `than` (in the same currency), or ""."""
    if not offer.offer or than is None or offer.row.currency != than.row.currency:
        return ""
    mine, theirs = offer.hourly, than.hourly
    if mine is None or theirs is None or mine >= theirs:
        return ""
    return f"{money_text(theirs - mine, offer.row.currency)} less an hour than {than.job.title}"


WORTH_NAMED = 4  # skills named in the suggestion; the direction's page lists them all


def worth_adding(reading: Reading, charted: list[JobView]) -> dict[str, Any] | None:
    """Once for the dashboard: what the person's recent jobs trained that the occupation of
    their direction rates more important than most occupations do, and the direction has not
    taken as a target skill yet. Words and a link to add them, or None. Only the person
    adding them changes any score."""
    focus = cast(Alignment, reading.result).direction  # the dashboard's reading has its result
    if focus is None:
        return None
    row = reading.directions[focus.id]
    if not row.occupation or occupations.get(row.occupation) is None:
        return None
    have = {occupations.fold(name) for name in reading.target_names}
    trained: dict[
        str, tuple[str, list[str]]
    ] = {}  # folded name -> (name, the jobs that trained it)
    for shown in charted:
        if not shown.row.occupation or shown.row.occupation == row.occupation:
            continue
        for item in occupations.distinctive_shared(shown.row.occupation, row.occupation):
            key = occupations.fold(item.name)
            if key not in have:
                trained.setdefault(key, (item.name, []))[1].append(shown.job.title)
    if not trained:
        return None
    names = [name for name, _ in trained.values()]
    jobs = list(dict.fromkeys(title for _, titles in trained.values() for title in titles))
    shown_names = names[:WORTH_NAMED]
    more = len(names) - len(shown_names)
    skills = words.joined(shown_names) + (f" and {words.counted(more, 'other')}" if more else "")
    them = "it" if len(names) == 1 else "them"
    query = urlencode({"tick": names}, doseq=True)
    return {
        "said": (
            f"{occupations.get(row.occupation).title}, the occupation you linked to "
            f"{focus.title}, rate {skills} more important than most occupations do, and the "
            f"occupations of your jobs as {words.joined(jobs[:3])} use {them} too. "
            f"{them.capitalize()} count in your scores only once you add {them} to your "
            "target skills."
        ),
        "direction": focus.title,
        "count": len(names),
        "url": f"{reverse('careers:direction_detail', args=[focus.id])}?{query}#suggested",
    }


def _goal_progress(
    focus: alignment.DirectionData | None, goals: list[history.Goal], today: date
) -> dict[str, Any] | None:
    """The focus direction's goals, and the share achieved, weighted by priority."""
    if focus is None:
        return None
    listed = [goal for goal in goals if goal.data.direction_id == focus.id]
    achieved = sum(1 for goal in listed if goal.data.status == ACHIEVED)
    counted = sum(1 for goal in listed if goal.data.status != DROPPED)
    items = []
    for goal in listed:
        status = goal.data.status
        overdue = (
            status in OPEN_GOALS
            and goal.data.target_date is not None
            and goal.data.target_date < today
        )
        items.append(
            {
                "url": reverse("careers:goal_detail", args=[goal.data.id]),
                "title": goal.data.title,
                "status": "overdue" if overdue else status,
                "status_label": "Overdue" if overdue else status.capitalize(),
                "due": words.day(cast(date, goal.data.target_date)) if overdue else "",
                "advanced": wording.jobs_count(goal.advanced_by) if goal.advanced_by else "",
            }
        )
    return {
        "first": items[:LISTED],
        "more": len(items[LISTED:]),
        "any": bool(items),
        "percent": alignment.round_half_up(Fraction(100 * achieved, counted)) if counted else None,
        "said": _goals_said(
            achieved,
            [item["status"] for item in items if item["status"] not in (ACHIEVED, DROPPED)],
            len(listed) - counted,
        ),
    }


def _goals_said(achieved: int, open_: list[str], dropped: int) -> str:
    """The goals listed, counted as the bar counts them (achieved of those not dropped), the
    open ones by the word of their badges, and the dropped ones apart: "2 of your 3 goals
    achieved, 1 active. The 1 you dropped is not counted."."""
    counted_ = achieved + len(open_)
    rest = [
        f"{open_.count(word)} {word}" for word in ("active", "planned", "overdue") if word in open_
    ]
    more = (
        f". The {dropped} you dropped {'is' if dropped == 1 else 'are'} not counted."
        if dropped
        else "."
    )
    if counted_ == 1:
        return f"Your one goal is {'achieved' if achieved else open_[0]}" + more
    return (
        f"{achieved} of your {counted_} goals achieved"
        + (f", {words.joined(rest)}" if rest else "")
        + more
    )


def dashboard(user: User, today: date, direction_id: int | None = None) -> dict[str, Any]:
    """Everything the dashboard template shows (7 queries; LookupError as `read`)."""
    directions = history.directions(user)
    if direction_id is not None and direction_id not in directions:
        raise LookupError(direction_id)
    goals = history.goals(user, focus_of(directions, direction_id))
    reading = read_history(
        user, today, direction_id, directions=directions, goals=[goal.data for goal in goals]
    )
    result = cast(Alignment, reading.result)  # no directions compared: there is a result
    held = [r for r in result.jobs if r.job.stage == HELD]  # newest start first
    charted = views(reading, held[:CHARTED_JOBS])
    offers = views(reading, [r for r in result.jobs if r.job.stage != HELD][:OFFERS_SHOWN])
    explained = charted[:EXPLAINED_JOBS]
    current_job = _current_job(held)
    current_view = views(reading, [current_job])[0] if current_job else None
    found = explain(
        user,
        reading,
        explained + offers,
        [v.job.id for v in explained],
        current=current_view,
        said_above=result.direction.title if result.direction else "",
        asked=direction_id is not None,
    )
    tallied = history.tallies(user, result.direction.id if result.direction else None)
    gained = [
        {"name": name, "first": first}
        for name, first in sorted(tallied["skill"], key=lambda item: item[0].casefold())
    ]
    focus = result.direction
    wanted = tallied["wanted"]
    importance = {skill.name: skill.importance for skill in reading.targets}
    being_learned = {skill.name for skill in reading.targets if skill.taught and not skill.covered}
    # The first step is the headline's "Next"; the card lists the ones after it.
    steps = next_steps.next_steps(result.next_steps[: STEPS_LISTED + 1], _offered(offers, focus))
    answer = headline.headline(result.jobs, focus, steps[0] if steps else None, today)
    shown = {view.verdict for view in charted}  # the verdicts the timeline's bars show
    figure_words = figures.figure_texts(result, focus, reading.targets, answer)
    return {
        "reading": reading,  # the scored history, for the shared page's story
        "result": result,
        "drift_days": alignment.DRIFT_WINDOW_DAYS,
        "direction": focus,
        "held": bool(held),
        "held_count": len(held),
        "explained": explained,
        "charted": charted,
        "headline": answer,
        "disagree": headline.disagree(
            result, focus, reading.targets, figure_words["overall_value"], answer["since"]
        ),
        "timeline": charts.timeline_chart(
            charted,
            [reading.weights.direction(row) for row in directions.values()],
            today,
            # The day the headline's lanes count from, when they count only the days since.
            focus.started_on if focus and answer["since"] else None,
        ),
        # A paid job's three bands always, so that every score said in the introduction has
        # its colour (without the middle one, readers of rounds 48 and 49 asked how a job of 25
        # to 49 would look), and the other verdicts when shown; not "none of these jobs" beside
        # a band no bar used, which readers of rounds 35 to 41 took for noise.
        "legend": wording.legend({BUILT, PARTLY, BILLS} | shown),
        "scale": wording.scale(),
        "how_scored": wording.how_scored(reading.weights.counts(focus.id if focus else None)),
        "offers": offers,
        "offer_count": len(result.jobs) - len(held),
        # What the jobs gave, with what the person values and no job gave at 0.
        "values_tally": [
            {"label": wording.VALUE_LABELS.get(key, key), "count": count, "wanted": key in wanted}
            for key, count in sorted(
                [*tallied["value"], *((key, 0) for key in wanted - dict(tallied["value"]).keys())],
                key=lambda item: (-item[1], item[0]),
            )
        ],
        "skills_gained": gained[:LISTED],
        "skills_gained_more": len(gained[LISTED:]),
        "missing": [
            {
                "name": name,
                "importance": wording.IMPORTANCE_PHRASES[importance[name]],
                # Learning not finished teaches it: why the next step passes it by (a reader
                # took the step's choice for alphabetical, round 29).
                "learning": name in being_learned,
            }
            for name in result.missing[:LISTED]
        ],
        "missing_more": len(result.missing[LISTED:]),
        "worth_adding": worth_adding(reading, charted),
        "goal_progress": _goal_progress(focus, goals, today),
        "lessons": [
            (v, found.lessons[v.job.id]) for v in explained if found.lessons.get(v.job.id, "")
        ],
        "avoid": [(v, phrase) for v in explained for phrase in avoid_phrases(v.row.avoid)],
        "directions": _ranked(directions)[:MENU_DIRECTIONS],
        "directions_more": max(len(directions) - MENU_DIRECTIONS, 0),
        "statement": directions[focus.id].statement if focus else "",
        "next_steps": steps[1 : STEPS_SHOWN + 1],
        "more_steps": steps[STEPS_SHOWN + 1 :],
        "next_steps_more": len(result.next_steps[STEPS_LISTED + 1 :]),
        "today": today,
        "aligned_at": alignment.ALIGNED_AT,
        "undescribed": sum(1 for r in held if r.needs_details),
        # Whether a card names a direction of its own (the cards say so only then).
        "explained_elsewhere": any(
            v.direction_title not in ("", focus.title if focus else "") for v in explained
        ),
        "current_job": current_job,
        "current_said": _current_said(held),
        **figure_words,
    }


def _offered(
    offers: list[JobView], focus: alignment.DirectionData | None
) -> dict[str, tuple[str, int]]:
    """{folded skill name: ("the offer at Iron Hall", its id)}: the target skills of the focus
    direction an offer shown would use or teach (the first such offer), for the steps that
    say where a missing skill could come from, and link to it."""
    found: dict[str, tuple[str, int]] = {}
    for shown in offers:
        if focus is None or shown.result.direction_id != focus.id:
            continue
        job = shown.job
        name = (
            f"the offer at {job.employer}" if job.employer else f"the offer to work as {job.title}"
        )
        for skill in shown.names.get("skills", []):
            found.setdefault(words.fold(skill), (name, job.id))
    return found


def _ranked(directions: dict[int, history.Direction]) -> list[history.Direction]:
    """The current direction, then those considered (the newest first), then past ones."""
    # A status read is the text of a DirectionStatus, which the order is keyed by.
    return sorted(directions.values(), key=lambda d: (DIRECTION_ORDER[d.status], -d.id))  # type: ignore[index]


def default_comparison(directions: dict[int, history.Direction]) -> list[int]:
    """The directions compared when the person has not chosen: the first COMPARED_AT_ONCE
    in the order of `_ranked`."""
    return sorted(d.id for d in _ranked(directions)[:COMPARED_AT_ONCE])


def compare(
    user: User, today: date, ids: list[int], directions: dict[int, history.Direction]
) -> dict[str, Any]:
    """The whole history set against each of these directions in turn (ids of the person's
    `directions`, at most COMPARED_AT_ONCE): 3 queries, then a pass over the history a
    direction."""
    reading = read_history(user, today, directions=directions, compared=ids)
    return {
        "rows": [
            reading.assess(direction_id)
            for direction_id in sorted(
                ids,
                key=lambda d: (DIRECTION_ORDER[directions[d].status], d),  # type: ignore[index]
            )
        ],
        "has_jobs": bool(reading.jobs),
        "aligned_at": alignment.ALIGNED_AT,
    }


def job_card(user: User, job_id: int, today: date) -> JobView:
    """One job's score against the direction it is set against, explained: 4 queries."""
    reading = read_history(user, today, job_ids=[job_id])
    shown = views(reading, [r for r in cast(Alignment, reading.result).jobs if r.job.id == job_id])
    explain(user, reading, shown)
    return shown[0]


def judged(user: User, job_ids: list[int], today: date) -> dict[int, JobView]:
    """{job id: JobView} of these jobs, each with its score and verdict (not explained): 3
    queries, for a list of jobs."""
    if not job_ids:
        return {}
    reading = read_history(user, today, job_ids=job_ids)
    return {shown.job.id: shown for shown in views(reading, cast(Alignment, reading.result).jobs)}


def _current_job(held: list[alignment.JobResult]) -> alignment.JobResult | None:
    """The job the person has now (the newest ongoing one, a paid one first: an offer would
    take the place of the work that pays), or else their latest."""
    ongoing = sorted((r for r in held if r.job.ended_on is None), key=lambda r: not r.job.paid)
    return (ongoing or held or [None])[0]  # type: ignore[list-item]


def _current_said(held: list[alignment.JobResult]) -> str:
    """What `_current_job` is to the person: "the job you have", "the paid job you have" or
    "the newest of the 2 jobs you have" (a reader with two asked which), or "your latest
    job"."""
    ongoing = [r for r in held if r.job.ended_on is None]
    paid = sum(1 for r in ongoing if r.job.paid)
    if len(ongoing) > 1 and paid == 1:
        return "the paid job you have"
    if len(ongoing) > 1:
        some = f"{paid} paid" if 1 < paid < len(ongoing) else str(len(ongoing))
        return f"the newest of the {some} jobs you have"
    return "the job you have" if ongoing else "your latest job"


def weigh_offer(
    user: User, offer_id: int, today: date, offer_skills: Iterable[str]
) -> dict[str, Any]:
    """An offer set beside the job the person has (or had last): both scores and their
    parts, pay an hour, hours, the missing skills it would close, its flags, and a verdict
    in words. 5 queries. `offer_skills` are the names of the skills the offer would use or
    teach (the page has read them already)."""
    reading = read_history(user, today)
    result = cast(Alignment, reading.result)  # no directions compared: there is a result
    offer = next(r for r in result.jobs if r.job.id == offer_id)
    held = [r for r in result.jobs if r.job.stage == HELD]
    current = _current_job(held)
    shown = views(reading, [offer] + ([current] if current else []))
    explain(user, reading, shown, current=shown[1] if current else None)
    offer_view = shown[0]
    current_view = shown[1] if current else None
    folded = {name.casefold() for name in offer_skills}
    closes = [name for name in result.missing if name.casefold() in folded]
    # What the person learned but no job of theirs has used: an offer would put it to work.
    unused = [
        (skill.name, skill.learning)
        for skill in reading.targets
        if skill.covered and not skill.job and skill.name.casefold() in folded
    ]
    # The essential target skills it would not use (readers of rounds 55-58 found "4 of your
    # 5 target skills" and had to work out which one it leaves out).
    leaves = [
        skill.name
        for skill in reading.targets
        if skill.importance == 3 and skill.name.casefold() not in folded
    ]
    sides = [_side(offer_view)] + ([_side(current_view)] if current_view else [])
    fair = offer_words.fair_notes(offer_view, current_view)
    for side, note, month in zip(sides, fair, offer_words.month_texts(sides), strict=False):
        side["fair"], side["monthly_text"] = note, month
    return {
        "offer": offer_view,
        "current": current_view,
        "current_said": _current_said(held),
        "sides": sides,
        "closes": closes,
        "missing": result.missing,
        "direction": result.direction,
        "pays_less": offer_view.pays_less,
        "headline": offer_words.offer_headline(offer_view, current_view, result.direction, sides),
        "verdict": offer_words.offer_verdict(
            offer_view,
            current_view,
            result.direction,
            closes,
            unused,
            leaves,
            firsts=offer_words.firsts(held, result.direction),
        ),
    }


def _side(shown: JobView) -> dict[str, Any]:
    """One column of the offer page: the score, its parts, pay an hour and hours."""
    row = shown.row
    hourly = shown.hourly
    return {
        "view": shown,
        "hourly": hourly,
        "hourly_text": "" if hourly is None else money_text(hourly, row.currency),
        "hours": "" if row.hours_per_week is None else hours_text(row.hours_per_week),
    }
