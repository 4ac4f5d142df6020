"""Reads of concerns for the back office: the inbox, a concern's record, and
the response-time targets and figures.

Every list starts from ``permissions.concerns_in_scope``; a
``*_get_for_user`` fetch raises ``Http404`` when the concern does not exist and
``PermissionDenied`` when it is out of the user's scope.

A concern is *overdue to acknowledge* when nobody acknowledged it within its
category's ``acknowledge_within_hours`` of its submission, and *overdue to
resolve* when it is still open ``resolve_within_days`` after its submission.
"""

import datetime
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.core.models import LANGUAGE_FIELDS
from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.territory.models import Sector, Station

from .models import (
    CLOSED_STATUSES,
    Category,
    Concern,
    ConcernPhoto,
    ConcernUpdate,
    Status,
)

OPEN_STATUSES = [status for status in Status if status not in CLOSED_STATUSES]
# The window of the "recent" figures: resolutions and times to acknowledge.
FIGURES_WINDOW = datetime.timedelta(days=30)
# What a row of the inbox shows, and nothing else: a million rows stay
# cheap, and the reporter's identity is never even loaded for a list.
INBOX_FIELDS = (
    "tracking_code",
    "description",
    "status",
    "submitted_at",
    "acknowledged_at",
    "closed_at",
    "category__code",
    "category__name_sq",
    "category__name_sr_latn",
    "category__name_sr",
    "category__name_en",
    "category__is_sensitive",
    "category__acknowledge_within_hours",
    "category__resolve_within_days",
    "sector__code",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "assigned_to__first_name_cyrl",
    "assigned_to__last_name_cyrl",
)


