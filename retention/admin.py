from typing import Any

from django.http import HttpRequest

from csphub.admin_site import AuditedAdmin, admin_site
from retention.forms import RetentionRuleForm
from retention.models import LegalHold, RetentionRule


class RetentionRuleAdmin(AuditedAdmin):
    form = RetentionRuleForm
    list_display = ["record_type", "trigger", "period_months", "action", "active"]
    list_filter = ["action", "active"]


class LegalHoldAdmin(AuditedAdmin):
    """Read only: holds are placed and lifted on the legal holds screen, through the audited actions."""

    list_display = ["label", "content_type", "object_id", "placed_at", "lifted_at"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return False


admin_site.register(RetentionRule, RetentionRuleAdmin)
admin_site.register(LegalHold, LegalHoldAdmin)
