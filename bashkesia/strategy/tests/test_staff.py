"""The back office: who may see and do what, and bad input."""

import datetime

import pytest
from django.contrib.auth.models import User

from bashkesia.strategy.models import ActivityUpdate, Indicator, Measurement
from bashkesia.strategy.tests.factories import make_indicator, small_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    strategy, activity, indicator = small_plan()
    activity.reporters.add(User.objects.get(username="officer"))
    return strategy, activity, indicator


def test_anonymous_is_sent_to_sign_in(client, plan):
    _strategy, activity, _indicator = plan
    for url in ("/en/staff/strategy/", f"/en/staff/strategy/activities/{activity.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert (
            "/accounts/login/" in response["Location"]
            or "login" in response["Location"]
        )


@pytest.mark.parametrize("username", ["directorate", "director"])
def test_editors_see_and_edit_everything(sign_in, plan, username):
    strategy, activity, indicator = plan
    client = sign_in(username)
    for url in (
        "/en/staff/strategy/",
        "/en/staff/strategy/new/",
        "/en/staff/strategy/test-plan/",
        "/en/staff/strategy/test-plan/edit/",
        "/en/staff/strategy/test-plan/objectives/new/",
        f"/en/staff/strategy/activities/{activity.pk}/",
        f"/en/staff/strategy/activities/{activity.pk}/edit/",
        f"/en/staff/strategy/objective/{indicator.objective_id}/indicators/new/",
        f"/en/staff/strategy/indicators/{indicator.pk}/",
        f"/en/staff/strategy/indicators/{indicator.pk}/edit/",
    ):
        assert client.get(url).status_code == 200, url


def test_the_nav_shows_strategy_to_editors_and_the_dashboard_to_reporters(
    sign_in, plan, client
):
    _strategy, activity, _indicator = plan
    editor = sign_in("directorate").get("/en/staff/").content.decode()
    nav = editor.split('class="card staff-nav"')[1].split("</nav>", 1)[0]
    assert 'href="/en/staff/strategy/"' in nav
    client.logout()
    reporter = sign_in("officer").get("/en/staff/").content.decode()
    nav, rest = reporter.split('class="card staff-nav"')[1].split("</nav>", 1)
    assert 'href="/en/staff/strategy/"' not in nav
    assert f'href="/en/staff/strategy/activities/{activity.pk}/"' in rest
    assert 'href="/en/staff/strategy/"' in rest


