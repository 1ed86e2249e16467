"""Every write to hate reports: one transaction each, its audit event, notifications queued on commit.

Audit reasons carry ids and codes only, never what people wrote or who they are.
"""

from datetime import timedelta
from operator import itemgetter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from access.agreements import find_covering_agreement, require_agreement
from access.models import SharingAgreement, SharingPurpose
from access.policy import Actor
from audit.log import record
from audit.models import AuditAction
from core.actions import do_create_case
from core.models import Case
from hate_crime import rules
from hate_crime.models import (
    Channel,
    ContactPreference,
    HateReport,
    LocationKind,
    PoliceDestination,
    PoliceReferral,
    ReportingFeedback,
    ReportStatus,
    ReportUpdate,
)
from intake.outbox import queue_email, queue_webhook
from intake.references import make_public_reference, make_status_secret
from partnership.models import Agency, AgencyKind, Membership, Role

REPORT_FIELDS = {f.name for f in HateReport._meta.get_fields() if getattr(f, "concrete", False)}


# The columns ``_identity`` reads: an earlier report is fetched as these values, not as a model instance.
IDENTITY_FIELDS = ("email", "phone", "location_text", "postcode", "target")


def _identity(email: str, phone: str, location_text: str, postcode: str, target: str) -> rules.Identity:
    return rules.identity_of(
        email=email,
        phone=phone,
        location_text=location_text,
        postcode=postcode,
        target_is_reporter_or_property=target in ("me", "property"),
    )


def check_repeat(report: HateReport) -> tuple[bool, str]:
    """Compare with earlier reports in the window that share an email, phone or postcode (an indexed, small set).

    The report may be unsaved (``do_submit_report`` checks before its insert). Only the identity columns are
    read, newest first as the model's ordering had it (sorted here: the set is small, and the query then needs
    no ORDER BY), so ``rules.repeat_victim`` gives the same answer and reason."""
    window = rules.setting("HATE_CRIME_REPEAT_WINDOW_DAYS", 365)
    identity = _identity(*(getattr(report, name) for name in IDENTITY_FIELDS))
    q = Q()
    if report.email:
        q |= Q(email__iexact=report.email)
    if report.phone:
        q |= Q(phone=report.phone)
    if report.postcode:
        q |= Q(postcode=report.postcode)
    if not q:  # nothing to match on: no query
        return rules.repeat_victim(identity, (), report.created_at, window)
    since = report.created_at - timedelta(days=window)
    earlier = HateReport.objects.filter(
        q, created_at__gte=since, created_at__lte=report.created_at, suspected_spam=False
    )
    if report.pk is not None:
        earlier = earlier.exclude(pk=report.pk)
    rows = sorted(earlier.order_by().values_list("created_at", *IDENTITY_FIELDS), key=itemgetter(0), reverse=True)
    return rules.repeat_victim(
        identity, ((created_at, _identity(*values)) for created_at, *values in rows), report.created_at, window
    )


def _triage_addresses() -> list[str]:
    configured = rules.setting("HATE_CRIME_TRIAGE_EMAIL", "")
    if configured:
        return [configured]
    # No ORDER BY: Membership's default ordering would join the agencies only to sort what is sorted here.
    return sorted(
        set(
            Membership.objects.filter(role=Role.COORDINATOR, user__is_active=True)
            .order_by()
            .values_list("user__email", flat=True)
        )
    )


def _answers_to_fields(answers: dict[str, Any]) -> dict[str, Any]:
    fields = {key: value for key, value in answers.items() if key in REPORT_FIELDS}
    # Yes/no questions keep "yes"/"no" in the form (so "check your answers" reads well); the record keeps a bool.
    for name in ("already_reported", "safe_to_leave_message"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name] == "yes"
    fields["equality"] = {
        k: answers[k]
        for k in ("age_band", "disabled", "ethnicity", "religion", "gender", "sexual_orientation")
        if answers.get(k)
    }
    online = answers.get("location_kind") == LocationKind.ONLINE
    fields["locality"] = rules.locality_of(answers.get("postcode", ""), online)
    return fields


@transaction.atomic
def do_submit_report(
    answers: dict[str, Any], *, channel: str = Channel.ONLINE, acting: Actor | None = None, centre: Agency | None = None
) -> tuple[HateReport, str]:
    """Save a new report and return it with its status code (shown once, only its hash is kept)."""
    plain, stored = make_status_secret()
    report = HateReport(
        reference=make_public_reference("HC"),
        secret_hash=stored,
        channel=channel,
        reporting_centre=centre,
        submitted_by=acting.user if acting else None,
        **_answers_to_fields(answers),
    )
    # Fields only: public_id is a fresh uuid4 and reference a fresh random code, both guarded by their unique
    # constraints in the database, so no SELECT asks whether they are taken.
    report.full_clean(exclude=["reference", "secret_hash"], validate_unique=False)
    # Before the insert, so the flag goes in with it (no UPDATE); the report is not in the table yet.
    report.repeat_victim, _reason = check_repeat(report)
    report.save()
    record(
        acting,
        AuditAction.CREATE,
        report,
        reason=f"channel {channel}" + (" spam-flag" if report.suspected_spam else ""),
    )
    for address in _triage_addresses():
        queue_email(
            to=address,
            purpose="hate_report_new",
            subject=_("New hate incident report %s") % report.reference,
            body=_("A new hate incident report, %s, is waiting in the triage queue.") % report.reference,
        )
    return report, plain


