"""The ASB Case Review threshold (ABCPA 2014 s.104) as a pure function that explains itself line by line."""

import calendar
from dataclasses import dataclass
from datetime import date

from asb.config import AsbConfig


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it has no such day (31 Jan + 1 → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Complaint:
    """One report of the behaviour: by the applicant (from the form) or an incident csphub already holds."""

    behaviour_on: date
    complained_on: date
    agency: str
    reference: str = ""
    source: str = "applicant"  # "applicant" or "held" (an incident already in csphub)


@dataclass(frozen=True)
class ThresholdFacts:
    applied_on: date
    complaints: tuple[Complaint, ...]
    hate_motivated: bool = False
    vulnerable_victim: bool = False


@dataclass(frozen=True)
class ThresholdDecision:
    met: bool
    qualifying: int
    needed: int
    rule: str
    lines: tuple[str, ...]


def _needed(facts: ThresholdFacts, config: AsbConfig) -> tuple[int, str]:
    needed, rule = config.threshold_min_complaints, "partnership threshold"
    for local in config.local_thresholds:
        applies = (local.applies_to == "hate" and facts.hate_motivated) or (
            local.applies_to == "vulnerable" and facts.vulnerable_victim
        )
        if applies and local.min_complaints < needed:
            needed, rule = local.min_complaints, local.label
    return needed, rule


def _why_not_qualifying(complaint: Complaint, applied_on: date, config: AsbConfig) -> str:
    if complaint.complained_on < complaint.behaviour_on:
        return "the complaint is dated before the behaviour"
    if complaint.complained_on > applied_on:
        return "the complaint is dated after the application"
    if complaint.complained_on > add_months(complaint.behaviour_on, config.complaint_within_months):
        return f"made more than {config.complaint_within_months} month(s) after the behaviour"
    if applied_on > add_months(complaint.complained_on, config.application_within_months):
        return f"the application came more than {config.application_within_months} months after it"
    return ""


def _describe(complaint: Complaint) -> str:
    ref = f" ({complaint.reference})" if complaint.reference else ""
    held = ", already held by the partnership" if complaint.source == "held" else ""
    return (f"Complaint to {complaint.agency}{ref} on {complaint.complained_on:%d %b %Y} about behaviour on "
            f"{complaint.behaviour_on:%d %b %Y}{held}")


def decide_threshold(facts: ThresholdFacts, config: AsbConfig) -> ThresholdDecision:
    """Count qualifying complaints; one incident reported to several agencies counts once (same behaviour
    date), and an incident csphub holds counts once even if the applicant lists it too."""
    needed, rule = _needed(facts, config)
    lines: list[str] = []
    counted_days: set[date] = set()
    seen: set[tuple[str, str]] = set()
    ordered = sorted(facts.complaints, key=lambda c: (c.behaviour_on, c.source != "applicant", c.complained_on))
    for complaint in ordered:
        key = (complaint.agency.strip().lower(), complaint.reference.strip().lower())
        if complaint.reference and key in seen:
            lines.append(f"{_describe(complaint)}: not counted, the same complaint is listed twice")
            continue
        seen.add(key)
        reason = _why_not_qualifying(complaint, facts.applied_on, config)
        if reason:
            lines.append(f"{_describe(complaint)}: does not qualify, {reason}")
        elif complaint.behaviour_on in counted_days:
            lines.append(f"{_describe(complaint)}: not counted again, the same incident reported to another agency")
        else:
            counted_days.add(complaint.behaviour_on)
            lines.append(f"{_describe(complaint)}: qualifies")
    qualifying = len(counted_days)
    met = qualifying >= needed
    verdict = "met" if met else "not met"
    lines.append(f"{qualifying} qualifying complaint(s); the {rule} needs {needed}: threshold {verdict}")
    return ThresholdDecision(met, qualifying, needed, rule, tuple(lines))
