"""Every write to a strategy's tree: the strategy itself, its objectives and
their sub-objectives.

Text comes in Albanian (required), Serbian (Latin) and English; the Serbian
Cyrillic column is the Serbian Latin text transliterated (the Albanian one
when there is no Serbian). Refusals are ``ValidationError`` (bad input, every
problem at once) or ``PermissionDenied``.
"""

from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from .. import rules
from ..models import TEXT_LIMIT, TITLE_LIMIT, Objective, Strategy, SubObjective
from .common import (
    Errors,
    apply,
    checked,
    only_editors,
    pks,
    raise_if,
    texts,
)


@transaction.atomic
def strategy_save(
    *,
    by: User,
    strategy: Strategy | None = None,
    slug: str,
    title_sq: str,
    title_sr_latn: str = "",
    title_en: str = "",
    description_sq: str = "",
    description_sr_latn: str = "",
    description_en: str = "",
    start_year: int,
    end_year: int,
    is_illustrative: bool = False,
    published: bool = False,
) -> Strategy:
    """Create a strategy, or change ``strategy``."""
    only_editors(by)
    errors: Errors = {}
    values = texts(
        errors,
        "title",
        sq=title_sq,
        sr_latn=title_sr_latn,
        en=title_en,
        limit=TITLE_LIMIT,
        required=_("Give the strategy a title."),
    )
    values |= texts(
        errors,
        "description",
        sq=description_sq,
        sr_latn=description_sr_latn,
        en=description_en,
        limit=TEXT_LIMIT,
        required=None,
    )
    slug = slug.strip().lower()
    if (
        checked(errors, rules.strategy_slug, slug)
        and Strategy.objects.filter(slug=slug).exclude(pk__in=pks(strategy)).exists()
    ):
        errors["slug"] = [_("Another strategy has this short address.")]
    years = checked(errors, rules.year, start_year, "start_year")
    years &= checked(errors, rules.year, end_year, "end_year")
    if years:
        checked(errors, rules.years_in_order, start_year, end_year)
    raise_if(errors)
    strategy = strategy or Strategy()
    apply(
        strategy,
        values
        | {
            "slug": slug,
            "start_year": start_year,
            "end_year": end_year,
            "is_illustrative": is_illustrative,
            "published": published,
        },
    )
    strategy.save()
    return strategy


@transaction.atomic
def objective_save(
    *,
    by: User,
    strategy: Strategy,
    objective: Objective | None = None,
    number: str,
    title_sq: str,
    title_sr_latn: str = "",
    title_en: str = "",
    weight: Decimal | None = None,
) -> Objective:
    """Add an objective to ``strategy``, or change ``objective``."""
    only_editors(by)
    errors: Errors = {}
    number = number.strip()
    if (
        checked(errors, rules.number, number, "objective")
        and strategy.objectives.filter(number=number)
        .exclude(pk__in=pks(objective))
        .exists()
    ):
        errors["number"] = [
            _("The strategy already has an objective %(number)s.") % {"number": number}
        ]
    values = texts(
        errors,
        "title",
        sq=title_sq,
        sr_latn=title_sr_latn,
        en=title_en,
        limit=TITLE_LIMIT,
        required=_("Give the objective a title."),
    )
    checked(errors, rules.weight, weight)
    raise_if(errors)
    objective = objective or Objective(strategy=strategy)
    apply(
        objective,
        values | {"number": number, "weight": weight, "position": int(number)},
    )
    objective.save()
    return objective


@transaction.atomic
def sub_objective_save(
    *,
    by: User,
    objective: Objective,
    sub_objective: SubObjective | None = None,
    number: str,
    title_sq: str,
    title_sr_latn: str = "",
    title_en: str = "",
    weight: Decimal | None = None,
) -> SubObjective:
    """Add a sub-objective to ``objective``, or change ``sub_objective``. Its
    number begins with the objective's ("2.3" under 2)."""
    only_editors(by)
    errors: Errors = {}
    number = number.strip()
    if (
        checked(errors, rules.number, number, "sub_objective")
        and checked(errors, rules.sub_objective_under, number, objective.number)
        and objective.sub_objectives.filter(number=number)
        .exclude(pk__in=pks(sub_objective))
        .exists()
    ):
        errors["number"] = [
            _("The objective already has a sub-objective %(number)s.")
            % {"number": number}
        ]
    values = texts(
        errors,
        "title",
        sq=title_sq,
        sr_latn=title_sr_latn,
        en=title_en,
        limit=TITLE_LIMIT,
        required=_("Give the sub-objective a title."),
    )
    checked(errors, rules.weight, weight)
    raise_if(errors)
    sub_objective = sub_objective or SubObjective(objective=objective)
    apply(
        sub_objective,
        values
        | {"number": number, "weight": weight, "position": rules.position(number)},
    )
    sub_objective.save()
    return sub_objective
