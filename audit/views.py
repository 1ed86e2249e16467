import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render

from access.policy import can
from audit.forms import AuditFilterForm
from audit.log import record
from audit.models import AuditAction, AuditEvent

CSV_COLUMNS = ["sequence", "created_at", "actor_id", "actor_label", "agency_label", "action", "object_type",
               "object_id", "reason", "hash"]


def _filtered(request: HttpRequest) -> tuple[AuditFilterForm, object]:
    if not can(request.actor, "view_audit"):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.order_by("-sequence")
    if form.is_valid():
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    return form, events


def viewer(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "audit/viewer.html", {"form": form, "page_obj": page})


def spreadsheet_safe(value: object) -> object:
    """Stop a value such as '=HYPERLINK(...)' being run as a formula when the CSV is opened in a spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    form, events = _filtered(request)
    record(request.actor, AuditAction.EXPORT, object_type="audit.auditevent", reason="audit CSV export")
    writer = csv.writer(_Echo())

    def rows():  # noqa: ANN202
        yield writer.writerow(CSV_COLUMNS)
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow([spreadsheet_safe(getattr(event, column)) for column in CSV_COLUMNS])

    response = StreamingHttpResponse(rows(), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="audit-events.csv"'
    response["Cache-Control"] = "no-store"
    return response
