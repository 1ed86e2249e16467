"""The cross-agency access probe: an object you may not see answers exactly like one that does not exist.

Every staff URL pattern with a converter argument (a case reference, a record's id, a number) is found from
the URLconf. For each, a real URL is built with the objects each app's own access test builds (the shared
``world``: cases led by the council, a MARAC case, DHR and Channel reviews, a case with the ``restricted``
flag), and a twin URL whose record arguments do not exist. Then, as every probing persona, GET and POST
both: where the persona may not see the object, the status AND the page (with the path, CSRF tokens and
similar per-request values normalised) must be the same, so nothing tells a record that exists from one
that does not. Anonymous visitors get the same sign-in redirect for both.

A persona may legitimately see some objects (a coordinator sees every hate report; a board member reads
the board report); those pairs are listed in ``MAY_SEE`` with the reason, and the probe checks only that
the persona indeed gets a page for them. A new object URL fails ``test_every_object_url_is_probed`` until
a builder below knows how to make it.
"""

import re
import uuid
from collections.abc import Callable

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from access.policy import actor_for_user
from asb.tests.conftest import asb_objects  # noqa: F401 - fixtures the builders use
from asb.tests.test_access_by_role import _url as asb_url
from conftest import World, make_user, signed_in_client
from domestic_abuse.tests.fixtures import da  # noqa: F401
from domestic_abuse.tests.test_access_by_role import url_for as da_url
from hate_crime.tests.test_access_by_role import _url as hate_url
from hate_crime.tests.test_access_by_role import reports  # noqa: F401
from partnership.models import Role
from retention.tests.test_access_by_role import hold  # noqa: F401
from retention.tests.test_access_by_role import url_for as retention_url
from reviews.tests.conftest import records  # noqa: F401
from reviews.tests.test_access_by_role import url_for as reviews_url
from rights.tests.test_access_by_role import url_for as rights_url
from strategy.tests.test_access_by_role import strategy  # noqa: F401
from strategy.tests.test_access_by_role import url_for as strategy_url
from tension.tests.conftest import tension  # noqa: F401
from tension.tests.test_access_by_role import EXPECTED as TENSION_URLS
from tension.tests.test_access_by_role import url_for as tension_url
from vawg.tests.test_access_by_role import make_venue

# Who probes: anonymous, a practitioner of another agency, a coordinator of another agency without break
# glass, a practitioner of an agency on no team, analyst, board member, administrator, reporting centre, and
# a practitioner of the lead agency without the MARAC/DHR/Channel panel seat (for the restricted records).
PROBING_PERSONAS = [
    "anonymous",
    "practitioner_b",
    "police_coordinator",
    "outsider",
    "analyst",
    "board",
    "administrator",
    "centre_staff",
    "practitioner_a",
]

# URL arguments that choose a page of a record rather than name a record: kept as they are in the twin URL.
PAGE_SELECTORS = {"step", "what", "quarter", "priority", "code", "slug"}


def object_url_names() -> set[str]:
    """Every named staff URL with a converter argument (the admin site and the key-authenticated API aside)."""
    names: set[str] = set()

    def walk(patterns: list, namespace: str = "", has_args: bool = False) -> None:
        for pattern in patterns:
            args = has_args or bool(pattern.pattern.converters)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace, args)
            elif isinstance(pattern, URLPattern) and pattern.name and args:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return {n for n in names if not n.startswith(("admin:", "api-v1:"))}


# Public URLs with an argument, exempt from the probe because they are public by design:
PUBLIC_OBJECT_URLS = {
    # A question page of a public flow: the argument is the question, not a record.
    "hate_crime:report:question",
    "asb:apply:question",
    "domestic_abuse:self_referral:question",
    "vawg:unsafe_place:question",
    # The public support directory: services are published.
    "domestic_abuse:service_detail",
    # A school acknowledges an Operation Encompass notification from the link it was emailed; the random
    # UUID is the secret, and an unknown one is 404 for everyone.
    "domestic_abuse:encompass_acknowledge",
    # Django's reset link: an invalid token shows the same "link not valid" page whatever the user id.
    "partnership:password_reset_confirm",
}


def core_url(name: str, request: pytest.FixtureRequest) -> str:
    from access.tests.test_every_url_by_role import RULES
    from access.tests.test_every_url_by_role import url_for as core_url_for

    objects = request.getfixturevalue("core_objects")
    return core_url_for(name, RULES[name], request.getfixturevalue("world"), objects)


def _builders() -> dict[str, Callable[[str, pytest.FixtureRequest], str]]:
    return {
        "core:": core_url,
        "asb:": lambda n, r: asb_url(n, r.getfixturevalue("world"), r.getfixturevalue("asb_objects")),
        "domestic_abuse:": lambda n, r: da_url(n, r.getfixturevalue("da")),
        "hate_crime:": lambda n, r: hate_url(n, r.getfixturevalue("reports")),
        "reviews:": lambda n, r: reviews_url(n, r.getfixturevalue("records")),
        "strategy:": lambda n, r: strategy_url(n, r.getfixturevalue("strategy")),
        "tension:": lambda n, r: tension_url(n, TENSION_URLS[n][0], r.getfixturevalue("tension")),
        "vawg:": lambda n, r: reverse(n, args=[r.getfixturevalue("venue").public_id]),
        "access:": lambda n, r: reverse(n, args=[r.getfixturevalue("agreement").public_id]),
        "retention:": lambda n, r: retention_url(n, r.getfixturevalue("hold")),
        "rights:": lambda n, r: rights_url(n, r.getfixturevalue("rights_records")),
    }


