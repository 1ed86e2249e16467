"""The support directory, the school directory and calendar, and the DASH checklist are set up here."""

from django.contrib import admin

from csphub.admin_site import admin_site
from domestic_abuse.models import DashQuestion, School, SchoolClosure, SupportService


@admin.register(SupportService, site=admin_site)
class SupportServiceAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "area", "accepts_self_referral", "active")
    list_filter = ("category", "active")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(School, site=admin_site)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ("name", "area")


@admin.register(SchoolClosure, site=admin_site)
class SchoolClosureAdmin(admin.ModelAdmin):
    list_display = ("name", "first_day", "last_day")


@admin.register(DashQuestion, site=admin_site)
class DashQuestionAdmin(admin.ModelAdmin):
    list_display = ("version", "number", "text")
    list_filter = ("version",)
