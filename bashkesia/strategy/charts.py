"""The strategy's charts, drawn by ``stats.charts`` (server-side SVG, each
with a table of the same figures on the page)."""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from bashkesia.stats.charts import Bar, bar_chart, column_chart

from .periods import period_label
from .selectors import IndicatorFigures, StrategyTree


@dataclass(frozen=True)
class Chart:
    caption: str
    svg: SafeString


def objectives_chart(tree: StrategyTree) -> Chart:
    """Return a bar per objective with data: its progress in percent."""
    bars = [
        Bar(
            label=_("Objective %(number)s") % {"number": node.objective.number},
            value=float(node.progress),
        )
        for node in tree.objectives
        if node.progress is not None
    ]
    caption = _("Progress of each objective, in percent")
    return Chart(
        caption=caption,
        svg=bar_chart(
            chart_id="objectives-chart",
            title=caption,
            description=_(
                "Horizontal bars, one per objective; the table below gives "
                "the same figures."
            ),
            bars=bars,
        ),
    )


def indicators_chart(indicators: list[IndicatorFigures], chart_id: str) -> Chart:
    """Return a bar per measured indicator: how far it has come from its
    baseline to its target, in percent."""
    bars = [
        Bar(label=figures.indicator.code, value=float(figures.achievement))
        for figures in indicators
        if figures.achievement is not None
    ]
    caption = _("How far each indicator has come from baseline to target, in percent")
    return Chart(
        caption=caption,
        svg=bar_chart(
            chart_id=chart_id,
            title=caption,
            description=_(
                "Horizontal bars, one per indicator with a measurement; the "
                "table gives the baseline, target and latest value."
            ),
            bars=bars,
        ),
    )


def indicator_chart(figures: IndicatorFigures) -> Chart:
    """Return a column per measured period of one indicator, the latest
    highlighted."""
    indicator = figures.indicator
    count = len(figures.measurements)
    columns = [
        Bar(
            label=period_label(m.period_start, m.period_end),
            value=float(m.value),
            highlight=index == count - 1,
        )
        for index, m in enumerate(figures.measurements)
    ]
    caption = _("%(code)s %(name)s, by period") % {
        "code": indicator.code,
        "name": indicator.name,
    }
    return Chart(
        caption=caption,
        svg=column_chart(
            chart_id=f"indicator-{indicator.pk}-chart",
            title=caption,
            description=_(
                "Columns, one per measured period, the latest highlighted; "
                "baseline %(baseline)s, target %(target)s."
            )
            % {"baseline": indicator.baseline, "target": indicator.target},
            columns=columns,
        ),
    )
