"""The words of the offer page: the answer first (better or worse for the career, more or
less pay, than the job the person has), then what the offer would change for them, then the
scores, compared fairly (fit is left out of both when only one of the two has it rated)."""

from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

from alignment.scoring import (
    BILLS,
    BUILT,
    LITTLE,
    PARTLY,
    DirectionData,
    JobResult,
    round_half_up,
    without_fit,
)
from alignment.wording import career, marked
from core.words import joined
from jobs.models import hours_text, money_text

if TYPE_CHECKING:
    from alignment.dashboard import JobView


def offer_verdict(
    offer: "JobView",
    current: "JobView | None",
    direction: DirectionData | None,
    closes: list[str],
    unused: list[tuple[str, str]] | None = None,
    leaves: list[str] | None = None,
    firsts: tuple[bool, bool] = (False, False),
) -> list[str]:
    """What an offer would change for the person, one thing a sentence, then its score beside
    the job's (offer and current: JobViews; `unused`: the target skills it would use that the
    person has only from learning, each with the learning that taught it; `leaves`: the
    essential target skills it would not use, said when it would use some; `firsts`: whether
    no paid job of the person's has built any of the career, and whether an unpaid one has).
    Its pay is in the page's answer (offer_headline)."""
    if direction is None:
        return ["Describe your direction to see what this offer would do for it."]
    said = []
    name = offer.job.title
    if offer.result.needs_details:
        said.append(
            f"Say what {name} would give you and which skills it would use, and Bearing "
            f"will set it against {direction.title}."
        )
    toward = career(direction.title)
    first_paid, unpaid_built = firsts
    if first_paid and offer.job.paid and offer.verdict in (BUILT, PARTLY):
        some = "some of " if offer.verdict == PARTLY else ""
        said.append(
            f"It would be the first paid job of yours that builds {some}{toward}"
            + (": so far only unpaid work has." if unpaid_built else ".")
        )
    if closes:
        said.append(
            f"It would give you {joined(closes)}, which {toward} needs and you do not have yet."
        )
    if unused:
        them = "it" if len(unused) == 1 else "them"
        # Where they were learned, by name ("from learning" read as vague, round 28).
        where = joined([f"“{learning}”" for learning in dict.fromkeys(w for _, w in unused)])
        said.append(
            f"It would put {joined([name for name, _ in unused])} to work: you learned {them} "
            f"in {where}, but no job of yours has used {them} yet."
        )
    if leaves and offer.names and offer.names.get("skills"):
        said.append(f"It would not use {marked(leaves, 3)}.")
    goals = offer.names.get("goals", []) if offer.names else []
    if goals:
        quoted = [f"“{goal}”" for goal in goals]
        said.append(f"It would advance your goal{'s' if len(goals) > 1 else ''} {joined(quoted)}.")
    if not closes and not unused and not goals and not offer.result.needs_details:
        said.append(
            "It would give you none of the skills you lack and advance no goal of yours that "
            "is still open."
        )
    if offer.score is not None:
        means = OFFER_MEANS.get(offer.verdict, "")
        scores = f"It scores {offer.score} out of 100" + (f": {means}." if means else ".")
        if current is not None and current.score is not None:
            scores += " " + _beside(offer, current)
        said.append(scores)
    return said  # its flags follow, in the page's own warning


def firsts(held: list[JobResult], direction: DirectionData | None) -> tuple[bool, bool]:
    """Whether no paid job of the person's has built any of the career `direction`, and
    whether an unpaid one has (readers of rounds 55-59 asked the offer page to say that an
    offer would be the first paid job to build it): of the held jobs set against it."""
    mine = [r for r in held if direction is not None and r.direction_id == direction.id]
    builders = [r for r in mine if r.verdict in (BUILT, PARTLY)]
    return not any(r.job.paid for r in builders), any(not r.job.paid for r in builders)


