"""The administration screens: administrators only, second factor required, every change audited."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from access.policy import can
from audit.log import record
from audit.models import AuditAction
from partnership.middleware import second_factor_done


class CsphubAdminSite(admin.AdminSite):
    site_header = "csphub administration"
    site_title = "csphub administration"
    index_title = "Agencies, staff and keys"

    def has_permission(self, request: HttpRequest) -> bool:
        actor = getattr(request, "actor", None)
        return bool(
            request.user.is_active
            and actor is not None
            and can(actor, "administer")
            and second_factor_done(request)
        )


    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        """No separate admin sign-in: staff sign in once, with their second factor, through csphub."""
        if request.user.is_authenticated:
            raise PermissionDenied
        return redirect_to_login(request.get_full_path(), reverse("partnership:sign_in"))


admin_site = CsphubAdminSite(name="admin")


class AuditedAdmin(admin.ModelAdmin):
    """Every add, change and delete through the admin is also an audit event."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return admin_site.has_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return admin_site.has_permission(request)

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:  # noqa: ARG002
        return admin_site.has_permission(request)

    has_change_permission = has_delete_permission = has_view_permission

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changed = ", ".join(form.changed_data) if change else ""
        record(request.actor, AuditAction.UPDATE if change else AuditAction.CREATE, obj,
               reason=f"admin; changed: {changed}" if change else "admin")

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record(request.actor, AuditAction.DELETE, obj, reason="admin")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            record(request.actor, AuditAction.DELETE, obj, reason="admin bulk delete")
        super().delete_queryset(request, queryset)
