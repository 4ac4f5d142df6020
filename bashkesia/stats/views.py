"""The public statistics page and its downloads: any day or range, for
Kosovo, a regional directorate or a station, chosen by a GET form that
needs no JavaScript."""

import datetime

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bashkesia.core.revisions import revision_get

from . import charts, exports, selectors
from .community import community_figures
from .forms import DAILY_TABLE_DAYS, Selection, form_errors, selection_form
from .models import BULLETIN_FIGURES, FIGURES, Figure
from .selectors import Scope
from .services import STATS_REVISION

# Seconds a page's figures are kept (they are dropped sooner when the
# published figures change).
SECTIONS_CACHED_FOR = 3600

# What the page shows, its numbers written for the reader's language.


def _day_text(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _period_text(selection: Selection, end: datetime.date) -> str:
    if selection.start == end:
        return _day_text(end)
    return _("%(start)s to %(end)s") % {
        "start": _day_text(selection.start),
        "end": _day_text(end),
    }


def _place_name(scope: Scope) -> str:
    return scope.name or _("Kosovo")


def _change_text(change: selectors.Change) -> tuple[str, str]:
    difference = change.difference
    sign = "+" if difference > 0 else ""
    percent = change.percent
    return (
        f"{sign}{charts.number(difference)}",
        "" if percent is None else f"{sign}{charts.number(percent, 1)}%",
    )


def _chart(draw, **options) -> dict:
    """Return a chart drawn by ``draw`` and its title, shown above it."""
    return {"svg": draw(**options), "caption": options["title"]}


def _series_section(
    selection: Selection,
    last: datetime.date,
    label: str,
    series: list[selectors.AveragedDay],
) -> dict | None:
    if not series:
        return None
    name = selection.figure
    by_day = {row.day: row for row in series}
    days = [
        selection.start + datetime.timedelta(days=n)
        for n in range((last - selection.start).days + 1)
    ]
    values = [by_day[d].figures[name] if d in by_day else None for d in days]
    averages = [by_day[d].averages[name] if d in by_day else None for d in days]
    chart = _chart(
        charts.line_chart,
        chart_id="chart-daily",
        title=_("%(figure)s per day, %(place)s")
        % {"figure": capfirst(label), "place": _place_name(selection.scope)},
        description=_(
            "A line for each day's %(figure)s from %(start)s to %(end)s, and a "
            "second line for the average of seven days. The table below gives "
            "the same figures."
        )
        % {
            "figure": label,
            "start": _day_text(selection.start),
            "end": _day_text(last),
        },
        days=days,
        lines=[
            charts.Line(label=label, values=values),
            charts.Line(
                label=_("7-day average"),
                values=averages,
                css_class="series-average",
            ),
        ],
    )
    rows = None
    if len(series) <= DAILY_TABLE_DAYS:
        rows = [
            {
                "day": row.day,
                "value": charts.number(row.figures[name]),
                "average": ("" if average is None else charts.number(average, 1)),
                "corrected": row.corrected,
            }
            for row in series
            for average in [row.averages[name]]
        ]
    return {"chart": chart, "rows": rows, "count": len(series)}


def _monthly_section(selection: Selection, last: datetime.date) -> dict | None:
    months = selectors.series_monthly(
        scope=selection.scope, start=selection.start, end=last
    )
    if not months:
        return None
    label = str(Figure(selection.figure).label)
    chart = _chart(
        charts.column_chart,
        chart_id="chart-monthly",
        title=_("%(figure)s per month, %(place)s")
        % {"figure": capfirst(label), "place": _place_name(selection.scope)},
        description=_(
            "A column for each month's %(figure)s; the table below gives every "
            "figure of each month."
        )
        % {"figure": label},
        columns=[
            charts.Bar(
                label=formats.date_format(
                    month.month, "M Y" if index == 0 or month.month.month == 1 else "M"
                ),
                value=month.figures[selection.figure],
            )
            for index, month in enumerate(months)
        ],
    )
    rows = [
        {
            "month": month.month,
            "days": month.days,
            "values": [charts.number(month.figures[name]) for name in FIGURES],
        }
        for month in months
    ]
    return {"chart": chart, "rows": rows}


def _regions_section(selection: Selection, last: datetime.date, label: str) -> dict:
    regions = selectors.regions_compared(start=selection.start, end=last)
    name = selection.figure
    current = selection.scope.region.code if selection.scope.region else None
    short = dict(
        zip(
            [region.code for region in regions],
            charts.short_labels([region.name for region in regions]),
            strict=True,
        )
    )
    per_10k = [region for region in regions if region.per_10k is not None]
    place = _period_text(selection, last)
    return {
        "chart": _chart(
            charts.bar_chart,
            chart_id="chart-regions",
            title=_("%(figure)s by regional directorate, %(period)s")
            % {"figure": capfirst(label), "period": place},
            description=_("A bar for each regional directorate's %(figure)s.")
            % {"figure": label},
            bars=[
                charts.Bar(
                    label=short[region.code],
                    value=region.figures[name],
                    highlight=region.code == current,
                )
                for region in regions
            ],
        ),
        "chart_per_10k": _chart(
            charts.bar_chart,
            chart_id="chart-regions-per-10k",
            title=_("%(figure)s per 10,000 residents, %(period)s")
            % {"figure": capfirst(label), "period": place},
            description=_(
                "A bar for each regional directorate's %(figure)s per 10,000 residents."
            )
            % {"figure": label},
            bars=[
                charts.Bar(
                    label=short[region.code],
                    value=region.per_10k[name],
                    highlight=region.code == current,
                )
                for region in per_10k
                if region.per_10k is not None
            ],
            decimals=1,
        )
        if per_10k
        else None,
        "rows": [
            {
                "code": region.code,
                "name": region.name,
                "current": region.code == current,
                "population": (
                    charts.number(region.population) if region.population else ""
                ),
                "value": charts.number(region.figures[name]),
                "per_10k": (
                    ""
                    if region.per_10k is None
                    else charts.number(region.per_10k[name], 1)
                ),
            }
            for region in regions
        ],
    }


def _stations_section(
    selection: Selection, last: datetime.date, label: str
) -> dict | None:
    region = selection.scope.region
    if region is None:
        return None
    stations = selectors.stations_compared(
        region=region, start=selection.start, end=last
    )
    current = selection.scope.station.code if selection.scope.station else None
    name = selection.figure
    return {
        "region": region,
        "chart": _chart(
            charts.bar_chart,
            chart_id="chart-stations",
            title=_("%(figure)s by police station of %(region)s, %(period)s")
            % {
                "figure": capfirst(label),
                "region": region.name,
                "period": _period_text(selection, last),
            },
            description=_("A bar for each police station's %(figure)s.")
            % {"figure": label},
            bars=[
                charts.Bar(
                    label=station.name,
                    value=station.figures[name],
                    highlight=station.code == current,
                )
                for station in stations
            ],
        ),
        "rows": [
            {
                "code": station.code,
                "name": station.name,
                "current": station.code == current,
                "value": charts.number(station.figures[name]),
            }
            for station in stations
        ],
    }


def _figures_section(
    selection: Selection, last: datetime.date, series: list[selectors.AveragedDay]
) -> dict:
    """Return every figure's value on the day (with its 7-day average), or
    over the range (with its mean per day)."""
    days = len(series)
    if selection.single_day:
        day = series[0] if series else None
        rows = [
            {
                "label": Figure(name).label,
                "value": charts.number(day.figures[name]) if day else "",
                "extra": (
                    charts.number(average, 1)
                    if day and (average := day.averages[name]) is not None
                    else ""
                ),
                "bulletin": name in BULLETIN_FIGURES,
            }
            for name in FIGURES
        ]
        return {"rows": rows, "days": days}
    sums = selectors.totals(scope=selection.scope, start=selection.start, end=last)
    rows = [
        {
            "label": Figure(name).label,
            "value": charts.number(sums[name]) if days else "",
            "extra": charts.number(sums[name] / days, 1) if days else "",
            "bulletin": name in BULLETIN_FIGURES,
        }
        for name in FIGURES
    ]
    return {"rows": rows, "days": days}


def _last_year_section(selection: Selection, last: datetime.date) -> dict | None:
    compared = selectors.same_period_last_year(
        scope=selection.scope, start=selection.start, end=last
    )
    if compared is None:
        return None
    rows = []
    for name in FIGURES:
        change = compared.changes[name]
        difference, percent = _change_text(change)
        rows.append(
            {
                "label": Figure(name).label,
                "current": charts.number(change.current),
                "previous": charts.number(change.previous),
                "difference": difference,
                "percent": percent,
            }
        )
    return {
        "rows": rows,
        "period": _period_text(selection, last),
        "previous_period": (
            _day_text(compared.previous_start)
            if compared.previous_start == compared.previous_end
            else _("%(start)s to %(end)s")
            % {
                "start": _day_text(compared.previous_start),
                "end": _day_text(compared.previous_end),
            }
        ),
    }


def _sections(selection: Selection, published: datetime.date) -> dict:
    """Return what the page shows of ``selection``, its days cut at the
    published day."""
    last = min(selection.end, published)
    label = str(Figure(selection.figure).label)
    context: dict = {
        "last": last,
        "period": _period_text(selection, last),
        "figure_label": label,
        "cut": selection.end > published,
    }
    if last < selection.start:
        return context
    series = selectors.series_averaged(
        scope=selection.scope,
        start=selection.start,
        end=last,
        # A range charts one figure's average; a day shows them all.
        figures=FIGURES if selection.single_day else (selection.figure,),
    )
    context["figures"] = _figures_section(selection, last, series)
    if not selection.single_day:
        context["series"] = _series_section(selection, last, label, series)
        context["monthly"] = _monthly_section(selection, last)
    context["last_year"] = _last_year_section(selection, last)
    context["regions"] = _regions_section(selection, last, label)
    context["stations"] = _stations_section(selection, last, label)
    context["corrections"] = selectors.corrections_public(
        scope=selection.scope, start=selection.start, end=last
    )
    return context


@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    """The general statistics of a day or a range: the totals of every
    figure, the daily series with its 7-day average, month by month, the
    same period last year, regions and stations compared, the corrections
    made after publication, and downloads of the same."""
    # Every selector of the page is answered the same published day, read
    # once.
    with selectors.published_day_held():
        return _statistics(request)


def _statistics(request: HttpRequest) -> HttpResponse:
    form = selection_form(request)
    context: dict = {
        "form": form,
        "published": form.published,
        "is_demo": selectors.demo_figures_exist(),
        "figure_names": [Figure(name).label for name in FIGURES],
    }
    if not form.is_valid():
        context["errors"] = form_errors(form)
        return render(request, "stats/statistics.html", context, status=400)
    selection: Selection = form.cleaned_data["selection"]
    query = selection.query()
    context.update(
        selection=selection,
        place=_place_name(selection.scope),
        downloads=[
            (label, f"{reverse('stats:download', args=[extension])}?{query}")
            for extension, label in (
                ("csv", "CSV"),
                ("json", "JSON"),
                ("xlsx", "XLSX (Excel)"),
            )
        ],
    )
    if form.published is not None:
        context.update(_sections_cached(selection, form.published, context))
    context["community"] = community_figures(
        region=selection.scope.region if selection.scope.station is None else None,
        station=selection.scope.station,
        start=selection.start,
        end=selection.end,
    )
    return render(request, "stats/statistics.html", context)


def _sections_cached(
    selection: Selection, published: datetime.date, page: dict
) -> dict:
    """Return ``_sections`` with their HTML (``sections_html``), kept until
    the published figures change (the ``stats`` revision): read by
    everyone, written by few. A warm page renders only its form."""
    revision = revision_get(name=STATS_REVISION)
    key = f"stats-page:{get_language()}:{revision}:{selection.query()}"
    key += f":{selection.figure}"
    sections = cache.get(key)
    if sections is None:
        sections = _sections(selection, published)
        names = ("selection", "place", "published", "figure_names")
        sections["sections_html"] = render_to_string(
            "stats/_sections.html",
            {**sections, **{name: page[name] for name in names}},
        )
        # What the page's own template reads; the rest lives in the HTML.
        sections = {
            name: sections[name]
            for name in ("period", "cut", "sections_html")
            if name in sections
        }
        cache.set(key, sections, SECTIONS_CACHED_FOR)
    return sections


@require_GET
def download(request: HttpRequest, extension: str) -> HttpResponse:
    """The chosen days as a file: one row per day, a column per figure."""
    with selectors.published_day_held():
        return _download(request, extension)


def _download(request: HttpRequest, extension: str) -> HttpResponse:
    form = selection_form(request)
    if not form.is_valid():
        return HttpResponseBadRequest(
            " ".join(form_errors(form)), content_type="text/plain; charset=utf-8"
        )
    selection: Selection = form.cleaned_data["selection"]
    return exports.download(
        extension=extension,
        scope=selection.scope,
        start=selection.start,
        end=selection.end,
        published=form.published,
    )
