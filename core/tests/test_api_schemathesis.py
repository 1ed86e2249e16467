"""Property-based check of the partner API: whatever a partner sends, the answer is never a server error.

Schemathesis reads /api/v1/openapi.json from the WSGI application in this process, so requests use the
test database and the data the fixture creates.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from core.models import (
    Case,
    CaseParticipant,
    CaseTeamMember,
    Incident,
    IncidentCategory,
    ParticipantRole,
    Person,
)
from csphub.wsgi import application
from partnership.models import Agency, AgencyKind, ApiKey

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def api_key() -> str:
    """A police key, on the team of one case with a person on it and an incident linked to it."""
    police = Agency.objects.create(name="Police", kind=AgencyKind.POLICE)
    case = Case.objects.create(reference="ASB-2026-00001", kind="asb", title="Noise", lead_agency=police)
    CaseTeamMember.objects.create(case=case, agency=police, sensitive_access=True)
    person = Person.objects.create(given_name="Sam", family_name="Example", postcode="CA1 1AA")
    CaseParticipant.objects.create(case=case, person=person, role=ParticipantRole.VICTIM)
    incident = Incident.objects.create(
        occurred_at="2026-01-05T10:00:00Z",
        category=IncidentCategory.ASB_NUISANCE,
        description="Noise",
        source_agency=police,
    )
    incident.cases.add(case)
    return ApiKey.issue(agency=police, name="Police records system", created_by=None)[1]


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():  # noqa: ANN201
    """Calling the WSGI application directly fires request_started/finished, whose handler closes a
    connection that is inside a transaction (the test's) — on PostgreSQL that ends the test. Django's
    test client detaches the handler in the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    # The key fixture is function-scoped on purpose: each example runs in the test's transaction.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_never_answers_with_a_server_error(case: schemathesis.Case, api_key: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {api_key}"}, checks=[not_a_server_error])
