"""Every write of the general statistics: a station's day entered, corrected
and confirmed, and the regional and national sums kept with them.

Each service checks the user's right itself (``PermissionDenied``) and every
figure (``ValidationError`` naming the field), so that the back office, the
importer and the API give the same answers in the user's language.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext as _

from bashkesia.accounts import permissions
from bashkesia.core import clock
from bashkesia.core.revisions import revision_bump
from bashkesia.core.text import clean_text
from bashkesia.territory.models import Station

from .models import (
    FIGURES,
    REASON_LIMIT,
    STATION_DAY_LIMITS,
    Correction,
    DailyStatistics,
    DailyTotal,
    Figure,
)

# The name of the revision bumped whenever public figures change: the widget
# and cached pages read it.
STATS_REVISION = "stats"
# The first day the platform takes figures for (the police began publishing
# daily statistics long after; earlier is a typing error).
FIRST_DAY = datetime.date(2008, 1, 1)

Errors = dict[str, list[str]]


def figures_checked(figures: Mapping[str, object]) -> tuple[dict[str, int], Errors]:
    """Return the eight figures as integers and the problems found, by field.

    A figure must be given, a whole number, not negative and not above what
    one station can record in a day.
    """
    values: dict[str, int] = {}
    errors: Errors = {}
    for name in FIGURES:
        raw = figures.get(name)
        label = Figure(name).label
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            errors[name] = [_("Give the number of %(figure)s.") % {"figure": label}]
            continue
        try:
            value = int(str(raw).strip()) if not isinstance(raw, int) else raw
        except ValueError:
            errors[name] = [
                _("“%(value)s” is not a whole number.") % {"value": str(raw)[:20]}
            ]
            continue
        if isinstance(raw, bool):
            errors[name] = [_("“%(value)s” is not a whole number.") % {"value": raw}]
        elif value < 0:
            errors[name] = [
                _("The number of %(figure)s cannot be negative.") % {"figure": label}
            ]
        elif value > STATION_DAY_LIMITS[name]:
            errors[name] = [
                _(
                    "%(value)s %(figure)s in one station in one day is not "
                    "possible (at most %(limit)s): check the number."
                )
                % {"value": value, "figure": label, "limit": STATION_DAY_LIMITS[name]}
            ]
        else:
            values[name] = value
    return values, errors


def day_checked(day: datetime.date) -> Errors:
    """Return the problems of ``day`` as the day of figures: not before
    FIRST_DAY, and over (not today or later)."""
    if day >= clock.today():
        return {"day": [_("Figures are entered for a day that is over.")]}
    if day < FIRST_DAY:
        return {
            "day": [
                _("Figures are taken from %(day)s on.") % {"day": FIRST_DAY.isoformat()}
            ]
        }
    return {}


def _raise(errors: Errors) -> None:
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def daily_statistics_enter(
    *,
    station: Station,
    day: datetime.date,
    figures: Mapping[str, object],
    by: User | None,
) -> DailyStatistics:
    """Enter a station's figures of a day, provisional until its region
    confirms them. A day already entered is refused: correct it instead.

    ``by`` None is the system (the command line): every station, recorded
    as entered by nobody."""
    if by is not None and not permissions.can_enter_statistics(by, station):
        raise PermissionDenied(
            _("You do not enter the figures of %(station)s.")
            % {"station": station.name}
        )
    values, errors = figures_checked(figures)
    errors.update(day_checked(day))
    if DailyStatistics.objects.filter(station=station, day=day).exists():
        errors.setdefault("day", []).append(
            _(
                "The figures of %(station)s for %(day)s are entered already: "
                "correct them instead."
            )
            % {"station": station.name, "day": day.isoformat()}
        )
    _raise(errors)
    statistics = DailyStatistics(
        station=station,
        day=day,
        entered_at=clock.now(),
        entered_by=by,
        **values,
    )
    statistics.full_clean(validate_unique=False, validate_constraints=False)
    statistics.save()
    return statistics


@transaction.atomic
def daily_statistics_correct(
    *,
    statistics: DailyStatistics,
    figures: Mapping[str, object],
    reason: str,
    by: User | None,
) -> list[Correction]:
    """Change a station's figures of a day; record each changed figure (who,
    when, old → new, why) and return those records.

    Once the figures are confirmed the public has seen them: a reason is
    required, the correction is shown with the figures and the sums move
    with it. Nothing changed is no correction (an empty list). ``by`` None
    is the system, as for ``daily_statistics_enter``.
    """
    if by is not None and not permissions.can_enter_statistics(by, statistics.station):
        raise PermissionDenied(
            _("You do not correct the figures of %(station)s.")
            % {"station": statistics.station.name}
        )
    statistics = (
        DailyStatistics.objects.select_for_update()
        .select_related("station__municipality")
        .get(pk=statistics.pk)
    )
    # Figures not given keep their value.
    values, errors = figures_checked({**statistics.figures(), **figures})
    reason = clean_text(reason)
    if statistics.is_confirmed and not reason:
        errors["reason"] = [
            _("Say why published figures change: the public sees the correction.")
        ]
    elif len(reason) > REASON_LIMIT:
        errors["reason"] = [
            _("Write at most %(limit)s characters (this has %(count)s).")
            % {"limit": REASON_LIMIT, "count": len(reason)}
        ]
    _raise(errors)
    now = clock.now()
    changed = {
        name: (getattr(statistics, name), value)
        for name, value in values.items()
        if getattr(statistics, name) != value
    }
    if not changed:
        return []
    corrections = Correction.objects.bulk_create(
        Correction(
            statistics=statistics,
            figure=name,
            old_value=old,
            new_value=new,
            reason=reason,
            corrected_at=now,
            corrected_by=by,
            public=statistics.is_confirmed,
        )
        for name, (old, new) in changed.items()
    )
    for name, (_old, new) in changed.items():
        setattr(statistics, name, new)
    update_fields = list(changed)
    if statistics.is_confirmed:
        statistics.corrected_at = now
        update_fields.append("corrected_at")
        _totals_add(
            statistics.station,
            statistics.day,
            {name: new - old for name, (old, new) in changed.items()},
            stations=0,
        )
    statistics.save(update_fields=update_fields)
    return corrections


@transaction.atomic
def daily_statistics_confirm(
    *, statistics: DailyStatistics, by: User
) -> DailyStatistics:
    """Confirm a station's figures of a day for its region: they become
    public and count in the regional and national sums."""
    if not permissions.can_confirm_statistics(by, statistics.station):
        raise PermissionDenied(
            _("Only the regional directorate confirms the figures of %(station)s.")
            % {"station": statistics.station.name}
        )
    statistics = (
        DailyStatistics.objects.select_for_update()
        .select_related("station__municipality")
        .get(pk=statistics.pk)
    )
    if statistics.is_confirmed:
        raise ValidationError(
            _("The figures of %(station)s for %(day)s are confirmed already.")
            % {"station": statistics.station.name, "day": statistics.day.isoformat()}
        )
    statistics.status = DailyStatistics.Status.CONFIRMED
    statistics.confirmed_at = clock.now()
    statistics.confirmed_by = by
    statistics.save(update_fields=["status", "confirmed_at", "confirmed_by"])
    _totals_add(statistics.station, statistics.day, statistics.figures(), stations=1)
    return statistics


def daily_statistics_confirm_many(
    *, statistics: Iterable[DailyStatistics], by: User
) -> int:
    """Confirm several stations' days at once (all or none); return how many."""
    with transaction.atomic():
        count = 0
        for row in statistics:
            daily_statistics_confirm(statistics=row, by=by)
            count += 1
    return count


