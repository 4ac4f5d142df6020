"""Back office: the general statistics of the stations, day by day.

Statistics clerks enter and correct their stations' days (a form, or a CSV
file); the regional directorate (its coordinator or a regional clerk)
confirms them, which publishes them; directorate staff do everything. Each
page asks ``permissions`` who may see and do what; the services do the
writes and say what is wrong, in the user's language.
"""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.stats import importers, services, staff_selectors
from bashkesia.stats.models import (
    BULLETIN_FIGURES,
    FIGURES,
    REASON_LIMIT,
    DailyStatistics,
    Figure,
)
from bashkesia.territory.models import Station

from .common import form_errors_from, paginate

PER_PAGE = 50
MISSING_SHOWN = 30
UPLOAD_LIMIT = 10 * 1024 * 1024


def _station_label(station: Station) -> str:
    return f"{station.code} {station.name}"


# Forms


def _figure_field(initial: int | None = None) -> forms.Field:
    return forms.CharField(
        required=False,
        initial=initial,
        widget=forms.NumberInput(attrs={"min": 0, "step": 1, "class": "figure"}),
    )


class _FiguresForm(forms.Form):
    """The eight figures, checked as the services check them."""

    def _add_figure_fields(self, initial: dict[str, int] | None = None) -> None:
        for name in FIGURES:
            field = _figure_field((initial or {}).get(name))
            field.label = capfirst(Figure(name).label)
            self.fields[name] = field

    def clean(self) -> dict:
        cleaned = super().clean()
        values, errors = services.figures_checked(
            {name: self.data.get(name) for name in FIGURES}
        )
        for name, messages_ in errors.items():
            for message in messages_:
                self.add_error(name, message)
        cleaned["figures"] = values
        return cleaned


