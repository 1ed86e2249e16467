"""URLs of the partner API (included at /api/v1/ by csphub.urls).

The API authenticates each call with an agency key, not a staff session, so every view Django Ninja
generates is marked public for partnership.middleware.StaffSessionMiddleware. Ninja's views are already
exempt from Django's CSRF check, which only protects cookie-based sessions.
"""

from collections.abc import Sequence

from django.urls import URLPattern, URLResolver, path

from csphub.api import api
from csphub.decorators import public


def _mark_public(patterns: Sequence[URLPattern | URLResolver]) -> None:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _mark_public(pattern.url_patterns)
        else:
            public(pattern.callback)


api_urlconf = api.urls
_mark_public(api_urlconf[0])

urlpatterns = [path("", api_urlconf)]
