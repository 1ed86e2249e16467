from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from access.policy import can
from csphub.decorators import public
from csphub.http import form_data
from intake.forms import StatusLookupForm
from intake.models import OutboundMessage
from intake.status import find_status
from intake.submission import over_rate_limit


@public
def status_lookup(request: HttpRequest) -> HttpResponse:
    """A member of the public checks a report with its reference and code. Nothing is said about
    whether a reference exists unless the code matches too."""
    form = StatusLookupForm(form_data(request))
    status = None
    if request.method == "POST" and form.is_valid():
        if form.is_spam() or over_rate_limit(request, "status_lookup"):
            form.add_error(None, "Too many attempts. Please try again in an hour.")
        else:
            status = find_status(form.cleaned_data["reference"], form.cleaned_data["secret"])
            if status is None:
                form.add_error(
                    None, "We could not find a report with that reference and code. Check both and try again."
                )
    return render(request, "intake/status_lookup.html", {"form": form, "status": status})


def outbox(request: HttpRequest) -> HttpResponse:
    if not can(request.actor, "view_outbox"):
        raise PermissionDenied
    state = request.GET.get("state", "")
    messages = OutboundMessage.objects.all()
    if state:
        messages = messages.filter(state=state)
    page = Paginator(messages.only("pk", "purpose", "to", "state", "attempts", "created_at", "sent_at",
                                   "last_error", "next_attempt_at"), 50).get_page(request.GET.get("page"))
    return render(request, "intake/outbox.html", {"page_obj": page, "state": state})
