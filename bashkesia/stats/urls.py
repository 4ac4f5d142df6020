from django.urls import path, re_path

from . import views

app_name = "stats"
urlpatterns = [
    path("statistics/", views.statistics, name="statistics"),
    re_path(
        r"^statistics/download\.(?P<extension>csv|json|xlsx)$",
        views.download,
        name="download",
    ),
]
