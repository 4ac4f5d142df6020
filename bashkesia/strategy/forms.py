"""Back-office forms of the strategy. Their cleaned data are the keyword
arguments of the services, which make every check of substance (and say
what is wrong in the user's language)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from bashkesia.partners.models import Partner

from .indicators import formula_choices
from .models import (
    ActivityStatus,
    Indicator,
    IndicatorDirection,
    IndicatorFrequency,
    IndicatorSource,
)
from .periods import period_label, periods_between
from .selectors import strategy_staff_users


def _text(label, *, required: bool = False, long: bool = False) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput()
    return forms.CharField(label=label, required=required, widget=widget)


def _weight() -> forms.DecimalField:
    return forms.DecimalField(
        label=_("Weight"),
        required=False,
        max_digits=7,
        decimal_places=2,
        help_text=_(
            "Relative weight among its siblings when progress rolls up. Leave "
            "blank to count it like the average of the weighted siblings."
        ),
    )


def _date() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class StrategyForm(forms.Form):
    slug = forms.CharField(
        label=_("Short address"),
        max_length=60,
        help_text=_(
            "Lowercase letters, digits and hyphens, such as strategy-2021-2025."
        ),
    )
    title_sq = _text(_("Title (Albanian)"), required=True)
    title_sr_latn = _text(_("Title (Serbian, Latin)"))
    title_en = _text(_("Title (English)"))
    description_sq = _text(_("Description (Albanian)"), long=True)
    description_sr_latn = _text(_("Description (Serbian, Latin)"), long=True)
    description_en = _text(_("Description (English)"), long=True)
    start_year = forms.IntegerField(label=_("First year"))
    end_year = forms.IntegerField(label=_("Last year"))
    is_illustrative = forms.BooleanField(
        label=_("Illustrative (made-up content, labelled on every page)"),
        required=False,
    )
    published = forms.BooleanField(label=_("Published"), required=False)


class ObjectiveForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=10)
    title_sq = _text(_("Title (Albanian)"), required=True)
    title_sr_latn = _text(_("Title (Serbian, Latin)"))
    title_en = _text(_("Title (English)"))
    weight = _weight()


class SubObjectiveForm(ObjectiveForm):
    pass


class ActivityForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=12)
    description_sq = _text(_("Description (Albanian)"), required=True, long=True)
    description_sr_latn = _text(_("Description (Serbian, Latin)"), long=True)
    description_en = _text(_("Description (English)"), long=True)
    responsible_unit = _text(_("Responsible unit"))
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Partner.objects.order_by("name_sq"),
        required=False,
    )
    start = forms.DateField(label=_("Start"), required=False, widget=_date())
    end = forms.DateField(label=_("End"), required=False, widget=_date())
    weight = _weight()
    reporters = forms.ModelMultipleChoiceField(
        label=_("Reporters"),
        queryset=strategy_staff_users(),
        required=False,
        help_text=_("Staff who report on this activity's progress."),
    )


class IndicatorForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=20)
    name_sq = _text(_("Name (Albanian)"), required=True)
    name_sr_latn = _text(_("Name (Serbian, Latin)"))
    name_en = _text(_("Name (English)"))
    unit = forms.CharField(label=_("Unit"), max_length=40, required=False)
    baseline = forms.DecimalField(label=_("Baseline"), max_digits=14, decimal_places=2)
    baseline_year = forms.IntegerField(label=_("Baseline year"))
    target = forms.DecimalField(label=_("Target"), max_digits=14, decimal_places=2)
    target_year = forms.IntegerField(label=_("Target year"))
    direction = forms.ChoiceField(
        label=_("Direction"), choices=IndicatorDirection.choices
    )
    frequency = forms.ChoiceField(
        label=_("Frequency"), choices=IndicatorFrequency.choices
    )
    source = forms.ChoiceField(label=_("Source"), choices=IndicatorSource.choices)
    formula = forms.ChoiceField(
        label=_("Formula (computed indicators)"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["formula"].choices = [("", "—"), *formula_choices()]


class ReportForm(forms.Form):
    """An activity's new status and progress. The range of the progress is
    the service's to check (it says so in its own words)."""

    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        widget=forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
    )
    note = _text(_("Note"), long=True)


class MeasurementForm(forms.Form):
    period = forms.ChoiceField(label=_("Period"))
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(
        self, *args, indicator: Indicator, today: datetime.date, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        strategy = indicator.strategy
        first = datetime.date(min(strategy.start_year, indicator.baseline_year), 1, 1)
        last = min(today, datetime.date(strategy.end_year, 12, 31))
        periods = (
            periods_between(first, last, indicator.frequency) if first <= last else []
        )
        self.fields["period"].choices = [
            (f"{start:%Y-%m-%d}/{end:%Y-%m-%d}", period_label(start, end))
            for start, end in reversed(periods)
        ]

    def clean(self) -> dict:
        data = super().clean() or {}
        period = data.pop("period", None)
        if period:
            start, end = period.split("/")
            data["period_start"] = datetime.date.fromisoformat(start)
            data["period_end"] = datetime.date.fromisoformat(end)
        return data
