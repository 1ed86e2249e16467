"""The GOV.UK component tags render accessible, state-keeping markup from plain Django forms."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory
from django.urls import include, path

from csphub.context_processors import nav_items, service


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse()


# A stand-in URLconf, so navigation is tested without the real apps' URLs.
# "core:search" and "core:figures" are missing on purpose.
_core_patterns = ([path("", _page, name="dashboard"), path("cases/", _page, name="case_list")], "core")
urlpatterns = [path("staff/", include(_core_patterns))]


class ReportForm(forms.Form):
    where = forms.CharField(label="Where did it happen?", help_text="For example, a street or a park")
    when = forms.DateField(label="When did it happen?", widget=forms.DateInput, required=False)
    kind = forms.ChoiceField(
        label="What happened?",
        choices=[("", "---------"), ("verbal", "Verbal abuse"), ("damage", "Damage to property")],
        widget=forms.RadioSelect,
    )
    details = forms.CharField(label="Tell us more", widget=forms.Textarea, required=False)
    contact = forms.BooleanField(label="You can contact me", required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("where") == "nowhere":
            raise forms.ValidationError("Tell us a real place")
        return cleaned


def render(source: str, **context: Any) -> str:
    return Template("{% load govuk %}" + source).render(Context(context))


def squash(html: str) -> str:
    return re.sub(r"\s+", " ", html)


def test_error_summary_links_each_error_to_its_field() -> None:
    form = ReportForm(data={"where": "", "kind": ""})

    html = render("{% govuk_error_summary form %}", form=form)

    assert 'data-module="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert '<a href="#id_where">This field is required.</a>' in html
    assert '<a href="#id_kind">This field is required.</a>' in html


def test_error_summary_lists_errors_of_several_forms_and_non_field_errors() -> None:
    first = ReportForm(data={"where": "nowhere", "kind": "verbal"})
    second = ReportForm(data={"where": "Park Road", "kind": "nonsense"}, prefix="second")

    html = render("{% govuk_error_summary forms %}", forms=[first, second])

    assert "<li>Tell us a real place</li>" in squash(html)
    assert 'href="#id_second-kind"' in html


def test_error_summary_renders_nothing_without_errors() -> None:
    form = ReportForm(data={"where": "Park Road", "kind": "verbal"})

    assert render("{% govuk_error_summary form %}", form=form) == ""


def test_input_keeps_the_submitted_value_and_shows_the_error() -> None:
    form = ReportForm(data={"where": "x" * 3, "when": "not a date", "kind": ""})

    html = squash(render("{% govuk_field form.when classes='govuk-input--width-10' %}", form=form))

    assert 'type="date"' in html
    assert 'value="not a date"' in html
    assert "govuk-form-group--error" in html
    assert "govuk-input govuk-input--error govuk-input--width-10" in html
    assert '<p id="id_when-error" class="govuk-error-message">' in html
    assert "Enter a valid date." in html
    assert 'aria-describedby="id_when-error"' in html


def test_input_describes_itself_with_its_hint() -> None:
    form = ReportForm()

    html = render("{% govuk_field form.where heading=True autocomplete='street-address' %}", form=form)

    assert '<h1 class="govuk-label-wrapper"><label class="govuk-label govuk-label--l" for="id_where">' in html
    assert '<div id="id_where-hint" class="govuk-hint">For example, a street or a park</div>' in html
    assert 'aria-describedby="id_where-hint"' in html
    assert 'autocomplete="street-address"' in html
    # GOV.UK forms validate on the server and explain errors there, not with the browser's bubbles.
    assert "required" not in html


def test_date_input_shows_a_date_in_iso_form_whatever_the_locale() -> None:
    form = ReportForm(initial={"when": datetime.date(2026, 3, 27)})

    assert 'value="2026-03-27"' in render("{% govuk_field form.when %}", form=form)


def test_radios_render_a_fieldset_with_legend_and_keep_the_choice() -> None:
    form = ReportForm(data={"where": "", "kind": "damage"})

    html = squash(render("{% govuk_field form.kind %}", form=form))

    assert '<fieldset class="govuk-fieldset">' in html
    assert '<legend class="govuk-fieldset__legend">What happened?</legend>' in html
    # The first radio carries the field's id so the error summary link lands on it.
    assert 'id="id_kind" name="kind" type="radio" value="verbal">' in html
    assert 'id="id_kind-2" name="kind" type="radio" value="damage" checked>' in html
    assert 'value=""' not in html  # The select-style blank choice is not an answer.


def test_textarea_and_single_checkbox_keep_what_was_submitted() -> None:
    form = ReportForm(data={"details": "It was loud", "contact": "true"})

    html = render("{% govuk_field form.details %}{% govuk_field form.contact %}", form=form)

    assert "It was loud</textarea>" in html
    assert 'type="checkbox" value="true" checked' in html


def test_button_guards_against_double_submission() -> None:
    html = render('{% govuk_button "Save" secondary=True %}')

    assert 'class="govuk-button govuk-button--secondary"' in html
    assert 'data-prevent-double-click="true"' in html


@pytest.mark.parametrize(
    ("risk", "css"),
    [
        ("high", "govuk-tag govuk-tag--red"),
        ("medium", "govuk-tag govuk-tag--orange"),
        ("standard", "govuk-tag govuk-tag--green"),
        ("not_assessed", "govuk-tag govuk-tag--grey"),
    ],
)
def test_risk_tags_use_the_agreed_colours(risk: str, css: str) -> None:
    assert render("{% risk_tag risk %}", risk=risk).startswith(f'<strong class="{css}">')


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("open", '<strong class="govuk-tag">Open</strong>'),
        ("on_hold", '<strong class="govuk-tag govuk-tag--yellow">On hold</strong>'),
        ("overdue", '<strong class="govuk-tag govuk-tag--red">Overdue</strong>'),
        ("done", '<strong class="govuk-tag govuk-tag--green">Done</strong>'),
    ],
)
def test_status_tags_use_the_agreed_colours_and_labels(status: str, expected: str) -> None:
    assert render("{% status_tag status %}", status=status) == expected
    assert render('{{ status|govuk_tag:"status" }}', status=status) == expected


def test_tag_shows_the_label_it_is_given() -> None:
    html = render('{% risk_tag "high" "High risk" %}')

    assert html == '<strong class="govuk-tag govuk-tag--red">High risk</strong>'


def test_pagination_keeps_other_query_parameters() -> None:
    request = RequestFactory().get("/staff/cases/", {"status": "open", "kind": "asb", "page": "2"})
    page = Paginator(list(range(100)), 10).page(2)

    html = render("{% govuk_pagination page request %}", page=page, request=request)

    assert 'href="?status=open&amp;kind=asb&amp;page=3" rel="next"' in html
    assert 'href="?status=open&amp;kind=asb&amp;page=1" rel="prev"' in html
    assert 'aria-current="page">2</a>' in html
    assert "govuk-pagination__item--ellipsis" in html


def test_pagination_renders_nothing_for_a_single_page() -> None:
    request = RequestFactory().get("/staff/cases/")
    page = Paginator([1, 2], 10).page(1)

    assert render("{% govuk_pagination page request %}", page=page, request=request) == ""


def staff_request(path: str, roles: set[str]) -> HttpRequest:
    request = RequestFactory().get(path)
    request.user = SimpleNamespace(is_authenticated=True)
    request.actor = SimpleNamespace(roles=roles)
    return request


def test_navigation_offers_the_sections_of_the_users_roles_that_exist(settings: Any) -> None:
    settings.ROOT_URLCONF = __name__

    items = nav_items(staff_request("/staff/cases/", {"practitioner"}))

    assert [(str(item["label"]), item["url"], item["active"]) for item in items] == [
        ("Dashboard", "/staff/", False),
        ("Cases", "/staff/cases/", True),
    ]


def test_navigation_is_empty_for_roles_without_sections_and_for_the_public(settings: Any) -> None:
    settings.ROOT_URLCONF = __name__
    public = RequestFactory().get("/")
    public.user = AnonymousUser()

    assert nav_items(staff_request("/staff/", {"analyst"})) == []
    assert nav_items(public) == []


def public_page(template_name: str) -> str:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return render_to_string(template_name, request=request)


def test_demo_mode_puts_a_warning_on_every_page(settings: Any) -> None:
    settings.DEMO = True

    for template_name in ("public/home.html", "404.html", "403.html", "400.html"):
        assert "Do not enter real information." in public_page(template_name)


def test_no_demo_warning_in_live_service(settings: Any) -> None:
    settings.DEMO = False

    assert "Do not enter real information." not in public_page("public/home.html")


def test_server_error_page_renders_without_request_or_context() -> None:
    html = get_template("500.html").render({})

    assert "Sorry, there is a problem with the service" in html


def test_demo_banner_and_partnership_name_come_from_settings(settings: Any) -> None:
    settings.PARTNERSHIP_NAME = "Example Community Safety Partnership"
    settings.DEMO = True
    request = RequestFactory().get("/")

    context = service(request)

    assert context["partnership_name"] == "Example Community Safety Partnership"
    assert context["demo_mode"] is True
    assert context["nav_items"] == []
