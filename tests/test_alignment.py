"""The alignment arithmetic, by the worked example (Elena), by edge case and by property.

The rows are written as a person enters them (tests.reference turns them into the weights
the database sums), so each example reads as the formula states it.
"""

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment import scoring as alignment
from alignment.assessment import Alignment
from alignment.scoring import (
    Flag,
    GoalData,
    direction_period,
    job_period,
    overlap_days,
    round_half_up,
)
from alignment.steps import said
from tests.reference import Direction as DirectionData
from tests.reference import Job as JobData
from tests.reference import Learning as LearningData
from tests.reference import (
    TargetSkill,
    assess,
    choose_direction,
    components,
    offer_flags,
    paid,
    score,
)

TODAY = date(2026, 11, 22)

# Elena's skills
STAGE, STRENGTH, SPEAKING, CHOREO = 1, 2, 3, 4


def goal(
    id, title="A goal", *, status="active", priority=2, target_date=None, direction_id=3, **kw
):
    return GoalData(
        id=id,
        title=title,
        description=kw.pop("description", ""),
        status=status,
        priority=priority,
        target_date=target_date,
        direction_id=direction_id,
    )


def direction(id, title="Direction", *, status="current", started_on=None, ended_on=None, **kw):
    return DirectionData(
        id=id, title=title, status=status, started_on=started_on, ended_on=ended_on, **kw
    )


def job(id, title="Job", *, stage="held", started_on=date(2024, 1, 1), ended_on=None, **kw):
    kw.setdefault("employer", "Employer")
    return JobData(id=id, title=title, stage=stage, started_on=started_on, ended_on=ended_on, **kw)


def offer(id, title="Offer", **kw):
    kw.setdefault("started_on", None)
    return job(id, title, stage="offer", **kw)


def wrestler(**kw):
    kw.setdefault(
        "goals",
        (
            goal(10, "First amateur match", priority=3, status="active"),
            goal(11, "Join a wrestling school", priority=2, status="achieved"),
            goal(12, "Build a following", priority=1, status="dropped"),
        ),
    )
    return direction(
        3,
        "Professional wrestler",
        status="current",
        started_on=date(2023, 6, 1),
        target_skills=(
            TargetSkill(STAGE, "Stage presence", 3),
            TargetSkill(STRENGTH, "Strength training", 3),
            TargetSkill(SPEAKING, "Public speaking", 2),
            TargetSkill(CHOREO, "Choreography", 1),
        ),
        values=(("fulfillment", 3), ("identity", 2), ("money", 1)),
        **kw,
    )


WAITER = job(
    7,
    "Waiter",
    employer="Rosa's Diner",
    started_on=date(2024, 1, 15),
    ended_on=date(2024, 12, 31),
    skill_ids=frozenset({SPEAKING}),
    benefits=frozenset({"money"}),
    identity_fit=2,
    schedule_label="Shifts",
    avoid="Night shifts\n\n   unpaid   overtime  \n",
)
GYM = job(
    8,
    "Gym assistant",
    employer="Iron Hall",
    started_on=date(2025, 1, 6),
    ended_on=date(2025, 6, 30),
    skill_ids=frozenset({STRENGTH, CHOREO}),
    goal_ids=frozenset({11}),
    benefits=frozenset({"fulfillment", "identity", "money"}),
    identity_fit=5,
)
COURSE = LearningData(1, "Wrestling course", completed_on=None, skill_ids=frozenset({STAGE}))

WAITER_EXACT = (
    Fraction(100) * (4 * Fraction(2, 9) + 3 * 0 + 2 * Fraction(1, 6) + Fraction(1, 4)) / 10
)
GYM_EXACT = Fraction(100) * (4 * Fraction(4, 9) + 3 * Fraction(2, 5) + 2 * 1 + 1 * 1) / 10


def elena(**kw):
    kw.setdefault("jobs", [WAITER, GYM])
    kw.setdefault("directions", [wrestler()])
    kw.setdefault("learning", [COURSE])
    kw.setdefault("today", TODAY)
    return assess(**kw)


def others(result: Alignment):
    """The next steps but "look for your next job", which most of these histories earn (most
    of their days paid the bills); its own tests are below."""
    return tuple(step for step in result.next_steps if step.kind != "next_job")


def by_id(alignment: Alignment, job_id: int):
    (result,) = [r for r in alignment.jobs if r.job.id == job_id]
    return result


# -- the worked example: Elena ---------------------------------------------------------------


def test_elena_components_match_the_table():
    waiter = components(WAITER, wrestler())
    assert (waiter.skills, waiter.goals, waiter.values, waiter.identity) == (
        Fraction(2, 9),
        Fraction(0),
        Fraction(1, 6),
        Fraction(1, 4),
    )
    assert waiter.skills_weight == (2, 9)
    assert waiter.goals_weight == (0, 5)
    gym = components(GYM, wrestler())
    assert (gym.skills, gym.goals, gym.values, gym.identity) == (
        Fraction(4, 9),
        Fraction(2, 5),
        Fraction(1),
        Fraction(1),
    )
    assert (gym.skills_weight, gym.goals_weight, gym.values_weight) == ((4, 9), (2, 5), (6, 6))


def test_elena_scores_to_the_digit():
    assert WAITER_EXACT == Fraction(265, 18)
    assert GYM_EXACT == Fraction(538, 9)
    result = elena()
    waiter, gym = by_id(result, 7), by_id(result, 8)
    assert waiter.exact_score == WAITER_EXACT
    assert f"{float(waiter.exact_score):.2f}" == "14.72"
    assert waiter.score == 15
    assert gym.exact_score == GYM_EXACT
    assert f"{float(gym.exact_score):.2f}" == "59.78"
    assert gym.score == 60
    assert (waiter.days, gym.days) == (352, 176)
    assert waiter.direction_id == gym.direction_id == 3


def test_elena_summary():
    result = elena()
    assert result.as_of == TODAY
    assert result.direction.id == 3
    assert result.overall_exact == (352 * WAITER_EXACT + 176 * GYM_EXACT) / 528
    assert f"{float(result.overall_exact):.2f}" == "29.74"
    assert result.overall == 30
    assert result.aligned_share == 33
    assert result.coverage == 67
    assert result.missing == ("Stage presence",)
    assert result.drift is False
    assert result.recent is None
    # Stage presence is covered by the (unfinished) course; nothing is overdue or weak.
    assert others(result) == ()


def test_completing_the_course_covers_stage_presence():
    done = LearningData(1, "Wrestling course", date(2026, 1, 1), frozenset({STAGE}))
    result = elena(learning=[done])
    assert result.coverage == 100
    assert result.missing == ()


