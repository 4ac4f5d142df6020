"""One JSON error shape for every API: ``{"detail": "..."}``.

Messages are translated into the language of the request.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

logger = logging.getLogger(__name__)


def _field_name(loc: list) -> str:
    # ninja reports ("query", "lat"); the person cares about "lat".
    parts = [str(part) for part in loc if part not in ("query", "path", "body")]
    return ".".join(parts) or _("input")


def _message(error: dict) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("this value is required")
    if kind in ("float_parsing", "float_type", "finite_number"):
        return _("must be a number")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("must be a whole number")
    if kind == "greater_than_equal":
        return _("must be at least %(limit)s") % {"limit": ctx.get("ge")}
    if kind == "less_than_equal":
        return _("must be at most %(limit)s") % {"limit": ctx.get("le")}
    if kind == "string_too_short":
        return _("is too short")
    if kind == "string_too_long":
        return _("is too long")
    return str(error.get("msg", _("is not valid")))


def validation_errors(errors: list[dict]) -> list[dict]:
    return [
        {"field": _field_name(list(error.get("loc", []))), "message": _message(error)}
        for error in errors
    ]


def error_response(status: int, detail: str, **extra: object) -> JsonResponse:
    return JsonResponse({"detail": detail, **extra}, status=status)


def install(api) -> None:
    """Register the project's error handlers on a ``NinjaAPI``."""

    @api.exception_handler(NinjaValidationError)
    def invalid_input(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        errors = validation_errors(exc.errors)
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
        return error_response(
            422, _("Invalid input: %(problems)s") % {"problems": detail}, errors=errors
        )

    @api.exception_handler(DjangoValidationError)
    def invalid_data(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(400, " ".join(exc.messages))

    @api.exception_handler(Http404)
    def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, str(exc) or _("Not found."))

    @api.exception_handler(PermissionDenied)
    def denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, str(exc) or _("You may not do this."))

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(401, _("Authentication is required."))

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, str(exc))

    @api.exception_handler(Exception)
    def crashed(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s", request.path)
        return error_response(500, _("Something went wrong on our side."))