def _beside(offer: "JobView", current: "JobView") -> str:
    """The job's score after the offer's ("Your job as Waiter scores 13."): whether the offer
    would do more or less is the page's heading. When only one of the two has its fit rated,
    fit is left out of both, and the page says so (a reader: "the scores aren't
    comparable")."""
    compared = _compared(offer, current)
    if compared is None:
        return ""
    score, other, fair = compared
    job = f"your job as {current.job.title}"
    if not fair:
        return f"{job[:1].upper()}{job[1:]} scores {other}."
    if _fit_rated(offer):  # the offer's score, without fit, beside the job's
        how_well = (
            f"rated how well {job} {'fits' if current.job.ended_on is None else 'fitted'} you"
        )
        who, after, before, beside = "the offer", score, offer.score, f"your job's {other}"
    else:  # the job's score, without fit, beside the offer's
        how_well = "said how well the offer would fit you"
        who, after, before, beside = job, other, current.score, f"the offer's {score}"
    scores = (
        f"still scores {after} without fit"
        if after == before
        else f"scores {after} without fit ({before} with fit)"
    )
    return (
        f"You have not {how_well}, so the two are compared without fit: {who} {scores}, "
        f"against {beside}."
    )


def fair_notes(offer: "JobView", current: "JobView | None") -> list[str]:
    """Beside each column's score, the score it is compared with when fit is left out of it
    (offer first, then the job): "Scores 11 without fit, as the offer's fit is not rated".
    The answer compares 4 with 11 while the badges show 4 and 13 (a reader of round 28)."""
    compared = None if current is None else _compared(offer, current)
    if compared is None or not compared[2]:
        return ["", ""]
    if _fit_rated(offer):
        return [f"Scores {compared[0]} without fit, as your job's fit is not rated", ""]
    return ["", f"Scores {compared[1]} without fit, as the offer's fit is not rated"]


def _fit_rated(view: "JobView") -> bool:
    return view.job.identity_fit is not None


def _compared(offer: "JobView", current: "JobView") -> tuple[int, int, bool] | None:
    """(the offer's score, the job's, whether fit was left out of one to compare them
    fairly), or None when they cannot be compared. Fit is left out of both when only one of
    them has it rated: DESIGN's score leaves out a part that is not rated, so a job's fit
    would otherwise count on one side only."""
    if offer.score is None or current.score is None:
        return None
    offer_rated, current_rated = _fit_rated(offer), _fit_rated(current)
    if offer_rated == current_rated:
        return offer.score, current.score, False
    if offer_rated:
        score = without_fit(offer.result)
        return None if score is None else (score, current.score, True)
    other = without_fit(current.result)
    return None if other is None else (offer.score, other, True)


def offer_headline(
    offer: "JobView",
    current: "JobView | None",
    direction: DirectionData | None,
    sides: list[dict[str, Any]],
) -> dict[str, Any]:
    """The offer page's answer, above the sentences that explain it: {"answer": the heading,
    "said": its sentences}. With a job to set it beside, the answer weighs the two things a
    reader asked about, the career and the pay ("More pay, but worse for your career"), and
    the sentences say each ("For your professional wrestler career it would do even less
    than your job as Waiter." "It would pay about 854 EUR more a month, but most of that is
    pay for 15 more hours of work a week: each hour pays only 0.62 EUR more."), then what it
    means for the choice ("so": "So: worth taking only if …"); with none, its verdict ("It
    would build your … career"). The answer is "" when there is nothing to weigh (the page
    then heads it "What it would do")."""
    if direction is not None and offer.result.needs_details:
        return {"answer": "Bearing cannot weigh it yet", "said": []}
    if direction is None or offer.score is None:
        return {"answer": "", "said": []}
    toward = career(direction.title)
    pay = _pay_said(sides)
    paid = [f"It would pay {pay[0]}."] if pay else []
    compared = None if current is None else _compared(offer, current)
    if compared is None:
        return {"answer": OFFER_HEADLINES[offer.verdict].format(career=toward), "said": paid}
    score, other, _fair = compared
    job = f"your job as {cast('JobView', current).job.title}"
    step = (score > other) - (score < other)
    # Not "a step back from your job as Waiter", which the dashboard says does little for
    # the career (round 53): more, less, or even less than a job that does little.
    if step > 0:
        said = f"For {toward} it would do more than {job}."
    elif step < 0:
        even = "even " if cast("JobView", current).verdict in (BILLS, LITTLE) else ""
        said = f"For {toward} it would do {even}less than {job}."
    else:
        said = f"For {toward} it would do as much as {job}."
    more = pay[1] if pay else "unknown"
    by_hours = bool(pay and pay[2])  # most of a month's more pay is for more hours
    so = WORTH[step][more].format(job=job)
    low = (BILLS, LITTLE)
    if (
        step < 0
        and more is True
        and offer.verdict in low
        and cast("JobView", current).verdict in low
    ):
        # "only if you need the money more than the career" read as if the job the person
        # has served the career, when it too pays the bills and does little (round 54).
        so = f"So: worth taking only for the money; like {job}, it would do little for your career."
    if step > 0 and by_hours:
        # "for your pay alike" oversold a rise that is mostly more hours (round 39).
        # "its pay is a little better too" beside 388 EUR more a month read as mixed (round 51).
        so = "So: worth taking for your career; it pays more too, though mostly for more hours."
    # Worth taking: every step forward, and the same for the career with more pay (WORTH).
    worth = step > 0 or (step == 0 and more is True)
    if worth and offer.job.started_on is None:
        so += " Ask when it would start: the offer does not say."
    # "and more pay" over "each hour pays only 0.90 EUR more" oversold the pay (round 45).
    answer = BY_HOURS[step] if by_hours else WEIGHED[step][more]
    return {"answer": answer, "said": [said, *paid], "so": so}


