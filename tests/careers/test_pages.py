"""The direction side's pages, and /account/, as their owner sees them and a stranger does not.

For every page: the owner sees their data, a stranger gets 404 on every object URL (and the
row is untouched afterwards), and the query count is pinned: the same for 1 row as for 50.
"""

import re
from datetime import date, timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

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
from tests.factories import (
    CareerDirectionFactory,
    CareerGoalFactory,
    ContactFactory,
    DirectionSkillFactory,
    DirectionValueFactory,
    JobFactory,
    JobSkillFactory,
    LearningFactory,
    SkillFactory,
)
from tests.helpers import error_beside, input_value, row_state, text_of

pytestmark = pytest.mark.django_db

ROWS = [1, 50]
VALUES = [
    "money",
    "security",
    "experience",
    "skills",
    "connections",
    "fulfillment",
    "identity",
    "flexibility",
    "innovation",
]


# --- Reading a page as a person does -------------------------------------------------------


def selected(response, field):
    """The value of the selected option of the <select> named `field` ("" when none is)."""
    html = response.content.decode()
    select = re.search(rf'<select\b[^>]*\bname="{field}"[^>]*>(.*?)</select>', html, re.S)
    assert select, f"no select named {field}"
    option = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(1))
    return unescape(option.group(1)) if option else ""


# --- The five kinds of record and their five pages -----------------------------------------

KINDS = ["direction", "goal", "skill", "learning", "contact"]
NAME = {
    "direction": "Professional wrestler",
    "goal": "First amateur match",
    "skill": "Stage presence",
    "learning": "Ring craft",
    "contact": "Marco Ruiz",
}
NAME_FIELD = {
    "direction": "title",
    "goal": "title",
    "skill": "name",
    "learning": "title",
    "contact": "name",
}
VERBOSE = {
    "direction": "career direction",
    "goal": "goal",
    "skill": "skill",
    "learning": "learning entry",
    "contact": "contact",
}
# A valid edit: the owner's POST of it saves, so a stranger's 404 is about scoping alone.
EDIT_DATA = {
    "direction": {"title": "Taken over", "status": "past"},
    "goal": {"title": "Taken over", "status": "active", "priority": "2"},
    "skill": {"name": "Taken over"},
    "learning": {"title": "Taken over", "kind": "course"},
    "contact": {"name": "Taken over"},
}
EMPTY = {
    "direction": ("Which way are you heading?", "Describe your direction"),
    "goal": ("No goals yet", "Set your first goal"),
    "skill": ("No skills yet", "Add a skill"),
    "learning": ("Nothing learned yet? Surely not.", "Add your first entry"),
    "contact": ("No contacts yet", "Add your first contact"),
}


def make(kind, owner, name=None):
    """One record of `kind` for `owner`, named so a test can look for it."""
    name = name or NAME[kind]
    if kind == "direction":
        return CareerDirectionFactory(owner=owner, title=name, status="current")
    if kind == "goal":
        return CareerGoalFactory(owner=owner, title=name)
    if kind == "skill":
        return SkillFactory(owner=owner, name=name)
    if kind == "learning":
        return LearningFactory(owner=owner, title=name)
    return ContactFactory(owner=owner, name=name)


def url(kind, page, obj=None):
    return reverse(f"careers:{kind}_{page}", args=[obj.pk] if obj else [])


# --- The owner sees their data -------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_owner_sees_their_record_in_the_list_and_on_its_page(owner_client, owner, kind):
    obj = make(kind, owner)

    listed = owner_client.get(url(kind, "list"))
    assert listed.status_code == 200
    assert NAME[kind] in text_of(listed)
    assert f'href="{url(kind, "detail", obj)}"' in listed.content.decode()

    detail = owner_client.get(url(kind, "detail", obj))
    assert detail.status_code == 200
    text = text_of(detail)
    assert NAME[kind] in text
    assert "Edit" in text
    assert "Delete" in text


@pytest.mark.parametrize("kind", KINDS)
def test_owner_sees_an_empty_form_to_add_one(owner_client, kind):
    response = owner_client.get(url(kind, "add"))
    assert response.status_code == 200
    assert f"Add a {VERBOSE[kind]}" in text_of(response)
    assert input_value(response, NAME_FIELD[kind]) == ""


