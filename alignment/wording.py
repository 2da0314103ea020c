"""The words the alignment pages say about one job: its verdict and score in plain words
first, the arithmetic one click away, and the counts and periods the pages share."""

from collections.abc import Callable, Collection
from datetime import date
from fractions import Fraction
from typing import Any, cast

from alignment.phrases import FIT_SAID, FITS_NOW, VERBS, VERBS_NOW
from alignment.scoring import (
    ALIGNED_AT,
    BILLS,
    BUILT,
    DETAILS,
    GOALS_WEIGHT,
    IDENTITY_WEIGHT,
    LITTLE,
    PARTLY,
    PARTLY_AT,
    SKILLS_WEIGHT,
    UNSCORED,
    VALUES_WEIGHT,
    VERDICTS,
    WEIGHTS,
    Components,
    DirectionData,
    JobData,
    round_half_up,
)
from careers.models import Value
from core.vocabulary import HELD, OFFER
from core.words import counted, day, fold, joined, month, span
from jobs.models import Fit

VALUE_LABELS = dict(Value.choices)
FIT_LABELS = dict(Fit.choices)

# Each verdict (alignment.scoring.verdict) as a page names it: of a job held, and of an offer.
VERDICT_LABELS = {
    BUILT: "Built the career",
    PARTLY: "Built some of it",
    BILLS: "Paid the bills",
    LITTLE: "Did little for it",
    DETAILS: "Needs details",
    UNSCORED: "Not scored",
}
OFFER_VERDICT_LABELS = {
    BUILT: "Would build the career",
    PARTLY: "Would build some of it",
    BILLS: "Would pay the bills",
    LITTLE: "Would do little for it",
    DETAILS: "Needs details",
    UNSCORED: "Not scored",
}
# What puts a job under each verdict, for legends and "How scores work".
VERDICT_RULES = {
    BUILT: f"a score of {ALIGNED_AT} or more",
    PARTLY: f"a score of {PARTLY_AT} to {ALIGNED_AT - 1}",
    BILLS: f"paid work that scored under {PARTLY_AT}",
    LITTLE: f"unpaid work that scored under {PARTLY_AT}",
    DETAILS: "not described yet",
    UNSCORED: "no direction, or nothing to measure it by",
}


# A target skill's importance (1-3), as a sentence says it.
IMPORTANCE_PHRASES: dict[int | None, str] = {3: "essential", 2: "important", 1: "nice to have"}


def marked(names: list[str], importance: int) -> str:
    """Target skills named with how important the person marked them, all alike: "Stage
    presence, which you marked essential", "A and B, both of which you marked essential",
    "A, B and C, all of which you marked important"."""
    which = {1: "which", 2: "both of which"}.get(len(names), "all of which")
    return f"{joined(names)}, {which} you marked {IMPORTANCE_PHRASES[importance]}"


def career(title: str) -> str:
    """ "your professional wrestler career", "your UX designer career": a direction's title
    inside a sentence (a capital that only starts it is dropped), as a career (a title that
    already says career is kept)."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        title = title[0].lower() + title[1:]
    if title.split()[-1].casefold() in ("career", "careers"):
        return f"your {title}"
    return f"your {title} career"


def verdict_label(verdict: str, offer: bool = False) -> str:
    """ "Paid the bills", or for an offer "Would pay the bills"."""
    return (OFFER_VERDICT_LABELS if offer else VERDICT_LABELS)[verdict]


def legend(shown: Collection[str] = VERDICTS) -> list[dict[str, str]]:
    """The verdicts a chart's colours stand for (those `shown`), each with its rule, in
    order."""
    return [
        {"verdict": key, "label": VERDICT_LABELS[key], "rule": VERDICT_RULES[key]}
        for key in VERDICTS
        if key in shown
    ]


# What each band of scores is called, said once in the timeline's introduction: readers asked
# what 25 to 49 is called when no bar had it (rounds 22, 43), and took a legend entry that no
# bar used for noise (rounds 35 to 41). The unpaid band always: without it, readers of rounds
# 59 to 61 asked what an unpaid job under 25 is called.
def scale() -> str:
    """The bands of scores in words, for the timeline's introduction."""
    return (
        f"at {ALIGNED_AT} or more a job built the career, at {PARTLY_AT} to {ALIGNED_AT - 1} it "
        f"built some of it, and under {PARTLY_AT} a paid job paid the bills and an unpaid one did "
        "little for it"
    )


