import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bashkesia.strategy.models import (
    Activity,
    ActivityUpdate,
    Indicator,
    Measurement,
    Objective,
    Strategy,
)
from bashkesia.strategy.services import activities as activity_services
from bashkesia.strategy.services import indicators as indicator_services
from bashkesia.strategy.services import plan as plan_services
from bashkesia.strategy.tests.factories import (
    make_activity,
    make_indicator,
    make_objective,
    make_strategy,
    make_sub,
    small_plan,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def users():
    return {
        name: User.objects.get(username=name)
        for name in ("directorate", "director", "officer", "commander")
    }


def messages_of(error: ValidationError) -> dict:
    return error.message_dict


# Strategy, objectives, sub-objectives, activities


def test_directorate_creates_a_strategy_with_cyrillic_derived(users):
    strategy = plan_services.strategy_save(
        by=users["directorate"],
        slug="plan-2026",
        title_sq="Strategjia 2026–2030",
        title_sr_latn="Strategija 2026–2030",
        title_en="Strategy 2026–2030",
        start_year=2026,
        end_year=2030,
    )
    assert strategy.title_sr == "Стратегија 2026–2030"
    assert not strategy.published


def test_the_director_general_edits_a_strategy(users):
    strategy = make_strategy()
    plan_services.strategy_save(
        by=users["director"],
        strategy=strategy,
        slug="test-plan",
        title_sq="Titull i ri",
        start_year=2021,
        end_year=2025,
        published=True,
    )
    strategy.refresh_from_db()
    assert strategy.title_sq == "Titull i ri"
    assert strategy.title_sr == "Титул и ри"


def test_others_may_not_edit_the_strategy(users):
    for name in ("officer", "commander"):
        with pytest.raises(PermissionDenied) as refused:
            plan_services.strategy_save(
                by=users[name], slug="x", title_sq="X", start_year=2021, end_year=2025
            )
        assert str(refused.value) == (
            "Only directorate staff and the Director General edit the strategy."
        )
    assert not Strategy.objects.filter(slug="x").exists()


def test_strategy_bad_input_is_refused_with_every_problem(users):
    make_strategy(slug="taken")
    with pytest.raises(ValidationError) as refused:
        plan_services.strategy_save(
            by=users["directorate"],
            slug="taken",
            title_sq=" ",
            start_year=2025,
            end_year=2021,
        )
    assert messages_of(refused.value) == {
        "title_sq": ["Give the strategy a title."],
        "slug": ["Another strategy has this short address."],
        "end_year": ["The last year comes before the first."],
    }


def test_objective_numbers_are_unique_within_the_strategy(users):
    strategy = make_strategy()
    make_objective(strategy, "1")
    with pytest.raises(ValidationError) as refused:
        plan_services.objective_save(
            by=users["directorate"], strategy=strategy, number="1", title_sq="Dy"
        )
    assert messages_of(refused.value) == {
        "number": ["The strategy already has an objective 1."]
    }
    with pytest.raises(ValidationError) as refused:
        plan_services.objective_save(
            by=users["directorate"],
            strategy=strategy,
            number="x",
            title_sq="Dy",
            weight=Decimal(-1),
        )
    assert messages_of(refused.value) == {
        "number": ["Write the number as 3."],
        "weight": ["A weight cannot be negative."],
    }
    objective = plan_services.objective_save(
        by=users["directorate"], strategy=strategy, number="2", title_sq="Dy"
    )
    assert objective.position == 2


def test_sub_objective_number_begins_with_its_objective(users):
    objective = make_objective(make_strategy(), "2")
    with pytest.raises(ValidationError) as refused:
        plan_services.sub_objective_save(
            by=users["directorate"], objective=objective, number="3.1", title_sq="A"
        )
    assert messages_of(refused.value) == {
        "number": ["A sub-objective of objective 2 is numbered 2.1."]
    }
    sub = plan_services.sub_objective_save(
        by=users["directorate"], objective=objective, number="2.1", title_sq="A"
    )
    assert sub.number == "2.1"


def test_activity_numbers_unique_within_the_strategy_and_dates_in_order(users):
    strategy = make_strategy()
    objective = make_objective(strategy, "2")
    first, second = make_sub(objective, "2.1"), make_sub(objective, "2.2")
    make_activity(first, "2.4")
    with pytest.raises(ValidationError) as refused:
        activity_services.activity_save(
            by=users["directorate"],
            sub_objective=second,
            number="2.4",
            description_sq="Diçka",
            start=datetime.date(2024, 5, 1),
            end=datetime.date(2024, 1, 1),
        )
    assert messages_of(refused.value) == {
        "number": ["The strategy already has an activity 2.4."],
        "end": ["The end comes before the start."],
    }


def test_only_staff_may_be_reporters(users):
    sub = make_sub(make_objective(make_strategy(), "1"), "1.1")
    citizen = User.objects.create_user("citizen")
    with pytest.raises(ValidationError) as refused:
        activity_services.activity_save(
            by=users["directorate"],
            sub_objective=sub,
            number="1.1.1",
            description_sq="Diçka",
            reporters=[users["officer"], citizen],
        )
    assert messages_of(refused.value) == {
        "reporters": ["Only staff members report on activities; not: citizen."]
    }
    activity = activity_services.activity_save(
        by=users["directorate"],
        sub_objective=sub,
        number="1.1.1",
        description_sq="Diçka",
        reporters=[users["officer"]],
    )
    assert list(activity.reporters.all()) == [users["officer"]]
    assert activity.strategy == sub.objective.strategy


# Activity updates


@pytest.fixture
def reported(users):
    strategy, activity, indicator = small_plan()
    activity.reporters.add(users["officer"])
    return activity


def test_a_reporter_updates_progress_and_the_timeline_records_it(users, reported):
    update = activity_services.activity_report(
        by=users["officer"],
        activity=reported,
        status="in_progress",
        progress=70,
        note="Trajnimi i dytë u mbajt.",
    )
    reported.refresh_from_db()
    assert (reported.status, reported.progress) == ("in_progress", 70)
    assert (update.old_progress, update.new_progress) == (40, 70)
    assert (update.old_status, update.new_status) == ("in_progress", "in_progress")
    assert update.by == users["officer"]


def test_directorate_may_update_any_activity(users, reported):
    activity_services.activity_report(
        by=users["directorate"], activity=reported, status="completed", progress=100
    )
    reported.refresh_from_db()
    assert reported.status == "completed"


def test_another_officer_may_not_update(users, reported):
    with pytest.raises(PermissionDenied):
        activity_services.activity_report(
            by=users["commander"], activity=reported, status="delayed", progress=40
        )
    assert not ActivityUpdate.objects.filter(activity=reported).exists()


@pytest.mark.parametrize(
    ("status", "progress", "errors"),
    [
        ("in_progress", 120, {"progress": ["Progress is a percentage from 0 to 100."]}),
        ("in_progress", -5, {"progress": ["Progress is a percentage from 0 to 100."]}),
        ("finished", 50, {"status": ["Choose a status from the list."]}),
        ("completed", 90, {"progress": ["A completed activity is at 100%."]}),
        (
            "not_started",
            10,
            {"status": ["An activity with progress is no longer 'not started'."]},
        ),
        (
            "in_progress",
            40,
            {"note": ["Nothing changed: give a new status or progress, or a note."]},
        ),
    ],
)
def test_bad_updates_are_refused_and_nothing_is_written(
    users, reported, status, progress, errors
):
    with pytest.raises(ValidationError) as refused:
        activity_services.activity_report(
            by=users["officer"], activity=reported, status=status, progress=progress
        )
    assert messages_of(refused.value) == errors
    reported.refresh_from_db()
    assert reported.progress == 40
    assert not ActivityUpdate.objects.filter(activity=reported).exists()


# Indicators and measurements


def test_indicator_rules(users):
    objective = make_objective(make_strategy(), "1")
    make_indicator(objective, "I-1")
    with pytest.raises(ValidationError) as refused:
        indicator_services.indicator_save(
            by=users["directorate"],
            owner=objective,
            code="I-1",
            name_sq="Treguesi",
            baseline=Decimal(50),
            baseline_year=2021,
            target=Decimal(40),
            target_year=2020,
            source="computed",
            formula="nonsense",
        )
    assert messages_of(refused.value) == {
        "code": ["The strategy already has an indicator I-1."],
        "formula": ["A computed indicator needs a formula from the list."],
        "target_year": ["The target year comes before the baseline's."],
        "target": [
            "The target is below the baseline: choose 'the lower the better' "
            "or check the figures."
        ],
    }
    indicator = indicator_services.indicator_save(
        by=users["directorate"],
        owner=objective,
        code="I-2",
        name_sq="KLSP aktive",
        baseline=Decimal(30),
        baseline_year=2021,
        target=Decimal(45),
        target_year=2025,
        source="computed",
        formula="active_klsps",
    )
    assert indicator.strategy == objective.strategy
    assert indicator.objective == objective


def test_indicator_of_an_activity_belongs_to_it_alone(users, reported):
    indicator = indicator_services.indicator_save(
        by=users["director"],
        owner=reported,
        code="A-1",
        name_sq="Seanca",
        baseline=Decimal(0),
        baseline_year=2021,
        target=Decimal(10),
        target_year=2025,
        frequency="quarterly",
    )
    assert (indicator.activity, indicator.objective, indicator.sub_objective) == (
        reported,
        None,
        None,
    )
    with pytest.raises(PermissionDenied):
        indicator_services.indicator_save(
            by=users["officer"],
            owner=reported,
            code="A-2",
            name_sq="Seanca",
            baseline=Decimal(0),
            baseline_year=2021,
            target=Decimal(10),
            target_year=2025,
        )


def test_the_reporter_enters_a_measurement_of_their_activitys_indicator(
    users, reported, today
):
    today(datetime.date(2024, 7, 10))
    indicator = make_indicator(reported, "A-1", frequency="quarterly")
    measurement = indicator_services.measurement_record(
        by=users["officer"],
        indicator=indicator,
        period_start=datetime.date(2024, 4, 1),
        period_end=datetime.date(2024, 6, 30),
        value=Decimal("7"),
        note="Raporti i tremujorit",
    )
    assert measurement.entered_by == users["officer"]
    assert not measurement.computed
    # The objective's indicator is not theirs.
    objective_indicator = Indicator.objects.get(code="I-1")
    with pytest.raises(PermissionDenied):
        indicator_services.measurement_record(
            by=users["officer"],
            indicator=objective_indicator,
            period_start=datetime.date(2024, 1, 1),
            period_end=datetime.date(2024, 12, 31),
            value=Decimal(1),
        )


def test_bad_measurements_are_refused(users, reported, today):
    today(datetime.date(2024, 7, 10))
    indicator = Indicator.objects.get(code="I-1")  # yearly, 2022 and 2023 measured
    cases = [
        (
            (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
            {"period_start": ["This period has been measured already."]},
        ),
        (
            (datetime.date(2023, 1, 1), datetime.date(2023, 6, 30)),
            {"period_start": ["The period must be one whole yearly period."]},
        ),
        (
            (datetime.date(2023, 12, 31), datetime.date(2023, 1, 1)),
            {"period_end": ["The period ends before it starts."]},
        ),
        (
            (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
            {"period_start": ["The period has not begun yet."]},
        ),
    ]
    for (start, end), errors in cases:
        with pytest.raises(ValidationError) as refused:
            indicator_services.measurement_record(
                by=users["directorate"],
                indicator=indicator,
                period_start=start,
                period_end=end,
                value=Decimal(55),
            )
        assert messages_of(refused.value) == errors
    assert indicator.measurements.count() == 2


def test_a_computed_indicator_is_not_entered_by_hand(users):
    objective = make_objective(make_strategy(), "1")
    indicator = make_indicator(
        objective, "C-1", source="computed", formula="active_klsps"
    )
    with pytest.raises(ValidationError) as refused:
        indicator_services.measurement_record(
            by=users["directorate"],
            indicator=indicator,
            period_start=datetime.date(2022, 1, 1),
            period_end=datetime.date(2022, 12, 31),
            value=Decimal(1),
        )
    assert refused.value.messages == [
        "This indicator is computed from the platform's data, not entered."
    ]


def test_measurement_delete_is_for_editors(users, reported):
    measurement = Measurement.objects.filter(indicator__code="I-1").first()
    with pytest.raises(PermissionDenied):
        indicator_services.measurement_delete(
            by=users["officer"], measurement=measurement
        )
    indicator_services.measurement_delete(
        by=users["directorate"], measurement=measurement
    )
    assert not Measurement.objects.filter(pk=measurement.pk).exists()


def test_nothing_half_written_when_a_database_rule_fails(users, monkeypatch):
    """A failure after the activity row is written leaves no activity."""
    sub = make_sub(make_objective(make_strategy(), "1"), "1.1")

    def broken(*args, **kwargs):
        raise RuntimeError("partners table unavailable")

    monkeypatch.setattr(
        Activity.partners.related_manager_cls, "set", broken, raising=True
    )
    with pytest.raises(RuntimeError):
        activity_services.activity_save(
            by=users["directorate"],
            sub_objective=sub,
            number="1.1.1",
            description_sq="Diçka",
        )
    assert not Activity.objects.filter(number="1.1.1").exists()
    assert Objective.objects.count() >= 1
    assert timezone.now()


def test_a_strategy_may_not_take_a_back_office_address(users):
    with pytest.raises(ValidationError) as refused:
        plan_services.strategy_save(
            by=users["directorate"],
            slug="import",
            title_sq="X",
            start_year=2021,
            end_year=2025,
        )
    assert messages_of(refused.value) == {
        "slug": ["This short address is taken by the platform's pages."]
    }
