"""Staff screens for Channel panel coordination."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from partnership.models import Agency
from reviews import forms, queries, rules
from reviews.actions import channel as actions
from reviews.actions.common import do_add_panel_meeting
from reviews.gates import access_referral
from reviews.reminders import channel_milestones
from reviews.views.common import form_page, require


def dashboard(request: HttpRequest) -> HttpResponse:
    require(request, "view_reviews")
    referrals = queries.visible_referrals(request.actor).select_related("case").prefetch_related(
        "support_reviews", "post_closure_reviews")
    today = timezone.localdate()
    rows = [(r, rules.next_deadline(channel_milestones(r))) for r in referrals]
    return render(request, "reviews/channel_dashboard.html", {
        "rows": rows, "today": today, "can_receive": can(request.actor, "receive_channel_referral"),
    })


@require_http_methods(["GET", "POST"])
def new(request: HttpRequest) -> HttpResponse:
    require(request, "receive_channel_referral")
    lead_agency = Agency.objects.get(pk=min(request.actor.casework_agency_ids))  # the council chairs the panel
    created = {}

    def save(data: dict) -> None:
        created["referral"] = actions.do_receive_channel_referral(acting=request.actor, lead_agency=lead_agency,
                                                                  **data)

    response = form_page(request, forms.ChannelReferralForm, save, heading=_("Record a Channel referral"),
                         back_url=reverse("reviews:channel_dashboard"), success=_("Referral recorded"))
    if "referral" in created:
        return redirect("reviews:channel_detail", public_id=created["referral"].public_id)
    return response


def detail(request: HttpRequest, public_id: str) -> HttpResponse:
    referral = access_referral(request.actor, public_id)
    record(request.actor, AuditAction.VIEW, referral)
    record(request.actor, AuditAction.VIEW, referral.case, reason="through its Channel record")
    assessments = list(referral.assessments.all())
    factor_text = {f.code: f.text for f in rules.FACTORS}
    for assessment in assessments:
        assessment.summary = [(rules.HEADINGS[h], n, total)
                              for h, (n, total) in rules.vulnerability_summary(assessment.factors).items()]
        assessment.factor_labels = [factor_text[c] for c in assessment.factors if c in factor_text]
    return render(request, "reviews/channel_detail.html", {
        "referral": referral, "case": referral.case, "assessments": assessments,
        "support": referral.support.all(), "post_reviews": referral.post_closure_reviews.all(),
        "support_reviews": referral.support_reviews.all(), "support_review_due": actions.support_review_due(referral),
        "meetings": referral.case.agenda_items.select_related("meeting"), "today": timezone.localdate(),
        "can_update": can(request.actor, "update_record", referral),
        "can_decide": can(request.actor, "decide_record", referral),
        "people": referral.case.participants.select_related("person"),
    })


def _back(referral) -> str:  # noqa: ANN001
    return reverse("reviews:channel_detail", kwargs={"public_id": referral.public_id})


STEPS = {
    "consent": (forms.ConsentForm, "update_record", "Record consent to support",
                lambda r, a: lambda d: actions.do_record_consent(referral=r, acting=a, **d)),
    "decision": (forms.ChannelDecisionForm, "decide_record", "Record the panel's decision",
                 lambda r, a: lambda d: actions.do_decide_channel(referral=r, acting=a, **d)),
    "close": (forms.ChannelCloseForm, "decide_record", "Close the Channel case",
              lambda r, a: lambda d: actions.do_close_channel(referral=r, acting=a, **d)),
    "assessment": (forms.AssessmentForm, "update_record", "Record a vulnerability assessment",
                   lambda r, a: lambda d: actions.do_assess_vulnerability(
                       referral=r, acting=a, assessed_on=d["assessed_on"],
                       factors=[*d["engagement"], *d["intent"], *d["capability"]],
                       engagement_notes=d["engagement_notes"], intent_notes=d["intent_notes"],
                       capability_notes=d["capability_notes"])),
    "support": (forms.SupportForm, "update_record", "Add support from a provider",
                lambda r, a: lambda d: actions.do_add_support(referral=r, acting=a, **d)),
    "meeting": (forms.MeetingForm, "update_record", "Add a panel meeting",
                lambda r, a: lambda d: do_add_panel_meeting(case=r.case, kind=forms.MEETING_KINDS["channel"],
                                                            acting=a, **d)),
}


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, public_id: str, step: str) -> HttpResponse:
    if step not in STEPS:
        raise Http404
    form_class, capability, heading, make_save = STEPS[step]
    referral = access_referral(request.actor, public_id, for_write=capability)
    return form_page(request, form_class, make_save(referral, request.actor), heading=_(heading),
                     back_url=_back(referral), success=_("Channel record updated"), caption=referral.case.reference)


@require_http_methods(["GET", "POST"])
def post_closure_review(request: HttpRequest, public_id: str, review_id: int) -> HttpResponse:
    referral = access_referral(request.actor, public_id, for_write="update_record")
    review = referral.post_closure_reviews.filter(pk=review_id).first()
    if review is None:
        raise Http404
    return form_page(
        request, forms.PostClosureReviewForm,
        lambda d: actions.do_complete_post_closure_review(review=review, acting=request.actor, **d),
        heading=_("Record the %s-month review after closure") % review.months_after_closure,
        back_url=_back(referral), success=_("Review recorded"), caption=referral.case.reference)


@require_http_methods(["GET", "POST"])
def support_review(request: HttpRequest, public_id: str) -> HttpResponse:
    """A review while support is in place. If support is to end, go on to close the case."""
    referral = access_referral(request.actor, public_id, for_write="update_record")
    saved = {}

    def save(data: dict) -> None:
        saved["review"] = actions.do_record_support_review(referral=referral, acting=request.actor, **data)

    due = actions.support_review_due(referral)
    response = form_page(request, forms.SupportReviewForm, save, heading=_("Record a review during support"),
                         back_url=_back(referral), success=_("Review recorded"), caption=referral.case.reference,
                         intro=_("This review is due on %s.") % date_format(due, "j F Y") if due else "")
    if "review" in saved and not saved["review"].continue_support and can(request.actor, "decide_record", referral):
        return redirect("reviews:channel_step", public_id=referral.public_id, step="close")
    return response
