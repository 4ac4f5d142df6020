from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaign-list"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign"),
    path(
        "campaigns/<slug:slug>/materials/<int:pk>/",
        views.material_download,
        name="material",
    ),
]
