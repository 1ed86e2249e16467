from django.urls import include, path

from vawg import views
from vawg.flow import unsafe_place_flow

app_name = "vawg"

flow_patterns, _flow_name = unsafe_place_flow.urls()

urlpatterns = [
    path("report/unsafe-place/", include((flow_patterns, "unsafe_place"))),
    path("staff/safer-spaces/", views.unsafe_places, name="unsafe_places"),
    path("staff/safer-spaces/venues/", views.venue_list, name="venue_list"),
    path("staff/safer-spaces/venues/new/", views.venue_create, name="venue_create"),
    path("staff/safer-spaces/venues/<uuid:venue_id>/", views.venue_detail, name="venue_detail"),
    path("staff/safer-spaces/venues/<uuid:venue_id>/edit/", views.venue_edit, name="venue_edit"),
    path("staff/safer-spaces/campaigns/", views.campaign_list, name="campaign_list"),
    path("staff/safer-spaces/campaigns/new/", views.campaign_create, name="campaign_create"),
]
