"""Public pages of the safety forums: the list, a forum's page, and how well
the forums represent women, youth and non-majority communities."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from bashkesia.core import clock

from ..forms import ForumFilterForm, RepresentationFilterForm
from ..models import Community, ForumKind, ForumStatus
from ..selectors import forums as selectors

PER_PAGE = 20


@require_GET
def forum_list(request: HttpRequest) -> HttpResponse:
    form = ForumFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "partnership/forums/list.html",
            {"form": form, "page_obj": None},
            status=400,
        )
    filters = form.cleaned_data if form.is_bound else {}
    forums = selectors.forum_list_public(
        municipality=filters.get("municipality"),
        kind=filters.get("kind", ""),
        include_dissolved=filters.get("dissolved", False),
    )
    page_obj = Paginator(forums, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "partnership/forums/list.html", {"form": form, "page_obj": page_obj}
    )


@require_GET
def forum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    forum = selectors.forum_get_public(pk=pk)
    today, now = clock.today(), clock.now()
    sectors = selectors.forum_sector_list(forum=forum)
    settlements = list(selectors.forum_settlement_list(forum=forum))
    members = selectors.membership_list_current(forum=forum, day=today)
    context = {
        "forum": forum,
        "is_dissolved": forum.status == ForumStatus.DISSOLVED,
        "is_evsb": forum.kind == ForumKind.EVSB,
        "sectors": sectors,
        "settlements": settlements,
        "map_features": selectors.forum_map_features(
            sectors=sectors, settlements=settlements
        ),
        "members": members,
        "chair": next((m for m in members if m.role == "chair"), None),
        "representation": selectors.representation_of_forum(forum=forum, day=today),
        "majority_label": Community(
            selectors.majority_community(forum.municipality)
        ).label,
        "upcoming": selectors.meeting_list_upcoming_public(forum=forum, now=now),
        # Its meetings in the events calendar, and its iCalendar feed in the
        # page's language (as the sector page links the sector's).
        "events_url": f"{reverse('partnership:event-list')}?forum={forum.pk}",
        "feed_url": f"{reverse('events-ical-forum', args=[forum.pk])}"
        f"?lang={get_language()}",
        "past_meetings": selectors.meeting_list_with_approved_minutes(forum=forum),
        "recommendations": selectors.recommendation_list_public(forum=forum, day=today),
        "action_items": [
            (item, item.is_overdue(today))
            for item in selectors.action_item_list_public(forum=forum, day=today)
        ],
    }
    return render(request, "partnership/forums/detail.html", context)


@require_GET
def representation(request: HttpRequest) -> HttpResponse:
    form = RepresentationFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "partnership/forums/representation.html",
            {"form": form},
            status=400,
        )
    filters = form.cleaned_data if form.is_bound else {}
    forums = selectors.forum_list_public(
        municipality=filters.get("municipality"), kind=filters.get("kind", "")
    )
    today = clock.today()
    page_obj = Paginator(forums, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "partnership/forums/representation.html",
        {
            "form": form,
            "by_municipality": selectors.representation_by_municipality(
                forums=forums, day=today
            ),
            "page_obj": page_obj,
            "by_forum": selectors.representation_by_forum(
                forums=page_obj.object_list, day=today
            ),
        },
    )
