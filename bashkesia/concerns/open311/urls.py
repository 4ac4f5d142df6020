"""/open311/v2/: GeoReport v2; every resource ends in .xml or .json."""

from django.urls import path, re_path

from . import views

app_name = "open311"

urlpatterns = [
    path("", views.root, name="root"),
    path("discovery.<str:fmt>", views.discovery, name="discovery"),
    path("services.<str:fmt>", views.service_list, name="services"),
    path(
        "services/<str:service_code>.<str:fmt>",
        views.service_definition,
        name="service",
    ),
    path("requests.<str:fmt>", views.requests, name="requests"),
    path(
        "requests/<str:service_request_id>.<str:fmt>",
        views.request_detail,
        name="request",
    ),
    path("tokens/<str:token>.<str:fmt>", views.token_detail, name="token"),
    # Anything else is a GeoReport error too, never an HTML page.
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
