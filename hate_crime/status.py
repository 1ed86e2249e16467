"""What the person who reported sees when they check their report with its reference and code."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from audit.log import record
from audit.models import AuditAction
from hate_crime.models import HateReport, ReportUpdate
from intake.references import status_secret_matches

PUBLIC_STATUS_LABELS = {
    "new": _("Received"),
    "acknowledged": _("Received and being looked at"),
    "assigned": _("Being dealt with"),
    "with_police": _("Passed to the police"),
    "closed": _("Closed"),
}


def find_report(reference: str, secret: str) -> HateReport | None:
    """The report when both the reference and its code match; otherwise None, whichever was wrong."""
    report = HateReport.objects.filter(reference=reference).first()
    if report is None or not status_secret_matches(secret, report.secret_hash):
        return None
    return report


def public_status(reference: str, secret: str):  # noqa: ANN201 - intake.status.PublicStatus
    from intake.status import PublicStatus

    report = find_report(reference, secret)
    if report is None:
        return None
    record(None, AuditAction.VIEW, report, reason="status checked by the person who reported")
    # Only updates written for the reporter: internal notes never leave the staff area.
    updates = [
        (date_format(localtime(u.created_at), "j F Y"), u.text)
        for u in report.updates.filter(kind=ReportUpdate.Kind.FOR_REPORTER)
    ]
    return PublicStatus(
        title=_("Hate incident report %s") % report.reference,
        status=str(PUBLIC_STATUS_LABELS.get(report.status, report.get_status_display())),
        updates=updates,
        add_information_url=reverse("hate_crime:add_information"),
    )
