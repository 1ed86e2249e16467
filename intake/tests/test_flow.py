"""The public question flow, driven through a small test-only flow: questions, check your answers, submit once.

The flow's URLs live in ``intake/tests/flow_urls.py``, next to the project's own.
"""

import datetime
import json
import re
from typing import Any

import pytest
from django import forms
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import models
from django.test import Client
from django.urls import reverse

from intake.flow import Question, QuestionFlow
from intake.models import OutboundMessage, SubmissionReceipt
from intake.references import UNAMBIGUOUS_ALPHABET, make_public_reference, make_status_secret

CLIENT_ADDRESS = "203.0.113.77"
PURPOSE = "test-flow"


class WhatHappenedForm(forms.Form):
    what_happened = forms.CharField(
        label="What happened",
        widget=forms.Textarea,
        error_messages={"required": "Enter what happened"},
    )


class TargetForm(forms.Form):
    target = forms.ChoiceField(
        label="Were you the target",
        widget=forms.RadioSelect,
        choices=[("me", "Yes, it was aimed at me"), ("someone_else", "No, it was aimed at someone else")],
        error_messages={"required": "Select who it was aimed at"},
    )


class WhoForm(forms.Form):
    who = forms.MultipleChoiceField(
        label="Who was it aimed at",
        widget=forms.CheckboxSelectMultiple,
        choices=[("relative", "A friend or relative"), ("neighbour", "A neighbour"), ("stranger", "A stranger")],
        error_messages={"required": "Select who it was aimed at"},
    )


class ExampleFlow(QuestionFlow):
    name = "test_flow"
    kind = "test_flow"
    page_title = "Report an incident (test)"
    questions = [
        Question("what-happened", WhatHappenedForm, "What happened?"),
        Question("target", TargetForm, "Were you the target?"),
        Question("who", WhoForm, "Who was it aimed at?", applies=lambda answers: answers["target"] == "someone_else"),
    ]

    def create_record(self, answers: dict[str, Any]) -> tuple[str, dict]:
        reference = make_public_reference("TF")
        plain, _stored = make_status_secret()
        OutboundMessage.objects.create(
            purpose=PURPOSE, to="nobody", subject=reference, body=json.dumps(answers, sort_keys=True)
        )
        return reference, {"secret": plain}


flow = ExampleFlow()

pytestmark = [pytest.mark.django_db, pytest.mark.urls("intake.tests.flow_urls")]


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client() -> Client:
    return Client(REMOTE_ADDR=CLIENT_ADDRESS)


def question_url(slug: str) -> str:
    return reverse("test_flow:question", args=[slug])


CHECK_URL = "/test-flow/check-your-answers/"
DONE_URL = "/test-flow/submitted/"


def records() -> list[OutboundMessage]:
    return list(OutboundMessage.objects.filter(purpose=PURPOSE))


def answer(client: Client, slug: str, data: dict) -> str:
    """Answer one question; return where the flow sends the person next."""
    response = client.post(question_url(slug), data)
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def answer_all(client: Client, *, target: str = "me", who: list[str] | None = None) -> None:
    answer(client, "what-happened", {"what_happened": "Someone shouted abuse\nat the bus stop"})
    answer(client, "target", {"target": target})
    if target == "someone_else":
        answer(client, "who", {"who": who or ["neighbour"]})


