"""The public "check the progress of a report" page: anonymous, and silent about references it cannot match."""

import re
from collections.abc import Iterator

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from intake.references import make_status_secret, status_secret_matches
from intake.status import PublicStatus, find_status, register_status_source, unregister_status_source
from intake.submission import over_rate_limit

URL = "/check-a-report/"
REFERENCE = "TS-7K3M-9QX2"
CLIENT_ADDRESS = "203.0.113.78"
NOT_FOUND = "We could not find a report with that reference and code. Check both and try again."
TOO_MANY = "Too many attempts. Please try again in an hour."

pytestmark = pytest.mark.django_db


class TestSource:
    """A status source holding one report, as a domain app would register."""

    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        self.secret, self.stored_hash = make_status_secret()
        self.calls: list[tuple[str, str]] = []

    def __call__(self, reference: str, secret: str) -> PublicStatus | None:
        self.calls.append((reference, secret))
        if reference != REFERENCE or not status_secret_matches(secret, self.stored_hash):
            return None
        return PublicStatus(
            title="Hate incident reported on 3 March",
            status="Being looked into",
            updates=[("4 March 2026", "A caseworker has been assigned")],
            add_information_url="/add-more/",
        )


@pytest.fixture
def source() -> Iterator[TestSource]:
    lookup = TestSource()
    register_status_source("TS", lookup)
    yield lookup
    unregister_status_source("TS")


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client() -> Client:
    return Client(REMOTE_ADDR=CLIENT_ADDRESS)


def look_up(client: Client, reference: str, secret: str, **extra: str) -> str:
    response = client.post(URL, {"reference": reference, "secret": secret, **extra})
    assert response.status_code == 200
    return response.content.decode()


def test_the_url() -> None:
    assert reverse("intake:status_lookup") == URL


def test_the_page_renders_for_the_public_and_sets_no_session(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check the progress of a report" in html
    assert 'name="reference"' in html
    assert 'name="secret"' in html
    assert "govuk-error-summary" not in html
    # Anonymous means anonymous: looking at the page starts no session.
    assert "sessionid" not in response.cookies
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()


def test_a_lookup_sets_no_session_either(client: Client, source: TestSource) -> None:
    client.post(URL, {"reference": REFERENCE, "secret": source.secret})
    client.post(URL, {"reference": REFERENCE, "secret": "WRONGWRONG"})
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()


def test_blank_answers_show_errors(client: Client, source: TestSource) -> None:
    html = look_up(client, "", "")
    assert "govuk-error-summary" in html
    assert '<a href="#id_reference">Enter the reference you were given</a>' in html
    assert '<a href="#id_secret">Enter the code you were given with your reference</a>' in html
    assert "<title>Error:" in html
    assert source.calls == []


def test_the_right_reference_and_code_show_the_status(client: Client, source: TestSource) -> None:
    html = look_up(client, REFERENCE, source.secret)
    assert "govuk-error-summary" not in html
    assert "Being looked into" in html
    assert "Hate incident reported on 3 March" in html
    assert "A caseworker has been assigned" in html
    assert 'href="/add-more/"' in html


def test_the_reference_and_code_may_be_typed_loosely(client: Client, source: TestSource) -> None:
    typed_secret = f" {source.secret[:5].lower()} {source.secret[5:]} "
    html = look_up(client, " ts-7k3m - 9qx2 ", typed_secret)
    assert "Being looked into" in html
    assert source.calls[-1][0] == REFERENCE


@pytest.mark.parametrize(
    ("reference", "secret"),
    [
        ("TS-7K3M-9QX3", "right"),  # unknown reference, with the code of another report
        (REFERENCE, "WRONGWRONG"),  # known reference, wrong code
        ("ZZ-7K3M-9QX2", "right"),  # a prefix nobody registered
        ("NOT A REFERENCE", "right"),
    ],
    ids=["unknown reference", "wrong code", "unknown prefix", "nonsense"],
)
def test_an_unknown_reference_and_a_wrong_code_get_the_same_answer(
    client: Client, source: TestSource, reference: str, secret: str
) -> None:
    html = look_up(client, reference, source.secret if secret == "right" else secret)
    assert NOT_FOUND in html
    assert "govuk-error-summary" in html
    assert "Being looked into" not in html


def test_the_two_failures_are_indistinguishable(client: Client, source: TestSource) -> None:
    def error_summary(html: str) -> str:
        match = re.search(r'<div class="govuk-error-summary".*?</ul>', html, re.DOTALL)
        assert match
        return match.group(0)

    unknown = look_up(client, "TS-7K3M-9QX3", source.secret)
    wrong = look_up(client, REFERENCE, "WRONGWRONG")
    assert error_summary(unknown) == error_summary(wrong)


def test_nothing_is_found_once_the_source_is_gone(client: Client) -> None:
    lookup = TestSource()
    register_status_source("TS", lookup)
    assert find_status(REFERENCE, lookup.secret) is not None
    unregister_status_source("TS")
    assert find_status(REFERENCE, lookup.secret) is None
    unregister_status_source("TS")  # forgetting twice is harmless
    assert NOT_FOUND in look_up(client, REFERENCE, lookup.secret)


def test_a_filled_honeypot_is_refused_without_looking_anything_up(client: Client, source: TestSource) -> None:
    html = look_up(client, REFERENCE, source.secret, website="https://spam.example")
    assert TOO_MANY in html
    assert "Being looked into" not in html
    assert source.calls == []


def test_the_rate_limit_stops_guessing(client: Client, source: TestSource, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_RATE_LIMIT = 2
    assert NOT_FOUND in look_up(client, REFERENCE, "WRONGWRONG")
    assert NOT_FOUND in look_up(client, REFERENCE, "WRONGWRONX")
    # Over the limit even the right code is not checked.
    html = look_up(client, REFERENCE, source.secret)
    assert TOO_MANY in html
    assert "Being looked into" not in html
    assert len(source.calls) == 2

    # The limit is per client: another address still gets an answer.
    elsewhere = Client(REMOTE_ADDR="198.51.100.10")
    assert "Being looked into" in look_up(elsewhere, REFERENCE, source.secret)

    # No address is kept in the cache keys that count attempts.
    for key in cache._cache:  # the local-memory cache used in tests
        assert CLIENT_ADDRESS not in key
        assert "198.51.100.10" not in key


def test_the_rate_limit_is_shared_with_no_other_form(client: Client, source: TestSource, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_RATE_LIMIT = 1
    request = client.get(URL).wsgi_request
    # Using up another form's allowance leaves status lookups alone.
    over_rate_limit(request, "some_other_form")
    over_rate_limit(request, "some_other_form")
    assert "Being looked into" in look_up(client, REFERENCE, source.secret)
