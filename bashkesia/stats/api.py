"""The general statistics in the open API, /api/v1/stats/.

Reads are open: Kosovo's figures (or a region's, or a station's) of the
published day, of any day, or of a range of days, as JSON or CSV. Dates are
``YYYY-MM-DD``; a malformed or impossible date, or a range the other way
round, is a 400 with a ``detail``.
"""

import csv
import datetime
import io
import json

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import StrictInt

from bashkesia.accounts import permissions
from bashkesia.accounts.tokens import api_token
from bashkesia.territory.models import Station

from . import params, selectors, services
from .models import FIGURES, DailyStatistics

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


def _day(text: str, name: str) -> datetime.date:
    """Return the day in ``text``; its error names the parameter."""
    try:
        return params.day_parse(text)
    except ValidationError as error:
        raise ValidationError(f"{name}: {error.messages[0]}") from error


def _selection(query: DailyQuery):
    """Return the scope, the days asked for and the published day; without
    a date or range, the published day."""
    try:
        scope = params.scope_from_codes(region=query.region, station=query.station)
        if query.date and (query.from_ or query.to):
            raise ValidationError(_("Ask for a date or a range (from, to), not both."))
        published = selectors.published_day()
        if query.date:
            start = end = _day(query.date, "date")
        elif query.from_ or query.to:
            if not (query.from_ and query.to):
                raise ValidationError(_("A range needs both from and to."))
            start, end = _day(query.from_, "from"), _day(query.to, "to")
            params.range_check(start, end)
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
    # Written straight to JSON in the shape of DailyOut: validating ten
    # years of days through the schema took ten times the query (bench).
    body = {
        "level": scope.level,
        "region": scope.region.code if scope.region and not scope.station else None,
        "station": scope.station.code if scope.station else None,
        "published": published.isoformat() if published else None,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "days": [
            {"date": day.day.isoformat(), "corrected": day.corrected, **day.figures}
            for day in days
        ],
        "totals": {name: sum(day.figures[name] for day in days) for name in FIGURES},
    }
    return HttpResponse(json.dumps(body), content_type="application/json")


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


# Writes


class DailyIn(Schema):
    station: str = Field(description="The station's code, as in /stations")
    day: str = Field(description="The day of the figures (YYYY-MM-DD), over")
    fatal_accidents: StrictInt | None = None
    injury_accidents: StrictInt | None = None
    noninjury_accidents: StrictInt | None = None
    traffic_tickets: StrictInt | None = None
    arrests: StrictInt | None = None
    in_custody: StrictInt | None = None
    police_detention: StrictInt | None = None
    sent_to_serve_sentence: StrictInt | None = None
    reason: str = Field(
        "", description="Why an entered day's figures change (required then)"
    )


class CorrectionOut(Schema):
    figure: str
    old_value: int
    new_value: int


class StationDayOut(Figures):
    station: str
    day: datetime.date
    status: str = Field(description="provisional until the region confirms it")
    corrections: list[CorrectionOut] = Field(
        description="The figures this request changed (a correction)"
    )


def _station_day_out(statistics: DailyStatistics, corrections=()) -> dict:
    return {
        "station": statistics.station.code,
        "day": statistics.day,
        "status": statistics.status,
        "corrections": [
            {"figure": c.figure, "old_value": c.old_value, "new_value": c.new_value}
            for c in corrections
        ],
        **statistics.figures(),
    }


@router.post(
    "/stats/daily",
    auth=api_token,
    response={
        200: StationDayOut,
        201: StationDayOut,
        400: Error,
        401: Error,
        403: Error,
        409: Error,
        422: Error,
    },
    summary="Enter or correct a station's figures of a day",
)
def daily_write(request: HttpRequest, data: DailyIn):
    """For other systems, with ``Authorization: Bearer <token>`` (made by
    ``manage.py create_api_token USERNAME NAME``), within the stations that
    user enters. A day not entered yet is entered with all eight figures
    (201, provisional until the region confirms it); an entered day is
    corrected with the figures given and a ``reason`` (200), and the public
    sees a correction of published figures."""
    user = request.auth
    station = (
        Station.objects.select_related("municipality")
        .filter(code__iexact=data.station.strip())
        .first()
    )
    if station is None:
        raise HttpError(
            400,
            _("No police station has the code “%(code)s”.")
            % {"code": data.station[:20]},
        )
    if not permissions.can_enter_statistics(user, station):
        raise HttpError(
            403,
            _("You do not enter the figures of %(station)s.")
            % {"station": station.name},
        )
    try:
        day = _day(data.day, "day")
    except ValidationError as error:
        raise HttpError(400, " ".join(error.messages)) from error
    figures = {
        name: getattr(data, name) for name in FIGURES if getattr(data, name) is not None
    }
    statistics = DailyStatistics.objects.filter(station=station, day=day).first()
    if statistics is None:
        try:
            statistics = services.daily_statistics_enter(
                station=station, day=day, figures=figures, by=user
            )
        except IntegrityError as error:  # entered by another request meanwhile
            raise HttpError(
                409,
                _(
                    "The figures of %(station)s for %(day)s are entered already: "
                    "correct them instead."
                )
                % {"station": station.name, "day": day.isoformat()},
            ) from error
        return Status(201, _station_day_out(statistics))
    if not data.reason.strip():
        raise HttpError(
            400,
            _(
                "The figures of %(station)s for %(day)s are entered already: "
                "to correct them, say why (reason)."
            )
            % {"station": station.name, "day": day.isoformat()},
        )
    corrections = services.daily_statistics_correct(
        statistics=statistics, figures=figures, reason=data.reason, by=user
    )
    statistics.refresh_from_db()
    return Status(200, _station_day_out(statistics, corrections))
