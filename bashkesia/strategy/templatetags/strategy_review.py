"""The years a strategy has a yearly review for."""

from django import template

from bashkesia.strategy.models import Strategy
from bashkesia.strategy.review import review_years as _review_years

register = template.Library()


@register.filter
def review_years(strategy: Strategy) -> list[int]:
    return _review_years(strategy)
