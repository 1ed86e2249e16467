from tension.models.areas import (
    AreaLevelChange,
    Confidence,
    InformationGrade,
    SharingReview,
    TensionArea,
    TensionReport,
)
from tension.models.incidents import (
    HighTensionIncident,
    IncidentStatus,
    PartnerContact,
    ResponseAction,
    SituationReport,
    TimelineEntry,
    TimelineKind,
)
from tension.models.rumours import Risk, Rumour, RumourStatus, RumourUpdate, Trend

__all__ = [
    "AreaLevelChange", "Confidence", "HighTensionIncident", "IncidentStatus", "InformationGrade", "PartnerContact",
    "ResponseAction", "Risk", "Rumour", "RumourStatus", "RumourUpdate", "SharingReview", "SituationReport",
    "TensionArea", "TensionReport", "TimelineEntry", "TimelineKind", "Trend",
]
