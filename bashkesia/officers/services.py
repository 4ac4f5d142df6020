"""Every write to officers and their sector assignments."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.territory.models import Region, Sector, Station

from .models import Officer, SectorAssignment


@transaction.atomic
def officer_upsert(
    *,
    badge_number: str,
    rank: str,
    role: str,
    first_name: str,
    last_name: str,
    first_name_cyrl: str = "",
    last_name_cyrl: str = "",
    public_phone: str = "",
    public_email: str = "",
    station: Station | None = None,
    region: Region | None = None,
    is_demo: bool = False,
) -> Officer:
    """Create the officer with ``badge_number``, or update it in place."""
    officer = Officer.objects.filter(badge_number=badge_number).first() or Officer(
        badge_number=badge_number
    )
    officer.rank = rank
    officer.role = role
    officer.first_name = first_name
    officer.last_name = last_name
    officer.first_name_cyrl = first_name_cyrl
    officer.last_name_cyrl = last_name_cyrl
    officer.public_phone = public_phone
    officer.public_email = public_email
    officer.station = station
    officer.region = region
    officer.is_demo = is_demo
    officer.full_clean()
    officer.save()
    return officer


@transaction.atomic
def assignment_start(
    *,
    officer: Officer,
    sector: Sector,
    kind: str = SectorAssignment.Kind.SECTOR_OFFICER,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> SectorAssignment:
    """Assign ``officer`` to ``sector`` from ``start_date`` (today).

    An identical assignment (same officer, sector, kind and start) is returned
    as it is, so loading the same data twice changes nothing. An officer
    cannot hold two overlapping assignments of one kind to one sector.
    """
    start_date = start_date or clock.today()
    existing = SectorAssignment.objects.filter(
        officer=officer, sector=sector, kind=kind, start_date=start_date
    ).first()
    if existing is not None:
        if existing.end_date != end_date:
            existing.end_date = end_date
            existing.full_clean()
            existing.save(update_fields=["end_date", "updated_at"])
        return existing
    overlapping = SectorAssignment.objects.filter(
        officer=officer, sector=sector, kind=kind
    ).exclude(end_date__lt=start_date)
    if end_date is not None:
        overlapping = overlapping.exclude(start_date__gt=end_date)
    if overlapping.exists():
        raise ValidationError(
            _("%(officer)s is already assigned to sector %(code)s then.")
            % {"officer": officer.full_name, "code": sector.code}
        )
    assignment = SectorAssignment(
        officer=officer,
        sector=sector,
        kind=kind,
        start_date=start_date,
        end_date=end_date,
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_end(
    *, assignment: SectorAssignment, end_date: datetime.date | None = None
) -> SectorAssignment:
    """End an assignment on ``end_date`` (today); the record stays as history."""
    assignment.end_date = end_date or clock.today()
    assignment.full_clean()
    assignment.save(update_fields=["end_date", "updated_at"])
    return assignment
