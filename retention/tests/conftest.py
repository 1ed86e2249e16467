"""Records of every retainable type, old enough to fall due, for the retention tests."""

from datetime import date, datetime, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from access.policy import actor_for_user
from asb.models import CaseReviewApplication
from conftest import World
from core.actions import do_add_note, do_attach_file, do_record_incident, do_update_case
from core.models import Attachment, Case, Incident
from domestic_abuse.models import SelfReferral, SupportService
from hate_crime.models import HateReport
from retention.models import RetentionRule
from vawg.models import UnsafePlaceReport

LONG_AGO = date(2018, 3, 31)


def long_ago_at() -> datetime:
    return timezone.make_aware(datetime(2018, 3, 31, 12, 0))


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path) -> None:  # noqa: ANN001
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }


@pytest.fixture
def no_notice(settings) -> None:  # noqa: ANN001
    settings.RETENTION_NOTICE_DAYS = 0


@pytest.fixture
def no_default_rules(db) -> None:  # noqa: ANN001
    """Each test sets the one rule it is about."""
    RetentionRule.objects.all().delete()


def close_long_ago(case: Case, world: World) -> Case:
    do_update_case(case=case, acting=actor_for_user(world.coordinator), changes={"status": "closed"})
    Case.objects.filter(pk=case.pk).update(closed_on=LONG_AGO)
    case.refresh_from_db()
    return case


class Upload(ContentFile):
    content_type = "text/plain"


@pytest.fixture
def closed_case(world: World) -> Case:
    """The council's ASB case with a note, a file and an incident, closed in 2018."""
    acting = actor_for_user(world.practitioner_a)
    do_add_note(case=world.case_a, text="Spoke to Alex at home", acting=acting)
    do_attach_file(
        case=world.case_a,
        upload=Upload(b"statement", name="statement-alex.txt"),
        description="Statement",
        acting=acting,
    )
    incident = do_record_incident(
        acting=acting,
        cases=[world.case_a],
        people=list(world.case_a.participants.values_list("person", flat=True)),
        occurred_at=long_ago_at(),
        category="asb_personal",
        description="Shouting at Alex's door",
        source_agency=world.council,
        location_text="12 Example Road",
        latitude="54.643210",
        longitude="-3.543210",
    )
    Incident.objects.filter(pk=incident.pk).update(created_at=long_ago_at())
    return close_long_ago(world.case_a, world)


def rule(record_type: str, trigger: str, action: str, months: int = 72) -> RetentionRule:
    return RetentionRule.objects.create(record_type=record_type, trigger=trigger, period_months=months, action=action)


@pytest.fixture
def public_reports(world: World) -> dict:
    common = {
        "reporter_role": "victim",
        "location_kind": "place",
        "target": "me",
        "police_consent": "no",
        "contact_preference": "email",
        "secret_hash": "x",
    }
    hate = HateReport.objects.create(
        reference="HC-2018-00001",
        what_happened="Slurs shouted at me by Lee",
        email="dana@example.test",
        name="Dana Example",
        postcode="CA14 2AB",
        locality="CA14",
        strands=["race"],
        status="closed",
        classification="crime",
        closed_at=long_ago_at(),
        **common,
    )
    HateReport.objects.filter(pk=hate.pk).update(created_at=long_ago_at())
    application = CaseReviewApplication.objects.create(
        reference="CR-2018-00001",
        applicant_name="Dana Example",
        applicant_email="dana@example.test",
        behaviour="Noise every night from number 12",
        impact="Cannot sleep",
        postcode="CA14 2AB",
        received_on=LONG_AGO,
        status="outcome_sent",
        outcome_sent_on=LONG_AGO + timedelta(days=40),
    )
    unsafe = UnsafePlaceReport.objects.create(
        reference="USP-2018-0001",
        received_on=LONG_AGO,
        happened_on=LONG_AGO,
        place_text="The underpass by Dana's flat",
        time_of_day="night",
        reasons=["poor_lighting"],
        details="A man followed me",
        latitude=54.643212,
        longitude=-3.543219,
    )
    service = SupportService.objects.create(
        slug="idva",
        name="IDVA service",
        category="idva",
        description="Help",
        eligibility="Adults",
        area="Cumberland",
        referral_route="Online",
    )
    referral = SelfReferral.objects.create(
        reference="SR-2018-0001",
        service=service,
        name="Dana",
        contact_method="phone",
        contact_detail="+44 7700 900456",
        message="Please call after 10am",
        received_at=long_ago_at(),
    )
    return {
        "hate_crime.hatereport": hate,
        "asb.casereviewapplication": application,
        "vawg.unsafeplacereport": unsafe,
        "domestic_abuse.selfreferral": referral,
    }


def attachment_of(case: Case) -> Attachment:
    return case.attachments.get()
