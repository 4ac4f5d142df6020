"""The public events calendar and its iCalendar feeds."""

import datetime
from itertools import groupby

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bashkesia.campaigns.selectors import campaign_list_of_event
from bashkesia.core import clock
from bashkesia.territory.models import Municipality, Sector
from bashkesia.territory.selectors import municipality_get, sector_get

from .. import ical
from ..event_forms import EventFilterForm
from ..models import Event, Forum
from ..selectors import events as selectors

PER_PAGE = 20
FEED_LANGUAGE = "sq"


def _by_day(events: Page) -> list[tuple[datetime.date, list[Event]]]:
    """Return the page's events grouped by their local day."""
    return [
        (day, list(group))
        for day, group in groupby(
            events, key=lambda event: timezone.localdate(event.starts_at)
        )
    ]


def _feed(request: HttpRequest, label: str, name: str, *args) -> dict[str, str]:
    query = f"?lang={translation.get_language()}"
    return {
        "label": label,
        "url": request.build_absolute_uri(reverse(name, args=args) + query),
    }


def _feeds(
    request: HttpRequest,
    *,
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    forum: Forum | None = None,
) -> list[dict[str, str]]:
    """Return the iCalendar feeds that match a choice of filters, narrowest
    first, ending with the feed of every event."""
    feeds = []
    if forum is not None:
        feeds.append(
            _feed(
                request,
                _("Events of %(forum)s") % {"forum": forum.name},
                "events-ical-forum",
                forum.pk,
            )
        )
    if sector is not None:
        feeds.append(
            _feed(
                request,
                _("Events of police sector %(code)s") % {"code": sector.code},
                "events-ical-sector",
                sector.code,
            )
        )
    if municipality is not None:
        feeds.append(
            _feed(
                request,
                _("Events in %(municipality)s") % {"municipality": municipality.name},
                "events-ical-municipality",
                municipality.code,
            )
        )
    feeds.append(_feed(request, _("Every event"), "events-ical"))
    return feeds


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    """The calendar: upcoming events soonest first (or past ones, latest
    first), by day, filtered by municipality, sector and forum."""
    form = EventFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "partnership/events/list.html",
            {"form": form, "page_obj": None, "feeds": _feeds(request)},
            status=400,
        )
    filters = form.cleaned_data if form.is_bound else {}
    selection = {
        "municipality": filters.get("municipality"),
        "sector": filters.get("sector"),
        "forum": filters.get("forum"),
    }
    past = bool(filters.get("past"))
    events = (
        selectors.event_list_past(**selection)
        if past
        else selectors.event_list_upcoming(**selection)
    )
    page_obj = Paginator(events, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnership/events/list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "days": _by_day(page_obj),
            "past": past,
            "feeds": _feeds(request, **selection),
            **selection,
        },
    )


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = selectors.event_get_public(pk=pk)
    return render(
        request,
        "partnership/events/detail.html",
        {
            "event": event,
            "campaigns": campaign_list_of_event(event=event),
            "is_over": event.ends < clock.now(),
            "ical_url": reverse("event-ical", args=[event.pk])
            + f"?lang={translation.get_language()}",
            "feeds": _feeds(
                request,
                forum=event.forum,
                sector=event.sector,
                municipality=event.municipality,
            ),
        },
    )


# iCalendar feeds: outside the language prefix, one address for every
# language; ``?lang=`` picks the language of their translated parts.


def _ical(
    request: HttpRequest, *, events, name: str, filename: str | None = None
) -> HttpResponse:
    response = HttpResponse(
        ical.calendar(events=events, name=name, request=request),
        content_type="text/calendar; charset=utf-8",
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _feed_language(request: HttpRequest) -> str | None:
    """Return the feed's language (Albanian unless ``?lang=`` says), or None
    when ``?lang=`` names none of the site's languages."""
    language = request.GET.get("lang", FEED_LANGUAGE)
    return language if language in dict(settings.LANGUAGES) else None


def _bad_language(request: HttpRequest) -> HttpResponse:
    # The codes stay as they are typed, in every language.
    return HttpResponseBadRequest(
        _("Unknown language “%(language)s”: use %(sq)s, %(sr_latn)s, %(sr)s or %(en)s.")
        % {
            "language": request.GET.get("lang", "")[:20],
            **{code.replace("-", "_"): code for code, _name in settings.LANGUAGES},
        },
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def ical_all(request: HttpRequest) -> HttpResponse:
    language = _feed_language(request)
    if language is None:
        return _bad_language(request)
    with translation.override(language):
        return _ical(
            request,
            events=selectors.event_list_for_feed(),
            name=_("Kosovo Police community events"),
        )


@require_GET
def ical_municipality(request: HttpRequest, code: str) -> HttpResponse:
    municipality = municipality_get(code=code)
    language = _feed_language(request)
    if language is None:
        return _bad_language(request)
    with translation.override(language):
        return _ical(
            request,
            events=selectors.event_list_for_feed(municipality=municipality),
            name=_("Community events in %(municipality)s")
            % {"municipality": municipality.name},
        )


@require_GET
def ical_sector(request: HttpRequest, code: str) -> HttpResponse:
    sector = sector_get(code=code)
    language = _feed_language(request)
    if language is None:
        return _bad_language(request)
    with translation.override(language):
        return _ical(
            request,
            events=selectors.event_list_for_feed(sector=sector),
            name=_("Community events in police sector %(code)s %(name)s")
            % {"code": sector.code, "name": sector.name},
        )


@require_GET
def ical_forum(request: HttpRequest, pk: int) -> HttpResponse:
    forum = selectors.forum_get_for_calendar(pk=pk)
    language = _feed_language(request)
    if language is None:
        return _bad_language(request)
    with translation.override(language):
        return _ical(
            request,
            events=selectors.event_list_for_feed(forum=forum),
            name=_("Meetings and events of %(forum)s") % {"forum": forum.name},
        )


@require_GET
def ical_event(request: HttpRequest, pk: int) -> HttpResponse:
    """One event, to add to a calendar (as an attachment)."""
    event = selectors.event_get_public(pk=pk)
    language = _feed_language(request)
    if language is None:
        return _bad_language(request)
    with translation.override(language):
        return _ical(
            request, events=[event], name=event.title, filename=f"event-{pk}.ics"
        )
