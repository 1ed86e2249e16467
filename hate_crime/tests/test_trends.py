"""Trends: aggregates only, small numbers suppressed on the page and in the CSV."""

import pytest
from django.urls import reverse

from conftest import World, signed_in_client
from hate_crime.tests.helpers import make_report

pytestmark = pytest.mark.django_db


def test_trends_suppress_small_counts_and_show_no_names(world: World) -> None:
    for _i in range(6):
        make_report(strands=["race"])
    make_report(strands=["disability"], name="Unique Name", email="u@example.test", contact_preference="email")
    client = signed_in_client(world.analyst)
    page = client.get(reverse("hate_crime:trends"))
    assert page.status_code == 200
    content = page.content.decode()
    assert "Unique Name" not in content and "u@example.test" not in content
    assert "fewer than 5" in content  # the one disability report
    disability = next(r for r in page.context["strand_rows"] if r["key"] == "disability")
    assert disability["total"] == "fewer than 5" and disability["bar"] == 0
    csv = client.get(reverse("hate_crime:trends_csv")).content.decode()
    assert "reports by strand,Race or ethnicity" in csv
    assert ",1\r\n" not in csv and "Unique Name" not in csv
    assert "share anonymous,,,not shown (small numbers)" in csv  # 6 of 7: one named report would be revealed


def test_suspected_spam_is_left_out_of_trends(world: World) -> None:
    for _i in range(5):
        make_report(suspected_spam=True)
    page = signed_in_client(world.board).get(reverse("hate_crime:trends"))
    assert page.context["total"] == "0"
