"""Strategy and action plan in the back office.

Directorate staff and the Director General edit everything: strategies,
objectives, sub-objectives, activities, indicators and measurements. An
activity's reporters update its status and progress (each step dated in its
timeline) and enter the measurements of its indicators. Anyone else is
refused (403). The services make the checks and say what is wrong.
"""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.strategy import permissions, selectors
from bashkesia.strategy.forms import (
    ActivityForm,
    IndicatorForm,
    MeasurementForm,
    ObjectiveForm,
    ReportForm,
    StrategyForm,
    SubObjectiveForm,
)
from bashkesia.strategy.models import (
    Activity,
    Indicator,
    Objective,
    Strategy,
    SubObjective,
)
from bashkesia.strategy.services import activities as activity_services
from bashkesia.strategy.services import indicators as indicator_services
from bashkesia.strategy.services import plan as plan_services

from .common import form_errors_from


def _form_page(
    request: HttpRequest,
    *,
    form: forms.Form,
    title: str,
    back: str,
    status: int = 200,
    intro: str = "",
) -> HttpResponse:
    return render(
        request,
        "staff/strategy/form.html",
        {"form": form, "title": title, "back": back, "intro": intro},
        status=status,
    )


def _edit(
    request: HttpRequest,
    *,
    form_class: type[forms.Form],
    initial: dict,
    save,
    title: str,
    back: str,
    done: str,
) -> HttpResponse:
    """Show ``form_class`` with ``initial``; on a valid POST call ``save``
    with the cleaned data and go to what it returns (a URL)."""
    if request.method == "POST":
        form = form_class(request.POST)
        if form.is_valid():
            try:
                target = save(form.cleaned_data)
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(request, done)
                return redirect(target)
        return _form_page(request, form=form, title=title, back=back, status=400)
    return _form_page(request, form=form_class(initial=initial), title=title, back=back)


def _only_editors(request: HttpRequest) -> None:
    if not permissions.edits_strategy(request.user):
        raise PermissionDenied


def _detail_url(strategy: Strategy) -> str:
    return reverse("staff:strategy-detail", args=[strategy.slug])


def _texts(instance, field: str) -> dict:
    return {
        f"{field}_{suffix}": getattr(instance, f"{field}_{suffix}")
        for suffix in ("sq", "sr_latn", "en")
    }


# Home and strategies


@staff_view
@require_GET
def strategy_home(request: HttpRequest) -> HttpResponse:
    """Editors: every strategy. Reporters: the activities they report on."""
    if not permissions.uses_strategy_back_office(request.user):
        raise PermissionDenied
    editor = permissions.edits_strategy(request.user)
    return render(
        request,
        "staff/strategy/home.html",
        {
            "editor": editor,
            "strategies": selectors.strategy_list_all() if editor else [],
            "activities": selectors.activity_list_reported_by(user=request.user),
        },
    )


def _strategy_initial(strategy: Strategy) -> dict:
    return {
        "slug": strategy.slug,
        **_texts(strategy, "title"),
        **_texts(strategy, "description"),
        "start_year": strategy.start_year,
        "end_year": strategy.end_year,
        "is_illustrative": strategy.is_illustrative,
        "published": strategy.published,
    }


