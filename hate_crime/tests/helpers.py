"""Shared helpers for the hate_crime tests: walking the public journey and making reports directly."""

from typing import Any

from django.test import Client
from django.urls import reverse

from hate_crime.actions import do_submit_report
from hate_crime.models import HateReport

ANONYMOUS_ANSWERS: dict[str, dict[str, Any]] = {
    "who-is-reporting": {"reporter_role": "victim"},
    "what-happened": {"what_happened": "Two men shouted racist abuse at me at the bus stop."},
    "when": {"occurred_on": "2026-01-10", "occurred_time": "about 9pm"},
    "where": {"location_kind": "place"},
    "where-place": {"location_text": "Bus stop, Lowther Street", "postcode": "ca1 1aa"},
    "who-was-targeted": {"target": "me"},
    "why": {"strands": ["race"]},
    "what-kind": {"incident_types": ["verbal_abuse", "threats"]},
    "impact": {"impact": "I am scared to use the bus.", "help_wanted": ["victim_support"]},
    "police-already": {"already_reported": "no"},
    "police-consent": {"police_consent": "no"},
    "contact": {"contact_preference": "none"},
    "about-you": {},
}

NAMED_ANSWERS = {
    **ANONYMOUS_ANSWERS,
    "police-consent": {"police_consent": "with_details"},
    "contact": {"contact_preference": "email"},
    "your-name": {"name": "Priya Example"},
    "your-email": {"email": "priya@example.test"},
}


def answer_all(client: Client, answers: dict[str, dict[str, Any]]) -> None:
    for slug, data in answers.items():
        response = client.post(reverse("hate_crime:report:question", args=[slug]), data)
        assert response.status_code == 302, (slug, response.content[:2000])


def send(client: Client, **extra: str) -> Any:
    page = client.get(reverse("hate_crime:report:check"))
    token = page.context["form"]["token"].value()
    return client.post(reverse("hate_crime:report:check"), {"token": token, **extra})


def flat(answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for data in answers.values():
        merged.update(data)
    merged["already_reported"] = merged.get("already_reported") == "yes"
    merged["postcode"] = "CA1 1AA" if merged.get("postcode") else ""
    merged.pop("occurred_on", None)
    merged["ongoing"] = True
    return merged


def make_report(**overrides: Any) -> HateReport:
    answers = {**flat(ANONYMOUS_ANSWERS), **overrides}
    report, _secret = do_submit_report(answers)
    return report
