"""The consents and lawful bases recorded for sharing a person's data, for a subject access export."""

from access.models import BreakGlassGrant, SharingBasis
from core.models import Person
from rights.registry import Section, SubjectContext, item_for, register_source


def sections(person: Person) -> list[Section]:
    ctx = SubjectContext(person)
    bases = SharingBasis.objects.filter(person=person).select_related("recorded_by")
    grants = BreakGlassGrant.objects.filter(case_id__in=ctx.case_ids).select_related("case", "user")
    return [
        Section(
            "access",
            "Consent and the lawful basis for sharing your information",
            [
                item_for(
                    basis,
                    str(basis.get_purpose_display()),
                    [
                        ctx.field("Purpose", basis.get_purpose_display()),
                        ctx.field("Basis", basis.get_basis_display()),
                        ctx.text("Why this basis applies", basis.explanation),
                        ctx.field("Recorded", basis.recorded_at),
                        ctx.staff("Recorded by", basis.recorded_by),
                        ctx.field("Withdrawn", basis.withdrawn_at),
                    ],
                )
                for basis in bases
            ],
        ),
        Section(
            "access",
            "Staff who opened your cases without being on the team",
            [
                item_for(
                    grant,
                    f"Opened {grant.case.reference}",
                    [
                        ctx.field("When", grant.created_at),
                        ctx.staff("Who", grant.user),
                        ctx.text("Reason", grant.reason),
                    ],
                )
                for grant in grants
            ],
        ),
    ]


register_source("access", sections, order=11)
