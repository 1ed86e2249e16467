"""The statutory timescales of Domestic Homicide Reviews and Channel, as pure functions.

Data in, answer out; no request, no database. Timescales come from ``reviews.config`` (configurable); every
deadline that falls on a weekend or an England and Wales bank holiday moves to the next working day.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext_lazy as _

from reviews.config import ChannelTimescales, DhrTimescales
from reviews.workdays import add_months, add_working_days, next_working_day

MET, LATE, OVERDUE, PENDING = "met", "late", "overdue", "pending"


def _deadline(day: date, t: DhrTimescales) -> date:
    return next_working_day(day) if t.roll_to_working_day else day


def decision_due(notified_on: date, t: DhrTimescales) -> date:
    """The CSP chair decides whether to hold a review within one month of the notification."""
    return _deadline(add_months(notified_on, t.decision_months), t)


def home_office_due(notified_on: date, t: DhrTimescales) -> date:
    """The Home Office is told of the decision within the same month (whatever the decision)."""
    return _deadline(add_months(notified_on, t.home_office_months), t)


def report_due(decision_on: date, t: DhrTimescales) -> date:
    """The overview report is finished and sent for quality assurance 6 months from the decision."""
    return _deadline(add_months(decision_on, t.report_months), t)


def agency_report_due(requested_on: date, t: DhrTimescales) -> date:
    """An agency's chronology or IMR is due a set number of working days after it was asked for."""
    return add_working_days(requested_on, t.agency_report_working_days)


def publication_due(feedback_on: date, t: DhrTimescales) -> date:
    return _deadline(add_months(feedback_on, t.publication_months), t)


@dataclass(frozen=True)
class Milestone:
    code: str
    label: str
    due_on: date
    done_on: date | None = None

    def state(self, today: date) -> str:
        if self.done_on is not None:
            return MET if self.done_on <= self.due_on else LATE
        return OVERDUE if today > self.due_on else PENDING


@dataclass(frozen=True)
class DhrFacts:
    """What the milestones depend on, copied from a review (so the rules can be tested without a database)."""

    notified_on: date
    held: bool | None = None  # None: not decided yet
    decision_on: date | None = None
    home_office_notified_on: date | None = None
    qa_submitted_on: date | None = None
    qa_feedback_on: date | None = None
    published_on: date | None = None
    agency_reports: Sequence[tuple[str, str, date, date | None]] = field(default_factory=tuple)  # code, label, due, in
    actions: Sequence[tuple[str, str, date, date | None]] = field(default_factory=tuple)


def dhr_milestones(facts: DhrFacts, t: DhrTimescales) -> list[Milestone]:
    """Every deadline of one review so far, in date order. Later milestones appear once they can be dated."""
    milestones = [
        Milestone("decision", str(_("Decide whether to hold a review")), decision_due(facts.notified_on, t),
                  facts.decision_on),
        Milestone("home_office", str(_("Tell the Home Office the decision")), home_office_due(facts.notified_on, t),
                  facts.home_office_notified_on),
    ]
    if facts.held and facts.decision_on is not None:
        milestones.append(Milestone("report", str(_("Send the overview report for quality assurance")),
                                    report_due(facts.decision_on, t), facts.qa_submitted_on))
        milestones += [Milestone(f"agency_report:{code}", label, due, done)
                       for code, label, due, done in facts.agency_reports]
    if facts.qa_feedback_on is not None:
        milestones.append(Milestone("publication", str(_("Publish the report")),
                                    publication_due(facts.qa_feedback_on, t), facts.published_on))
    milestones += [Milestone(f"action:{code}", label, due, done) for code, label, due, done in facts.actions]
    return sorted(milestones, key=lambda m: (m.due_on, m.code))


def next_deadline(milestones: Iterable[Milestone]) -> Milestone | None:
    """The earliest deadline not yet met (it may already have passed)."""
    return min((m for m in milestones if m.done_on is None), key=lambda m: m.due_on, default=None)


def breaches(milestones: Iterable[Milestone], today: date) -> list[Milestone]:
    """Deadlines missed: done late, or still not done after the due date."""
    return [m for m in milestones if m.state(today) in (LATE, OVERDUE)]


