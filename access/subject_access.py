"""The consents and lawful bases recorded for sharing a person's data, for a subject access export."""

from access.models import BreakGlassGrant, SharingBasis
from core.models import Person
from rights.registry import Section, SubjectContext, records_section, register_source


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    return [
        records_section(
            "access",
            "Consent and the lawful basis for sharing your information",
            SharingBasis.objects.filter(person=person).select_related("recorded_by"),
            lambda basis: str(basis.get_purpose_display()),
            lambda basis: [
                ctx.field("Purpose", basis.get_purpose_display()),
                ctx.field("Basis", basis.get_basis_display()),
                ctx.text("Why this basis applies", basis.explanation),
                ctx.field("Recorded", basis.recorded_at),
                ctx.staff("Recorded by", basis.recorded_by),
                ctx.field("Withdrawn", basis.withdrawn_at),
            ],
        ),
        records_section(
            "access",
            "Staff who opened your cases without being on the team",
            BreakGlassGrant.objects.filter(case_id__in=ctx.case_ids).select_related("case", "user"),
            lambda grant: f"Opened {grant.case.reference}",
            lambda grant: [
                ctx.field("When", grant.created_at),
                ctx.staff("Who", grant.user),
                ctx.text("Reason", grant.reason),
            ],
        ),
    ]


register_source("access", sections, order=11)