class EnterForm(_FiguresForm):
    station = forms.ModelChoiceField(
        label=gettext_lazy("Police station"),
        queryset=Station.objects.none(),
        to_field_name="code",
        empty_label=gettext_lazy("Choose a station"),
    )
    day = forms.DateField(
        label=gettext_lazy("Day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
    )

    def __init__(self, *args, stations: QuerySet[Station], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations
        self.fields["station"].label_from_instance = _station_label
        self._add_figure_fields()

    def clean_day(self) -> datetime.date:
        day = self.cleaned_data["day"]
        for message in services.day_checked(day).get("day", []):
            raise ValidationError(message)
        return day


class CorrectForm(_FiguresForm):
    def __init__(self, *args, statistics: DailyStatistics, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._add_figure_fields(statistics.figures())
        self.fields["reason"] = forms.CharField(
            label=gettext_lazy("Why the figures change"),
            max_length=REASON_LIMIT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=(
                gettext_lazy(
                    "Required: these figures are published, and the public sees "
                    "that they were corrected."
                )
                if statistics.is_confirmed
                else gettext_lazy("Optional while the figures are provisional.")
            ),
        )


STATUS_CHOICES = [("", gettext_lazy("Any status")), *DailyStatistics.Status.choices]


class FilterForm(forms.Form):
    station = forms.ModelChoiceField(
        label=gettext_lazy("Police station"),
        queryset=Station.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=gettext_lazy("All my stations"),
    )
    month = forms.DateField(
        label=gettext_lazy("Month"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    start = forms.DateField(
        label=gettext_lazy("From"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=gettext_lazy("To"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), choices=STATUS_CHOICES, required=False
    )

    def __init__(self, *args, stations: QuerySet[Station], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations
        self.fields["station"].label_from_instance = _station_label

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last day cannot come before the first day."))
        return cleaned

    def days(self) -> tuple[datetime.date | None, datetime.date | None]:
        """Return the first and last day asked for (a month wins over a
        range)."""
        month = self.cleaned_data.get("month")
        if month:
            following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(
                day=1
            )
            return month, following - datetime.timedelta(days=1)
        return self.cleaned_data.get("start"), self.cleaned_data.get("end")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, with a header: station,day, then the eight figures "
            "(fatal_accidents, injury_accidents, noninjury_accidents, "
            "traffic_tickets, arrests, in_custody, police_detention, "
            "sent_to_serve_sentence). Days are written YYYY-MM-DD."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > UPLOAD_LIMIT:
            raise ValidationError(
                _("The file is larger than %(limit)s MB: split it.")
                % {"limit": UPLOAD_LIMIT // (1024 * 1024)}
            )
        return upload


# Pages


@staff_view
@require_GET
def statistics_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    ids = staff_selectors.scope_station_ids(user)
    form = FilterForm(
        request.GET, stations=Station.objects.filter(pk__in=ids).order_by("code")
    )
    rows = DailyStatistics.objects.filter(station_id__in=ids)
    status = 200
    if form.is_valid():
        if form.cleaned_data["station"]:
            rows = rows.filter(station=form.cleaned_data["station"])
        start, end = form.days()
        if start:
            rows = rows.filter(day__gte=start)
        if end:
            rows = rows.filter(day__lte=end)
        if form.cleaned_data["status"]:
            rows = rows.filter(status=form.cleaned_data["status"])
    else:
        status = 400
    rows = rows.select_related("station").order_by("-day", "station__code")
    page_obj = paginate(request, rows, per_page=PER_PAGE)
    confirm_ids = staff_selectors.confirm_station_ids(user)
    confirmable = []
    for row in page_obj:
        row.bulletin = [getattr(row, name) for name in BULLETIN_FIGURES]
        if not row.is_confirmed and row.station_id in confirm_ids:
            confirmable.append(row.pk)
    missing = staff_selectors.days_not_entered(user=user)
    return render(
        request,
        "staff/statistics/list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "figures": [capfirst(Figure(name).label) for name in BULLETIN_FIGURES],
            "confirmable": confirmable,
            "can_enter": bool(staff_selectors.entry_station_ids(user)),
            "missing": missing[:MISSING_SHOWN],
            "missing_count": len(missing),
        },
        status=status,
    )


@staff_view
@require_http_methods(["GET", "POST"])
def statistics_enter(request: HttpRequest) -> HttpResponse:
    user = request.user
    entry_ids = staff_selectors.entry_station_ids(user)
    if not permissions.uses_statistics_back_office(user) or not entry_ids:
        raise PermissionDenied(_("You do not enter daily figures."))
    stations = Station.objects.filter(pk__in=entry_ids).order_by("code")
    initial = {
        "station": request.GET.get("station", "").upper() or None,
        "day": request.GET.get("day")
        or (clock.today() - datetime.timedelta(days=1)).isoformat(),
    }
    if initial["station"] is None and len(stations) == 1:
        initial["station"] = stations[0].code
    form = EnterForm(
        request.POST if request.method == "POST" else None,
        stations=stations,
        initial=initial,
    )
    context = {"form": form}
    if request.method == "GET":
        return render(request, "staff/statistics/enter.html", context)
    if not form.is_valid():
        return render(request, "staff/statistics/enter.html", context, status=400)
    try:
        statistics = services.daily_statistics_enter(
            station=form.cleaned_data["station"],
            day=form.cleaned_data["day"],
            figures=form.cleaned_data["figures"],
            by=user,
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/statistics/enter.html", context, status=400)
    messages.success(
        request,
        _(
            "The figures of %(station)s for %(day)s are entered: provisional "
            "until the regional directorate confirms them."
        )
        % {"station": statistics.station.name, "day": statistics.day.isoformat()},
    )
    return redirect("staff:statistics-detail", pk=statistics.pk)


def _detail(
    request: HttpRequest,
    statistics: DailyStatistics,
    *,
    form: CorrectForm | None = None,
    confirm_error: str = "",
    status: int = 200,
) -> HttpResponse:
    user = request.user
    can_correct = statistics.station_id in staff_selectors.entry_station_ids(user)
    can_confirm = (
        statistics.station_id in staff_selectors.confirm_station_ids(user)
        and not statistics.is_confirmed
    )
    if form is None and can_correct:
        form = CorrectForm(statistics=statistics)
    corrections = statistics.corrections.select_related("corrected_by").order_by(
        "-corrected_at", "-pk"
    )
    return render(
        request,
        "staff/statistics/detail.html",
        {
            "statistics": statistics,
            "figures": [
                (capfirst(Figure(name).label), value)
                for name, value in statistics.figures().items()
            ],
            "corrections": corrections,
            "form": form if can_correct else None,
            "can_confirm": can_confirm,
            "confirm_error": confirm_error,
        },
        status=status,
    )


@staff_view
@require_GET
def statistics_detail(request: HttpRequest, pk: int) -> HttpResponse:
    statistics = staff_selectors.statistics_get_for_user(user=request.user, pk=pk)
    return _detail(request, statistics)


@staff_view
@require_POST
def statistics_correct(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    statistics = staff_selectors.statistics_get_for_user(user=user, pk=pk)
    if statistics.station_id not in staff_selectors.entry_station_ids(user):
        raise PermissionDenied(
            _("You do not correct the figures of %(station)s.")
            % {"station": statistics.station.name}
        )
    form = CorrectForm(request.POST, statistics=statistics)
    if not form.is_valid():
        return _detail(request, statistics, form=form, status=400)
    try:
        corrections = services.daily_statistics_correct(
            statistics=statistics,
            figures=form.cleaned_data["figures"],
            reason=form.cleaned_data["reason"],
            by=user,
        )
    except ValidationError as error:
        form_errors_from(form, error)
        return _detail(request, statistics, form=form, status=400)
    if corrections:
        messages.success(
            request,
            ngettext(
                "%(count)d figure corrected.",
                "%(count)d figures corrected.",
                len(corrections),
            )
            % {"count": len(corrections)},
        )
    else:
        messages.info(request, _("Nothing changed: the figures are as they were."))
    return redirect("staff:statistics-detail", pk=statistics.pk)


@staff_view
@require_POST
def statistics_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    statistics = staff_selectors.statistics_get_for_user(user=user, pk=pk)
    try:
        services.daily_statistics_confirm(statistics=statistics, by=user)
    except ValidationError as error:
        return _detail(
            request, statistics, confirm_error=" ".join(error.messages), status=400
        )
    messages.success(
        request,
        _("The figures of %(station)s for %(day)s are confirmed and published.")
        % {"station": statistics.station.name, "day": statistics.day.isoformat()},
    )
    return redirect("staff:statistics-detail", pk=statistics.pk)


@staff_view
@require_POST
def statistics_confirm_many(request: HttpRequest) -> HttpResponse:
    user = request.user
    staff_selectors.scope_station_ids(user)
    if not staff_selectors.confirm_station_ids(user):
        raise PermissionDenied(_("You do not confirm daily figures."))
    try:
        ids = {int(value) for value in request.POST.getlist("statistics")}
    except ValueError:
        ids = set()
    rows = list(
        DailyStatistics.objects.filter(pk__in=ids).select_related(
            "station__municipality"
        )
    )
    if any(
        row.station_id not in staff_selectors.confirm_station_ids(user) for row in rows
    ):
        raise PermissionDenied(_("You do not confirm the figures of every day shown."))
    provisional = [row for row in rows if not row.is_confirmed]
    back = request.POST.get("next", "")
    if not back.startswith(reverse("staff:statistics-list")):
        back = reverse("staff:statistics-list")
    if not provisional:
        messages.error(request, _("No provisional day was chosen: nothing confirmed."))
        return redirect(back)
    count = services.daily_statistics_confirm_many(statistics=provisional, by=user)
    messages.success(
        request,
        ngettext(
            "%(count)d day confirmed and published.",
            "%(count)d days confirmed and published.",
            count,
        )
        % {"count": count},
    )
    return redirect(back)


@staff_view
@require_http_methods(["GET", "POST"])
def statistics_import(request: HttpRequest) -> HttpResponse:
    user = request.user
    entry_ids = staff_selectors.entry_station_ids(user)
    if not permissions.uses_statistics_back_office(user) or not entry_ids:
        raise PermissionDenied(_("You do not enter daily figures."))
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    context: dict = {"form": form, "problems": []}
    if request.method == "GET":
        return render(request, "staff/statistics/import.html", context)
    if not form.is_valid():
        return render(request, "staff/statistics/import.html", context, status=400)
    upload = form.cleaned_data["file"]
    try:
        result = importers.daily_statistics_import(
            data=upload.read(), file_name=upload.name, by=user
        )
    except importers.StatisticsImportRejected as rejected:
        context["problems"] = rejected.problems
        return render(request, "staff/statistics/import.html", context, status=400)
    messages.success(
        request,
        _(
            "%(file)s imported: %(created)s days entered, %(updated)s corrected, "
            "%(unchanged)s unchanged."
        )
        % {
            "file": upload.name,
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return redirect("staff:statistics-list")
