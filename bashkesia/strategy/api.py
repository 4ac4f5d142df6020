"""Strategy and action plan in the open API, /api/v1/: the published
strategy's tree with the progress of every level, and its indicators with
their latest value, target and achievement. Text is in the language of the
Accept-Language header."""

import datetime
from decimal import Decimal

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema

from bashkesia.core import clock

from . import selectors
from .models import Strategy
from .selectors import IndicatorFigures, StrategyTree

router = Router(tags=["strategy"])


class Error(Schema):
    detail: str


class LatestOut(Schema):
    period_start: datetime.date
    period_end: datetime.date
    value: float
    computed: bool


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    direction: str
    frequency: str
    source: str
    formula: str | None
    baseline: float
    baseline_year: int
    target: float
    target_year: int
    latest: LatestOut | None
    achievement: float | None


class ActivityOut(Schema):
    number: str
    description: str
    responsible_unit: str
    partners: list[str]
    start: datetime.date | None
    end: datetime.date | None
    status: str
    status_label: str
    progress: float | None
    indicators: list[IndicatorOut]


class SubObjectiveOut(Schema):
    number: str
    title: str
    progress: float | None
    indicators: list[IndicatorOut]
    activities: list[ActivityOut]


class ObjectiveOut(Schema):
    number: str
    title: str
    progress: float | None
    url: str
    indicators: list[IndicatorOut]
    sub_objectives: list[SubObjectiveOut]


class StrategyOut(Schema):
    slug: str
    title: str
    description: str
    start_year: int
    end_year: int
    is_illustrative: bool
    progress: float | None
    url: str
    objectives: list[ObjectiveOut]


def _number(value: Decimal | None) -> float | None:
    return None if value is None else round(float(value), 1)


def _indicators(items: list[IndicatorFigures]) -> list[dict]:
    out = []
    for figures in items:
        indicator, latest = figures.indicator, figures.latest
        out.append(
            {
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "direction": indicator.direction,
                "frequency": indicator.frequency,
                "source": indicator.source,
                "formula": str(figures.formula.text) if figures.formula else None,
                "baseline": float(indicator.baseline),
                "baseline_year": indicator.baseline_year,
                "target": float(indicator.target),
                "target_year": indicator.target_year,
                "latest": None
                if latest is None
                else {
                    "period_start": latest.period_start,
                    "period_end": latest.period_end,
                    "value": float(latest.value),
                    "computed": latest.computed,
                },
                "achievement": _number(figures.achievement),
            }
        )
    return out


def _tree(request: HttpRequest, tree: StrategyTree) -> dict:
    strategy = tree.strategy
    return {
        "slug": strategy.slug,
        "title": strategy.title,
        "description": strategy.description,
        "start_year": strategy.start_year,
        "end_year": strategy.end_year,
        "is_illustrative": strategy.is_illustrative,
        "progress": _number(tree.progress),
        "url": request.build_absolute_uri(strategy.get_absolute_url()),
        "objectives": [
            {
                "number": node.objective.number,
                "title": node.objective.title,
                "progress": _number(node.progress),
                "url": request.build_absolute_uri(node.objective.get_absolute_url()),
                "indicators": _indicators(node.indicators),
                "sub_objectives": [
                    {
                        "number": sub.sub_objective.number,
                        "title": sub.sub_objective.title,
                        "progress": _number(sub.progress),
                        "indicators": _indicators(sub.indicators),
                        "activities": [
                            {
                                "number": item.activity.number,
                                "description": item.activity.description,
                                "responsible_unit": item.activity.responsible_unit,
                                "partners": [
                                    str(partner)
                                    for partner in item.activity.partners.all()
                                ],
                                "start": item.activity.start,
                                "end": item.activity.end,
                                "status": item.activity.status,
                                "status_label": item.activity.get_status_display(),
                                "progress": _number(item.progress),
                                "indicators": _indicators(item.indicators),
                            }
                            for item in sub.activities
                        ],
                    }
                    for sub in node.sub_objectives
                ],
            }
            for node in tree.objectives
        ],
    }


def _answer(request: HttpRequest, strategy: Strategy) -> dict:
    return _tree(request, selectors.strategy_tree(strategy=strategy))


@router.get(
    "/strategy",
    response={200: StrategyOut, 404: Error},
    summary="The current strategy and action plan",
)
def strategy_current(request: HttpRequest):
    """The published strategy running this year (else the latest published):
    objectives, sub-objectives and activities with the ``progress`` of every
    level (percent; null: no data), and indicators with their latest value,
    target and ``achievement`` (percent of the way from baseline to
    target)."""
    strategy = selectors.strategy_current(today=clock.today())
    if strategy is None:
        raise Http404(_("No strategy has been published yet."))
    return _answer(request, strategy)


@router.get(
    "/strategy/{slug}",
    response={200: StrategyOut, 404: Error},
    summary="A published strategy and action plan",
)
def strategy_detail(request: HttpRequest, slug: str):
    """A published strategy by its short address, as ``/strategy``."""
    return _answer(request, selectors.strategy_get_published(slug=slug))
