"""The ASB victim risk assessment: the standard questions on harm, vulnerability, repeat and impact, scored to
standard, medium or high. Weights follow the common police/council matrix; cut-offs are configurable."""

from dataclasses import dataclass

from asb.config import AsbConfig


@dataclass(frozen=True)
class RiskQuestion:
    code: str
    text: str
    weight: int
    forces_high: bool = False  # a yes to this alone means high risk, whatever the score


RISK_QUESTIONS: tuple[RiskQuestion, ...] = (
    RiskQuestion("targeted", "Does the victim feel they are being targeted?", 1),
    RiskQuestion("hate", "Does the victim think it is because of who they are (hate)?", 2),
    RiskQuestion("previous_reports", "Has the victim reported antisocial behaviour before?", 1),
    RiskQuestion("repeat_12_months", "Have there been 3 or more incidents in the last 12 months?", 2),
    RiskQuestion("physical_harm", "Has the victim been physically hurt or threatened with violence?", 2),
    RiskQuestion("afraid_at_home", "Is the victim afraid to stay in or leave their home?", 2),
    RiskQuestion("health", "Does the victim have a disability or a physical or mental health condition?", 1),
    RiskQuestion("isolated", "Does the victim live alone or have no one to support them?", 1),
    RiskQuestion("daily_life", "Is it affecting their sleep, work, school or daily life?", 1),
    RiskQuestion("children", "Are there children in the household affected by it?", 1),
    RiskQuestion("property_damage", "Has their home or property been damaged?", 1),
    RiskQuestion("harm_to_self", "Has the victim thought about harming themselves?", 3, forces_high=True),
)


@dataclass(frozen=True)
class RiskResult:
    score: int
    level: str  # core.models.RiskLevel value
    reasons: tuple[str, ...]


def score_risk(answers: dict[str, bool], config: AsbConfig, *, officer_says_high: bool = False) -> RiskResult:
    """Add the weights of the questions answered yes; professional judgement can raise (never lower) the level."""
    score = sum(q.weight for q in RISK_QUESTIONS if answers.get(q.code))
    reasons = [f"Score {score} (medium from {config.risk_medium_from}, high from {config.risk_high_from})"]
    forced = [q for q in RISK_QUESTIONS if q.forces_high and answers.get(q.code)]
    if score >= config.risk_high_from:
        level = "high"
    elif forced:
        level = "high"
        reasons.append("High because: " + "; ".join(q.text for q in forced))
    elif officer_says_high:
        level = "high"
        reasons.append("High on the officer's professional judgement")
    elif score >= config.risk_medium_from:
        level = "medium"
    else:
        level = "standard"
    return RiskResult(score, level, tuple(reasons))
