"""The direction side's rules, proven in the database itself: forms are bypassed on purpose.

Each refusal is checked inside its own `transaction.atomic()`, so the test goes on (and on
PostgreSQL the transaction stays usable) after the database says no.
"""

from contextlib import contextmanager
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from core.words import clean_name, fold_name
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    DirectionSkillFactory,
    DirectionValueFactory,
    LearningFactory,
    SkillFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@contextmanager
def refused(constraint):
    """The block must fail with an IntegrityError raised by the named constraint."""
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        yield
    message = str(caught.value)
    if connection.vendor == "sqlite" and "UNIQUE constraint failed" in message:
        # SQLite names the columns of a unique index, not the index, unless it is on an
        # expression; PostgreSQL always names the constraint.
        return
    assert constraint in message, message


# --- Directions --------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["create", "bulk_create"])
def test_direction_cannot_end_before_it_starts(owner, how):
    row = {
        "owner": owner,
        "title": "Wrestler",
        "status": "past",
        "started_on": date(2024, 1, 2),
        "ended_on": date(2024, 1, 1),
    }
    with refused("direction_dates_in_order"):
        if how == "create":
            CareerDirection.objects.create(**row)
        else:
            CareerDirection.objects.bulk_create([CareerDirection(**row)])
    assert not CareerDirection.objects.exists()


def test_direction_dates_refused_on_update_too(owner):
    direction = CareerDirectionFactory(owner=owner, started_on=date(2024, 1, 2))
    with refused("direction_dates_in_order"):
        CareerDirection.objects.filter(pk=direction.pk).update(ended_on=date(2024, 1, 1))
    direction.refresh_from_db()
    assert direction.ended_on is None


@pytest.mark.parametrize(
    ("started_on", "ended_on"),
    [
        (date(2024, 1, 1), date(2024, 1, 1)),  # a one-day direction
        (None, date(2024, 1, 1)),  # no start recorded
        (date(2024, 1, 1), None),  # goes on
    ],
)
def test_direction_dates_that_are_in_order_are_kept(owner, started_on, ended_on):
    CareerDirection.objects.create(
        owner=owner, title="Wrestler", status="past", started_on=started_on, ended_on=ended_on
    )
    assert CareerDirection.objects.filter(owner=owner).count() == 1


def test_a_second_current_direction_for_the_same_person_is_refused(owner):
    CareerDirection.objects.create(owner=owner, title="Wrestler", status="current")
    with refused("one_current_direction_per_owner"):
        CareerDirection.objects.create(owner=owner, title="Game developer", status="current")
    assert list(CareerDirection.objects.values_list("title", flat=True)) == ["Wrestler"]


def test_making_a_second_direction_current_by_update_is_refused(owner):
    CareerDirection.objects.create(owner=owner, title="Wrestler", status="current")
    other = CareerDirection.objects.create(owner=owner, title="Game developer", status="past")
    with refused("one_current_direction_per_owner"):
        CareerDirection.objects.filter(pk=other.pk).update(status="current")
    other.refresh_from_db()
    assert other.status == "past"


def test_another_persons_current_direction_does_not_count(owner, stranger):
    CareerDirection.objects.create(owner=owner, title="Wrestler", status="current")
    CareerDirection.objects.create(owner=stranger, title="Wrestler", status="current")
    assert CareerDirection.objects.current().count() == 2


def test_past_and_considering_directions_sit_beside_the_current_one(owner):
    CareerDirection.objects.bulk_create(
        [
            CareerDirection(owner=owner, title="Wrestler", status="current"),
            CareerDirection(owner=owner, title="Waiter", status="past"),
            CareerDirection(owner=owner, title="Chef", status="past"),
            CareerDirection(owner=owner, title="Coach", status="considering"),
        ]
    )
    assert CareerDirection.objects.owned_by(owner).count() == 4
    assert list(CareerDirection.objects.owned_by(owner).current()) == [
        CareerDirection.objects.get(title="Wrestler")
    ]


def test_direction_status_must_be_one_of_the_choices(owner):
    with refused("direction_status_valid"):
        CareerDirection.objects.create(owner=owner, title="Wrestler", status="dreaming")


