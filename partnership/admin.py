from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest

from csphub.admin_site import AuditedAdmin, admin_site
from partnership.actions import do_issue_api_key, do_revoke_api_key
from partnership.models import Agency, ApiKey, Membership, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1

    def has_view_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return admin_site.has_permission(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


@admin.register(Agency, site=admin_site)
class AgencyAdmin(AuditedAdmin):
    list_display = ["name", "kind", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name"]


class UserAdminForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["email", "full_name", "is_active", "is_staff", "locked_until", "failed_sign_ins"]


@admin.register(User, site=admin_site)
class UserAdmin(AuditedAdmin):
    form = UserAdminForm
    list_display = ["full_name", "email", "is_active", "locked_until"]
    list_filter = ["is_active", "memberships__role", "memberships__agency"]
    search_fields = ["full_name", "email"]
    inlines = [MembershipInline]

    def save_model(self, request: HttpRequest, obj: User, form, change: bool) -> None:  # noqa: ANN001
        if not change:
            # New staff set their own password through the emailed reset link.
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)


@admin.register(Membership, site=admin_site)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "agency", "role", "panels"]
    list_filter = ["role", "agency"]


class ApiKeyForm(forms.ModelForm):
    class Meta:
        model = ApiKey
        fields = ["agency", "name"]


@admin.register(ApiKey, site=admin_site)
class ApiKeyAdmin(AuditedAdmin):
    form = ApiKeyForm
    list_display = ["name", "agency", "prefix", "created_at", "revoked_at", "last_used_at"]
    readonly_fields = ["prefix", "created_at", "revoked_at", "last_used_at"]
    actions = ["revoke"]

    def get_fields(self, request, obj=None):  # noqa: ANN001, ANN201
        return ["agency", "name"] if obj is None else ["agency", "name", *self.readonly_fields]

    def save_model(self, request: HttpRequest, obj: ApiKey, form, change: bool) -> None:  # noqa: ANN001
        if change:
            super().save_model(request, obj, form, change)
            return
        key, plain = do_issue_api_key(agency_id=obj.agency_id, name=obj.name, acting_user=request.user)
        obj.pk = key.pk
        messages.warning(request, f"Copy this key now; it will not be shown again: {plain}")

    @admin.action(description="Revoke the selected keys")
    def revoke(self, request: HttpRequest, queryset) -> None:  # noqa: ANN001
        for key in queryset.filter(revoked_at__isnull=True):
            do_revoke_api_key(key=key, acting_user=request.user)
