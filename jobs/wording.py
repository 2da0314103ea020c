"""The words the alignment pages say about a score, its parts and what to do next."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import dateformat

from careers.alignment import ALIGNED_AT, HELD, OFFER, WEIGHTS, round_half_up
from careers.models import Value

VALUE_LABELS = dict(Value.choices)


def component_lines(parts, counts, names):
    """The four components of a score, each with the words that explain it.

    `parts` are the job's Components against its direction, `counts` how many target
    skills, goals (not dropped) and values the direction has, `names` the matched ones.
    """
    if parts is None:
        return []
    lines = [
        {
            "name": "Skills",
            "ratio": parts.skills,
            "text": (
                f"{len(names['skills'])} of {counts['skills']} target skills, weighted "
                f"{parts.skills_weight[0]}/{parts.skills_weight[1]}"
                if parts.skills is not None
                else "Not counted: the direction has no target skills yet."
            ),
            "matched": names["skills"],
        },
        {
            "name": "Goals",
            "ratio": parts.goals,
            "text": (
                f"{len(names['goals'])} of {counts['goals']} goals advanced, weighted "
                f"{parts.goals_weight[0]}/{parts.goals_weight[1]}"
                if parts.goals is not None
                else "Not counted: the direction has no goals (other than dropped ones)."
            ),
            "matched": names["goals"],
        },
        {
            "name": "Values",
            "ratio": parts.values,
            "text": (
                f"{len(names['values'])} of {counts['values']} values given, weighted "
                f"{parts.values_weight[0]}/{parts.values_weight[1]}"
                if parts.values is not None
                else "Not counted: the direction has no values yet."
            ),
            "matched": [VALUE_LABELS.get(key, key) for key in names["values"]],
        },
        {
            "name": "Identity",
            "ratio": parts.identity,
            "text": (
                f"Fit rated {round_half_up(parts.identity * 4) + 1} of 5, "
                f"counted as {round_half_up(parts.identity * 4)}/4"
                if parts.identity is not None
                else "Not counted: you have not rated how the job fits who you are."
            ),
            "matched": (),
        },
    ]
    for line in lines:
        ratio = line["ratio"]
        line["weight"] = WEIGHTS[line["name"].lower()]
        line["percent"] = None if ratio is None else round_half_up(100 * ratio)
        line["width"] = str(line["percent"] or 0)  # of the meter, out of 100
        matched = ", ".join(line["matched"])
        line["said"] = f"{line['text']}: {matched}" if matched else line["text"]
    return lines


def period(job, days, direction_title):
    """ "Jan 2024 – now · 352 days · against Professional wrestler"."""
    if job.started_on is None:
        said = "No start date"
    else:
        end = (
            dateformat.format(job.ended_on, "M Y")
            if job.ended_on
            else ("open" if job.stage == OFFER else "now")
        )
        said = f"{dateformat.format(job.started_on, 'M Y')} – {end}"
        if job.stage == HELD:
            said += f" · {days} day" + ("" if days == 1 else "s")
    if direction_title:
        said += f" · against {direction_title}"
    return said


def jobs_count(count):
    """ "1 job", "3 jobs"."""
    return f"{count} job" if count == 1 else f"{count} jobs"


STEP_ACTIONS = {
    # kind: (the link's words, the page it opens, the step's field that names the object)
    "learn_skill": ("Add learning for it", "careers:learning_add", None),
    "overdue_goal": ("Review the goal", "careers:goal_detail", "goal_id"),
    "shape_direction": ("Complete the direction", "careers:direction_edit", "direction_id"),
    "weak_job": ("See why it scores low", "jobs:job_detail", "job_id"),
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


def headline_texts(result):
    direction = result.direction
    if direction is None:
        coverage_empty = "Describe your current direction and the skills it needs."
    else:
        coverage_empty = f"Add the skills {direction.title} needs to measure coverage."
    return {
        "overall_text": (
            "out of 100: your held jobs' scores against their directions, weighted by the "
            "days you worked in each."
        ),
        # What if: every job is set against the one direction asked for.
        "overall_what_if_text": (
            f"out of 100: your held jobs' scores against {direction.title}, weighted by the "
            "days you worked in each."
            if direction
            else ""
        ),
        "aligned_text": (f"of your working days were spent in jobs scoring {ALIGNED_AT} or more."),
        "coverage_text": (
            f"of {direction.title}'s target skills (weighted by importance) that a job or "
            "completed learning gave you."
            if direction
            else ""
        ),
        "coverage_empty": coverage_empty,
    }