# -- arithmetic -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (Fraction(1, 2), 1),
        (Fraction(5, 2), 3),
        (Fraction(29, 2), 15),
        (Fraction(3, 2), 2),
        (Fraction(1449, 100), 14),
        (Fraction(4999, 100), 50),
        (Fraction(-1, 2), 0),
        (Fraction(0), 0),
        (Fraction(100), 100),
        (Fraction(265, 18), 15),
        (Fraction(538, 9), 60),
    ],
)
def test_round_half_up(x, expected):
    assert round_half_up(x) == expected


def test_score_is_none_when_no_component_is_defined():
    bare = direction(1, "Homemaker")
    parts = components(job(1), bare)
    assert parts.skills is parts.goals is parts.values is parts.identity is None
    assert score(job(1), bare) is None
    described = job(1, benefits=frozenset({"money"}))
    result = assess(jobs=[described], directions=[bare], learning=[], today=TODAY)
    only = result.jobs[0]
    assert only.direction_id == 1
    assert only.components is not None and only.needs_details is False
    assert only.exact_score is None and only.score is None
    assert result.overall is None and result.overall_exact is None
    assert result.aligned_share is None
    assert result.coverage is None and result.missing == ()
    assert result.drift is False


def test_score_uses_only_the_defined_components():
    d = direction(1, values=(("money", 1),))
    # values 1 (weight 2) and identity 0 (weight 1): 100 × 2 ÷ 3
    assert score(job(1, benefits=frozenset({"money"}), identity_fit=1), d) == Fraction(200, 3)
    assert score(job(1, benefits=frozenset({"money"})), d) == 100


def test_empty_target_skills_leave_skills_and_coverage_undefined():
    d = direction(1, values=(("money", 2),))
    result = assess(
        jobs=[job(1, skill_ids=frozenset({5}), benefits=frozenset({"money"}))],
        directions=[d],
        learning=[],
        today=TODAY,
    )
    assert result.jobs[0].components.skills is None
    assert result.jobs[0].score == 100
    assert result.coverage is None
    assert result.missing == ()


def test_dropped_goals_are_left_out():
    d = direction(1, goals=(goal(1, status="dropped", priority=3), goal(2, priority=1)))
    advanced_dropped = job(1, goal_ids=frozenset({1}))
    assert components(advanced_dropped, d).goals == 0
    assert components(job(1, goal_ids=frozenset({1, 2})), d).goals == 1
    only_dropped = direction(1, goals=(goal(1, status="dropped"),))
    assert components(advanced_dropped, only_dropped).goals is None


def test_achieved_and_planned_goals_count():
    d = direction(
        1,
        goals=(goal(1, status="achieved", priority=1), goal(2, status="planned", priority=3)),
    )
    assert components(job(1, goal_ids=frozenset({2})), d).goals == Fraction(3, 4)


# -- periods --------------------------------------------------------------------------------


def test_an_ongoing_job_ends_today():
    ongoing = job(1, started_on=date(2026, 11, 1))
    assert job_period(ongoing, TODAY) == (date(2026, 11, 1), TODAY)
    result = assess(jobs=[ongoing], directions=[wrestler()], learning=[], today=TODAY)
    assert result.jobs[0].days == 22


def test_a_held_job_ending_after_today_is_cut_at_today():
    assert job_period(job(1, started_on=TODAY, ended_on=date(2027, 1, 1)), TODAY) == (TODAY, TODAY)


def test_offer_periods():
    assert job_period(offer(1), TODAY) is None
    future = offer(1, started_on=date(2027, 1, 1))
    assert job_period(future, TODAY) == (date(2027, 1, 1), date(2027, 1, 1))
    term = offer(1, started_on=date(2027, 1, 1), ended_on=date(2027, 1, 31))
    assert job_period(term, TODAY) == (date(2027, 1, 1), date(2027, 1, 31))


def test_direction_period_and_overlap():
    open_ended = direction(1, started_on=None)
    assert direction_period(open_ended, TODAY) == (None, TODAY)
    closed = direction(1, status="past", started_on=date(2020, 1, 1), ended_on=date(2020, 12, 31))
    assert direction_period(closed, TODAY) == (date(2020, 1, 1), date(2020, 12, 31))
    day = date(2024, 3, 1)
    assert overlap_days((day, day), (day, day)) == 1
    assert overlap_days((day, day), (day + timedelta(1), day + timedelta(5))) == 0
    assert overlap_days((date(2024, 1, 1), date(2024, 12, 31)), (None, TODAY)) == 366
    assert overlap_days((None, date(2024, 1, 10)), (date(2024, 1, 1), TODAY)) == 10
    with pytest.raises(ValueError):
        overlap_days((None, day), (None, day))


# -- which direction ------------------------------------------------------------------------


def test_the_direction_overlapping_most_wins():
    old = direction(
        1, "Chef", status="past", started_on=date(2019, 1, 1), ended_on=date(2024, 3, 31)
    )
    new = direction(2, "Wrestler", status="current", started_on=date(2024, 4, 1))
    mostly_old = job(1, started_on=date(2024, 1, 1), ended_on=date(2024, 4, 30))
    mostly_new = job(2, started_on=date(2024, 3, 1), ended_on=date(2024, 12, 31))
    assert choose_direction(mostly_old, [new, old], TODAY) == old
    assert choose_direction(mostly_new, [new, old], TODAY) == new


def test_on_a_tie_the_later_start_wins():
    # Both directions cover the whole job; the one started later wins whatever the ids.
    early = direction(9, "Early", status="past", started_on=date(2020, 1, 1), ended_on=TODAY)
    late = direction(1, "Late", status="current", started_on=date(2022, 1, 1))
    held = job(1, started_on=date(2024, 1, 1), ended_on=date(2024, 6, 30))
    assert choose_direction(held, [early, late], TODAY) == late
    assert choose_direction(held, [late, early], TODAY) == late
    # No start counts as the beginning of time: the earliest.
    timeless = direction(2, "Timeless", status="current", started_on=None)
    past = direction(8, "Past", status="past", started_on=date(2023, 1, 1), ended_on=TODAY)
    assert choose_direction(held, [timeless, past], TODAY) == past


def test_considering_directions_are_not_chosen_by_default():
    considering = direction(2, "Chef", status="considering", started_on=date(2020, 1, 1))
    current = direction(1, "Wrestler", status="current", started_on=date(2026, 1, 1))
    held = job(1, started_on=date(2024, 1, 1), ended_on=date(2024, 6, 30))
    assert choose_direction(held, [considering, current], TODAY) == current


