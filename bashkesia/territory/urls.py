from django.urls import path

from . import views

app_name = "territory"
urlpatterns = [
    path("find/", views.finder_search, name="finder-search"),
    path("find/suggest/", views.finder_suggest, name="finder-suggest"),
    path("find/point/", views.finder_locate, name="finder-locate"),
    path("sectors/", views.sector_index, name="sector-index"),
    path("sectors/<str:code>/", views.sector_detail, name="sector"),
    path("stations/<str:code>/", views.station_detail, name="station"),
    path("municipalities/<str:code>/", views.municipality_detail, name="municipality"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
]
