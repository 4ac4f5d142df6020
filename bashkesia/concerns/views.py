"""The citizen's side of concerns: raise one, follow it, add to it, reopen it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bashkesia.core.audit import client_address
from bashkesia.core.ratelimits import allow
from bashkesia.territory.selectors import sector_get, settlement_search

from . import selectors, services
from .forms import (
    ConcernForm,
    PublicFilterForm,
    ReopenForm,
    ReporterMessageForm,
    TrackForm,
)
from .models import Concern, Status, blur
from .questions import answers_display


def _too_many(request: HttpRequest, template: str, context: dict) -> HttpResponse:
    context["error"] = _(
        "Too many messages from your connection in a short time. "
        "Please try again later."
    )
    return render(request, template, context, status=429)


def _location(form: ConcernForm) -> tuple[float, float] | None:
    data = form.cleaned_data
    if data.get("lat") is not None and data.get("lon") is not None:
        return data["lat"], data["lon"]
    place = (data.get("place") or "").strip()
    if place:
        found = settlement_search(query=place, limit=1)
        if found:
            return found[0].latitude, found[0].longitude
        form.add_error("place", _("No village, town or neighbourhood has that name."))
        return None
    form.add_error("place", _("Say where it is: a place name or a pin on the map."))
    return None


@require_http_methods(["GET", "POST"])
def concern_new(request: HttpRequest) -> HttpResponse:
    initial = {}
    sector_code = request.GET.get("sector")
    if sector_code:
        try:
            sector = sector_get(code=sector_code)
            initial = {"lat": sector.centre_latitude, "lon": sector.centre_longitude}
        except Exception:  # noqa: BLE001, S110 - an unknown sector just pre-fills nothing
            pass
    form = ConcernForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "concerns/new.html", context)
    if not allow(
        action="concern",
        address=client_address(request),
        limit=settings.BASHKESIA_CONCERNS_PER_HOUR,
    ):
        return _too_many(request, "concerns/new.html", context)
    if not form.is_valid():
        return render(request, "concerns/new.html", context, status=400)
    if form.cleaned_data["website"]:
        # A robot filled in the hidden field: pretend nothing happened.
        return render(request, "concerns/new.html", {"form": ConcernForm()}, status=400)
    location = _location(form)
    if location is None:
        return render(request, "concerns/new.html", context, status=400)
    data = form.cleaned_data
    try:
        concern, _created = services.concern_submit(
            category=data["category"],
            description=data["description"],
            latitude=location[0],
            longitude=location[1],
            address=data.get("place", ""),
            source=Concern.Source.WEB,
            is_anonymous=data["anonymous"],
            reporter_name=data["name"],
            reporter_email=data["email"],
            reporter_phone=data["phone"],
            consent_to_contact=data["consent_to_contact"],
            language=get_language() or "sq",
            photo_files=data["photos"],
            answers=data.get("answers") or {},
        )
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            target = field if field in form.fields else None
            if field == "location":
                target = "place"
            if field == "reporter_email":
                target = "email"
            for problem in problems:
                form.add_error(target, problem)
        return render(request, "concerns/new.html", context, status=400)
    request.session["concern_just_submitted"] = concern.tracking_code
    return redirect(concern)


@require_http_methods(["GET"])
def concern_lookup(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.GET or None)
    if form.is_bound and form.is_valid():
        concern = selectors.concern_get_by_tracking_code(
            tracking_code=form.cleaned_data["code"]
        )
        return redirect(concern)
    return render(
        request,
        "concerns/lookup.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


def _track_context(request: HttpRequest, concern: Concern, **extra) -> dict:
    return {
        "concern": concern,
        "answers": answers_display(concern.category, concern.answers),
        "updates": selectors.concern_public_updates(concern=concern),
        "just_submitted": request.session.pop("concern_just_submitted", None)
        == concern.tracking_code,
        "message_form": ReporterMessageForm(),
        "reopen_form": ReopenForm() if concern.status == Status.RESOLVED else None,
        **extra,
    }


@require_http_methods(["GET"])
def concern_track(request: HttpRequest, tracking_code: str) -> HttpResponse:
    concern = selectors.concern_get_by_tracking_code(tracking_code=tracking_code)
    if concern.tracking_code != tracking_code:
        return redirect(concern)
    return render(request, "concerns/track.html", _track_context(request, concern))


@require_POST
def concern_add_message(request: HttpRequest, tracking_code: str) -> HttpResponse:
    concern = selectors.concern_get_by_tracking_code(tracking_code=tracking_code)
    form = ReporterMessageForm(request.POST)
    context = _track_context(request, concern, message_form=form)
    if not allow(
        action="concern-message",
        address=client_address(request),
        limit=settings.BASHKESIA_CONCERN_MESSAGES_PER_HOUR,
    ):
        return _too_many(request, "concerns/track.html", context)
    if not form.is_valid():
        return render(request, "concerns/track.html", context, status=400)
    try:
        services.concern_reporter_message(
            concern=concern, text=form.cleaned_data["text"]
        )
    except ValidationError as error:
        form.add_error("text", error)
        return render(request, "concerns/track.html", context, status=400)
    messages.success(request, _("Thank you: your message was added."))
    return redirect(concern)


@require_POST
def concern_reopen(request: HttpRequest, tracking_code: str) -> HttpResponse:
    concern = selectors.concern_get_by_tracking_code(tracking_code=tracking_code)
    form = ReopenForm(request.POST)
    context = _track_context(request, concern, reopen_form=form)
    if not form.is_valid():
        return render(request, "concerns/track.html", context, status=400)
    try:
        services.concern_reopen(concern=concern, text=form.cleaned_data["text"])
    except ValidationError as error:
        context["error"] = " ".join(error.messages)
        return render(request, "concerns/track.html", context, status=400)
    messages.success(
        request, _("The concern is open again; the sector's officers see it.")
    )
    return redirect(concern)


PUBLIC_PER_PAGE = 20


@require_http_methods(["GET"])
def sector_concern_list(request: HttpRequest, code: str) -> HttpResponse:
    """What is raised in a sector, for everyone: no sensitive category, no
    hidden concern, places blurred, only descriptions an officer published."""
    sector = sector_get(code=code, with_boundary=True)
    form = PublicFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "concerns/sector_list.html",
            {"sector": sector, "form": form, "page_obj": None},
            status=400,
        )
    filters = form.cleaned_data if form.is_bound else {}
    concerns = selectors.concern_list_public(
        sector=sector,
        status=filters.get("status", ""),
        category=filters.get("category"),
    )
    page_obj = Paginator(concerns, PUBLIC_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "concerns/sector_list.html",
        {
            "sector": sector,
            "form": form,
            "page_obj": page_obj,
            "map_features": _public_map(sector, page_obj),
        },
    )


def _public_map(sector, concerns) -> dict:
    """The sector's outline and the page's concerns, each a blurred point."""
    features = [
        {
            "type": "Feature",
            "geometry": sector.boundary,
            "properties": {"current": True},
        }
    ]
    for concern in concerns:
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [blur(concern.longitude), blur(concern.latitude)],
                },
                "properties": {
                    "label": concern.category.name,
                    "status": concern.get_status_display(),
                    "closed": concern.is_closed,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}
