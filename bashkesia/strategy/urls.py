from django.urls import path

from . import review_views, views

app_name = "strategy"
urlpatterns = [
    path("strategy/", views.current, name="current"),
    path("strategy/<slug:slug>/", views.strategy, name="strategy"),
    path(
        "strategy/<slug:slug>/objectives/<str:number>/",
        views.objective,
        name="objective",
    ),
    # The yearly review (review_views.py).
    path(
        "strategy/<slug:slug>/review/<int:year>/",
        review_views.review,
        name="review",
    ),
    path(
        "strategy/<slug:slug>/review/<int:year>/review.pdf",
        review_views.review_pdf,
        name="review-pdf",
    ),
    path(
        "strategy/<slug:slug>/review/<int:year>/review.xlsx",
        review_views.review_xlsx,
        name="review-xlsx",
    ),
]
