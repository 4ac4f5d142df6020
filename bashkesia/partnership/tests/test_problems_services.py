"""Problem-solving (SARA): opened by those who act in the sector, moved one
stage at a time once the stage it leaves has its content, made a public
priority of its sector.

Demo sign-ins as in test_priorities_services.
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bashkesia.concerns.categories import categories_seed
from bashkesia.core import clock
from bashkesia.partnership.models import Problem, ProblemAction, SectorPriority
from bashkesia.partnership.services.problems import (
    problem_action_add,
    problem_action_update,
    problem_advance,
    problem_open,
    problem_publish_priority,
    problem_update,
)

from .test_priorities_services import raise_concern, refusal, sector, user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh(db):
    """Concern categories, and no priority or problem (whatever the demo data
    holds)."""
    categories_seed()
    SectorPriority.objects.all().delete()
    Problem.objects.all().delete()


def open_problem(**changes) -> Problem:
    fields = {
        "sector": sector("PRZ-01"),
        "title": "Speeding past the primary school",
        "scanning": "Cars at 70 km/h at 8:00; three near misses in a month.",
        "by": user("officer"),
    }
    fields.update(changes)
    return problem_open(**fields)


def record(problem: Problem, **changes) -> Problem:
    """Write the problem's record, keeping what is not in ``changes``."""
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


def add_action(problem: Problem, **changes) -> ProblemAction:
    fields = {
        "description": "Speed checks at school time",
        "owner": "Traffic unit, Prizren",
        "partner": "Municipality of Prizren",
        "due_date": clock.today() + datetime.timedelta(days=14),
    }
    fields.update(changes)
    return problem_action_add(problem=problem, by=user("officer"), **fields)


def advance(problem: Problem, to: str, by: str = "officer") -> Problem:
    return problem_advance(problem=problem, to=to, by=user(by))


# Opening


def test_an_officer_opens_a_problem_of_their_sector_at_scanning():
    concern = raise_concern()
    problem = open_problem(concerns=[concern.tracking_code])
    problem.refresh_from_db()
    assert problem.stage == Problem.Stage.SCANNING
    assert problem.sector.code == "PRZ-01"
    assert problem.station.code == "PRZ"
    assert problem.opened_by == user("officer")
    assert problem.title == "Speeding past the primary school"
    assert list(problem.concerns.all()) == [concern]


def test_a_problem_of_a_substations_sector_belongs_to_the_substation():
    problem = open_problem(sector=sector("PRZ-10"), by=user("commander"))
    assert problem.station.code == "PRZ-ZH"


@pytest.mark.parametrize(
    ("username", "code"),
    [("officer", "PRZ-02"), ("coordinator", "PRZ-01"), ("director", "PRZ-01")],
)
def test_only_those_who_act_in_the_sector_open_a_problem(username, code):
    with pytest.raises(PermissionDenied) as error:
        open_problem(sector=sector(code), by=user(username))
    assert str(error.value) == f"You cannot work on the problems of sector {code}."
    assert not Problem.objects.exists()


def test_a_problem_needs_a_title_what_was_observed_and_its_sectors_concerns():
    elsewhere = raise_concern("PRZ-02")
    with pytest.raises(ValidationError) as error:
        open_problem(title=" ", scanning="", concerns=[elsewhere.tracking_code])
    assert refusal(error) == {
        "title": ["Give the problem a short title."],
        "scanning": ["Say what was observed."],
        "concerns": [f"Concern {elsewhere.tracking_code} is not of sector PRZ-01."],
    }
    assert not Problem.objects.exists()


def test_a_title_longer_than_200_characters_is_refused():
    with pytest.raises(ValidationError) as error:
        open_problem(title="x" * 201)
    assert refusal(error) == {"title": ["Write at most 200 characters (this has 201)."]}


# The record


