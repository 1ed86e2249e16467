"""Case references such as ASB-2026-00042: per prefix and year, never reused."""

from django.db import transaction

from core.models import ReferenceCounter


def format_case_reference(prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:05d}"


def next_case_reference(prefix: str, year: int) -> str:
    with transaction.atomic():
        counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(prefix=prefix, year=year)
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
    return format_case_reference(prefix, year, counter.last_number)
