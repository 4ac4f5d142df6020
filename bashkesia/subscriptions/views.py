"""Following a sector by e-mail: ask, confirm, end (one click from a message)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.core.audit import client_address
from bashkesia.core.ratelimits import allow
from bashkesia.territory.selectors import sector_get

from . import selectors, services
from .forms import SubscribeForm


@require_http_methods(["GET", "POST"])
def sector_subscribe(request: HttpRequest, code: str) -> HttpResponse:
    sector = sector_get(code=code)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    context = {"sector": sector, "form": form}
    if request.method == "GET":
        return render(request, "subscriptions/subscribe.html", context)
    if not allow(
        action="subscribe",
        address=client_address(request),
        limit=settings.BASHKESIA_SUBSCRIPTIONS_PER_HOUR,
    ):
        context["error"] = _(
            "Too many requests from your connection: try again in an hour."
        )
        return render(request, "subscriptions/subscribe.html", context, status=429)
    if not form.is_valid():
        return render(request, "subscriptions/subscribe.html", context, status=400)
    if not form.cleaned_data["website"]:
        try:
            services.subscription_request(
                sector=sector,
                email=form.cleaned_data["email"],
                language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error("email", error.message_dict.get("email", error.messages))
            return render(request, "subscriptions/subscribe.html", context, status=400)
    return redirect("subscriptions:requested", code=sector.code)


@require_GET
def sector_subscribe_requested(request: HttpRequest, code: str) -> HttpResponse:
    return render(
        request, "subscriptions/requested.html", {"sector": sector_get(code=code)}
    )


@require_http_methods(["GET", "POST"])
def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the first message: a button, so that link checkers that
    open every link do not confirm for the person."""
    subscription = selectors.subscription_get_by_token(token=token)
    if request.method == "POST":
        services.subscription_confirm(subscription=subscription)
    return render(request, "subscriptions/confirm.html", {"subscription": subscription})


@csrf_exempt  # mail programs POST here (RFC 8058); the token is the proof
@require_http_methods(["GET", "POST"])
def subscription_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        subscription = selectors.subscription_find_by_token(token=token)
        if subscription is not None:
            services.subscription_end(subscription=subscription)
        return render(
            request,
            "subscriptions/unsubscribed.html",
            {"sector": subscription.sector if subscription else None},
        )
    subscription = selectors.subscription_get_by_token(token=token)
    return render(
        request, "subscriptions/unsubscribe.html", {"subscription": subscription}
    )
