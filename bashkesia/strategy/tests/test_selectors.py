import datetime
from decimal import Decimal

import pytest
from django.http import Http404

from bashkesia.strategy import selectors
from bashkesia.strategy.tests.factories import make_strategy, small_plan

pytestmark = pytest.mark.django_db


def test_tree_rolls_progress_up_with_weights_and_cancelled_left_out(
    django_assert_max_num_queries,
):
    strategy, _activity, _indicator = small_plan()
    with django_assert_max_num_queries(6):
        tree = selectors.strategy_tree(strategy=strategy)
    one, two = tree.objectives
    assert one.sub_objectives[0].progress == Decimal(75)
    assert one.sub_objectives[0].activities[2].progress is None  # cancelled
    assert one.progress == Decimal("37.5")
    assert two.progress == Decimal(40)
    assert tree.progress == Decimal("38.125")
    figures = one.indicators[0]
    assert figures.latest.value == Decimal(50)
    assert figures.achievement == Decimal(50)


def test_an_empty_strategy_has_no_data():
    tree = selectors.strategy_tree(strategy=make_strategy())
    assert tree.progress is None
    assert tree.objectives == []


def test_current_strategy_is_the_published_one_running_this_year():
    make_strategy(slug="old", start_year=2012, end_year=2016)
    running = make_strategy(slug="now", start_year=2021, end_year=2025)
    make_strategy(slug="draft", start_year=2022, end_year=2026, published=False)
    assert selectors.strategy_current(today=datetime.date(2024, 3, 1)) == running
    # After every strategy ended: the latest published.
    assert selectors.strategy_current(today=datetime.date(2030, 1, 1)) == running


def test_an_unpublished_strategy_is_not_found():
    make_strategy(slug="draft", published=False)
    with pytest.raises(Http404):
        selectors.strategy_get_published(slug="draft")
