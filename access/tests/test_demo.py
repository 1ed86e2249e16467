"""The demo's sharing agreements: the demo's own team additions and referrals can rely on them, one is due
for review soon and one has ended."""

from django.urls import reverse
from django.utils import timezone

from access import demo
from access.agreements import status_of
from access.models import SharingAgreement, SharingPurpose
from access.policy import actor_for_user
from audit.models import AuditEvent
from conftest import World, signed_in_client
from core.actions import do_add_team_agency
from partnership.models import Agency, AgencyKind


def test_demo_agreements_cover_the_demo_partnership(world: World) -> None:
    SharingAgreement.objects.update(ends_on=timezone.localdate())  # only the demo's agreements are in force
    health = Agency.objects.create(name="Test Health", kind=AgencyKind.HEALTH)
    probation = Agency.objects.create(name="Test Probation", kind=AgencyKind.PROBATION)
    agencies = {
        "council": world.council,
        "police": world.police,
        "fire": world.fire,
        "health": health,
        "probation": probation,
        "charity": world.charity,
    }
    partnership, encompass, protocol = demo.seed(agencies, actor_for_user(world.coordinator), timezone.localdate())

    assert [status_of(a) for a in (partnership, encompass, protocol)] == ["active", "active", "ended"]
    assert SharingPurpose.ENCOMPASS in encompass.purposes
    member = do_add_team_agency(
        case=world.case_a, agency=health, sensitive_access=False, acting=actor_for_user(world.practitioner_a)
    )
    assert member.sharing_agreement == partnership
    assert AuditEvent.objects.filter(object_type="access.sharingagreement").count() == 4  # three added, one ended
    response = signed_in_client(world.coordinator).get(reverse("core:dashboard"))
    assert [a.reference for a in response.context["agreements_due"]] == ["ISA-CSP-001"]
