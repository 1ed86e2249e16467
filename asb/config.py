"""The partnership's ASB numbers. Defaults come from the domain notes (../shared/domain/README.md);
each can be changed per partnership in the ``AsbSettings`` row (staff admin), never in code."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LocalThreshold:
    """A local variant of the Case Review threshold, e.g. a lower bar for hate-motivated behaviour."""

    applies_to: str  # "hate" or "vulnerable"
    min_complaints: int
    label: str


@dataclass(frozen=True)
class AsbConfig:
    # Repeat victims: N or more incidents affecting the same person or address within a rolling window.
    repeat_min_incidents: int = 3
    repeat_window_days: int = 365
    # Case Review threshold (ABCPA 2014 s.104; Explanatory Notes): 3 qualifying complaints, each made within
    # 1 month of the behaviour, the application within 6 months of the complaint.
    threshold_min_complaints: int = 3
    complaint_within_months: int = 1
    application_within_months: int = 6
    local_thresholds: tuple[LocalThreshold, ...] = field(default_factory=tuple)
    # Timescales in working days (local practice: Gosport, Birmingham, East Herts; none set by the Act).
    acknowledge_working_days: int = 5
    threshold_decision_working_days: int = 10
    tell_applicant_working_days: int = 5  # after the threshold decision
    hold_review_working_days: int = 20  # after the threshold decision
    send_outcome_working_days: int = 10  # after the review meeting
    escalation_request_working_days: int = 20  # the applicant's window to ask for an escalation
    escalation_decision_working_days: int = 20
    escalation_body: str = "the Police and Crime Commissioner"
    # Risk assessment scores (the standard ASB victim questions; cut-offs are local practice [U]).
    risk_medium_from: int = 4
    risk_high_from: int = 8
    # Intervention effect: incidents affecting the victim this many days before and after.
    effect_window_days: int = 90


DEFAULT_CONFIG = AsbConfig()
