"""A small strategy for the tests, built straight into the database."""

import datetime
from decimal import Decimal

from django.utils import timezone

from bashkesia.strategy.models import (
    Activity,
    Indicator,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)


def make_strategy(*, slug: str = "test-plan", published: bool = True, **extra):
    return Strategy.objects.create(
        slug=slug,
        title_sq=extra.pop("title_sq", "Strategjia e provës"),
        title_sr_latn="Probna strategija",
        title_sr="Пробна стратегија",
        title_en=extra.pop("title_en", "Test strategy"),
        start_year=extra.pop("start_year", 2021),
        end_year=extra.pop("end_year", 2025),
        published=published,
        **extra,
    )


def make_objective(strategy, number: str = "1", weight=None):
    return Objective.objects.create(
        strategy=strategy,
        number=number,
        title_sq=f"Objektivi {number}",
        title_en=f"Objective title {number}",
        weight=weight,
        position=int(number),
    )


def make_sub(objective, number: str, weight=None):
    return SubObjective.objects.create(
        objective=objective,
        number=number,
        title_sq=f"Nën-objektivi {number}",
        title_en=f"Sub-objective title {number}",
        weight=weight,
    )


def make_activity(sub, number: str, *, progress: int = 0, status=None, weight=None):
    return Activity.objects.create(
        sub_objective=sub,
        strategy=sub.objective.strategy,
        number=number,
        description_sq=f"Aktiviteti {number}",
        description_en=f"Activity text {number}",
        progress=progress,
        status=status or ("in_progress" if progress else "not_started"),
        weight=weight,
    )


def make_indicator(owner, code: str = "I-1", **extra):
    links = {}
    if isinstance(owner, Objective):
        links = {"objective": owner, "strategy": owner.strategy}
    elif isinstance(owner, SubObjective):
        links = {"sub_objective": owner, "strategy": owner.objective.strategy}
    else:
        links = {"activity": owner, "strategy": owner.strategy}
    values = {
        "name_sq": f"Treguesi {code}",
        "name_en": f"Indicator {code}",
        "baseline": Decimal(40),
        "baseline_year": 2021,
        "target": Decimal(60),
        "target_year": 2025,
        "frequency": "yearly",
    }
    values.update(extra)
    return Indicator.objects.create(code=code, **links, **values)


def measure(indicator, year: int, value: str):
    return Measurement.objects.create(
        indicator=indicator,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        value=Decimal(value),
        at=timezone.now(),
    )


def small_plan():
    """Objective 1 (weight 3): 1.1 with 1.1.1 at 100%, 1.1.2 at 50%, 1.1.3
    cancelled; 1.2 with 1.2.1 at 0%. Objective 2 (weight 1): 2.1 with 2.1.1
    at 40%. Objective 1 = (75 + 0) / 2 = 37.5; strategy = (3*37.5 + 40) / 4
    = 38.125."""
    strategy = make_strategy()
    one = make_objective(strategy, "1", weight=Decimal(3))
    two = make_objective(strategy, "2", weight=Decimal(1))
    s11, s12 = make_sub(one, "1.1"), make_sub(one, "1.2")
    s21 = make_sub(two, "2.1")
    make_activity(s11, "1.1.1", progress=100, status="completed")
    make_activity(s11, "1.1.2", progress=50)
    make_activity(s11, "1.1.3", progress=30, status="cancelled")
    make_activity(s12, "1.2.1")
    activity = make_activity(s21, "2.1.1", progress=40)
    indicator = make_indicator(one, "I-1")
    measure(indicator, 2022, "45")
    measure(indicator, 2023, "50")
    return strategy, activity, indicator