def test_with_no_overlap_the_current_direction_is_used():
    current = direction(1, "Wrestler", status="current", started_on=date(2026, 1, 1))
    held = job(1, started_on=date(2020, 1, 1), ended_on=date(2020, 6, 30))
    assert choose_direction(held, [current], TODAY) == current


def test_with_no_current_direction_a_job_without_overlap_is_unscored():
    past = direction(
        1, "Chef", status="past", started_on=date(2019, 1, 1), ended_on=date(2019, 12, 31)
    )
    inside = job(1, started_on=date(2019, 3, 1), ended_on=date(2019, 3, 31), identity_fit=5)
    outside = job(2, started_on=date(2024, 1, 1), ended_on=date(2024, 1, 31), identity_fit=5)
    result = assess(jobs=[inside, outside], directions=[past], learning=[], today=TODAY)
    assert result.direction is None
    assert by_id(result, 1).direction_id == 1
    assert by_id(result, 1).score == 100
    unscored = by_id(result, 2)
    assert unscored.direction_id is None
    assert unscored.components is None
    assert unscored.exact_score is None and unscored.score is None
    assert unscored.days == 31
    # Only the scored job counts.
    assert result.overall == 100
    assert result.coverage is None and result.missing == ()
    assert [s.kind for s in result.next_steps] == []


def test_no_directions_at_all():
    told = {"identity_fit": 3}
    result = assess(
        jobs=[job(1, **told), offer(2, **told)], directions=[], learning=[], today=TODAY
    )
    assert result.direction is None
    assert result.overall is None and result.aligned_share is None
    assert all(r.score is None and r.direction_id is None for r in result.jobs)
    assert result.next_steps == ()


def test_offers_are_set_against_the_current_direction():
    past = direction(1, "Chef", status="past", started_on=date(2019, 1, 1), ended_on=TODAY)
    current = direction(2, "Wrestler", status="current", started_on=date(2026, 11, 1))
    pitch = offer(5, started_on=date(2026, 1, 1), ended_on=date(2026, 6, 30), identity_fit=3)
    assert choose_direction(pitch, [past, current], TODAY) == current
    result = assess(jobs=[pitch], directions=[past, current], learning=[], today=TODAY)
    assert result.jobs[0].direction_id == 2


def test_an_offer_without_dates_is_scored_but_left_out_of_the_summaries():
    dream = offer(
        9,
        "Wrestler",
        skill_ids=frozenset({STAGE, STRENGTH, SPEAKING, CHOREO}),
        goal_ids=frozenset({10, 11}),
        benefits=frozenset({"fulfillment", "identity", "money"}),
        identity_fit=5,
    )
    result = elena(jobs=[WAITER, GYM, dream])
    scored = by_id(result, 9)
    assert scored.days == 0
    assert scored.direction_id == 3
    assert scored.score == 100
    assert scored.flags == ()
    assert (result.overall, result.aligned_share, result.coverage) == (30, 33, 67)
    assert result.overall_exact == (352 * WAITER_EXACT + 176 * GYM_EXACT) / 528
    assert result.missing == ("Stage presence",)


def test_an_offer_with_dates_is_still_left_out_of_the_summaries():
    dream = offer(
        9,
        started_on=date(2026, 1, 1),
        skill_ids=frozenset({STAGE}),
        identity_fit=5,
    )
    result = elena(jobs=[WAITER, GYM, dream], today=date(2026, 6, 1))
    assert by_id(result, 9).days == 152
    assert (result.overall, result.aligned_share, result.coverage) == (30, 33, 67)
    # The gym job reaches into the window (2025-06-02 … 2026-06-01); the offer does not count.
    assert result.recent == 60
    assert result.drift is False


def test_a_direction_asked_for_sets_every_job_against_it():
    chef = direction(
        5,
        "Chef",
        status="considering",
        target_skills=(TargetSkill(20, "Knife work", 2), TargetSkill(SPEAKING, "Speaking", 1)),
        values=(("money", 1),),
    )
    pitch = offer(9, benefits=frozenset({"money"}))
    result = elena(jobs=[WAITER, GYM, pitch], directions=[wrestler(), chef], direction_id=5)
    assert result.direction.id == 5
    assert {r.direction_id for r in result.jobs} == {5}
    # Waiter: skills 1/3 (weight 4), values 1 (weight 2), identity 1/4 (weight 1).
    waiter_exact = 100 * (4 * Fraction(1, 3) + 2 + Fraction(1, 4)) / 7
    assert by_id(result, 7).exact_score == waiter_exact
    assert by_id(result, 9).exact_score == Fraction(100, 3)  # values only: 2 ÷ (4 + 2)
    assert result.coverage == 33
    assert result.missing == ("Knife work",)
    assert result.next_steps[0].kind == "learn_skill"
    assert result.next_steps[0].skill_name == "Knife work"
    assert "your chef career" in said(result.next_steps[0])
    # The current direction, asked for by id, gives the default picture for held jobs.
    assert elena(direction_id=3) == elena()


def test_an_unknown_direction_is_a_lookup_error():
    with pytest.raises(LookupError):
        elena(direction_id=99)
    with pytest.raises(LookupError):
        assess(jobs=[], directions=[], learning=[], today=TODAY, direction_id=1)


# -- drift ----------------------------------------------------------------------------------


def drift_world(recent_skills):
    d = direction(
        1,
        status="current",
        started_on=date(2015, 1, 1),
        target_skills=(TargetSkill(1, "A", 1), TargetSkill(2, "B", 1)),
    )
    long_ago = job(
        1,
        started_on=date(2020, 1, 1),
        ended_on=date(2025, 10, 31),
        skill_ids=frozenset({1, 2}),
    )
    lately = job(2, started_on=date(2025, 11, 1), skill_ids=frozenset(recent_skills))
    return assess(jobs=[long_ago, lately], directions=[d], learning=[], today=TODAY)


def test_drift_when_recent_work_falls_behind():
    result = drift_world({1})
    # Window: 2025-11-23 … 2026-11-22. Job 1 ended before it; job 2 (score 50) fills it.
    assert result.recent == 50
    assert result.overall >= 65
    assert result.drift is True


def test_no_drift_when_recent_work_keeps_up():
    result = drift_world({1, 2})
    assert result.recent == 100
    assert result.drift is False


