"""The words the alignment pages say: a job's verdict and score in plain words first, the
arithmetic one click away, the headline's sentences and the next steps' links."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import dateformat

from careers.alignment import (
    ALIGNED_AT,
    BILLS,
    BUILT,
    DETAILS,
    GOALS_WEIGHT,
    HELD,
    IDENTITY_WEIGHT,
    LITTLE,
    OFFER,
    PARTLY,
    PARTLY_AT,
    SKILLS_WEIGHT,
    UNSCORED,
    VALUES_WEIGHT,
    VERDICTS,
    counted,
    day,
    joined,
    round_half_up,
)
from careers.models import Value

from .models import Fit, money_text

VALUE_LABELS = dict(Value.choices)
FIT_LABELS = dict(Fit.choices)

# Each verdict (careers.alignment.verdict) as a page names it: of a job held, and of an offer.
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
    BILLS: f"under {PARTLY_AT}, and paid",
    LITTLE: f"under {PARTLY_AT}, and unpaid",
    DETAILS: "not described yet",
    UNSCORED: "nothing to set it against",
}


def verdict_label(verdict, offer=False):
    """ "Paid the bills", or for an offer "Would pay the bills"."""
    return (OFFER_VERDICT_LABELS if offer else VERDICT_LABELS)[verdict]


def legend():
    """The verdicts a chart's colours stand for, each with its rule, in order."""
    return [
        {"verdict": key, "label": VERDICT_LABELS[key], "rule": VERDICT_RULES[key]}
        for key in VERDICTS
    ]


def career(title):
    """ "your Professional wrestler career" (a title that already says career is kept)."""
    if title.split()[-1].casefold() in ("career", "careers"):
        return f"your {title}"
    return f"your {title} career"


def _some_of(verb, negative, names, total, one, whose, nouns):
    """ "used 2 of your 4 target skills: A, B", "used none of your 4 target skills", "used
    all 4 of your target skills", "did not use your one target skill"…"""
    listed = f": {', '.join(names)}" if names else ""
    if total == 1:
        return f"{verb} {one}{listed}" if names else f"{negative} {one}"
    if not names:
        return f"{verb} none of {whose} {total} {nouns}"
    if len(names) == total:
        return f"{verb} all {total} of {whose} {nouns}{listed}"
    return f"{verb} {len(names)} of {whose} {total} {nouns}{listed}"


# The verbs of a job held, and of an offer (what it would do). A skill a job *used* is one
# the person already had; one it *gained* them they learned there: both count the same.
VERBS = {
    False: {
        "use": ("used or gained", "did not use or gain"),
        "gained": "gained",
        "advance": ("advanced", "did not advance"),
        "give": ("gave", "did not give"),
        "fit": "you rated how well it fitted who you are",
        "no_fit": "not counted: you have not rated how well it fitted who you are",
    },
    True: {
        "use": ("would use or teach", "would not use or teach"),
        "gained": "would teach",
        "advance": ("would advance", "would not advance"),
        "give": ("would give", "would not give"),
        "fit": "you expect it to fit who you are",
        "no_fit": "not counted: you have not said how well you expect it to fit who you are",
    },
}


