"""Personal access tokens: made and revoked at /account/tokens/, sent to the API as
`Authorization: Bearer brg_…`."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.deletion import delete_account
from config.errors import NOT_SIGNED_IN
from core import auth
from core.models import AccessToken
from tests.factories import long_history
from tests.worked_example import elena as worked_example

pytestmark = pytest.mark.django_db

TOKENS = reverse("tokens")
ALIGNMENT = reverse("api:alignment")
JOBS = reverse("api:jobs")
DIRECTIONS = reverse("api:directions")
READS = [ALIGNMENT, JOBS, DIRECTIONS, reverse("api:occupation_search") + "?q=wrestler"]


@pytest.fixture
def elena():
    return worked_example()


@pytest.fixture
def token(elena):
    return AccessToken.create(owner=elena, name="my spreadsheet")[1]


def bearer(token):
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


# -- Making and revoking tokens ---------------------------------------------------------------


def test_a_token_is_made_shown_once_and_kept_as_a_digest(client, elena):
    client.force_login(elena)
    response = client.post(TOKENS, {"name": "my spreadsheet", "days": "0"})
    assert response.status_code == 302
    page = client.get(TOKENS).content.decode()
    token = re.search(r'id="new-token-value">(brg_[A-Za-z0-9_-]{43})<', page).group(1)
    assert f"Bearer {token}" in page  # the example to try it with
    row = AccessToken.objects.get(owner=elena)
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert row.hint == token[:12] and len(row.hint) == 12
    assert token not in str(AccessToken.objects.filter(pk=row.pk).values().get())
    again = client.get(TOKENS).content.decode()
    assert token not in again and "my spreadsheet" in again and "never used" in again
    assert "never expires" in again
    assert Client().get(ALIGNMENT, **bearer(token)).status_code == 200


def test_a_token_needs_a_name_and_at_most_twenty_at_once(client, elena):
    client.force_login(elena)
    assert client.post(TOKENS, {"name": "", "days": "90"}).status_code == 200
    for n in range(20):
        AccessToken.create(owner=elena, name=f"tool {n}")
    response = client.post(TOKENS, {"name": "one more", "days": "90"})
    assert "You have 20 tokens" in response.content.decode()


def test_revoking_is_immediate(client, elena, token):
    api = Client()
    assert api.get(JOBS, **bearer(token)).status_code == 200
    client.force_login(elena)
    row = AccessToken.objects.get(owner=elena)
    client.post(reverse("token_revoke", args=[row.pk]))
    response = api.get(JOBS, **bearer(token))
    assert response.status_code == 401
    assert response.json() == {"detail": auth.BAD_TOKEN}
    assert "Tokens that no longer work" in client.get(TOKENS).content.decode()


@pytest.mark.parametrize(("days", "expires"), [("30", 30), ("90", 90), ("365", 365)])
def test_a_token_is_given_the_expiry_chosen_and_the_list_shows_it(client, elena, days, expires):
    client.force_login(elena)
    page = client.get(TOKENS).content.decode()
    assert '<option value="90" selected>After 90 days</option>' in page
    assert '<option value="0">Never expires</option>' in page
    assert client.post(TOKENS, {"name": "my spreadsheet", "days": days}).status_code == 302
    row = AccessToken.objects.get(owner=elena)
    assert row.expires_at - row.created_at == timedelta(days=expires)
    again = client.get(TOKENS).content.decode()
    assert f"expires {date_format(timezone.localtime(row.expires_at), 'j M Y')}" in again


def test_a_token_with_an_expiry_other_than_offered_is_refused(client, elena):
    client.force_login(elena)
    response = client.post(TOKENS, {"name": "my spreadsheet", "days": "100000"})
    assert response.status_code == 200
    assert not AccessToken.objects.exists()


def test_an_expired_token_is_refused_with_the_usual_401_and_listed_as_expired(client, elena):
    row, token = AccessToken.create(owner=elena, name="my spreadsheet", days=30)
    api = Client()
    assert api.get(JOBS, **bearer(token)).status_code == 200
    AccessToken.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=31),
        expires_at=timezone.now() - timedelta(seconds=1),
    )
    response = api.get(JOBS, **bearer(token))
    assert response.status_code == 401
    assert response.json() == {"detail": auth.BAD_TOKEN}
    assert "expired" in auth.BAD_TOKEN
    client.force_login(elena)
    page = client.get(TOKENS).content.decode()
    assert "Tokens that no longer work" in page
    assert f"— expired {date_format(timezone.localtime(timezone.now()), 'j M Y')}" in page
    # An expired token no longer counts among the 20 at once.
    for n in range(19):
        AccessToken.create(owner=elena, name=f"tool {n}")
    assert client.post(TOKENS, {"name": "one more", "days": "90"}).status_code == 302


def test_a_stranger_cannot_revoke_or_see_anothers_tokens(client, stranger, token):
    row = AccessToken.objects.get()
    client.force_login(stranger)
    assert client.post(reverse("token_revoke", args=[row.pk])).status_code == 404
    assert row.hint not in client.get(TOKENS).content.decode()
    assert Client().get(JOBS, **bearer(token)).status_code == 200


def test_deleting_the_account_deletes_its_tokens(elena, token):
    delete_account(elena)
    assert not AccessToken.objects.exists()
    assert Client().get(JOBS, **bearer(token)).status_code == 401


def test_the_tokens_page_costs_a_fixed_number_of_queries(client, elena, django_assert_num_queries):
    for n in range(3):
        AccessToken.create(owner=elena, name=f"tool {n}")
    client.force_login(elena)
    # session, user, the live tokens, the revoked ones
    with django_assert_num_queries(4):
        assert client.get(TOKENS).status_code == 200


# -- Using a token -----------------------------------------------------------------------------


@pytest.mark.parametrize("url", READS)
def test_a_token_reads_what_the_session_reads(elena, token, url):
    by_token = Client().get(url, **bearer(token))
    session = Client()
    session.force_login(elena)
    assert by_token.status_code == 200
    assert by_token.json() == session.get(url).json()
    assert "no-store" in by_token["Cache-Control"]


def test_a_token_needs_no_csrf_token_and_notes_its_use(token):
    client = Client(enforce_csrf_checks=True)
    assert client.get(ALIGNMENT, **bearer(token)).status_code == 200
    row = AccessToken.objects.get()
    assert timezone.now() - row.last_used_at < timedelta(minutes=1)


@pytest.mark.parametrize(
    ("header", "detail"),
    [
        (None, NOT_SIGNED_IN),
        ("Bearer", auth.BAD_HEADER),
        ("Token abc", auth.BAD_HEADER),
        ("Basic ZWxlbmE6YmVhcmluZy1kZW1v", auth.BAD_HEADER),
        ("Bearer brg_not-a-real-token", auth.BAD_TOKEN),
        ("Bearer " + "x" * 5000, auth.BAD_TOKEN),
    ],
)
@pytest.mark.parametrize("url", READS)
def test_no_or_a_bad_token_is_a_401_in_json_never_a_log_in_page(elena, url, header, detail):
    extra = {} if header is None else {"HTTP_AUTHORIZATION": header}
    response = Client().get(url, **extra)
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": detail}
    assert response["WWW-Authenticate"] == 'Bearer realm="Bearing API"'
    assert "Location" not in response


def test_a_bad_token_is_refused_even_beside_a_session(client, elena):
    client.force_login(elena)
    response = client.get(ALIGNMENT, HTTP_AUTHORIZATION="Bearer brg_wrong")
    assert response.status_code == 401


def test_a_token_of_a_deactivated_account_is_refused(elena, token):
    elena.is_active = False
    elena.save()
    assert Client().get(ALIGNMENT, **bearer(token)).status_code == 401


def test_a_token_reads_its_owners_rows_only(elena, token, stranger):
    mine = AccessToken.create(owner=stranger, name="mine")[1]
    assert Client().get(JOBS, **bearer(mine)).json() == {"items": [], "count": 0}
    assert Client().get(JOBS, **bearer(token)).json()["count"] == 3
    direction = elena.careerdirection_set.get()
    response = Client().get(ALIGNMENT, {"direction": direction.pk}, **bearer(mine))
    assert response.status_code == 404


def test_each_token_is_limited_per_minute(token, monkeypatch):
    monkeypatch.setattr(auth, "CALLS_PER_MINUTE", 2)
    client = Client()
    codes = [client.get(JOBS, **bearer(token)).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    refused = client.get(JOBS, **bearer(token))
    assert refused.json() == {"detail": "Too many requests: wait a little and try again."}
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_wrong_tokens_from_one_address_are_limited(token):
    guesser = Client(REMOTE_ADDR="203.0.113.9")
    for n in range(auth.MISSES_ALLOWED):
        assert guesser.get(JOBS, **bearer(f"brg_guess{n}")).status_code == 401
    assert guesser.get(JOBS, **bearer(token)).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.7").get(JOBS, **bearer(token)).status_code == 200


@pytest.mark.parametrize("count", [5, 500])
@pytest.mark.parametrize(
    ("url", "queries"),
    # 1 wrong tokens counted for the address, 2 the token by its digest, 3-6 its use counted
    # (savepoint, update, read, release), 7 its use noted; then: the alignment 8 the data
    # version, from the cache; the jobs 8 how many, 9 the page, 10-13 its skills, values,
    # goals and contacts; the directions 8 how many, 9 the page, 10-11 their skills, values.
    [(ALIGNMENT, 8), (JOBS, 13), (DIRECTIONS, 11)],
)
def test_a_token_costs_the_same_queries_for_5_or_500_jobs(
    owner, count, url, queries, django_assert_num_queries
):
    # Both requests fall in one window of the rate limit (tests/conftest.py pins its clock).
    long_history(owner, count)
    token = AccessToken.create(owner=owner, name="script")[1]
    client = Client()
    client.get(url, **bearer(token))  # the limit's window made, the alignment cached
    with django_assert_num_queries(queries):
        response = client.get(url, **bearer(token))
    assert response.status_code == 200