@pytest.mark.parametrize("kind", KINDS)
def test_owner_sees_the_edit_form_filled_in(owner_client, owner, kind):
    obj = make(kind, owner)
    response = owner_client.get(url(kind, "edit", obj))
    assert response.status_code == 200
    assert f"Edit “{NAME[kind]}”" in text_of(response)
    assert input_value(response, NAME_FIELD[kind]) == NAME[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_owner_saves_an_edit_and_is_told_so(owner_client, owner, kind):
    obj = make(kind, owner)
    response = owner_client.post(url(kind, "edit", obj), EDIT_DATA[kind], follow=True)
    assert response.redirect_chain[-1][0] == url(kind, "detail", obj)
    assert "Saved “Taken over”." in text_of(response)
    obj.refresh_from_db()
    assert getattr(obj, NAME_FIELD[kind]) == "Taken over"


@pytest.mark.parametrize("kind", KINDS)
def test_owner_adds_a_record(owner_client, owner, kind):
    response = owner_client.post(url(kind, "add"), EDIT_DATA[kind], follow=True)
    model = {
        "direction": CareerDirection,
        "goal": CareerGoal,
        "skill": Skill,
        "learning": Learning,
        "contact": Contact,
    }[kind]
    obj = model.objects.get()
    assert obj.owner == owner
    assert response.redirect_chain[-1][0] == url(kind, "detail", obj)
    assert "Saved “Taken over”." in text_of(response)


@pytest.mark.parametrize("kind", KINDS)
def test_delete_asks_first_on_get_and_deletes_on_post(owner_client, owner, kind):
    obj = make(kind, owner)

    asked = owner_client.get(url(kind, "delete", obj))
    assert asked.status_code == 200
    text = text_of(asked)
    assert f"Delete “{NAME[kind]}”?" in text
    assert "Yes, delete it" in text
    assert "No, keep it" in text
    assert type(obj).objects.filter(pk=obj.pk).exists()

    response = owner_client.post(url(kind, "delete", obj), follow=True)
    assert response.redirect_chain[-1][0] == url(kind, "list")
    assert f"Deleted “{NAME[kind]}”." in text_of(response)
    assert not type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_list_says_what_to_do_next(owner_client, kind):
    response = owner_client.get(url(kind, "list"))
    title, action = EMPTY[kind]
    text = text_of(response)
    assert title in text
    assert action in text
    assert f'href="{url(kind, "add")}"' in response.content.decode()


# --- A stranger sees nothing ---------------------------------------------------------------

STRANGER_REQUESTS = [
    (kind, page, method)
    for kind in KINDS
    for page, method in [
        ("detail", "get"),
        ("edit", "get"),
        ("edit", "post"),
        ("delete", "get"),
        ("delete", "post"),
    ]
] + [("goal", "achieve", "post")]


@pytest.mark.parametrize(("kind", "page", "method"), STRANGER_REQUESTS)
def test_a_stranger_gets_404_and_the_owners_row_is_untouched(
    stranger_client, owner, kind, page, method
):
    obj = make(kind, owner)
    before = row_state(obj)
    target = url(kind, page, obj)

    if method == "get":
        response = stranger_client.get(target)
    else:
        response = stranger_client.post(target, EDIT_DATA[kind])

    assert response.status_code == 404
    assert NAME[kind] not in response.content.decode()
    assert row_state(obj) == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_list_never_shows_another_persons_rows(stranger_client, owner, stranger, kind):
    make(kind, owner)
    make(kind, stranger, name="Stranger's own")

    text = text_of(stranger_client.get(url(kind, "list")))

    assert "Stranger's own" in text
    assert NAME[kind] not in text


def test_a_stranger_cannot_file_a_goal_under_the_owners_direction(stranger_client, owner, stranger):
    direction = CareerDirectionFactory(owner=owner, title="Professional wrestler")
    response = stranger_client.post(
        url("goal", "add"),
        {"title": "Sneaky", "status": "active", "priority": "2", "direction": direction.pk},
    )
    assert response.status_code == 200
    assert error_beside(response, "direction") == "Choose one of the options given."
    assert "Professional wrestler" not in text_of(response)
    assert not CareerGoal.objects.exists()


def test_the_goal_form_offers_only_the_persons_own_directions(owner_client, owner, stranger):
    CareerDirectionFactory(owner=owner, title="Professional wrestler")
    CareerDirectionFactory(owner=stranger, title="Stranger's direction")
    text = text_of(owner_client.get(url("goal", "add")))
    assert "Professional wrestler" in text
    assert "Stranger's direction" not in text


def test_a_goal_under_no_direction_is_said_so_when_there_are_directions(owner_client, owner):
    CareerDirectionFactory(owner=owner, title="Professional wrestler")
    html = owner_client.get(url("goal", "edit", CareerGoalFactory(owner=owner, direction=None)))
    assert re.search(
        r'<option value="" selected>Not under a direction</option>', html.content.decode()
    )
    assert "No direction yet" not in text_of(html)


def test_skill_list_counts_held_jobs_and_offers_apart(owner_client, owner):
    skill = SkillFactory(owner=owner, name="Stage presence")
    JobSkillFactory(job__owner=owner, skill=skill)
    JobSkillFactory(job__owner=owner, job__stage="offer", skill=skill)
    JobSkillFactory(job__owner=owner, job__stage="offer", skill=skill)
    text = text_of(owner_client.get(url("skill", "list")))
    assert "Skill Jobs Learning Directions Stage presence 1 +2 offers 0 0" in text


def test_skill_suggestions_are_the_persons_own(owner_client, owner, stranger):
    SkillFactory(owner=owner, name="Stage presence")
    SkillFactory(owner=stranger, name="Stranger's skill")
    html = owner_client.get(url("direction", "add")).content.decode()
    datalist = re.search(r'<datalist id="skill-suggestions">(.*?)</datalist>', html, re.S)
    assert datalist
    assert '<option value="Stage presence">' in datalist.group(1)
    assert "Stranger" not in datalist.group(1)


# --- What each page shows ------------------------------------------------------------------


def test_direction_page_shows_its_skills_values_goals_and_statement(owner_client, owner):
    direction = CareerDirectionFactory(
        owner=owner,
        title="Professional wrestler",
        status="current",
        statement="Performing in the ring is who I am.",
        started_on=date(2023, 6, 1),
    )
    DirectionSkillFactory(direction=direction, skill__name="Stage presence", importance=3)
    DirectionSkillFactory(direction=direction, skill__name="Choreography", importance=1)
    DirectionValueFactory(direction=direction, value="fulfillment", weight=3)
    DirectionValueFactory(direction=direction, value="money", weight=1)
    CareerGoalFactory(owner=owner, direction=direction, title="First amateur match")

    text = text_of(owner_client.get(url("direction", "detail", direction)))

    assert "Current" in text
    assert "Since 1 Jun 2023" in text
    assert "Performing in the ring is who I am." in text
    assert "Stage presence Essential" in text
    assert "Choreography Nice to have" in text
    assert "Fulfillment Essential" in text
    assert "Money Nice to have" in text
    assert "First amateur match" in text
    assert text.index("Stage presence") < text.index("Choreography")  # by importance


def test_direction_page_without_skills_or_values_says_what_to_add(owner_client, owner):
    direction = CareerDirectionFactory(owner=owner)
    text = text_of(owner_client.get(url("direction", "detail", direction)))
    assert "Add the skills this career needs" in text
    assert "Say what you want from work" in text
    assert "No goals here yet." in text


def test_direction_list_puts_current_first_then_considering_then_past(owner_client, owner):
    CareerDirectionFactory(owner=owner, title="Waiting tables", status="past")
    CareerDirectionFactory(owner=owner, title="Coaching", status="considering")
    wrestler = CareerDirectionFactory(owner=owner, title="Professional wrestler", status="current")
    DirectionSkillFactory(direction=wrestler)
    DirectionSkillFactory(direction=wrestler)
    CareerGoalFactory(owner=owner, direction=wrestler)

    text = text_of(owner_client.get(url("direction", "list")))

    assert text.index("Professional wrestler") < text.index("Coaching")
    assert text.index("Coaching") < text.index("Waiting tables")
    assert "2 target skills · 1 goal" in text


def test_goal_page_shows_its_direction_and_the_jobs_that_advanced_it(owner_client, owner):
    direction = CareerDirectionFactory(owner=owner, title="Professional wrestler")
    goal = CareerGoalFactory(
        owner=owner,
        direction=direction,
        title="Join a wrestling school",
        priority=3,
        description="Find a school near home.",
    )
    JobFactory(owner=owner, title="Gym assistant", employer="Iron Hall", goals=[goal])

    text = text_of(owner_client.get(url("goal", "detail", goal)))

    assert "Essential · towards Professional wrestler" in text
    assert "Gym assistant, Iron Hall" in text
    assert "Find a school near home." in text
    assert "Mark achieved" in text


def test_goal_list_separates_open_goals_from_closed_and_marks_overdue(owner_client, owner):
    yesterday = timezone.localdate() - timedelta(days=1)
    CareerGoalFactory(owner=owner, title="Overdue goal", target_date=yesterday)
    CareerGoalFactory(owner=owner, title="Done goal", status="achieved", achieved_on=yesterday)
    CareerGoalFactory(owner=owner, title="Dropped goal", status="dropped")

    text = text_of(owner_client.get(url("goal", "list")))

    open_part, closed_part = text.split("Achieved and dropped")
    assert "Overdue goal" in open_part
    assert "(overdue)" in open_part
    assert "Done goal" in closed_part
    assert "Dropped goal" in closed_part
    assert "Done goal" not in open_part


def test_skill_page_shows_where_the_skill_comes_from(owner_client, owner):
    skill = SkillFactory(owner=owner, name="Stage presence")
    JobSkillFactory(job__owner=owner, job__title="Waiter", skill=skill, gained=True)
    LearningFactory(owner=owner, title="Ring craft", skills=[skill])
    DirectionSkillFactory(
        direction__owner=owner, direction__title="Professional wrestler", skill=skill
    )

    text = text_of(owner_client.get(url("skill", "detail", skill)))

    assert "Waiter, Rosa's Diner — gained" in text
    assert "Ring craft (in progress)" in text
    assert "Professional wrestler — important" in text


def test_skill_list_counts_jobs_learning_and_directions(owner_client, owner):
    skill = SkillFactory(owner=owner, name="Stage presence")
    JobSkillFactory(job__owner=owner, skill=skill)
    JobSkillFactory(job__owner=owner, skill=skill)
    LearningFactory(owner=owner, skills=[skill])

    text = text_of(owner_client.get(url("skill", "list")))

    assert "Stage presence 2 1 0" in text


def test_learning_page_shows_the_skills_it_teaches_and_whether_completed(owner_client, owner):
    entry = LearningFactory(
        owner=owner,
        title="Ring craft",
        provider="Iron Hall",
        skills=[SkillFactory(owner=owner, name="Stage presence")],
    )
    text = text_of(owner_client.get(url("learning", "detail", entry)))
    assert "Course · Iron Hall" in text
    assert "Stage presence" in text
    assert "not yet" in text

    listed = text_of(owner_client.get(url("learning", "list")))
    assert "In progress" in listed
    assert "teaches Stage presence" in listed


def test_contact_page_shows_where_you_met(owner_client, owner):
    contact = ContactFactory(
        owner=owner,
        name="Marco Ruiz",
        context="Head coach at Iron Hall",
        last_contacted_on=date(2025, 6, 20),
    )
    JobFactory(owner=owner, title="Gym assistant", employer="Iron Hall", contacts=[contact])

    text = text_of(owner_client.get(url("contact", "detail", contact)))

    assert "Head coach at Iron Hall" in text
    assert "20 Jun 2025" in text
    assert "Gym assistant, Iron Hall" in text
    assert "met through 1 job" in text_of(owner_client.get(url("contact", "list")))


def test_contact_search_finds_by_name_or_context(owner_client, owner):
    ContactFactory(owner=owner, name="Marco Ruiz", context="Head coach")
    ContactFactory(owner=owner, name="Rosa", context="Owner of the diner")

    text = text_of(owner_client.get(url("contact", "list"), {"q": "coach"}))
    assert "Marco Ruiz" in text
    assert "Rosa" not in text

    text = text_of(owner_client.get(url("contact", "list"), {"q": "nobody"}))
    assert "No contact matches “nobody”." in text


# --- Form errors: beside the field, nothing saved, what was typed kept ----------------------


def test_a_duplicate_skill_in_other_case_is_refused(owner_client, owner):
    SkillFactory(owner=owner, name="Public speaking")

    response = owner_client.post(url("skill", "add"), {"name": "PUBLIC   Speaking"})

    assert response.status_code == 200
    assert error_beside(response, "name") == "You already have this skill, as “Public speaking”."
    assert "Nothing has been saved yet." in text_of(response)
    assert input_value(response, "name") == "PUBLIC   Speaking"
    assert list(Skill.objects.values_list("name", flat=True)) == ["Public speaking"]


def test_a_duplicate_skill_with_accented_capitals_is_refused(owner_client, owner):
    SkillFactory(owner=owner, name="Übersetzen")
    response = owner_client.post(url("skill", "add"), {"name": "übersetzen"})
    assert response.status_code == 200
    assert error_beside(response, "name") == "You already have this skill, as “Übersetzen”."
    assert Skill.objects.count() == 1


def test_a_skill_may_be_renamed_to_its_own_name_in_other_case(owner_client, owner):
    skill = SkillFactory(owner=owner, name="public speaking")
    response = owner_client.post(url("skill", "edit", skill), {"name": "Public Speaking"})
    assert response.status_code == 302
    skill.refresh_from_db()
    assert skill.name == "Public Speaking"


def test_another_persons_skill_of_the_same_name_is_no_clash(owner_client, owner, stranger):
    SkillFactory(owner=stranger, name="Public speaking")
    response = owner_client.post(url("skill", "add"), {"name": "public speaking"})
    assert response.status_code == 302
    assert Skill.objects.owned_by(owner).get().name == "public speaking"


def test_a_second_current_direction_is_refused_beside_the_status(owner_client, owner):
    CareerDirectionFactory(owner=owner, title="Professional wrestler", status="current")

    response = owner_client.post(
        url("direction", "add"),
        {"title": "Game developer", "status": "current", "essential_skills": "Level design"},
    )

    assert response.status_code == 200
    assert error_beside(response, "status").startswith(
        "“Professional wrestler” is your current direction. Mark it past or considering first"
    )
    assert input_value(response, "title") == "Game developer"
    assert input_value(response, "essential_skills") == "Level design"
    assert selected(response, "status") == "current"
    assert CareerDirection.objects.count() == 1
    assert not Skill.objects.exists()


def test_the_current_direction_may_be_edited_and_stay_current(owner_client, owner):
    direction = CareerDirectionFactory(owner=owner, title="Wrestler", status="current")
    response = owner_client.post(
        url("direction", "edit", direction),
        {"title": "Professional wrestler", "status": "current"},
    )
    assert response.status_code == 302
    direction.refresh_from_db()
    assert (direction.title, direction.status) == ("Professional wrestler", "current")


def test_a_direction_ending_before_it_starts_is_refused(owner_client):
    response = owner_client.post(
        url("direction", "add"),
        {
            "title": "Professional wrestler",
            "status": "past",
            "started_on": "2024-06-01",
            "ended_on": "2024-05-31",
        },
    )
    assert error_beside(response, "ended_on") == "The end comes before the start."
    assert input_value(response, "started_on") == "2024-06-01"
    assert input_value(response, "ended_on") == "2024-05-31"
    assert not CareerDirection.objects.exists()


def test_a_skill_listed_under_two_importances_is_refused(owner_client):
    response = owner_client.post(
        url("direction", "add"),
        {
            "title": "Professional wrestler",
            "status": "current",
            "essential_skills": "Stage presence",
            "nice_skills": "stage PRESENCE",
        },
    )
    assert (
        error_beside(response, "nice_skills")
        == "stage PRESENCE is already listed under essential skills."
    )
    assert not CareerDirection.objects.exists()


def test_an_achieved_goal_needs_a_date(owner_client):
    response = owner_client.post(
        url("goal", "add"),
        {"title": "First amateur match", "status": "achieved", "priority": "3"},
    )
    assert response.status_code == 200
    assert error_beside(response, "achieved_on") == "When did you achieve it? Give the date."
    assert input_value(response, "title") == "First amateur match"
    assert selected(response, "status") == "achieved"
    assert selected(response, "priority") == "3"
    assert not CareerGoal.objects.exists()


def test_an_over_long_goal_description_is_refused(owner_client):
    description = "x" * 5001
    response = owner_client.post(
        url("goal", "add"),
        {"title": "First match", "status": "active", "priority": "2", "description": description},
    )
    assert (
        error_beside(response, "description") == "Use at most 5000 characters here (this has 5001)."
    )
    assert input_value(response, "description") == description
    assert not CareerGoal.objects.exists()


def test_learning_completed_before_it_started_is_refused(owner_client):
    response = owner_client.post(
        url("learning", "add"),
        {
            "title": "Ring craft",
            "kind": "course",
            "started_on": "2025-02-10",
            "completed_on": "2025-02-09",
            "skill_names": "Stage presence",
        },
    )
    assert response.status_code == 200
    assert error_beside(response, "completed_on") == "It cannot be completed before it started."
    assert input_value(response, "title") == "Ring craft"
    assert input_value(response, "started_on") == "2025-02-10"
    assert input_value(response, "completed_on") == "2025-02-09"
    assert input_value(response, "skill_names") == "Stage presence"
    assert not Learning.objects.exists()
    assert not Skill.objects.exists()


# --- Behaviour -----------------------------------------------------------------------------


def test_direction_skills_and_values_are_saved_with_their_weights(owner_client, owner):
    reused = SkillFactory(owner=owner, name="PUBLIC SPEAKING")

    response = owner_client.post(
        url("direction", "add"),
        {
            "title": "Professional wrestler",
            "status": "current",
            "started_on": "2023-06-01",
            "essential_skills": "Stage presence, Strength training",
            "important_skills": "public speaking",
            "nice_skills": "Choreography",
            "value_fulfillment": "3",
            "value_identity": "2",
            "value_money": "1",
            "value_security": "",
        },
    )

    direction = CareerDirection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("direction", "detail", direction)
    assert {
        (link.skill.name, link.importance)
        for link in DirectionSkill.objects.filter(direction=direction)
    } == {
        ("Stage presence", 3),
        ("Strength training", 3),
        ("PUBLIC SPEAKING", 2),
        ("Choreography", 1),
    }
    assert DirectionSkill.objects.get(importance=2).skill_id == reused.pk
    assert Skill.objects.owned_by(owner).count() == 4
    assert dict(
        DirectionValue.objects.filter(direction=direction).values_list("value", "weight")
    ) == {"fulfillment": 3, "identity": 2, "money": 1}


def test_editing_a_direction_shows_its_skills_and_values_back_and_replaces_them(
    owner_client, owner
):
    direction = CareerDirectionFactory(owner=owner, title="Professional wrestler")
    DirectionSkillFactory(direction=direction, skill__name="Strength training", importance=3)
    DirectionSkillFactory(direction=direction, skill__name="Stage presence", importance=3)
    DirectionSkillFactory(direction=direction, skill__name="Choreography", importance=1)
    DirectionValueFactory(direction=direction, value="fulfillment", weight=3)

    form = owner_client.get(url("direction", "edit", direction))

    assert input_value(form, "essential_skills") == "Stage presence, Strength training"
    assert input_value(form, "important_skills") == ""
    assert input_value(form, "nice_skills") == "Choreography"
    assert selected(form, "value_fulfillment") == "3"
    assert selected(form, "value_money") == ""

    owner_client.post(
        url("direction", "edit", direction),
        {
            "title": "Professional wrestler",
            "status": "considering",
            "important_skills": "Choreography",
            "value_money": "2",
        },
    )

    assert list(
        DirectionSkill.objects.filter(direction=direction).values_list("skill__name", "importance")
    ) == [("Choreography", 2)]
    assert list(
        DirectionValue.objects.filter(direction=direction).values_list("value", "weight")
    ) == [("money", 2)]
    assert Skill.objects.owned_by(owner).count() == 3  # skills outlive the links


def test_deleting_a_direction_keeps_its_goals_without_a_direction(owner_client, owner):
    direction = CareerDirectionFactory(owner=owner)
    goal = CareerGoalFactory(owner=owner, direction=direction)
    owner_client.post(url("direction", "delete", direction))
    goal.refresh_from_db()
    assert goal.direction is None


def test_deleting_a_skill_takes_it_off_jobs_but_keeps_the_jobs(owner_client, owner):
    link = JobSkillFactory(job__owner=owner)
    owner_client.post(url("skill", "delete", link.skill))
    assert not link.job.skill_links.exists()
    assert link.job.__class__.objects.filter(pk=link.job.pk).exists()


def test_mark_achieved_sets_status_and_todays_date_in_one_post(owner_client, owner):
    goal = CareerGoalFactory(owner=owner, title="First amateur match", status="planned")

    response = owner_client.post(url("goal", "achieve", goal), follow=True)

    goal.refresh_from_db()
    assert goal.status == "achieved"
    assert goal.achieved_on == timezone.localdate()
    assert response.redirect_chain[-1][0] == url("goal", "detail", goal)
    text = text_of(response)
    assert "Well done: “First amateur match” is achieved." in text
    assert f"Achieved on {timezone.localdate():%-d %b %Y}" in text
    assert "Mark achieved" not in text


def test_mark_achieved_from_the_list_returns_to_the_list(owner_client, owner):
    goal = CareerGoalFactory(owner=owner, title="First amateur match")
    listed = owner_client.get(url("goal", "list")).content.decode()
    assert f'action="{url("goal", "achieve", goal)}"' in listed

    response = owner_client.post(
        url("goal", "achieve", goal), {"next": url("goal", "list")}, follow=True
    )

    assert response.redirect_chain[-1][0] == url("goal", "list")
    text = text_of(response)
    assert "Well done: “First amateur match” is achieved." in text
    open_part, closed_part = text.split("Open", 1)[1].split("Achieved and dropped")
    assert "No goals here yet." in open_part
    assert "First amateur match" in closed_part


@pytest.mark.parametrize("next_url", ["https://evil.example.com/", "//evil.example.com/x"])
def test_mark_achieved_never_sends_the_person_off_the_site(owner_client, owner, next_url):
    goal = CareerGoalFactory(owner=owner)
    response = owner_client.post(url("goal", "achieve", goal), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == url("goal", "detail", goal)


def test_mark_achieved_keeps_the_date_of_a_goal_already_achieved(owner_client, owner):
    goal = CareerGoalFactory(owner=owner, status="achieved", achieved_on=date(2025, 2, 10))
    owner_client.post(url("goal", "achieve", goal))
    goal.refresh_from_db()
    assert goal.achieved_on == date(2025, 2, 10)


def test_mark_achieved_is_refused_on_get(owner_client, owner):
    goal = CareerGoalFactory(owner=owner)
    assert owner_client.get(url("goal", "achieve", goal)).status_code == 405
    goal.refresh_from_db()
    assert goal.status == "active"


def test_a_new_goal_sits_under_the_current_direction_or_the_one_asked_for(owner_client, owner):
    current = CareerDirectionFactory(owner=owner, status="current")
    other = CareerDirectionFactory(owner=owner, status="considering")

    assert selected(owner_client.get(url("goal", "add")), "direction") == str(current.pk)
    asked = owner_client.get(url("goal", "add"), {"direction": other.pk})
    assert selected(asked, "direction") == str(other.pk)


@pytest.mark.parametrize("asked", ["abc", "²", "99999999999999999999", "-1"])
def test_a_mangled_direction_in_the_goal_link_is_ignored(owner_client, owner, asked):
    current = CareerDirectionFactory(owner=owner, status="current")
    response = owner_client.get(url("goal", "add"), {"direction": asked})
    assert response.status_code == 200
    assert selected(response, "direction") == str(current.pk)


def test_a_new_goal_cannot_be_preset_to_a_strangers_direction(owner_client, owner, stranger):
    theirs = CareerDirectionFactory(owner=stranger, title="Stranger's direction")
    response = owner_client.get(url("goal", "add"), {"direction": theirs.pk})
    assert selected(response, "direction") == ""
    assert "Stranger's direction" not in text_of(response)


def test_learning_skills_are_created_and_shown_back_when_editing(owner_client, owner):
    SkillFactory(owner=owner, name="Stage presence")
    owner_client.post(
        url("learning", "add"),
        {
            "title": "Ring craft",
            "kind": "course",
            "started_on": "2025-02-10",
            "skill_names": "stage PRESENCE, Falling safely",
        },
    )
    entry = Learning.objects.get()
    assert sorted(skill.name for skill in entry.skills.all()) == [
        "Falling safely",
        "Stage presence",
    ]
    assert Skill.objects.count() == 2
    response = owner_client.get(url("learning", "edit", entry))
    assert input_value(response, "skill_names") == "Falling safely, Stage presence"


# --- /account/ -----------------------------------------------------------------------------


def test_account_page_shows_the_persons_settings(owner_client, owner):
    Profile.objects.filter(owner=owner).update(currency="GBP")
    response = owner_client.get(reverse("account"))
    text = text_of(response)
    assert "Account & settings" in text
    assert "owner" in text
    assert "Email: owner@example.com" in text
    assert input_value(response, "currency") == "GBP"


def test_account_page_saves_the_currency_in_capitals(owner_client, owner):
    response = owner_client.post(reverse("account"), {"currency": " usd "}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("account")
    assert "Settings saved." in text_of(response)
    assert input_value(response, "currency") == "USD"
    assert Profile.objects.get(owner=owner).currency == "USD"


@pytest.mark.parametrize("typed", ["EURO", "E1", "E1R", "€€€"])
def test_account_page_refuses_what_is_not_a_currency_code(owner_client, owner, typed):
    response = owner_client.post(reverse("account"), {"currency": typed})
    assert response.status_code == 200
    assert (
        error_beside(response, "currency")
        == "Use a three-letter currency code, such as EUR or USD."
    )
    assert input_value(response, "currency") == typed
    assert Profile.for_user(owner).currency == "EUR"


@pytest.mark.parametrize("typed", ["XYZ", "abc", "EUX"])
def test_account_page_refuses_three_letters_that_are_no_currency(owner_client, owner, typed):
    # Any three letters were taken: "XYZ" became the currency of every new job.
    response = owner_client.post(reverse("account"), {"currency": typed})
    assert response.status_code == 200
    assert error_beside(response, "currency") == (
        f"“{typed.upper()}” is not a currency code: use the three-letter ISO 4217 code of the "
        "currency, such as EUR, USD or GBP."
    )
    assert input_value(response, "currency") == typed
    assert Profile.for_user(owner).currency == "EUR"


@pytest.mark.parametrize("typed", ["jpy", "CHF", "DEM"])
def test_account_page_takes_any_iso_currency(owner_client, owner, typed):
    owner_client.post(reverse("account"), {"currency": typed})
    assert Profile.for_user(owner).currency == typed.upper()


def test_account_page_shows_only_the_signed_in_persons_settings(stranger_client, owner):
    Profile.objects.filter(owner=owner).update(currency="GBP")
    response = stranger_client.get(reverse("account"))
    assert input_value(response, "currency") == "EUR"
    assert "owner@example.com" not in text_of(response)
    assert Profile.objects.get(owner=owner).currency == "GBP"


# --- Pinned query counts: the same for 1 row as for 50 -------------------------------------


def assert_shows(response, *names):
    assert response.status_code == 200
    text = text_of(response)
    for name in names:
        assert name in text


@pytest.mark.parametrize("rows", ROWS)
def test_direction_list_queries(owner_client, owner, django_assert_num_queries, rows):
    for n in range(rows):
        direction = CareerDirectionFactory(owner=owner, title=f"Direction {n}")
        DirectionSkillFactory(direction=direction)
        CareerGoalFactory(owner=owner, direction=direction)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 directions with their skill and goal counts
        response = owner_client.get(url("direction", "list"))
    assert_shows(response, f"Direction {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_direction_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    direction = CareerDirectionFactory(owner=owner)
    for n in range(rows):
        DirectionSkillFactory(direction=direction, skill__name=f"Skill {n}")
        CareerGoalFactory(owner=owner, direction=direction, title=f"Goal {n}")
    for value in VALUES[:rows]:
        DirectionValueFactory(direction=direction, value=value)
    with django_assert_num_queries(6):
        # 1 session, 2 signed-in user, 3 the direction, 4 its skill links with their skills,
        # 5 its values, 6 its goals
        response = owner_client.get(url("direction", "detail", direction))
    assert_shows(response, f"Skill {rows - 1}", f"Goal {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_direction_add_queries(owner_client, owner, django_assert_num_queries, rows):
    SkillFactory.create_batch(rows, owner=owner)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the person's skill names for suggestions
        response = owner_client.get(url("direction", "add"))
    assert response.status_code == 200
    assert response.content.decode().count('<option value="Skill ') == rows


@pytest.mark.parametrize("rows", ROWS)
def test_direction_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    direction = CareerDirectionFactory(owner=owner)
    for n in range(rows):
        DirectionSkillFactory(direction=direction, skill__name=f"Skill {n}")
    for value in VALUES[:rows]:
        DirectionValueFactory(direction=direction, value=value)
    with django_assert_num_queries(6):
        # 1 session, 2 signed-in user, 3 the direction, 4 its skill links with their skills,
        # 5 its values, 6 the person's skill names for suggestions
        response = owner_client.get(url("direction", "edit", direction))
    assert f"Skill {rows - 1}" in input_value(response, "important_skills")


@pytest.mark.parametrize("rows", ROWS)
def test_direction_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    direction = CareerDirectionFactory(owner=owner, title="Professional wrestler")
    DirectionSkillFactory.create_batch(rows, direction=direction)
    CareerGoalFactory.create_batch(rows, owner=owner, direction=direction)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the direction
        response = owner_client.get(url("direction", "delete", direction))
    assert_shows(response, "Delete “Professional wrestler”?")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_list_queries(owner_client, owner, django_assert_num_queries, rows):
    for n in range(rows):
        CareerGoalFactory(owner=owner, title=f"Goal {n}", direction__title=f"Direction {n}")
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 goals with their directions
        response = owner_client.get(url("goal", "list"))
    assert_shows(response, f"Goal {rows - 1}", f"Direction {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    goal = CareerGoalFactory(owner=owner)
    for n in range(rows):
        JobFactory(owner=owner, title=f"Job {n}", goals=[goal])
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the goal with its direction, 4 the jobs that advanced it
        response = owner_client.get(url("goal", "detail", goal))
    assert_shows(response, f"Job {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_add_queries(owner_client, owner, django_assert_num_queries, rows):
    CareerDirectionFactory(owner=owner, status="current", title="Direction current")
    for n in range(rows):
        CareerDirectionFactory(owner=owner, title=f"Direction {n}")
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the current direction to preselect,
        # 4 the person's directions to choose from
        response = owner_client.get(url("goal", "add"))
    assert_shows(response, f"Direction {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    goal = CareerGoalFactory(owner=owner)
    for n in range(rows):
        CareerDirectionFactory(owner=owner, title=f"Direction {n}")
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the goal, 4 the person's directions to choose from
        response = owner_client.get(url("goal", "edit", goal))
    assert_shows(response, f"Direction {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    goal = CareerGoalFactory(owner=owner, title="First amateur match")
    JobFactory.create_batch(rows, owner=owner, goals=[goal])
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the goal
        response = owner_client.get(url("goal", "delete", goal))
    assert_shows(response, "Delete “First amateur match”?")


@pytest.mark.parametrize("rows", ROWS)
def test_goal_achieve_queries(owner_client, owner, django_assert_num_queries, rows):
    goal = CareerGoalFactory(owner=owner)
    JobFactory.create_batch(rows, owner=owner, goals=[goal])
    with django_assert_num_queries(7):
        # 1 session, 2 signed-in user, 3 a savepoint (the test's transaction holds the
        # view's), 4 the goal, 5 its status and date updated, 6 the person's data version
        # bumped, in the same transaction, 7 the savepoint released
        response = owner_client.post(url("goal", "achieve", goal))
    assert response.status_code == 302


@pytest.mark.parametrize("rows", ROWS)
def test_skill_list_queries(owner_client, owner, django_assert_num_queries, rows):
    for n in range(rows):
        skill = SkillFactory(owner=owner, name=f"Skill {n}")
        JobSkillFactory(job__owner=owner, skill=skill)
        LearningFactory(owner=owner, skills=[skill])
        DirectionSkillFactory(direction__owner=owner, skill=skill)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 skills with their job, learning and direction counts
        response = owner_client.get(url("skill", "list"))
    assert_shows(response, f"Skill {rows - 1} 1 1 1")


@pytest.mark.parametrize("rows", ROWS)
def test_skill_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    skill = SkillFactory(owner=owner)
    for n in range(rows):
        JobSkillFactory(job__owner=owner, job__title=f"Job {n}", skill=skill)
        LearningFactory(owner=owner, title=f"Course {n}", skills=[skill])
        DirectionSkillFactory(direction__owner=owner, direction__title=f"Dir {n}", skill=skill)
    with django_assert_num_queries(8):
        # 1 session, 2 signed-in user, 3 the skill, 4 its job links, 5 their jobs,
        # 6 the learning that teaches it, 7 its direction links, 8 their directions
        response = owner_client.get(url("skill", "detail", skill))
    assert_shows(response, f"Job {rows - 1}", f"Course {rows - 1}", f"Dir {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_skill_add_queries(owner_client, owner, django_assert_num_queries, rows):
    SkillFactory.create_batch(rows, owner=owner)
    with django_assert_num_queries(2):
        # 1 session, 2 signed-in user
        response = owner_client.get(url("skill", "add"))
    assert_shows(response, "Add a skill")


@pytest.mark.parametrize("rows", ROWS)
def test_skill_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    skill = SkillFactory(owner=owner, name="Stage presence")
    JobSkillFactory.create_batch(rows, job__owner=owner, skill=skill)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the skill
        response = owner_client.get(url("skill", "edit", skill))
    assert input_value(response, "name") == "Stage presence"


@pytest.mark.parametrize("rows", ROWS)
def test_skill_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    skill = SkillFactory(owner=owner, name="Stage presence")
    JobSkillFactory.create_batch(rows, job__owner=owner, skill=skill)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the skill
        response = owner_client.get(url("skill", "delete", skill))
    assert_shows(response, "Delete “Stage presence”?")


@pytest.mark.parametrize("rows", ROWS)
def test_learning_list_queries(owner_client, owner, django_assert_num_queries, rows):
    for n in range(rows):
        LearningFactory(
            owner=owner, title=f"Course {n}", skills=[SkillFactory(owner=owner, name=f"Skill {n}")]
        )
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 learning entries, 4 the skills they teach
        response = owner_client.get(url("learning", "list"))
    assert_shows(response, f"Course {rows - 1}", f"teaches Skill {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_learning_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    entry = LearningFactory(owner=owner, skills=SkillFactory.create_batch(rows, owner=owner))
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the entry, 4 the skills it teaches
        response = owner_client.get(url("learning", "detail", entry))
    assert_shows(response, entry.skills.order_by("-pk").first().name)


@pytest.mark.parametrize("rows", ROWS)
def test_learning_add_queries(owner_client, owner, django_assert_num_queries, rows):
    SkillFactory.create_batch(rows, owner=owner)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the person's skill names for suggestions
        response = owner_client.get(url("learning", "add"))
    assert response.content.decode().count('<option value="Skill ') == rows


@pytest.mark.parametrize("rows", ROWS)
def test_learning_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    entry = LearningFactory(owner=owner, skills=SkillFactory.create_batch(rows, owner=owner))
    with django_assert_num_queries(5):
        # 1 session, 2 signed-in user, 3 the entry, 4 the skills it teaches,
        # 5 the person's skill names for suggestions
        response = owner_client.get(url("learning", "edit", entry))
    assert input_value(response, "skill_names").count(",") == rows - 1


@pytest.mark.parametrize("rows", ROWS)
def test_learning_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    entry = LearningFactory(
        owner=owner, title="Ring craft", skills=SkillFactory.create_batch(rows, owner=owner)
    )
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the entry
        response = owner_client.get(url("learning", "delete", entry))
    assert_shows(response, "Delete “Ring craft”?")


@pytest.mark.parametrize("rows", ROWS)
def test_contact_list_queries(owner_client, owner, django_assert_num_queries, rows):
    for n in range(rows):
        JobFactory(owner=owner, contacts=[ContactFactory(owner=owner, name=f"Contact {n}")])
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 contacts with their job counts
        response = owner_client.get(url("contact", "list"))
    assert_shows(response, f"Contact {rows - 1}", "met through 1 job")


@pytest.mark.parametrize("rows", ROWS)
def test_contact_detail_queries(owner_client, owner, django_assert_num_queries, rows):
    contact = ContactFactory(owner=owner)
    for n in range(rows):
        JobFactory(owner=owner, title=f"Job {n}", contacts=[contact])
    with django_assert_num_queries(4):
        # 1 session, 2 signed-in user, 3 the contact, 4 the jobs where they met
        response = owner_client.get(url("contact", "detail", contact))
    assert_shows(response, f"Job {rows - 1}")


@pytest.mark.parametrize("rows", ROWS)
def test_contact_add_queries(owner_client, owner, django_assert_num_queries, rows):
    ContactFactory.create_batch(rows, owner=owner)
    with django_assert_num_queries(2):
        # 1 session, 2 signed-in user
        response = owner_client.get(url("contact", "add"))
    assert_shows(response, "Add a contact")


@pytest.mark.parametrize("rows", ROWS)
def test_contact_edit_queries(owner_client, owner, django_assert_num_queries, rows):
    contact = ContactFactory(owner=owner, name="Marco Ruiz")
    JobFactory.create_batch(rows, owner=owner, contacts=[contact])
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the contact
        response = owner_client.get(url("contact", "edit", contact))
    assert input_value(response, "name") == "Marco Ruiz"


@pytest.mark.parametrize("rows", ROWS)
def test_contact_delete_queries(owner_client, owner, django_assert_num_queries, rows):
    contact = ContactFactory(owner=owner, name="Marco Ruiz")
    JobFactory.create_batch(rows, owner=owner, contacts=[contact])
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the contact
        response = owner_client.get(url("contact", "delete", contact))
    assert_shows(response, "Delete “Marco Ruiz”?")


@pytest.mark.parametrize("rows", ROWS)
def test_account_queries(owner_client, owner, django_assert_num_queries, rows):
    Profile.objects.filter(owner=owner).update(currency="GBP")
    JobFactory.create_batch(rows, owner=owner)
    SkillFactory.create_batch(rows, owner=owner)
    with django_assert_num_queries(3):
        # 1 session, 2 signed-in user, 3 the profile
        response = owner_client.get(reverse("account"))
    assert input_value(response, "currency") == "GBP"