@pytest.mark.parametrize(
    ("model", "fields", "constraint"),
    [
        (CareerDirection, {"title": "", "status": "past"}, "direction_title_not_blank"),
        (CareerGoal, {"title": ""}, "goal_title_not_blank"),
        (Learning, {"title": ""}, "learning_title_not_blank"),
        (Contact, {"name": ""}, "contact_name_not_blank"),
        (Skill, {"name": ""}, "skill_name_not_blank"),
    ],
)
def test_a_blank_title_or_name_is_refused(owner, model, fields, constraint):
    with refused(constraint):
        model.objects.bulk_create([model(owner=owner, **fields)])
    assert not model.objects.exists()


def test_a_skill_of_only_white_space_is_refused_once_saved(owner):
    # Skill.save folds white space, so "   " reaches the database as "".
    with refused("skill_name_not_blank"):
        Skill.objects.create(owner=owner, name="   ")


# --- Skills ------------------------------------------------------------------------------


def test_skill_names_are_unique_per_person_whatever_the_case(owner):
    Skill.objects.create(owner=owner, name="Public speaking")
    with refused("skill_name_unique_per_owner"):
        Skill.objects.create(owner=owner, name="PUBLIC SPEAKING")
    with refused("skill_name_unique_per_owner"):
        Skill.objects.bulk_create([Skill(owner=owner, name="public speaking")])
    assert list(Skill.objects.values_list("name", flat=True)) == ["Public speaking"]


def test_a_rename_into_another_skills_name_is_refused(owner):
    Skill.objects.create(owner=owner, name="Public speaking")
    other = Skill.objects.create(owner=owner, name="Choreography")
    with refused("skill_name_unique_per_owner"):
        Skill.objects.filter(pk=other.pk).update(name="Public Speaking")


def test_saving_a_skill_trims_and_folds_white_space_before_the_check(owner):
    Skill.objects.create(owner=owner, name="Public speaking")
    with refused("skill_name_unique_per_owner"):
        Skill.objects.create(owner=owner, name="  public \t  SPEAKING ")


def test_two_people_may_name_the_same_skill(owner, stranger):
    Skill.objects.create(owner=owner, name="Public speaking")
    Skill.objects.create(owner=stranger, name="public speaking")
    assert Skill.objects.count() == 2


def test_skill_names_are_cleaned_and_folded():
    assert clean_name("  Stage \n  presence ") == "Stage presence"
    assert fold_name("  STAGE   Presence") == "stage presence"
    assert fold_name("Straße") == fold_name("STRASSE")


def test_named_reuses_a_persons_skills_matched_folded_and_creates_the_rest(owner, stranger):
    speaking = Skill.objects.create(owner=owner, name="Public speaking")
    strangers = Skill.objects.create(owner=stranger, name="Stage presence")

    skills = Skill.objects.named(
        owner, ["public   SPEAKING", "Stage presence", "stage PRESENCE", "  ", ""]
    )

    assert [skill.name for skill in skills] == ["Public speaking", "Stage presence"]
    assert skills[0].pk == speaking.pk
    assert skills[1].pk != strangers.pk
    assert skills[1].owner == owner
    assert Skill.objects.owned_by(owner).count() == 2
    assert Skill.objects.named(owner, []) == []


# --- Goals -------------------------------------------------------------------------------


def test_an_achieved_goal_needs_its_date(owner):
    with refused("achieved_goal_has_date"):
        CareerGoal.objects.create(owner=owner, title="First match", status="achieved")
    goal = CareerGoal.objects.create(owner=owner, title="First match", status="active")
    with refused("achieved_goal_has_date"):
        CareerGoal.objects.filter(pk=goal.pk).update(status="achieved")
    goal.refresh_from_db()
    assert goal.status == "active"
    CareerGoal.objects.filter(pk=goal.pk).update(status="achieved", achieved_on=date(2025, 2, 1))
    goal.refresh_from_db()
    assert (goal.status, goal.achieved_on) == ("achieved", date(2025, 2, 1))


@pytest.mark.parametrize("priority", [0, 4])
def test_goal_priority_stays_between_1_and_3(owner, priority):
    with refused("goal_priority_range"):
        CareerGoal.objects.create(owner=owner, title="First match", priority=priority)


@pytest.mark.parametrize("priority", [1, 2, 3])
def test_goal_priorities_1_to_3_are_kept(owner, priority):
    CareerGoal.objects.create(owner=owner, title="First match", priority=priority)
    assert CareerGoal.objects.get().priority == priority


def test_goal_status_must_be_one_of_the_choices(owner):
    with refused("goal_status_valid"):
        CareerGoal.objects.create(owner=owner, title="First match", status="someday")


