"""Small request helpers shared by every app's views."""

from django.http import HttpRequest


def form_data(request: HttpRequest):  # noqa: ANN201 - QueryDict | None
    """The submitted data for a bound form, or None on GET.

    Not ``request.POST or None``: an empty POST (every box unticked) must still bind the form, so that its
    errors are shown rather than silently showing the blank form again."""
    return request.POST if request.method == "POST" else None


def form_files(request: HttpRequest):  # noqa: ANN201 - MultiValueDict | None
    return request.FILES if request.method == "POST" else None