def test_the_record_is_written_and_concerns_replaced():
    first, second = raise_concern(), raise_concern()
    problem = open_problem(concerns=[first.pk])
    problem = problem_update(
        problem=problem,
        by=user("leader"),
        title="Speeding at the school",
        scanning="Cars at 70 km/h.",
        analysis="<i>Drivers</i> cut through to avoid the lights.",
        assessment="",
        measured_how="",
        result="",
        concerns=[second.tracking_code],
    )
    problem.refresh_from_db()
    assert problem.title == "Speeding at the school"
    assert problem.analysis == "Drivers cut through to avoid the lights."
    assert list(problem.concerns.all()) == [second]
    # Without ``concerns``, they stay.
    record(problem, analysis="Drivers avoid the lights.")
    assert list(problem.concerns.all()) == [second]


def test_the_record_keeps_what_was_observed_and_a_known_result():
    problem = open_problem()
    with pytest.raises(ValidationError) as error:
        record(problem, scanning="", result="maybe")
    assert refusal(error) == {
        "scanning": ["Say what was observed."],
        "result": ["Choose one of the results offered."],
    }


def test_readers_cannot_write_a_problem():
    problem = open_problem()
    with pytest.raises(PermissionDenied) as error:
        problem_update(
            problem=problem,
            by=user("coordinator"),
            title="x",
            scanning="x",
            analysis="",
            assessment="",
            measured_how="",
            result="",
        )
    assert str(error.value) == "You cannot work on the problems of sector PRZ-01."


# The stages


def test_a_problem_goes_through_scanning_analysis_response_assessment():
    problem = open_problem()
    problem = advance(problem, "analysis")
    assert problem.stage == Problem.Stage.ANALYSIS
    problem = record(problem, analysis="Drivers cut through to avoid the lights.")
    problem = advance(problem, "response", by="leader")
    assert problem.stage == Problem.Stage.RESPONSE
    add_action(problem)
    problem = advance(problem, "assessment", by="commander")
    assert problem.stage == Problem.Stage.ASSESSMENT
    problem = record(
        problem,
        assessment="Near misses stopped; speeds fell.",
        measured_how="Speed gun readings a month before and after.",
        result=Problem.Result.WORKED,
    )
    problem = advance(problem, "closed")
    problem.refresh_from_db()
    assert problem.stage == Problem.Stage.CLOSED
    assert problem.closed_on == clock.today()


def test_the_response_waits_for_the_analysis():
    problem = advance(open_problem(), "analysis")
    with pytest.raises(ValidationError) as error:
        advance(problem, "response")
    assert refusal(error) == {
        "analysis": ["Write the analysis before moving on to the response."]
    }
    assert Problem.objects.get().stage == "analysis"


def test_the_assessment_waits_for_an_action():
    problem = advance(open_problem(), "analysis")
    problem = advance(record(problem, analysis="Why it happens."), "response")
    with pytest.raises(ValidationError) as error:
        advance(problem, "assessment")
    assert refusal(error) == {
        "actions": ["Add at least one action before moving on to the assessment."]
    }


def test_closing_waits_for_the_assessment_its_measure_and_result():
    problem = advance(open_problem(), "analysis")
    problem = advance(record(problem, analysis="Why it happens."), "response")
    add_action(problem)
    problem = advance(problem, "assessment")
    with pytest.raises(ValidationError) as error:
        advance(problem, "closed")
    assert refusal(error) == {
        "assessment": [
            "Write the assessment (did it work?) before closing the problem."
        ],
        "measured_how": ["Say how the result was measured before closing the problem."],
        "result": ["Choose the result before closing the problem."],
    }
    assert Problem.objects.get().closed_on is None


@pytest.mark.parametrize("to", ["scanning", "response", "assessment", "closed"])
def test_a_stage_is_never_skipped_or_repeated(to):
    problem = open_problem()
    with pytest.raises(ValidationError) as error:
        advance(problem, to)
    assert refusal(error) == {
        "to": ["A problem at the “scanning” stage moves on to “analysis” only."]
    }


