"""The back office's problem-solving (SARA): the open problems per station,
opening one, its record with the four sections, the steps on it, and making
it a public priority."""

import datetime

import pytest
from django.test import Client

from bashkesia.concerns.categories import categories_seed
from bashkesia.core import clock
from bashkesia.partnership.models import Problem, ProblemAction, SectorPriority
from bashkesia.partnership.services.problems import (
    problem_action_add,
    problem_advance,
    problem_open,
    problem_update,
)
from bashkesia.staff.tests.conftest import make_person, sign_in

from .test_priorities_services import raise_concern, sector, user

pytestmark = pytest.mark.django_db

LANGUAGES = ["sq", "sr-latn", "sr", "en"]
LIST = "/en/staff/problems/"
NEW = "/en/staff/problems/new/"


@pytest.fixture(autouse=True)
def _fresh(db):
    categories_seed()
    SectorPriority.objects.all().delete()
    Problem.objects.all().delete()


def open_problem(title="Speeding past the primary school", code="PRZ-01", **fields):
    fields.setdefault("by", user("officer" if code == "PRZ-01" else "directorate"))
    fields.setdefault("scanning", "Cars at 70 km/h at 8:00.")
    return problem_open(sector=sector(code), title=title, **fields)


def as_user(username: str) -> Client:
    return sign_in(Client(), user(username))


def html(response) -> str:
    return response.content.decode()


def detail(problem) -> str:
    return f"/en/staff/problems/{problem.pk}/"


def record(problem, **changes):
    fields = {
        "title": problem.title,
        "scanning": problem.scanning,
        "analysis": problem.analysis,
        "assessment": problem.assessment,
        "measured_how": problem.measured_how,
        "result": problem.result,
    }
    fields.update(changes)
    return problem_update(problem=problem, by=user("officer"), **fields)


def edit_data(problem, **changes) -> dict:
    data = {
        "title": problem.title,
        "scanning": problem.scanning,
        "concerns": "",
        "analysis": problem.analysis,
        "assessment": problem.assessment,
        "measured_how": problem.measured_how,
        "result": problem.result,
    }
    data.update(changes)
    return {f"edit-{name}": value for name, value in data.items()}


# Who may come in


def test_anonymous_visitors_are_sent_to_sign_in():
    problem = open_problem()
    for path in (LIST, NEW, detail(problem)):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


@pytest.mark.parametrize("username", ["clerk", "admin"])
def test_users_without_sectors_are_refused(username):
    problem = open_problem()
    client = as_user(username)
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.get(detail(problem)).status_code == 403


def test_a_user_without_a_role_is_refused():
    client = sign_in(Client(), make_person("no_role"))
    assert client.get(LIST).status_code == 403


def test_a_problem_outside_the_scope_is_403_and_an_unknown_one_404():
    elsewhere = open_problem("Theft from cars", code="PEJ-01")
    assert as_user("officer").get(detail(elsewhere)).status_code == 403
    assert as_user("officer").get("/en/staff/problems/999999/").status_code == 404


# The list


def test_the_list_shows_the_open_problems_of_the_scope_per_station():
    open_problem()
    open_problem("Burglaries in Zhur", code="PRZ-10", by=user("commander"))
    open_problem("Theft from cars", code="PEJ-01")
    page = html(as_user("commander").get(LIST))
    assert 'id="station-PRZ"' in page and 'id="station-PRZ-ZH"' in page
    assert page.index('id="station-PRZ"') < page.index("Speeding past")
    assert page.index('id="station-PRZ-ZH"') < page.index("Burglaries in Zhur")
    assert "Theft from cars" not in page
    officer = html(as_user("officer").get(LIST))
    assert "Speeding past" in officer and "Burglaries in Zhur" not in officer
    director = html(as_user("director").get(LIST))
    assert "Theft from cars" in director


def test_closed_problems_are_listed_only_when_asked():
    problem = open_problem("Noise from the market")
    problem = problem_advance(problem=problem, to="analysis", by=user("officer"))
    problem = record(problem, analysis="Why.")
    problem = problem_advance(problem=problem, to="response", by=user("officer"))
    problem_action_add(problem=problem, by=user("officer"), description="x", owner="y")
    problem = problem_advance(problem=problem, to="assessment", by=user("officer"))
    problem = record(
        problem, assessment="Yes.", measured_how="Counts.", result="worked"
    )
    problem_advance(problem=problem, to="closed", by=user("officer"))
    open_problem()
    client = as_user("officer")
    page = html(client.get(LIST))
    assert "Noise from the market" not in page and "Speeding past" in page
    page = html(client.get(LIST + "?stage=closed"))
    assert "Noise from the market" in page and "Speeding past" not in page
    page = html(client.get(LIST + "?stage=all"))
    assert "Noise from the market" in page and "Speeding past" in page


