"""The page "Your next job" (/next/), its one-click link of a job to an occupation, the forms
it fills in, and `GET /api/v1/next/`: what the owner sees, what a stranger does not, and
the page's query count, the same for 5 jobs or 500."""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alignment import next_job
from careers.models import CareerDirection, DirectionSkill, Skill
from core.models import AccessToken, DataVersion
from jobs.models import Job, JobSkill
from tests.factories import CareerDirectionFactory, JobFactory, LearningFactory

pytestmark = pytest.mark.django_db

NEXT = reverse("alignment:next")
API = reverse("api:next")
HOW = reverse("alignment:next_how")
NURSES, WAITERS, LPN = "29-1141.00", "35-3031.00", "29-2061.00"
ATTRIBUTION_START = "This site includes information from the O*NET 28.2 Database"


def text_of(response):
    """The visible text of the page's main part: tags dropped, entities decoded."""
    html = response.content.decode().split("<main")[1].split("</main>")[0]
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def nursing(owner, *, occupation=NURSES, status="current", title="Nursing"):
    """A direction toward nursing: Medicine and Dentistry and Psychology still missing,
    Customer and Personal Service covered by the job that used it."""
    direction = CareerDirectionFactory(
        owner=owner, title=title, status=status, occupation=occupation
    )
    skills = Skill.objects.named(
        owner, ["Medicine and Dentistry", "Psychology", "Customer and Personal Service"]
    )
    DirectionSkill.objects.bulk_create(
        DirectionSkill(direction=direction, skill=skill, importance=importance)
        for skill, importance in zip(skills, (3, 3, 2), strict=True)
    )
    return direction


def waiter(owner, occupation=WAITERS, title="Waiter"):
    """A waiting job of the last two years, ongoing, that used customer service."""
    today = timezone.localdate()
    job = JobFactory(
        owner=owner, title=title, occupation=occupation, started_on=today - timedelta(days=700)
    )
    [skill] = Skill.objects.named(owner, ["Customer and Personal Service"])
    JobSkill.objects.create(job=job, skill=skill)
    return job


@pytest.fixture
def history(owner):
    return nursing(owner), waiter(owner)


# --- What the owner sees ---------------------------------------------------------------------


def test_the_owner_sees_bridges_toward_their_direction(owner_client, history):
    response = owner_client.get(NEXT)
    assert response.status_code == 200
    text = text_of(response)
    assert "10 bridges toward Nursing, the best first" in text
    assert "1. Licensed Practical and Licensed Vocational Nurses" in text
    # Its Job Zone in words, what O*NET calls it and what it is also called.
    assert "Medium preparation needed (Job Zone 3) · O*NET 29-2061.00" in text
    assert "also called Charge Nurse, Clinic Nurse" in text
    # What it uses that the person has, and what it would build that they miss.
    assert "It uses what your jobs and learning gave you: Customer and Personal Service" in text
    assert "It would build what you still miss for Nursing: Medicine and Dentistry" in text
    assert re.search(r"Within reach: \d+ of 100 · Builds: \d+ of 100", text)
    # What it starts from, and what it cannot know.
    assert "Waiters and Waitresses — Waiter" in text
    assert "some preparation needed (Job Zone 2)" in text
    assert "up to medium preparation needed are within reach" in text
    assert "What these jobs pay, or whether anyone near you is hiring" in text
    assert ATTRIBUTION_START in text and "About the data" in text
    html = response.content.decode()
    assert f'href="{HOW}"' in html
    # Never the direction's own occupation, nor one held.
    assert not re.search(r"\d+\. (Registered|Acute Care) Nurses", text)
    assert not re.search(r"\d+\. Waiters and Waitresses", text)


