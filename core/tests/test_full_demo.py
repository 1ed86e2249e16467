"""The whole demo, with every domain app's data, as `make demo` loads it (smaller)."""

from io import StringIO

import pytest
from django.core.management import call_command

from audit.chain import verify_chain
from core import demo
from core.models import Case


@pytest.mark.django_db
def test_full_demo_with_every_domain_app_is_audited_and_idempotent() -> None:
    call_command("seed_demo", stdout=StringIO(), cases=12, incidents=20)
    counts = demo.demo_counts()
    again = StringIO()
    call_command("seed_demo", stdout=again, cases=12, incidents=20)
    assert "already loaded" in again.getvalue()
    assert demo.demo_counts() == counts
    assert verify_chain() is None
    assert {"asb", "hate", "marac", "tension", "dhr", "channel"} <= set(Case.objects.values_list("kind", flat=True))
