"""Reading hate reports: the triage queue with its filters, and the trends (aggregates only)."""

from collections import Counter
from datetime import date, timedelta
from statistics import median
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from hate_crime import rules
from hate_crime.models import Channel, HateReport, ReportingFeedback, ReportStatus

AGE_BANDS = {"0-2": (0, 2), "3-7": (3, 7), "8-30": (8, 30), "31+": (31, 100000)}


def filter_queue(reports: QuerySet[HateReport], filters: dict[str, Any]) -> QuerySet[HateReport]:
    if filters.get("status"):
        reports = reports.filter(status=filters["status"])
    if filters.get("strand"):
        # A JSON list searched as text works the same on SQLite and PostgreSQL.
        reports = reports.filter(strands__icontains=f'"{filters["strand"]}"')
    if filters.get("area"):
        reports = reports.filter(locality__iexact=filters["area"].strip())
    if filters.get("channel"):
        reports = reports.filter(channel=filters["channel"])
    if filters.get("age") in AGE_BANDS:
        low, high = AGE_BANDS[filters["age"]]
        today = timezone.localdate()
        reports = reports.filter(
            created_at__date__lte=today - timedelta(days=low), created_at__date__gte=today - timedelta(days=high)
        )
    if filters.get("spam") != "include":
        reports = (
            reports.filter(suspected_spam=False)
            if filters.get("spam") != "only"
            else reports.filter(suspected_spam=True)
        )
    return reports.select_related("assigned_agency", "reporting_centre")


def with_deadlines(reports: list[HateReport], today: date | None = None) -> list[HateReport]:
    """Attach the acknowledgement due date and whether it has passed, for the queue."""
    today = today or timezone.localdate()
    for report in reports:
        received = timezone.localtime(report.created_at).date()
        report.ack_due = rules.acknowledgement_due(received)
        report.ack_overdue = report.status == ReportStatus.NEW and rules.acknowledgement_overdue(
            received, today, acknowledged=report.acknowledged_at is not None
        )
    return reports


def status_counts(reports: QuerySet[HateReport]) -> dict[str, int]:
    counts = Counter(reports.filter(suspected_spam=False).values_list("status", flat=True))
    return {status: counts.get(status, 0) for status in ReportStatus.values}


# --- Trends ---------------------------------------------------------------------------------------------


def _months(today: date, count: int) -> list[str]:
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(months))


def _counted(counter: Counter, labels: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"key": key, "label": labels.get(key, key or "Not known"), "n": n, "shown": rules.suppress(n)}
        for key, n in counter.most_common()
    ]


def trends(today: date | None = None, months: int = 12) -> dict[str, Any]:
    """Everything on the trends page, already suppressed: no count from 1 to 4 is ever returned as a number."""
    today = today or timezone.localdate()
    month_keys = _months(today, months)
    start = date.fromisoformat(month_keys[0] + "-01")
    rows = list(
        HateReport.objects.filter(suspected_spam=False, created_at__date__gte=start).values(
            "created_at",
            "strands",
            "channel",
            "locality",
            "name",
            "email",
            "phone",
            "police_consent",
            "acknowledged_at",
            "first_contact_at",
            "repeat_victim",
        )
    )
    by_strand_month: dict[str, Counter] = {code: Counter() for code, _label in rules.strand_choices()}
    channels: Counter = Counter()
    localities: Counter = Counter()
    ack_days, contact_days = [], []
    for row in rows:
        created = timezone.localtime(row["created_at"])
        month = f"{created.year:04d}-{created.month:02d}"
        for strand in row["strands"]:
            by_strand_month.setdefault(strand, Counter())[month] += 1
        channels[row["channel"]] += 1
        localities[row["locality"]] += 1
        if row["acknowledged_at"]:
            ack_days.append(
                rules.working_days_between(created.date(), timezone.localtime(row["acknowledged_at"]).date())
            )
        if row["first_contact_at"]:
            contact_days.append((row["first_contact_at"] - row["created_at"]).total_seconds() / 86400)
    total = len(rows)
    anonymous = sum(1 for r in rows if not (r["name"] or r["email"] or r["phone"]))
    consenting = sum(1 for r in rows if r["police_consent"] in ("anonymous", "with_details"))
    repeats = sum(1 for r in rows if r["repeat_victim"])
    strand_rows = [
        {
            "key": code,
            "label": rules.strand_label(code),
            "cells": [rules.suppress(counts[m]) for m in month_keys],
            "total": rules.suppress(sum(counts.values())),
            "n": sum(counts.values()),
        }
        for code, counts in by_strand_month.items()
    ]
    return {
        "months": month_keys,
        "total": rules.suppress(total),
        "strand_rows": strand_rows,
        "channels": _counted(channels, {c.value: str(c.label) for c in Channel}),
        "localities": _counted(localities, {"online": "Online", "": "Not known"}),
        "share_anonymous": rules.share(anonymous, total),
        "share_consenting": rules.share(consenting, total),
        "repeat_victims": rules.suppress(repeats),
        "median_ack_working_days": _median_text(ack_days),
        "median_first_contact_days": _median_text(contact_days),
        "feedback": feedback_summary(start),
    }


def _median_text(values: list[float]) -> str:
    small = rules.setting("HATE_CRIME_SMALL_NUMBER", 5)
    if len(values) < small:
        return "not shown (small numbers)"
    return f"{median(values):.1f}"


def feedback_summary(since: date) -> dict[str, str]:
    answers = list(ReportingFeedback.objects.filter(created_at__date__gte=since).values_list("ease", "confidence"))
    confident = sum(1 for _ease, confidence in answers if confidence >= 4)
    easy = sum(1 for ease, _confidence in answers if ease >= 4)
    return {
        "responses": rules.suppress(len(answers)),
        "share_easy": rules.share(easy, len(answers)),
        "share_confident": rules.share(confident, len(answers)),
    }


def trends_csv_rows(data: dict[str, Any]) -> list[list[str]]:
    rows = [["measure", "group", "month", "value"]]
    for row in data["strand_rows"]:
        rows.extend(
            ["reports by strand", row["label"], month, cell]
            for month, cell in zip(data["months"], row["cells"], strict=True)
        )
    rows.extend(["reports by channel", row["label"], "", row["shown"]] for row in data["channels"])
    rows.extend(["reports by locality", row["label"], "", row["shown"]] for row in data["localities"])
    rows.append(["share anonymous", "", "", data["share_anonymous"]])
    rows.append(["share consenting to police", "", "", data["share_consenting"]])
    rows.append(["repeat victims", "", "", data["repeat_victims"]])
    rows.append(["median working days to acknowledgement", "", "", data["median_ack_working_days"]])
    rows.append(["median days to first contact", "", "", data["median_first_contact_days"]])
    rows.append(["feedback: confident it will be acted on", "", "", data["feedback"]["share_confident"]])
    rows.append(["feedback: easy to report", "", "", data["feedback"]["share_easy"]])
    return rows
