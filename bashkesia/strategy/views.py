"""Public pages of the strategy: the plan's progress, objective by
objective, with its indicators and the timeline of updates."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bashkesia.core import clock

from . import charts, selectors
from .models import Strategy


def _strategy_page(request: HttpRequest, strategy: Strategy) -> HttpResponse:
    tree = selectors.strategy_tree(strategy=strategy)
    indicators = [
        figures for node in tree.objectives for figures in node.all_indicators
    ]
    return render(
        request,
        "strategy/strategy.html",
        {
            "strategy": strategy,
            "tree": tree,
            "indicators": indicators,
            "objectives_chart": charts.objectives_chart(tree),
            "indicators_chart": charts.indicators_chart(
                indicators, chart_id="indicators-chart"
            ),
            "timeline": selectors.strategy_timeline(strategy=strategy, limit=20),
            "others": selectors.strategy_list_published().exclude(pk=strategy.pk),
        },
    )


def current(request: HttpRequest) -> HttpResponse:
    """The strategy running now (or the latest published)."""
    strategy = selectors.strategy_current(today=clock.today())
    if strategy is None:
        return render(request, "strategy/none.html")
    return _strategy_page(request, strategy)


def strategy(request: HttpRequest, slug: str) -> HttpResponse:
    return _strategy_page(request, selectors.strategy_get_published(slug=slug))


def objective(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    """One objective: its sub-objectives and activities, its indicators with
    a chart each, and the timeline of its activities."""
    strategy = selectors.strategy_get_published(slug=slug)
    tree = selectors.strategy_tree(strategy=strategy)
    node = tree.objective(number)
    indicators = node.all_indicators
    return render(
        request,
        "strategy/objective.html",
        {
            "strategy": strategy,
            "tree": tree,
            "node": node,
            "indicators": indicators,
            "indicators_chart": charts.indicators_chart(
                indicators, chart_id="objective-indicators-chart"
            ),
            "indicator_charts": [
                (figures, charts.indicator_chart(figures))
                for figures in indicators
                if figures.measurements
            ],
            "timeline": selectors.strategy_timeline(
                strategy=strategy, objective=node.objective, limit=30
            ),
        },
    )
