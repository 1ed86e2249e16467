"""Demo information sharing agreements between the demo agencies: the partnership's own agreement (due for
review soon, so the dashboard shows it), an Operation Encompass agreement, and an old protocol that has ended.

Seeded before the demo's cases, whose team additions and referrals rely on them."""

from datetime import date, timedelta

from access.actions import do_end_sharing_agreement, do_save_sharing_agreement
from access.models import LawfulBasis, SharingAgreement, SharingPurpose
from access.policy import Actor
from partnership.models import Agency

CASEWORK_AGENCIES = ("council", "police", "fire", "health", "probation", "charity")


def seed(agencies: dict[str, Agency], acting: Actor, today: date) -> list[SharingAgreement]:
    def save(parties: tuple[str, ...], **fields: object) -> SharingAgreement:
        return do_save_sharing_agreement(
            agreement=None,
            fields={"owner_agency": agencies["council"], **fields},
            parties=[agencies[key] for key in parties],
            acting=acting,
        )

    partnership = save(
        CASEWORK_AGENCIES,
        reference="ISA-CSP-001",
        title="Cumberland Community Safety Partnership information sharing agreement",
        purposes=[SharingPurpose.CASE_TEAM, SharingPurpose.REFERRAL],
        lawful_bases=[LawfulBasis.PREVENT_CRIME, LawfulBasis.SAFEGUARDING, LawfulBasis.STATUTORY],
        legal_conditions=(
            "UK GDPR Art 6(1)(e) public task, with CDA 1998 s.115 as the power to share; Art 9(2)(g) "
            "with DPA 2018 Sch 1 paras 6, 10 and 18; Art 10 with Sch 1 para 10. Police: DPA 2018 "
            "Part 3."
        ),
        data_shared=(
            "Names, dates of birth, addresses and contact details of victims, witnesses and perpetrators; "
            "incident history; risk assessments; actions agreed at case meetings."
        ),
        starts_on=today - timedelta(days=3 * 365 - 18),
        review_on=today + timedelta(days=18),
        document_link="https://example.org/csp/isa-csp-001.pdf",
        notes="Annual review led by the CSP coordinator. Appropriate Policy Document held by each party.",
    )
    encompass = save(
        ("police", "council"),
        reference="ISA-ENC-002",
        title="Operation Encompass notifications to schools",
        purposes=[SharingPurpose.ENCOMPASS],
        lawful_bases=[LawfulBasis.SAFEGUARDING],
        legal_conditions="UK GDPR Art 6(1)(e); Art 9(2)(g) with DPA 2018 Sch 1 para 18 (safeguarding children).",
        data_shared="The child's name and date of birth, the date and time police attended, the police contact.",
        starts_on=today - timedelta(days=500),
        review_on=today + timedelta(days=230),
    )
    protocol = save(
        ("council", "police"),
        reference="ISA-ASB-2019",
        title="Carlisle ASB problem-solving protocol (replaced)",
        purposes=[SharingPurpose.CASE_TEAM],
        lawful_bases=[LawfulBasis.PREVENT_CRIME],
        legal_conditions="UK GDPR Art 6(1)(e); Art 10 with DPA 2018 Sch 1 para 10.",
        data_shared="Names and addresses of people causing and experiencing antisocial behaviour.",
        starts_on=date(2019, 4, 1),
        review_on=date(2022, 4, 1),
        notes="Replaced by ISA-CSP-001.",
    )
    do_end_sharing_agreement(agreement=protocol, ends_on=today - timedelta(days=3 * 365 - 18), acting=acting)
    return [partnership, encompass, protocol]