def _require(transition: str, report: HateReport) -> None:
    if not rules.may_transition(transition, report.status):
        raise ValidationError(_("This report is %s, so you cannot do that.") % report.get_status_display().lower())


def _add_update(report: HateReport, kind: str, text: str, acting: Actor | None) -> ReportUpdate:
    update = ReportUpdate.objects.create(report=report, kind=kind, text=text, author=acting.user if acting else None)
    record(acting, AuditAction.CREATE, update, reason=f"{kind} on report {report.pk}")
    return update


@transaction.atomic
def do_acknowledge_report(*, report: HateReport, acting: Actor) -> HateReport:
    _require("acknowledge", report)
    report.status = ReportStatus.ACKNOWLEDGED
    report.acknowledged_at = timezone.now()
    report.save(update_fields=["status", "acknowledged_at"])
    record(acting, AuditAction.UPDATE, report, reason="acknowledged")
    _add_update(report, ReportUpdate.Kind.FOR_REPORTER, _("We have received your report and will look at it."), acting)
    if report.contact_preference == ContactPreference.EMAIL and report.email:
        queue_email(
            to=report.email,
            purpose="hate_report_ack",
            subject=_("We have received your report"),
            body=_(
                "Thank you for your report %(ref)s. We have received it. You can check its progress at "
                "%(url)s with your reference and code."
            )
            % {"ref": report.reference, "url": reverse("intake:status_lookup")},
        )
    return report


@transaction.atomic
def do_triage_report(
    *, report: HateReport, acting: Actor, classification: str, risk_level: str, vulnerability: str
) -> HateReport:
    report.classification = classification
    report.risk_level = risk_level
    report.vulnerability = vulnerability
    report.repeat_victim, _reason = check_repeat(report)
    report.save(update_fields=["classification", "risk_level", "vulnerability", "repeat_victim"])
    record(
        acting,
        AuditAction.UPDATE,
        report,
        reason=f"triaged: {classification or 'undecided'}, risk {risk_level}, repeat {report.repeat_victim}",
    )
    return report


@transaction.atomic
def do_assign_report(*, report: HateReport, acting: Actor, agency: Agency, officer: Any = None) -> HateReport:
    _require("assign", report)
    if officer is not None and not officer.memberships.filter(agency=agency).exists():
        raise ValidationError(_("That officer does not work for the agency you chose."))
    report.assigned_agency = agency
    report.assigned_officer = officer
    if report.status in (ReportStatus.NEW, ReportStatus.ACKNOWLEDGED):
        report.status = ReportStatus.ASSIGNED
    report.acknowledged_at = report.acknowledged_at or timezone.now()
    report.save(update_fields=["assigned_agency", "assigned_officer", "status", "acknowledged_at"])
    record(
        acting,
        AuditAction.UPDATE,
        report,
        reason=f"assigned to agency {agency.pk}" + (f" officer {officer.pk}" if officer else ""),
    )
    return report


@transaction.atomic
def do_open_case_for_report(*, report: HateReport, acting: Actor, lead_agency: Agency) -> Case:
    if report.case_id:
        raise ValidationError(_("This report is already linked to case %s.") % report.case.reference)
    case = do_create_case(
        acting=acting,
        kind="hate",
        lead_agency=lead_agency,
        risk_level=report.risk_level,
        title=_("Hate report %s") % report.reference,
    )
    report.case = case
    report.save(update_fields=["case"])
    record(acting, AuditAction.UPDATE, report, reason=f"opened case {case.pk}")
    return case


@transaction.atomic
def do_link_case(*, report: HateReport, acting: Actor, case: Case) -> HateReport:
    if case.kind != "hate":
        raise ValidationError(_("Only a hate crime case can be linked to a hate report."))
    report.case = case
    report.save(update_fields=["case"])
    record(acting, AuditAction.UPDATE, report, reason=f"linked case {case.pk}")
    return report


@transaction.atomic
def do_record_police_reference(*, report: HateReport, acting: Actor, police_reference: str) -> HateReport:
    report.police_reference = police_reference
    report.save(update_fields=["police_reference"])
    record(acting, AuditAction.UPDATE, report, reason="police reference recorded")
    return report


@transaction.atomic
def do_add_report_update(*, report: HateReport, acting: Actor, kind: str, text: str, contacted: bool) -> ReportUpdate:
    update = _add_update(report, kind, text, acting)
    if contacted and report.first_contact_at is None:
        report.first_contact_at = timezone.now()
        report.save(update_fields=["first_contact_at"])
    return update


