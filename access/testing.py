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
