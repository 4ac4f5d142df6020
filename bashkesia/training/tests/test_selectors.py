"""The figures of trained forum members, counted by hand: the strategy's
indicator and the public page's tables."""

import datetime

import pytest

from bashkesia.partnership.models import ForumStatus
from bashkesia.training import selectors, services
from bashkesia.training.models import TrainingSession

from .helpers import course, finished, forum_with_members, session, trainer

pytestmark = pytest.mark.django_db


def test_forum_members_trained_counts_distinct_members_by_the_sessions_last_day():
    sara, cp = course(), course(code="CP-101")
    forum, members = forum_with_members(3)
    first = session(sara, capacity=5)
    finished(first, members[:2])  # ends 30 days ago (moved back)
    second = session(cp, capacity=5)
    finished(second, members[:1] + members[2:])  # the same member again
    enrolled_only = session(course(code="X-1"))
    services.enrolment_create(
        session=enrolled_only, membership=members[1], by=trainer()
    )
    end = first.ends_on
    assert selectors.forum_members_trained(start=end, end=end) == 3
    assert (
        selectors.forum_members_trained(
            start=end + datetime.timedelta(days=1), end=end + datetime.timedelta(days=9)
        )
        == 0
    )
    assert (
        selectors.forum_members_trained(
            start=end - datetime.timedelta(days=400), end=end
        )
        == 3
    )


def test_the_public_figures_count_per_forum_and_municipality_and_hide_names():
    sara = course()
    arbana, arbana_members = forum_with_members(3, name="Arbana")
    tusus, tusus_members = forum_with_members(2, name="Tusus")
    hidden, hidden_members = forum_with_members(1, name="Hidden")
    planned = session(sara, capacity=10)
    finished(planned, arbana_members[:2] + tusus_members[:1] + hidden_members)
    # A forum the public does not see is not counted.
    hidden.status = ForumStatus.REQUESTED
    hidden.save()
    by_forum = {row.name: row.members for row in selectors.trained_by_forum()}
    assert by_forum == {"KLSP Arbana": 2, "KLSP Tusus": 1}
    (prizren,) = selectors.trained_by_municipality()
    assert (prizren.name, prizren.members) == ("Prizren", 3)
    assert selectors.trained_total() == 3


def test_upcoming_sessions_exclude_past_and_cancelled_and_count_free_places():
    sara = course()
    forum, members = forum_with_members(2)
    soon = session(sara, starts_in=5, capacity=5)
    services.enrolments_create(session=soon, memberships=members, by=trainer())
    later = session(sara, starts_in=40)
    services.session_cancel(
        session=session(sara, starts_in=20), by=trainer(), reason="x"
    )
    session(sara, starts_in=-20)
    today = soon.created_at.date()
    found = list(selectors.session_list_upcoming(start=today))
    assert [s.pk for s in found] == [soon.pk, later.pk]
    assert found[0].free == 3
    assert [
        s.pk
        for s in selectors.session_list_upcoming(
            start=today, end=today + datetime.timedelta(days=10)
        )
    ] == [soon.pk]
    assert TrainingSession.objects.filter(status="cancelled").count() == 1
