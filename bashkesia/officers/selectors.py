"""Every read of officers and their assignments."""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q, QuerySet

from bashkesia.core import clock

from .models import Officer, Role, SectorAssignment


def assignment_list_current(
    *, sector_ids: Iterable[int] | None = None, day: datetime.date | None = None
) -> QuerySet[SectorAssignment]:
    """Return assignments current on ``day`` (today), leaders after officers."""
    day = day or clock.today()
    assignments = SectorAssignment.objects.select_related("officer").filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day),
        start_date__lte=day,
        officer__is_active=True,
    )
    if sector_ids is not None:
        assignments = assignments.filter(sector_id__in=list(sector_ids))
    return assignments.order_by(
        "sector_id", "-kind", "officer__last_name", "officer__first_name"
    )


def officers_by_sector(
    *, sector_ids: Iterable[int] | None = None, day: datetime.date | None = None
) -> dict[int, list[SectorAssignment]]:
    """Return the current assignments of each sector, keyed by sector id."""
    grouped: dict[int, list[SectorAssignment]] = defaultdict(list)
    for assignment in assignment_list_current(sector_ids=sector_ids, day=day):
        grouped[assignment.sector_id].append(assignment)
    return grouped


def officer_list_for_region(*, region_id: int) -> QuerySet[Officer]:
    """Return the officers serving in a regional directorate's area."""
    return (
        Officer.objects.filter(is_active=True)
        .filter(Q(region_id=region_id) | Q(station__municipality__region_id=region_id))
        .order_by("role", "last_name", "first_name")
    )


def officer_list_commanders(*, station_ids: Iterable[int]) -> QuerySet[Officer]:
    return Officer.objects.filter(
        is_active=True, role=Role.STATION_COMMANDER, station_id__in=list(station_ids)
    )


def officer_get_commander(*, station) -> Officer | None:
    """Return the commander of ``station``, or of its parent for a substation."""
    for candidate in (station, station.parent):
        if candidate is None:
            continue
        commander = (
            Officer.objects.filter(
                is_active=True, role=Role.STATION_COMMANDER, station=candidate
            )
            .order_by("last_name")
            .first()
        )
        if commander is not None:
            return commander
    return None
