"""CSV import page: upload, column mapping, and a per-row error report."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from access.policy import can
from asb.imports import TARGETS, import_rows, read_rows
from audit.log import record
from audit.models import AuditAction
from csphub.http import form_data

MAX_BYTES = 5 * 1024 * 1024


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file"),
                           error_messages={"required": gettext_lazy("Choose a CSV file")})
    good_rows_only = forms.BooleanField(label=gettext_lazy("If some rows have errors, import the other rows"),
                                        required=False)

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        for target, column in TARGETS.items():
            self.fields[f"col_{target}"] = forms.CharField(
                label=_("Column for %s") % target.replace("_", " "), initial=column, required=False, max_length=100)

    def clean_file(self):  # noqa: ANN201
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file must be smaller than 5 MB"))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file must be a CSV saved as UTF-8")) from None

    def mapping(self) -> dict[str, str]:
        return {t: self.cleaned_data.get(f"col_{t}") or default for t, default in TARGETS.items()}


@require_http_methods(["GET", "POST"])
def import_csv(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "record_asb_incident"):
        raise PermissionDenied
    form = ImportForm(form_data(request), request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        results, problems = read_rows(form.cleaned_data["file"], form.mapping())
        for problem in problems:
            form.add_error("file", problem)
        bad = [r for r in results if r.errors]
        if not problems and results and (not bad or form.cleaned_data["good_rows_only"]):
            saved = import_rows(results, acting=request.actor, agency_id=request.actor.audit_agency[0])
            record(request.actor, AuditAction.CREATE, object_type="core.incident", reason=f"CSV import: {saved} rows")
            messages.success(request, _("%(saved)s incidents imported, %(bad)s rows skipped")
                             % {"saved": saved, "bad": len(bad)})
            return redirect("asb:home")
        if not problems and not results:
            form.add_error("file", _("The file has no rows"))
        elif not problems:
            report = bad
            form.add_error(None, _("%(bad)s rows have errors, so nothing was imported. Correct them, or tick the box "
                                   "to import the other rows") % {"bad": len(bad)})
    return render(request, "asb/import.html", {"form": form, "report": report})