def builder_for(name: str) -> Callable[[str, pytest.FixtureRequest], str] | None:
    return next((b for prefix, b in _builders().items() if name.startswith(prefix)), None)


@pytest.fixture
def agreement(world: World):  # noqa: ANN201
    from access.models import SharingAgreement

    return SharingAgreement.objects.get(reference="ISA-WORLD")


@pytest.fixture
def rights_records(world: World) -> dict:
    """The records rights/tests/test_access_by_role.py builds (its fixture's name is taken by reviews')."""
    from datetime import date

    from rights import actions

    acting = actor_for_user(world.coordinator)
    person = world.case_a.participants.get().person
    on = date(2026, 1, 5)
    sar = actions.do_record_subject_access_request(person=person, received_on=on, acting=acting)
    rect = actions.do_record_rectification_request(
        person=person,
        received_on=on,
        field="postcode",
        what_is_wrong="Old postcode",
        corrected_value="CA1 2BB",
        acting=acting,
    )
    erasure = actions.do_record_erasure_request(person=person, received_on=on, grounds="Moved away", acting=acting)
    return {"person": person, "sar": sar, "rect": rect, "erasure": erasure}


@pytest.fixture
def venue(world: World):  # noqa: ANN201
    return make_venue()


@pytest.fixture
def core_objects(world: World) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.actions import do_add_action, do_attach_file

    acting = actor_for_user(world.practitioner_a)
    action = do_add_action(
        case=world.case_a, acting=acting, title="Visit", owner_agency=world.council, due_on="2026-01-10"
    )
    attachment = do_attach_file(
        case=world.case_a, upload=SimpleUploadedFile("n.txt", b"notes", "text/plain"), description="", acting=acting
    )
    return {"action": action, "attachment": attachment, "person": world.case_a.participants.first().person}


def twin_url(real_url: str) -> str:
    """The same URL with every record argument replaced by one that does not exist."""
    match = resolve(real_url)
    kwargs = dict(match.kwargs)
    for key, value in kwargs.items():
        if key in PAGE_SELECTORS:
            continue
        if isinstance(value, uuid.UUID) or re.fullmatch(r"[0-9a-f-]{36}", str(value)):
            kwargs[key] = uuid.UUID("00000000-0000-4000-8000-000000000000")
        elif isinstance(value, int):
            kwargs[key] = 987654321
        else:
            kwargs[key] = re.sub(r"\d", "9", str(value)) if re.search(r"\d", str(value)) else "no-such-record"
    return reverse(match.view_name, kwargs=kwargs)


NORMALISE = [
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"'), b'name="csrfmiddlewaretoken" value=""'),
    (re.compile(rb'nonce="[^"]+"'), b'nonce=""'),
]


def page(response, url: str) -> tuple[int, str, bytes]:  # noqa: ANN001
    """Status, where it redirects and the body, with the URL asked for and per-request tokens taken out."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = content.replace(url.encode(), b"<url>")
    for pattern, replacement in NORMALISE:
        body = pattern.sub(replacement, body)
    location = response.get("Location", "").replace(url, "<url>")
    from urllib.parse import quote

    location = location.replace(quote(url), "<url>")
    return response.status_code, location, body


def object_key(url: str) -> str:
    """The record a URL is about: its first argument (a case reference, a record's id)."""
    kwargs = resolve(url).kwargs
    first = next((v for k, v in kwargs.items() if k not in PAGE_SELECTORS), None)
    return str(first)


@pytest.fixture
def police_coordinator(world: World):  # noqa: ANN201
    return make_user("coordinator@police.test", world.police, Role.COORDINATOR)


def test_every_object_url_is_probed() -> None:
    names = object_url_names() - PUBLIC_OBJECT_URLS
    missing = sorted(n for n in names if builder_for(n) is None)
    assert not missing, f"Give these object URLs a builder in the access probe: {missing}"


@pytest.mark.parametrize("persona", PROBING_PERSONAS)
def test_objects_you_may_not_see_answer_like_objects_that_do_not_exist(
    persona: str,
    world: World,
    police_coordinator,
    request: pytest.FixtureRequest,  # noqa: ANN001
) -> None:
    users = {**world.users_by_persona(), "police_coordinator": police_coordinator}
    client = signed_in_client(users[persona])
    answers: dict[str, list] = {}
    seen_objects: set[str] = set()
    for name in sorted(object_url_names() - PUBLIC_OBJECT_URLS):
        builder = builder_for(name)
        if builder is None:
            continue
        real = builder(name, request)
        twin = twin_url(real)
        if twin == real:
            continue  # nothing in it names a record (a quarter of the board report)
        for method in ("get", "post"):
            seen = page(getattr(client, method)(real), real)
            unseen = page(getattr(client, method)(twin), twin)
            answers.setdefault(object_key(real), []).append((f"{method.upper()} {name}", seen, unseen))
            if method == "get" and seen[0] == 200:
                seen_objects.add(object_key(real))
    # A record the persona reads somewhere (a 200 on any of its pages) is one the policy lets them see: the
    # apps' own tests/test_access_by_role.py check that against access.policy.can. For every other record,
    # every page, GET and POST, must answer exactly as for a record that does not exist.
    leaks = [
        f"{where}: {seen[0]} {seen[1]} vs {unseen[0]} {unseen[1]}"
        + ("" if seen[:2] != unseen[:2] else " (same status, different page)")
        for key, pages in answers.items()
        if key not in seen_objects
        for where, seen, unseen in pages
        if seen != unseen
    ]
    assert not leaks, f"{persona} can tell these records exist:\n" + "\n".join(leaks)
