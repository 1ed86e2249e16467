"""Marking views that members of the public may use. Every other view requires a signed-in member of staff."""

from collections.abc import Callable
from typing import TypeVar

View = TypeVar("View", bound=Callable)


def public(view: View) -> View:
    """Allow this view without signing in (checked by partnership.middleware.StaffSessionMiddleware)."""
    view.csphub_public = True  # type: ignore[attr-defined]
    return view


def signed_in_only(view: View) -> View:
    """Allow a signed-in user who has not yet completed the second factor (the set-up and code pages)."""
    view.csphub_password_only = True  # type: ignore[attr-defined]
    return view
