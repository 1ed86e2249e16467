"""What an applicant sees when they check their ASB Case Review with reference and code."""

from django.utils.translation import gettext as _

from asb.models import ApplicationStatus, CaseReviewApplication
from intake.references import status_secret_matches
from intake.status import PublicStatus

PUBLIC_WORDS = {
    ApplicationStatus.RECEIVED: _("We have your application and are checking it"),
    ApplicationStatus.THRESHOLD_MET: _("A case review will be held"),
    ApplicationStatus.THRESHOLD_NOT_MET: _("The threshold for a case review was not met"),
    ApplicationStatus.REVIEW_HELD: _("The review has been held; we are writing to you with the outcome"),
    ApplicationStatus.OUTCOME_SENT: _("We have sent you the outcome"),
}


def lookup(reference: str, secret: str) -> PublicStatus | None:
    application = CaseReviewApplication.objects.filter(reference=reference).first()
    if application is None or not status_secret_matches(secret, application.secret_hash):
        return None
    updates = [(f"{application.received_on:%d %B %Y}", _("Application received"))]
    if application.decided_on:
        updates.append((f"{application.decided_on:%d %B %Y}", str(PUBLIC_WORDS[
            ApplicationStatus.THRESHOLD_MET if application.status != ApplicationStatus.THRESHOLD_NOT_MET
            else ApplicationStatus.THRESHOLD_NOT_MET])))
    if application.reviewed_on:
        updates.append((f"{application.reviewed_on:%d %B %Y}", _("Case review meeting held")))
    if application.outcome_sent_on:
        updates.append((f"{application.outcome_sent_on:%d %B %Y}", _("Outcome sent to you")))
    return PublicStatus(title=_("ASB Case Review"), status=str(PUBLIC_WORDS[application.status]), updates=updates)
