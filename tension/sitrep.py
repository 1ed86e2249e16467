"""What a situation report says: read from the incident as it stands. Used for the live view and for the
copy frozen when a sitrep is issued."""

from datetime import datetime
from typing import Any

from tension.models import HighTensionIncident, RumourStatus


def sitrep_context(incident: HighTensionIncident, *, now: datetime, number: int | None = None,
                   issued_by: Any = None) -> dict[str, Any]:
    rumours = incident.rumours.exclude(status=RumourStatus.SUBSIDED).order_by("risk", "-estimated_reach")
    return {
        "incident": incident,
        "number": number,
        "issued_at": now,
        "issued_by": issued_by,
        "area": incident.area,
        "rumours": list(rumours),
        "actions": list(incident.actions.select_related("owner_agency").order_by("status", "due_at")),
        "timeline": list(incident.timeline.select_related("by", "by_agency")[:20]),
        "partners": list(incident.call_list.select_related("agency")),
    }
