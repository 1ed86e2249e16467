from domestic_abuse.models.dash import DashAnswer, DashAnswerChoice, DashAssessment, DashQuestion
from domestic_abuse.models.encompass import ChildSchool, EncompassNotification, EncompassStatus, School, SchoolClosure
from domestic_abuse.models.marac import MaracReferral, MaracResearch, ReferralStatus
from domestic_abuse.models.perpetrators import InterventionKind, PerpetratorIntervention
from domestic_abuse.models.support import SelfReferral, ServiceCategory, SupportService

__all__ = [
    "ChildSchool", "DashAnswer", "DashAnswerChoice", "DashAssessment", "DashQuestion", "EncompassNotification",
    "EncompassStatus", "InterventionKind", "MaracReferral", "MaracResearch", "PerpetratorIntervention",
    "ReferralStatus", "School", "SchoolClosure", "SelfReferral", "ServiceCategory", "SupportService",
]