def test_each_bridge_can_be_weighed_as_an_offer_or_considered_as_a_direction(owner_client, history):
    html = owner_client.get(NEXT).content.decode()
    offer = re.search(r'href="([^"]*)">Weigh it as an offer', html).group(1)
    asked = parse_qs(urlparse(unescape(offer)).query)
    assert urlparse(unescape(offer)).path == reverse("jobs:offer_add")
    assert asked["occupation"] == [LPN]
    assert asked["title"] == ["Licensed Practical and Licensed Vocational Nurses"]
    assert "Medicine and Dentistry" in asked["teach"]
    consider = re.search(r'href="([^"]*)">Consider it as a direction', html).group(1)
    asked = parse_qs(urlparse(unescape(consider)).query)
    assert asked == {
        "title": ["Licensed Practical and Licensed Vocational Nurses"],
        "occupation": [LPN],
        "status": ["considering"],
    }


def test_the_offer_form_comes_filled_in_and_nothing_is_saved(owner_client, history):
    medicine = Skill.objects.get(owner=history[0].owner, name="Medicine and Dentistry")
    service = Skill.objects.get(owner=history[0].owner, name="Customer and Personal Service")
    query = (
        f"?title=Licensed+Practical+Nurses&occupation={LPN}"
        "&teach=Medicine+and+Dentistry&teach=Biology&use=Customer+and+Personal+Service"
        "&use=Speaking"
    )
    response = owner_client.get(reverse("jobs:offer_add") + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Licensed Practical Nurses"' in html
    assert re.search(rf'value="{LPN}"[^>]*checked', html)
    # The direction's target skills are ticked as taught or used; the others are typed in.
    assert re.search(rf'name="target_{medicine.pk}" value="gained"[^>]*checked', html)
    assert re.search(rf'name="target_{service.pk}" value="used"[^>]*checked', html)
    assert re.search(r'name="skills_gained" value="Biology"', html)
    assert re.search(r'name="skills_used" value="Speaking"', html)
    assert Job.objects.filter(stage="offer").count() == 0


def test_the_direction_form_comes_filled_in_as_one_considered(owner_client, history):
    query = f"?title=Licensed+Practical+Nurses&occupation={LPN}&status=considering"
    response = owner_client.get(reverse("careers:direction_add") + query)
    html = response.content.decode()
    assert 'value="Licensed Practical Nurses"' in html
    assert re.search(rf'value="{LPN}"[^>]*checked', html)
    assert re.search(r'<option value="considering" selected>', html)
    assert CareerDirection.objects.count() == 1  # only the one there was


def test_odd_values_in_the_address_are_left_out_of_the_forms(owner_client, history):
    query = "?title=" + "x" * 300 + "&occupation=99-9999.99&status=current&teach=" + "y" * 300
    response = owner_client.get(reverse("jobs:offer_add") + query)
    html = response.content.decode()
    assert 'value="' + "x" * 200 + '"' in html and "x" * 201 not in html
    assert "99-9999.99" not in html
    response = owner_client.get(reverse("careers:direction_add") + query)
    assert '<option value="considering" selected>' not in response.content.decode()


def test_the_page_says_what_it_cannot_count(owner_client, owner):
    direction = nursing(owner, occupation="")
    DirectionSkill.objects.create(
        direction=direction,
        skill=Skill.objects.named(owner, ["Bedside manner"])[0],
        importance=3,
    )
    waiter(owner)
    text = text_of(owner_client.get(NEXT))
    assert "Link it to an occupation and every bridge is also measured" in text
    assert "Bedside manner is not a name O*NET uses" in text
    # The missing skills O*NET names still give bridges.
    assert "bridges toward Nursing, the best first" in text


def test_an_occupation_o_net_rates_nothing_for_is_said_to_count_for_nothing(owner_client, owner):
    nursing(owner, occupation="29-1129.00")  # Therapists, All Other: no ratings
    waiter(owner)
    text = text_of(owner_client.get(NEXT))
    assert "O*NET rates no skills for Therapists, All Other" in (text)
    assert "bridges toward Nursing, the best first" in text  # from the missing skills


def test_nothing_to_build_toward_says_what_to_add(owner_client, owner):
    CareerDirectionFactory(owner=owner, title="Homemaker", status="current")
    waiter(owner)
    text = text_of(owner_client.get(NEXT))
    assert "No bridge yet" in text
    assert "Nothing to build toward yet: Homemaker has no target skills" in text


def test_without_a_direction_the_page_asks_for_one(owner_client, owner):
    text = text_of(owner_client.get(NEXT))
    assert "First, a direction" in text
    considered = nursing(owner, status="considering")
    html = owner_client.get(NEXT).content.decode()
    assert f'href="?direction={considered.pk}"' in html


def test_a_considered_direction_can_be_asked_for_and_a_misspelt_id_is_redirected(
    owner_client, owner, history
):
    considered = nursing(owner, status="considering", title="Nursing abroad")
    response = owner_client.get(f"{NEXT}?direction={considered.pk}")
    assert "bridges toward Nursing abroad" in text_of(response)
    response = owner_client.get(f"{NEXT}?direction=0{considered.pk}")
    assert response.status_code == 301
    assert response["Location"] == f"{NEXT}?direction={considered.pk}"


def test_skills_from_completed_learning_count_as_had(owner_client, owner):
    nursing(owner)
    waiter(owner)
    [biology] = Skill.objects.named(owner, ["Biology"])
    LearningFactory(owner=owner, completed_on=timezone.localdate(), skills=[biology])
    text = text_of(owner_client.get(NEXT))
    assert re.search(r"It uses what your jobs and learning gave you: [^.]*Biology", text)


# --- Linking a job to an occupation in one click ------------------------------------------


def test_jobs_without_an_occupation_are_offered_one_in_one_click(owner_client, owner):
    nursing(owner)
    job = waiter(owner, occupation="")
    response = owner_client.get(NEXT)
    text = text_of(response)
    assert "Your jobs are not linked to occupations yet — link them to see bridges." in text
    assert "Waiter at Rosa's Diner → Waiters and Waitresses" in text
    version = DataVersion.of(owner)
    link = reverse("alignment:next_link", args=[job.pk])
    response = owner_client.post(link, {"occupation": WAITERS, "next": NEXT}, follow=True)
    assert response.redirect_chain[-1][0] == NEXT
    job.refresh_from_db()
    assert job.occupation == WAITERS
    assert DataVersion.of(owner) == version + 1
    text = text_of(response)
    assert "Linked “Waiter” to Waiters and Waitresses." in text
    assert "Waiters and Waitresses — Waiter" in text


def test_an_unknown_occupation_links_nothing_and_says_so(owner_client, owner):
    job = waiter(owner, occupation="")
    link = reverse("alignment:next_link", args=[job.pk])
    response = owner_client.post(link, {"occupation": "99-9999.99"}, follow=True)
    assert "Bearing does not know that occupation: nothing was linked." in text_of(response)
    job.refresh_from_db()
    assert job.occupation == ""


def test_a_link_makes_an_edit_form_opened_before_it_say_the_job_changed(owner_client, owner):
    job = waiter(owner, occupation="")
    before = job.lock_version
    owner_client.post(reverse("alignment:next_link", args=[job.pk]), {"occupation": WAITERS})
    job.refresh_from_db()
    assert job.lock_version == before + 1


# --- Other jobs like an offer that build more (for the offer page) ----------------------------


def test_other_jobs_like_an_offer_that_build_more(owner, history, django_assert_num_queries):
    today = timezone.localdate()
    with django_assert_num_queries(4):  # directions, recent jobs, skills had, target skills
        like = next_job.like_offer(owner, today, WAITERS)
    assert 0 < len(like) <= 3
    assert all(item["code"][:2] in ("29", "31") for item in like)  # health care
    html = render_to_string("alignment/_bridges_like.html", {"like": like})
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assert "Other jobs like this offer that would do more for your nursing career" in text
    assert like[0]["title"] in text and "medium preparation needed" in text
    assert "Occupation data: O*NET 28.2 Database (USDOL/ETA)" in text
    assert f'href="{NEXT}"' in html
    assert next_job.like_offer(owner, today, "") == []
    assert render_to_string("alignment/_bridges_like.html", {"like": []}).strip() == ""


def test_the_offer_page_shows_other_jobs_like_it_that_build_more(owner_client, owner, history):
    offer = JobFactory(owner=owner, title="Head waiter", stage="offer", occupation=WAITERS)
    page = owner_client.get(reverse("alignment:job_detail", args=[offer.pk]))
    text = text_of(page)
    assert "Other jobs like this offer that would do more for your nursing career" in text
    assert "More jobs you could move to: Your next job" in text
    assert "Other jobs like this that build more" not in text and "bridges:" not in text
    # Each says first what it would build, then what of the person's it asks for.
    assert re.search(
        (r"— [a-z ]+ needed It would build [^.]+\. It asks for much of " r"what you have: "), text
    )
    assert "this offer would use" not in text and "It uses what you have" not in text
    # Without an occupation, the page still leads to the bridges.
    plain = JobFactory(owner=owner, title="Barista", stage="offer", occupation="")
    text = text_of(owner_client.get(reverse("alignment:job_detail", args=[plain.pk])))
    assert "Other jobs like this offer" not in text
    assert "See jobs you could get now that would build your nursing career" in text


# --- A stranger ------------------------------------------------------------------------------


def test_a_stranger_cannot_see_or_link_the_owners(stranger_client, owner, history):
    direction, job = history
    assert stranger_client.get(f"{NEXT}?direction={direction.pk}").status_code == 404
    assert stranger_client.get(f"{API}?direction={direction.pk}").status_code == 404
    text = text_of(stranger_client.get(NEXT))
    assert "Waiter" not in text and "Nursing" not in text
    job.occupation = ""
    job.save()
    link = reverse("alignment:next_link", args=[job.pk])
    assert stranger_client.post(link, {"occupation": WAITERS}).status_code == 404
    job.refresh_from_db()
    assert job.occupation == ""


def test_a_stranger_never_sees_the_owners_jobs_or_skills_on_their_own_page(client, owner, stranger):
    nursing(owner)
    waiter(owner, title="Owner's secret waiting job")
    nursing(stranger)
    client.force_login(stranger)
    text = text_of(client.get(NEXT))
    assert "Owner's secret waiting job" not in text
    assert "Your jobs are not linked to occupations yet" in text
    assert "It uses what your jobs and learning gave you: Customer and Personal" not in text


# --- The query count, the same for 5 jobs or 500 -------------------------------------------


def many_jobs(owner, count):
    """`count` short held jobs of the last five years, linked to occupations in turn (and
    one in ten to none), each using a skill O*NET names."""
    today = timezone.localdate()
    codes = [WAITERS, "35-3023.00", "41-2011.00", "43-4051.00", "53-7065.00", ""]
    jobs = Job.objects.bulk_create(
        Job(
            owner=owner,
            title=f"Gig {n}",
            occupation=codes[n % len(codes)],
            stage="held",
            started_on=today - timedelta(days=1800 - 3 * n),
            ended_on=today - timedelta(days=1799 - 3 * n),
        )
        for n in range(count)
    )
    skills = Skill.objects.named(owner, ["Speaking", "Customer and Personal Service"])
    JobSkill.objects.bulk_create(
        JobSkill(job=job, skill=skills[n % 2]) for n, job in enumerate(jobs)
    )


@pytest.mark.parametrize("count", [5, 500])
def test_the_page_costs_the_same_queries_for_5_or_500_jobs(
    owner_client, owner, count, django_assert_num_queries
):
    nursing(owner)
    many_jobs(owner, count)
    with django_assert_num_queries(6):
        # 1 session, 2 signed-in user, 3 the directions, 4 the held jobs of the last five
        # years (at most 100), 5 the skills had that O*NET names, 6 the direction's target
        # skills, covered or not
        response = owner_client.get(NEXT)
    text = text_of(response)
    assert "bridges toward Nursing, the best first" in text
    assert f"Gig {count - 1}" in text  # the newest jobs are what it starts from


@pytest.mark.parametrize("count", [5, 500])
def test_the_api_costs_the_same_queries_for_5_or_500_jobs(
    owner_client, owner, count, django_assert_num_queries
):
    nursing(owner)
    many_jobs(owner, count)
    with django_assert_num_queries(6):
        # as the page: session, user, directions, recent jobs, skills had, target skills
        response = owner_client.get(API)
    assert len(response.json()["bridges"]) == 10


@pytest.mark.parametrize("count", [5, 500])
def test_a_token_reads_the_api_as_the_session_does_in_11_queries(
    owner_client, owner, count, django_assert_num_queries
):
    nursing(owner)
    many_jobs(owner, count)
    token = AccessToken.create(owner=owner, name="script")[1]
    tool = Client()
    tool.get(API, HTTP_AUTHORIZATION=f"Bearer {token}")  # the limit's window made
    with django_assert_num_queries(11):
        # 1 wrong tokens counted for the address, 2 the token by its digest, 3-6 its use
        # counted, 7 its use noted; 8 the directions, 9 the recent jobs, 10 the skills had,
        # 11 the target skills
        response = tool.get(API, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.json() == owner_client.get(API).json()


def test_only_the_100_most_recent_jobs_are_read(owner_client, owner):
    nursing(owner)
    many_jobs(owner, 130)
    text = text_of(owner_client.get(NEXT))
    assert "(your 100 most recent)" in text
    assert "Gig 129" in text and "Gig 29 " not in text


# --- The API ---------------------------------------------------------------------------------


def test_the_api_answers_the_bridges_as_design_says(owner_client, history):
    direction, _ = history
    document = owner_client.get(API).json()
    assert document["direction"] == {"id": direction.pk, "title": "Nursing", "occupation": NURSES}
    assert (document["from"], document["zone"]) == ([WAITERS], 2)
    first = document["bridges"][0]
    assert set(first) == {"code", "title", "job_zone", "reach", "build", "uses", "builds"}
    assert (first["code"], first["job_zone"]) == (LPN, 3)
    assert first["builds"] == ["Medicine and Dentistry", "Psychology"]
    assert first["uses"][0] == "Customer and Personal Service"
    for bridge in document["bridges"]:
        for measure in (bridge["reach"], bridge["build"]):
            assert 0 <= measure <= 1 and round(measure, 4) == measure
    assert len(document["bridges"]) == 10
    assert owner_client.get(f"{API}?direction={direction.pk}").json() == document


def test_the_api_without_a_direction_has_no_bridges(owner_client, owner):
    waiter(owner)
    document = owner_client.get(API).json()
    assert document == {"direction": None, "from": [WAITERS], "zone": 2, "bridges": []}


def test_the_api_is_described_in_the_openapi_document(client):
    schema = client.get(reverse("api:openapi-json")).json()
    assert "/api/v1/next/" in schema["paths"]
    assert schema["components"]["schemas"]["NextOut"]["required"] == [
        "direction",
        "from",
        "zone",
        "bridges",
    ]


# --- How bridges are found -----------------------------------------------------------------


def test_how_bridges_are_found_is_public_and_names_the_zones(client):
    response = client.get(HOW)
    assert response.status_code == 200
    text = text_of(response)
    assert "How bridges are found" in text
    assert "Zone 2: some preparation needed" in text
    assert "Zone 5: extensive preparation needed" in text
    assert "at most 1 zone above the most demanding of your recent jobs" in text
    assert ATTRIBUTION_START in text
