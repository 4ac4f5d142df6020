"""Community events on the public calendar: publish, change, cancel.

Forum meetings reach the calendar from their meeting (``services.meetings``
keeps their ``Event`` in step); these services refuse to touch them. Every
change calendar clients must notice bumps the event's RFC 5545 SEQUENCE.
"""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.core.text import clean_text
from bashkesia.territory.models import Sector

from ..models import Event, Forum, ForumStatus

COMMUNITY_KINDS = [kind for kind in Event.Kind if kind != Event.Kind.FORUM_MEETING]
ONLINE_SCHEMES = ("https://", "http://")


def _refuse_forum_meeting(event: Event) -> None:
    if event.kind == Event.Kind.FORUM_MEETING:
        raise ValidationError(
            _("This event is a forum meeting: change the meeting instead.")
        )


def _check_publisher(user: User, sector: Sector) -> None:
    if not permissions.can_publish_event(user, sector):
        raise PermissionDenied(
            _("You may publish events only in the sectors where you work.")
        )


def _validated(
    event: Event,
    *,
    kind: str,
    title: str,
    description: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None,
    place: str,
    online_link: str,
    sector: Sector,
    forum: Forum | None,
    start_moved: bool,
) -> Event:
    """Fill ``event`` with the cleaned values; raise every problem at once."""
    errors: dict[str, list[str]] = {}
    title, description = clean_text(title), clean_text(description)
    place, online_link = clean_text(place), (online_link or "").strip()
    if kind not in COMMUNITY_KINDS:
        errors["kind"] = [
            _(
                "Forum meetings reach the calendar from their meeting; "
                "choose another kind."
            )
        ]
    if not title:
        errors["title"] = [_("Give the event a title.")]
    if start_moved and starts_at < clock.now():
        errors["starts_at"] = [_("The event cannot start in the past.")]
    if ends_at is not None and ends_at < starts_at:
        errors["ends_at"] = [_("The event cannot end before it starts.")]
    if not place and not online_link:
        errors["place"] = [
            _("Say where the event takes place, or give its online link.")
        ]
    if online_link and not online_link.lower().startswith(ONLINE_SCHEMES):
        errors["online_link"] = [
            _("Give the online link as an address starting with https://.")
        ]
    if forum is not None and (
        forum.municipality_id != sector.municipality_id
        or forum.status != ForumStatus.ACTIVE
    ):
        errors["forum"] = [
            _("Choose an active forum of the municipality the sector lies in.")
        ]
    event.kind = kind
    event.title = title
    event.description = description
    event.starts_at = starts_at
    event.ends_at = ends_at
    event.place = place
    event.online_link = online_link
    event.sector = sector
    event.municipality_id = sector.municipality_id
    event.forum = forum
    try:
        event.full_clean(exclude=["created_by", "meeting", *errors])
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages)
    if errors:
        raise ValidationError(errors)
    return event


@transaction.atomic
def event_create(
    *,
    by: User,
    kind: str,
    title: str,
    description: str = "",
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str = "",
    online_link: str = "",
    sector: Sector,
    forum: Forum | None = None,
) -> Event:
    """Publish a community event in ``sector`` (its municipality follows).

    Only those who act in the sector may; a forum, when given, must be an
    active forum of the sector's municipality.
    """
    _check_publisher(by, sector)
    event = _validated(
        Event(created_by=by),
        kind=kind,
        title=title,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        sector=sector,
        forum=forum,
        start_moved=True,
    )
    event.save()
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    by: User,
    kind: str,
    title: str,
    description: str = "",
    starts_at: datetime.datetime,
    ends_at: datetime.datetime | None = None,
    place: str = "",
    online_link: str = "",
    sector: Sector,
    forum: Forum | None = None,
) -> Event:
    """Change a community event; calendars see a new SEQUENCE.

    The user must act in the event's sector and, when moving it, in the new
    one. A cancelled event stays as it was cancelled.
    """
    event = Event.objects.select_for_update().get(pk=event.pk)
    _refuse_forum_meeting(event)
    if event.sector is None:
        raise PermissionDenied(_("This event belongs to no sector you work in."))
    _check_publisher(by, event.sector)
    _check_publisher(by, sector)
    if event.is_cancelled:
        raise ValidationError(_("This event was cancelled; it can no longer change."))
    _validated(
        event,
        kind=kind,
        title=title,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place,
        online_link=online_link,
        sector=sector,
        forum=forum,
        start_moved=starts_at != event.starts_at,
    )
    event.sequence += 1
    event.save()
    return event


@transaction.atomic
def event_cancel(*, event: Event, by: User) -> Event:
    """Cancel a community event that has not ended: it stays on the calendar,
    marked cancelled, and feeds send it with STATUS:CANCELLED."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    _refuse_forum_meeting(event)
    if event.sector is None:
        raise PermissionDenied(_("This event belongs to no sector you work in."))
    _check_publisher(by, event.sector)
    if event.is_cancelled:
        raise ValidationError(_("This event is already cancelled."))
    if (event.ends_at or event.starts_at) < clock.now():
        raise ValidationError(_("This event is over; it cannot be cancelled."))
    event.is_cancelled = True
    event.sequence += 1
    event.save(update_fields=["is_cancelled", "sequence", "updated_at"])
    return event
