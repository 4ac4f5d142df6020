"""What an import will write, once every row is checked: the rows of each
sheet planned by number or code, and what the strategy already has.

A row whose number (or code) is right is planned even with other problems,
so that the rows under it are not refused for a missing parent; nothing is
written while any problem remains."""

from dataclasses import dataclass, field

from ..models import Activity, Indicator, Strategy, SubObjective


@dataclass
class Planned:
    line: int
    key: str
    values: dict
    parent: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Plan:
    slug: str = ""
    strategy_values: dict = field(default_factory=dict)
    strategy_line: int | None = None
    existing: Strategy | None = None
    objectives: list[Planned] = field(default_factory=list)
    sub_objectives: list[Planned] = field(default_factory=list)
    activities: list[Planned] = field(default_factory=list)
    indicators: list[Planned] = field(default_factory=list)
    measurements: list[Planned] = field(default_factory=list)


@dataclass
class Known:
    """What the strategy already has, by number or code."""

    objectives: set[str] = field(default_factory=set)
    sub_objectives: set[str] = field(default_factory=set)
    activities: dict[str, Activity] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)


def known(strategy: Strategy | None) -> Known:
    if strategy is None:
        return Known()
    return Known(
        objectives=set(strategy.objectives.values_list("number", flat=True)),
        sub_objectives=set(
            SubObjective.objects.filter(objective__strategy=strategy).values_list(
                "number", flat=True
            )
        ),
        activities={
            activity.number: activity
            for activity in Activity.objects.filter(strategy=strategy)
        },
        indicators={
            indicator.code: indicator
            for indicator in Indicator.objects.filter(strategy=strategy)
        },
    )
