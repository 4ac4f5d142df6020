"""Computed indicators against hand-counted fixtures, and their
recalculation. The fixtures lie in 2001, a year the demo data leaves empty;
forums active on a day are counted as a difference (demo forums without a
founding day count on any day)."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from bashkesia.concerns.models import Status
from bashkesia.partnership.models import ForumKind, ForumStatus, SectorPriority
from bashkesia.stats.tests.test_community import at, category, concern, forum, meeting
from bashkesia.strategy import indicators
from bashkesia.strategy.models import Measurement
from bashkesia.strategy.services.indicators import indicators_recalculate
from bashkesia.strategy.tests.factories import (
    make_indicator,
    make_objective,
    make_strategy,
)
from bashkesia.territory.tests.factories import SectorFactory, StationFactory

pytestmark = pytest.mark.django_db
Q1 = (datetime.date(2001, 1, 1), datetime.date(2001, 3, 31))
YEAR = (datetime.date(2001, 1, 1), datetime.date(2001, 12, 31))


@pytest.fixture
def sector():
    return SectorFactory(station=StationFactory(code="TT1"))


def test_concerns_resolved_within_target(sector):
    fast, slow = category("T5", 5), category("T10", 10)
    # Q1 2001: resolved within target: 2 (3 d of 5, 9 d of 10); late: 1
    # (8 d of 5); not resolved: 1 (in progress). 2 of 3 = 66.67%.
    concern(sector, fast, at("2001-01-10"), closed_days=3, status=Status.RESOLVED)
    concern(sector, fast, at("2001-02-10"), closed_days=8, status=Status.RESOLVED)
    concern(sector, slow, at("2001-03-31", 23), closed_days=9, status=Status.RESOLVED)
    concern(sector, slow, at("2001-03-01"), status=Status.IN_PROGRESS)
    # Outside the quarter.
    concern(sector, fast, at("2001-04-01", 0.5), closed_days=1, status=Status.RESOLVED)
    assert indicators.concerns_resolved_within_target(*Q1) == Decimal("66.67")
    assert (
        indicators.concerns_resolved_within_target(
            datetime.date(2001, 7, 1), datetime.date(2001, 9, 30)
        )
        is None
    )


def test_active_klsps_on_the_last_day(sector):
    station = sector.station
    before = indicators.active_klsps(*Q1)
    forum(ForumKind.KLSP, station, [sector], established_on=datetime.date(2001, 2, 1))
    forum(ForumKind.KLSP, station, [sector], established_on=datetime.date(2001, 4, 2))
    forum(
        ForumKind.KLSP,
        station,
        [sector],
        status=ForumStatus.DISSOLVED,
        established_on=datetime.date(2000, 5, 1),
        dissolved_on=datetime.date(2001, 3, 15),
    )
    forum(
        ForumKind.KLSP,
        station,
        [sector],
        status=ForumStatus.DISSOLVED,
        established_on=datetime.date(2000, 5, 1),
        dissolved_on=datetime.date(2001, 6, 1),
    )
    forum(ForumKind.EVSB, station, [sector], established_on=datetime.date(2001, 1, 5))
    # Active on 31 March: the one founded in February, the one dissolved in June.
    assert indicators.active_klsps(*Q1) - before == 2


def test_forum_meetings_per_quarter(sector):
    klsp = forum(ForumKind.KLSP, sector.station, [sector])
    for day in ("2001-01-15", "2001-02-20", "2001-05-03", "2001-11-30"):
        meeting(klsp, at(day))
    meeting(klsp, at("2001-03-03"), status="cancelled")
    assert indicators.forum_meetings_per_quarter(*Q1) == Decimal("2.00")
    # Four held in a year of four quarters: one a quarter.
    assert indicators.forum_meetings_per_quarter(*YEAR) == Decimal("1.00")


def test_sector_priorities_acted_on(sector):
    def priority(issued, *, action_date=None, status="current"):
        SectorPriority.objects.create(
            sector=sector,
            issue="Issue",
            issue_date=issued,
            action_date=action_date,
            status=status,
        )

    priority(datetime.date(2001, 1, 5), action_date=datetime.date(2001, 2, 1))
    priority(datetime.date(2001, 2, 5), status="addressed")
    priority(datetime.date(2001, 3, 5))
    priority(datetime.date(2000, 12, 20), action_date=datetime.date(2001, 1, 5))
    # Of the three set in Q1, two were acted on.
    assert indicators.sector_priorities_acted_on(*Q1) == Decimal("66.67")
    assert (
        indicators.sector_priorities_acted_on(
            datetime.date(2001, 4, 1), datetime.date(2001, 6, 30)
        )
        is None
    )


def test_citizens_knowing_their_sector_officer_uses_the_surveys_contract(
    monkeypatch,
):
    from bashkesia.surveys import selectors as survey_selectors

    calls = []

    def answers(*, start, end):
        calls.append((start, end))
        return 37, 80

    monkeypatch.setattr(survey_selectors, "knows_sector_officer_answers", answers)
    assert indicators.citizens_knowing_sector_officer(*Q1) == Decimal("46.25")
    assert calls == [Q1]
    monkeypatch.setattr(
        survey_selectors, "knows_sector_officer_answers", lambda **kw: (0, 0)
    )
    assert indicators.citizens_knowing_sector_officer(*Q1) is None


def test_forum_members_trained_uses_the_training_contract(monkeypatch):
    from bashkesia.training import selectors as training_selectors

    monkeypatch.setattr(
        training_selectors, "forum_members_trained", lambda *, start, end: 12
    )
    assert indicators.forum_members_trained(*Q1) == Decimal(12)


def test_the_contract_functions_answer_for_an_empty_period():
    assert indicators.citizens_knowing_sector_officer(*Q1) is None
    assert indicators.forum_members_trained(*Q1) == Decimal(0)


def test_every_formula_has_a_text_and_a_name():
    assert set(indicators.FORMULAS) == {
        "concerns_resolved_within_target",
        "active_klsps",
        "forum_meetings_per_quarter",
        "sector_priorities_acted_on",
        "citizens_knowing_sector_officer",
        "forum_members_trained",
    }
    for formula in indicators.FORMULAS.values():
        assert str(formula.text) and str(formula.name)


def test_recalculation_writes_each_complete_period_once(sector, today):
    today(datetime.date(2002, 5, 10))
    klsp = forum(ForumKind.KLSP, sector.station, [sector])
    meeting(klsp, at("2001-01-15"))
    meeting(klsp, at("2001-08-15"))
    strategy = make_strategy(slug="past", start_year=2001, end_year=2003)
    indicator = make_indicator(
        make_objective(strategy, "1"),
        "C-1",
        source="computed",
        formula="forum_meetings_per_quarter",
        frequency="quarterly",
        baseline=Decimal(0),
        target=Decimal(3),
    )
    result = indicators_recalculate(indicators=[indicator])
    # 2001 Q1 .. 2002 Q1: five complete quarters.
    assert (result.created, result.updated, result.unchanged) == (5, 0, 0)
    values = list(
        Measurement.objects.filter(indicator=indicator)
        .order_by("period_start")
        .values_list("value", flat=True)
    )
    assert values == [Decimal(1), 0, Decimal(1), 0, 0]
    assert all(m.computed for m in indicator.measurements.all())
    again = indicators_recalculate(indicators=[indicator])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    meeting(klsp, at("2002-02-01"))
    third = indicators_recalculate(indicators=[indicator])
    assert (third.created, third.updated, third.unchanged) == (0, 1, 4)


def test_the_command_recalculates(today):
    today(datetime.date(2002, 1, 10))
    strategy = make_strategy(slug="past", start_year=2001, end_year=2003)
    make_indicator(
        make_objective(strategy, "1"),
        "C-1",
        source="computed",
        formula="active_klsps",
        frequency="yearly",
    )
    out = StringIO()
    call_command("recalculate_indicators", stdout=out)
    assert "1 measurement(s) written" in out.getvalue()
    call_command("recalculate_indicators", stdout=out)
    assert "0 measurement(s) written, 0 updated, 1 unchanged" in out.getvalue()


def test_the_task_recalculates(today, run_tasks):
    from bashkesia.strategy.tasks import strategy_indicators_recalculate

    today(datetime.date(2002, 1, 10))
    strategy = make_strategy(slug="past", start_year=2001, end_year=2003)
    indicator = make_indicator(
        make_objective(strategy, "1"),
        "C-1",
        source="computed",
        formula="active_klsps",
    )
    strategy_indicators_recalculate.enqueue()
    assert run_tasks() == 1
    assert indicator.measurements.count() == 1