def test_the_list_filters_by_station_sector_and_stage():
    open_problem()
    open_problem("Burglaries in Zhur", code="PRZ-10", by=user("commander"))
    client = as_user("commander")
    page = html(client.get(LIST + "?station=PRZ-ZH"))
    assert "Burglaries in Zhur" in page and "Speeding past" not in page
    page = html(client.get(LIST + "?sector=PRZ-01&stage=scanning"))
    assert "Speeding past" in page and "Burglaries in Zhur" not in page
    page = html(client.get(LIST + "?stage=analysis"))
    assert "No problem matches." in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?station=PEJ", "That choice is not one of the available choices."),
        ("?sector=PEJ-01", "That choice is not one of the available choices."),
        ("?stage=someday", "someday is not one of the available choices."),
    ],
)
def test_a_filter_outside_the_scope_or_unknown_is_400(query, message):
    response = as_user("officer").get(LIST + query)
    assert response.status_code == 400
    assert f"Select a valid choice. {message}" in html(response)


# Opening


def test_an_officer_opens_a_problem_with_the_form():
    concern = raise_concern()
    client = as_user("officer")
    assert client.get(NEW + "?sector=prz-01").status_code == 200
    response = client.post(
        NEW,
        {
            "sector": "PRZ-01",
            "title": "Speeding past the primary school",
            "scanning": "Cars at 70 km/h at 8:00.",
            "concerns": concern.tracking_code,
        },
    )
    problem = Problem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == detail(problem)
    assert problem.stage == "scanning"
    assert list(problem.concerns.all()) == [concern]
    page = html(client.get(response["Location"]))
    assert f"Problem {problem.pk} is open, at the scanning stage." in page
    assert f'href="/en/staff/concerns/{concern.tracking_code}/"' in page


def test_opening_with_bad_input_is_400_with_the_services_words():
    elsewhere = raise_concern("PRZ-02")
    response = as_user("officer").post(
        NEW,
        {
            "sector": "PRZ-01",
            "title": "",
            "scanning": " ",
            "concerns": elsewhere.tracking_code,
        },
    )
    assert response.status_code == 400
    page = html(response)
    assert "Give the problem a short title." in page
    assert "Say what was observed." in page
    assert f"Concern {elsewhere.tracking_code} is not of sector PRZ-01." in page
    assert not Problem.objects.exists()


def test_a_sector_one_does_not_act_in_is_not_offered():
    response = as_user("officer").post(
        NEW, {"sector": "PRZ-02", "title": "x", "scanning": "y"}
    )
    assert response.status_code == 400
    assert (
        "Select a valid choice. That choice is not one of the available choices."
        in html(response)
    )


def test_readers_cannot_open_a_problem():
    assert as_user("coordinator").get(NEW).status_code == 403
    response = as_user("coordinator").post(
        NEW, {"sector": "PRZ-01", "title": "x", "scanning": "y"}
    )
    assert response.status_code == 403
    assert not Problem.objects.exists()


# The record and its steps


def test_the_record_shows_the_four_sections_and_the_forms():
    problem = open_problem()
    page = html(as_user("officer").get(detail(problem)))
    for heading in ("Scanning", "Analysis", "Response", "Assessment"):
        assert f">{heading}</h2>" in page
    for form in ("advance", "edit", "add", "publish"):
        assert f'id="{form}"' in page
    assert "Move on to: analysis" in page


def test_readers_see_the_record_without_forms():
    problem = open_problem()
    page = html(as_user("coordinator").get(detail(problem)))
    assert "Speeding past the primary school" in page
    for form in ("advance", "edit", "add", "publish"):
        assert f'id="{form}"' not in page


def test_only_concerns_in_the_users_scope_are_linked_on_the_record():
    concern = raise_concern()
    problem = open_problem(concerns=[concern.pk])
    page = html(as_user("coordinator").get(detail(problem)))
    assert f'href="/en/staff/concerns/{concern.tracking_code}/"' in page


