from django.urls import path

from .policeuk import api as policeuk_api
from .v1 import api

urlpatterns = [
    path("v1/", api.urls),
    path("policeuk/", policeuk_api.urls),
]
