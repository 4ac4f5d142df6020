"""The GeoReport v2 endpoints: thin views, the format taken from the suffix.

Every answer, errors included, is a GeoReport document in the format asked
for (XML when the suffix names no format we serve): 404 for what does not
exist, 403 for a missing or bad ``api_key``, 400 for anything else the
request cannot have, as the spec's "Errors" section says.
"""

import functools
import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import params, selectors, serializers, services

logger = logging.getLogger(__name__)

View = Callable[..., HttpResponse]


def error_response(status: int, messages: list[str], *, fmt: str) -> HttpResponse:
    return serializers.render(
        serializers.errors(status, messages), fmt=fmt, root="errors", status=status
    )


def _language(request: HttpRequest) -> str:
    """Return the language of ``?locale=``, else of Accept-Language."""
    locale = (request.GET.get("locale") or "").strip().replace("_", "-").lower()
    if locale:
        try:
            return translation.get_supported_language_variant(locale)
        except LookupError:
            pass
    return translation.get_language()


def endpoint(*methods: str) -> Callable[[View], View]:
    """Serve a view in XML and JSON, mapping errors to GeoReport errors.

    API clients carry no CSRF token: the view is exempt, and writes check
    their ``api_key`` instead.
    """
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view: View) -> View:
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request: HttpRequest, fmt: str, **kwargs: str) -> HttpResponse:
            with translation.override(_language(request)):
                if fmt not in serializers.FORMATS:
                    message = _(
                        "Unknown format “%(format)s”: use %(xml)s or %(json)s."
                    ) % {"format": fmt, "xml": "xml", "json": "json"}
                    return error_response(404, [message], fmt="xml")
                if request.method not in allowed:
                    message = _("This address does not accept %(method)s requests.")
                    response = error_response(
                        405, [message % {"method": request.method}], fmt=fmt
                    )
                    response["Allow"] = ", ".join(sorted(allowed))
                    return response
                try:
                    return view(request, fmt=fmt, **kwargs)
                except Http404 as error:
                    message = str(error) or _("There is nothing at this address.")
                    return error_response(404, [message], fmt=fmt)
                except PermissionDenied as error:
                    return error_response(403, [str(error)], fmt=fmt)
                except ValidationError as error:
                    return error_response(400, error.messages, fmt=fmt)
                except Exception:
                    # The spec's "general service error" is a 400.
                    logger.exception("Open311 error on %s", request.path)
                    message = _("Something went wrong on our side.")
                    return error_response(400, [message], fmt=fmt)

        return wrapper

    return decorate


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("open311:root"))


@endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    document = serializers.discovery(
        url=_base_url(request), changeset=selectors.services_changed_at()
    )
    return serializers.render(document, fmt=fmt, root="discovery")


@csrf_exempt
def root(request: HttpRequest) -> HttpResponse:
    """The endpoint's own address shows its discovery document."""
    return discovery(request, fmt="xml")


@endpoint("GET")
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    document = [serializers.service(category) for category in selectors.service_list()]
    return serializers.render(document, fmt=fmt, root="services")


@endpoint("GET")
def service_definition(
    request: HttpRequest, fmt: str, service_code: str
) -> HttpResponse:
    category = selectors.service_get(code=service_code)
    document = serializers.service_definition(category)
    return serializers.render(document, fmt=fmt, root="service_definition")


@endpoint("GET", "POST")
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _request_create(request, fmt)
    filters = params.request_filters(request.GET)
    concerns = selectors.request_list_public(filters=filters)
    document = [serializers.service_request(concern) for concern in concerns]
    return serializers.render(document, fmt=fmt, root="service_requests")


def _request_create(request: HttpRequest, fmt: str) -> HttpResponse:
    # The spec sends api_key in the form; some clients put it in the URL.
    key = request.POST.get("api_key") or request.GET.get("api_key") or ""
    api_key = services.api_key_authenticate(key=key)
    form = params.submission(request.POST)
    concern = services.service_request_submit(
        form=form, language=translation.get_language(), api_key=api_key
    )
    # The spec names no success status; 200 is what every client accepts.
    track_url = request.build_absolute_uri(concern.get_absolute_url())
    document = [serializers.request_created(concern, track_url=track_url)]
    return serializers.render(document, fmt=fmt, root="service_requests")


@endpoint("GET")
def request_detail(
    request: HttpRequest, fmt: str, service_request_id: str
) -> HttpResponse:
    concern = selectors.request_get(service_request_id=service_request_id)
    document = [serializers.service_request(concern)]
    return serializers.render(document, fmt=fmt, root="service_requests")


@endpoint("GET")
def token_detail(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    concern = selectors.request_get_by_token(token=token)
    document = [serializers.token(concern, token)]
    return serializers.render(document, fmt=fmt, root="service_requests")


@csrf_exempt
def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    fmt = "json" if rest.rstrip("/").endswith(".json") else "xml"
    with translation.override(_language(request)):
        return error_response(404, [_("There is nothing at this address.")], fmt=fmt)
