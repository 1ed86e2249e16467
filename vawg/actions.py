"""Every write for safer-spaces work: one transaction, an audit event, notifications on commit."""

from typing import Any

from django.db import transaction
from django.urls import reverse

from access.policy import Actor
from analytics.geo import to_bng
from audit.log import record
from audit.models import AuditAction
from intake.outbox import queue_email
from intake.references import make_public_reference
from vawg.config import reports_email
from vawg.models import Campaign, UnsafePlaceReport, Venue

REFERENCE_PREFIX = "USP"


def _grid(latitude: float | None, longitude: float | None) -> tuple[float | None, float | None]:
    if latitude is None or longitude is None:
        return None, None
    easting, northing = to_bng([longitude], [latitude])
    return float(easting[0]), float(northing[0])


@transaction.atomic
def do_record_unsafe_place_report(answers: dict[str, Any]) -> UnsafePlaceReport:
    """Save an anonymous report. Nothing identifies the reporter; the email says only that one arrived."""
    easting, northing = _grid(answers.get("latitude"), answers.get("longitude"))
    report = UnsafePlaceReport.objects.create(
        reference=make_public_reference(REFERENCE_PREFIX),
        place_text=answers.get("place_text", ""),
        latitude=answers.get("latitude"), longitude=answers.get("longitude"),
        easting=easting, northing=northing,
        happened_on=answers["happened_on"], time_of_day=answers["time_of_day"],
        reasons=list(answers.get("reasons", [])), details=answers.get("details", ""),
    )
    record(None, AuditAction.CREATE, report, reason="unsafe-place report received")
    to = reports_email()
    if to:
        queue_email(to=to, subject="A new unsafe-place report",
                    body=("Someone has reported a place where they felt unsafe. Reports are shown in aggregate: "
                          f"{reverse('vawg:unsafe_places')}"),
                    purpose="vawg_unsafe_place")
    return report


@transaction.atomic
def do_add_venue(*, acting: Actor, **fields: Any) -> Venue:
    fields["easting"], fields["northing"] = _grid(fields["latitude"], fields["longitude"])
    venue = Venue.objects.create(**fields)
    record(acting, AuditAction.CREATE, venue, reason="venue added to the register")
    return venue


@transaction.atomic
def do_update_venue(venue: Venue, *, acting: Actor, **fields: Any) -> Venue:
    for name, value in fields.items():
        setattr(venue, name, value)
    venue.easting, venue.northing = _grid(venue.latitude, venue.longitude)
    venue.save()
    record(acting, AuditAction.UPDATE, venue, reason=f"venue updated: {', '.join(sorted(fields))}")
    return venue


@transaction.atomic
def do_add_campaign(*, acting: Actor, **fields: Any) -> Campaign:
    campaign = Campaign.objects.create(**fields)
    record(acting, AuditAction.CREATE, campaign, reason="campaign recorded")
    return campaign