# The offer page's answer when there is a job to set it beside: for the career (a step
# forward 1, none 0, back -1), then by its pay (more True, less False, the same None, or
# "unknown"). Readers of every round asked for an answer, not a comparison; one summed up
# the page as "a money move, not a career move".
WEIGHED: dict[int, dict[Any, str]] = {
    1: {
        True: "Better for your career, and more pay",
        False: "Better for your career, but less pay",
        None: "Better for your career, for the same pay",
        "unknown": "Better for your career",
    },
    -1: {
        True: "More pay, but worse for your career",
        False: "Worse for your career, and less pay",
        None: "Worse for your career, for the same pay",
        "unknown": "Worse for your career",
    },
    0: {
        True: "More pay, and the same for your career",
        False: "Less pay, and the same for your career",
        None: "The same for your career and your pay",
        "unknown": "The same for your career",
    },
}


# The answer when the offer pays more a month, but mostly or all for more hours (_pay_said).
BY_HOURS = {
    1: "Better for your career, and more pay for more hours",
    -1: "More pay for more hours, but worse for your career",
    0: "More pay for more hours, and the same for your career",
}


# What the answer means for the choice, by the same keys as WEIGHED: readers of every round
# asked whether to take it, and found that the page "leans to no but never says it" (round 34).
# It weighs only what Bearing knows; the person knows what else counts.
WORTH: dict[int, dict[Any, str]] = {
    1: {
        True: "So: worth taking, for your career and your pay alike.",
        False: "So: worth taking if you can live on less, for what it would do for your career.",
        None: "So: worth taking, for what it would do for your career.",
        "unknown": "So: worth taking for your career, if its pay works for you.",
    },
    -1: {
        True: "So: worth taking only if you need the money more than the career right now.",
        False: "So: not worth taking; {job} is better for your career and your pay.",
        None: "So: not worth taking for your career; {job} does more for it.",
        "unknown": "So: not worth taking for your career; {job} does more for it.",
    },
    0: {
        True: "So: worth taking for the money; your career would neither gain nor lose.",
        False: "So: not worth taking; it would pay less and do no more for your career.",
        None: "So: only the things Bearing does not weigh, such as the people and the place, "
        "can decide it.",
        "unknown": "So: it would neither help nor hurt your career; weigh its pay.",
    },
}