def test_drift_weighs_days_inside_the_window():
    d = direction(1, started_on=date(2015, 1, 1), target_skills=(TargetSkill(1, "A", 1),))
    # 100 for 11 days inside the window, 0 for the whole window after it: recent ≈ 3.
    strong = job(
        1, started_on=date(2020, 1, 1), ended_on=date(2025, 12, 3), skill_ids=frozenset({1})
    )
    # The weak job says which skills it used (none of the direction's): it scores 0.
    weak = job(2, started_on=date(2025, 11, 23), skill_ids=frozenset({99}))
    result = assess(jobs=[strong, weak], directions=[d], learning=[], today=TODAY)
    assert result.recent == round_half_up(Fraction(100 * 11, 11 + 365))
    assert result.drift is True


def identity_only(old_days, new_days, new_fit):
    # With no target skills, goals or values the score is the identity ratio alone: a rating
    # of 5 scores 100 and 4 scores 75. The old job ends well before the window.
    d = direction(1, started_on=date(1990, 1, 1))
    old_end = date(2025, 1, 1)
    old = job(1, started_on=old_end - timedelta(old_days - 1), ended_on=old_end, identity_fit=5)
    new = job(2, started_on=TODAY - timedelta(new_days - 1), identity_fit=new_fit)
    return assess(jobs=[old, new], directions=[d], learning=[], today=TODAY)


def test_drift_at_exactly_fifteen_points_below():
    result = identity_only(300, 200, 4)  # overall (300·100 + 200·75) ÷ 500 = 90
    assert (result.overall, result.recent) == (90, 75)
    assert result.drift is True


def test_no_drift_at_fourteen_points_below():
    result = identity_only(140, 110, 4)  # overall (140·100 + 110·75) ÷ 250 = 89
    assert (result.overall, result.recent) == (89, 75)
    assert result.drift is False


def test_drift_compares_rounded_numbers():
    # overall 89.5 rounds up to 90, so a recent 75 drifts although it is 14.5 below.
    result = identity_only(290, 210, 4)  # (29000 + 15750) ÷ 500 = 89.5
    assert result.overall_exact == Fraction(179, 2)
    assert (result.overall, result.recent) == (90, 75)
    assert result.drift is True


def test_the_drift_window_is_today_and_the_364_days_before():
    d = direction(1, started_on=date(1990, 1, 1))
    just_inside = job(1, started_on=date(2025, 1, 1), ended_on=date(2025, 11, 23), identity_fit=3)
    assert TODAY - just_inside.ended_on == timedelta(days=364)
    result = assess(jobs=[just_inside], directions=[d], learning=[], today=TODAY)
    assert result.recent == 50
    just_outside = job(1, started_on=date(2025, 1, 1), ended_on=date(2025, 11, 22), identity_fit=3)
    result = assess(jobs=[just_outside], directions=[d], learning=[], today=TODAY)
    assert result.recent is None
    assert result.overall == 50
    assert result.drift is False


def test_a_score_of_exactly_fifty_counts_as_aligned():
    d = direction(1, started_on=date(1990, 1, 1))
    half = job(1, started_on=date(2020, 1, 1), ended_on=date(2020, 1, 3), identity_fit=3)
    low = job(2, started_on=date(2021, 1, 1), ended_on=date(2021, 1, 1), identity_fit=1)
    result = assess(jobs=[half, low], directions=[d], learning=[], today=TODAY)
    assert [r.score for r in result.jobs] == [0, 50]
    assert result.aligned_share == 75  # 3 of 4 days
    assert result.overall_exact == Fraction(150, 4)
    assert result.overall == 38


# -- offer flags ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field",
    [
        {"title": "Night Shifts supervisor"},
        {"employer": "NIGHT   SHIFTS Ltd"},
        {"description": "Mostly\nnight\tshifts, some days"},
        {"schedule_label": "night shifts"},
    ],
)
def test_an_offer_is_flagged_where_a_phrase_appears(field):
    pitch = offer(9, **field)
    assert offer_flags(pitch, [WAITER]) == (Flag("Night shifts", 7, "Waiter"),)


def test_flags_fold_case_and_inner_white_space_and_ignore_blank_lines():
    pitch = offer(9, description="Expect UNPAID overtime.")
    assert offer_flags(pitch, [WAITER]) == (Flag("unpaid   overtime", 7, "Waiter"),)
    assert offer_flags(offer(9, description="nothing here"), [WAITER]) == ()
    blank = job(1, avoid="\n   \n\t\n")
    assert offer_flags(offer(9, title="Anything at all"), [blank]) == ()


def test_flags_name_every_job_once_and_skip_offers_and_missing_phrases():
    other = job(2, "Barista", avoid="night shifts\nNIGHT SHIFTS\nopen-plan office")
    earlier_offer = offer(3, avoid="Shifts")
    pitch = offer(9, title="Night shifts at the docks")
    assert offer_flags(pitch, [WAITER, other, earlier_offer]) == (
        Flag("night shifts", 2, "Barista"),
        Flag("Night shifts", 7, "Waiter"),
    )
    assert offer_flags(WAITER, [WAITER, other]) == ()


def test_assess_flags_offers_and_never_held_jobs():
    pitch = offer(9, schedule_label="Night shifts")
    trap = job(10, started_on=date(2026, 1, 1), schedule_label="Night shifts")
    result = elena(jobs=[WAITER, GYM, pitch, trap])
    assert by_id(result, 9).flags == (Flag("Night shifts", 7, "Waiter"),)
    assert by_id(result, 10).flags == ()
    assert by_id(result, 7).flags == ()


# -- next steps -----------------------------------------------------------------------------


def test_learn_the_most_important_missing_skill():
    result = elena(learning=[])
    assert result.missing == ("Stage presence",)
    (step,) = others(result)
    assert (step.kind, step.skill_name, step.direction_id) == ("learn_skill", "Stage presence", 3)
    assert said(step) == (
        "Find a way to learn Stage presence: you marked it essential for your professional "
        "wrestler career, and no job or learning of yours covers it yet."
    )


def test_only_skills_of_the_highest_missing_importance_are_suggested():
    result = elena(jobs=[], learning=[])
    assert result.missing == (
        "Stage presence",
        "Strength training",
        "Public speaking",
        "Choreography",
    )
    assert [s.skill_name for s in result.next_steps] == ["Stage presence", "Strength training"]
    assert all(s.kind == "learn_skill" for s in result.next_steps)


def test_an_active_goal_mentioning_the_skill_covers_it():
    practice = goal(13, "Practise", description="Work on my STAGE  presence weekly")
    d = wrestler(goals=(*wrestler().goals, practice))
    assert others(elena(directions=[d], learning=[])) == ()
    planned = goal(13, "Practise stage presence", status="planned")
    d = wrestler(goals=(*wrestler().goals, planned))
    assert [s.skill_name for s in others(elena(directions=[d], learning=[]))] == ["Stage presence"]


