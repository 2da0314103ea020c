"""The words the alignment pages say: a job's verdict and score in plain words first, the
arithmetic one click away, the headline's sentences and the next steps' links."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import dateformat

from careers.alignment import (
    ALIGNED_AT,
    GOALS_WEIGHT,
    HELD,
    IDENTITY_WEIGHT,
    OFFER,
    SKILLS_WEIGHT,
    VALUES_WEIGHT,
    counted,
    round_half_up,
)
from careers.models import Value

from .models import Fit, money_text

VALUE_LABELS = dict(Value.choices)
FIT_LABELS = dict(Fit.choices)

# The four quadrants of the means-or-end chart, and the two states of a job with no score.
VERDICTS = {
    "both": "Both",
    "built": "Built the career",
    "bills": "Paid the bills",
    "neither": "Neither",
    "details": "Needs details",
    "unscored": "Not scored",
}


def verdict(score, well_paid):
    """The verdict of a scored job: did it build the career (score ALIGNED_AT or more), did
    it pay well (None: its pay is unknown, so only the score speaks)?"""
    if score >= ALIGNED_AT:
        return "both" if well_paid else "built"
    return "bills" if well_paid or well_paid is None else "neither"


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


# The verbs of a job held, and of an offer (what it would do).
VERBS = {
    False: {
        "use": ("used", "did not use"),
        "advance": ("advanced", "did not advance"),
        "give": ("gave", "did not give"),
        "fit": "you rated its fit with who you are",
        "no_fit": "not counted: you have not rated how it fitted who you are",
    },
    True: {
        "use": ("would use", "would not use"),
        "advance": ("would advance", "would not advance"),
        "give": ("would give", "would not give"),
        "fit": "you expect its fit with who you are to be",
        "no_fit": "not counted: you have not said how much it would be you",
    },
}


def component_lines(parts, counts, names, offer=False):
    """Each component of a score in plain words, and the arithmetic behind it.

    `parts` are the job's Components against its direction, `counts` how many target
    skills, goals (not dropped) and values the direction has, `names` the matched ones;
    an offer's are said as what it would do.
    """
    verbs = VERBS[offer]
    values = [VALUE_LABELS.get(key, key) for key in names["values"]]
    fit = None if parts.identity is None else round_half_up(parts.identity * 4) + 1
    lines = [
        (
            "Skills",
            SKILLS_WEIGHT,
            parts.skills,
            parts.skills_weight,
            _some_of(
                *verbs["use"],
                names["skills"],
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
            f"{verbs['fit']} {fit} of 5: {FIT_LABELS[fit].lower()}"
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


def sentence(title, verdict_key, lines, direction_title, offer=False):
    """The sentence a job's card leads with."""
    if verdict_key == "details":
        return (
            f"{title} does not say yet which skills it used or what it gave you, so it is "
            "left out of your figures until it does."
        )
    if verdict_key == "unscored":
        if not direction_title:
            return f"There is no direction to set {title} against yet."
        return (
            f"{direction_title} has no target skills, goals or values yet, and this job's "
            "fit is not rated: there is nothing to score it by."
        )
    opening = (OFFER_OPENINGS if offer else OPENINGS)[verdict_key].format(
        title=title, direction=direction_title
    )
    # The two weightiest parts, without the names the lines below give.
    reasons = [line["said"].split(":")[0] for line in lines if line["counted"]][:2]
    reasons = [reason[:1].lower() + reason[1:] for reason in reasons]
    return f"{opening}: it {' and '.join(reasons)}." if reasons else f"{opening}."


OPENINGS = {
    "both": "{title} paid well and built {direction}",
    "built": "{title} built {direction}",
    "bills": "{title} paid the bills but did little for {direction}",
    "neither": "{title} neither paid well nor did much for {direction}",
}
OFFER_OPENINGS = {
    "both": "{title} would pay well and build {direction}",
    "built": "{title} would build {direction}",
    "bills": "{title} would pay the bills but do little for {direction}",
    "neither": "{title} would neither pay well nor do much for {direction}",
}