def _police_fields(report: HateReport) -> dict[str, Any]:
    return {
        "reference": report.reference,
        "police_consent": report.police_consent,
        "channel": report.channel,
        "reporter_role": report.reporter_role,
        "what_happened": report.what_happened,
        "occurred_on": report.occurred_on.isoformat() if report.occurred_on else None,
        "occurred_time": report.occurred_time,
        "ongoing": report.ongoing,
        "location_kind": report.location_kind,
        "location_text": report.location_text,
        "postcode": report.postcode,
        "platform": report.platform,
        "target": report.target,
        "strands": report.strands,
        "incident_types": report.incident_types,
        "classification": report.classification,
        "risk_level": report.risk_level,
        "repeat_victim": report.repeat_victim,
        "name": report.name,
        "email": report.email,
        "phone": report.phone,
        "safe_times": report.safe_times,
        "safe_to_leave_message": report.safe_to_leave_message,
        "equality": report.equality,
    }


def _email_body(payload: dict[str, Any]) -> str:
    lines = [_("A hate incident report passed to you with the reporter's consent."), ""]
    for key, value in payload.items():
        if isinstance(value, dict):
            lines.extend(f"{key}.{k}: {v}" for k, v in value.items())
        else:
            lines.append(f"{key}: {', '.join(value) if isinstance(value, list) else value}")
    return "\n".join(lines)


def _referral_agreement(acting: Actor, police: Agency) -> SharingAgreement:
    """The agreement a referral relies on: between the police force and the partnership's coordinating agency
    (the agency the coordinator passing it on works for). Raises ValidationError naming the gap."""
    senders = list(Agency.objects.filter(
        pk__in=[g.agency_id for g in acting.grants if g.role == Role.COORDINATOR]).order_by("name"))
    if not senders:
        raise ValidationError(_("Only a coordinator can pass a report to the police."))
    for sender in senders:
        agreement = find_covering_agreement(SharingPurpose.REFERRAL, [sender, police])
        if agreement is not None:
            return agreement
    return require_agreement(SharingPurpose.REFERRAL, [senders[0], police])


@transaction.atomic
def do_route_to_police(*, report: HateReport, acting: Actor, destination: PoliceDestination) -> PoliceReferral:
    """Pass the report to the police through the outbox, only with consent, and only what the consent covers."""
    allowed, reason = rules.may_route_to_police(report.police_consent)
    if not allowed:
        raise ValidationError(_("The person did not agree to pass this report to the police."))
    _require("route", report)
    if not destination.active or destination.agency.kind != AgencyKind.POLICE:
        raise ValidationError(_("Choose a police force with an address set up."))
    agreement = _referral_agreement(acting, destination.agency)
    payload = rules.police_payload(_police_fields(report))
    subject = _("Hate incident report %s") % report.reference
    if destination.method == PoliceDestination.Method.WEBHOOK:
        message = queue_webhook(url=destination.address, payload=payload, subject=subject, purpose="hate_police")
    else:
        message = queue_email(to=destination.address, subject=subject, body=_email_body(payload), purpose="hate_police")
    referral = PoliceReferral.objects.create(
        report=report, destination=destination, message=message, with_details="contact" in payload,
        sharing_agreement=agreement, sent_by=acting.user,
    )
    report.status = ReportStatus.WITH_POLICE
    report.save(update_fields=["status"])
    record(acting, AuditAction.SHARE, report,
           reason=f"routed to agency {destination.agency_id}: {reason}; sharing agreement {agreement.pk}")
    _add_update(report, ReportUpdate.Kind.FOR_REPORTER, _("We have passed your report to the police."), acting)
    return referral


@transaction.atomic
def do_close_report(*, report: HateReport, acting: Actor, outcome: str, message_for_reporter: str) -> HateReport:
    _require("close", report)
    report.status = ReportStatus.CLOSED
    report.outcome = outcome
    report.closed_at = timezone.now()
    report.save(update_fields=["status", "outcome", "closed_at"])
    record(acting, AuditAction.UPDATE, report, reason="closed")
    if message_for_reporter:
        _add_update(report, ReportUpdate.Kind.FOR_REPORTER, message_for_reporter, acting)
    return report


@transaction.atomic
def do_add_information_from_reporter(*, report: HateReport, text: str) -> ReportUpdate:
    update = _add_update(report, ReportUpdate.Kind.FROM_REPORTER, text, None)
    for address in _triage_addresses():
        queue_email(
            to=address,
            purpose="hate_report_info",
            subject=_("More information on %s") % report.reference,
            body=_("The person who made report %s has added information.") % report.reference,
        )
    return update


@transaction.atomic
def do_record_feedback(*, report: HateReport | None, channel: str, ease: int, confidence: int) -> ReportingFeedback:
    if report is not None and ReportingFeedback.objects.filter(report=report).exists():
        raise ValidationError(_("You have already given feedback on this report."))
    return ReportingFeedback.objects.create(report=report, channel=channel, ease=ease, confidence=confidence)
