"""Every read of the safety forums: the public list and pages, a KLSP request
followed by its code, representativeness figures, and the back office's
records (fetched through ``forums_in_scope``)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.territory.models import Municipality, Sector, Settlement, Station

from ..models import (
    ActionItem,
    AgeBand,
    Community,
    Forum,
    ForumKind,
    ForumRequest,
    ForumStatus,
    ForumStep,
    Gender,
    Meeting,
    MemberRole,
    Membership,
    Minutes,
    Recommendation,
)

AnyUser = User | AnonymousUser

# Municipalities where Serbs are the majority community; Albanians are
# elsewhere. Codes as in bashkesia/demo/data/kosovo-municipalities.csv.
SERB_MAJORITY_MUNICIPALITIES = frozenset(
    {"MIV", "ZVE", "ZUB", "LEP", "GRA", "STR", "RAN", "PAR", "KLL", "NOB"}
)
PUBLIC_STATUSES = (ForumStatus.ACTIVE, ForumStatus.DISSOLVED)
# The order members are listed in: who leads first.
ROLE_ORDER: list[str] = [
    MemberRole.CHAIR,
    MemberRole.DEPUTY,
    MemberRole.SECRETARY,
    MemberRole.POLICE,
    MemberRole.MUNICIPAL,
    MemberRole.MEMBER,
]
# The kinds of forum a sector's page lists, the nearest to residents first.
NEAREST_FIRST: list[str] = [ForumKind.KLSP, ForumKind.EVSB, ForumKind.KKSB]
# How far back the public page lists recommendations and closed action items.
PUBLIC_HISTORY = datetime.timedelta(days=365)
PUBLIC_RECOMMENDATIONS = 20


def majority_community(municipality: Municipality) -> str:
    """Return the majority community of ``municipality``."""
    if municipality.code in SERB_MAJORITY_MUNICIPALITIES:
        return Community.SERB
    return Community.ALBANIAN


def _current(day: datetime.date, prefix: str = "") -> Q:
    """Return the condition "a seat held on ``day``" on memberships."""
    return Q(**{f"{prefix}start_date__lte": day}) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


def _forums() -> QuerySet[Forum]:
    return Forum.objects.select_related(
        "municipality__region", "station__parent"
    ).defer("municipality__boundary")


# The public pages


def forum_list_public(
    *,
    municipality: Municipality | None = None,
    kind: str = "",
    include_dissolved: bool = False,
) -> QuerySet[Forum]:
    """Return the forums the public sees: active ones, and the dissolved
    ones too with ``include_dissolved``."""
    statuses = PUBLIC_STATUSES if include_dissolved else (ForumStatus.ACTIVE,)
    forums = _forums().filter(status__in=statuses)
    if municipality is not None:
        forums = forums.filter(municipality=municipality)
    if kind:
        forums = forums.filter(kind=kind)
    return forums.order_by("municipality__name_sq", "kind", "name_sq", "pk")


def forum_get_public(*, pk: int) -> Forum:
    """Return the forum if the public may see it (active or dissolved)."""
    forum = _forums().filter(pk=pk, status__in=PUBLIC_STATUSES).first()
    if forum is None:
        raise Http404(_("No public safety forum has this number."))
    return forum


def forum_list_for_sector(*, sector: Sector, now: datetime.datetime) -> list[Forum]:
    """Return the active forums a sector's residents take part in, the
    nearest first: the KLSPs and EVSBs whose area holds the sector or one of
    its villages and neighbourhoods, then the KKSB of its municipality.

    Each carries ``next_meetings``: its next public meeting scheduled from
    ``now`` on (an empty list when there is none).
    """
    covering = Forum.objects.filter(
        Q(sectors=sector) | Q(settlements__sector=sector)
    ).values("pk")
    upcoming = Meeting.objects.filter(
        is_public=True, status=Meeting.Status.SCHEDULED, starts_at__gte=now
    ).order_by("starts_at", "pk")
    forums = (
        _forums()
        .filter(status=ForumStatus.ACTIVE)
        .filter(
            Q(kind=ForumKind.KKSB, municipality_id=sector.municipality_id)
            | Q(pk__in=covering)
        )
        .prefetch_related(
            Prefetch("meetings", queryset=upcoming[:1], to_attr="next_meetings")
        )
        .order_by("name_sq", "pk")
    )
    return sorted(forums, key=lambda forum: NEAREST_FIRST.index(forum.kind))


def forum_sector_list(*, forum: Forum) -> list[Sector]:
    """Return the sectors the forum covers, with their boundaries.

    A KKSB that names no sector and no settlement covers its whole
    municipality.
    """
    sectors = Sector.objects.select_related("station").order_by("code")
    chosen = list(sectors.filter(forums=forum))
    if not chosen and forum.kind == ForumKind.KKSB and not forum.settlements.exists():
        return list(sectors.filter(municipality_id=forum.municipality_id))
    return chosen


def forum_settlement_list(*, forum: Forum) -> QuerySet[Settlement]:
    return forum.settlements.select_related("sector").order_by("name_sq")


def forum_map_features(*, sectors: list[Sector], settlements: list[Settlement]) -> dict:
    """Return the forum's area as GeoJSON for ``web/js/map.js``: its sectors
    as outlines (linking to their pages) and its settlements as points."""
    features = [
        {
            "type": "Feature",
            "geometry": sector.boundary,
            "properties": {
                "code": sector.code,
                "name": sector.name,
                "current": True,
            },
        }
        for sector in sectors
    ]
    features += [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [settlement.longitude, settlement.latitude],
            },
            "properties": {"label": settlement.name},
        }
        for settlement in settlements
    ]
    return {"type": "FeatureCollection", "features": features}


def membership_list_current(*, forum: Forum, day: datetime.date) -> list[Membership]:
    """Return the forum's seats held on ``day``, who leads first."""
    members = forum.memberships.filter(_current(day)).select_related("officer")
    return sorted(members, key=lambda m: (ROLE_ORDER.index(m.role), m.start_date, m.pk))


