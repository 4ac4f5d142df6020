from django.urls import path

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("sectors/<str:code>/follow/", views.sector_subscribe, name="subscribe"),
    path(
        "sectors/<str:code>/follow/sent/",
        views.sector_subscribe_requested,
        name="requested",
    ),
    path(
        "subscriptions/<str:token>/confirm/",
        views.subscription_confirm,
        name="confirm",
    ),
    path(
        "subscriptions/<str:token>/unsubscribe/",
        views.subscription_unsubscribe,
        name="unsubscribe",
    ),
]
