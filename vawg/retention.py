"""Retention: anonymous unsafe-place reports (shown only in aggregate)."""

from django.utils.translation import gettext_lazy as _

from retention.models import Trigger
from retention.registry import RecordType, register_record_type
from vawg.models import UnsafePlaceReport


def _coarse(value: float | None, places: int) -> float | None:
    return None if value is None else round(value, places)


def anonymise_report(report: UnsafePlaceReport) -> None:
    """Keep the dates, time of day, reasons and the area (about a kilometre); drop the words and the pin."""
    report.place_text = ""
    report.details = ""
    report.latitude = _coarse(report.latitude, 2)
    report.longitude = _coarse(report.longitude, 2)
    report.easting = _coarse(report.easting, -3)
    report.northing = _coarse(report.northing, -3)
    report.save(update_fields=["place_text", "details", "latitude", "longitude", "easting", "northing"])


register_record_type(
    RecordType(
        code="vawg.unsafeplacereport",
        label=_("Unsafe-place report"),
        model=UnsafePlaceReport,
        candidates=lambda: UnsafePlaceReport.objects.all(),
        triggers={Trigger.SUBMISSION: "received_on"},
        delete=lambda report: report.delete(),
        anonymise=anonymise_report,
        reference_field="reference",
    )
)
