"""Hostile input over every public form: never a server error; refused with a message, or stored as text.

Every public URL (a view marked ``@public``) is found from the URLconf. One that accepts POST must be
described here, either as a question flow (``FLOW_PATHS``) or as a single-page form (``SINGLE_PAGE_FORMS``);
one that refuses POST answers 405; a page that takes POST without being a form is listed in
``PAGES_THAT_IGNORE_POST``. A new public form therefore fails ``test_every_public_form_is_covered`` until it
is described here.

For each form field, hypothesis generates hostile text: over-long (10 times ``max_length`` and 1 MB),
control characters and NUL bytes, invalid UTF-8 (sent as raw bytes in the body), script tags, SQL-like
text and unicode edge cases (right-to-left override, emoji sequences, combining marks). The answer must be:

- never a 5xx;
- refused: the GOV.UK error summary is on the page and no row was written anywhere; or
- stored: the stored text is the form's cleaned value, and for a plain text field that is the text sent,
  stripped of leading and trailing whitespace (Django's ``CharField``), with invalid UTF-8 replaced by
  U+FFFD (Django decodes request bodies with ``errors="replace"``). On the staff page it is escaped.
"""

import json
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.http import HttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.html import escape
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from conftest import World, signed_in_client
from domestic_abuse.models import EncompassNotification, SupportService
from domestic_abuse.tests.fixtures import DaWorld, da  # noqa: F401 - the fixture, used by public_world
from hate_crime.actions import do_submit_report
from hate_crime.tests.helpers import NAMED_ANSWERS, flat
from intake.flow import QuestionFlow

SCRIPT = '<script>alert("csphub")</script>'
SQL = "'; DROP TABLE core_case; --"
FIXED_HOSTILE_TEXT = [
    SCRIPT,
    '"><img src=x onerror=alert(1)>',
    SQL,
    "1 OR 1=1; SELECT * FROM partnership_user WHERE email LIKE '%'",
    "a\x00b",
    "\x00",
    "\x01\x02\x07\x08\x0b\x0c\x1b\x1f\x7f text",
    "\u202egnp.exe",  # right-to-left override
    "\u200f\u200e\u2066mixed\u2069",
    "👩‍👩‍👧‍👦🏳️‍🌈",
    "e" + "\u0301" * 40,  # one letter under a pile of combining marks
    "Z̸̢̛̯a̵̻͆l̴̙̈́g̶͕̕o̸̲͐",
    "\ufeffbyte order mark",
    "line one\r\nline two\rline three\n",
    "   spaces around   ",
    "\u2028\u2029\x85",
    "{{ settings.SECRET_KEY }} {% debug %}",
]
# Sent percent-encoded in an application/x-www-form-urlencoded body: invalid UTF-8 in every common shape.
INVALID_UTF8 = [b"\xff\xfe", b"\xc0\xaf", b"\xed\xa0\x80", b"abc\x80def", b"\xf4\x90\x80\x80", b"\xe2\x82"]
ONE_MEGABYTE = 1024 * 1024

ERROR_SUMMARY = b"govuk-error-summary"


def hostile_values(max_length: int | None) -> st.SearchStrategy[str | bytes]:
    """Hostile text for one field: the fixed nasties, random unicode, binary and over-long text."""
    too_long = [ONE_MEGABYTE] + ([max_length * 10] if max_length else [])
    return st.one_of(
        st.sampled_from(FIXED_HOSTILE_TEXT),
        st.sampled_from(INVALID_UTF8),
        st.binary(min_size=1, max_size=40),
        st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80),
        st.lists(st.sampled_from(FIXED_HOSTILE_TEXT + ["ok", " ", "\t"]), min_size=2, max_size=5).map("".join),
        st.sampled_from(too_long).map(lambda n: "x" * n),
    )


def as_text(value: str | bytes) -> str:
    """The text Django hands the form for a value as sent."""
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else value


def form_body(data: dict[str, Any]) -> bytes:
    """An urlencoded body as a browser sends it; bytes values go in as they are (percent-encoded)."""
    pairs = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            raw = item if isinstance(item, bytes) else str(item).encode("utf-8")
            pairs.append(f"{urllib.parse.quote_plus(name)}={urllib.parse.quote_from_bytes(raw, safe='')}")
    return "&".join(pairs).encode("ascii")


