"""Retention: a high-tension incident is part of its case (kind ``tension``) and goes with it."""

from core.models import Case
from retention.models import RemovalAction
from retention.registry import register_case_part
from tension.models import HighTensionIncident

ANONYMISED_TEXT = "Anonymised"


def prepare_tension_incident(case: Case, action: str) -> None:
    """Delete the incident (its timeline and call list go with it) or blank its free text; keep its area,
    level, status and dates so the tension figures still add up."""
    incidents = HighTensionIncident.objects.filter(case=case)
    if action == RemovalAction.DELETE:
        incidents.delete()
        return
    incidents.update(what_happened=ANONYMISED_TEXT, community_impact="")
    for incident in incidents:
        incident.timeline.update(text=ANONYMISED_TEXT, reason="")
        incident.call_list.all().delete()


register_case_part(prepare_tension_incident)
