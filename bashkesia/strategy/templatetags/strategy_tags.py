"""Percentages of the strategy pages: "62%", or "no data" where there is
none (never 0)."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

from bashkesia.strategy.periods import period_label
from bashkesia.strategy.progress import percent

register = template.Library()


@register.filter
def as_percent(value: Decimal | None) -> str:
    """Return ``value`` as a whole percentage, or "no data"."""
    whole = percent(value)
    if whole is None:
        return _("no data")
    return f"{whole}%"


@register.filter
def whole_percent(value: Decimal | None) -> int | None:
    """Return ``value`` as a whole number (for ``<progress value>``)."""
    return percent(value)


@register.simple_tag
def period(start, end) -> str:
    return period_label(start, end)


@register.filter
def figure(value: Decimal | None) -> str:
    """Return a measurement without needless decimals ("12", "12.5")."""
    if not isinstance(value, Decimal):
        return "—"
    return format(value.quantize(Decimal("0.01")).normalize(), "f")