def post(client: Client, url: str, data: dict[str, Any]) -> HttpResponse:
    return client.post(url, form_body(data), content_type="application/x-www-form-urlencoded")


# --- Counting rows: a refusal writes nothing ---------------------------------------------------------------

UNCOUNTED_TABLES = {"django_session"}  # the session keeps a flow's answers between pages, by design


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and model._meta.db_table not in UNCOUNTED_TABLES
    }


def stored_text(record: models.Model) -> list[str]:
    """Every text value of a record and of the rows pointing at it (one level), JSON fields included."""
    texts: list[str] = []
    rows = [record]
    for relation in record._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            accessor = relation.get_accessor_name()
            related = getattr(record, accessor, None)
            if related is None:
                continue
            rows.extend(related.all() if hasattr(related, "all") else [related])
    for row in rows:
        for model_field in row._meta.concrete_fields:
            value = getattr(row, model_field.attname)
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, dict | list):
                texts.append(json.dumps(value, ensure_ascii=False))
                texts.extend(str(v) for v in (value.values() if isinstance(value, dict) else value))
    return texts


def assert_refused(response: HttpResponse, before: dict[str, int] | None, where: str) -> None:
    assert response.status_code == 200, f"{where}: {response.status_code}"
    assert ERROR_SUMMARY in response.content, f"{where}: refused without an error summary"
    if before is not None:
        after = row_counts()
        changed = {label: (before[label], after[label]) for label in before if before[label] != after[label]}
        assert not changed, f"{where}: refused but rows were written: {changed}"


def assert_escaped_on_page(page: HttpResponse, text: str, where: str) -> None:
    assert page.status_code == 200, f"{where}: staff page {page.status_code}"
    if "<" in text:
        assert text.encode() not in page.content, f"{where}: stored markup rendered raw on the staff page"
    assert b"<script>alert" not in page.content, where


# --- The world the forms run in --------------------------------------------------------------------------


@dataclass
class PublicWorld:
    world: World
    da: DaWorld
    report_reference: str
    report_secret: str


@pytest.fixture
def public_world(world: World, da: DaWorld, settings) -> PublicWorld:  # noqa: ANN001, F811
    settings.PUBLIC_RATE_LIMIT = 1_000_000  # hypothesis sends many reports from one client on purpose
    settings.VAWG_REPORTS_EMAIL = "vawg.lead@council.test"
    report, secret = do_submit_report(flat(NAMED_ANSWERS))
    return PublicWorld(world, da, report.reference, secret)


# --- Question flows ----------------------------------------------------------------------------------


def _days_ago(days: int) -> str:
    return (timezone.localdate() - timedelta(days=days)).isoformat()


def _asb_reports() -> dict[str, str]:
    rows = [(60, 59, "Council", "C1"), (40, 40, "Police", "P7"), (20, 18, "Landlord", "")]
    data = {}
    for n, (behaviour, complained, agency, reference) in enumerate(rows, start=1):
        data.update(
            {
                f"c{n}_behaviour_on": _days_ago(behaviour),
                f"c{n}_complained_on": _days_ago(complained),
                f"c{n}_agency_name": agency,
                f"c{n}_agency_reference": reference,
            }
        )
    return data