@staff_view
@require_http_methods(["GET", "POST"])
def strategy_create(request: HttpRequest) -> HttpResponse:
    _only_editors(request)
    year = clock.today().year
    return _edit(
        request,
        form_class=StrategyForm,
        initial={"start_year": year, "end_year": year + 4},
        save=lambda data: _detail_url(
            plan_services.strategy_save(by=request.user, **data)
        ),
        title=_("New strategy"),
        back=reverse("staff:strategy-home"),
        done=_("The strategy was created."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def strategy_edit(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = selectors.strategy_get_for_editing(user=request.user, slug=slug)
    return _edit(
        request,
        form_class=StrategyForm,
        initial=_strategy_initial(strategy),
        save=lambda data: _detail_url(
            plan_services.strategy_save(by=request.user, strategy=strategy, **data)
        ),
        title=_("Edit the strategy"),
        back=_detail_url(strategy),
        done=_("The strategy was saved."),
    )


@staff_view
@require_GET
def strategy_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The whole tree, with a link to edit each part and to add to it."""
    strategy = selectors.strategy_get_for_editing(user=request.user, slug=slug)
    return render(
        request,
        "staff/strategy/detail.html",
        {
            "strategy": strategy,
            "tree": selectors.strategy_tree(strategy=strategy),
            "timeline": selectors.strategy_timeline(strategy=strategy, limit=15),
        },
    )


@staff_view
@require_POST
def strategy_recalculate(request: HttpRequest, slug: str) -> HttpResponse:
    """Recalculate the strategy's computed indicators now."""
    strategy = selectors.strategy_get_for_editing(user=request.user, slug=slug)
    result = indicator_services.indicators_recalculate(
        indicators=list(selectors.indicator_list_computed().filter(strategy=strategy))
    )
    messages.success(
        request,
        _(
            "Computed indicators recalculated: %(created)s written, "
            "%(updated)s updated, %(unchanged)s unchanged."
        )
        % {
            "created": result.created,
            "updated": result.updated,
            "unchanged": result.unchanged,
        },
    )
    return redirect(_detail_url(strategy))


# Objectives and sub-objectives


def _numbered_initial(instance: Objective | SubObjective) -> dict:
    return {
        "number": instance.number,
        **_texts(instance, "title"),
        "weight": instance.weight,
    }


@staff_view
@require_http_methods(["GET", "POST"])
def objective_create(request: HttpRequest, slug: str) -> HttpResponse:
    strategy = selectors.strategy_get_for_editing(user=request.user, slug=slug)
    return _edit(
        request,
        form_class=ObjectiveForm,
        initial={"number": str(strategy.objectives.count() + 1)},
        save=lambda data: _detail_url(
            plan_services.objective_save(
                by=request.user, strategy=strategy, **data
            ).strategy
        ),
        title=_("New objective"),
        back=_detail_url(strategy),
        done=_("The objective was added."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    objective = selectors.objective_get_for_editing(user=request.user, pk=pk)
    return _edit(
        request,
        form_class=ObjectiveForm,
        initial=_numbered_initial(objective),
        save=lambda data: _detail_url(
            plan_services.objective_save(
                by=request.user,
                strategy=objective.strategy,
                objective=objective,
                **data,
            ).strategy
        ),
        title=_("Edit objective %(number)s") % {"number": objective.number},
        back=_detail_url(objective.strategy),
        done=_("The objective was saved."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def sub_objective_create(request: HttpRequest, pk: int) -> HttpResponse:
    objective = selectors.objective_get_for_editing(user=request.user, pk=pk)
    count = objective.sub_objectives.count()
    return _edit(
        request,
        form_class=SubObjectiveForm,
        initial={"number": f"{objective.number}.{count + 1}"},
        save=lambda data: _detail_url(
            plan_services.sub_objective_save(
                by=request.user, objective=objective, **data
            ).objective.strategy
        ),
        title=_("New sub-objective of objective %(number)s")
        % {"number": objective.number},
        back=_detail_url(objective.strategy),
        done=_("The sub-objective was added."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def sub_objective_edit(request: HttpRequest, pk: int) -> HttpResponse:
    sub = selectors.sub_objective_get_for_editing(user=request.user, pk=pk)
    return _edit(
        request,
        form_class=SubObjectiveForm,
        initial=_numbered_initial(sub),
        save=lambda data: _detail_url(
            plan_services.sub_objective_save(
                by=request.user, objective=sub.objective, sub_objective=sub, **data
            ).objective.strategy
        ),
        title=_("Edit sub-objective %(number)s") % {"number": sub.number},
        back=_detail_url(sub.objective.strategy),
        done=_("The sub-objective was saved."),
    )


# Activities


def _activity_initial(activity: Activity) -> dict:
    return {
        "number": activity.number,
        **_texts(activity, "description"),
        "responsible_unit": activity.responsible_unit,
        "partners": list(activity.partners.all()),
        "start": activity.start,
        "end": activity.end,
        "weight": activity.weight,
        "reporters": list(activity.reporters.all()),
    }


def _activity_data(data: dict) -> dict:
    return data | {
        "partners": list(data["partners"]),
        "reporters": list(data["reporters"]),
    }


@staff_view
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, pk: int) -> HttpResponse:
    sub = selectors.sub_objective_get_for_editing(user=request.user, pk=pk)
    count = sub.activities.count()
    return _edit(
        request,
        form_class=ActivityForm,
        initial={"number": f"{sub.number}.{count + 1}"},
        save=lambda data: reverse(
            "staff:strategy-activity",
            args=[
                activity_services.activity_save(
                    by=request.user, sub_objective=sub, **_activity_data(data)
                ).pk
            ],
        ),
        title=_("New activity under %(number)s") % {"number": sub.number},
        back=_detail_url(sub.objective.strategy),
        done=_("The activity was added."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.activity_get_for_editing(user=request.user, pk=pk)
    return _edit(
        request,
        form_class=ActivityForm,
        initial=_activity_initial(activity),
        save=lambda data: reverse(
            "staff:strategy-activity",
            args=[
                activity_services.activity_save(
                    by=request.user,
                    sub_objective=activity.sub_objective,
                    activity=activity,
                    **_activity_data(data),
                ).pk
            ],
        ),
        title=_("Edit activity %(number)s") % {"number": activity.number},
        back=reverse("staff:strategy-activity", args=[activity.pk]),
        done=_("The activity was saved."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def activity_report(request: HttpRequest, pk: int) -> HttpResponse:
    """An activity: its timeline and the form its reporters (and the
    editors) update its status and progress with."""
    activity = selectors.activity_get_for_reporting(user=request.user, pk=pk)
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                activity_services.activity_report(
                    by=request.user, activity=activity, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors_from(form, error)
            else:
                messages.success(
                    request,
                    _("Activity %(number)s updated: %(progress)s%%.")
                    % {
                        "number": activity.number,
                        "progress": form.cleaned_data["progress"],
                    },
                )
                return redirect("staff:strategy-activity", pk=activity.pk)
        status = 400
    else:
        form = ReportForm(
            initial={"status": activity.status, "progress": activity.progress}
        )
    return render(
        request,
        "staff/strategy/activity.html",
        {
            "activity": activity,
            "form": form,
            "editor": permissions.edits_strategy(request.user),
            "updates": selectors.activity_timeline(activity=activity),
            "indicators": activity.indicators.order_by("code"),
        },
        status=status,
    )


# Indicators and measurements

OWNERS = {
    "objective": selectors.objective_get_for_editing,
    "sub-objective": selectors.sub_objective_get_for_editing,
    "activity": selectors.activity_get_for_editing,
}


def _indicator_initial(indicator: Indicator) -> dict:
    return {
        "code": indicator.code,
        **_texts(indicator, "name"),
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "baseline_year": indicator.baseline_year,
        "target": indicator.target,
        "target_year": indicator.target_year,
        "direction": indicator.direction,
        "frequency": indicator.frequency,
        "source": indicator.source,
        "formula": indicator.formula,
    }


def _indicator_url(indicator: Indicator) -> str:
    return reverse("staff:strategy-indicator", args=[indicator.pk])


@staff_view
@require_http_methods(["GET", "POST"])
def indicator_create(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in OWNERS:
        raise Http404(
            _("Indicators belong to an objective, a sub-objective or an activity.")
        )
    owner = OWNERS[kind](user=request.user, pk=pk)
    strategy = (
        owner.strategy
        if isinstance(owner, Objective | Activity)
        else owner.objective.strategy
    )
    return _edit(
        request,
        form_class=IndicatorForm,
        initial={
            "baseline_year": strategy.start_year,
            "target_year": strategy.end_year,
            "baseline": Decimal(0),
        },
        save=lambda data: _indicator_url(
            indicator_services.indicator_save(by=request.user, owner=owner, **data)
        ),
        title=_("New indicator of %(number)s") % {"number": owner.number},
        back=_detail_url(strategy),
        done=_("The indicator was added."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = selectors.indicator_get_for_editing(user=request.user, pk=pk)
    owner = indicator.objective or indicator.sub_objective or indicator.activity
    assert owner is not None  # noqa: S101 (a check constraint guarantees it)
    return _edit(
        request,
        form_class=IndicatorForm,
        initial=_indicator_initial(indicator),
        save=lambda data: _indicator_url(
            indicator_services.indicator_save(
                by=request.user, owner=owner, indicator=indicator, **data
            )
        ),
        title=_("Edit indicator %(code)s") % {"code": indicator.code},
        back=_indicator_url(indicator),
        done=_("The indicator was saved."),
    )


@staff_view
@require_http_methods(["GET", "POST"])
def indicator_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An indicator's measurements, and the form to enter one (for a
    hand-measured indicator)."""
    indicator = selectors.indicator_get_for_measuring(user=request.user, pk=pk)
    today = clock.today()
    status = 200
    form = None
    if not indicator.is_computed:
        if request.method == "POST":
            form = MeasurementForm(request.POST, indicator=indicator, today=today)
            if form.is_valid():
                try:
                    indicator_services.measurement_record(
                        by=request.user, indicator=indicator, **form.cleaned_data
                    )
                except ValidationError as error:
                    form_errors_from(
                        form,
                        error,
                        fields={"period_start": "period", "period_end": "period"},
                    )
                else:
                    messages.success(request, _("The measurement was recorded."))
                    return redirect(_indicator_url(indicator))
            status = 400
        else:
            form = MeasurementForm(indicator=indicator, today=today)
    elif request.method == "POST":
        return render(
            request,
            "staff/strategy/indicator.html",
            {
                "indicator": indicator,
                "measurements": selectors.indicator_measurements(indicator=indicator),
                "editor": permissions.edits_strategy(request.user),
                "refusal": _(
                    "This indicator is computed from the platform's data, not entered."
                ),
            },
            status=400,
        )
    return render(
        request,
        "staff/strategy/indicator.html",
        {
            "indicator": indicator,
            "form": form,
            "measurements": selectors.indicator_measurements(indicator=indicator),
            "editor": permissions.edits_strategy(request.user),
        },
        status=status,
    )


@staff_view
@require_POST
def measurement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    measurement = selectors.measurement_get_for_editing(user=request.user, pk=pk)
    indicator = measurement.indicator
    indicator_services.measurement_delete(by=request.user, measurement=measurement)
    messages.success(request, _("The measurement was removed."))
    return redirect(_indicator_url(indicator))