def meeting_list_upcoming_public(
    *, forum: Forum, now: datetime.datetime
) -> QuerySet[Meeting]:
    return forum.meetings.filter(
        is_public=True, status=Meeting.Status.SCHEDULED, starts_at__gte=now
    ).order_by("starts_at", "pk")


def meeting_list_with_approved_minutes(*, forum: Forum) -> QuerySet[Meeting]:
    """Return the forum's past public meetings whose minutes are approved."""
    approved = Minutes.objects.filter(status=Minutes.Status.APPROVED)
    return (
        forum.meetings.filter(
            is_public=True, minutes__in=approved, status=Meeting.Status.HELD
        )
        .distinct()
        .order_by("-starts_at", "-pk")
    )


def recommendation_list_public(
    *, forum: Forum, day: datetime.date
) -> QuerySet[Recommendation]:
    """Return the recommendations of the forum's public meetings held in
    the last year, newest first."""
    return (
        Recommendation.objects.filter(
            meeting__forum=forum,
            meeting__is_public=True,
            meeting__status=Meeting.Status.HELD,
            meeting__starts_at__date__gte=day - PUBLIC_HISTORY,
        )
        .select_related("meeting")
        .order_by("-meeting__starts_at", "order", "pk")[:PUBLIC_RECOMMENDATIONS]
    )


def action_item_list_public(
    *, forum: Forum, day: datetime.date
) -> QuerySet[ActionItem]:
    """Return the forum's open action items and those closed in the last
    year; not those agreed at a meeting closed to the public."""
    return (
        forum.action_items.filter(Q(meeting__isnull=True) | Q(meeting__is_public=True))
        .filter(
            Q(status__in=[ActionItem.Status.OPEN, ActionItem.Status.IN_PROGRESS])
            | Q(closed_on__isnull=True)
            | Q(closed_on__gte=day - PUBLIC_HISTORY)
        )
        .select_related("meeting")
        .order_by("deadline", "pk")
    )


def forum_request_get_by_tracking_code(*, tracking_code: str) -> ForumRequest:
    """Return the KLSP request with this code (any case, dashes optional)."""
    raw = "".join(ch for ch in tracking_code.upper() if ch.isalnum())
    code = f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else tracking_code
    found = (
        ForumRequest.objects.select_related("forum__municipality", "forum__station")
        .defer("forum__municipality__boundary")
        .filter(tracking_code=code)
        .first()
    )
    if found is None:
        raise Http404(
            _("No request for a KLSP has the tracking code “%(code)s”.")
            % {"code": code}
        )
    return found


