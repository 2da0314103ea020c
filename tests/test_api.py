"""The API as a whole: its OpenAPI description, its lists (the export's fields, a page at a
time), and answers that match what the description promises."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from alignment.api import AlignmentOut
from careers.api import MatchesOut, OccupationOut
from config.api import api
from jobs.models import Job
from portability.export import export_document, snapshot
from tests.factories import long_history
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
OPENAPI = reverse("api:openapi-json")
JOBS = reverse("api:jobs")
DIRECTIONS = reverse("api:directions")


@pytest.fixture
def elena(client):
    user = worked_example()
    client.force_login(user)
    return user


def api_paths():
    """Every path the API's URLconf answers (in OpenAPI's spelling), but its description."""
    resolver = next(
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.namespace == "api"
    )
    paths = set()
    for pattern in resolver.url_patterns:
        route = "/api/v1/" + str(pattern.pattern).replace("<code>", "{code}")
        if pattern.name not in ("openapi-json", "api-root"):
            paths.add(route)
    return paths


# -- The description --------------------------------------------------------------------------


def test_the_openapi_description_is_served_to_anybody_and_lists_every_endpoint(client):
    response = client.get(OPENAPI)
    assert OPENAPI == "/api/v1/openapi.json"
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    spec = response.json()
    assert spec["openapi"].startswith("3.")
    assert spec["info"]["title"] == "Bearing API"
    assert (
        set(spec["paths"])
        == api_paths()
        == {
            "/api/v1/alignment/",
            "/api/v1/jobs/",
            "/api/v1/directions/",
            "/api/v1/next/",
            "/api/v1/occupations/",
            "/api/v1/occupations/{code}/",
        }
    )
    for path, operations in spec["paths"].items():
        assert list(operations) == ["get"], path  # HEAD answers too, but is not listed twice
        operation = operations["get"]
        assert {"AccessTokenAuth": []} in operation["security"], path
        assert {"SessionAuth": []} in operation["security"], path
        assert operation["summary"] and operation["description"], path
        assert {"200", "401", "429"} <= set(operation["responses"]), path
    schemes = spec["components"]["securitySchemes"]
    assert schemes["AccessTokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["SessionAuth"]["in"] == "cookie"
    ids = [op["get"]["operationId"] for op in spec["paths"].values()]
    assert len(ids) == len(set(ids))


def test_the_description_reads_nothing_from_the_database(client, django_assert_num_queries):
    client.get(OPENAPI)
    with django_assert_num_queries(0):
        assert client.get(OPENAPI).status_code == 200


def test_the_lists_are_described_with_their_pages(client):
    spec = client.get(OPENAPI).json()
    for path in ("/api/v1/jobs/", "/api/v1/directions/"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert {"page", "page_size"} <= names, path
    paged = spec["components"]["schemas"]["PagedJobOut"]
    assert set(paged["properties"]) == {"items", "count"}
    alignment = spec["paths"]["/api/v1/alignment/"]["get"]
    assert [p["name"] for p in alignment["parameters"]] == ["direction"]
    assert {"200", "404"} <= set(alignment["responses"])


def test_every_endpoint_is_documented_in_docs():
    said = (ROOT / "docs" / "api.md").read_text()
    for path in api_paths() | {"/api/v1/openapi.json"}:
        assert f"GET {path.replace('{code}', 'CODE')}" in said, path
    assert "Authorization: Bearer" in said and "429" in said and "page_size" in said


# -- Answers match the description ------------------------------------------------------------


def test_the_answers_sent_as_they_are_kept_are_what_the_description_says(client, elena):
    # The alignment and the occupations are sent as cached or read, not through ninja's
    # schemas (the lists are: ninja builds them from the schemas themselves).
    AlignmentOut.model_validate(client.get(reverse("api:alignment")).json())
    MatchesOut.model_validate(client.get(reverse("api:occupation_search"), {"q": "nurse"}).json())
    occupation = client.get(reverse("api:occupation_detail", args=["27-2021.00"])).json()
    OccupationOut.model_validate(occupation)


# -- The lists: the export's fields, a page at a time -------------------------------------------


def test_jobs_carry_the_exports_fields_with_ids_for_keys(client, elena):
    exported = snapshot(elena)
    items = {item["id"]: item for item in client.get(JOBS).json()["items"]}
    for job in exported.document["jobs"]:
        item = items[exported.ids["jobs"][job["key"]]]
        # The export names goals and contacts by its own keys; the API by their ids.
        expected = {
            **{k: v for k, v in job.items() if k != "key"},
            "id": item["id"],
            "goals": sorted(exported.ids["goals"][key] for key in job["goals"]),
            "contacts": sorted(exported.ids["contacts"][key] for key in job["contacts"]),
        }
        assert item == expected


def test_directions_carry_the_exports_fields(client, elena):
    exported = export_document(elena)["directions"][0]
    item = client.get(DIRECTIONS).json()["items"][0]
    assert item == {**{k: v for k, v in exported.items() if k != "key"}, "id": item["id"]}


def test_jobs_come_newest_first_and_filter_by_stage(client, elena):
    titles = [item["title"] for item in client.get(JOBS).json()["items"]]
    assert titles == ["Bar supervisor", "Gym assistant", "Waiter"]
    held = client.get(JOBS, {"stage": "held"}).json()
    assert held["count"] == 2 and {i["stage"] for i in held["items"]} == {"held"}
    assert client.get(DIRECTIONS, {"status": "past"}).json() == {"items": [], "count": 0}


def test_pages_are_bounded_whatever_is_asked(client, owner):
    long_history(owner, 230)
    client.force_login(owner)
    first = client.get(JOBS).json()
    assert first["count"] == 230 and len(first["items"]) == 50
    biggest = client.get(JOBS, {"page_size": 100000}).json()
    assert len(biggest["items"]) == 100  # at most 100, however many are asked for
    last = client.get(JOBS, {"page": 3, "page_size": 100}).json()
    assert len(last["items"]) == 30
    assert client.get(JOBS, {"page": 99}).json() == {"items": [], "count": 230}
    seen = [
        item["id"]
        for page in (1, 2, 3)
        for item in client.get(JOBS, {"page": page, "page_size": 100}).json()["items"]
    ]
    assert len(seen) == len(set(seen)) == 230  # every job once, in a stable order


@pytest.mark.parametrize("url", [JOBS, DIRECTIONS])
@pytest.mark.parametrize("page", ["4", "9223372036854775807", "99999999999999999999"])
def test_a_page_past_the_last_is_the_empty_page_however_far(client, elena, url, page):
    # A page far past any list once reached the database as an offset beyond its bigint:
    # a 500 on PostgreSQL and on SQLite. docs/api.md promises the empty page.
    response = client.get(url, {"page": page, "page_size": 100})
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": 3 if url == JOBS else 1}


@pytest.mark.parametrize(
    "params",
    [{"page": 0}, {"page": "two"}, {"page_size": 0}, {"page_size": -5}, {"stage": "hobby"}],
)
def test_a_request_that_cannot_be_read_is_a_422_that_says_why(client, elena, params):
    response = client.get(JOBS, params)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("This request cannot be read: ")
    assert isinstance(body["errors"], list) and body["errors"]


def test_a_stranger_lists_nothing_of_anothers(client, elena, stranger):
    client.force_login(stranger)
    assert client.get(JOBS).json() == {"items": [], "count": 0}
    assert client.get(DIRECTIONS).json() == {"items": [], "count": 0}


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    ("url", "queries"),
    # 1 session, 2 user; the jobs: 3 how many, 4 the page, 5-8 its skills, values, goals and
    # contacts; the directions: 3 how many, 4 the page, 5-6 their target skills and values.
    [(JOBS, 8), (DIRECTIONS, 6)],
)
def test_the_lists_cost_the_same_queries_for_5_or_500_jobs(
    client, owner, count, url, queries, django_assert_num_queries
):
    long_history(owner, count)
    client.force_login(owner)
    with django_assert_num_queries(queries):
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200
    assert len(response.json()["items"]) == min(count, 100) if url == JOBS else 1


def test_the_api_only_reads(client, elena):
    for url in (JOBS, DIRECTIONS, reverse("api:alignment")):
        response = client.post(url)
        assert response.status_code == 405
        assert response.json() == {"detail": "This address answers GET, HEAD only."}
        assert response["Allow"] == "GET, HEAD"
        assert client.head(url).status_code == 200
    assert Job.objects.filter(owner=elena).count() == 3


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
@pytest.mark.parametrize("signed_in", [False, True])
def test_the_openapi_description_only_reads(elena, method, signed_in):
    client = Client(enforce_csrf_checks=True)  # as a browser or a script sends it
    if signed_in:
        client.force_login(elena)
    response = getattr(client, method)(OPENAPI)
    assert response.status_code == 405
    assert response.json() == {"detail": "This address answers GET, HEAD only."}
    assert response["Allow"] == "GET, HEAD"
    assert client.head(OPENAPI).status_code == 200


def test_the_apis_own_root_answers_nothing(client):
    response = client.get("/api/v1/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_the_api_is_one_ninja_api():
    assert api.urls_namespace == "api"
    assert api.docs_url is None  # no interactive page loading its script from a CDN
