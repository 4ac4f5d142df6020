"""The general statistics in the open API, /api/v1/stats/.

Reads are open: Kosovo's figures (or a region's, or a station's) of the
published day, of any day, or of a range of days, as JSON or CSV. Dates are
``YYYY-MM-DD``; a malformed or impossible date, or a range the other way
round, is a 400 with a ``detail``.
"""

import csv
import datetime
import io

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from . import params, selectors
from .models import FIGURES

router = Router(tags=["statistics"])


class Error(Schema):
    detail: str


class Figures(Schema):
    fatal_accidents: int
    injury_accidents: int
    noninjury_accidents: int
    traffic_tickets: int
    arrests: int
    in_custody: int
    police_detention: int
    sent_to_serve_sentence: int


class DayOut(Figures):
    date: datetime.date
    corrected: bool = Field(
        description="A figure of the day was corrected after it was published"
    )


class DailyOut(Schema):
    level: str = Field(description="national, region or station")
    region: str | None = Field(description="The region's code, as in /regions")
    station: str | None = Field(description="The station's code, as in /stations")
    published: datetime.date | None = Field(
        description="The latest day every station has confirmed"
    )
    from_: datetime.date = Field(alias="from")
    to: datetime.date
    days: list[DayOut]
    totals: Figures


class DailyQuery(Schema):
    date: str | None = Field(None, description="One day (YYYY-MM-DD)")
    from_: str | None = Field(None, alias="from", description="First day")
    to: str | None = Field(None, description="Last day, included")
    region: str | None = Field(None, description="A region's code")
    station: str | None = Field(None, description="A station's code")


def _selection(query: DailyQuery):
    """Return the scope, the days asked for and the published day; without
    a date or range, the published day."""
    try:
        scope = params.scope_from_codes(region=query.region, station=query.station)
        if query.date and (query.from_ or query.to):
            raise ValidationError(_("Ask for a date or a range (from, to), not both."))
        published = selectors.published_day()
        if query.date:
            day = params.day_parse(query.date, name="date")
            start, end = day, day
        elif query.from_ or query.to:
            if not (query.from_ and query.to):
                raise ValidationError(_("A range needs both from and to."))
            start, end = params.range_parse(query.from_, query.to)
        elif published is None:
            raise HttpError(404, _("No day's figures are published yet."))
        else:
            start = end = published
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error
    except Http404 as error:
        raise HttpError(400, str(error)) from error
    return scope, start, end, published


@router.get(
    "/stats/daily",
    response={200: DailyOut, 400: Error},
    by_alias=True,
    summary="General statistics: a day or a range of days",
)
def daily(request: HttpRequest, query: Query[DailyQuery]):
    """The confirmed figures of Kosovo (or of a region or station, by code)
    for a day (``date``), a range (``from``, ``to``, at most ten years) or,
    without either, the latest published day. Days after the published day
    have no figures yet."""
    scope, start, end, published = _selection(query)
    days = selectors.series_daily(scope=scope, start=start, end=end)
    return {
        "level": scope.level,
        "region": scope.region.code if scope.region and not scope.station else None,
        "station": scope.station.code if scope.station else None,
        "published": published,
        "from": start,
        "to": end,
        "days": [
            {"date": day.day, "corrected": day.corrected, **day.figures} for day in days
        ],
        "totals": {name: sum(day.figures[name] for day in days) for name in FIGURES},
    }


@router.get(
    "/stats/daily.csv",
    response={200: None, 400: Error},
    summary="General statistics as CSV: one row per day",
)
def daily_csv(request: HttpRequest, query: Query[DailyQuery]):
    """The same selection as ``/stats/daily``, one row per day and a column
    per figure (UTF-8, comma-separated, with a header)."""
    scope, start, end, _published = _selection(query)
    days = selectors.series_daily(scope=scope, start=start, end=end)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", *FIGURES, "corrected"])
    for day in days:
        writer.writerow(
            [
                day.day.isoformat(),
                *(day.figures[name] for name in FIGURES),
                "yes" if day.corrected else "no",
            ]
        )
    name = f"statistics-{scope.code or 'XK'}-{start.isoformat()}-{end.isoformat()}"
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