def forum_step_list(*, forum: Forum) -> QuerySet[ForumStep]:
    return forum.steps.select_related("by").order_by("at", "pk")


# Representativeness


@dataclass
class Representation:
    """Current members of a forum or a municipality's forums, and how many of
    them are women, young (under 25) or of a non-majority community."""

    members: int = 0
    women: int = 0
    youth: int = 0
    non_majority: int = 0

    @staticmethod
    def _share(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None

    @property
    def women_share(self) -> int | None:
        return self._share(self.women, self.members)

    @property
    def youth_share(self) -> int | None:
        return self._share(self.youth, self.members)

    @property
    def non_majority_share(self) -> int | None:
        return self._share(self.non_majority, self.members)


def _figures(memberships: QuerySet[Membership], group: str) -> dict[int, dict]:
    serb_majority = Q(forum__municipality__code__in=SERB_MAJORITY_MUNICIPALITIES)
    non_majority = (
        serb_majority & ~Q(community__in=[Community.SERB, Community.UNDISCLOSED])
    ) | (~serb_majority & ~Q(community__in=[Community.ALBANIAN, Community.UNDISCLOSED]))
    rows = (
        memberships.order_by()
        .values(group)
        .annotate(
            members=Count("pk"),
            women=Count("pk", filter=Q(gender=Gender.FEMALE)),
            youth=Count("pk", filter=Q(age_band=AgeBand.YOUTH)),
            non_majority=Count("pk", filter=non_majority),
        )
    )
    return {row.pop(group): row for row in rows}


def representation_of_forum(*, forum: Forum, day: datetime.date) -> Representation:
    figures = _figures(forum.memberships.filter(_current(day)), "forum_id")
    return Representation(**figures.get(forum.pk, {}))


def representation_by_forum(
    *, forums: Iterable[Forum], day: datetime.date
) -> list[tuple[Forum, Representation]]:
    """Return each of ``forums`` with the figures of its current members."""
    forum_list = list(forums)
    figures = _figures(
        Membership.objects.filter(_current(day), forum__in=[f.pk for f in forum_list]),
        "forum_id",
    )
    return [
        (forum, Representation(**figures.get(forum.pk, {}))) for forum in forum_list
    ]


def representation_by_municipality(
    *, forums: QuerySet[Forum], day: datetime.date
) -> list[tuple[Municipality, int, Representation]]:
    """Return each municipality with active forums among ``forums``: the
    number of those forums and the figures of their current members."""
    forum_ids = list(forums.values_list("pk", flat=True))
    counts = dict(
        Forum.objects.filter(pk__in=forum_ids)
        .order_by()
        .values("municipality_id")
        .annotate(count=Count("pk"))
        .values_list("municipality_id", "count")
    )
    figures = _figures(
        Membership.objects.filter(_current(day), forum_id__in=forum_ids),
        "forum__municipality_id",
    )
    municipalities = Municipality.objects.defer("boundary").filter(pk__in=counts)
    return [
        (
            municipality,
            counts[municipality.pk],
            Representation(**figures.get(municipality.pk, {})),
        )
        for municipality in municipalities.order_by("name_sq")
    ]


# Choices for the forms


def municipality_list_for_forms() -> QuerySet[Municipality]:
    return Municipality.objects.defer("boundary").order_by("name_sq")


def settlement_list_in_municipality(
    *, municipality: Municipality
) -> QuerySet[Settlement]:
    return (
        Settlement.objects.filter(municipality=municipality, sector__isnull=False)
        .select_related("sector")
        .defer("sector__boundary")
        .order_by("name_sq", "pk")
    )


def station_family_ids(*, station: Station) -> list[int]:
    """Return the station and its substations."""
    return [
        station.pk,
        *Station.objects.filter(parent=station).values_list("pk", flat=True),
    ]


def settlement_list_for_stations(*, station_ids: list[int]) -> QuerySet[Settlement]:
    return (
        Settlement.objects.filter(sector__station_id__in=station_ids)
        .select_related("sector")
        .defer("sector__boundary")
        .order_by("name_sq", "pk")
    )


def sector_list_for_stations(*, station_ids: list[int]) -> QuerySet[Sector]:
    return (
        Sector.objects.filter(station_id__in=station_ids)
        .defer("boundary")
        .order_by("code")
    )


def station_main(*, municipality: Municipality) -> Station | None:
    """Return the municipality's main police station: the one bearing the
    municipality's code, or else its first station (never a substation)."""
    stations = Station.objects.filter(
        municipality=municipality, kind=Station.Kind.STATION
    )
    return (
        stations.filter(code=municipality.code).first()
        or stations.order_by("code").first()
    )


# The back office


def forum_list_for_user(
    *,
    user: AnyUser,
    status: str = "",
    kind: str = "",
    municipality: Municipality | None = None,
) -> QuerySet[Forum]:
    """Return the forums in the user's scope, in every status."""
    forums = (
        permissions.forums_in_scope(user)
        .select_related("municipality", "station")
        .defer("municipality__boundary")
    )
    if status:
        forums = forums.filter(status=status)
    if kind:
        forums = forums.filter(kind=kind)
    if municipality is not None:
        forums = forums.filter(municipality=municipality)
    return forums.order_by("municipality__name_sq", "kind", "name_sq", "pk")


def forum_list_waiting_for_user(*, user: AnyUser) -> QuerySet[Forum]:
    """Return the KLSPs waiting for the user's decision, oldest first."""
    return (
        permissions.forums_awaiting_decision(user)
        .select_related("municipality", "station")
        .defer("municipality__boundary")
        .order_by("created_at", "pk")
    )


def forum_get_for_user(*, user: AnyUser, pk: int) -> Forum:
    """Return the forum if it is in the user's scope, or raise ``Http404``."""
    forum = (
        permissions.forums_in_scope(user)
        .select_related("municipality__region", "station__parent")
        .defer("municipality__boundary")
        .filter(pk=pk)
        .first()
    )
    if forum is None:
        raise Http404(_("No forum in your scope has this number."))
    return forum


def forum_request_of(*, forum: Forum) -> ForumRequest | None:
    return ForumRequest.objects.filter(forum=forum).first()


def membership_list_for_record(*, forum: Forum) -> list[Membership]:
    """Return every seat of the forum, past ones too, who leads first."""
    members = forum.memberships.select_related("officer", "user")
    return sorted(
        members,
        key=lambda m: (
            m.end_date is not None,
            ROLE_ORDER.index(m.role),
            m.start_date,
            m.pk,
        ),
    )


def membership_get_for_forum(*, forum: Forum, pk: int) -> Membership:
    membership = (
        forum.memberships.select_related("forum", "officer", "user")
        .filter(pk=pk)
        .first()
    )
    if membership is None:
        raise Http404(_("This forum has no member with this number."))
    return membership


def officer_list_for_forum(*, forum: Forum) -> QuerySet:
    """Return the officers in service at the forum's station (with its
    parent and substations): the police representatives to choose from."""
    from bashkesia.officers.models import Officer

    station = forum.station
    ids = station_family_ids(station=station.parent or station)
    return Officer.objects.filter(is_active=True, station_id__in=ids).order_by(
        "last_name", "first_name"
    )


# Who hears of a KLSP's steps


def _contacts(grants: QuerySet[RoleGrant]) -> list[tuple[str, str]]:
    rows = (
        grants.filter(revoked_at__isnull=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", "user__account__language")
        .distinct()
    )
    return sorted({(email, language or "sq") for email, language in rows})


def commander_contacts(
    *, station: Station, but: AnyUser | None = None
) -> list[tuple[str, str]]:
    """Return ``(e-mail, language)`` of the commanders of ``station`` (and of
    its parent station, for a substation), ``but`` left out."""
    station_ids = [station.pk] + ([station.parent_id] if station.parent_id else [])
    grants = RoleGrant.objects.filter(
        role=Role.STATION_COMMANDER, station_id__in=station_ids
    )
    if but is not None and but.pk is not None:
        grants = grants.exclude(user_id=but.pk)
    return _contacts(grants)


def director_general_contacts() -> list[tuple[str, str]]:
    return _contacts(RoleGrant.objects.filter(role=Role.DIRECTOR_GENERAL))