def test_reporter_sees_their_activity_and_updates_it(sign_in, plan):
    _strategy, activity, _indicator = plan
    client = sign_in("officer")
    home = client.get("/en/staff/strategy/")
    assert home.status_code == 200
    assert f'data-activity="{activity.number}"' in home.content.decode()
    response = client.post(
        f"/en/staff/strategy/activities/{activity.pk}/",
        {"status": "in_progress", "progress": "65", "note": "U mbajt takimi"},
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.progress == 65
    update = ActivityUpdate.objects.get(activity=activity)
    assert (update.old_progress, update.new_progress, update.note) == (
        40,
        65,
        "U mbajt takimi",
    )


def test_reporter_may_not_edit_the_plan(sign_in, plan):
    strategy, activity, indicator = plan
    client = sign_in("officer")
    for url in (
        "/en/staff/strategy/new/",
        "/en/staff/strategy/test-plan/",
        f"/en/staff/strategy/activities/{activity.pk}/edit/",
        f"/en/staff/strategy/indicators/{indicator.pk}/",  # the objective's
    ):
        assert client.get(url).status_code == 403, url


def test_another_officer_is_refused(sign_in, plan):
    _strategy, activity, _indicator = plan
    client = sign_in("commander")
    assert client.get("/en/staff/strategy/").status_code == 403
    assert (
        client.get(f"/en/staff/strategy/activities/{activity.pk}/").status_code == 403
    )
    response = client.post(
        f"/en/staff/strategy/activities/{activity.pk}/",
        {"status": "completed", "progress": "100"},
    )
    assert response.status_code == 403
    assert 'href="/en/staff/strategy/"' not in client.get("/en/staff/").content.decode()


def test_progress_of_120_is_refused_with_its_message(sign_in, plan):
    _strategy, activity, _indicator = plan
    client = sign_in("officer")
    response = client.post(
        f"/en/staff/strategy/activities/{activity.pk}/",
        {"status": "in_progress", "progress": "120"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "Progress is a percentage from 0 to 100." in response.content.decode()
    activity.refresh_from_db()
    assert activity.progress == 40


def test_end_before_start_is_refused(sign_in, plan):
    _strategy, activity, _indicator = plan
    client = sign_in("directorate")
    response = client.post(
        f"/en/staff/strategy/activities/{activity.pk}/edit/",
        {
            "number": activity.number,
            "description_sq": "Aktiviteti",
            "start": "2024-06-01",
            "end": "2024-01-01",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "The end comes before the start." in response.content.decode()


def test_duplicate_period_is_refused(sign_in, plan, today):
    today(datetime.date(2024, 6, 1))
    _strategy, _activity, indicator = plan
    client = sign_in("directorate")
    response = client.post(
        f"/en/staff/strategy/indicators/{indicator.pk}/",
        {"period": "2023-01-01/2023-12-31", "value": "52"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert "This period has been measured already." in response.content.decode()
    assert indicator.measurements.count() == 2


def test_reporter_enters_a_measurement_of_their_activitys_indicator(
    sign_in, plan, today
):
    today(datetime.date(2024, 6, 1))
    _strategy, activity, _indicator = plan
    indicator = make_indicator(activity, "A-1")
    client = sign_in("officer")
    response = client.post(
        f"/en/staff/strategy/indicators/{indicator.pk}/",
        {"period": "2023-01-01/2023-12-31", "value": "12.5", "note": "Raporti vjetor"},
    )
    assert response.status_code == 302
    measurement = Measurement.objects.get(indicator=indicator)
    assert str(measurement.value) == "12.50"


def test_editor_creates_strategy_objective_and_indicator(sign_in):
    client = sign_in("directorate")
    response = client.post(
        "/en/staff/strategy/new/",
        {
            "slug": "plan-b",
            "title_sq": "Plani B",
            "start_year": "2026",
            "end_year": "2030",
            "published": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/strategy/plan-b/"
    response = client.post(
        "/en/staff/strategy/plan-b/objectives/new/",
        {"number": "1", "title_sq": "Besimi", "weight": "2"},
    )
    assert response.status_code == 302
    from bashkesia.strategy.models import Objective

    objective = Objective.objects.get(strategy__slug="plan-b")
    response = client.post(
        f"/en/staff/strategy/objective/{objective.pk}/indicators/new/",
        {
            "code": "K-1",
            "name_sq": "KLSP aktive",
            "baseline": "30",
            "baseline_year": "2026",
            "target": "40",
            "target_year": "2030",
            "direction": "increase",
            "frequency": "yearly",
            "source": "computed",
            "formula": "active_klsps",
        },
    )
    assert response.status_code == 302
    assert Indicator.objects.get(code="K-1").formula == "active_klsps"


def test_bad_strategy_input_is_400_with_messages(sign_in):
    client = sign_in("directorate")
    response = client.post(
        "/en/staff/strategy/new/",
        {
            "slug": "Not A Slug",
            "title_sq": "",
            "start_year": "2026",
            "end_year": "2020",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html  # the title, before the service


def test_unknown_records_are_404(sign_in):
    client = sign_in("directorate")
    assert client.get("/en/staff/strategy/nothing/").status_code == 404
    assert client.get("/en/staff/strategy/activities/999999/").status_code == 404
    assert client.get("/en/staff/strategy/indicators/999999/").status_code == 404
    assert client.get("/en/staff/strategy/fish/1/indicators/new/").status_code == 404


def test_recalculate_and_delete_are_for_editors(sign_in, plan):
    _strategy, _activity, indicator = plan
    measurement = indicator.measurements.first()
    officer = sign_in("officer")
    assert (
        officer.post(
            f"/en/staff/strategy/measurements/{measurement.pk}/delete/"
        ).status_code
        == 403
    )
    assert officer.post("/en/staff/strategy/test-plan/recalculate/").status_code == 403
    editor = sign_in("directorate")
    response = editor.post(f"/en/staff/strategy/measurements/{measurement.pk}/delete/")
    assert response.status_code == 302
    assert editor.post("/en/staff/strategy/test-plan/recalculate/").status_code == 302
