"""The repeat-victim check as a report is made: which earlier reports count, and what it asks the database.

The rule itself (what makes two reports the same person or address) is ``rules.repeat_victim``, tested in
``test_rules.py``; ``actions.check_repeat`` finds the earlier reports to give it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hate_crime import actions
from hate_crime.models import HateReport
from hate_crime.tests.helpers import make_report

pytestmark = pytest.mark.django_db


def _made_days_ago(report: HateReport, days: int) -> None:
    HateReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_a_repeat_is_stored_with_the_new_report_without_an_update_or_a_uniqueness_check() -> None:
    make_report(contact_preference="phone", phone="07700 900982", postcode="", location_text="")
    with CaptureQueriesContext(connection) as made:
        report = make_report(contact_preference="phone", phone="07700 900982", postcode="", location_text="")
    report.refresh_from_db()
    assert report.repeat_victim
    statements = [query["sql"] for query in made.captured_queries]
    assert not [sql for sql in statements if sql.startswith("UPDATE") and "hate_crime_hatereport" in sql]
    assert not [sql for sql in statements if '."public_id" = ' in sql]


def test_a_first_report_is_not_a_repeat() -> None:
    report = make_report(contact_preference="email", email="first@example.test")
    report.refresh_from_db()
    assert not report.repeat_victim


def test_the_reason_names_the_newest_earlier_report_that_matches() -> None:
    same_address = make_report()  # the helper's answers: a bus stop in CA1 1AA, aimed at the reporter
    same_email = make_report(email="sam@example.test", postcode="CA2 2BB")
    _made_days_ago(same_address, 20)
    _made_days_ago(same_email, 10)
    report = make_report(contact_preference="email", email="Sam@example.test")
    found, reason = actions.check_repeat(report)
    assert found and reason.startswith("same email address")


def test_spam_and_reports_before_the_window_do_not_count(settings) -> None:  # noqa: ANN001
    settings.HATE_CRIME_REPEAT_WINDOW_DAYS = 30
    old = make_report(phone="01632 960001")
    _made_days_ago(old, 31)
    make_report(phone="01632 960001", suspected_spam=True)
    report = make_report(phone="01632 960001")
    report.refresh_from_db()
    assert not report.repeat_victim
    assert actions.check_repeat(report) == (False, "no earlier report matches")


def test_a_report_with_nothing_to_match_on_asks_the_database_nothing(django_assert_num_queries) -> None:  # noqa: ANN001
    make_report(postcode="", location_text="")
    report = HateReport(what_happened="Shouted at in the park", target="me")
    with django_assert_num_queries(0):
        assert actions.check_repeat(report) == (False, "no earlier report matches")