def _pay_said(sides: list[dict[str, Any]]) -> tuple[str, bool | None, bool] | None:
    """How the offer's pay differs from the job's, whether it is more (None: the same), and
    whether most of a month's more pay is pay for more hours: by the month, with the hours and
    the hour's pay, when both say their hours ("about 854 EUR more a month, but most of that
    is pay for 15 more hours of work a week: each hour pays only 0.62 EUR more"; "about 3,754
    EUR more a month (17.35 EUR more an hour), but with 15 more hours of work a week"), else
    by the hour ("0.62 EUR more an hour"); None when it cannot be told."""
    difference = _hour_difference(sides)
    if difference is None:
        return None
    currency = sides[0]["view"].row.currency
    hourly = money_text(abs(difference), currency)
    hourly += " more an hour" if difference > 0 else " less an hour"
    months = _months(sides)
    if months is None:
        return (
            ("the same an hour", None, False) if not difference else (hourly, difference > 0, False)
        )
    month = months[0] - months[1]
    if month == 0:
        return "the same a month", None, False
    said = f"{_about(sides)}{abs(month):,} {currency} {'more' if month > 0 else 'less'} a month"
    hours = sides[0]["view"].row.hours_per_week - sides[1]["view"].row.hours_per_week
    by_hours = month > 0 and hours > 0 and 2 * sides[1]["hourly"] * hours * 52 / 12 >= month
    if by_hours:
        # Most of a month's more pay is the job's pay an hour for the hours added: readers of
        # round 35 found "854 EUR more a month" a better deal than the 0.62 EUR an hour it is.
        most = "most" if difference > 0 else "all"
        an_hour = f"only {hourly}" if difference > 0 else hourly if difference else "the same"
        said += (
            f", but {most} of that is pay for {hours_text(hours)} more hours of work a week: "
            f"each hour pays {an_hour.replace(' an hour', '')}"
        )
    elif hours:
        # More a month for more hours may be little more, or less, an hour: the hour's pay
        # next to the month's (after the hours it read as theirs, round 25). Then the hours,
        # with "but" where they weigh against the month's pay (more pay for more hours): after
        # "with" alone, 15 more hours read as one more thing in the offer's favour (round 28).
        said += f" ({hourly})" if difference else " (the same an hour)"
        against = (hours > 0) == (month > 0)
        said += f", {'but' if against else 'and'} with {hours_text(abs(hours))} "
        said += f"{'more' if hours > 0 else 'fewer'} hours of work a week"
    return said, month > 0, by_hours


OFFER_HEADLINES = {
    BUILT: "It would build {career}",
    PARTLY: "It would build some of {career}",
    BILLS: "It would pay the bills but do little for {career}",
    LITTLE: "It is unpaid and would do little for {career}",
}


def _hour_difference(sides: list[dict[str, Any]]) -> Any:
    """The offer's pay an hour less the job's, when both are known in one currency; or
    None."""
    hourly = [side["hourly"] for side in sides]
    if len(hourly) < 2 or None in hourly:
        return None
    if sides[0]["view"].row.currency != sides[1]["view"].row.currency:
        return None
    return hourly[0] - hourly[1]


# An offer's verdict said once, in words, after its score: "it would pay the bills but do
# little for the career" (its label, “Would pay the bills”, is on its badge).
OFFER_MEANS = {
    BUILT: "it would build the career",
    PARTLY: "it would build some of the career",
    BILLS: "it would pay the bills but do little for the career",
    LITTLE: "it is unpaid and would do little for the career",
}


def _months(sides: list[dict[str, Any]]) -> list[int] | None:
    """Pay a month at each job's own hours a week, when both say them: a month's pay as
    said, else hour pay × hours a week × 52 ÷ 12, to whole units ([2100, 910]); or None."""
    months = []
    for side in sides:
        row = side["view"].row
        if not row.hours_per_week or side["hourly"] is None:
            return None
        if row.pay_period == "month":
            months.append(round_half_up(Fraction(row.pay_amount)))
        else:
            months.append(round_half_up(Fraction(side["hourly"] * row.hours_per_week * 52 / 12)))
    return months


def month_texts(sides: list[dict[str, Any]]) -> list[str]:
    """Each column's pay a month, the sums the answer's difference is made of ("about 1,246
    EUR", "2,100 EUR"; "about" where worked out from an hour's pay), when both columns say
    their hours; else none."""
    months = _months(sides) if len(sides) == 2 else None
    if months is None:
        return ["" for _ in sides]
    return [
        f"{'' if side['view'].row.pay_period == 'month' else 'about '}{month:,} "
        f"{side['view'].row.currency}"
        for side, month in zip(sides, months, strict=True)
    ]


def _about(sides: list[dict[str, Any]]) -> str:
    """ "about " before months worked out from an hour's pay; none when both are paid by the
    month (a reader: "it says 'about' for what is exactly 300")."""
    return "" if all(side["view"].row.pay_period == "month" for side in sides) else "about "
