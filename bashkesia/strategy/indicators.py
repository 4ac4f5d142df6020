"""Indicators computed from the platform's own data.

Each formula key names a translatable text, shown beside the indicator on the
public page, and a function of a period (first and last day, inclusive) that
returns the value, or ``None`` when the period has no data to compute it from
(nothing is then recorded for it). Shares are percentages.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bashkesia.concerns.models import Concern
from bashkesia.concerns.models import Status as ConcernStatus
from bashkesia.partnership.models import (
    Forum,
    ForumKind,
    ForumStatus,
    Meeting,
    SectorPriority,
)
from bashkesia.stats.community.months import local_midnight
from bashkesia.stats.community.services import resolved_within_target_condition

HUNDRED = Decimal(100)
TWO_PLACES = Decimal("0.01")

Compute = Callable[[datetime.date, datetime.date], Decimal | None]


@dataclass(frozen=True)
class Formula:
    key: str
    name: Promise
    text: Promise
    unit: str
    compute: Compute


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(TWO_PLACES)


def _between(field: str, start: datetime.date, end: datetime.date) -> Q:
    return Q(
        **{
            f"{field}__gte": local_midnight(start),
            f"{field}__lt": local_midnight(end + datetime.timedelta(days=1)),
        }
    )


def concerns_resolved_within_target(
    start: datetime.date, end: datetime.date
) -> Decimal | None:
    """Share of the concerns submitted in the period and resolved by now that
    were resolved within their category's target."""
    counts = Concern.objects.filter(_between("submitted_at", start, end)).aggregate(
        resolved=Count("pk", filter=Q(status=ConcernStatus.RESOLVED)),
        within=Count("pk", filter=resolved_within_target_condition()),
    )
    return _share(counts["within"], counts["resolved"])


def active_klsps(start: datetime.date, end: datetime.date) -> Decimal | None:
    """KLSPs active on the last day of the period."""
    count = Forum.objects.filter(
        Q(status=ForumStatus.ACTIVE)
        | Q(status=ForumStatus.DISSOLVED, dissolved_on__gt=end),
        Q(established_on__isnull=True) | Q(established_on__lte=end),
        kind=ForumKind.KLSP,
    ).count()
    return Decimal(count)


def forum_meetings_per_quarter(
    start: datetime.date, end: datetime.date
) -> Decimal | None:
    """Forum meetings held in the period, divided by the quarters it spans."""
    held = Meeting.objects.filter(
        _between("starts_at", start, end), status=Meeting.Status.HELD
    ).count()
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    return (Decimal(held) * 3 / Decimal(months)).quantize(TWO_PLACES)


def sector_priorities_acted_on(
    start: datetime.date, end: datetime.date
) -> Decimal | None:
    """Share of the sector priorities set in the period that have been acted
    on (an action recorded, or marked addressed)."""
    counts = SectorPriority.objects.filter(
        issue_date__gte=start, issue_date__lte=end
    ).aggregate(
        total=Count("pk"),
        acted=Count(
            "pk",
            filter=Q(action_date__isnull=False)
            | Q(status=SectorPriority.Status.ADDRESSED),
        ),
    )
    return _share(counts["acted"], counts["total"])


def citizens_knowing_sector_officer(
    start: datetime.date, end: datetime.date
) -> Decimal | None:
    """Share of survey respondents of the period who know their sector
    officer, among those who answered the question."""
    from bashkesia.surveys.selectors import knows_sector_officer_answers

    know, answered = knows_sector_officer_answers(start=start, end=end)
    return _share(know, answered)


def forum_members_trained(start: datetime.date, end: datetime.date) -> Decimal | None:
    """Distinct forum members who completed a training session ending in the
    period."""
    from bashkesia.training.selectors import forum_members_trained as trained

    return Decimal(trained(start=start, end=end))


FORMULAS: dict[str, Formula] = {
    formula.key: formula
    for formula in (
        Formula(
            "concerns_resolved_within_target",
            _("Concerns resolved within target"),
            _(
                "Concerns submitted in the period and resolved within their "
                "category's target, out of those of them resolved, in percent."
            ),
            "%",
            concerns_resolved_within_target,
        ),
        Formula(
            "active_klsps",
            _("Active KLSPs"),
            _("Local public safety committees (KLSP) active on the period's last day."),
            "",
            active_klsps,
        ),
        Formula(
            "forum_meetings_per_quarter",
            _("Forum meetings held per quarter"),
            _(
                "Safety forum meetings held in the period, divided by the "
                "number of quarters the period spans."
            ),
            "",
            forum_meetings_per_quarter,
        ),
        Formula(
            "sector_priorities_acted_on",
            _("Sector priorities acted on"),
            _(
                "Sector priorities set in the period on which action has been "
                "taken, out of all set in the period, in percent."
            ),
            "%",
            sector_priorities_acted_on,
        ),
        Formula(
            "citizens_knowing_sector_officer",
            _("Citizens who know their sector officer"),
            _(
                "Survey respondents of the period who said they know their "
                "sector officer, out of those who answered the question, in "
                "percent."
            ),
            "%",
            citizens_knowing_sector_officer,
        ),
        Formula(
            "forum_members_trained",
            _("Forum members trained"),
            _(
                "Distinct safety forum members who completed a training "
                "session that ended in the period."
            ),
            "",
            forum_members_trained,
        ),
    )
}


def formula_choices() -> list[tuple[str, Promise]]:
    return [(key, formula.name) for key, formula in FORMULAS.items()]
