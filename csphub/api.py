"""The partner API, version 1, served under /api/v1/ (see csphub.api_urls).

Partner systems authenticate with their agency's key: ``Authorization: Bearer csp_<prefix>_<secret>``.
The key acts as a practitioner of its agency (access.policy.actor_for_api_key), so the API answers
through the same access policy as the staff pages.
"""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import HttpBearer

from access.policy import Actor, actor_for_api_key
from core.api import router as core_router
from partnership.models import ApiKey

# The shape ApiKey.issue gives out. Anything else is refused before it reaches the database.
KEY_FORMAT = re.compile(r"csp_[0-9a-f]{1,12}_[A-Za-z0-9_-]{1,128}")


class ApiKeyAuth(HttpBearer):
    """A partner system's key. On success ``request.actor`` is the key's actor; otherwise 401."""

    def authenticate(self, request: HttpRequest, token: str) -> Actor | None:
        if not KEY_FORMAT.fullmatch(token):
            return None
        key = ApiKey.find_active(token)
        if key is None or not key.agency.active:
            return None
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
        request.actor = actor_for_api_key(key)  # type: ignore[attr-defined]
        return request.actor  # type: ignore[attr-defined]


api = NinjaAPI(
    title="csphub partner API",
    version="1",
    description="Cases and incidents for partner agencies' systems, under the partnership's access policy.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    # The docs page loads its scripts from a third-party CDN, which the Content-Security-Policy forbids.
    docs_url=None,
    auth=ApiKeyAuth(),
)
api.add_router("/", core_router)
api.add_router("/asb", "asb.api.router")


@api.exception_handler(DjangoValidationError)
def model_validation_failed(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    """A model's own checks (``full_clean`` in an action) failing: the caller's data, so 422, not 500."""
    messages = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    detail = [
        {"type": "value_error", "loc": ["body", field], "msg": message}
        for field, field_messages in messages.items()
        for message in field_messages
    ]
    return api.create_response(request, {"detail": detail}, status=422)
