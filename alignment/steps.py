"""The next steps in words: what each step of alignment.assessment.assess says, and the link
that acts on it."""

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode

from django.urls import reverse

from alignment.assessment import NextStep
from alignment.wording import IMPORTANCE_PHRASES, career
from core.words import counted, day, fold, job_name, joined

ACTIONS = {
    # kind: (the link's words, the page it opens, the step's field that names the object)
    "learn_skill": ("Plan a course or other learning for it", "careers:learning_add", None),
    "overdue_goal": ("Review the goal", "careers:goal_detail", "goal_id"),
    "shape_direction": ("Complete the direction", "careers:direction_edit", "direction_id"),
    "weak_job": ("See what holds its score down", "alignment:job_detail", "job_id"),
    "next_job": ("See the jobs that would build it", "alignment:next", None),
    "weigh_offer": ("Weigh the offer", "alignment:job_detail", "job_id"),
    "describe_job": ("Add its details", "jobs:job_edit", "job_id"),
}


def said(step: NextStep, offered: Mapping[str, tuple[str, int]] | None = None) -> str:
    """The sentence of one next step (alignment.assessment.NextStep). `offered` names, by
    folded skill name, the offer that would teach a skill and its id (("the offer at Iron
    Hall", 12))."""
    job = job_name(step.job_title, step.job_employer)
    if step.kind == "learn_skill":
        phrase = IMPORTANCE_PHRASES.get(step.importance, "needed")
        offer, _ = (offered or {}).get(fold(step.skill_name or ""), ("", 0))
        return (
            f"Find a way to learn {step.skill_name}: you marked it {phrase} for "
            f"{career(step.direction_title)}, and no job or learning of yours covers it yet"
            + (f" — {offer} would teach it." if offer else ".")
        )
    if step.kind == "overdue_goal":
        return (
            # An overdue goal has its due date.
            f"“{step.goal_title}” was due on {day(step.due)} — mark it achieved, set a new "  # type: ignore[arg-type]
            "date, or drop it."
        )
    if step.kind == "shape_direction":
        return (
            f"{step.direction_title} has no {joined(step.lacking, 'or')} yet — add them so "
            "your jobs can be set against it."
        )
    if step.kind == "next_job":
        # The headline has said already how many days paid the bills: this says what to do.
        have = (
            f" You already have every skill you listed for {career(step.direction_title)}: "
            "what is missing is a job that uses them."
            if step.every_skill
            else ""
        )
        return (
            "Look for a job you could get now, close to the work you have done, that would "
            f"also build {career(step.direction_title)}.{have}"
        )
    if step.kind == "weigh_offer" and step.phrases:
        # "The offer … mentions “night shifts”, which your notes on Waiter say you want to
        # avoid": what it mentions first, then where the person said so, by job.
        by_job: dict[str, list[str]] = {}
        for phrase, after in zip(step.phrases, step.avoided_after, strict=True):
            by_job.setdefault(after, []).append(f"“{phrase}”")
        mentions = joined([phrase for phrases in by_job.values() for phrase in phrases])
        wrote = joined([f"your notes on {after}" for after in by_job])
        return (
            f"The offer to work as {job} mentions {mentions}, which {wrote} say you want to "
            "avoid — weigh it before you reply."
        )
    if step.kind == "weigh_offer":
        return (
            f"The offer to work as {job} scores {step.score} out of 100: it would build "
            f"{career(step.direction_title)} — weigh it before you reply."
        )
    if step.kind == "describe_job":
        more = f" (and {counted(step.more, 'more job')})" if step.more else ""
        return (
            f"{job}{more} needs details: say which skills it used and what it gave you, and it "
            "can be scored."
        )
    # weak_job: the sentence says what its link opens, the job's score explained.
    return (
        f"The job you have, {job}, scores only {step.score} out of 100: see what holds its "
        "score down before you plan your next job."
    )


def next_steps(
    steps: Iterable[NextStep], offered: Mapping[str, tuple[str, int]] | None = None
) -> list[dict[str, str]]:
    """Next steps (alignment.assessment.NextStep), each said and with the link that acts on it
    (`offered`: the offer that would teach a skill, as `said` takes it: a skill an offer
    would teach links to that offer)."""
    shown = []
    for step in steps:
        action, viewname, field = ACTIONS[step.kind]
        teaching = (offered or {}).get(fold(step.skill_name or "")) if step.skill_name else None
        if step.kind == "learn_skill" and teaching is not None:  # the offer that would teach it
            action, _, _ = ACTIONS["weigh_offer"]
            url = reverse("alignment:job_detail", args=[teaching[1]])
        elif step.kind == "learn_skill":  # the learning form comes with the skill filled in
            url = f"{reverse(viewname)}?{urlencode({'skill': step.skill_name})}"
        elif step.kind == "next_job":  # the bridges toward the direction the page is about
            url = f"{reverse(viewname)}?{urlencode({'direction': step.direction_id})}"
        elif field is None:
            url = reverse(viewname)
        else:
            url = reverse(viewname, args=[getattr(step, field)])
        shown.append({"kind": step.kind, "text": said(step, offered), "action": action, "url": url})
    return shown
