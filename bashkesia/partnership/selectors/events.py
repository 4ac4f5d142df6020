"""Every read of the public calendar.

An event is public unless it belongs to a forum the public does not see (a
KLSP still being requested or approved, or a rejected one) or mirrors a
meeting closed to the public. Community events (meet your sector officers,
school visits, campaign events) are always public.

**The events of a sector** (its page, its iCalendar feed, the calendar's
sector filter, the API and the data.police.uk events) are:

- the events placed in the sector itself;
- the events of the forums that cover the sector, through its sectors or
  through a village or neighbourhood of it (a KLSP or an EVSB whose meeting
  sits in another sector still concerns this one);
- the municipality-wide events of the sector's municipality, placed in no
  sector: community events for the whole municipality and the meetings of
  its KKSB, the municipal council that speaks for every sector of it.
"""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.territory.models import Municipality, Sector

from ..models import Event, Forum, ForumKind, ForumStatus, Meeting, Minutes

# What the public sees of forums (``Forum.is_public``).
PUBLIC_FORUM_STATUSES = (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)
# How far back the iCalendar feeds reach.
FEED_DAYS = 90
# The API's page of events, at most.
API_LIMIT = 500


def event_list_public() -> QuerySet[Event]:
    """Return every public event, with what its pages and feeds show."""
    return (
        Event.objects.filter(
            Q(forum__isnull=True) | Q(forum__status__in=PUBLIC_FORUM_STATUSES),
            Q(meeting__isnull=True) | Q(meeting__is_public=True),
        )
        .select_related("municipality", "sector", "forum", "meeting")
        .defer("municipality__boundary", "sector__boundary")
        .annotate(ends=Coalesce("ends_at", "starts_at"))
    )


def _not_over(moment: datetime.datetime) -> Q:
    """Return the condition "not over at ``moment``" (an event without an
    end is over once it has started)."""
    return Q(ends_at__gte=moment) | Q(ends_at__isnull=True, starts_at__gte=moment)


def _sector_scope(sector: Sector) -> Q:
    """Return the condition "an event of ``sector``" (see the module)."""
    covering = Forum.objects.filter(
        Q(sectors=sector) | Q(settlements__sector=sector)
    ).values("pk")
    municipality_wide = Q(sector__isnull=True, municipality_id=sector.municipality_id)
    return (
        Q(sector=sector)
        | Q(forum__in=covering)
        | (municipality_wide & (Q(forum__isnull=True) | Q(forum__kind=ForumKind.KKSB)))
    )


def _filtered(
    events: QuerySet[Event],
    *,
    municipality: Municipality | None,
    sector: Sector | None,
    forum: Forum | None,
) -> QuerySet[Event]:
    if municipality is not None:
        events = events.filter(municipality=municipality)
    if sector is not None:
        events = events.filter(_sector_scope(sector))
    if forum is not None:
        events = events.filter(forum=forum)
    return events


def event_list_upcoming(
    *,
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    forum: Forum | None = None,
    start: datetime.datetime | None = None,
    end: datetime.datetime | None = None,
) -> QuerySet[Event]:
    """Return the public events not over at ``start`` (now by default) and,
    given ``end``, starting before it; soonest first. Cancelled events stay
    (the pages mark them) until they pass."""
    events = _filtered(
        event_list_public(), municipality=municipality, sector=sector, forum=forum
    ).filter(_not_over(start or clock.now()))
    if end is not None:
        events = events.filter(starts_at__lt=end)
    return events.order_by("starts_at", "pk")


def event_list_past(
    *,
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    forum: Forum | None = None,
) -> QuerySet[Event]:
    """Return the public events that are over, latest first; cancelled ones
    never took place and are left out."""
    return (
        _filtered(
            event_list_public(), municipality=municipality, sector=sector, forum=forum
        )
        .exclude(_not_over(clock.now()))
        .filter(is_cancelled=False)
        .order_by("-starts_at", "-pk")
    )


