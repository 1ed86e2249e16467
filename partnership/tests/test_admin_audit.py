"""Every change made through the administration screens is an audit event; API keys are shown once."""

import hashlib
import re

import pytest
from django.test import Client
from django.urls import reverse

from audit.chain import verify_chain
from audit.models import AuditAction, AuditEvent
from conftest import make_user, signed_in_client
from partnership.models import Agency, AgencyKind, ApiKey, Role, User


@pytest.fixture
def home_agency(db) -> Agency:  # noqa: ANN001
    return Agency.objects.create(name="Admin Home Council", kind=AgencyKind.COUNCIL)


@pytest.fixture
def administrator(home_agency: Agency) -> User:
    return make_user("alex.admin@council.test", home_agency, Role.ADMINISTRATOR)


@pytest.fixture
def admin_client(administrator: User) -> Client:
    return signed_in_client(administrator)


def audit_events(action: str, object_type: str, object_id: object) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, object_type=object_type, object_id=str(object_id)))


def agency_form(**overrides: str) -> dict[str, str]:
    data = {"name": "Test Health Trust", "kind": AgencyKind.HEALTH, "email": "", "active": "on", "_save": "Save"}
    data.update(overrides)
    return data


def test_adding_an_agency_in_the_admin_creates_it_and_audits_create(
    admin_client: Client, administrator: User, home_agency: Agency
):
    response = admin_client.post(reverse("admin:partnership_agency_add"), agency_form())

    assert response.status_code == 302
    agency = Agency.objects.get(name="Test Health Trust")
    assert agency.kind == AgencyKind.HEALTH
    created = audit_events(AuditAction.CREATE, "partnership.agency", agency.pk)
    assert len(created) == 1
    assert created[0].actor_id == administrator.pk
    assert created[0].agency_id == home_agency.pk
    assert verify_chain() is None


def test_changing_an_agency_in_the_admin_audits_update_with_the_changed_fields(
    admin_client: Client, administrator: User
):
    agency = Agency.objects.create(name="Old Name Trust", kind=AgencyKind.HEALTH)

    response = admin_client.post(
        reverse("admin:partnership_agency_change", args=[agency.pk]), agency_form(name="New Name Trust")
    )

    assert response.status_code == 302
    agency.refresh_from_db()
    assert agency.name == "New Name Trust"
    updated = audit_events(AuditAction.UPDATE, "partnership.agency", agency.pk)
    assert len(updated) == 1
    assert updated[0].actor_id == administrator.pk
    assert "name" in updated[0].reason
    assert "kind" not in updated[0].reason


def test_deleting_an_agency_in_the_admin_audits_delete(admin_client: Client, administrator: User):
    agency = Agency.objects.create(name="Short-lived Trust", kind=AgencyKind.HEALTH)
    agency_pk = agency.pk

    response = admin_client.post(reverse("admin:partnership_agency_delete", args=[agency_pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not Agency.objects.filter(pk=agency_pk).exists()
    deleted = audit_events(AuditAction.DELETE, "partnership.agency", agency_pk)
    assert len(deleted) == 1
    assert deleted[0].actor_id == administrator.pk
    assert verify_chain() is None


def test_bulk_deleting_agencies_in_the_admin_audits_each_one(admin_client: Client):
    first = Agency.objects.create(name="Bulk One", kind=AgencyKind.OTHER)
    second = Agency.objects.create(name="Bulk Two", kind=AgencyKind.OTHER)

    response = admin_client.post(
        reverse("admin:partnership_agency_changelist"),
        {"action": "delete_selected", "_selected_action": [first.pk, second.pk], "post": "yes"},
    )

    assert response.status_code == 302
    assert not Agency.objects.filter(pk__in=[first.pk, second.pk]).exists()
    for agency in (first, second):
        assert len(audit_events(AuditAction.DELETE, "partnership.agency", agency.pk)) == 1


def test_someone_who_is_not_an_administrator_cannot_add_an_agency(db, home_agency: Agency):  # noqa: ANN001
    coordinator = make_user("coordinator@council.test", home_agency, Role.COORDINATOR)
    client = signed_in_client(coordinator)

    response = client.post(reverse("admin:partnership_agency_add"), agency_form(), follow=True)

    assert response.status_code == 403
    assert not Agency.objects.filter(name="Test Health Trust").exists()
    assert not AuditEvent.objects.filter(object_type="partnership.agency").exists()


def test_creating_an_api_key_shows_it_once_and_stores_only_its_hash(
    admin_client: Client, administrator: User, home_agency: Agency
):
    response = admin_client.post(
        reverse("admin:partnership_apikey_add"),
        {"agency": home_agency.pk, "name": "Police records system", "_save": "Save"},
        follow=True,
    )

    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    plain = next(
        match.group(0) for text in shown if (match := re.search(r"csp_[0-9a-f]{8}_[A-Za-z0-9_-]+", text))
    )
    key = ApiKey.objects.get()
    _csp, prefix, secret = plain.split("_", 2)
    assert key.prefix == prefix
    assert key.name == "Police records system"
    assert key.agency == home_agency
    assert key.created_by == administrator
    assert key.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(value) for value in ApiKey.objects.values_list().get()]
    assert not any(secret in value for value in stored)
    assert not any(secret in event.reason for event in AuditEvent.objects.all())
    assert ApiKey.find_active(plain) == key
    assert len(audit_events(AuditAction.CREATE, "partnership.apikey", key.pk)) == 1

    # The change page never shows the key again.
    change_page = admin_client.get(reverse("admin:partnership_apikey_change", args=[key.pk]))
    assert change_page.status_code == 200
    assert secret not in change_page.content.decode()


def test_revoking_api_keys_with_the_admin_action_sets_revoked_at_and_audits_it(
    admin_client: Client, administrator: User, home_agency: Agency
):
    key, plain = ApiKey.issue(agency=home_agency, name="Old system", created_by=administrator)
    kept, _kept_plain = ApiKey.issue(agency=home_agency, name="Current system", created_by=administrator)

    response = admin_client.post(
        reverse("admin:partnership_apikey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk], "index": 0},
    )

    assert response.status_code == 302
    key.refresh_from_db()
    kept.refresh_from_db()
    assert key.revoked_at is not None
    assert kept.revoked_at is None
    assert ApiKey.find_active(plain) is None
    revoked = audit_events(AuditAction.UPDATE, "partnership.apikey", key.pk)
    assert len(revoked) == 1
    assert revoked[0].reason == "revoked"
    assert revoked[0].actor_id == administrator.pk


def test_revoking_an_already_revoked_key_changes_nothing(
    admin_client: Client, administrator: User, home_agency: Agency
):
    key, _plain = ApiKey.issue(agency=home_agency, name="Old system", created_by=administrator)
    admin_client.post(
        reverse("admin:partnership_apikey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk], "index": 0},
    )
    key.refresh_from_db()
    first_revoked_at = key.revoked_at

    admin_client.post(
        reverse("admin:partnership_apikey_changelist"),
        {"action": "revoke", "_selected_action": [key.pk], "index": 0},
    )

    key.refresh_from_db()
    assert key.revoked_at == first_revoked_at
    assert len(audit_events(AuditAction.UPDATE, "partnership.apikey", key.pk)) == 1