def test_a_problem_is_worked_through_sara_from_its_page():
    problem = open_problem()
    client = as_user("officer")
    url = detail(problem)

    assert client.post(url + "advance/", {"advance-to": "analysis"}).status_code == 302
    response = client.post(url + "advance/", {"advance-to": "response"})
    assert response.status_code == 400
    assert "Write the analysis before moving on to the response." in html(response)

    response = client.post(
        url + "edit/", edit_data(problem, analysis="Drivers cut through.")
    )
    assert response.status_code == 302
    assert client.post(url + "advance/", {"advance-to": "response"}).status_code == 302

    response = client.post(url + "advance/", {"advance-to": "assessment"})
    assert response.status_code == 400
    assert "Add at least one action before moving on to the assessment." in html(
        response
    )
    due = (clock.today() + datetime.timedelta(days=7)).isoformat()
    response = client.post(
        url + "actions/",
        {
            "add-description": "Speed checks at school time",
            "add-owner": "Traffic unit",
            "add-partner": "Municipality",
            "add-due_date": due,
            "add-status": "planned",
        },
    )
    assert response.status_code == 302
    action = ProblemAction.objects.get()
    response = client.post(
        url + f"actions/{action.pk}/",
        {
            f"action-{action.pk}-description": "Speed checks at school time",
            f"action-{action.pk}-owner": "Traffic unit",
            f"action-{action.pk}-partner": "Municipality",
            f"action-{action.pk}-due_date": due,
            f"action-{action.pk}-status": "done",
        },
    )
    assert response.status_code == 302
    assert (
        client.post(url + "advance/", {"advance-to": "assessment"}).status_code == 302
    )

    response = client.post(url + "advance/", {"advance-to": "closed"})
    assert response.status_code == 400
    page = html(response)
    assert "Write the assessment (did it work?) before closing the problem." in page
    assert "Say how the result was measured before closing the problem." in page
    assert "Choose the result before closing the problem." in page

    problem.refresh_from_db()
    response = client.post(
        url + "edit/",
        edit_data(
            problem,
            assessment="Near misses stopped.",
            measured_how="Speed readings before and after.",
            result="worked",
        ),
    )
    assert response.status_code == 302
    response = client.post(url + "advance/", {"advance-to": "closed"}, follow=True)
    assert "The problem is closed." in html(response)
    problem.refresh_from_db()
    action.refresh_from_db()
    assert problem.stage == "closed"
    assert problem.closed_on == clock.today()
    assert problem.analysis == "Drivers cut through."
    assert action.status == "done"
    page = html(response)
    assert 'id="advance"' not in page and 'id="edit"' not in page


def test_bad_action_input_is_400_with_the_message():
    problem = open_problem()
    response = as_user("officer").post(
        detail(problem) + "actions/",
        {"add-description": "Speed checks", "add-owner": "", "add-status": "planned"},
    )
    assert response.status_code == 400
    assert "Say who answers for it." in html(response)
    assert not ProblemAction.objects.exists()


def test_an_action_of_another_problem_is_404():
    problem, other = open_problem(), open_problem("Other")
    action = problem_action_add(
        problem=other, by=user("officer"), description="x", owner="y"
    )
    response = as_user("officer").post(detail(problem) + f"actions/{action.pk}/", {})
    assert response.status_code == 404


def test_a_closed_problem_refuses_changes_with_the_reason():
    problem = open_problem()
    Problem.objects.filter(pk=problem.pk).update(stage="closed")
    response = as_user("officer").post(
        detail(problem) + "edit/", edit_data(problem, analysis="More.")
    )
    assert response.status_code == 400
    assert "This problem is closed; it no longer changes." in html(response)


@pytest.mark.parametrize("step", ["edit/", "advance/", "actions/", "publish/"])
def test_only_those_who_act_in_the_sector_work_a_problem(step):
    problem = open_problem()
    for username in ("coordinator", "director"):
        assert as_user(username).post(detail(problem) + step, {}).status_code == 403
    elsewhere = open_problem("Theft from cars", code="PEJ-01")
    assert as_user("officer").post(detail(elsewhere) + step, {}).status_code == 403


@pytest.mark.parametrize("step", ["edit/", "advance/", "actions/", "publish/"])
def test_steps_take_only_posts(step):
    problem = open_problem()
    assert as_user("officer").get(detail(problem) + step).status_code == 405


# Publishing as a priority


def test_a_problem_becomes_a_public_priority_of_its_sector(client):
    concern = raise_concern(
        is_anonymous=False,
        reporter_name="Drita Berisha",
        reporter_email="drita.berisha@example.org",
        consent_to_contact=True,
    )
    problem = open_problem(concerns=[concern.pk])
    staff = as_user("officer")
    response = staff.post(
        detail(problem) + "publish/",
        {
            "publish-issue": "Speeding near the primary school at school time.",
            "publish-issue_date": clock.today().isoformat(),
        },
    )
    assert response.status_code == 302
    priority = SectorPriority.objects.get()
    assert priority.problem == problem
    assert list(priority.concerns.all()) == [concern]
    page = html(staff.get(detail(problem)))
    assert "The problem is now a priority on the public page of sector PRZ-01." in page
    assert f'href="/en/staff/priorities/{priority.pk}/"' in page
    assert 'id="publish"' not in page

    public = html(client.get("/en/sectors/PRZ-01/"))
    assert "Speeding near the primary school at school time." in public
    assert "raised in 1 concern" in public
    assert "Speeding past the primary school" not in public  # the staff title
    assert concern.tracking_code not in public
    assert "Drita Berisha" not in public

    response = staff.post(
        detail(problem) + "publish/",
        {"publish-issue": "Again.", "publish-issue_date": clock.today().isoformat()},
    )
    assert response.status_code == 400
    assert "This problem is already a current priority of sector PRZ-01." in html(
        response
    )
    assert SectorPriority.objects.count() == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pages_open_in_each_language(language):
    problem = open_problem()
    client = as_user("officer")
    for path, shows_problem in (
        (f"/{language}/staff/problems/", True),
        (f"/{language}/staff/problems/new/", False),
        (f"/{language}/staff/problems/{problem.pk}/", True),
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert f'lang="{language}"' in html(response)
        if shows_problem:
            assert "Speeding past the primary school" in html(response)