def event_list_for_feed(
    *,
    municipality: Municipality | None = None,
    sector: Sector | None = None,
    forum: Forum | None = None,
) -> QuerySet[Event]:
    """Return the events of an iCalendar feed: public ones starting from 90
    days ago onwards, cancelled included (calendars must hear of it)."""
    since = clock.now() - datetime.timedelta(days=FEED_DAYS)
    return (
        _filtered(
            event_list_public(), municipality=municipality, sector=sector, forum=forum
        )
        .filter(starts_at__gte=since)
        .order_by("starts_at", "pk")
    )


def event_list_next_in_sector(*, sector: Sector, limit: int = 3) -> list[Event]:
    """Return the next ``limit`` events of ``sector``, cancelled ones left
    out: the sector page's short list."""
    return list(event_list_upcoming(sector=sector).filter(is_cancelled=False)[:limit])


def event_get_public(*, pk: int) -> Event:
    """Return the public event ``pk`` or raise ``Http404``."""
    event = event_list_public().filter(pk=pk).first()
    if event is None:
        raise Http404(_("No public event has the number %(number)s.") % {"number": pk})
    return event


def forum_list_for_calendar() -> QuerySet[Forum]:
    """Return the forums the calendar filters by: those the public sees."""
    return (
        Forum.objects.filter(status__in=PUBLIC_FORUM_STATUSES)
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("municipality__name_sq", "kind", "name_sq")
    )


def forum_get_for_calendar(*, pk: int) -> Forum:
    """Return the public forum ``pk`` (for its feed) or raise ``Http404``."""
    forum = forum_list_for_calendar().filter(pk=pk).first()
    if forum is None:
        raise Http404(_("No public forum has the number %(number)s.") % {"number": pk})
    return forum


def forum_list_active_in(*, municipality_ids) -> QuerySet[Forum]:
    """Return the active forums of the municipalities (ids, or a subquery of
    them) that may hold a community event."""
    return (
        Forum.objects.filter(
            status=ForumStatus.ACTIVE, municipality_id__in=municipality_ids
        )
        .select_related("municipality")
        .defer("municipality__boundary")
        .order_by("municipality__name_sq", "kind", "name_sq")
    )


def event_list_for_staff(*, user, past: bool = False) -> QuerySet[Event]:
    """Return the events of the sectors where ``user`` acts (publishes
    events): upcoming ones soonest first, or (``past``) the others latest
    first."""
    events = (
        Event.objects.filter(sector__in=permissions.sectors_acted_in(user))
        .select_related("municipality", "sector", "forum", "meeting", "created_by")
        .defer("municipality__boundary", "sector__boundary")
        .annotate(ends=Coalesce("ends_at", "starts_at"))
    )
    if past:
        return events.exclude(_not_over(clock.now())).order_by("-starts_at", "-pk")
    return events.filter(_not_over(clock.now())).order_by("starts_at", "pk")


def event_get_for_staff(*, user, pk: int) -> Event:
    """Return event ``pk`` of the user's sectors or raise ``Http404``."""
    event = (
        Event.objects.filter(pk=pk, sector__in=permissions.sectors_acted_in(user))
        .select_related("municipality", "sector", "forum", "meeting")
        .first()
    )
    if event is None:
        raise Http404(
            _("No event of your sectors has the number %(number)s.") % {"number": pk}
        )
    return event


def meeting_list_public_of_forum(*, forum: Forum) -> QuerySet[Meeting]:
    """Return the forum's meetings open to the public, the latest first,
    each with ``has_approved_minutes``."""
    approved = Minutes.objects.filter(
        meeting=OuterRef("pk"), status=Minutes.Status.APPROVED
    )
    return (
        forum.meetings.filter(is_public=True)
        .annotate(has_approved_minutes=Exists(approved))
        .order_by("-starts_at", "-pk")
    )
