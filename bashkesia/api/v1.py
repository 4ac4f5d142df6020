"""The open JSON API, /api/v1/: assembled from each domain app's router."""

from ninja import NinjaAPI
from ninja.renderers import JSONRenderer

from bashkesia.campaigns.api import router as campaigns_router
from bashkesia.concerns.api import router as concerns_router
from bashkesia.core import api_errors
from bashkesia.officers.api import router as officers_router
from bashkesia.partners.api import router as partners_router
from bashkesia.partnership.api import router as partnership_router
from bashkesia.stats.api import router as stats_router
from bashkesia.strategy.api import router as strategy_router
from bashkesia.surveys.api import router as surveys_router
from bashkesia.territory.api import router as territory_router
from bashkesia.training.api import router as training_router


class Utf8JSONRenderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False, "separators": (",", ":")}


api = NinjaAPI(
    renderer=Utf8JSONRenderer(),
    title="Bashkësia API",
    version="1",
    description=(
        "Open data of the Kosovo Police community policing platform: regional "
        "directorates, municipalities, stations, police sectors and their "
        "officers. Errors are JSON objects with a `detail` message, in the "
        "language of the Accept-Language header (sq, sr-latn, sr, en)."
    ),
    urls_namespace="api-v1",
)
api_errors.install(api)
api.add_router("/", territory_router)
api.add_router("/", officers_router)
api.add_router("/", concerns_router)
api.add_router("/", partnership_router)
api.add_router("/", stats_router)
api.add_router("/", partners_router)
api.add_router("/", campaigns_router)
api.add_router("/", surveys_router)
api.add_router("/", training_router)
api.add_router("/", strategy_router)