def period(job, days, direction_title):
    """ "Jan 2024 – now · 352 days · against Professional wrestler"."""
    if job.started_on is None:
        said = "No start date"
    elif job.stage == OFFER and not job.ended_on:
        said = f"From {dateformat.format(job.started_on, 'M Y')}"  # not "Nov 2026 – open"
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
    """ "1 day", "3 days"."""
    return counted(count, "day")


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


# When the overall score and the skill coverage differ by this much, the headline says why.
DISAGREE_BY = 25


def headline_texts(result, undescribed=0):
    """The sentences under the headline figures."""
    direction = result.direction
    title = direction.title if direction else ""
    texts = {
        "overall_text": (
            f"How well your jobs built {title}, each weighed by the days you worked in it."
            if direction
            else "How well your jobs built their directions, each weighed by the days you "
            "worked in it."
        ),
        "aligned_text": (f"of your working days went to jobs scoring {ALIGNED_AT} or more."),
        "coverage_text": (
            f"of the skills {title} needs (the important ones count more) came from a job "
            "or from learning you completed."
            if direction
            else ""
        ),
        "coverage_empty": (
            f"Add the skills {title} needs to see how many you have."
            if direction
            else "Describe your current direction and the skills it needs."
        ),
        "disagree": "",
        "undescribed": (
            ""
            if not undescribed
            else "1 job needs details: it is left out of these figures until it says what "
            "it gave you (see next steps)."
            if undescribed == 1
            else f"{undescribed} jobs need details: they are left out of these figures until "
            "they say what they gave you (see next steps)."
        ),
    }
    overall, coverage = result.overall, result.coverage
    if overall is not None and coverage is not None:
        if coverage >= overall + DISAGREE_BY:
            texts["disagree"] = (
                f"Why both? Between them, your jobs and learning have given you most of what "
                f"{title} needs ({coverage}%), but most of your working days went to jobs "
                f"that did little for it ({overall} of 100)."
            )
        elif overall >= coverage + DISAGREE_BY:
            texts["disagree"] = (
                f"Why both? Your jobs fit {title} well ({overall} of 100), but they have "
                f"given you only {coverage}% of the skills it needs: see what is missing."
            )
    return texts


def offer_verdict(offer, current, direction, closes, sides):
    """What an offer would change, in a few plain sentences (offer and current: JobViews;
    `sides`: the offer page's columns, with pay an hour)."""
    if direction is None:
        return ["Describe your direction to see what this offer would do for it."]
    said = []
    name = offer.job.title
    if offer.result.needs_details:
        said.append(
            f"Say what {name} would give you and which skills it would use, and Bearing "
            f"will set it against {direction.title}."
        )
    elif offer.score is not None and current is not None and current.score is not None:
        if offer.score > current.score:
            said.append(
                f"{name} would build {direction.title} more than {current.job.title} does "
                f"({offer.score} against {current.score} out of 100)."
            )
        elif offer.score < current.score:
            said.append(
                f"{name} would build {direction.title} less than {current.job.title} does "
                f"({offer.score} against {current.score} out of 100)."
            )
        else:
            said.append(
                f"{name} would build {direction.title} as much as {current.job.title} does "
                f"({offer.score} out of 100)."
            )
    elif offer.score is not None:
        said.append(f"{name} scores {offer.score} out of 100 against {direction.title}.")
    if closes:
        said.append(f"It would give you what you still miss: {', '.join(closes)}.")
    hourly = [side["hourly"] for side in sides]
    if (
        len(hourly) == 2
        and None not in hourly
        and sides[0]["view"].row.currency == sides[1]["view"].row.currency
    ):
        difference = hourly[0] - hourly[1]
        currency = sides[0]["view"].row.currency
        if difference > 0:
            said.append(f"It pays {money_text(difference, currency)} more an hour.")
        elif difference < 0:
            said.append(f"It pays {money_text(-difference, currency)} less an hour.")
        else:
            said.append("It pays the same an hour.")
    for flag in offer.result.flags:
        said.append(
            f"But it mentions “{flag.phrase}”, which you noted to avoid after {flag.job_title}."
        )
    return said