def flow_paths(pw: PublicWorld) -> dict[str, list[dict[str, dict[str, Any]]]]:
    """Valid answers for each flow, as paths through its questions; together they reach every question."""
    hate_named = {**NAMED_ANSWERS, "when": {"occurred_on": _days_ago(3), "occurred_time": "about 9pm"}}
    hate_online_phone = {
        **hate_named,
        "where": {"location_kind": "online"},
        "where-online": {"platform": "A chat group"},
        "contact": {"contact_preference": "phone"},
        "your-phone": {"phone": "07700 900982", "safe_to_leave_message": "no"},
    }
    del hate_online_phone["where-place"], hate_online_phone["your-email"]
    asb_victim = {
        "who": {"applicant_is_victim": "yes"},
        "about-you": {
            "applicant_name": "Pat Applicant",
            "applicant_email": "pat@example.test",
            "applicant_phone": "07700 900123",
        },
        "where": {"address": "12 High Street", "postcode": "CA1 1AA"},
        "behaviour": {"behaviour": "Loud music and shouting every night", "hate_motivated": "no"},
        "reports": _asb_reports(),
        "impact": {"impact": "I cannot sleep", "vulnerable": "no"},
    }
    asb_on_behalf = {
        "who": {"applicant_is_victim": "no"},
        "victim": {"victim_name": "Vic Tim", "victim_consent": "on"},
        **{k: v for k, v in asb_victim.items() if k != "who"},
    }
    service = SupportService.objects.get(slug="idva-service")
    self_referral = {
        "service": {"service": str(service.pk)},
        "name": {"name": "Ash"},
        "contact": {"contact_method": "phone", "contact_detail": "07700 900982"},
        "safety": {"safe_times": "Weekdays after 10am", "leave_message": "no"},
        "message": {"message": "Please ring first"},
    }
    unsafe_place = {
        "where": {"place_text": "Botchergate, Carlisle"},
        "when": {"happened_on": _days_ago(1), "time_of_day": "night"},
        "what": {"reasons": ["poor_lighting", "followed"]},
        "more": {"details": "Dark underpass by the station"},
    }
    return {
        "hate_crime:report": [hate_named, hate_online_phone],
        "asb:apply": [asb_victim, asb_on_behalf],
        "domestic_abuse:self_referral": [self_referral],
        "vawg:unsafe_place": [unsafe_place],
    }


@dataclass(frozen=True)
class StaffView:
    """Where staff read what a flow stored: the persona, and the page for the newest record."""

    persona: str
    url: Callable[[models.Model], str]
    # A detail page shows every answer; a list page shows some, so only "not raw" can be checked there.
    shows_every_answer: bool = True


FLOW_RECORDS: dict[str, tuple[str, StaffView]] = {
    "hate_crime:report": (
        "hate_crime.HateReport",
        StaffView("coordinator", lambda r: reverse("hate_crime:report_detail", args=[r.public_id])),
    ),
    "asb:apply": (
        "asb.CaseReviewApplication",
        StaffView("coordinator", lambda r: reverse("asb:review_detail", args=[r.public_id])),
    ),
    "domestic_abuse:self_referral": (
        "domestic_abuse.SelfReferral",
        StaffView("idva", lambda r: reverse("domestic_abuse:self_referrals"), shows_every_answer=False),
    ),
    "vawg:unsafe_place": (
        "vawg.UnsafePlaceReport",
        StaffView("coordinator", lambda r: reverse("vawg:unsafe_places"), shows_every_answer=False),
    ),
}


def public_flows() -> dict[str, QuestionFlow]:
    """Every question flow reachable from the URLconf, by its name."""
    found: dict[str, QuestionFlow] = {}
    for _name, callback in public_views():
        flow = getattr(getattr(callback, "__wrapped__", None), "__self__", None)
        if isinstance(flow, QuestionFlow):
            found[flow.name] = flow
    return found


def walk_flow(client: Client, flow: QuestionFlow, path: dict[str, dict], slug: str, data: dict) -> HttpResponse:
    """Answer the hostile question first (as a browser may, from "change"), then the rest, then send."""
    first = post(client, reverse(f"{flow.name}:question", args=[slug]), data)
    if first.status_code != 302:
        return first
    for other_slug, answers in path.items():
        if other_slug != slug:
            response = post(client, reverse(f"{flow.name}:question", args=[other_slug]), answers)
            assert response.status_code == 302, (other_slug, response.content[:1500])
    check = client.get(reverse(f"{flow.name}:check"))
    assert check.status_code == 200, check.status_code
    return client.post(reverse(f"{flow.name}:check"), {"token": check.context["token"]})


def flow_fields(flow: QuestionFlow, paths: list[dict]) -> list[tuple[int, str, str, forms.Field]]:
    """(path number, question slug, field name, field) for every field of every question on a path."""
    chosen = []
    for number, path in enumerate(paths):
        for question in flow.questions:
            if question.slug in path and not any(q == question.slug for _n, q, _f, _x in chosen):
                for name, form_field in question.form_class().fields.items():
                    chosen.append((number, question.slug, name, form_field))
    return chosen


FLOW_NAMES = sorted(FLOW_RECORDS)