def component_lines(parts, counts, names, offer=False):
    """Each component of a score in plain words, and the arithmetic behind it.

    `parts` are the job's Components against its direction, `counts` how many target
    skills, goals (not dropped) and values the direction has, `names` the matched ones
    (history.Explained.of: skills with those gained marked); an offer's are said as what it
    would do.
    """
    verbs = VERBS[offer]
    values = [VALUE_LABELS.get(key, key) for key in names["values"]]
    gained = names.get("gained", ())
    skills = [f"{name} ({verbs['gained']})" if name in gained else name for name in names["skills"]]
    fit = None if parts.identity is None else round_half_up(parts.identity * 4) + 1
    lines = [
        (
            "Skills",
            SKILLS_WEIGHT,
            parts.skills,
            parts.skills_weight,
            _some_of(
                *verbs["use"],
                skills,
                counts["skills"],
                "your one target skill",
                "your",
                "target skills",
            )
            if parts.skills is not None
            else "not counted: the direction has no target skills yet",
        ),
        (
            "Goals",
            GOALS_WEIGHT,
            parts.goals,
            parts.goals_weight,
            _some_of(
                *verbs["advance"],
                names["goals"],
                counts["goals"],
                "your one goal",
                "your",
                "goals",
            )
            if parts.goals is not None
            else "not counted: the direction has no goals yet (dropped ones do not count)",
        ),
        (
            "Values",
            VALUES_WEIGHT,
            parts.values,
            parts.values_weight,
            _some_of(
                *verbs["give"],
                values,
                counts["values"],
                "the one thing you value",
                "the",
                "things you value",
            )
            if parts.values is not None
            else "not counted: the direction has no values yet",
        ),
        (
            "Fit",
            IDENTITY_WEIGHT,
            parts.identity,
            None if fit is None else (fit - 1, 4),
            f"{verbs['fit']}: {fit} of 5, {FIT_LABELS[fit].lower()}"
            if fit is not None
            else verbs["no_fit"],
        ),
    ]
    return [
        {
            "name": name,
            "weight": weight,
            "said": said[:1].upper() + said[1:],
            "counted": ratio is not None,
            "fraction": "" if ratio is None else f"{got[0]}/{got[1]}",
            "width": "0" if ratio is None else str(round_half_up(100 * ratio)),
        }
        for name, weight, ratio, got, said in lines
    ]


def arithmetic(lines, exact):
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
OFFER_OPENINGS = {
    BUILT: "{title} would build {career}",
    PARTLY: "{title} would build some of {career}",
    BILLS: "{title} would pay the bills but do little for {career}",
    LITTLE: "{title} would do little for {career}",
}


def sentence(title, verdict, lines, direction_title, offer=False):
    """The sentence a job's card leads with, following its verdict."""
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
    opening = (OFFER_OPENINGS if offer else OPENINGS)[verdict].format(
        title=title, career=career(direction_title)
    )
    # The two weightiest parts, without the names the lines below give.
    reasons = [line["said"].split(":")[0] for line in lines if line["counted"]][:2]
    reasons = [reason[:1].lower() + reason[1:] for reason in reasons]
    return f"{opening}: it {' and '.join(reasons)}." if reasons else f"{opening}."


def before_direction(job, direction):
    """A note for a held job that ended before the person chose its direction, or ""."""
    if job.stage != HELD or direction is None or direction.started_on is None:
        return ""
    if job.ended_on is None or job.ended_on >= direction.started_on:
        return ""
    return (
        f"You did this job before you chose {direction.title} ({day(direction.started_on)}), "
        "so it was not aimed at it: the score says what it did for it all the same."
    )


def period(job, days, direction_title):
    """ "Jan 2024 – now · 352 days · against Professional wrestler"; an offer "from Nov 2026"."""
    if job.started_on is None:
        said = "No start date" if job.stage == HELD else "No start date yet"
    elif job.stage == OFFER and job.ended_on is None:
        said = f"From {dateformat.format(job.started_on, 'M Y')}"
    else:
        end = dateformat.format(job.ended_on, "M Y") if job.ended_on else "now"
        said = f"{dateformat.format(job.started_on, 'M Y')} – {end}"
        if job.stage == HELD:
            said += f" · {days_count(days)}"
    if direction_title:
        said += f" · against {direction_title}"
    return said


def jobs_count(count):
    """ "1 job", "3 jobs"."""
    return counted(count, "job")


def days_count(count):
    """ "1 day", "3 days", "1,507 days"."""
    return f"{count:,} day" if count == 1 else f"{count:,} days"


STEP_ACTIONS = {
    # kind: (the link's words, the page it opens, the step's field that names the object)
    "learn_skill": ("Add learning for it", "careers:learning_add", None),
    "overdue_goal": ("Review the goal", "careers:goal_detail", "goal_id"),
    "shape_direction": ("Complete the direction", "careers:direction_edit", "direction_id"),
    "weak_job": ("See why it scores low", "jobs:job_detail", "job_id"),
    "weigh_offer": ("Weigh the offer", "jobs:job_detail", "job_id"),
    "describe_job": ("Add its details", "jobs:job_edit", "job_id"),
}


