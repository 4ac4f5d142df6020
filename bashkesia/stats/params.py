"""What a reader asks of the statistics, read from text: a day, a range of
days, and a scope (Kosovo, a regional directorate or a station, by code).

Shared by the API and the public page, so that both refuse the same input
with the same words: a ``ValidationError`` for a malformed or impossible
date or range, ``Http404`` for an unknown code.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.territory.models import Region, Station

from .selectors import NATIONAL, Scope

# The longest range one request reads.
LONGEST_YEARS = 10
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def day_parse(text: str) -> datetime.date:
    """Return the day written ``YYYY-MM-DD`` in ``text``."""
    text = text.strip()
    shown = text[:40]
    if not ISO_DAY.match(text):
        raise ValidationError(
            _("“%(value)s” is not a day: write it as YYYY-MM-DD.") % {"value": shown}
        )
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("%(value)s is not a day of the calendar.") % {"value": shown}
        ) from None


def years_after(day: datetime.date, years: int) -> datetime.date:
    """Return the same day ``years`` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def range_check(start: datetime.date, end: datetime.date) -> None:
    """Refuse a range that runs backwards or is longer than LONGEST_YEARS."""
    if start > end:
        raise ValidationError(
            _("The first day (%(start)s) comes after the last (%(end)s).")
            % {"start": start.isoformat(), "end": end.isoformat()}
        )
    if start.year + LONGEST_YEARS <= datetime.MAXYEAR and end >= years_after(
        start, LONGEST_YEARS
    ):
        raise ValidationError(
            _("Choose at most %(years)s years at a time.") % {"years": LONGEST_YEARS}
        )


def scope_from_codes(*, region: str | None, station: str | None) -> Scope:
    """Return the scope named by a region code or a station code (not
    both), Kosovo when neither is given."""
    if region and station:
        raise ValidationError(_("Ask for a region or a station, not both."))
    if station:
        found = (
            Station.objects.select_related("municipality__region")
            .filter(code__iexact=station.strip())
            .first()
        )
        if found is None:
            raise Http404(
                _("No police station has the code “%(code)s”.") % {"code": station[:20]}
            )
        return Scope(region=found.municipality.region, station=found)
    if region:
        found_region = Region.objects.filter(code__iexact=region.strip()).first()
        if found_region is None:
            raise Http404(
                _("No regional directorate has the code “%(code)s”.")
                % {"code": region[:20]}
            )
        return Scope(region=found_region)
    return NATIONAL
