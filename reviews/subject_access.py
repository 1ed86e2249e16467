"""What the reviews app holds about a person, for a subject access export (see rights.registry).

A Domestic Homicide Review or a Channel referral is a restricted case: the people are its participants, so a
person is found through the case. Prevent oversight records hold no personal data.
"""

from core.models import Person
from reviews.models import (
    ChannelReferral,
    DomesticHomicideReview,
    SupportProvision,
    SupportReview,
    VulnerabilityAssessment,
)
from rights.registry import Section, SubjectContext, items_for, records_section, register_source


def _dhr(ctx: SubjectContext) -> Section:
    reviews = DomesticHomicideReview.objects.filter(case_id__in=ctx.case_ids).select_related("case", "notifying_agency")
    return records_section(
        "reviews",
        "Domestic Homicide Reviews",
        reviews,
        lambda r: f"Domestic Homicide Review {r.case.reference}",
        lambda r: [
            ctx.field("Stage", r.get_stage_display()),
            ctx.field("Notified", r.notified_on),
            ctx.field("Date of death", r.date_of_death),
            ctx.text("Reasons for the decision", r.decision_reasons),
            ctx.text("Terms of reference", r.terms_of_reference),
            ctx.text("Family involvement", r.family_involvement),
            ctx.text("Quality assurance feedback", r.qa_feedback),
            ctx.field("Published", r.published_on),
        ],
        note="A review is about a death and everyone around it: nearly all of it is about other people too.",
    )


def _channel(ctx: SubjectContext) -> list[Section]:
    referrals = ChannelReferral.objects.filter(case_id__in=ctx.case_ids).select_related("case", "screened_by")
    assessments = VulnerabilityAssessment.objects.filter(referral__in=referrals).select_related(
        "assessed_by", "referral__case"
    )
    support = SupportProvision.objects.filter(referral__in=referrals).select_related("referral__case")
    support_reviews = SupportReview.objects.filter(referral__in=referrals).select_related(
        "recorded_by", "referral__case"
    )
    return [
        records_section(
            "reviews",
            "Channel and Prevent referrals",
            referrals,
            lambda r: f"Channel referral {r.case.reference}",
            lambda r: [
                ctx.field("Stage", r.get_stage_display()),
                ctx.field("Received", r.received_on),
                ctx.field("Screened by", r.screened_by.name),
                ctx.field("Type of concern", r.concern_type),
                ctx.field("Panel decision", r.get_outcome_display()),
                ctx.field("Decided", r.decided_on),
                ctx.field("Consent to support", r.get_consent_display()),
                ctx.field("Consent given by", r.consent_by),
                ctx.field("Left Channel", r.closed_on),
                ctx.text("Why the case closed", r.closure_reason),
            ],
            note="Information from the police about a Prevent referral may be exempt from release (DPA 2018 "
            "Sch 2 and Part 3): ask the police before releasing it.",
        ),
        records_section(
            "reviews",
            "Channel vulnerability assessments",
            assessments,
            lambda a: f"Assessment for {a.referral.case.reference}",
            lambda a: [
                ctx.field("Date", a.assessed_on),
                ctx.staff("Assessed by", a.assessed_by),
                ctx.field("Factors", a.factors),
                ctx.text("Engagement", a.engagement_notes),
                ctx.text("Intent", a.intent_notes),
                ctx.text("Capability", a.capability_notes),
            ],
        ),
        Section(
            "reviews",
            "Channel support",
            [
                *items_for(
                    support,
                    lambda s: f"Support for {s.referral.case.reference}",
                    lambda s: [
                        ctx.field("Provider", s.provider),
                        ctx.field("Type", s.support_type),
                        ctx.field("Started", s.started_on),
                        ctx.field("Ended", s.ended_on),
                    ],
                ),
                *items_for(
                    support_reviews,
                    lambda r: f"Review of support for {r.referral.case.reference}",
                    lambda r: [
                        ctx.field("Held", r.held_on),
                        ctx.staff("Recorded by", r.recorded_by),
                        ctx.text("Progress", r.progress),
                        ctx.field("Support continues", r.continue_support),
                    ],
                ),
            ],
        ),
    ]


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [_dhr(ctx), *_channel(ctx)]


register_source("reviews", sections, order=70)