def on_time(milestones: Iterable[Milestone], today: date) -> tuple[int, int]:
    """(met on time, deadlines that have fallen due or been done) — the "milestones met on time" indicator."""
    counted = [m for m in milestones if m.state(today) != PENDING]
    return sum(1 for m in counted if m.state(today) == MET), len(counted)


# --- Channel ---------------------------------------------------------------------------------------------


def post_closure_review_dates(closed_on: date, t: ChannelTimescales) -> list[tuple[int, date]]:
    """A person who leaves Channel is reviewed 6 and 12 months later (configurable)."""
    return [(months, next_working_day(add_months(closed_on, months))) for months in t.post_closure_review_months]


def next_support_review(last_review_on: date, t: ChannelTimescales) -> date:
    return next_working_day(add_months(last_review_on, t.support_review_months))


def support_review_due(*, stage: str, decided_on: date | None, last_review_on: date | None,
                       t: ChannelTimescales) -> date | None:
    """While support is in place the panel reviews the person every few months (3 by default), counted from
    the last review held or, before the first, from the panel's decision to adopt. None once support ends."""
    if stage != "support" or decided_on is None:
        return None
    return next_support_review(last_review_on or decided_on, t)


def reminder_kind(due_on: date, today: date, days_before: int) -> str | None:
    """ "missed" once the due date has passed, "upcoming" within ``days_before`` days of it, else None."""
    if due_on < today:
        return "missed"
    if (due_on - today).days <= days_before:
        return "upcoming"
    return None


@dataclass(frozen=True)
class Factor:
    code: str
    heading: str
    text: str


ENGAGEMENT, INTENT, CAPABILITY = "engagement", "intent", "capability"
HEADINGS = {
    ENGAGEMENT: _("Engagement with a group, cause or ideology"),
    INTENT: _("Intent to cause harm"),
    CAPABILITY: _("Capability to cause harm"),
}

# The framework's 22 factors under its three headings (13, 6 and 3). The descriptions are our own short
# summaries, written for csphub, not the framework's wording.
_FACTOR_TEXT = {
    ENGAGEMENT: (
        "Feelings of grievance and injustice",
        "Feeling under threat",
        "A need for identity, meaning and belonging",
        "A desire for status",
        "A desire for excitement and adventure",
        "A need to dominate and control others",
        "Susceptibility to indoctrination",
        "A desire for political or moral change",
        "Opportunistic involvement",
        "Family or friends involved in extremism",
        "Being at a transitional time of life",
        "Being influenced or controlled by a group",
        "Relevant mental health issues",
    ),
    INTENT: (
        "Over-identification with a group or ideology",
        "Seeing the world as 'them and us'",
        "Dehumanising the enemy",
        "Attitudes that justify offending",
        "Harmful means to an end",
        "Harmful objectives",
    ),
    CAPABILITY: (
        "Individual knowledge, skills and competencies",
        "Access to networks, funding or equipment",
        "Criminal history",
    ),
}
FACTORS: tuple[Factor, ...] = tuple(
    Factor(f"{heading[0]}{number}", heading, text)
    for heading, texts in _FACTOR_TEXT.items()
    for number, text in enumerate(texts, start=1)
)
FACTOR_CODES = frozenset(f.code for f in FACTORS)


def vulnerability_summary(present: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Per heading: (factors present, factors in the heading). Unknown codes are ignored."""
    present = set(present) & FACTOR_CODES
    return {
        heading: (sum(1 for f in FACTORS if f.heading == heading and f.code in present),
                  sum(1 for f in FACTORS if f.heading == heading))
        for heading in HEADINGS
    }


# --- Aggregates ------------------------------------------------------------------------------------------

SMALL_NUMBER = 5


def suppress(count: int) -> str:
    """Counts of 1 to 4 can identify people, so outside casework they are shown as "fewer than 5"."""
    return str(_("fewer than 5")) if 0 < count < SMALL_NUMBER else str(count)


def training_rate(trained: int, in_scope: int) -> float | None:
    """Share of staff trained, 0–100; None when nobody needs the training."""
    if in_scope <= 0:
        return None
    return round(100 * min(trained, in_scope) / in_scope, 1)
