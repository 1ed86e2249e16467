"""The registry of retainable record types.

Each app declares its record types in its own ``<app>/retention.py``, which ``RetentionConfig.ready``
imports (``autodiscover_modules("retention")``), by calling ``register_record_type``. A record type says
which rows the schedule may act on, which dates it can be counted from, and how to delete or anonymise
one row. Anonymising keeps the row with its kind, dates, area, status and outcome, so figures still add up.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.expressions import Expression
from django.db.models.functions import TruncDate


@dataclass(frozen=True)
class RecordType:
    code: str
    label: str
    model: type[models.Model]
    candidates: Callable[[], QuerySet]
    # trigger code (retention.models.Trigger) -> a date or datetime field path, or an expression giving a date
    triggers: Mapping[str, str | Expression]
    delete: Callable[[models.Model], None]
    anonymise: Callable[[models.Model], None] | None = None
    # A hold on any of these stops this record: (model held, lookup from this record to it). Always itself.
    held_through: tuple[tuple[type[models.Model], str], ...] = ()
    # The field staff type to place a hold by reference (empty: holds are placed some other way).
    reference_field: str = ""
    # Remove all due records at once instead of one by one (audit events: a prune from the chain's start).
    remove_in_bulk: Callable[[QuerySet, str], int] | None = field(default=None)

    @property
    def content_type(self) -> ContentType:
        return ContentType.objects.get_for_model(self.model)

    @property
    def object_type(self) -> str:
        return self.model._meta.label_lower


_RECORD_TYPES: dict[str, RecordType] = {}
# Records that are part of a case (a case's tension incident, its DASH assessments ...): prepared before
# the case is deleted or anonymised. Registered by the app that owns them, from its retention.py.
CasePart = Callable[[models.Model, str], None]
_CASE_PARTS: list[CasePart] = []
# Records another app keeps about a record of some type (an ASB incident's victim and address, about a shared
# incident): ``prepare(record, action)``, called by the schedule before it deletes or anonymises the record.
RecordPart = Callable[[models.Model, str], None]
_RECORD_PARTS: dict[str, list[RecordPart]] = {}


def register_record_type(record_type: RecordType) -> None:
    existing = _RECORD_TYPES.get(record_type.code)
    if existing is not None and existing is not record_type:
        raise ValueError(f"Retention record type {record_type.code!r} is already registered")
    _RECORD_TYPES[record_type.code] = record_type


def register_case_part(prepare: CasePart) -> None:
    """``prepare(case, action)`` deletes or anonymises an app's records that go with a case."""
    if prepare not in _CASE_PARTS:
        _CASE_PARTS.append(prepare)


def case_parts() -> list[CasePart]:
    return list(_CASE_PARTS)


def register_record_part(code: str, prepare: RecordPart) -> None:
    """``prepare(record, action)`` deletes or anonymises an app's records that go with a record of type ``code``
    (for cases use ``register_case_part``: it covers every case kind)."""
    parts = _RECORD_PARTS.setdefault(code, [])
    if prepare not in parts:
        parts.append(prepare)


def record_parts(code: str) -> list[RecordPart]:
    return list(_RECORD_PARTS.get(code, ()))


def record_types() -> list[RecordType]:
    return sorted(_RECORD_TYPES.values(), key=lambda record_type: record_type.code)


def find_record_type(code: str) -> RecordType | None:
    return _RECORD_TYPES.get(code)


def record_type_choices() -> list[tuple[str, str]]:
    return [(record_type.code, str(record_type.label)) for record_type in record_types()]


def trigger_expression(record_type: RecordType, trigger: str) -> Expression:
    """The trigger as a date expression (a datetime is taken as its local date)."""
    source = record_type.triggers[trigger]
    if not isinstance(source, str):
        return source
    model_field = record_type.model._meta.get_field(source.split("__")[0])
    target = model_field
    if model_field.is_relation and "__" in source:
        target = model_field.related_model._meta.get_field(source.split("__")[1])
    if isinstance(target, models.DateTimeField):
        return TruncDate(source)
    return models.F(source)


def with_trigger_dates(record_type: RecordType, trigger: str) -> QuerySet:
    """The candidates that have been triggered, each with its ``retention_trigger_date``."""
    return (
        record_type.candidates()
        .annotate(retention_trigger_date=trigger_expression(record_type, trigger))
        .filter(retention_trigger_date__isnull=False)
    )


def held_ids(model: type[models.Model]) -> QuerySet:
    from retention.models import LegalHold

    return LegalHold.objects.filter(
        content_type=ContentType.objects.get_for_model(model), lifted_at__isnull=True
    ).values("object_id")


def held_q(record_type: RecordType) -> Q:
    """Records of this type under a legal hold, directly or through what they belong to."""
    q = Q(pk__in=held_ids(record_type.model))
    for model, lookup in record_type.held_through:
        q |= Q(**{f"{lookup}__in": held_ids(model)})
    return q


def anonymised_ids(record_type: RecordType) -> QuerySet:
    from retention.models import AnonymisedRecord

    return AnonymisedRecord.objects.filter(record_type=record_type.code).values("object_id")


def due_records(record_type: RecordType, trigger: str, cutoff) -> QuerySet:  # noqa: ANN001 - a date
    """Records due by ``cutoff`` (trigger date on or before it), not yet anonymised, holds not applied."""
    return (
        with_trigger_dates(record_type, trigger)
        .filter(retention_trigger_date__lte=cutoff)
        .exclude(pk__in=anonymised_ids(record_type))
    )


def is_held(record_type: RecordType, record: models.Model) -> bool:
    return record_type.model._default_manager.filter(held_q(record_type), pk=record.pk).exists()


def find_by_reference(reference: str) -> tuple[RecordType, models.Model] | None:
    """The record with this reference (a case, or a public report), for placing a legal hold."""
    seen: set[type[models.Model]] = set()
    for record_type in record_types():
        if not record_type.reference_field or record_type.model in seen:
            continue
        seen.add(record_type.model)
        found = record_type.model._default_manager.filter(**{record_type.reference_field: reference}).first()
        if found is not None:
            return record_type, found
    return None
