from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET

from .selectors import director_general_current


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html")


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "web/about.html")


@require_GET
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "web/contact.html")


@require_GET
def director_general(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/director_general.html",
        {"director": director_general_current()},
    )


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says."""
    return HttpResponsePermanentRedirect(static("web/img/favicon.svg"))
