from reviews.models.channel import (
    ChannelReferral,
    ChannelStage,
    ConsentStatus,
    PostClosureReview,
    SupportProvision,
    VulnerabilityAssessment,
)
from reviews.models.dhr import (
    AgencyReport,
    AgencyReportKind,
    DhrStage,
    DomesticHomicideReview,
    Recommendation,
    RecommendationStatus,
    ReminderSent,
    Theme,
)
from reviews.models.prevent import PreventPlanAction, PreventRiskAssessment, PreventTraining

__all__ = [
    "AgencyReport", "AgencyReportKind", "ChannelReferral", "ChannelStage", "ConsentStatus", "DhrStage",
    "DomesticHomicideReview", "PostClosureReview", "PreventPlanAction", "PreventRiskAssessment", "PreventTraining",
    "Recommendation", "RecommendationStatus", "ReminderSent", "SupportProvision", "Theme", "VulnerabilityAssessment",
]
