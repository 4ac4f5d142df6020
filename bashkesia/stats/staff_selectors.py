"""Reads of the general statistics for the back office: the stations a user
enters or confirms, their days, a day fetched with a permission check, and
the days not entered yet.

Which stations come from ``permissions``; the ids are read once a request
and kept on the user object, like ``permissions.grants``.
"""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.territory.models import Station

from .models import DailyStatistics

# Days back the back office looks for days not entered yet.
MISSING_DAYS = 7


def _memo(user: User, key: str, stations: QuerySet[Station]) -> set[int]:
    ids = getattr(user, key, None)
    if ids is None:
        ids = set(stations.values_list("pk", flat=True))
        setattr(user, key, ids)
    return ids


def entry_station_ids(user: User) -> set[int]:
    """Return the ids of the stations whose days the user enters."""
    return _memo(
        user, "_bashkesia_stats_entry", permissions.stations_for_statistics_entry(user)
    )


def confirm_station_ids(user: User) -> set[int]:
    """Return the ids of the stations whose days the user confirms."""
    return _memo(
        user,
        "_bashkesia_stats_confirm",
        permissions.stations_for_statistics_confirmation(user),
    )


def scope_station_ids(user: User) -> set[int]:
    """Return the stations whose days the user sees in the back office;
    ``PermissionDenied`` if none."""
    if not permissions.uses_statistics_back_office(user):
        raise PermissionDenied
    ids = entry_station_ids(user) | confirm_station_ids(user)
    if not ids:
        raise PermissionDenied
    return ids


def statistics_get_for_user(*, user: User, pk: int) -> DailyStatistics:
    """Return the station's day ``pk`` if the user enters or confirms its
    station's figures; ``Http404`` if there is no such day,
    ``PermissionDenied`` if it is out of scope."""
    statistics = (
        DailyStatistics.objects.select_related(
            "station__municipality__region", "entered_by", "confirmed_by"
        )
        .filter(pk=pk)
        .first()
    )
    if statistics is None:
        raise Http404(_("There is no such day of figures."))
    if statistics.station_id not in scope_station_ids(user):
        raise PermissionDenied(
            _("You do not enter or confirm the figures of %(station)s.")
            % {"station": statistics.station.name}
        )
    return statistics


def days_not_entered(*, user: User) -> list[tuple[Station, datetime.date]]:
    """Return the days of the last week the user's stations have not
    entered yet, newest first, by station code."""
    ids = entry_station_ids(user)
    if not ids:
        return []
    last = clock.today() - datetime.timedelta(days=1)
    first = last - datetime.timedelta(days=MISSING_DAYS - 1)
    entered = set(
        DailyStatistics.objects.filter(
            station_id__in=ids, day__range=(first, last)
        ).values_list("station_id", "day")
    )
    stations = list(Station.objects.filter(pk__in=ids).order_by("code"))
    return [
        (station, last - datetime.timedelta(days=back))
        for back in range(MISSING_DAYS)
        for station in stations
        if (station.pk, last - datetime.timedelta(days=back)) not in entered
    ]


def days_awaiting_confirmation(*, user: User) -> QuerySet[DailyStatistics]:
    """Return the provisional days of the stations the user confirms."""
    return DailyStatistics.objects.filter(
        station_id__in=confirm_station_ids(user),
        status=DailyStatistics.Status.PROVISIONAL,
    )
