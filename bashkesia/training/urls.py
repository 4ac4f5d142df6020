from django.urls import path

from . import views

app_name = "training"
urlpatterns = [
    path("training/", views.training_home, name="home"),
    path("training/courses/<str:code>/", views.course_detail, name="course"),
    path("training/certificates/verify/", views.verify, name="verify"),
    path(
        "training/certificates/verify/<str:code>/",
        views.verify_code,
        name="verify-code",
    ),
]
