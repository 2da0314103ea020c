"""The words of the offer page: what an offer would change for the person first, then
whether it would do more or less for the career than the job they have, compared fairly
(fit is left out of both when only one of the two has it rated)."""

from fractions import Fraction
from typing import TYPE_CHECKING, Any, cast

from alignment.scoring import (
    BILLS,
    BUILT,
    LITTLE,
    PARTLY,
    DirectionData,
    round_half_up,
    without_fit,
)
from alignment.wording import career
from core.words import joined
from jobs.models import hours_text, money_text

if TYPE_CHECKING:
    from alignment.dashboard import JobView


def offer_verdict(
    offer: "JobView",
    current: "JobView | None",
    direction: DirectionData | None,
    closes: list[str],
    sides: list[dict[str, Any]],
    unused: list[str] | None = None,
) -> list[str]:
    """What an offer would change for the person first, then how it compares with the job
    they have (offer and current: JobViews; `sides`: the offer page's columns, with pay an
    hour; `unused`: the target skills it would use that the person has only from learning)."""
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
            f"give you {joined(closes)}, which {career(direction.title)} needs and you do not "
            "have yet"
        )
    if unused:
        gains.append(
            f"put to work {joined(unused)}, which you have from learning but no job of yours "
            "has used yet"
        )
    goals = offer.names.get("goals", []) if offer.names else []
    if goals:
        quoted = [f"“{goal}”" for goal in goals]
        gains.append(f"advance your goal{'s' if len(goals) > 1 else ''} {joined(quoted)}")
    difference = _hour_difference(sides)
    if difference is not None:
        currency = sides[0]["view"].row.currency
        other = cast("JobView", current).job.title  # two sides: the current job's too
        months = _months(sides)
        if months is not None:
            # Both say their hours: the month, then the hours; the hour's difference is in the
            # page's answer above (said twice, a reader found it redundant).
            hours = [hours_text(side["view"].row.hours_per_week) for side in sides]
            month = f"{_about(sides)}{months[0]:,} {currency} a month against {months[1]:,}"
            month += f" {currency}"
            paid = f"{month} for {other}, for {hours[0]} hours a week against {hours[1]}"
            if difference > 0:
                gains.append(f"pay {paid}")
            else:
                losses.append(f"it would pay {paid}")
        elif difference > 0:
            gains.append(f"pay {money_text(difference, currency)} more an hour than {other}")
        elif difference < 0:
            losses.append(f"it pays {money_text(-difference, currency)} less an hour than {other}")
        else:
            losses.append(f"it pays the same an hour as {other}")
    nothing = not closes and not unused and not goals and not offer.result.needs_details
    if gains and nothing:
        said.append(
            f"Taking the {name} job would {_gains(gains)}, but give you none of the skills "
            "you lack and advance no goal of yours that is still open."
        )
    elif gains:
        said.append(f"Taking the {name} job would {_gains(gains)}.")
    elif nothing:
        said.append(
            f"Taking the {name} job would give you none of the skills you lack and advance "
            "no goal of yours that is still open."
        )
    said += [f"{loss[:1].upper()}{loss[1:]}." for loss in losses]
    if offer.score is not None:
        means = OFFER_MEANS.get(offer.verdict, "")
        scores = f"It scores {offer.score} out of 100" + (f": {means}." if means else ".")
        if current is not None and current.score is not None:
            scores += " " + _beside(offer, current)
        said.append(scores)
    return said  # its flags follow, in the page's own warning


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
        f"You have not {how_well}, so Bearing compares the two without fit: {who} {scores}, "
        f"against {beside}."
    )


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
) -> str:
    """The offer page's answer in one line, above the sentences that explain it: "For your
    professional wrestler career it would be a step back from your job as Waiter, though it
    would pay about 854 EUR more a month (0.62 EUR more an hour), with 15 more hours of
    work a week"; with no job to set it beside, its verdict ("It would build your …
    career"); "" when there is nothing to compare (the page then heads it "What it would
    do")."""
    if direction is not None and offer.result.needs_details:
        return "Bearing cannot weigh it yet"
    if direction is None or offer.score is None:
        return ""
    toward = career(direction.title)
    if current is None or current.score is None:
        return OFFER_HEADLINES[offer.verdict].format(career=toward)
    compared = _compared(offer, current)
    if compared is None:
        return ""
    score, other, _fair = compared
    job = f"your job as {current.job.title}"
    # A step forward or back: readers of every round asked for a verdict, not a comparison.
    if score == other:
        said = f"For {toward} it would do as much as {job}"
    else:
        said = (
            f"For {toward} it would be a step {'forward' if score > other else 'back'} from {job}"
        )
    pay = _pay_said(sides)
    if pay is None:
        return said
    pays, more = pay
    if more is None:
        return f"{said}, for {pays}"
    # "and" when pay goes the career's way, "though" when it goes against it.
    along = score != other and (score > other) == more
    return f"{said}, {'and it' if along else 'though it'} would pay {pays}"


def _pay_said(sides: list[dict[str, Any]]) -> tuple[str, bool | None] | None:
    """How the offer's pay differs from the job's, and whether it is more (None: the same):
    by the month, with the hours and the hour's pay, when both say their hours ("about 854 EUR
    more a month (0.62 EUR more an hour), with 15 more hours of work a week"), else by the hour
    ("0.62 EUR more an hour"); None when it cannot be told."""
    difference = _hour_difference(sides)
    if difference is None:
        return None
    currency = sides[0]["view"].row.currency
    hourly = money_text(abs(difference), currency)
    hourly += " more an hour" if difference > 0 else " less an hour"
    months = _months(sides)
    if months is None:
        return ("the same pay an hour", None) if difference == 0 else (hourly, difference > 0)
    month = months[0] - months[1]
    if month == 0:
        return "the same pay a month", None
    said = f"{_about(sides)}{abs(month):,} {currency} {'more' if month > 0 else 'less'} a month"
    hours = sides[0]["view"].row.hours_per_week - sides[1]["view"].row.hours_per_week
    if hours:
        # More a month for more hours may be little more, or less, an hour: the hour's pay
        # next to the month's (after the hours it read as theirs, round 25). Then the hours:
        # "for" read as "over a period of" (round 23), "for working" as pay for those hours
        # alone (round 24).
        said += f" ({hourly})" if difference else " (the same an hour)"
        said += f", with {hours_text(abs(hours))} {'more' if hours > 0 else 'fewer'} hours of work"
        said += " a week"
    return said, month > 0


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


def _gains(gains: list[str]) -> str:
    """What an offer would do, as one list, with a comma before the last when an earlier one
    ends in a clause of its own ("…, which you have from learning but no job of yours has
    used yet, and advance your goal")."""
    if len(gains) > 1 and any(", which " in gain for gain in gains[:-1]):
        return ", ".join(gains[:-1]) + ", and " + gains[-1]
    return joined(gains)


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


def _about(sides: list[dict[str, Any]]) -> str:
    """ "about " before months worked out from an hour's pay; none when both are paid by the
    month (a reader: "it says 'about' for what is exactly 300")."""
    return "" if all(side["view"].row.pay_period == "month" for side in sides) else "about "
