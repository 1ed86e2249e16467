from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from asb.models import AsbSettings
from csphub.admin_site import AuditedAdmin, admin_site


@admin.register(AsbSettings, site=admin_site)
class AsbSettingsAdmin(AuditedAdmin):
    """The partnership's ASB numbers: repeat-victim rule, Case Review threshold and timescales, risk cut-offs."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # One row: the partnership has one set of numbers.
        return super().has_add_permission(request, obj) and not AsbSettings.objects.exists()
