"""Public pages, included without a namespace so other apps can reverse "home", "privacy" and so on."""

from django.urls import path

from csphub import views_public

urlpatterns = [
    path("", views_public.home, name="home"),
    path("accessibility/", views_public.accessibility, name="accessibility"),
    path("privacy/", views_public.privacy, name="privacy"),
]
