"""The site's URLs plus two floors for the benchmarks.

- ``/bench/floor``: the cheapest Django JSON view there is (the framework's
  floor), through the same middleware as ``/api/v1/locate``;
- ``/bench/ninja-floor?lat=&lon=``: a django-ninja endpoint with the same
  validated ``lat``/``lon`` query parameters as ``/api/v1/locate`` and a
  constant body: what ninja itself costs, without the locator.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import path
from ninja import NinjaAPI

from bashkesia.territory.api import Latitude, Longitude
from config.urls import handler404, handler500  # noqa: F401
from config.urls import urlpatterns as site_urlpatterns

FLOOR_PATH = "/bench/floor"
NINJA_FLOOR_PATH = "/bench/ninja-floor"


def floor(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"ok": True})


ninja_floor_api = NinjaAPI(
    urls_namespace="bench-ninja", docs_url=None, openapi_url=None
)


@ninja_floor_api.get("/ninja-floor")
def ninja_floor(request: HttpRequest, lat: Latitude, lon: Longitude) -> HttpResponse:
    return HttpResponse(b'{"ok":true}', content_type="application/json")


# Kept as a flat list (not include()) so that LocaleMiddleware still sees the
# i18n_patterns at the top level, exactly as with config.urls.
urlpatterns = [
    path(FLOOR_PATH.lstrip("/"), floor),
    path("bench/", ninja_floor_api.urls),
    *site_urlpatterns,
]