def _totals_add(
    station: Station,
    day: datetime.date,
    delta: Mapping[str, int],
    *,
    stations: int,
    demo: bool = False,
) -> None:
    """Add ``delta`` to the day's sums for the station's region and Kosovo
    (made of demo data too when ``demo``), and tell every reader that public
    figures changed."""
    region_id = station.municipality.region_id
    increments: dict = {name: F(name) + value for name, value in delta.items()}
    increments["stations"] = F("stations") + stations
    if demo:
        increments["is_demo"] = True
    for region in (region_id, None):
        total, _created = DailyTotal.objects.get_or_create(region_id=region, day=day)
        DailyTotal.objects.filter(pk=total.pk).update(**increments)
    revision_bump(name=STATS_REVISION)


@transaction.atomic
def daily_totals_rebuild(*, days: tuple[datetime.date, datetime.date] | None = None):
    """Recompute the regional and national sums from the confirmed figures
    (all days, or those from ``days[0]`` to ``days[1]``): after a bulk load,
    or to prove the running sums right."""
    confirmed = DailyStatistics.objects.filter(status=DailyStatistics.Status.CONFIRMED)
    totals = DailyTotal.objects.all()
    if days is not None:
        confirmed = confirmed.filter(day__range=days)
        totals = totals.filter(day__range=days)
    totals.delete()
    sums: dict[str, Sum | Count] = {name: Sum(name) for name in FIGURES}
    sums["demo"] = Count("pk", filter=Q(is_demo=True))
    rows = [
        DailyTotal(
            region_id=row["station__municipality__region_id"],
            day=row["day"],
            stations=row["count"],
            is_demo=row["demo"] > 0,
            **{name: row[name] for name in FIGURES},
        )
        for row in confirmed.values("station__municipality__region_id", "day")
        .annotate(count=Count("pk"), **sums)
        .order_by()
    ]
    rows += [
        DailyTotal(
            region_id=None,
            day=row["day"],
            stations=row["count"],
            is_demo=row["demo"] > 0,
            **{name: row[name] for name in FIGURES},
        )
        for row in confirmed.values("day")
        .annotate(count=Count("pk"), **sums)
        .order_by()
    ]
    DailyTotal.objects.bulk_create(rows, batch_size=2000)
    revision_bump(name=STATS_REVISION)
