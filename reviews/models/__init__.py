from reviews.models.channel import (
    ChannelReferral,
    ChannelReminderSent,
    ChannelStage,
    ConsentStatus,
    PostClosureReview,
    SupportProvision,
    SupportReview,
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
    "AgencyReport", "AgencyReportKind", "ChannelReferral", "ChannelReminderSent", "ChannelStage", "ConsentStatus",
    "DhrStage", "DomesticHomicideReview", "PostClosureReview", "PreventPlanAction", "PreventRiskAssessment",
    "PreventTraining", "Recommendation", "RecommendationStatus", "ReminderSent", "SupportProvision", "SupportReview",
    "Theme", "VulnerabilityAssessment",
]
