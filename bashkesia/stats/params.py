"""What a reader asks of the statistics, read from text: a day, a range of
days, and a scope (Kosovo, a regional directorate or a station, by code).

Shared by the API and the public page, so that both refuse the same input
with the same words: a ``ValidationError`` for a malformed or impossible
date or range, ``Http404`` for an unknown code.
"""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from bashkesia.territory.models import Region, Station

from .selectors import NATIONAL, Scope

# The longest range one request reads: ten years and their leap days.
LONGEST_RANGE = datetime.timedelta(days=3653)


def day_parse(text: str, *, name: str) -> datetime.date:
    """Return the day written ``YYYY-MM-DD`` in ``text``."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            _("%(name)s: “%(value)s” is not a day; write it as YYYY-MM-DD.")
            % {"name": name, "value": text[:40]}
        ) from None


def range_parse(first: str, last: str) -> tuple[datetime.date, datetime.date]:
    """Return the days from ``first`` to ``last`` (both given)."""
    start, end = day_parse(first, name="from"), day_parse(last, name="to")
    if end < start:
        raise ValidationError(_("The last day cannot come before the first day."))
    if end - start > LONGEST_RANGE:
        raise ValidationError(_("Ask for ten years at most at a time."))
    return start, end


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
