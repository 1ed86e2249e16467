"""Third-party reporting centres submit on someone's behalf and see only their own centre's reports."""

import pytest
from django.urls import reverse

from access.policy import actor_for_user
from conftest import World, make_user, signed_in_client
from hate_crime import actions
from hate_crime.models import HateReport
from hate_crime.tests.helpers import ANONYMOUS_ANSWERS, flat
from partnership.models import Agency, AgencyKind, Role

pytestmark = pytest.mark.django_db


def _form_data(token: str, **extra: str) -> dict:
    data: dict = {"token": token, "reported_via": "in_person", "wants_contact": "yes"}
    for answers in ANONYMOUS_ANSWERS.values():
        data.update(answers)
    data.update(extra)
    return data


def test_centre_submits_for_someone_and_sees_it(world: World) -> None:
    client = signed_in_client(world.centre_staff)
    page = client.get(reverse("hate_crime:centre_new"))
    assert page.status_code == 200
    token = page.context["token_form"]["token"].value()
    response = client.post(reverse("hate_crime:centre_new"), _form_data(token))
    assert response.status_code == 302
    report = HateReport.objects.get()
    assert (report.channel, report.reporting_centre, report.reported_via) == ("third_party", world.centre, "in_person")
    done = client.get(reverse("hate_crime:centre_done"))
    assert report.reference.encode() in done.content
    listing = client.get(reverse("hate_crime:centre_list"))
    assert report.reference.encode() in listing.content
    detail = client.get(reverse("hate_crime:centre_detail", args=[report.public_id]))
    assert detail.status_code == 200 and b"bus stop" not in detail.content  # status only, not the content
    # A retry of the same form makes no second report.
    client.post(reverse("hate_crime:centre_new"), _form_data(token))
    assert HateReport.objects.count() == 1


def test_centre_form_with_bad_answers_saves_nothing(world: World) -> None:
    client = signed_in_client(world.centre_staff)
    response = client.post(
        reverse("hate_crime:centre_new"), _form_data("tok", what_happened="", postcode="12345", reported_via="")
    )
    assert response.status_code == 200
    for message in (b"Tell us what happened", b"Enter a real postcode", b"Select how the person told you"):
        assert message in response.content
    assert b"govuk-error-summary" in response.content
    assert HateReport.objects.count() == 0


def test_a_centre_cannot_see_another_centres_reports(world: World) -> None:
    other_centre = Agency.objects.create(name="Other Centre", kind=AgencyKind.REPORTING_CENTRE)
    other_staff = make_user("staff@other-centre.test", other_centre, Role.REPORTING_CENTRE)
    report, _secret = actions.do_submit_report(
        flat(ANONYMOUS_ANSWERS), channel="third_party", acting=actor_for_user(world.centre_staff), centre=world.centre
    )
    client = signed_in_client(other_staff)
    assert report.reference.encode() not in client.get(reverse("hate_crime:centre_list")).content
    assert client.get(reverse("hate_crime:centre_detail", args=[report.public_id])).status_code == 404
    assert client.get(reverse("hate_crime:report_detail", args=[report.public_id])).status_code == 404


def test_coordinator_records_a_phone_report(world: World) -> None:
    client = signed_in_client(world.coordinator)
    page = client.get(reverse("hate_crime:staff_new"))
    token = page.context["token_form"]["token"].value()
    response = client.post(reverse("hate_crime:staff_new"), _form_data(token, channel="phone"))
    assert response.status_code == 302
    assert HateReport.objects.get().channel == "phone"