def how_scored(counts: dict[str, int]) -> str:
    """What a score out of 100 weighs, said once above the job cards when all of it counts
    (a direction with target skills, goals and values), or "": readers could not tell why
    one job outscored another (round 41), nor why one skill or value gave more points than
    another (round 43)."""
    if not all(counts.get(part) for part in ("skills", "goals", "values")):
        return ""
    points = {part: 100 * weight // sum(WEIGHTS.values()) for part, weight in WEIGHTS.items()}
    return (
        f"A score out of 100 weighs four things: the target skills a job used or taught you "
        f"(up to {points['skills']} points), the goals it advanced ({points['goals']}), the "
        f"things you value that it gave ({points['values']}) and how well it fitted who you "
        f"are ({points['identity']} for 5 of 5, none for 1 of 5). Within each, a skill, goal or "
        f"value you marked essential weighs 3, one marked important 2 and one nice to have 1."
    )


def _some_of(
    verb: str,
    names: list[str],
    total: int,
    one: str,
    whose: str,
    nouns: str,
    *,
    negative: str,
) -> tuple[str, str, str]:
    """ "advanced 2 of your 4 goals: A, B", "advanced none of your 4 goals", "advanced all 4
    of your goals", "advanced both of your goals", "advanced your one goal", "did not advance
    your one goal" (`negative`)… the same without the names, and that again as a shortfall
    ("advanced only 2 of your 4 goals")."""
    shortfall = ""
    if total == 1:
        said = f"{verb} {one}" if names else f"{negative} {one}"
    elif not names:
        said = f"{verb} none of {whose} {total} {nouns}"
    elif len(names) == total == 2:
        said = f"{verb} both of {whose} {nouns}"
    elif len(names) == total:
        said = f"{verb} all {total} of {whose} {nouns}"
    else:
        said = f"{verb} {len(names)} of {whose} {total} {nouns}"
        shortfall = f"{verb} only {len(names)} of {whose} {total} {nouns}"
    return said + (f": {', '.join(names)}" if names else ""), said, shortfall or said


def _skills_said(
    names: dict[str, list[str]], total: int, verbs: dict[str, str], tag: Any = str
) -> tuple[str, str, str]:
    """What a job did with the direction's target skills, the used told from the taught, each
    named as `tag` says it: ("Used Choreography (nice to have) and taught you Strength training
    (essential): 2 of your 5 target skills", "used 1 of your 5 target skills and taught you 1
    more", and that as a shortfall: "used only 1 of your 5 target skills and taught you 1
    more")."""
    gained = set(names.get("gained", ()))
    used = [name for name in names["skills"] if name not in gained]
    taught = [name for name in names["skills"] if name in gained]
    of = "your one target skill" if total == 1 else f"your {total} target skills"
    if not used and not taught:
        return (f"{verbs['none']} of {of}",) * 3
    count = len(used) + len(taught)
    share = (
        of
        if total == 1
        else "both your target skills"
        if count == total == 2
        else f"all {total} of your target skills"
        if count == total
        else f"{count} of {of}"
    )
    # "would use A and teach you B": the second verb without its "would".
    teach = verbs["teach"].removeprefix("would ") if used else verbs["teach"]
    long_parts = [f"{verbs['use']} {joined([tag(n) for n in used])}"] if used else []
    long_parts += [f"{teach} {joined([tag(n) for n in taught])}"] if taught else []
    # Fewer than all of them, as a shortfall: "used only 2 of your 5 target skills".
    only = "only " if count < total else ""
    if used and taught:
        verb, rest = verbs["use"], f"{len(used)} of {of} and {teach} {len(taught)} more"
    else:
        verb, rest = verbs["use"] if used else verbs["teach"], share
    return f"{' and '.join(long_parts)}: {share}", f"{verb} {rest}", f"{verb} {only}{rest}"


def component_lines(
    parts: Components,
    counts: dict[str, int],
    names: dict[str, list[str]],
    offer: bool = False,
    had: Collection[str] = (),
    pays_less: str = "",
    ongoing: bool = False,
    weights: dict[tuple[str, str], int] | None = None,
) -> list[dict[str, Any]]:
    """Each component of a score in plain words, and the arithmetic behind it.

    `parts` are the job's Components against its direction, `counts` how many target
    skills, goals (not dropped) and values the direction has, `names` the matched ones
    (history.Explained.of, with the skills it gained); an offer's are said as what it would
    do, and of the skills it would teach, those the person `had` (folded names) already are
    said as used: it cannot teach what they have. An offer that `pays_less` ("2.28 EUR less
    an hour than Waiter") than the job the person has does not name Money among what it
    would give: it says the pay plainly. Each line has the words a card shows (`said`), the
    shorter ones its sentence takes (`reason`), and those as a shortfall (`shortfall`: "used
    only 2 of …") for a part that held the score down. How a held job that is `ongoing`
    fits is said in the present ("you rated how well it fits who you are"). Each thing named
    says how much it matters to the person, from `weights` (history.Explained.weights_of):
    "Money (nice to have)", so that two jobs that each gave "1 of 3" and got different points
    say why (round 44).
    """
    weights = weights or {}

    def tagged(part: str) -> Callable[..., str]:
        def tag(name: str, label: str = "") -> str:
            level = IMPORTANCE_PHRASES.get(weights.get((part, name)))
            return f"{label or name} ({level})" if level else label or name

        return tag

    verbs = VERBS[offer]
    fit_said = FIT_SAID[offer]
    if ongoing and not offer:
        verbs, fit_said = VERBS_NOW, FITS_NOW
    if offer and had:
        names = {**names, "gained": [n for n in names.get("gained", []) if fold(n) not in had]}
    values = [tagged("values")(key, VALUE_LABELS.get(key, key)) for key in names["values"]]
    fit = None if parts.identity is None else round_half_up(parts.identity * 4) + 1
    skills = goals = said_values = ("", "", "")
    if parts.skills is not None:
        skills = _skills_said(names, counts["skills"], verbs, tagged("skills"))
    if parts.goals is not None:
        # Counted as the score counts them, the job's line beside it too; an offer cannot
        # advance a goal already achieved, so its line says how many are (a reader asked why
        # it would advance "only 1 of your 2 goals").
        goals = _some_of(
            verbs["advance"],
            [tagged("goals")(name) for name in names["goals"]],
            counts["goals"],
            "your one goal",
            "your",
            "goals",
            negative=verbs["not_advance"],
        )
        achieved = counts.get("achieved", 0) if offer else 0
        if achieved:
            note = _achieved_already(achieved, counts["goals"], len(names["goals"]))
            goals = (goals[0] + note, *goals[1:])
    if parts.values is not None:
        said_values = _some_of(
            verbs["give"],
            values,
            counts["values"],
            "the one thing you value from work",
            "the",
            "things you value from work",
            negative=verbs["not_give"],
        )
        if offer and pays_less and "money" in names["values"]:
            keys = [key for key in names["values"] if key != "money"]
            others = joined([VALUE_LABELS.get(key, key) for key in keys])
            plain = f"it would pay, but {pays_less}"
            named = joined([tagged("values")(key, VALUE_LABELS.get(key, key)) for key in keys])
            said_values = (
                f"{verbs['give']} {named}; {plain}" if keys else plain,
                f"{verbs['give']} {others}" if keys else f"would pay {pays_less}",
                f"{verbs['give']} only {others}" if keys else f"would pay {pays_less}",
            )
    lines = [
        (
            "Skills",
            SKILLS_WEIGHT,
            parts.skills,
            parts.skills_weight,
            skills if parts.skills is not None else NOT_COUNTED["skills"],
        ),
        (
            "Goals",
            GOALS_WEIGHT,
            parts.goals,
            parts.goals_weight,
            goals if parts.goals is not None else NOT_COUNTED["goals"],
        ),
        (
            "Values",
            VALUES_WEIGHT,
            parts.values,
            parts.values_weight,
            said_values if parts.values is not None else NOT_COUNTED["values"],
        ),
        (
            "Fit",
            IDENTITY_WEIGHT,
            parts.identity,
            None if fit is None else (fit - 1, 4),
            (
                f"{verbs['fit']}: {fit} of 5, {FIT_LABELS[fit].lower()}",
                f"{fit_said[fit]} ({fit} of 5)",
                f"{fit_said[fit]} ({fit} of 5)",
            )
            if fit is not None
            else (verbs["no_fit"], "", ""),
        ),
    ]
    # A goal the job advanced counts in its favour however few of the goals it was: readers
    # took "Against it: it advanced only 1 of your 3 goals" for a job that had got them into a
    # wrestling school, or an offer that was the goal itself, as blaming the job (round 41).
    advanced = [f"“{name}”" for name in names.get("goals", [])] if parts.goals else []
    goal_favour = goals[1] if len(advanced) > 2 else ""
    if 0 < len(advanced) <= 2:
        ours = "your goal" if len(advanced) == 1 else "your goals"
        goal_favour = f"{verbs['advance']} {ours} {joined(advanced)}"
    said_lines = [
        {
            "name": name,
            "weight": weight,
            "said": said[:1].upper() + said[1:],
            "reason": reason,
            # In the card's sentence, said in the job's favour whatever its share ("" when
            # only a share of half or more does).
            "favour": goal_favour if name == "Goals" else "",
            # The same, said as a shortfall when it held the score down.
            "shortfall": shortfall,
            "counted": ratio is not None,
            "ratio": ratio,
            # A counted component (ratio not None) has its weights (got).
            "fraction": "" if ratio is None else f"{got[0]}/{got[1]}",  # type: ignore[index]
        }
        for name, weight, ratio, got, (said, reason, shortfall) in lines
    ]
    return _with_points(said_lines)


def _with_points(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each counted line with the points it got of the score out of 100 and the points it
    could get ("3.3 of 40 points"): readers could not tell from the words alone why one job
    outscored another (rounds 41 and 42). To a tenth, so that one skill is worth the same on
    every card and the fit's scale reads as the straight line it is (whole numbers made to
    add up to the score gave Choreography 3 points on one card and 4 on the next, round 43);
    added up, they come within a few tenths of the exact score the badge rounds (each is its
    exact term, rounded on its own). Only when every part counts: with one left out the others
    share its points, and maximums such as "3.7 of 22.2" could not be read (round 53; round
    49 had found an offer's 4 beside rows worth 3.3 a sum that did not add up), so the card
    then says which part is left out and gives no points."""
    counted = [line for line in lines if line["counted"]]
    if len(counted) < len(lines):
        return lines
    weights = sum(line["weight"] for line in counted)
    for line in counted:
        most = Fraction(100 * line["weight"], weights)
        line["points"], line["out_of"] = tenths(most * line["ratio"]), tenths(most)
    return lines


def tenths(value: Fraction) -> str:
    """ "3.3", "20", "2.5": a number of points to a tenth, rounded half up."""
    said = f"{round_half_up(value * 10) / 10:.1f}"
    return said.removesuffix(".0")


def _achieved_already(achieved: int, total: int, advanced: int) -> str:
    """ "; the other is achieved already" (of an offer that would advance one of two), ";
    2 of them are achieved already"."""
    if achieved == total:
        return (
            "; it is achieved already"
            if total == 1
            else ("; both are achieved already" if total == 2 else "; all are achieved already")
        )
    if total == 2 and advanced == 1:
        return "; the other is achieved already"
    return f"; {achieved} of them {'is' if achieved == 1 else 'are'} achieved already"


NOT_COUNTED = {
    "skills": ("not counted: the direction has no target skills yet", "", ""),
    "goals": ("not counted: the direction has no goals yet (dropped ones do not count)", "", ""),
    "values": ("not counted: the direction has no values yet", "", ""),
}


def arithmetic(lines: list[dict[str, Any]], exact: Fraction | None) -> str:
    """The sum behind a score: "(4 × 4/9 + 3 × 2/5 + …) ÷ 10 × 100 = 59.78, rounded: 60"."""
    counted = [line for line in lines if line["counted"]]
    if not counted or exact is None:
        return ""
    terms = " + ".join(f"{line['weight']} × {line['fraction']}" for line in counted)
    weights = sum(line["weight"] for line in counted)
    return (
        f"({terms}) ÷ {weights} × 100 = {float(exact):.2f}, rounded half up to "
        f"{round_half_up(exact)}"
    )


OPENINGS = {
    BUILT: "{title} built {career}",
    PARTLY: "{title} built some of {career}",
    BILLS: "{title} paid the bills but did little for {career}",
    LITTLE: "{title} did little for {career}",
}
# Of a job that goes on: what it does so far.
ONGOING_OPENINGS = {
    BUILT: "{title} is building {career}",
    PARTLY: "{title} is building some of {career}",
    BILLS: "{title} pays the bills but does little for {career}",
    LITTLE: "{title} does little for {career}",
}
OFFER_OPENINGS = {
    BUILT: "{title} would build {career}",
    PARTLY: "{title} would build some of {career}",
    BILLS: "{title} would pay the bills but do little for {career}",
    LITTLE: "{title} would do little for {career}",
}


def sentence(
    title: str,
    verdict: str,
    lines: list[dict[str, Any]],
    direction_title: str,
    offer: bool = False,
    pays_less: str = "",
    ongoing: bool = False,
) -> str:
    """The sentence a job's card leads with, following its verdict (and for an offer that
    `pays_less` than the job the person has, how much less); of a job that goes on, in
    the present."""
    said = _sentence(title, verdict, lines, direction_title, offer, ongoing)
    if pays_less and pays_less not in said and verdict not in (DETAILS, UNSCORED):
        said += f" It would pay {pays_less}."
    return said


def _sentence(
    title: str,
    verdict: str,
    lines: list[dict[str, Any]],
    direction_title: str,
    offer: bool,
    ongoing: bool = False,
) -> str:
    if verdict == DETAILS:
        if offer:
            return (
                f"You have not said yet which skills {title} would use or what it would give "
                "you, so it cannot be scored."
            )
        return (
            f"You have not said yet which skills {title} used or what it gave you, so it is "
            "not counted in your figures."
        )
    if verdict == UNSCORED:
        if not direction_title:
            return f"There is no direction to set {title} against yet."
        return (
            f"{direction_title} has no target skills, goals or values yet, and you have not "
            f"rated how well {title} fits you: there is nothing to score it by."
        )
    openings = OFFER_OPENINGS if offer else ONGOING_OPENINGS if ongoing else OPENINGS
    opening = openings[verdict].format(title=title, career=career(direction_title))
    # Every part that counted (the lines below name names): at half of what the direction
    # asks or more it counted in the score's favour (towards ALIGNED_AT); the others against.
    # A goal advanced counts in its favour whatever its share (component_lines).
    counted = [line for line in lines if line["counted"]]
    up = [line for line in counted if line["ratio"] >= LIFTS_AT or line.get("favour")]
    lifted = [line.get("favour") or line["reason"] for line in up]
    # A part that held the score down is said as the shortfall it is: "used only 2 of …".
    held = [line["shortfall"] for line in counted if line not in up]
    if not lifted or not held:
        return f"{opening}: it {_all_of(lifted or held)}." if counted else f"{opening}."
    # Which way each part pulled, said before the parts ("In its favour: …"): after them,
    # "which counted against it" read as said of the goal a job had advanced (round 35), and
    # "lifted" a score of 12 as odd (round 28).
    favour = f"In its favour: it {_all_of(lifted)}."
    against = f"Against it: it {_all_of(held)}."
    # In its favour first on every card: a card that began with "Against it" beside cards
    # that began "In its favour" slowed a reader down (round 39).
    return f"{opening}. {favour} {against}"


# A part of a score at this share of what the direction asks, or more, counts in its favour.
LIFTS_AT = Fraction(ALIGNED_AT, 100)


def _all_of(reasons: list[str]) -> str:
    """Reasons as one list: "used 1 of …, advanced none of … and gave …", with a comma
    before the last when one of them holds an "and" of its own."""
    if len(reasons) > 1 and any(" and " in reason for reason in reasons):
        return ", ".join(reasons[:-1]) + ", and " + reasons[-1]
    return joined(reasons)


def before_direction(job: JobData, direction: DirectionData | None, asked: bool = False) -> str:
    """A note for a held job that began before the person chose its direction, or "": why
    it is judged by it (readers asked why a 2020 job counts against a career chosen in 2023,
    rounds 41 to 44), by DESIGN's rule, or on a page that sets every job against the
    direction `asked` for, that it does."""
    if job.stage != HELD or not job.described or direction is None:
        return ""
    # A held job has a start (a constraint of jobs.models.Job).
    if direction.started_on is None or cast(date, job.started_on) >= direction.started_on:
        return ""
    did = "did" if job.ended_on is not None and job.ended_on < direction.started_on else "started"
    # "A job is judged by the direction of yours that covers most of its time, or by your
    # current one when none does" was hard to parse (round 45), and "No direction of yours
    # covers its time" read as jargon (round 53): said of this job, plainly.
    if asked:
        why = "Like every job on this page, it is judged by this direction."
    elif did == "did":
        why = "You had no direction then, so it is judged by the one you have now."
    else:
        why = "It ran on after that, so it is judged by this direction."
    return (
        f"You {did} this job before you set {direction.title} as your direction "
        f"({day(direction.started_on)}). {why}"
    )


def period(job: JobData, days: int, direction_title: str) -> str:
    """ "Jan 2024 – now · 12 months · measured against Professional wrestler" (in months, as the
    headline counts time); an offer "From Nov 2026 · measured against …"."""
    if job.started_on is None:
        said = "No start date" if job.stage == HELD else "No start date yet"
    elif job.stage == OFFER and job.ended_on is None:
        said = f"From {month(job.started_on)}"
    else:
        end = month(job.ended_on) if job.ended_on else "now"
        said = f"{month(job.started_on)} – {end}"
        if job.stage == HELD:
            said += f" · {span(days)}"
    if direction_title:
        said += f" · measured against {direction_title}"
    return said


def jobs_count(count: int) -> str:
    """ "1 job", "3 jobs"."""
    return counted(count, "job")


def days_count(count: int) -> str:
    """ "1 day", "3 days", "1,507 days"."""
    return f"{count:,} day" if count == 1 else f"{count:,} days"
