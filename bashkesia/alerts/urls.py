from django.urls import path

from . import views

app_name = "alerts"
urlpatterns = [
    path("sectors/<str:code>/alerts/", views.sector_alert_list, name="list"),
    path("sectors/<str:code>/alerts/feed/", views.SectorAlertFeed(), name="feed"),
    path(
        "sectors/<str:code>/alerts/<int:pk>/",
        views.sector_alert_detail,
        name="detail",
    ),
]