def test_a_closed_problem_no_longer_changes():
    problem = advance(open_problem(), "analysis")
    problem = advance(record(problem, analysis="Why it happens."), "response")
    action = add_action(problem)
    problem = advance(problem, "assessment")
    problem = record(
        problem, assessment="It worked.", measured_how="Counts.", result="worked"
    )
    problem = advance(problem, "closed")
    message = ["This problem is closed; it no longer changes."]
    attempts = [
        lambda: record(problem, analysis="Again"),
        lambda: advance(problem, "closed"),
        lambda: add_action(problem),
        lambda: problem_action_update(
            action=action,
            by=user("officer"),
            description="x",
            owner="y",
            partner="",
            due_date=None,
            status="done",
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert error.value.messages == message
    with pytest.raises(ValidationError) as error:
        problem_publish_priority(
            problem=problem, by=user("officer"), issue="x", issue_date=clock.today()
        )
    assert error.value.messages == ["A closed problem cannot become a new priority."]


# Actions


def test_an_action_has_an_owner_a_partner_a_due_date_and_a_status():
    problem = open_problem()
    action = add_action(problem)
    action.refresh_from_db()
    assert action.problem == problem
    assert action.description == "Speed checks at school time"
    assert action.owner == "Traffic unit, Prizren"
    assert action.partner == "Municipality of Prizren"
    assert action.status == ProblemAction.Status.PLANNED
    changed = problem_action_update(
        action=action,
        by=user("leader"),
        description="Speed checks at school time",
        owner="Traffic unit, Prizren",
        partner="",
        due_date=None,
        status="done",
    )
    changed.refresh_from_db()
    assert changed.status == "done"
    assert changed.partner == "" and changed.due_date is None


def test_an_action_needs_a_description_an_owner_and_a_known_status():
    problem = open_problem()
    with pytest.raises(ValidationError) as error:
        add_action(problem, description="", owner=" ", status="someday")
    assert refusal(error) == {
        "description": ["Say what is to be done."],
        "owner": ["Say who answers for it."],
        "status": ["Choose one of the statuses offered."],
    }
    assert not ProblemAction.objects.exists()


def test_readers_cannot_add_actions():
    problem = open_problem()
    with pytest.raises(PermissionDenied):
        problem_action_add(
            problem=problem, by=user("director"), description="x", owner="y"
        )


# Publishing as a priority


def test_a_problem_becomes_a_current_priority_with_its_concerns():
    first, second = raise_concern(), raise_concern()
    problem = open_problem(concerns=[first.pk, second.pk])
    priority = problem_publish_priority(
        problem=problem,
        by=user("officer"),
        issue="Speeding near the primary school.",
        issue_date=clock.today(),
    )
    priority.refresh_from_db()
    assert priority.status == SectorPriority.Status.CURRENT
    assert priority.sector.code == "PRZ-01"
    assert priority.problem == problem
    assert priority.issue == "Speeding near the primary school."
    assert priority.created_by == user("officer")
    assert set(priority.concerns.all()) == {first, second}


def test_a_problem_is_a_current_priority_once():
    problem = open_problem()
    problem_publish_priority(
        problem=problem, by=user("officer"), issue="Speeding.", issue_date=clock.today()
    )
    with pytest.raises(ValidationError) as error:
        problem_publish_priority(
            problem=problem,
            by=user("officer"),
            issue="Again.",
            issue_date=clock.today(),
        )
    assert error.value.messages == [
        "This problem is already a current priority of sector PRZ-01."
    ]
    assert SectorPriority.objects.count() == 1


def test_publishing_checks_the_issue_like_any_priority():
    problem = open_problem()
    with pytest.raises(ValidationError) as error:
        problem_publish_priority(
            problem=problem,
            by=user("officer"),
            issue="",
            issue_date=clock.today() + datetime.timedelta(days=1),
        )
    assert refusal(error) == {
        "issue": ["Say what the community asked the police to tackle."],
        "issue_date": ["The issue date cannot be in the future."],
    }


def test_readers_cannot_publish_a_problem():
    problem = open_problem()
    with pytest.raises(PermissionDenied):
        problem_publish_priority(
            problem=problem, by=user("coordinator"), issue="x", issue_date=clock.today()
        )
    assert not SectorPriority.objects.exists()
