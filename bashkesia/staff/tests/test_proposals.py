"""Sector change proposals: the directorate accepts or declines them with an
answer; the commander reads it on the sector and by e-mail."""

import pytest
from django.core import mail

from bashkesia.accounts.models import Role
from bashkesia.staff import services
from bashkesia.staff.models import SectorChangeProposal
from bashkesia.territory.models import Sector

from .conftest import ANONYMOUS, ROLES, STAFF_LANGUAGES

PROPOSALS = "/en/staff/proposals/"


@pytest.fixture
def proposal(client_as):
    commander = client_as(Role.STATION_COMMANDER, "commander_prz")
    commander.user.account.language = "sq"
    commander.user.account.save()
    proposal = services.sector_change_propose(
        sector=Sector.objects.get(code="PRZ-02"),
        proposed_by=commander.user,
        text="Move the boundary to the Bistrica river.",
    )
    proposal.commander = commander
    return proposal


def decide(client, proposal, decision, response=""):
    return client.post(
        f"/en/staff/proposals/{proposal.pk}/decide/",
        {f"p{proposal.pk}-decision": decision, f"p{proposal.pk}-response": response},
    )


@pytest.mark.parametrize("role", ROLES)
def test_only_the_directorate_reads_and_decides_proposals(client_as, proposal, role):
    client = client_as(role)
    response = client.get(PROPOSALS)
    posted = decide(client, proposal, "accept", "Agreed.")
    proposal.refresh_from_db()
    if role == Role.DIRECTORATE_STAFF:
        assert response.status_code == 200
        assert "Move the boundary to the Bistrica river." in response.content.decode()
        assert posted.status_code == 302
        assert proposal.status == "accepted"
    else:
        expected = 302 if role == ANONYMOUS else 403
        assert response.status_code == expected
        assert posted.status_code == expected
        assert proposal.status == "open"


def test_accepting_records_who_and_tells_the_commander_in_their_language(
    client_as, proposal, run_tasks
):
    directorate = client_as(Role.DIRECTORATE_STAFF)
    response = decide(
        directorate, proposal, "accept", "  We redraw it in the admin next week.  "
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.response) == (
        "accepted",
        directorate.user,
        "We redraw it in the admin next week.",
    )
    assert proposal.decided_at is not None
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == [proposal.proposed_by.email]]
    assert "PRZ-02" in message.subject
    assert "pranuar" in message.subject  # Albanian: the commander's language
    assert "We redraw it in the admin next week." in message.body
    assert "/sq/staff/sectors/PRZ-02/" in message.body
    page = proposal.commander.get("/en/staff/sectors/PRZ-02/").content.decode()
    assert "We redraw it in the admin next week." in page
    assert "accepted" in page


def test_declining_needs_a_reason(client_as, proposal):
    directorate = client_as(Role.DIRECTORATE_STAFF)
    response = decide(directorate, proposal, "decline", "   ")
    assert response.status_code == 400
    assert (
        "Say why the proposal is declined: the commander reads it."
        in response.content.decode()
    )
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert decide(directorate, proposal, "decline", "Not now.").status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.response) == ("declined", "Not now.")


def test_a_proposal_is_decided_once(client_as, proposal):
    directorate = client_as(Role.DIRECTORATE_STAFF)
    assert decide(directorate, proposal, "accept").status_code == 302
    response = decide(directorate, proposal, "decline", "Changed my mind.")
    assert response.status_code == 409
    assert "This proposal was already accepted on" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.response) == ("accepted", "")


@pytest.mark.parametrize(
    "data",
    [{}, {"decision": "maybe"}, {"decision": "accept", "response": "x" * 2001}],
)
def test_bad_decisions_are_refused(client_as, proposal, data):
    response = client_as(Role.DIRECTORATE_STAFF).post(
        f"/en/staff/proposals/{proposal.pk}/decide/",
        {f"p{proposal.pk}-{key}": value for key, value in data.items()},
    )
    assert response.status_code == 400
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert not SectorChangeProposal.objects.exclude(decided_at=None).exists()


def test_an_unknown_proposal_is_not_found(client_as):
    response = client_as(Role.DIRECTORATE_STAFF).post(
        "/en/staff/proposals/999999/decide/", {"p999999-decision": "accept"}
    )
    assert response.status_code == 404


def test_the_list_filters_by_status(client_as, proposal):
    directorate = client_as(Role.DIRECTORATE_STAFF)
    decide(directorate, proposal, "decline", "Not now.")
    assert "Bistrica" not in directorate.get(PROPOSALS).content.decode()
    declined = directorate.get(PROPOSALS, {"status": "declined"}).content.decode()
    assert "Bistrica" in declined
    assert "Not now." in declined
    assert directorate.get(PROPOSALS, {"status": "lost"}).status_code == 400


def test_the_dashboard_links_the_proposals(client_as, proposal):
    html = client_as(Role.DIRECTORATE_STAFF).get("/en/staff/").content.decode()
    assert f'href="{PROPOSALS}"' in html


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_the_page_speaks_every_language(client_as, proposal, language):
    response = client_as(Role.DIRECTORATE_STAFF).get(f"/{language}/staff/proposals/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
