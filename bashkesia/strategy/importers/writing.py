"""Writing a checked import in one transaction: the strategy, then its
objectives, sub-objectives, activities (a change of status or progress
dated in the timeline, "imported from FILE"), indicators and measurements,
each row counted as new, changed or the same as before. A row the model
refuses is recorded as a problem (and the caller undoes everything)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.core.text import albanian_to_cyrillic, latin_to_cyrillic

from ..import_sheets import ImportProblem
from ..models import (
    Activity,
    ActivityUpdate,
    Indicator,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)
from .plan import Plan

FILE_NAME_LIMIT = 200


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportResult:
    """The strategy imported and, sheet by sheet, how many rows were new,
    changed and the same as before."""

    strategy: Strategy
    created_strategy: bool
    counts: dict[str, Counts] = field(default_factory=dict)

    def count(self, sheet: str) -> Counts:
        return self.counts.setdefault(sheet, Counts())


def _derive_cyrillic(instance, field_name: str) -> None:
    serbian = getattr(instance, f"{field_name}_sr_latn")
    setattr(
        instance,
        f"{field_name}_sr",
        latin_to_cyrillic(serbian)
        if serbian
        else albanian_to_cyrillic(getattr(instance, f"{field_name}_sq")),
    )


def _saved(
    instance,
    values: dict,
    texts: tuple[str, ...],
    counts: Counts,
    problem: Callable[[ValidationError], None],
) -> bool:
    """Apply ``values``, derive the Cyrillic texts, check and save; count
    the row. Return False (the problem recorded) if the model refuses."""
    creating = instance.pk is None
    before = {name: getattr(instance, name, None) for name in values}
    for name, value in values.items():
        setattr(instance, name, value)
    for text in texts:
        before[f"{text}_sr"] = getattr(instance, f"{text}_sr")
        _derive_cyrillic(instance, text)
    changed = creating or any(
        before[name] != getattr(instance, name) for name in before
    )
    if not changed:
        counts.unchanged += 1
        return True
    try:
        instance.full_clean(validate_constraints=False)
    except ValidationError as error:
        problem(error)
        return False
    instance.save()
    if creating:
        counts.created += 1
    else:
        counts.updated += 1
    return True


def _recorder(problems: list, sheet: str, line: int | None):
    def record(error: ValidationError) -> None:
        for name, messages in error.message_dict.items():
            column = "" if name == NON_FIELD_ERRORS else name
            problems.extend(
                ImportProblem(sheet, line, column, message) for message in messages
            )

    return record


def write(
    plan: Plan, *, by: User | None, file_name: str, problems: list
) -> ImportResult:
    strategy = plan.existing or Strategy(slug=plan.slug)
    result = ImportResult(strategy=strategy, created_strategy=strategy.pk is None)
    if plan.strategy_line is not None:
        _saved(
            strategy,
            plan.strategy_values,
            ("title", "description"),
            result.count("strategy"),
            _recorder(problems, "strategy", plan.strategy_line),
        )
        if strategy.pk is None:
            return result
    objectives = {item.number: item for item in strategy.objectives.all()}
    for item in plan.objectives:
        objective = objectives.get(item.key) or Objective(strategy=strategy)
        values = item.values | {"number": item.key}
        if _saved(
            objective,
            values,
            ("title",),
            result.count("objectives"),
            _recorder(problems, "objectives", item.line),
        ):
            objectives[item.key] = objective
    subs = {
        sub.number: sub
        for sub in SubObjective.objects.filter(
            objective__strategy=strategy
        ).select_related("objective")
    }
    for item in plan.sub_objectives:
        parent = objectives.get(item.parent)
        if parent is None:
            continue  # the objective's own row was refused
        sub = subs.get(item.key) or SubObjective(objective=parent)
        values = item.values | {"number": item.key, "objective": parent}
        if _saved(
            sub,
            values,
            ("title",),
            result.count("sub_objectives"),
            _recorder(problems, "sub_objectives", item.line),
        ):
            subs[item.key] = sub
    activities = {
        activity.number: activity
        for activity in Activity.objects.filter(strategy=strategy)
        .select_related("sub_objective")
        .prefetch_related("partners")
    }
    note = _("Imported from %(file)s") % {"file": file_name[:FILE_NAME_LIMIT]}
    now = clock.now()
    for item in plan.activities:
        parent_sub = subs.get(item.parent)
        if parent_sub is None:
            continue
        activity = activities.get(item.key) or Activity(
            sub_objective=parent_sub, strategy=strategy
        )
        old_status, old_progress = activity.status, activity.progress
        counts = result.count("activities")
        before = counts.updated + counts.created
        values = item.values | {
            "number": item.key,
            "sub_objective": parent_sub,
            "status": item.extra["status"],
            "progress": item.extra["progress"],
        }
        if not _saved(
            activity,
            values,
            ("description",),
            counts,
            _recorder(problems, "activities", item.line),
        ):
            continue
        activities[item.key] = activity
        if "partners" in item.extra:
            wanted = {partner.pk for partner in item.extra["partners"]}
            current = {partner.pk for partner in activity.partners.all()}
            if wanted != current:
                activity.partners.set(item.extra["partners"])
                if counts.updated + counts.created == before:
                    counts.unchanged -= 1
                    counts.updated += 1
        if (old_status, old_progress) != (activity.status, activity.progress):
            ActivityUpdate.objects.create(
                activity=activity,
                at=now,
                by=by,
                old_progress=old_progress,
                new_progress=activity.progress,
                old_status=old_status,
                new_status=activity.status,
                note=note,
            )
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(strategy=strategy).select_related(
            "objective", "sub_objective", "activity"
        )
    }
    owners: dict[str, dict] = {
        "objective": objectives,
        "sub_objective": subs,
        "activity": activities,
    }
    for item in plan.indicators:
        level = item.extra["level"]
        owner = owners[level].get(item.parent)
        if owner is None:
            continue
        indicator = indicators.get(item.key) or Indicator(strategy=strategy)
        links = dict.fromkeys(("objective", "sub_objective", "activity"))
        links[level] = owner
        if _saved(
            indicator,
            item.values | links | {"code": item.key},
            ("name",),
            result.count("indicators"),
            _recorder(problems, "indicators", item.line),
        ):
            indicators[item.key] = indicator
    measured = {
        (m.indicator_id, m.period_start, m.period_end): m
        for m in Measurement.objects.filter(indicator__strategy=strategy)
    }
    for item in plan.measurements:
        measured_indicator = indicators.get(item.key)
        if measured_indicator is None:
            continue
        start, end = item.extra["start"], item.extra["end"]
        measurement = measured.get((measured_indicator.pk, start, end)) or Measurement(
            indicator=measured_indicator, period_start=start, period_end=end, at=now
        )
        counts = result.count("measurements")
        changed_before = counts.created + counts.updated
        _saved(
            measurement,
            item.values | {"computed": False},
            (),
            counts,
            _recorder(problems, "measurements", item.line),
        )
        if counts.created + counts.updated > changed_before:
            measurement.entered_by, measurement.at = by, now
            measurement.save(update_fields=["entered_by", "at"])
    return result
