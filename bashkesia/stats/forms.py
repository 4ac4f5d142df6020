"""The public statistics page's choice: where (Kosovo, a regional
directorate, a station), which days and which figure, read from a GET form
that needs no JavaScript."""

import datetime
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bashkesia.core import clock
from bashkesia.territory.models import Region, Station

from . import params, selectors
from .models import FIGURES, Figure
from .selectors import NATIONAL, Scope

DEFAULT_DAYS = 30
DEFAULT_FIGURE = Figure.INJURY_ACCIDENTS
# Days the page accepts: figures start in 2008, and nothing sensible lies
# outside these.
FIRST_DAY = datetime.date(1900, 1, 1)
LAST_DAY = datetime.date(2100, 12, 31)
# Longer ranges show their days in the downloads, not in a table.
DAILY_TABLE_DAYS = 366


@dataclass(frozen=True)
class Selection:
    """What the reader chose: where, which days, which figure to chart."""

    scope: Scope
    start: datetime.date
    end: datetime.date
    figure: str

    @property
    def single_day(self) -> bool:
        return self.start == self.end

    def query(self) -> str:
        """Return the query string that selects the same again."""
        params = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if self.scope.station is not None:
            params["station"] = self.scope.station.code
        elif self.scope.region is not None:
            params["region"] = self.scope.region.code
        return urlencode(params)


class DateInput(forms.DateInput):
    input_type = "date"


class SelectionForm(forms.Form):
    """The page's choice: a region or a station (Kosovo when neither), a day
    or a range (``from``, ``to``; the last 30 days up to the published day
    when none), the figure to chart. Every field is optional."""

    region = forms.CharField(
        label=gettext_lazy("Regional directorate"),
        required=False,
        widget=forms.Select,
    )
    station = forms.CharField(
        label=gettext_lazy("Police station"), required=False, widget=forms.Select
    )
    day = forms.CharField(
        label=gettext_lazy("A single day"), required=False, widget=DateInput
    )
    figure = forms.CharField(
        label=gettext_lazy("Figure to chart"), required=False, widget=forms.Select
    )

    def __init__(
        self,
        data,
        *,
        published: datetime.date | None,
        regions: list[Region],
        stations: list[Station],
    ) -> None:
        data = data.copy()
        if not data.get("figure"):
            # The select shows the figure charted when none is chosen.
            data["figure"] = DEFAULT_FIGURE
        super().__init__(data)
        # "from" is a Python keyword: these two are added by name.
        self.fields["from"] = forms.CharField(
            label=gettext_lazy("From"), required=False, widget=DateInput
        )
        self.fields["to"] = forms.CharField(
            label=gettext_lazy("To"), required=False, widget=DateInput
        )
        self.order_fields(["region", "station", "day", "from", "to", "figure"])
        self.published = published
        self.regions = {region.code.upper(): region for region in regions}
        self.stations = {station.code.upper(): station for station in stations}
        self.fields["region"].widget.choices = [
            ("", _("All of Kosovo")),
            *[(region.code, region.name) for region in regions],
        ]
        by_region = sorted(
            stations,
            key=lambda s: (s.municipality.region.code, s.name),
        )
        self.fields["station"].widget.choices = [
            ("", _("All stations")),
            *[
                (region_name, [(station.code, station.name) for station in group])
                for region_name, group in groupby(
                    by_region, key=lambda s: s.municipality.region.name
                )
            ],
        ]
        self.fields["figure"].widget.choices = [
            (value, capfirst(label)) for value, label in Figure.choices
        ]

    def _day(self, name: str) -> datetime.date | None:
        text = (self.cleaned_data.get(name) or "").strip()
        if not text:
            return None
        day = params.day_parse(text)
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(
                _("Choose a day between %(first)s and %(last)s.")
                % {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}
            )
        return day

    def clean_day(self) -> datetime.date | None:
        return self._day("day")

    def clean_from(self) -> datetime.date | None:
        return self._day("from")

    def clean_to(self) -> datetime.date | None:
        return self._day("to")

    def clean_region(self) -> Region | None:
        code = self.cleaned_data.get("region", "").strip()
        if not code:
            return None
        region = self.regions.get(code.upper())
        if region is None:
            raise ValidationError(
                _("No regional directorate has the code “%(code)s”.")
                % {"code": code[:20]}
            )
        return region

    def clean_station(self) -> Station | None:
        code = self.cleaned_data.get("station", "").strip()
        if not code:
            return None
        station = self.stations.get(code.upper())
        if station is None:
            raise ValidationError(
                _("No police station has the code “%(code)s”.") % {"code": code[:20]}
            )
        return station

    def clean_figure(self) -> str:
        figure = self.cleaned_data.get("figure", "").strip()
        if not figure:
            return DEFAULT_FIGURE
        if figure not in FIGURES:
            raise ValidationError(
                _("“%(value)s” is none of the figures: choose one from the list.")
                % {"value": figure[:40]}
            )
        return figure

    def clean(self) -> dict:
        data = super().clean() or {}
        if self.errors:
            return data
        region, station = data["region"], data["station"]
        if region and station and station.municipality.region_id != region.pk:
            raise ValidationError(
                _("%(station)s is not in %(region)s.")
                % {"station": station.name, "region": region.name}
            )
        if station is not None:
            scope = Scope(region=station.municipality.region, station=station)
        else:
            scope = Scope(region=region) if region is not None else NATIONAL
        day, start, end = data["day"], data["from"], data["to"]
        if day and (start or end):
            raise ValidationError(
                _("Choose a single day or a range (from, to), not both.")
            )
        latest = self.published or clock.today() - datetime.timedelta(days=1)
        default_span = datetime.timedelta(days=DEFAULT_DAYS - 1)
        if day:
            start = end = day
        elif start and end:
            pass
        elif start:
            end = max(start, latest)
        elif end:
            start = end - default_span
        else:
            end = latest
            start = end - default_span
        params.range_check(start, end)
        data["selection"] = Selection(
            scope=scope, start=start, end=end, figure=data["figure"]
        )
        return data


def selection_form(request: HttpRequest) -> SelectionForm:
    return SelectionForm(
        request.GET,
        published=selectors.published_day(),
        regions=list(Region.objects.order_by("code")),
        stations=list(
            Station.objects.select_related("municipality__region").defer(
                "municipality__boundary"  # a large polygon, not needed here
            )
        ),
    )


def form_errors(form: SelectionForm) -> list[str]:
    return [str(message) for messages in form.errors.values() for message in messages]