def token_on(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match, "the check page has no submission token"
    return match.group(1)


def submit(client: Client, **extra: str) -> Any:
    token = token_on(client.get(CHECK_URL).content.decode())
    return client.post(CHECK_URL, {"token": token, **extra})


def test_the_urls_are_where_the_test_expects() -> None:
    assert reverse("test_flow:check") == CHECK_URL
    assert reverse("test_flow:done") == DONE_URL


def test_the_start_page_sends_people_to_the_first_question(client: Client) -> None:
    response = client.get(reverse("test_flow:start"))
    assert response.status_code == 302
    assert response["Location"] == question_url("what-happened")


def test_the_first_question_renders(client: Client) -> None:
    response = client.get(question_url("what-happened"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "What happened?" in html
    assert "Report an incident (test)" in html
    assert 'name="what_happened"' in html
    assert "govuk-textarea" in html
    assert "govuk-error-summary" not in html


def test_looking_at_the_first_question_starts_no_session(client: Client) -> None:
    client.get(reverse("test_flow:start"), follow=True)
    client.get(CHECK_URL)
    client.get(DONE_URL)
    assert "sessionid" not in client.cookies
    assert not Session.objects.exists()
    # The first answer does: the answers are kept in it until the report is sent.
    answer(client, "what-happened", {"what_happened": "Graffiti"})
    assert "sessionid" in client.cookies


def test_an_unknown_question_is_not_found(client: Client) -> None:
    assert client.get(question_url("no-such-question")).status_code == 404


def test_an_empty_answer_shows_the_error_summary_and_saves_nothing(client: Client) -> None:
    response = client.post(question_url("what-happened"), {"what_happened": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "There is a problem" in html
    assert '<a href="#id_what_happened">Enter what happened</a>' in html
    assert "<title>Error:" in html
    assert "what-happened" not in client.session.get(f"flow:{flow.name}", {}).get("data", {})
    assert records() == []
    assert not SubmissionReceipt.objects.exists()


def test_a_radio_question_with_no_choice_links_its_error_to_the_first_radio(client: Client) -> None:
    answer(client, "what-happened", {"what_happened": "Graffiti"})
    html = client.post(question_url("target"), {}).content.decode()
    assert '<a href="#id_target">Select who it was aimed at</a>' in html
    assert 'id="id_target"' in html


def test_answers_carry_through_to_check_your_answers_with_change_links(client: Client) -> None:
    assert answer(client, "what-happened", {"what_happened": "Someone shouted abuse\nat the bus stop"}) == (
        question_url("target")
    )
    assert answer(client, "target", {"target": "me"}) == CHECK_URL
    response = client.get(CHECK_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Check your answers before sending" in html
    assert "Someone shouted abuse<br>at the bus stop" in html
    assert "Yes, it was aimed at me" in html  # the choice's label, not its value
    assert f'href="{question_url("what-happened")}"' in html
    assert f'href="{question_url("target")}"' in html
    assert "Who was it aimed at" not in html
    assert records() == []


def test_a_previous_answer_is_shown_when_going_back_to_change_it(client: Client) -> None:
    answer_all(client, target="someone_else", who=["relative", "stranger"])
    html = client.get(question_url("what-happened")).content.decode()
    assert "Someone shouted abuse" in html
    html = client.get(question_url("target")).content.decode()
    assert re.search(r'value="someone_else" checked', html)
    html = client.get(question_url("who")).content.decode()
    assert re.search(r'value="relative" checked', html)
    assert re.search(r'value="stranger" checked', html)
    assert not re.search(r'value="neighbour" checked', html)


def test_the_conditional_question_is_skipped_when_it_does_not_apply(client: Client) -> None:
    answer(client, "what-happened", {"what_happened": "Graffiti"})
    assert answer(client, "target", {"target": "me"}) == CHECK_URL
    assert client.get(CHECK_URL).status_code == 200


@pytest.mark.parametrize("who", [["neighbour"], ["relative", "stranger"]], ids=["one box", "two boxes"])
def test_the_conditional_question_is_asked_when_it_applies(client: Client, who: list[str]) -> None:
    answer(client, "what-happened", {"what_happened": "Graffiti"})
    assert answer(client, "target", {"target": "someone_else"}) == question_url("who")
    # Going straight to the check page still asks it first.
    response = client.get(CHECK_URL)
    assert response["Location"] == question_url("who")
    assert answer(client, "who", {"who": who}) == CHECK_URL
    html = client.get(CHECK_URL).content.decode()
    assert "Who was it aimed at" in html
    labels = dict(WhoForm.base_fields["who"].choices)
    assert ", ".join(labels[value] for value in who) in html
    assert f'href="{question_url("who")}"' in html

    submit(client)
    (record,) = records()
    assert json.loads(record.body) == {"what_happened": "Graffiti", "target": "someone_else", "who": who}


def test_an_answer_that_no_longer_applies_is_neither_shown_nor_sent(client: Client) -> None:
    answer_all(client, target="someone_else", who=["neighbour", "stranger"])
    # Change of mind: it was aimed at me after all.
    assert answer(client, "target", {"target": "me"}) == CHECK_URL
    html = client.get(CHECK_URL).content.decode()
    assert "Who was it aimed at" not in html
    assert "A neighbour" not in html
    submit(client)
    (record,) = records()
    assert json.loads(record.body) == {
        "what_happened": "Someone shouted abuse\nat the bus stop", "target": "me"
    }


def test_check_your_answers_without_answers_goes_to_the_first_missing_question(client: Client) -> None:
    response = client.get(CHECK_URL)
    assert response.status_code == 302
    assert response["Location"] == question_url("what-happened")

    answer(client, "what-happened", {"what_happened": "Graffiti"})
    response = client.get(CHECK_URL)
    assert response["Location"] == question_url("target")

    # Posting to it cannot skip the questions either.
    response = client.post(CHECK_URL, {"token": "made-up-token"})
    assert response["Location"] == question_url("target")
    assert records() == []
    assert not SubmissionReceipt.objects.exists()


def test_an_answer_no_longer_valid_when_sent_is_asked_again_and_nothing_is_made(client: Client) -> None:
    answer_all(client)
    token = token_on(client.get(CHECK_URL).content.decode())
    # The stored answer stops being valid between the check page and "Send" (here: a choice that is not offered).
    session = client.session
    state = session[f"flow:{flow.name}"]
    state["data"]["target"] = {"target": ["withdrawn"]}
    session[f"flow:{flow.name}"] = state
    session.save()
    response = client.post(CHECK_URL, {"token": token})
    assert response["Location"] == question_url("target")
    assert records() == []
    assert not SubmissionReceipt.objects.exists()


def test_each_request_validates_the_answers_once(client: Client, monkeypatch) -> None:  # noqa: ANN001
    answer_all(client)
    validated = []
    full_clean = TargetForm.full_clean

    def counted(form: TargetForm) -> None:
        validated.append(form)
        full_clean(form)

    monkeypatch.setattr(TargetForm, "full_clean", counted)
    page = client.get(CHECK_URL).content.decode()
    assert "Yes, it was aimed at me" in page
    assert len(validated) == 1  # the answers and the page's rows share one validation
    client.post(CHECK_URL, {"token": token_on(page)})
    assert len(validated) == 2  # sending validates again: nothing is kept from the page's request
    assert len(records()) == 1


def test_the_confirmation_page_needs_a_submission(client: Client) -> None:
    response = client.get(DONE_URL)
    assert response.status_code == 302
    assert response["Location"] == question_url("what-happened")


def test_submitting_creates_one_record_and_shows_the_reference_and_secret(client: Client) -> None:
    answer_all(client)
    response = submit(client)
    assert response.status_code == 302
    assert response["Location"] == DONE_URL
    (record,) = records()
    reference = record.subject
    assert re.fullmatch(rf"TF-[{UNAMBIGUOUS_ALPHABET}]{{4}}-[{UNAMBIGUOUS_ALPHABET}]{{4}}", reference)
    receipt = SubmissionReceipt.objects.get()
    assert (receipt.kind, receipt.reference) == ("test_flow", reference)

    html = client.get(DONE_URL).content.decode()
    assert "Report sent" in html
    assert f"<strong>{reference}</strong>" in html
    secret = re.search(r'<strong class="csphub-secret">([^<]+)</strong>', html)
    assert secret and re.fullmatch(rf"[{UNAMBIGUOUS_ALPHABET}]{{10}}", secret.group(1))

    # The answers are gone from the session: the back button cannot send the report again.
    assert client.session[f"flow:{flow.name}"]["data"] == {}
    assert client.get(CHECK_URL)["Location"] == question_url("what-happened")


def test_the_status_code_is_shown_once_only(client: Client) -> None:
    answer_all(client)
    submit(client)
    first = client.get(DONE_URL).content.decode()
    again = client.get(DONE_URL).content.decode()
    assert 'class="csphub-secret"' in first
    reference = records()[0].subject
    assert f"<strong>{reference}</strong>" in again and 'class="csphub-secret"' not in again


def test_a_second_report_in_the_same_session_gets_its_own_token_and_reference(client: Client) -> None:
    answer_all(client)
    submit(client)
    answer_all(client, target="someone_else")
    submit(client)
    assert len(records()) == 2
    assert SubmissionReceipt.objects.count() == 2
    assert len({r.subject for r in records()}) == 2


def test_a_double_click_creates_one_record_and_both_clicks_show_the_same_reference(client: Client) -> None:
    answer_all(client)
    token = token_on(client.get(CHECK_URL).content.decode())
    first = client.post(CHECK_URL, {"token": token})
    second = client.post(CHECK_URL, {"token": token})
    assert len(records()) == 1
    assert SubmissionReceipt.objects.count() == 1
    reference = records()[0].subject
    for response in (first, second):
        assert response.status_code == 302
        page = client.get(response["Location"]).content.decode()
        assert f"<strong>{reference}</strong>" in page


def test_a_resent_token_from_another_session_creates_nothing_new(client: Client) -> None:
    answer_all(client)
    token = token_on(client.get(CHECK_URL).content.decode())
    client.post(CHECK_URL, {"token": token})
    # The same form posted again from a fresh session (a browser retry after the session was lost).
    other = Client(REMOTE_ADDR=CLIENT_ADDRESS)
    answer_all(other)
    other.get(CHECK_URL)
    response = other.post(CHECK_URL, {"token": token})
    assert response["Location"] == DONE_URL
    assert len(records()) == 1
    assert f"<strong>{records()[0].subject}</strong>" in other.get(DONE_URL).content.decode()


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(client: Client) -> None:
    answer_all(client)
    response = submit(client, website="https://spam.example")
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "We could not accept this report just now" in html
    assert records() == []
    assert not SubmissionReceipt.objects.exists()


def test_a_missing_token_is_an_error_and_saves_nothing(client: Client) -> None:
    answer_all(client)
    client.get(CHECK_URL)
    response = client.post(CHECK_URL, {})  # nothing posted at all: an error, and the page keeps a token
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    token_on(response.content.decode())
    response = client.post(CHECK_URL, {"website": ""})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert records() == []
    assert not SubmissionReceipt.objects.exists()


def test_more_than_the_rate_limit_is_refused_and_nothing_is_saved(client: Client, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_RATE_LIMIT = 2
    for _ in range(2):
        answer_all(client)
        assert submit(client)["Location"] == DONE_URL
    answer_all(client)
    response = submit(client)
    assert response.status_code == 200
    assert "We could not accept this report just now" in response.content.decode()
    assert len(records()) == 2
    assert SubmissionReceipt.objects.count() == 2

    # Someone else, at another address, is not held back.
    elsewhere = Client(REMOTE_ADDR="198.51.100.9")
    answer_all(elsewhere)
    assert submit(elsewhere)["Location"] == DONE_URL
    assert len(records()) == 3


def _text_values(model: type[models.Model]) -> list[str]:
    names = [f.name for f in model._meta.get_fields() if isinstance(f, models.CharField | models.TextField)]
    return [str(value) for row in model.objects.values_list(*names) for value in row]


def test_no_ip_address_is_stored_anywhere(client: Client, settings) -> None:  # noqa: ANN001
    settings.PUBLIC_RATE_LIMIT = 1
    answer_all(client, target="someone_else")
    submit(client)
    answer_all(client)
    submit(client)  # over the limit: counted and refused
    assert SubmissionReceipt.objects.exists()
    assert OutboundMessage.objects.exists()

    for model in (SubmissionReceipt, OutboundMessage):
        for value in _text_values(model):
            assert CLIENT_ADDRESS not in value

    keys = list(cache._cache.keys())  # the local-memory cache used in tests
    assert keys, "the rate limit should have counted something"
    for key in keys:
        assert CLIENT_ADDRESS not in key
        assert CLIENT_ADDRESS.replace(".", "") not in key

    for session in Session.objects.all():
        assert CLIENT_ADDRESS not in json.dumps(session.get_decoded())


@pytest.mark.parametrize(
    ("value", "shown"),
    [(datetime.date(2026, 11, 26), "26 November 2026"), (True, "Yes"), ("", "Not given")],
)
def test_answers_are_shown_in_plain_words(value: object, shown: str) -> None:
    from django import forms as django_forms

    from intake.flow import display_value

    field = django_forms.BooleanField() if value is True else django_forms.DateField()
    assert display_value(field, value) == shown


def test_both_requests_of_a_double_click_can_show_the_status_code() -> None:
    from intake.submission import submit_once

    first = submit_once("double-click-token", "test_flow", lambda: ("TF-AAAA-BBBB", {"secret": "CODE234567"}))
    second = submit_once("double-click-token", "test_flow", lambda: ("TF-CCCC-DDDD", {"secret": "OTHER23456"}))
    assert first.created and not second.created
    assert second.reference == "TF-AAAA-BBBB" and second.extra == {"secret": "CODE234567"}
