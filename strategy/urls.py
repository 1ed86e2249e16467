from django.urls import path

from strategy import views

app_name = "strategy"

urlpatterns = [
    path("staff/strategy/", views.overview, name="overview"),
    path("staff/strategy/indicators/<slug:code>/", views.indicator, name="indicator"),
    path("staff/strategy/measures/<int:measure_id>/actions/new/", views.plan_action, name="plan_action"),
    path("staff/strategy/narrative/<slug:priority>/<str:quarter>/", views.narrative, name="narrative"),
    path("staff/strategy/board-report/<str:quarter>/", views.board_report, name="board_report"),
    path("staff/strategy/board-report/<str:quarter>/pdf/", views.board_report_pdf, name="board_report_pdf"),
]
