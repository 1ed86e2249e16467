"""Helpers for the URL-by-role access tests that every app writes (see docs/architecture.md)."""

import importlib

from django.apps import apps
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver

PERSONAS = ["anonymous", "practitioner_a", "practitioner_b", "outsider", "idva", "coordinator", "analyst", "board",
            "administrator", "centre_staff"]


def all_url_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns, namespace: str = "") -> None:  # noqa: ANN001
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return names


def url_names_tested_by_apps() -> set[str]:
    """Domain apps walk their own URLs by role in ``<app>/tests/test_access_by_role.py`` and list them in
    its ``URL_NAMES_TESTED``."""
    names: set[str] = set()
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.tests.test_access_by_role")
        except ModuleNotFoundError:
            continue
        names |= set(module.URL_NAMES_TESTED)
    return names


def assert_answer(response: HttpResponse, *, signed_in: bool, allowed: bool, visible: bool = False,
                  on_object: bool = False, where: str = "") -> None:
    """The one shape of an access answer: sign in first; allowed → 200; an object you may not see → 404
    (the same as one that does not exist); one you may see but not change → 403; a page for another
    role → 403."""
    status = response.status_code
    if not signed_in and not allowed:
        assert status == 302 and "/sign-in/" in response["Location"], f"{where}: {status}"
    elif allowed:
        assert status == 200, f"{where}: {status}"
    elif on_object and not visible:
        assert status == 404, f"{where}: {status}"
    else:
        assert status == 403, f"{where}: {status}"


def make_sharing_agreement(*agencies, purposes=("case_team",), reference: str = "", starts_on=None,  # noqa: ANN001, ANN002
                           review_on=None, ends_on=None, title: str = "Test information sharing agreement"):  # noqa: ANN201
    """An information sharing agreement the given agencies have signed (the first owns it), in force today for
    ``purposes`` unless other dates are given. Tests that add agencies to teams or route data need one."""
    from datetime import timedelta

    from django.utils import timezone

    from access.models import LawfulBasis, SharingAgreement

    today = timezone.localdate()
    agreement = SharingAgreement.objects.create(
        title=title, reference=reference or f"ISA-TEST-{SharingAgreement.objects.count() + 1}",
        owner_agency=agencies[0], purposes=list(purposes),
        lawful_bases=[LawfulBasis.PREVENT_CRIME, LawfulBasis.SAFEGUARDING],
        legal_conditions="UK GDPR Art 6(1)(e); Art 9(2)(g) with DPA 2018 Sch 1 para 18",
        data_shared="Names, contact details, risk assessments and incident history",
        starts_on=starts_on or today - timedelta(days=365), review_on=review_on or today + timedelta(days=365),
        ends_on=ends_on,
    )
    agreement.parties.set(agencies)
    return agreement