def test_an_active_goal_under_another_direction_covers_it_too():
    chef = direction(
        5, "Chef", status="considering", goals=(goal(30, "Stage presence classes", direction_id=5),)
    )
    assert others(elena(directions=[wrestler(), chef], learning=[])) == ()
    assert [s.skill_name for s in others(elena(learning=[]))] == ["Stage presence"]


def test_a_mention_must_be_a_whole_phrase():
    art = direction(
        1,
        "Painter",
        target_skills=(TargetSkill(1, "Art", 3),),
        values=(("money", 1),),
        goals=(goal(1, "Start a band", direction_id=1),),
    )
    result = assess(jobs=[], directions=[art], learning=[], today=TODAY)
    assert [s.skill_name for s in result.next_steps] == ["Art"]


def test_overdue_goals():
    goals = (
        goal(10, "First amateur match", priority=3, target_date=date(2025, 6, 1)),
        goal(11, "Join a wrestling school", status="achieved", target_date=date(2024, 1, 1)),
        goal(12, "Build a following", status="dropped", target_date=date(2024, 1, 1)),
        goal(13, "Find a coach", status="planned", target_date=date(2025, 1, 1)),
        goal(14, "Due today", target_date=TODAY),
        goal(15, "Due later", target_date=date(2027, 1, 1)),
    )
    result = elena(directions=[wrestler(goals=goals)])
    assert [s.kind for s in others(result)] == ["overdue_goal", "overdue_goal"]
    assert [s.goal_id for s in others(result)] == [13, 10]
    assert others(result)[1].direction_id == 3
    assert "First amateur match" in said(others(result)[1])
    assert "1 Jun 2025" in said(others(result)[1])


def test_overdue_goals_of_every_direction_are_listed():
    chef = direction(
        5, "Chef", status="considering", goals=(goal(30, "Stage", target_date=date(2020, 1, 1)),)
    )
    result = elena(directions=[wrestler(), chef])
    assert [(s.kind, s.goal_id) for s in others(result)] == [("overdue_goal", 30)]


def test_a_direction_with_parts_missing_asks_to_be_shaped():
    empty = direction(1, "Homemaker", status="current")
    result = assess(jobs=[], directions=[empty], learning=[], today=TODAY)
    (step,) = others(result)
    assert step.kind == "shape_direction"
    assert step.direction_id == 1
    assert said(step) == (
        "Homemaker has no goals, values or target skills yet — add them so your jobs can be "
        "set against it."
    )
    only_values = wrestler(goals=(goal(12, status="dropped"),))
    (step,) = others(elena(directions=[only_values]))
    assert step.kind == "shape_direction"
    assert "no goals yet" in said(step)


def test_an_ongoing_weak_job_is_named():
    waiting = job(
        20,
        "Waiter",
        employer="Rosa's Diner",
        started_on=date(2026, 1, 1),
        skill_ids=frozenset({SPEAKING}),
        benefits=frozenset({"money"}),
        identity_fit=2,
    )
    strong = job(
        21,
        "Coach",
        started_on=date(2026, 2, 1),
        skill_ids=frozenset({STAGE, STRENGTH, SPEAKING, CHOREO}),
        benefits=frozenset({"fulfillment", "identity", "money"}),
    )
    result = elena(jobs=[WAITER, GYM, waiting, strong])
    # The ended waiter job (15) and the ongoing coach job (67) are not named.
    assert (by_id(result, 7).score, by_id(result, 20).score, by_id(result, 21).score) == (
        15,
        15,
        67,
    )
    weak = [s for s in others(result) if s.kind == "weak_job"]
    assert [(s.kind, said(s), s.direction_id, s.job_id) for s in weak] == [
        (
            "weak_job",
            "The job you have, Waiter at Rosa's Diner, scores only 15 out of 100: see what "
            "holds its score down before you plan your next job.",
            3,
            20,
        )
    ]


def test_a_weak_job_at_exactly_fifty_is_not_named():
    d = direction(1, target_skills=(TargetSkill(1, "A", 1), TargetSkill(2, "B", 1)))
    ongoing = job(1, skill_ids=frozenset({1}))
    result = assess(jobs=[ongoing], directions=[d], learning=[], today=TODAY)
    assert result.jobs[0].score == 50
    assert [s.kind for s in result.next_steps] == ["learn_skill", "shape_direction"]


def test_next_steps_keep_their_order():
    goals = (goal(10, "Overdue", target_date=date(2025, 1, 1)),)
    d = direction(
        3,
        "Wrestler",
        started_on=date(2023, 1, 1),
        target_skills=(TargetSkill(1, "Stage presence", 3),),
        goals=goals,
    )
    weak = job(1, started_on=date(2026, 1, 1), skill_ids=frozenset({99}))
    result = assess(jobs=[weak], directions=[d], learning=[], today=TODAY)
    assert [s.kind for s in others(result)] == [
        "learn_skill",
        "overdue_goal",
        "shape_direction",
        "weak_job",
    ]
    assert "no values yet" in said(others(result)[2])
    assert said(others(result)[3]) == (
        "The job you have, Job at Employer, scores only 0 out of 100: see what holds its "
        "score down before you plan your next job."
    )


# -- order of jobs --------------------------------------------------------------------------


def test_jobs_are_listed_newest_start_first_with_undated_offers_on_top():
    jobs = [
        job(1, started_on=date(2020, 1, 1), ended_on=date(2020, 2, 1)),
        offer(2),
        job(3, started_on=date(2024, 1, 1)),
        offer(4),
        offer(5, started_on=date(2027, 1, 1)),
        job(6, started_on=date(2020, 1, 1), ended_on=date(2020, 3, 1)),
    ]
    result = assess(jobs=jobs, directions=[wrestler()], learning=[], today=TODAY)
    assert [r.job.id for r in result.jobs] == [4, 2, 5, 3, 6, 1]


# -- properties -----------------------------------------------------------------------------

DAY = st.dates(min_value=date(2018, 1, 1), max_value=date(2027, 6, 30))
SKILL_IDS = st.integers(min_value=1, max_value=6)
GOAL_IDS = st.integers(min_value=1, max_value=8)
VALUE_KEYS = st.sampled_from(["money", "security", "experience", "skills", "identity"])
PHRASES = st.sampled_from(["night shifts", "Overtime", "  open  plan ", "", "travel"])


@st.composite
def periods(draw, *, optional_start=False):
    start = draw(st.none() | DAY) if optional_start else draw(DAY)
    if start is None:
        return None, draw(st.none() | DAY)
    end = draw(st.none() | st.integers(0, 900).map(lambda n: start + timedelta(days=n)))
    return start, end


