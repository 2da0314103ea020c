"""Finding an occupation, adding what it suggests, and the skills a job that paid the bills
trained for the direction: suggestions only, each taken by the person."""

import re
from datetime import date

import pytest
from django.urls import reverse

from careers.models import CareerDirection, DirectionSkill, Skill
from jobs.models import Job

pytestmark = pytest.mark.django_db

ATHLETES, WAITERS = "27-2021.00", "35-3031.00"


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def direction_form(**changes):
    return {"title": "Professional wrestler", "status": "current", **changes}


def test_find_reloads_the_form_with_matches_and_keeps_what_was_typed(owner_client, owner):
    response = owner_client.post(
        reverse("careers:direction_add"),
        direction_form(
            statement="The ring is who I am.",
            occupation_query="professional wrestler",
            find_occupation="1",
            essential_skills="Stage presence",
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert not CareerDirection.objects.exists()  # finding saves nothing
    assert "Athletes and Sports Competitors — as “Professional Wrestler”" in text_of(response)
    assert f'value="{ATHLETES}"' in page
    assert "The ring is who I am." in page and 'value="Stage presence"' in page
    assert "is needed" not in page  # and finds no fault
    assert "O*NET 28.2 Database" in page  # the attribution, wherever a suggestion is


def test_an_occupation_chosen_is_linked(owner_client, owner):
    response = owner_client.post(
        reverse("careers:direction_add"),
        direction_form(occupation=ATHLETES, occupation_query="wrestler"),
    )
    assert response.status_code == 302
    assert CareerDirection.objects.get(owner=owner).occupation == ATHLETES


def test_a_direction_without_an_occupation_loses_nothing(owner_client, owner):
    response = owner_client.post(
        reverse("careers:direction_add"), direction_form(title="Homemaker")
    )
    assert response.status_code == 302
    direction = CareerDirection.objects.get(owner=owner)
    assert direction.occupation == ""
    page = text_of(owner_client.get(direction.get_absolute_url()))
    assert "Linked to no occupation" in page and "a career need not be an occupation" in page


def test_a_code_never_offered_is_refused_beside_the_field(owner_client, owner):
    response = owner_client.post(
        reverse("careers:direction_add"), direction_form(occupation="99-9999.99")
    )
    assert response.status_code == 200
    assert "Bearing does not know that occupation: find it again." in text_of(response)
    assert not CareerDirection.objects.exists()


def linked_wrestler(owner):
    direction = CareerDirection.objects.create(
        owner=owner, title="Professional wrestler", status="current", occupation=ATHLETES
    )
    speaking = Skill.objects.named(owner, ["Speaking"])[0]
    DirectionSkill.objects.create(direction=direction, skill=speaking, importance=2)
    return direction


def test_the_direction_offers_its_occupations_skills_not_yet_taken(owner_client, owner):
    direction = linked_wrestler(owner)
    page = text_of(owner_client.get(direction.get_absolute_url()))
    assert "Skills its occupation asks for" in page
    assert "Coordination — important" in page
    assert "Speaking — important" not in page  # already a target skill


def test_ticked_suggestions_are_added_at_their_importance(owner_client, owner):
    direction = linked_wrestler(owner)
    url = reverse("careers:direction_add_skills", args=[direction.pk])
    response = owner_client.post(url, {"skill": ["Coordination", "Made up skill"]})
    assert response["Location"] == direction.get_absolute_url()
    added = dict(direction.skill_links.values_list("skill__name", "importance"))
    assert added == {"Speaking": 2, "Coordination": 2}  # never a name O*NET did not offer
    owner_client.post(url, {"only": "Active Listening", "skill": ["Monitoring"]})
    assert "Active Listening" in direction.skill_links.values_list("skill__name", flat=True)
    assert "Monitoring" not in direction.skill_links.values_list("skill__name", flat=True)


def test_a_skill_ticked_twice_is_added_once(owner_client, owner):
    """A form posted by hand (or twice over) names a skill twice: one link, no error."""
    direction = linked_wrestler(owner)
    url = reverse("careers:direction_add_skills", args=[direction.pk])
    response = owner_client.post(url, {"skill": ["Coordination", "coordination ", "Coordination"]})
    assert response.status_code == 302
    assert list(
        direction.skill_links.filter(skill__name="Coordination").values_list(
            "importance", flat=True
        )
    ) == [2]


def test_a_stranger_cannot_add_to_anothers_direction(stranger_client, owner):
    direction = linked_wrestler(owner)
    url = reverse("careers:direction_add_skills", args=[direction.pk])
    assert stranger_client.post(url, {"skill": ["Coordination"]}).status_code == 404
    assert direction.skill_links.count() == 1


def test_a_linked_job_offers_its_occupations_skills_as_skills_used(owner_client, owner):
    job = Job.objects.create(
        owner=owner, title="Waiter", started_on=date(2024, 1, 1), occupation=WAITERS
    )
    page = text_of(owner_client.get(job.get_absolute_url()))
    assert "Skills its occupation uses" in page and "Service Orientation" in page
    owner_client.post(
        reverse("jobs:job_add_skills", args=[job.pk]), {"only": "Service Orientation"}
    )
    assert list(job.skill_links.values_list("skill__name", "gained")) == [
        ("Service Orientation", False)
    ]


NURSES = "29-1141.00"


def test_what_jobs_trained_is_offered_once_and_only_where_it_is_worth_adding(client, owner):
    direction = CareerDirection.objects.create(
        owner=owner, title="Nurse", status="current", occupation=NURSES
    )
    speaking = Skill.objects.named(owner, ["Speaking"])[0]
    DirectionSkill.objects.create(direction=direction, skill=speaking, importance=2)
    jobs = [
        Job.objects.create(
            owner=owner,
            title=title,
            started_on=date(2024 + n, 1, 1),
            ended_on=date(2024 + n, 6, 1),
            occupation=WAITERS,
            identity_fit=2,
        )
        for n, title in enumerate(["Waiter", "Head waiter"])
    ]
    client.force_login(owner)
    html = client.get(reverse("alignment:dashboard")).content.decode()
    # Not on every card: once, in one place, naming the occupation it comes from.
    for job in jobs:
        card = html.split(f'id="job-{job.pk}-title"')[1].split("</article>")[0]
        assert "Registered Nurses" not in card
    assert html.count('id="worth-heading"') == 1
    worth = text_of_html(html.split('id="worth-heading"')[1].split("</section>")[0])
    assert (
        "Registered Nurses, the occupation you linked to Nurse, rate Customer and Personal "
        "Service, Social Perceptiveness, Coordination and Service Orientation more important "
        "than most occupations do, and the occupations of your jobs as Head waiter and Waiter "
        "use them too."
    ) in worth
    # What every occupation rates alike says nothing about this one: not offered.
    assert "Active Listening" not in worth and "English Language" not in worth
    assert "O*NET" in worth  # the attribution the licence asks for, beside the suggestion
    link = re.search(r'href="([^"]+#suggested)"', html.split('id="worth-heading"')[1])
    page = client.get(link.group(1).replace("&amp;", "&"))
    assert re.search(r'value="Coordination"[^>]*checked', page.content.decode())
    # Only what the person adds counts: nothing was added by showing it.
    assert list(direction.skill_links.values_list("skill__name", flat=True)) == ["Speaking"]


def test_nothing_worth_adding_is_no_card(client, owner):
    linked_wrestler(owner)
    Job.objects.create(owner=owner, title="Waiter", started_on=date(2024, 1, 1), occupation=WAITERS)
    client.force_login(owner)
    # Waiters' Sales and Marketing is rated 54 by athletes: not worth adding.
    assert 'id="worth-heading"' not in client.get(reverse("alignment:dashboard")).content.decode()


def text_of_html(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_skill_inputs_suggest_onet_names_after_the_persons_own(owner_client, owner):
    Skill.objects.named(owner, ["Juggling"])
    page = owner_client.get(reverse("jobs:job_add")).content.decode()
    datalist = page.split('<datalist id="skill-suggestions">')[1].split("</datalist>")[0]
    names = re.findall(r'<option value="([^"]+)">', datalist)
    assert names[0] == "Juggling"
    assert "Active Listening" in names and "Microsoft Excel" in names