def next_steps(next_steps):
    """Next steps (careers.alignment.NextStep), each with the link that acts on it."""
    steps = []
    for step in next_steps:
        action, viewname, field = STEP_ACTIONS[step.kind]
        if field is None:  # learning for a skill: the form comes with the skill filled in
            url = f"{reverse(viewname)}?{urlencode({'skill': step.skill_name})}"
        else:
            url = reverse(viewname, args=[getattr(step, field)])
        steps.append({"kind": step.kind, "text": step.text, "action": action, "url": url})
    return steps


# -- the headline ------------------------------------------------------------------------------

# The verdicts the headline's days are told by, in the order it tells them.
DAY_VERDICTS = (BUILT, PARTLY, BILLS, LITTLE)
HEADLINE_NAMES = 3  # jobs named under each verdict, the longest first, then "and N more"
# What the days of each verdict did: "… paid the bills", "… built some of it".
DID = {
    BUILT: "built {career}",
    PARTLY: "built some of {career}",
    BILLS: "paid the bills",
    LITTLE: "did little for {career}",
}


def share_of(part, whole):
    """How much of a whole, in words a person trusts: "all", "most" (more than half, not
    all), "half", or else the percentage ("30%")."""
    if part == whole:
        return "all"
    if 2 * part == whole:
        return "half"
    if 2 * part > whole:
        return "most"
    return f"{round_half_up(100 * part / whole)}%"


def _names(titles):
    """A group's job names, the longest first: "Waiter, Stage-hand and 3 more"."""
    shown = titles[:HEADLINE_NAMES]
    more = len(titles) - len(shown)
    if more:
        return f"{', '.join(shown)} and {counted(more, 'other job')}"
    return joined(shown)


def headline(results, direction, first_step=None):
    """The answer at the top of the dashboard, from the verdicts of the held jobs: the days
    of each verdict with the jobs named, what needs details first, and the one thing to do
    next."""
    held = [r for r in results if r.job.stage == HELD and r.days > 0]
    groups = []
    for verdict in DAY_VERDICTS:
        jobs = sorted((r for r in held if r.verdict == verdict), key=lambda r: (-r.days, r.job.id))
        if jobs:
            groups.append(
                {
                    "verdict": verdict,
                    "tone": f"tone-{verdict}",
                    "label": VERDICT_LABELS[verdict],
                    "days": sum(r.days for r in jobs),
                    "names": _names(list(dict.fromkeys(r.job.title for r in jobs))),
                }
            )
    total = sum(group["days"] for group in groups)
    for group in groups:
        group["percent"] = round_half_up(100 * group["days"] / total)
        group["days_text"] = days_count(group["days"])
    answer = ""
    if groups:
        largest = max(groups, key=lambda g: (g["days"], -DAY_VERDICTS.index(g["verdict"])))
        share = share_of(largest["days"], total)
        title = direction.title if direction else ""
        did = DID[largest["verdict"]].format(career=career(title) if title else "the career")
        if share in ("all", "most", "half"):
            answer = f"{share.capitalize()} of your {days_count(total)} in work {did}."
        else:
            answer = f"The largest share of your {days_count(total)} in work ({share}) {did}."
    waiting = []
    silent = list(dict.fromkeys(r.job.title for r in held if r.verdict == DETAILS))
    if silent:
        verb = "needs" if len(silent) == 1 else "need"
        waiting.append(f"{_names(silent)} {verb} details before {_it(silent)} can count")
    unscored = list(dict.fromkeys(r.job.title for r in held if r.verdict == UNSCORED))
    if unscored:
        waiting.append(f"{_names(unscored)} cannot be scored yet")
    return {
        "answer": answer,
        "bar": groups,
        "waiting": f"{joined(waiting)}." if waiting else "",
        "next": first_step,
    }


def _it(titles):
    return "it" if len(titles) == 1 else "they"


# When the overall score and the skill coverage differ by this much, the headline says why.
DISAGREE_BY = 25
SOURCES_NAMED = 4  # where coverage came from: this many sources named, then "and N more"


def figure_texts(result, direction):
    """The sentences under the three figures beneath the headline."""
    title = direction.title if direction else ""
    return {
        "overall_text": (
            f"The average score of your jobs against {title}, out of 100; a job you did for "
            "longer counts for more."
            if direction
            else "The average score of your jobs against their directions, out of 100; a job "
            "you did for longer counts for more."
        ),
        "aligned_text": (
            f"of your days in work were in jobs that built the career (a score of {ALIGNED_AT} "
            "or more)."
        ),
        "coverage_text": (
            f"of the skills {title} needs you already have, from a job or from learning you "
            "finished (the important skills count more)."
            if direction
            else ""
        ),
        "coverage_empty": (
            f"Add the skills {title} needs to see how many you have."
            if direction
            else "Describe your current direction and the skills it needs."
        ),
    }


