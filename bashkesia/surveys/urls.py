from django.urls import path

from . import views

app_name = "surveys"
urlpatterns = [
    path("surveys/", views.survey_list, name="list"),
    path("surveys/<slug:slug>/", views.survey_answer, name="detail"),
    path("surveys/<slug:slug>/thanks/", views.survey_thanks, name="thanks"),
    path("surveys/<slug:slug>/results/", views.survey_results, name="results"),
]