@pytest.mark.parametrize("flow_name", FLOW_NAMES)
def test_hostile_answers_to_a_public_flow(flow_name: str, public_world: PublicWorld) -> None:
    flow = public_flows()[flow_name]
    paths = flow_paths(public_world)[flow_name]
    fields = flow_fields(flow, paths)
    model_label, staff = FLOW_RECORDS[flow_name]
    model = apps.get_model(model_label)
    staff_client = signed_in_client(public_world.world.users_by_persona()[staff.persona])
    first_text = next(f for f in fields if type(f[3]) is forms.CharField)

    @hypothesis_settings(
        max_examples=12,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(choice=st.sampled_from(fields), data=st.data())
    @example(choice=first_text, data=None)
    def send_hostile(choice: tuple, data: st.DataObject | None) -> None:
        number, slug, name, form_field = choice
        value = SCRIPT if data is None else data.draw(hostile_values(getattr(form_field, "max_length", None)))
        answers = {**paths[number][slug], name: value}
        where = f"{flow_name} {slug}.{name}={as_text(value)[:60]!r}"
        before = row_counts()
        count = model.objects.count()
        response = walk_flow(Client(), flow, paths[number], slug, answers)
        assert response.status_code < 500, where
        if response.status_code == 200:
            assert_refused(response, before, where)
            return
        assert response.status_code == 302 and response["Location"] == reverse(f"{flow_name}:done"), where
        assert model.objects.count() == count + 1, where
        record = model.objects.order_by("-pk").first()
        question = next(q for q in flow.questions if q.slug == slug)
        bound = question.form_class({k: as_text(v) if not isinstance(v, list) else v for k, v in answers.items()})
        assert bound.is_valid(), where
        cleaned = bound.cleaned_data[name]
        if type(form_field) is forms.CharField and f"clean_{name}" not in vars(question.form_class):
            assert cleaned == as_text(value).strip(), where  # the documented normalisation: strip only
        if isinstance(cleaned, str) and cleaned:
            assert any(cleaned in text for text in stored_text(record)), f"{where}: not stored as sent"
            page = staff_client.get(staff.url(record))
            assert_escaped_on_page(page, cleaned, where)
            if data is None and staff.shows_every_answer:
                assert escape(SCRIPT).encode() in page.content, f"{where}: the script is not shown as text"

    send_hostile()


# --- Single-page public forms -------------------------------------------------------------------------


@dataclass(frozen=True)
class SinglePageForm:
    """A public form on one page: its URL, valid data, the fields to attack, what a stored value becomes."""

    url: Callable[[PublicWorld], str]
    data: Callable[[PublicWorld], dict[str, Any]]
    fields: tuple[str, ...]
    # Whether a refusal writes nothing. Sign-in counts failed attempts for the lockout, on purpose.
    refusal_writes_nothing: bool = True
    # For a form that stores text: the newest stored value and where staff read it.
    stored: Callable[[PublicWorld], str] | None = None
    staff: StaffView | None = None
    accepted_status: tuple[int, ...] = (302,)
    max_lengths: dict[str, int] = field(default_factory=dict)


def _reset_url(pw: PublicWorld) -> str:
    user = pw.world.practitioner_a
    client_url = reverse(
        "partnership:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return client_url


def _latest_reporter_update(pw: PublicWorld) -> str:
    from hate_crime.models import HateReport

    report = HateReport.objects.get(reference=pw.report_reference)
    return report.updates.order_by("-pk").first().text


def _hate_report_page(record: Any) -> str:
    from hate_crime.models import HateReport

    return reverse("hate_crime:report_detail", args=[HateReport.objects.order_by("-pk").first().public_id])


SINGLE_PAGE_FORMS: dict[str, SinglePageForm] = {
    "partnership:sign_in": SinglePageForm(
        url=lambda pw: reverse("partnership:sign_in"),
        data=lambda pw: {"email": pw.world.practitioner_a.email, "password": "not the password"},
        fields=("email", "password"),
        refusal_writes_nothing=False,
        max_lengths={"email": 254},
    ),
    "partnership:password_reset": SinglePageForm(
        url=lambda pw: reverse("partnership:password_reset"),
        data=lambda pw: {"email": "nobody@example.test"},
        fields=("email",),
        max_lengths={"email": 254},
    ),
    # The link from the email redirects once to a set-password page in the session; the form is there.
    "partnership:password_reset_confirm": SinglePageForm(
        url=_reset_url,
        data=lambda pw: {"new_password1": "Tr1cky!pass phrase", "new_password2": "x"},
        fields=("new_password1", "new_password2"),
    ),
    "intake:status_lookup": SinglePageForm(
        url=lambda pw: reverse("intake:status_lookup"),
        data=lambda pw: {"reference": pw.report_reference, "secret": "WRONG-CODE"},
        fields=("reference", "secret", "website"),
        accepted_status=(200,),
    ),
    "hate_crime:add_information": SinglePageForm(
        url=lambda pw: reverse("hate_crime:add_information"),
        data=lambda pw: {"reference": pw.report_reference, "secret": pw.report_secret, "information": "More"},
        fields=("reference", "secret", "information"),
        accepted_status=(200,),
        stored=_latest_reporter_update,
        staff=StaffView("coordinator", _hate_report_page),
    ),
    "hate_crime:feedback": SinglePageForm(
        url=lambda pw: reverse("hate_crime:feedback"),
        data=lambda pw: {"ease": "4", "confidence": "4"},
        fields=("ease", "confidence"),
    ),
    # A school's key adult acknowledges a notification from a link with a random id: no text fields, but the
    # body is still hostile.
    "domestic_abuse:encompass_acknowledge": SinglePageForm(
        url=lambda pw: reverse("domestic_abuse:encompass_acknowledge", args=[pw.da.notification.public_id]),
        data=lambda pw: {},
        fields=("anything",),
        accepted_status=(200,),
    ),
    "partnership:sign_out": SinglePageForm(
        url=lambda pw: reverse("partnership:sign_out"), data=lambda pw: {}, fields=("anything",)
    ),
}


def open_form(client: Client, spec: SinglePageForm, pw: PublicWorld) -> str:
    """The URL the form posts to, after following the link as a browser does (the reset link redirects)."""
    url = spec.url(pw)
    response = client.get(url)
    if response.status_code == 302:
        return response["Location"]
    return url


@pytest.mark.parametrize("name", sorted(SINGLE_PAGE_FORMS))
def test_hostile_input_to_a_single_page_public_form(name: str, public_world: PublicWorld) -> None:
    spec = SINGLE_PAGE_FORMS[name]

    @hypothesis_settings(
        max_examples=10,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(field_name=st.sampled_from(spec.fields), data=st.data())
    @example(field_name=spec.fields[-1], data=None)
    def send_hostile(field_name: str, data: st.DataObject | None) -> None:
        value = SCRIPT if data is None else data.draw(hostile_values(spec.max_lengths.get(field_name, 32)))
        client = Client()
        url = open_form(client, spec, public_world)
        where = f"{name} {field_name}={as_text(value)[:60]!r}"
        before = row_counts() if spec.refusal_writes_nothing else None
        response = post(client, url, {**spec.data(public_world), field_name: value})
        assert response.status_code < 500, where
        if response.status_code == 200 and ERROR_SUMMARY in response.content:
            assert_refused(response, before, where)
            return
        assert response.status_code in spec.accepted_status, f"{where}: {response.status_code}"
        if spec.stored is not None and field_name == "information":
            stored = spec.stored(public_world)
            assert stored == as_text(value).strip(), f"{where}: stored {stored[:60]!r}"
            page = signed_in_client(public_world.world.users_by_persona()[spec.staff.persona]).get(spec.staff.url(None))
            assert_escaped_on_page(page, stored, where)

    send_hostile()


# --- Discovery: every public form is here ----------------------------------------------------------------

# Public pages that do not restrict their methods but are not forms: a POST is answered like a GET.
PAGES_THAT_IGNORE_POST = {
    "domestic_abuse:find_support",
    "domestic_abuse:service_detail",
    "asb:review_statistics",
    "asb:review_statistics_csv",
    "hate_crime:start",
    "hate_crime:feedback_thanks",
    "partnership:password_reset_sent",
    "partnership:password_reset_complete",
}
# Flow pages other than the questions and "check your answers" redirect or show the confirmation.
FLOW_PAGES_NOT_FORMS = ("start", "done")
# The partner API takes JSON, not forms: tested with schemathesis in core/tests/test_api_schemathesis.py.
API_PREFIX = "api-v1:"


def public_views() -> list[tuple[str, Callable]]:
    found: list[tuple[str, Callable]] = []

    def walk(patterns: list, namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "csphub_public", False):
                found.append((f"{namespace}{pattern.name}", pattern.callback))

    walk(get_resolver().url_patterns)
    return found


def _sample_url(name: str, pw: PublicWorld) -> str:
    if name in SINGLE_PAGE_FORMS:
        return SINGLE_PAGE_FORMS[name].url(pw)
    if name.endswith(":question"):
        return reverse(name, args=["anything"])
    if name == "domestic_abuse:service_detail":
        return reverse(name, args=["idva-service"])
    return reverse(name)


@pytest.mark.parametrize("flow_name", FLOW_NAMES)
def test_every_valid_path_is_accepted(flow_name: str, public_world: PublicWorld) -> None:
    """The valid answers the hostile tests start from are valid: each path ends in a stored record."""
    flow = public_flows()[flow_name]
    model = apps.get_model(FLOW_RECORDS[flow_name][0])
    for path in flow_paths(public_world)[flow_name]:
        count = model.objects.count()
        slug = next(iter(path))
        response = walk_flow(Client(), flow, path, slug, path[slug])
        assert response.status_code == 302 and model.objects.count() == count + 1, flow_name


def test_every_public_form_is_covered(public_world: PublicWorld) -> None:
    flows = public_flows()
    uncovered = []
    for name, _callback in public_views():
        if name.startswith(API_PREFIX) or name in SINGLE_PAGE_FORMS or name in PAGES_THAT_IGNORE_POST:
            continue
        flow_name, _sep, page = name.rpartition(":")
        if flow_name in flows:
            if flow_name not in FLOW_RECORDS:
                uncovered.append(name)
            continue
        response = Client().post(_sample_url(name, public_world), {"anything": SCRIPT})
        if response.status_code != 405:
            uncovered.append(name)
    assert not uncovered, f"Public views that take POST and are not described here: {sorted(uncovered)}"
    for flow_name in FLOW_RECORDS:
        flow = flows[flow_name]
        reached = set().union(*(path.keys() for path in flow_paths(public_world)[flow_name]))
        missing = [q.slug for q in flow.questions if q.slug not in reached]
        assert not missing, f"{flow_name}: give a valid path through {missing}"


@pytest.mark.parametrize(
    "name", sorted(PAGES_THAT_IGNORE_POST) + [f"{f}:{p}" for f in FLOW_NAMES for p in FLOW_PAGES_NOT_FORMS]
)
def test_pages_that_are_not_forms_shrug_off_a_hostile_post(name: str, public_world: PublicWorld) -> None:
    before = row_counts()
    body = form_body({"x": SCRIPT, "y": "a\x00b", "z": b"\xff\xfe"}) + b"&raw=\xff\xc0\x00"
    response = Client().post(_sample_url(name, public_world), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code < 500 and b"<script>alert" not in response.content, name
    assert row_counts() == before, name


@pytest.mark.parametrize("name", sorted(SINGLE_PAGE_FORMS) + [f"{f}:question" for f in FLOW_NAMES])
def test_raw_invalid_utf8_body_and_a_stray_file_never_break_a_form(name: str, public_world: PublicWorld) -> None:
    """Invalid UTF-8 straight in the body (not percent-encoded), and a binary file no public form expects."""
    url = _sample_url(name, public_world).replace("/anything/", "/")
    if name.endswith(":question"):
        flow = public_flows()[name.rpartition(":")[0]]
        url = reverse(name, args=[flow.questions[0].slug])
    client = Client()
    raw = client.post(
        url,
        b"reference=\xff\xfe&secret=\xc0\xaf&name=\xed\xa0\x80&email=a\x80@b",
        content_type="application/x-www-form-urlencoded",
    )
    assert raw.status_code < 500, (name, raw.status_code)
    upload = SimpleUploadedFile("report.pdf.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", "application/pdf")
    multipart = client.post(url, {"file": upload, "attachment": upload, "website": ""})
    assert multipart.status_code < 500, (name, multipart.status_code)


def test_encompass_notification_and_service_exist(public_world: PublicWorld) -> None:
    """The world the forms run in has what their valid answers refer to (a guard against a silent skip)."""
    assert EncompassNotification.objects.filter(pk=public_world.da.notification.pk).exists()
    assert SupportService.objects.filter(slug="idva-service", accepts_self_referral=True).exists()
