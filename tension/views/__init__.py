from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from access.policy import can


def require(request: HttpRequest, capability: str) -> None:
    """A page for a role the user does not hold: 403 (it reveals no record)."""
    if not can(request.actor, capability):
        raise PermissionDenied


def posted(request: HttpRequest):  # noqa: ANN202
    """The submitted data on a POST, even an empty one (so an empty form shows its errors), else None."""
    return request.POST if request.method == "POST" else None