def test_open_goals_are_planned_and_active(owner):
    for status in ("planned", "active", "dropped"):
        CareerGoalFactory(owner=owner, title=status, status=status)
    CareerGoalFactory(owner=owner, title="achieved", status="achieved", achieved_on=date.today())
    assert sorted(goal.title for goal in CareerGoal.objects.owned_by(owner).open()) == [
        "active",
        "planned",
    ]


# --- Target skills and values -------------------------------------------------------------


@pytest.mark.parametrize("importance", [0, 4])
def test_target_skill_importance_stays_between_1_and_3(owner, importance):
    direction = CareerDirectionFactory(owner=owner)
    skill = SkillFactory(owner=owner)
    with refused("direction_skill_importance_range"):
        DirectionSkill.objects.create(direction=direction, skill=skill, importance=importance)


def test_target_skill_importance_refused_on_update(owner):
    link = DirectionSkillFactory(direction__owner=owner, importance=3)
    with refused("direction_skill_importance_range"):
        DirectionSkill.objects.filter(pk=link.pk).update(importance=5)
    link.refresh_from_db()
    assert link.importance == 3


def test_a_direction_names_a_skill_once(owner):
    link = DirectionSkillFactory(direction__owner=owner)
    with refused("direction_skill_once"):
        DirectionSkill.objects.create(direction=link.direction, skill=link.skill, importance=1)


@pytest.mark.parametrize("weight", [0, 4])
def test_value_weight_stays_between_1_and_3(owner, weight):
    direction = CareerDirectionFactory(owner=owner)
    with refused("direction_value_weight_range"):
        DirectionValue.objects.bulk_create(
            [DirectionValue(direction=direction, value="money", weight=weight)]
        )


def test_a_value_must_be_from_the_shared_list(owner):
    direction = CareerDirectionFactory(owner=owner)
    with refused("direction_value_valid"):
        DirectionValue.objects.create(direction=direction, value="fame", weight=2)


def test_a_direction_names_a_value_once(owner):
    value = DirectionValueFactory(direction__owner=owner, value="money")
    with refused("direction_value_once"):
        DirectionValue.objects.create(direction=value.direction, value="money", weight=1)


# --- Learning ----------------------------------------------------------------------------


def test_learning_cannot_be_completed_before_it_started(owner):
    with refused("learning_dates_in_order"):
        Learning.objects.create(
            owner=owner,
            title="Ring craft",
            started_on=date(2025, 2, 10),
            completed_on=date(2025, 2, 9),
        )
    entry = LearningFactory(owner=owner, started_on=date(2025, 2, 10))
    with refused("learning_dates_in_order"):
        Learning.objects.filter(pk=entry.pk).update(completed_on=date(2024, 1, 1))
    Learning.objects.filter(pk=entry.pk).update(completed_on=date(2025, 2, 10))
    entry.refresh_from_db()
    assert entry.completed_on == date(2025, 2, 10)


def test_learning_kind_must_be_one_of_the_choices(owner):
    with refused("learning_kind_valid"):
        Learning.objects.create(owner=owner, title="Ring craft", kind="webinar")


# --- Profile -----------------------------------------------------------------------------


@pytest.mark.parametrize("currency", ["eur", "E1R", ""])
def test_profile_currency_is_a_three_letter_code(owner, currency):
    with refused("profile_currency_iso"):
        Profile.objects.filter(owner=owner).update(currency=currency)


def test_profile_is_created_with_euros_on_first_use(owner):
    profile = Profile.for_user(owner)
    assert profile.currency == "EUR"
    assert Profile.for_user(owner).pk == profile.pk


# --- What a person reads -----------------------------------------------------------------


def test_every_record_reads_as_a_person_would_name_it():
    owner = UserFactory(username="elena")
    direction = CareerDirectionFactory(owner=owner, title="Professional wrestler")
    skill = SkillFactory(owner=owner, name="Stage presence")
    link = DirectionSkillFactory(direction=direction, skill=skill, importance=3)
    value = DirectionValueFactory(direction=direction, value="flexibility", weight=1)
    goal = CareerGoalFactory(owner=owner, title="First amateur match")
    assert str(direction) == "Professional wrestler"
    assert str(skill) == "Stage presence"
    assert str(link) == "Stage presence (essential) for Professional wrestler"
    assert str(value) == "Flexible hours (nice to have) for Professional wrestler"
    assert str(goal) == "First amateur match"
    assert str(Profile.for_user(owner)) == "Profile of elena"
    assert direction.get_absolute_url() == f"/careers/directions/{direction.pk}/"
