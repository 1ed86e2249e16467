"""The GOV.UK date input: day, month and year boxes, months as numbers or names, clear errors, what was typed
shown back, and the answer kept by a question flow."""

from datetime import date, timedelta

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from csphub.date_input import DateParts, DatePartsField, parts_of
from csphub.templatetags.govuk import govuk_field


class WhenForm(forms.Form):
    on = DatePartsField(label="Date it happened", required=False)


def posted(day: str, month: str, year: str) -> MultiValueDict:
    return MultiValueDict({"on-day": [day], "on-month": [month], "on-year": [year]})


@pytest.mark.parametrize(("day", "month", "year", "expected"), [
    ("27", "3", "2026", date(2026, 3, 27)),
    ("27", "03", "2026", date(2026, 3, 27)),
    (" 1 ", " 12 ", " 2025 ", date(2025, 12, 1)),
    ("5", "March", "2026", date(2026, 3, 5)),
    ("5", "mar", "2026", date(2026, 3, 5)),
    ("5", "Sept", "2026", date(2026, 9, 5)),
    ("29", "2", "2024", date(2024, 2, 29)),  # a leap year
    ("", "", "", None),  # not answered: the question is optional
])
def test_dates_people_type_are_read(day: str, month: str, year: str, expected: date | None) -> None:
    form = WhenForm(posted(day, month, year))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["on"] == expected


@pytest.mark.parametrize(("day", "month", "year", "message"), [
    ("29", "2", "2026", "Enter a real date"),  # not a leap year
    ("31", "4", "2026", "Enter a real date"),
    ("0", "1", "2026", "Enter a real date"),
    ("1", "13", "2026", "Enter a real date"),
    ("1", "Smarch", "2026", "Enter a real date"),
    ("1", "1", "26", "Enter a real date"),  # a two-digit year
    ("x", "1", "2026", "Enter a real date"),
    ("", "3", "2026", "The date must include a day"),
    ("27", "", "", "The date must include a month and year"),
    ("", "", "2026", "The date must include a day and month"),
])
def test_a_wrong_or_incomplete_date_is_refused_with_a_clear_message(day: str, month: str, year: str,
                                                                    message: str) -> None:
    form = WhenForm(posted(day, month, year))
    assert not form.is_valid()
    assert form.errors["on"] == [message]


def test_one_iso_date_under_the_field_name_is_still_accepted() -> None:
    assert WhenForm(MultiValueDict({"on": ["2026-03-27"]})).is_valid()
    assert not WhenForm(MultiValueDict({"on": ["not a date"]})).is_valid()


def test_rendered_as_the_govuk_date_input_with_what_was_typed_and_the_error() -> None:
    form = WhenForm(posted("31", "4", "2026"))
    form.is_valid()
    html = govuk_field(form["on"])
    assert 'role="group"' in html and '<legend class="govuk-fieldset__legend">Date it happened</legend>' in html
    for part, value, width in (("day", "31", 2), ("month", "4", 2), ("year", "2026", 4)):
        assert f'name="on-{part}"' in html and f'value="{value}"' in html
        assert f"govuk-input--width-{width} govuk-input--error" in html
    assert 'id="id_on"' in html  # the day box carries the id the error summary links to
    assert html.count('inputmode="numeric"') == 3 and 'type="date"' not in html


@pytest.mark.parametrize(("value", "parts"), [
    (date(2026, 3, 7), DateParts("7", "3", "2026")),
    ("2026-03-07", DateParts("7", "3", "2026")),
    ("nonsense", DateParts("", "", "")),
    (None, DateParts("", "", "")),
    (DateParts("x", "y", "z"), DateParts("x", "y", "z")),
])
def test_boxes_show_a_date_iso_text_or_what_was_typed(value: object, parts: DateParts) -> None:
    assert parts_of(value) == parts


@pytest.mark.django_db
def test_a_question_flow_keeps_the_three_boxes_and_shows_them_back() -> None:
    client = Client()
    when = reverse("vawg:unsafe_place:question", args=["when"])
    yesterday = timezone.localdate() - timedelta(days=1)
    client.post(reverse("vawg:unsafe_place:question", args=["where"]), {"place_text": "Botchergate, Carlisle"})
    response = client.post(when, {"happened_on-day": str(yesterday.day), "happened_on-month": str(yesterday.month),
                                  "happened_on-year": str(yesterday.year), "time_of_day": "night"})
    assert response.status_code == 302
    page = client.get(when).content.decode()  # back to the question: the boxes hold the answer
    assert f'name="happened_on-day" type="text" inputmode="numeric" value="{yesterday.day}"' in page
    error = client.post(when, {"happened_on-day": "31", "happened_on-month": "2", "happened_on-year": "2026",
                               "time_of_day": "night"}).content.decode()
    assert "Enter a real date" in error and 'href="#id_happened_on"' in error  # the summary links to the day box
