"""Retention: a Domestic Homicide Review or a Channel referral is part of its case and goes with it.

The cases themselves (kinds ``dhr`` and ``channel``) are record types of ``core/retention.py``; this module
registers the case part that deletes or anonymises what this app holds on such a case. Anonymising keeps
each record's stage, dates, kinds and outcome (the statutory and Prevent figures still add up) and blanks the
panel's narrative and anything naming or describing a person. The Prevent duty records (risk assessment, plan,
training) are about the partnership's own work, hold no personal data and belong to no case: not covered.
"""

from core.models import Case
from retention.models import RemovalAction
from retention.registry import register_case_part
from reviews.models import (
    ChannelReferral,
    DomesticHomicideReview,
    PostClosureReview,
    Recommendation,
    SupportProvision,
    SupportReview,
    VulnerabilityAssessment,
)

# Written into required text fields, so pages that show them still read sensibly.
ANONYMISED_TEXT = "Anonymised"


def anonymise_dhr(case: Case) -> None:
    """Keep stage, every date, the notifying agency, the draft number, the agency reports and each
    recommendation's theme, owner, due date and status; blank the reasons, the chair's name, the terms of
    reference, the family's involvement, the quality assurance feedback and the recommendations' text."""
    DomesticHomicideReview.objects.filter(case=case).update(
        decision_reasons="", chair_name="", terms_of_reference="", family_involvement="", qa_feedback=""
    )
    Recommendation.objects.filter(review__case=case).update(lesson=ANONYMISED_TEXT, recommendation="", evidence="")


def anonymise_channel(case: Case) -> None:
    """Keep stage, type of concern, panel decision, consent status, every date, the vulnerability factors
    ticked, the type of support and whether it continued; blank who consented, why the case closed, the
    assessment notes, the provider (a school or mentor can point to a person) and the reviews' findings."""
    ChannelReferral.objects.filter(case=case).update(consent_by="", closure_reason="")
    VulnerabilityAssessment.objects.filter(referral__case=case).update(
        engagement_notes="", intent_notes="", capability_notes=""
    )
    SupportProvision.objects.filter(referral__case=case).update(provider=ANONYMISED_TEXT)
    SupportReview.objects.filter(referral__case=case).update(progress=ANONYMISED_TEXT)
    PostClosureReview.objects.filter(referral__case=case).update(outcome="")


def prepare_review_records(case: Case, action: str) -> None:
    """Delete the case's review and referral (with everything under them), or blank their free text."""
    if action == RemovalAction.DELETE:
        DomesticHomicideReview.objects.filter(case=case).delete()
        ChannelReferral.objects.filter(case=case).delete()
        return
    anonymise_dhr(case)
    anonymise_channel(case)


register_case_part(prepare_review_records)
