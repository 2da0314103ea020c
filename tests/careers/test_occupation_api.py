"""The occupation API (`/api/v1/occupations/`) and the About the data page."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from careers import occupations
from tests.helpers import ATTRIBUTION

pytestmark = pytest.mark.django_db

SEARCH = reverse("api:occupation_search")


def detail(code):
    return reverse("api:occupation_detail", args=[code])


def test_the_urls_are_the_ones_of_the_api():
    assert SEARCH == "/api/v1/occupations/"
    assert detail("27-2021.00") == "/api/v1/occupations/27-2021.00/"
    assert reverse("careers:about_data") == "/about/data/"


# --- Search ----------------------------------------------------------------------------------


def test_search_answers_the_best_matches_first(owner_client):
    response = owner_client.get(SEARCH, {"q": "professional wrestler"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "code": "27-2021.00",
                "title": "Athletes and Sports Competitors",
                "matched": "Professional Wrestler",
            }
        ]
    }


def test_search_answers_at_most_ten(owner_client):
    results = owner_client.get(SEARCH, {"q": "teacher"}).json()["results"]
    assert len(results) == 10
    assert results[0] == {
        "code": "25-2011.00",
        "title": "Preschool Teachers, Except Special Education",
        "matched": "Teacher",
    }
    assert [list(result) for result in results] == [["code", "title", "matched"]] * 10


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "homemaker"}])
def test_no_query_or_no_match_answers_no_results(owner_client, params):
    response = owner_client.get(SEARCH, params)
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_an_over_long_query_is_a_400_that_says_why(owner_client):
    response = owner_client.get(SEARCH, {"q": "w" * 201})
    assert response.status_code == 400
    assert response.json() == {"detail": "q is longer than 200 characters."}
    assert owner_client.get(SEARCH, {"q": "w" * 200}).status_code == 200


def test_search_touches_only_the_session_and_the_user(owner_client, django_assert_num_queries):
    owner_client.get(SEARCH, {"q": "waiter"})  # the data file read once, before counting
    with django_assert_num_queries(2):  # session, user
        owner_client.get(SEARCH, {"q": "nurse"})


# --- One occupation --------------------------------------------------------------------------


def test_an_occupation_with_its_ratings_and_technology(owner_client):
    response = owner_client.get(detail("27-2021.00"))
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["code", "title", "skills", "knowledge", "technology", "borrowed_from"]
    assert body["code"] == "27-2021.00"
    assert body["title"] == "Athletes and Sports Competitors"
    assert body["borrowed_from"] is None
    assert body["skills"][0] == {"name": "Speaking", "importance": 72}
    athletes = occupations.get("27-2021.00")
    assert len(body["skills"]) == len(athletes.skills)
    assert len(body["knowledge"]) == len(athletes.knowledge)
    assert body["technology"] == [
        {"name": item.name, "hot": item.hot} for item in athletes.technology
    ]


def test_an_occupation_without_ratings_says_whose_it_borrows(owner_client):
    body = owner_client.get(detail("15-1252.00")).json()
    assert body["title"] == "Software Developers"
    assert body["borrowed_from"] == "15-1299.08"
    lender = owner_client.get(detail("15-1299.08")).json()
    assert body["skills"] == lender["skills"] and body["knowledge"] == lender["knowledge"]


@pytest.mark.parametrize("code", ["99-9999.99", "27-2021", "nothing", "27-2021.00x"])
def test_an_unknown_code_is_a_404_with_a_json_body(owner_client, code):
    response = owner_client.get(detail(code))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No occupation has this code."}


@pytest.mark.parametrize("url", [SEARCH, detail("27-2021.00")])
def test_the_api_only_reads(owner_client, url):
    assert owner_client.post(url).status_code == 405
    assert owner_client.head(url).status_code == 200


# --- About the data --------------------------------------------------------------------------


def test_about_the_data_is_public_and_shows_the_attribution_verbatim(client):
    response = client.get(reverse("careers:about_data"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<blockquote class="statement mb-4" id="attribution">{ATTRIBUTION}</blockquote>' in page
    assert "75 to 100" in page and "3 — essential" in page
    assert "1,016 occupations" in page
    assert "Job Zones" in page and f'href="{reverse("alignment:next_how")}"' in page


def test_every_page_links_to_about_the_data(client):
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("careers:about_data")}"' in page


def test_the_attribution_tag_shows_it_where_suggestions_are():
    html = Template("{% load occupations %}{% onet_attribution %}").render(Context())
    assert ATTRIBUTION in html
    assert reverse("careers:about_data") in html


def test_the_short_attribution_names_the_source_and_links_the_full_text():
    html = Template("{% load occupations %}{% onet_attribution short=True %}").render(Context())
    assert "O*NET 28.2 Database (USDOL/ETA), CC BY 4.0, modified by Bearing" in html
    assert f'href="{reverse("careers:about_data")}#attribution"' in html
    assert ATTRIBUTION not in html
