"""Public pages and the API, in four languages."""

import pytest
from django.urls import reverse
from django.utils import translation

from bashkesia.strategy.tests.factories import make_strategy, small_plan

pytestmark = pytest.mark.django_db
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture
def plan():
    return small_plan()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_current_strategy_page_in_every_language(client, plan, language):
    strategy, _activity, _indicator = plan
    response = client.get(f"/{language}/strategy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-overall>38%<" in html
    assert 'data-objective="1"' in html and 'data-objective="2"' in html
    assert 'id="objectives-chart"' in html and 'id="indicators-chart"' in html
    assert 'data-indicator="I-1"' in html
    assert "data-illustrative" not in html
    expected = {
        "sq": "Strategjia e provës",
        "sr-latn": "Probna strategija",
        "sr": "Пробна стратегија",
        "en": "Test strategy",
    }[language]
    assert expected in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_objective_page_in_every_language(client, plan, language):
    response = client.get(f"/{language}/strategy/test-plan/objectives/1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-progress>38%<" in html  # 37.5 rounds half up
    assert 'data-activity="1.1.3"' in html
    assert 'id="indicator-' in html  # the indicator's own chart


def test_an_illustrative_strategy_says_so_on_every_page(client):
    strategy = make_strategy(slug="demo", is_illustrative=True)
    from bashkesia.strategy.tests.factories import make_objective

    make_objective(strategy, "1")
    for url in (
        "/en/strategy/",
        "/en/strategy/demo/",
        "/en/strategy/demo/objectives/1/",
    ):
        html = client.get(url).content.decode()
        assert "data-illustrative" in html, url


def test_no_data_is_shown_as_such_not_zero(client):
    strategy = make_strategy(slug="empty")
    from bashkesia.strategy.tests.factories import make_objective

    make_objective(strategy, "1")
    html = client.get("/en/strategy/empty/").content.decode()
    assert "data-overall>no data<" in html
    assert "data-progress>no data<" in html


def test_no_published_strategy(client):
    make_strategy(published=False)
    response = client.get("/en/strategy/")
    assert response.status_code == 200
    assert "No strategy has been published yet." in response.content.decode()


def test_unknown_or_unpublished_strategy_and_objective_are_404(client, plan):
    make_strategy(slug="draft", published=False)
    assert client.get("/en/strategy/draft/").status_code == 404
    assert client.get("/en/strategy/nothing/").status_code == 404
    assert client.get("/en/strategy/test-plan/objectives/9/").status_code == 404


def test_the_timeline_shows_dated_updates(client, plan, sign_in):
    from django.contrib.auth.models import User

    from bashkesia.strategy.services import activities as activity_services

    _strategy, activity, _indicator = plan
    activity_services.activity_report(
        by=User.objects.get(username="directorate"),
        activity=activity,
        status="delayed",
        progress=45,
        note="Vonesë në prokurim",
    )
    html = client.get("/en/strategy/").content.decode()
    assert "activity 2.1.1 moved from 40% to 45% (delayed)" in html
    assert "Vonesë në prokurim" in html


def test_main_navigation_links_the_strategy(client):
    html = client.get("/en/").content.decode()
    with translation.override("en"):
        assert f'href="{reverse("strategy:current")}"' in html


# The API


def test_api_current_strategy_tree_with_progress_per_level(client, plan):
    response = client.get("/api/v1/strategy", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    data = response.json()
    assert data["slug"] == "test-plan"
    assert data["title"] == "Test strategy"
    assert data["progress"] == 38.1
    one = data["objectives"][0]
    assert one["progress"] == 37.5
    assert one["sub_objectives"][0]["progress"] == 75.0
    cancelled = one["sub_objectives"][0]["activities"][2]
    assert (cancelled["number"], cancelled["status"], cancelled["progress"]) == (
        "1.1.3",
        "cancelled",
        None,
    )
    indicator = one["indicators"][0]
    assert indicator["latest"]["value"] == 50.0
    assert indicator["target"] == 60.0
    assert indicator["achievement"] == 50.0
    assert indicator["formula"] is None


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("sq", "Strategjia e provës"),
        ("sr-latn", "Probna strategija"),
        ("sr", "Пробна стратегија"),
        ("en", "Test strategy"),
    ],
)
def test_api_by_slug_in_every_language(client, plan, language, title):
    response = client.get("/api/v1/strategy/test-plan", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert response.json()["title"] == title


def test_api_404_with_detail(client):
    response = client.get("/api/v1/strategy", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "No strategy has been published yet."}
    make_strategy(slug="draft", published=False)
    response = client.get("/api/v1/strategy/draft", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no published strategy draft."}
