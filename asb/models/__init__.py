from asb.models.case_review import (
    ApplicationChannel,
    ApplicationComplaint,
    ApplicationStatus,
    CaseReviewApplication,
    EscalationStatus,
    InformationRequest,
    Recommendation,
)
from asb.models.cases import AccessRequest, AsbCasePlan, Intervention, Pspo, RiskAssessment
from asb.models.incidents import AsbIncident, AsbType, MatchStatus, PersonMatch, RepeatVictimFlag
from asb.models.settings import AsbSettings

__all__ = [
    "AccessRequest", "ApplicationChannel", "ApplicationComplaint", "ApplicationStatus", "AsbCasePlan", "AsbIncident",
    "AsbSettings", "AsbType", "CaseReviewApplication", "EscalationStatus", "InformationRequest", "Intervention",
    "MatchStatus", "PersonMatch", "Pspo", "Recommendation", "RepeatVictimFlag", "RiskAssessment",
]