@st.composite
def directions_(draw, id_, goal_ids):
    start, end = draw(periods(optional_start=True))
    status = draw(st.sampled_from(["current", "past", "considering"]))
    skill_ids = draw(st.lists(SKILL_IDS, unique=True, max_size=5))
    return DirectionData(
        id=id_,
        title=f"Direction {id_}",
        status=status,
        started_on=start,
        ended_on=end,
        target_skills=tuple(
            TargetSkill(s, f"Skill {s}", draw(st.integers(1, 3))) for s in skill_ids
        ),
        values=tuple(
            (k, draw(st.integers(1, 3)))
            for k in draw(st.lists(VALUE_KEYS, unique=True, max_size=4))
        ),
        goals=tuple(
            GoalData(
                id=g,
                title=draw(st.sampled_from(["Learn Skill 1", "Practise", "skill 2 daily"])),
                description="",
                status=draw(st.sampled_from(["planned", "active", "achieved", "dropped"])),
                priority=draw(st.integers(1, 3)),
                target_date=draw(st.none() | DAY),
                direction_id=id_,
            )
            for g in goal_ids
        ),
    )


@st.composite
def jobs_(draw, id_):
    stage = draw(st.sampled_from(["held", "held", "offer"]))
    start, end = draw(periods(optional_start=stage == "offer"))
    return JobData(
        id=id_,
        title=draw(st.sampled_from(["Waiter", "Night shifts porter", "Coach"])),
        employer=draw(st.sampled_from(["Rosa's", "OVERTIME Inc", "Iron Hall"])),
        stage=stage,
        started_on=start,
        ended_on=end,
        skill_ids=frozenset(draw(st.lists(SKILL_IDS, max_size=4))),
        goal_ids=frozenset(draw(st.lists(GOAL_IDS, max_size=4))),
        benefits=frozenset(draw(st.lists(VALUE_KEYS, max_size=4))),
        identity_fit=draw(st.none() | st.integers(1, 5)),
        description=draw(st.sampled_from(["", "open plan office", "travel a lot"])),
        schedule_label=draw(st.sampled_from(["", "Shifts", "Flexible"])),
        avoid="\n".join(draw(st.lists(PHRASES, max_size=3))),
        employment_type=draw(st.sampled_from(["full_time", "part_time", "volunteer", "unpaid"])),
        pay_amount=draw(st.sampled_from([None, Decimal("0"), Decimal("0.01"), Decimal("11.50")])),
    )


@st.composite
def worlds(draw):
    n_dirs = draw(st.integers(0, 3))
    goal_ids = draw(st.permutations(range(1, 9)))
    split = sorted(draw(st.lists(st.integers(0, 8), min_size=n_dirs, max_size=n_dirs)))
    bounds = [0, *split, 8]
    directions = [
        draw(directions_(i + 1, goal_ids[bounds[i] : bounds[i + 1]])) for i in range(n_dirs)
    ]
    # At most one current direction, as the database guarantees.
    seen_current = False
    for i, d in enumerate(directions):
        if d.status == "current":
            if seen_current:
                directions[i] = DirectionData(**{**d.__dict__, "status": "past"})
            seen_current = True
    jobs = [draw(jobs_(i)) for i in range(1, draw(st.integers(0, 6)) + 1)]
    learning = [
        LearningData(
            i,
            f"Course {i}",
            draw(st.none() | DAY),
            frozenset(draw(st.lists(SKILL_IDS, max_size=3))),
        )
        for i in range(1, draw(st.integers(0, 3)) + 1)
    ]
    today = draw(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)))
    # Held jobs start on or before today; clip the drawn ones into shape.
    jobs = [
        j
        if j.stage == "offer" or (j.started_on and j.started_on <= today)
        else JobData(**{**j.__dict__, "started_on": today - timedelta(days=30), "ended_on": None})
        for j in jobs
    ]
    return jobs, directions, learning, today


def shuffled(draw, rows):
    return list(draw(st.permutations(rows)))


