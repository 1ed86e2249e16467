"""The ladder of interventions and the preconditions the Anti-social Behaviour, Crime and Policing Act 2014
sets for the enforcement steps. Each check says which precondition is missing, in words an officer uses."""

from dataclasses import dataclass
from datetime import date, timedelta


class Step:
    ADVICE = "advice"
    WARNING_LETTER = "warning_letter"
    MEDIATION = "mediation"
    RESTORATIVE = "restorative"
    ABC = "abc"
    CPW = "cpw"
    CPN = "cpn"
    FIXED_PENALTY = "fixed_penalty"
    INJUNCTION = "injunction"
    CBO = "cbo"
    CLOSURE_NOTICE = "closure_notice"
    CLOSURE_ORDER = "closure_order"


LADDER: tuple[tuple[str, str], ...] = (
    (Step.ADVICE, "Advice"),
    (Step.WARNING_LETTER, "Warning letter"),
    (Step.MEDIATION, "Mediation"),
    (Step.RESTORATIVE, "Restorative conference"),
    (Step.ABC, "Acceptable Behaviour Contract"),
    (Step.CPW, "Community Protection Warning"),
    (Step.CPN, "Community Protection Notice"),
    (Step.FIXED_PENALTY, "Fixed penalty notice"),
    (Step.INJUNCTION, "Civil injunction"),
    (Step.CBO, "Criminal Behaviour Order"),
    (Step.CLOSURE_NOTICE, "Closure notice"),
    (Step.CLOSURE_ORDER, "Closure order"),
)
ENFORCEMENT = frozenset({Step.CPW, Step.CPN, Step.FIXED_PENALTY, Step.INJUNCTION, Step.CBO,
                         Step.CLOSURE_NOTICE, Step.CLOSURE_ORDER})
CLOSURE_COURT_HOURS = 48  # s.80: the court hears the application within 48 hours of the notice


@dataclass(frozen=True)
class EarlierStep:
    step: str
    on: date
    comply_by: date | None = None
    breached: bool = False


@dataclass(frozen=True)
class Subject:
    age: int | None = None  # None: not known
    is_business: bool = False
    convicted: bool = False  # convicted of an offence in the proceedings (CBO)


def _age_missing(subject: Subject, minimum: int, tool: str) -> list[str]:
    if subject.is_business and minimum == 16:
        return []
    if subject.age is None:
        return [f"Record the person's age: a {tool} is only for people aged {minimum} or over"]
    if subject.age < minimum:
        return [f"A {tool} is only for people aged {minimum} or over"]
    return []


def _cpn(history: list[EarlierStep], subject: Subject, on: date) -> list[str]:
    missing = _age_missing(subject, 16, "Community Protection Notice")
    warnings = [s for s in history if s.step == Step.CPW and s.on <= on]
    if not warnings:
        return [*missing, "A written warning (Community Protection Warning) must be given first (s.43(5))"]
    latest = max(warnings, key=lambda s: s.on)
    if latest.comply_by is None:
        missing.append("Record the date the warning gave to comply by")
    elif latest.comply_by >= on:
        missing.append(f"The time to comply with the warning has not passed (it ends {latest.comply_by:%d %b %Y})")
    if not latest.breached:
        missing.append("Record that the conduct carried on after the warning")
    return missing


def _fixed_penalty(history: list[EarlierStep], subject: Subject, on: date) -> list[str]:
    if any(s.step == Step.CPN and s.on <= on and s.breached for s in history):
        return []
    return ["A fixed penalty needs a Community Protection Notice (or a PSPO) that has been breached"]


def _closure_order(history: list[EarlierStep], subject: Subject, on: date) -> list[str]:
    notices = [s for s in history if s.step == Step.CLOSURE_NOTICE and s.on <= on]
    if not notices:
        return ["A closure notice must be issued before applying for a closure order"]
    latest = max(notices, key=lambda s: s.on)
    if on > latest.on + timedelta(hours=CLOSURE_COURT_HOURS):
        return ["The court must hear the closure order within 48 hours of the notice"]
    return []


def missing_preconditions(step: str, history: list[EarlierStep], subject: Subject, on: date) -> list[str]:
    """What is missing before ``step`` can be taken on ``on``; an empty list means it may go ahead."""
    match step:
        case Step.CPW:
            return _age_missing(subject, 16, "Community Protection Warning")
        case Step.CPN:
            return _cpn(history, subject, on)
        case Step.FIXED_PENALTY:
            return _fixed_penalty(history, subject, on)
        case Step.INJUNCTION:
            return _age_missing(subject, 10, "civil injunction")
        case Step.ABC:
            return _age_missing(subject, 10, "Acceptable Behaviour Contract")
        case Step.CBO:
            missing = [] if subject.convicted else [
                "A Criminal Behaviour Order is only made on conviction, when the prosecution applies (s.22)"]
            return missing + _age_missing(subject, 10, "Criminal Behaviour Order")
        case Step.CLOSURE_ORDER:
            return _closure_order(history, subject, on)
        case _:
            return []
