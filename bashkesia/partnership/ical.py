"""The public events as iCalendar (RFC 5545) calendars.

Times go out in UTC (no VTIMEZONE needed). A feed's events keep one UID for
life, so a calendar that subscribed updates them in place; their SEQUENCE
and LAST-MODIFIED say when they changed and STATUS:CANCELLED tells it an
event was called off. The translated parts (the calendar's name, kinds of
event) follow the active language.
"""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from bashkesia.core import clock

from .models import Event

PRODID = "-//Kosovo Police//Bashkesia community events//EN"
# How often subscribed calendars should come back for changes.
REFRESH = datetime.timedelta(hours=1)


def uid_domain() -> str:
    """Return the domain of the events' UIDs: the site's, whatever host a
    feed was requested through, so that a UID never changes."""
    return urlsplit(settings.BASHKESIA_SITE_URL).hostname or "bashkesia"


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{uid_domain()}"


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _description(event: Event) -> str:
    lines = [str(event.get_kind_display()).capitalize()]
    if event.forum is not None:
        lines.append(_("Safety forum: %(forum)s") % {"forum": event.forum.name})
    if event.online_link:
        lines.append(_("Online: %(link)s") % {"link": event.online_link})
    if event.description:
        lines.extend(["", event.description])
    return "\n".join(lines)


def vevent(event: Event, *, request: HttpRequest, stamp: datetime.datetime) -> VEvent:
    """Return ``event`` as a VEVENT; ``event.forum`` must be loaded."""
    component = VEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", _utc(stamp))
    component.add("dtstart", _utc(event.starts_at))
    if event.ends_at is not None:
        component.add("dtend", _utc(event.ends_at))
    title = event.title
    if event.is_cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    component.add("summary", title)
    component.add("description", _description(event))
    location = event.place or event.online_link
    if location:
        component.add("location", location)
    component.add("url", request.build_absolute_uri(event.get_absolute_url()))
    component.add("categories", [str(event.get_kind_display()).capitalize()])
    component.add("class", "PUBLIC")
    component.add("sequence", event.sequence)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    component.add("created", _utc(event.created_at))
    component.add("last-modified", _utc(event.updated_at))
    return component


def calendar(*, events: Iterable[Event], name: str, request: HttpRequest) -> bytes:
    """Return the iCalendar text of ``events``, the calendar called ``name``."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add(
        "x-wr-caldesc",
        _(
            "Public meetings of the safety forums and community events of the "
            "Kosovo Police."
        ),
    )
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    stamp = clock.now()
    for event in events:
        cal.add_component(vevent(event, request=request, stamp=stamp))
    return cal.to_ical()