def tracking_code_normalise(tracking_code: str) -> str:
    """Return the code as stored: upper case, dashes where they belong."""
    raw = "".join(ch for ch in tracking_code.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else tracking_code


# Response-time targets


class Overdue(NamedTuple):
    """The conditions "overdue to acknowledge" and "overdue to resolve"."""

    acknowledge: Q
    resolve: Q

    @property
    def either(self) -> Q:
        return self.acknowledge | self.resolve


def overdue_conditions(*, now: datetime.datetime) -> Overdue:
    """Return the overdue conditions at ``now``, read from the categories.

    One term per distinct target (a dozen categories share a few), so that
    the database compares plain columns and can use its indexes.
    """
    by_hours: dict[int, list[int]] = defaultdict(list)
    by_days: dict[int, list[int]] = defaultdict(list)
    for pk, hours, days in Category.objects.values_list(
        "pk", "acknowledge_within_hours", "resolve_within_days"
    ).order_by():
        by_hours[hours].append(pk)
        by_days[days].append(pk)
    unacknowledged_since = Q(pk__in=[])
    for hours, ids in by_hours.items():
        unacknowledged_since |= Q(
            category_id__in=ids,
            submitted_at__lt=now - datetime.timedelta(hours=hours),
        )
    open_since = Q(pk__in=[])
    for days, ids in by_days.items():
        open_since |= Q(
            category_id__in=ids,
            submitted_at__lt=now - datetime.timedelta(days=days),
        )
    return Overdue(
        acknowledge=Q(status=Status.SUBMITTED, acknowledged_at__isnull=True)
        & unacknowledged_since,
        resolve=Q(status__in=OPEN_STATUSES) & open_since,
    )


@dataclass(frozen=True)
class Targets:
    """A concern's response-time targets, and how it stands against them."""

    acknowledge_by: datetime.datetime
    resolve_by: datetime.datetime
    acknowledge_overdue: bool  # open, not acknowledged, past its time
    resolve_overdue: bool  # open past its time
    acknowledged_late: bool
    closed_late: bool

    @property
    def overdue(self) -> bool:
        return self.acknowledge_overdue or self.resolve_overdue


def concern_targets(*, concern: Concern, now: datetime.datetime) -> Targets:
    """Return the concern's targets (its category must be loaded)."""
    category = concern.category
    acknowledge_by = concern.submitted_at + datetime.timedelta(
        hours=category.acknowledge_within_hours
    )
    resolve_by = concern.submitted_at + datetime.timedelta(
        days=category.resolve_within_days
    )
    is_open = not concern.is_closed
    return Targets(
        acknowledge_by=acknowledge_by,
        resolve_by=resolve_by,
        acknowledge_overdue=is_open
        and concern.acknowledged_at is None
        and now > acknowledge_by,
        resolve_overdue=is_open and now > resolve_by,
        acknowledged_late=concern.acknowledged_at is not None
        and concern.acknowledged_at > acknowledge_by,
        closed_late=not is_open
        and concern.closed_at is not None
        and concern.closed_at > resolve_by,
    )


# The inbox


@dataclass(frozen=True)
class InboxRow:
    concern: Concern
    targets: Targets
    status_label: str


def concern_list_for_inbox(
    *,
    user: User,
    now: datetime.datetime,
    status: str = "",
    category: Category | None = None,
    sector: Sector | None = None,
    overdue: bool = False,
    mine: bool = False,
) -> QuerySet[Concern]:
    """Return the concerns in the user's scope, newest first, filtered.

    ``status`` is a ``Status`` value, ``"open"`` for every status but the
    closed ones, or empty for all; ``overdue`` keeps those overdue to
    acknowledge or to resolve; ``mine`` those assigned to the user's officer.
    """
    concerns = permissions.concerns_in_scope(user)
    if status == "open":
        concerns = concerns.filter(status__in=OPEN_STATUSES)
    elif status:
        concerns = concerns.filter(status=status)
    if category is not None:
        concerns = concerns.filter(category=category)
    if sector is not None:
        concerns = concerns.filter(sector=sector)
    if overdue:
        # Implied by either condition; said outright, it lets the database
        # read the few open concerns through the (sector, status) index
        # rather than walk every concern from the newest.
        concerns = concerns.filter(
            overdue_conditions(now=now).either, status__in=OPEN_STATUSES
        )
    if mine:
        concerns = concerns.filter(assigned_to__user=user)
    return _inbox_columns(concerns)


def _inbox_columns(concerns: QuerySet[Concern]) -> QuerySet[Concern]:
    return (
        concerns.select_related("category", "sector", "assigned_to")
        .only(*INBOX_FIELDS)
        .order_by("-submitted_at", "-pk")
    )


# How many pages past the one shown the inbox counts; beyond, it says "N+".
INBOX_PAGES_AHEAD = 20


def inbox_counts_all(*, status: str = "", overdue: bool = False) -> bool:
    """Return whether the inbox counts every concern its filters keep: it
    does for open ones, a scope's working set (a few in a hundred, read from
    an index alone), and stops counting ahead for the others."""
    return overdue or status == "open" or status in OPEN_STATUSES


class AtLeast(int):
    """A count known only to be at least this much; it prints as "1000+".

    Still an int: plural forms, comparisons and page arithmetic work on it,
    and templates print it with ``str()`` (Django's number formatting does
    so for integers unless USE_THOUSAND_SEPARATOR is on).
    """

    def __str__(self) -> str:
        return f"{int(self)}+"


class InboxPaginator(Paginator):
    """Pages of ``concern_list_for_inbox`` that stay cheap on a million rows.

    - Unless ``count_all``, the count stops ``INBOX_PAGES_AHEAD`` pages past
      the page asked for: an exact COUNT over a station's hundred thousand
      concerns costs more than the rest of the page. Past that, ``count``
      and ``num_pages`` are ``AtLeast`` ("1000+ concerns", "Page 1 of
      20+"); smaller lists, and the last pages, are counted exactly.
    - A page's rows are read by id from a subquery that selects, orders and
      limits ids only, which the indexes on ``Concern`` answer without
      touching the table; the table is read for the page's rows alone.
    """

    def __init__(
        self, concerns: QuerySet[Concern], per_page: int, *, count_all: bool = False
    ) -> None:
        super().__init__(concerns, per_page)
        self.concerns = concerns
        self.count_all = count_all
        self._wanted = 1

    def get_page(self, number) -> Page:
        try:
            self._wanted = max(1, int(number))
        except (TypeError, ValueError):
            self._wanted = 1
        return super().get_page(number)

    @cached_property
    def count(self) -> int:
        if self.count_all:
            return self.concerns.count()
        pages = self._wanted - 1 + max(2, INBOX_PAGES_AHEAD)
        limit = pages * self.per_page
        found = self.concerns.order_by()[: limit + 1].count()
        return AtLeast(limit) if found > limit else found

    @cached_property
    def num_pages(self) -> int:
        if self.count == 0 and not self.allow_empty_first_page:
            return 0
        pages = -(-max(1, self.count - self.orphans) // self.per_page)
        return AtLeast(pages) if isinstance(self.count, AtLeast) else pages

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = self.concerns.values("pk")[bottom:top]
        return Page(_inbox_columns(Concern.objects.filter(pk__in=ids)), number, self)


def inbox_rows(
    concerns: Iterable[Concern], *, now: datetime.datetime
) -> list[InboxRow]:
    """Return the rows of a page of the inbox, with their targets."""
    labels = {value: str(label) for value, label in Status.choices}
    return [
        InboxRow(
            concern=concern,
            targets=concern_targets(concern=concern, now=now),
            status_label=labels.get(concern.status, concern.status),
        )
        for concern in concerns
    ]


# What the inbox's filter shows of a category and a sector: reading no more
# makes the choices cheap (bench/inbox.py).
CHOICE_FIELDS = ("code", *LANGUAGE_FIELDS.values())


def inbox_sector_choices(*, user: User) -> QuerySet[Sector]:
    return permissions.sectors_in_scope(user).only(*CHOICE_FIELDS).order_by("code")


def inbox_category_choices() -> QuerySet[Category]:
    return Category.objects.only(*CHOICE_FIELDS).order_by("order", "code")


def officer_of_user(*, user: User) -> Officer | None:
    return Officer.objects.filter(user=user).first() if user.pk else None


# One concern


def concern_get_for_user(*, user: User, tracking_code: str) -> Concern:
    """Return the concern with this code if it is in the user's scope."""
    code = tracking_code_normalise(tracking_code)
    concern = (
        Concern.objects.select_related(
            "category", "sector__station", "assigned_to", "duplicate_of"
        )
        .defer("sector__boundary")
        .filter(tracking_code=code)
        .first()
    )
    if concern is None:
        raise Http404(
            _("No concern has the tracking code “%(code)s”.") % {"code": code}
        )
    if not permissions.concerns_in_scope(user).filter(pk=concern.pk).exists():
        raise PermissionDenied(
            _("Concern %(code)s is not in your scope.")
            % {"code": concern.tracking_code}
        )
    return concern


def concern_find_in_scope(*, user: User, tracking_code: str) -> Concern | None:
    """Return the concern with this code in the user's scope, or None."""
    return (
        permissions.concerns_in_scope(user)
        .filter(tracking_code=tracking_code_normalise(tracking_code.strip()))
        .first()
    )


def concern_history(*, concern: Concern) -> QuerySet[ConcernUpdate]:
    """Return every step of the concern, public and internal, oldest first."""
    return concern.updates.select_related("author").order_by("at", "id")


def concern_photo_list(*, concern: Concern) -> QuerySet[ConcernPhoto]:
    return concern.photos.order_by("at", "id")


def concern_duplicate_list(*, concern: Concern) -> QuerySet[Concern]:
    """Return the concerns merged into this one."""
    return concern.duplicates.only("tracking_code", "submitted_at").order_by(
        "submitted_at"
    )


def officers_for_concern(*, concern: Concern) -> QuerySet[Officer]:
    """Return the officers in service a concern may be given to: those who
    serve at the station of its sector (or its parent or substations) or are
    assigned to the sector now."""
    station = concern.sector.station
    family = Q(station=station) | Q(station__parent=station)
    if station.parent_id:
        family |= Q(station_id=station.parent_id)
    today = clock.today()
    assigned_here = SectorAssignment.objects.filter(
        Q(end_date__isnull=True) | Q(end_date__gte=today),
        sector_id=concern.sector_id,
        start_date__lte=today,
    ).values("officer_id")
    return Officer.objects.filter(is_active=True).filter(
        family | Q(pk__in=assigned_here)
    )


def concern_officer_choices(*, user: User, concern: Concern) -> QuerySet[Officer]:
    """Return the officers the user may give the concern to: those it may be
    given to (``officers_for_concern``) who are in the user's scope."""
    return (
        permissions.officers_in_scope(user)
        .filter(pk__in=officers_for_concern(concern=concern).values("pk"))
        .order_by("last_name", "first_name", "badge_number")
    )


# Figures


@dataclass
class ResponseFigures:
    """Response-time figures of a sector, a station, or a whole scope."""

    open: int = 0
    overdue_acknowledge: int = 0
    overdue_resolve: int = 0
    resolved_recently: int = 0
    hours_to_acknowledge: list[float] = field(default_factory=list, repr=False)

    @property
    def median_hours_to_acknowledge(self) -> float | None:
        if not self.hours_to_acknowledge:
            return None
        return statistics.median(self.hours_to_acknowledge)

    def add(self, other: "ResponseFigures") -> None:
        self.open += other.open
        self.overdue_acknowledge += other.overdue_acknowledge
        self.overdue_resolve += other.overdue_resolve
        self.resolved_recently += other.resolved_recently
        self.hours_to_acknowledge.extend(other.hours_to_acknowledge)


@dataclass
class SectorFigures:
    sector: Sector
    figures: ResponseFigures

    @property
    def code(self) -> str:
        return self.sector.code

    @property
    def name(self) -> str:
        return self.sector.name


@dataclass
class StationFigures:
    station: Station
    figures: ResponseFigures

    @property
    def code(self) -> str:
        return self.station.code

    @property
    def name(self) -> str:
        return self.station.name


@dataclass
class ScopeFigures:
    sectors: list[SectorFigures]
    stations: list[StationFigures]
    total: ResponseFigures


def concern_figures(*, user: User, now: datetime.datetime) -> ScopeFigures:
    """Return the response-time figures of each sector and station in the
    user's scope, and of the whole scope.

    Two queries over the concerns: one counts (open, overdue, resolved in the
    window) per sector, the other reads the times to acknowledge of the
    concerns submitted in the window and acknowledged since, whose medians
    Python takes (SQLite has no median).
    """
    since = now - FIGURES_WINDOW
    sectors = list(
        permissions.sectors_in_scope(user)
        .select_related("station")
        .defer("boundary", "description")
        .order_by("station__code", "code")
    )
    by_sector = {sector.pk: ResponseFigures() for sector in sectors}
    concerns = permissions.concerns_in_scope(user).order_by()
    resolved_recently = Q(status=Status.RESOLVED, closed_at__gte=since)
    overdue = overdue_conditions(now=now)
    counts = (
        concerns.filter(Q(status__in=OPEN_STATUSES) | resolved_recently)
        .values("sector_id")
        .annotate(
            open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
            overdue_acknowledge=Count("pk", filter=overdue.acknowledge),
            overdue_resolve=Count("pk", filter=overdue.resolve),
            resolved_recently=Count("pk", filter=resolved_recently),
        )
    )
    for row in counts:
        figures = by_sector.get(row["sector_id"])
        if figures is None:  # a sector that left the scope meanwhile
            continue
        figures.open = row["open"]
        figures.overdue_acknowledge = row["overdue_acknowledge"]
        figures.overdue_resolve = row["overdue_resolve"]
        figures.resolved_recently = row["resolved_recently"]
    # The concerns submitted in the window, not those acknowledged in it:
    # the submission time is indexed, and a cohort is the usual measure.
    # The database subtracts: one duration a row to read, not two datetimes.
    delays = (
        concerns.filter(submitted_at__gte=since, acknowledged_at__isnull=False)
        .annotate(delay=F("acknowledged_at") - F("submitted_at"))
        .values_list("sector_id", "delay")
    )
    for sector_id, delay in delays.iterator(chunk_size=5000):
        if sector_id in by_sector:
            by_sector[sector_id].hours_to_acknowledge.append(
                delay.total_seconds() / 3600
            )
    stations: dict[int, StationFigures] = {}
    total = ResponseFigures()
    for sector in sectors:
        figures = by_sector[sector.pk]
        station = stations.setdefault(
            sector.station_id, StationFigures(sector.station, ResponseFigures())
        )
        station.figures.add(figures)
        total.add(figures)
    return ScopeFigures(
        sectors=[SectorFigures(sector, by_sector[sector.pk]) for sector in sectors],
        stations=list(stations.values()),
        total=total,
    )


# The dashboard


@dataclass(frozen=True)
class Attention:
    """What in the user's scope needs attention now."""

    new: int
    overdue_acknowledge: int
    overdue_resolve: int
    mine: int | None  # open concerns assigned to the user's officer, if any


def concern_attention(*, user: User, now: datetime.datetime) -> Attention | None:
    """Return the counts of open concerns needing attention in the user's
    scope (one query), or None when the user has no sector in scope."""
    if not permissions.sectors_in_scope(user).exists():
        return None
    officer = officer_of_user(user=user)
    overdue = overdue_conditions(now=now)
    aggregates = {
        "new": Count("pk", filter=Q(status=Status.SUBMITTED)),
        "overdue_acknowledge": Count("pk", filter=overdue.acknowledge),
        "overdue_resolve": Count("pk", filter=overdue.resolve),
    }
    if officer is not None:
        aggregates["mine"] = Count("pk", filter=Q(assigned_to=officer))
    counts = (
        permissions.concerns_in_scope(user)
        .filter(status__in=OPEN_STATUSES)
        .aggregate(**aggregates)
    )
    return Attention(
        new=counts["new"],
        overdue_acknowledge=counts["overdue_acknowledge"],
        overdue_resolve=counts["overdue_resolve"],
        mine=counts.get("mine"),
    )
