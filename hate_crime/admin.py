from django.contrib import admin

from csphub.admin_site import AuditedAdmin, admin_site
from hate_crime.models import PoliceDestination


@admin.register(PoliceDestination, site=admin_site)
class PoliceDestinationAdmin(AuditedAdmin):
    """Administrators configure where each police force receives reports (email or JSON webhook)."""

    list_display = ("agency", "method", "active")
    list_filter = ("method", "active")
