from django.urls import path

from . import views

app_name = "concerns"
urlpatterns = [
    path("concerns/", views.concern_lookup, name="lookup"),
    path("concerns/new/", views.concern_new, name="new"),
    path("concerns/<str:tracking_code>/", views.concern_track, name="track"),
    path(
        "concerns/<str:tracking_code>/messages/",
        views.concern_add_message,
        name="add-message",
    ),
    path("concerns/<str:tracking_code>/reopen/", views.concern_reopen, name="reopen"),
    path("sectors/<str:code>/concerns/", views.sector_concern_list, name="sector-list"),
]
