"""The subject's own requests under their data protection rights, for a subject access export."""

from core.models import Person
from rights.models import ErasureRequest, RectificationRequest, SubjectAccessRequest
from rights.registry import Section, SubjectContext, items_for, register_source


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    items = items_for(
        SubjectAccessRequest.objects.filter(person=person),
        lambda r: f"Subject access request {r.reference}",
        lambda r: [
            ctx.field("Received", r.received_on),
            ctx.field("Due", r.due_on),
            ctx.field("Status", r.get_status_display()),
        ],
    )
    items += items_for(
        RectificationRequest.objects.filter(person=person),
        lambda r: f"Rectification request {r.reference}",
        lambda r: [
            ctx.field("Received", r.received_on),
            ctx.field("Detail", r.get_field_display()),
            ctx.text("What is wrong", r.what_is_wrong),
            ctx.text("What it should be", r.corrected_value),
            ctx.field("Status", r.get_status_display()),
        ],
    )
    items += items_for(
        ErasureRequest.objects.filter(person=person),
        lambda r: f"Erasure request {r.reference}",
        lambda r: [
            ctx.field("Received", r.received_on),
            ctx.text("Why you asked", r.grounds),
            ctx.field("Decision", r.get_decision_display()),
            ctx.field("Ground for refusal", r.get_refusal_ground_display()),
            ctx.text("Reasons", r.decision_reason),
            ctx.field("Status", r.get_status_display()),
        ],
    )
    return [Section("rights", "Your requests about your information", items)]


register_source("rights", sections, order=90)