@given(world=worlds(), data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_input_order_never_changes_the_result(world, data):
    jobs, directions, learning, today = world
    ids = [None] + [d.id for d in directions]
    direction_id = data.draw(st.sampled_from(ids))
    before = assess(
        jobs=jobs, directions=directions, learning=learning, today=today, direction_id=direction_id
    )
    reordered = [
        DirectionData(
            **{
                **d.__dict__,
                "target_skills": tuple(data.draw(st.permutations(d.target_skills))),
                "values": tuple(data.draw(st.permutations(d.values))),
                "goals": tuple(data.draw(st.permutations(d.goals))),
            }
        )
        for d in data.draw(st.permutations(directions))
    ]
    after = assess(
        jobs=data.draw(st.permutations(jobs)),
        directions=reordered,
        learning=data.draw(st.permutations(learning)),
        today=today,
        direction_id=direction_id,
    )
    assert after == before


@given(world=worlds())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_every_number_stays_within_0_and_100(world):
    jobs, directions, learning, today = world
    result = assess(jobs=jobs, directions=directions, learning=learning, today=today)
    scored = []
    for r in result.jobs:
        assert r.days >= 0
        if r.exact_score is None:
            assert r.score is None
            continue
        assert 0 <= r.exact_score <= 100
        assert 0 <= r.score <= 100
        assert r.score == round_half_up(r.exact_score)
        if r.job.stage == "held" and r.days:
            scored.append(r.exact_score)
    for number in (result.overall, result.aligned_share, result.coverage, result.recent):
        assert number is None or 0 <= number <= 100
    if scored:
        assert min(scored) <= result.overall_exact <= max(scored)
    else:
        assert result.overall is None and result.aligned_share is None
    assert (result.recent is None) or result.overall is not None
    if result.direction is not None and result.direction.skills_total:
        assert result.coverage is not None
        focus = next(d for d in directions if d.id == result.direction.id)
        assert len(result.missing) <= len(focus.target_skills)
        assert (result.coverage == 100) == (not result.missing)


@given(world=worlds(), data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_doing_one_more_thing_the_direction_wants_never_lowers_a_score(world, data):
    jobs, directions, _, _ = world
    d = data.draw(st.sampled_from(directions)) if directions else wrestler()
    j = data.draw(st.sampled_from(jobs)) if jobs else GYM
    base = score(j, d)
    options = (
        [("skill_ids", s.skill_id) for s in d.target_skills if s.skill_id not in j.skill_ids]
        + [("goal_ids", g.id) for g in d.goals if g.status != "dropped" and g.id not in j.goal_ids]
        + [("benefits", k) for k, _ in d.values if k not in j.benefits]
    )
    if not options:
        return
    field, item = data.draw(st.sampled_from(options))
    more = JobData(**{**j.__dict__, field: getattr(j, field) | {item}})
    after = score(more, d)
    assert base is not None and after is not None
    assert after > base


@given(world=worlds())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_each_held_job_goes_against_the_direction_choose_direction_names(world):
    jobs, directions, learning, today = world
    result = assess(jobs=jobs, directions=directions, learning=learning, today=today)
    for r in result.jobs:
        raw = next(j for j in jobs if j.id == r.job.id)
        chosen = choose_direction(raw, directions, today)
        assert r.direction_id == (None if chosen is None else chosen.id)


@given(world=worlds(), data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_whole_number_score_is_the_formula_in_fractions(world, data):
    jobs, directions, _, _ = world
    d = data.draw(st.sampled_from(directions)) if directions else wrestler()
    j = data.draw(st.sampled_from(jobs)) if jobs else GYM
    parts = components(j, d)
    weighted = [
        (4, parts.skills),
        (3, parts.goals),
        (2, parts.values),
        (1, parts.identity),
    ]
    defined = [(w, x) for w, x in weighted if x is not None]
    expected = (
        100 * sum(w * x for w, x in defined) / sum(w for w, _ in defined) if defined else None
    )
    assert score(j, d) == expected


# -- said nothing is unknown, not zero ------------------------------------------------------

LINKEDIN = job(30, "Customer support agent", employer="Hallo Telecom", started_on=date(2025, 7, 1))


def test_a_job_that_tells_nothing_is_undescribed_not_zero():
    result = elena(jobs=[WAITER, GYM, LINKEDIN])
    imported = by_id(result, 30)
    assert imported.needs_details is True
    assert imported.score is None and imported.exact_score is None
    assert imported.components is None
    assert imported.direction_id == 3  # the direction it would be set against
    assert imported.days == (TODAY - date(2025, 7, 1)).days + 1
    # Left out of overall, aligned share and drift: its days count nowhere.
    assert (result.overall, result.aligned_share, result.coverage) == (30, 33, 67)
    assert result.overall_exact == (352 * WAITER_EXACT + 176 * GYM_EXACT) / 528
    assert result.recent is None and result.drift is False
    # It is not named as a weak job, but as one that needs details.
    (step,) = others(result)
    assert (step.kind, step.job_id) == ("describe_job", 30)
    assert said(step).startswith("Customer support agent at Hallo Telecom needs details")
    assert by_id(result, 7).needs_details is False


@pytest.mark.parametrize(
    "told",
    [
        {"skill_ids": frozenset({99})},  # a skill the direction does not target
        {"benefits": frozenset({"security"})},  # a value the direction does not seek
        {"goal_ids": frozenset({12})},  # a goal since dropped
        {"identity_fit": 1},
    ],
)
def test_telling_any_one_thing_makes_a_job_described(told):
    described = job(30, "Customer support agent", started_on=date(2025, 7, 1), **told)
    result = elena(jobs=[WAITER, GYM, described])
    scored = by_id(result, 30)
    assert scored.needs_details is False
    assert scored.score == 0
    assert result.recent == 0 and result.drift is True
    assert result.overall < 30


def test_offers_worth_a_look_are_next_steps():
    night = offer(9, "Night manager", schedule_label="Night shifts", identity_fit=2)
    dream = offer(
        10,
        "Wrestler",
        skill_ids=frozenset({STAGE, STRENGTH, SPEAKING, CHOREO}),
        benefits=frozenset({"fulfillment", "identity", "money"}),
        identity_fit=5,
    )
    dull = offer(11, "Clerk", identity_fit=1)
    steps = [s for s in elena(jobs=[WAITER, GYM, night, dream, dull]).next_steps]
    offers = [s for s in steps if s.kind == "weigh_offer"]
    assert [s.job_id for s in offers] == [10, 9]
    assert "scores 70" in said(offers[0]) and "“Night shifts”" in said(offers[1])
    # An offer that would build the career does not wait: it comes first of all.
    assert steps[0].job_id == 10


def test_a_what_if_speaks_of_its_own_goals_only():
    chef = direction(
        5,
        "Chef",
        status="considering",
        goals=(goal(30, "Stage", target_date=date(2020, 1, 1), direction_id=5),),
    )
    overdue = goal(10, "First amateur match", priority=3, target_date=date(2025, 6, 1))
    d = wrestler(goals=(overdue,))

    def overdue_goals(**kw):
        steps = elena(directions=[d, chef], **kw).next_steps
        return [s.goal_id for s in steps if s.kind == "overdue_goal"]

    assert overdue_goals() == [30, 10]
    assert overdue_goals(direction_id=5) == [30]


def test_an_undescribed_offer_is_flagged_but_not_scored():
    pitch = offer(9, title="Night shifts manager")
    result = elena(jobs=[WAITER, GYM, pitch])
    assert by_id(result, 9).needs_details is True
    assert by_id(result, 9).score is None
    assert by_id(result, 9).flags == (Flag("Night shifts", 7, "Waiter"),)


def test_a_direction_asked_for_leaves_undescribed_jobs_unscored_too():
    chef = direction(5, "Chef", status="considering", values=(("money", 1),))
    result = elena(jobs=[WAITER, GYM, LINKEDIN], directions=[wrestler(), chef], direction_id=5)
    assert by_id(result, 30).direction_id == 5 and by_id(result, 30).score is None


@given(world=worlds(), data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_an_undescribed_job_never_moves_a_summary(world, data):
    jobs, directions, learning, today = world
    ids = [None] + [d.id for d in directions]
    direction_id = data.draw(st.sampled_from(ids))
    start = data.draw(st.dates(min_value=date(2015, 1, 1), max_value=today))
    silent = job(99, "Imported position", started_on=start, ended_on=None)
    before = assess(
        jobs=jobs, directions=directions, learning=learning, today=today, direction_id=direction_id
    )
    after = assess(
        jobs=[*jobs, silent],
        directions=directions,
        learning=learning,
        today=today,
        direction_id=direction_id,
    )
    for name in ("overall", "overall_exact", "aligned_share", "recent", "drift", "coverage"):
        assert getattr(after, name) == getattr(before, name), name
    assert by_id(after, 99).score is None and by_id(after, 99).needs_details


# -- which direction, on a tie --------------------------------------------------------------


def test_on_a_full_tie_the_direction_created_later_wins():
    # Same overlap, same start: the higher id (created later; later in an export) wins.
    first = direction(4, "First", status="past", started_on=date(2020, 1, 1), ended_on=TODAY)
    second = direction(6, "Second", status="current", started_on=date(2020, 1, 1))
    held = job(1, started_on=date(2024, 1, 1), ended_on=date(2024, 6, 30), identity_fit=3)
    assert choose_direction(held, [first, second], TODAY) == second
    assert choose_direction(held, [second, first], TODAY) == second
    result = assess(jobs=[held], directions=[second, first], learning=[], today=TODAY)
    assert result.jobs[0].direction_id == 6


def test_many_past_directions_each_job_finds_its_own():
    # Twenty past directions one after another, a job inside each: every job is set
    # against the direction of its time, as choose_direction says one job at a time.
    directions = [
        direction(
            n,
            f"Direction {n}",
            status="past",
            started_on=date(2000 + n, 1, 1),
            ended_on=date(2000 + n, 12, 31),
        )
        for n in range(1, 21)
    ]
    jobs = [
        job(n, started_on=date(2000 + n, 3, 1), ended_on=date(2000 + n, 4, 1), identity_fit=3)
        for n in range(1, 21)
    ]
    result = assess(jobs=jobs, directions=directions, learning=[], today=TODAY)
    assert {r.job.id: r.direction_id for r in result.jobs} == {n: n for n in range(1, 21)}


# -- verdicts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "described", "is_paid", "expected"),
    [
        (100, True, True, "built"),
        (50, True, False, "built"),
        (49, True, True, "partly"),
        (25, True, False, "partly"),
        (24, True, True, "bills"),
        (0, True, True, "bills"),
        (24, True, False, "little"),
        (0, True, False, "little"),
        (None, False, True, "details"),
        (None, False, False, "details"),
        (None, True, True, "unscored"),
    ],
)
def test_the_verdict_table(score, described, is_paid, expected):
    assert alignment.verdict(score, described=described, paid=is_paid) == expected


@pytest.mark.parametrize(
    ("employment_type", "pay_amount", "benefits", "expected"),
    [
        ("full_time", None, set(), True),  # paid work whose pay is not said is still paid
        ("part_time", Decimal("0"), set(), True),
        ("contract", None, {"money"}, True),
        ("volunteer", None, set(), False),
        ("volunteer", Decimal("0"), {"skills"}, False),
        ("volunteer", Decimal("0.01"), set(), True),
        ("volunteer", None, {"money"}, True),  # an allowance: it gave money
        ("unpaid", None, set(), False),
        ("unpaid", Decimal("500"), set(), True),
    ],
)
def test_what_makes_a_job_paid(employment_type, pay_amount, benefits, expected):
    assert alignment.is_paid(employment_type, pay_amount, "money" in benefits) is expected
    row = job(1, employment_type=employment_type, pay_amount=pay_amount, benefits=benefits)
    assert paid(row) is expected


def test_elena_verdicts():
    result = elena()
    verdicts = {r.job.title: r.verdict for r in result.jobs}
    assert verdicts == {"Waiter": "bills", "Gym assistant": "built"}


def test_an_unpaid_job_that_did_little_is_not_said_to_pay_the_bills():
    d = wrestler()
    volunteer = job(1, "Usher", employment_type="volunteer", identity_fit=1)
    carer = job(2, "Carer", employment_type="unpaid", identity_fit=1, benefits={"money"})
    result = assess(jobs=[volunteer, carer], directions=[d], learning=[], today=TODAY)
    verdicts = {r.job.title: (r.score, r.verdict) for r in result.jobs}
    assert verdicts == {"Usher": (0, "little"), "Carer": (3, "bills")}


def test_undescribed_and_directionless_jobs():
    silent = job(1, "Porter")
    rated = job(2, "Cook", identity_fit=3)
    with_direction = assess(jobs=[silent, rated], directions=[wrestler()], learning=[], today=TODAY)
    assert {r.job.title: r.verdict for r in with_direction.jobs} == {
        "Porter": "details",
        "Cook": "bills",
    }
    alone = assess(jobs=[silent, rated], directions=[], learning=[], today=TODAY)
    assert {r.job.title: r.verdict for r in alone.jobs} == {
        "Porter": "unscored",
        "Cook": "unscored",
    }


@given(world=worlds(), data=st.data())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_a_verdict_never_depends_on_other_jobs(world, data):
    jobs, directions, learning, today = world
    ids = [None] + [d.id for d in directions]
    direction_id = data.draw(st.sampled_from(ids))
    together = assess(
        jobs=jobs, directions=directions, learning=learning, today=today, direction_id=direction_id
    )
    for r in together.jobs:
        raw = next(j for j in jobs if j.id == r.job.id)
        alone = assess(
            jobs=[raw],
            directions=directions,
            learning=learning,
            today=today,
            direction_id=direction_id,
        )
        assert alone.jobs[0].verdict == r.verdict


@given(world=worlds())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_every_job_gets_the_verdict_its_score_and_pay_say(world):
    jobs, directions, learning, today = world
    result = assess(jobs=jobs, directions=directions, learning=learning, today=today)
    for r in result.jobs:
        raw = next(j for j in jobs if j.id == r.job.id)
        assert r.verdict in alignment.VERDICTS
        if r.direction is None:
            assert r.verdict == "unscored"
        elif r.needs_details:
            assert r.verdict == "details"
        elif r.score is None:
            assert r.verdict == "unscored"
        elif r.score >= 50:
            assert r.verdict == "built"
        elif r.score >= 25:
            assert r.verdict == "partly"
        else:
            assert r.verdict == ("bills" if paid(raw) else "little")


# -- your next job ------------------------------------------------------------------------------


def test_when_most_days_paid_the_bills_the_next_job_is_a_step():
    # Waiter (352 days, paid the bills) against Gym assistant (176, built the career).
    steps = [s for s in elena().next_steps if s.kind == "next_job"]
    assert [(s.kind, said(s), s.direction_id) for s in steps] == [
        (
            "next_job",
            "Look for a job you could get now, close to the work you have done, that would "
            "also build your professional wrestler career.",
            3,
        )
    ]


def test_no_next_job_step_when_half_or_fewer_days_paid_the_bills():
    short_waiter = job(
        7,
        "Waiter",
        started_on=date(2024, 1, 15),
        ended_on=date(2024, 7, 8),
        skill_ids=frozenset({SPEAKING}),
        benefits=frozenset({"money"}),
        identity_fit=2,
    )
    result = elena(jobs=[short_waiter, GYM])
    assert by_id(result, 7).verdict == "bills" and by_id(result, 7).days == 176
    assert [s for s in result.next_steps if s.kind == "next_job"] == []