def _sources(target_skills):
    """Where each covered target skill came from: "Strength training and Choreography from
    Gym assistant; Stage presence from Wrestling school (learning)"."""
    by_source = {}
    for skill in target_skills:
        if not skill.covered:
            continue
        source = f"the {skill.learning} learning" if skill.learning and not skill.job else skill.job
        by_source.setdefault(source, []).append(skill.name)
    parts = [f"{joined(names)} from {source}" for source, names in by_source.items()]
    shown = parts[:SOURCES_NAMED]
    more = len(parts) - len(shown)
    return "; ".join(shown) + (f"; and {counted(more, 'other source')}" if more else "")


def disagree(result, direction, target_skills):
    """Why skill coverage and the jobs' scores tell different stories, or ""."""
    overall, coverage = result.overall, result.coverage
    if direction is None or overall is None or coverage is None:
        return ""
    if coverage >= overall + DISAGREE_BY:
        have = share_of(coverage, 100)
        have = f"{have} of the skills" if have != f"{coverage}%" else f"{coverage}% of the skills"
        return (
            f"Why is skill coverage higher than your jobs' scores? You already have {have} "
            f"{direction.title} needs: {_sources(target_skills)}. But a job's score counts "
            "what that job gave you, and on average your jobs score "
            f"{overall} out of 100 against it."
        )
    if overall >= coverage + DISAGREE_BY:
        return (
            f"Why do your jobs score higher than your skill coverage? Your jobs give you much "
            f"of what {direction.title} asks for — its goals, your values, a fit with who you "
            f"are — and score {overall} out of 100 on average; but you have only {coverage}% "
            "of the skills it needs. See the missing skills."
        )
    return ""


def offer_verdict(offer, current, direction, closes, sides):
    """What an offer would change for the person first, then how it compares with the job
    they have (offer and current: JobViews; `sides`: the offer page's columns, with pay an
    hour)."""
    if direction is None:
        return ["Describe your direction to see what this offer would do for it."]
    said = []
    name = offer.job.title
    if offer.result.needs_details:
        said.append(
            f"Say what {name} would give you and which skills it would use, and Bearing "
            f"will set it against {direction.title}."
        )
    gains, losses = [], []
    if closes:
        gains.append(
            f"give you {joined(closes)}, which {direction.title} needs and you do not have yet"
        )
    goals = offer.names.get("goals", []) if offer.names else []
    if goals:
        quoted = [f"“{goal}”" for goal in goals]
        gains.append(f"advance your goal{'s' if len(goals) > 1 else ''} {joined(quoted)}")
    hourly = [side["hourly"] for side in sides]
    if (
        len(hourly) == 2
        and None not in hourly
        and sides[0]["view"].row.currency == sides[1]["view"].row.currency
    ):
        difference = hourly[0] - hourly[1]
        currency = sides[0]["view"].row.currency
        than = f"than {current.job.title}"
        if difference > 0:
            gains.append(f"pay {money_text(difference, currency)} more an hour {than}")
        elif difference < 0:
            losses.append(f"it pays {money_text(-difference, currency)} less an hour {than}")
        else:
            losses.append(f"it pays the same an hour as {current.job.title}")
    if gains:
        said.append(f"Taking {name} would {joined(gains)}.")
    elif not offer.result.needs_details:
        said.append(
            f"Taking {name} would give you none of the skills you miss and advance none of "
            "your goals."
        )
    said += [f"{loss[:1].upper()}{loss[1:]}." for loss in losses]
    if offer.score is not None:
        label = OFFER_VERDICT_LABELS[offer.verdict].lower()
        if current is not None and current.score is not None:
            said.append(
                f"Against {direction.title} it scores {offer.score} out of 100, so it "
                f"{label}; {current.job.title} scores {current.score}."
            )
        else:
            said.append(
                f"Against {direction.title} it scores {offer.score} out of 100, so it {label}."
            )
    return said  # its flags follow, in the page's own warning
