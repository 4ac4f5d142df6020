import time

import pytest
from django.contrib.auth.models import User

from bashkesia.demo.strategy import SLUG, demo_strategy_load
from bashkesia.strategy.models import Activity, Indicator, Measurement
from bashkesia.strategy.selectors import strategy_tree

pytestmark = pytest.mark.django_db


def test_the_demo_strategy_is_shaped_like_the_real_one_and_loads_once(client):
    started = time.monotonic()
    summary = demo_strategy_load()
    assert time.monotonic() - started < 2
    assert (summary.objectives, summary.sub_objectives, summary.activities) == (
        5,
        27,
        99,
    )
    assert summary.updates > 150
    assert demo_strategy_load().activities == 0  # idempotent
    assert Activity.objects.filter(strategy__slug=SLUG).count() == 99
    officer = User.objects.get(username="officer")
    assert Activity.objects.filter(reporters=officer, number__startswith="2.1.")
    assert Activity.objects.filter(status="cancelled").exists()
    assert Activity.objects.filter(status="completed").exists()
    assert Measurement.objects.filter(indicator__source="computed").exists()
    assert Indicator.objects.filter(strategy__slug=SLUG).count() == 10
    from bashkesia.strategy.models import Strategy

    tree = strategy_tree(strategy=Strategy.objects.get(slug=SLUG))
    assert tree.progress is not None
    html = client.get("/en/strategy/").content.decode()
    assert "data-illustrative" in html
    assert "Integrated strategy for community policing 2021–2025" in html
    for language in ("sq", "sr-latn", "sr"):
        assert (
            client.get(f"/{language}/strategy/{SLUG}/objectives/4/").status_code == 200
        )
