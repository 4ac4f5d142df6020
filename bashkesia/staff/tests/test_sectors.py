"""The sector workspace: assigning and unassigning officers (seen on the public
page at once, and in the audit trail), and commanders' change proposals."""

import datetime

from django.contrib.contenttypes.models import ContentType

from bashkesia.accounts.models import Role
from bashkesia.core import clock
from bashkesia.core.models import AuditEntry
from bashkesia.officers.models import SectorAssignment
from bashkesia.officers.services import assignment_start
from bashkesia.officers.tests.factories import OfficerFactory
from bashkesia.staff.models import SectorChangeProposal
from bashkesia.territory.models import Sector, Station

from .conftest import current_officer_of, says

WORKSPACE = "/en/staff/sectors/PRZ-01/"
PUBLIC = "/en/sectors/PRZ-01/"


def assign(client, officer, *, code="PRZ-01", kind="sector_officer", start=None):
    return client.post(
        f"/en/staff/sectors/{code}/assign/",
        {
            "officer": officer.badge_number if officer else "",
            "kind": kind,
            "start_date": (start or clock.today()).isoformat(),
        },
    )


def test_the_workspace_shows_facts_officers_and_history(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    html = client.get(WORKSPACE).content.decode()
    sector = Sector.objects.get(code="PRZ-01")
    assert "Police sector PRZ-01" in html
    assert sector.station.name_en in html
    assert current_officer_of("PRZ-01").badge_number in html
    assert "Assignment history" in html
    assert "Assign an officer" not in html
    assert "End assignment" not in html
    assert "Propose a change to this sector" not in html


def test_a_leader_sees_the_assign_form_with_officers_to_choose(client_as):
    html = client_as(Role.SECTOR_LEADER).get(WORKSPACE).content.decode()
    assert "Assign an officer" in html
    assert f'<option value="{current_officer_of("PRZ-01").badge_number}">' in html
    assert f'value="{clock.today().isoformat()}"' in html  # today by default


def test_a_commander_assigns_an_officer_who_shows_on_the_public_page_at_once(
    client_as,
):
    client = client_as(Role.STATION_COMMANDER)
    officer = OfficerFactory(station=Station.objects.get(code="PRZ"))
    assert officer.last_name not in client.get(PUBLIC).content.decode()  # cached

    response = assign(client, officer)

    assert response.status_code == 302
    assert response["Location"] == WORKSPACE
    assert officer.last_name in client.get(PUBLIC).content.decode()
    assignment = SectorAssignment.objects.get(officer=officer)
    assert (assignment.sector.code, assignment.start_date) == ("PRZ-01", clock.today())
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(SectorAssignment),
        object_id=str(assignment.pk),
    )
    assert (entry.action, entry.actor) == ("create", client.user)


def test_ending_an_assignment_takes_the_officer_off_the_public_page(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    officer = OfficerFactory(station=Station.objects.get(code="PRZ"))
    assignment = assignment_start(
        officer=officer,
        sector=Sector.objects.get(code="PRZ-01"),
        start_date=clock.today() - datetime.timedelta(days=10),
    )
    assert officer.last_name in client.get(PUBLIC).content.decode()
    yesterday = clock.today() - datetime.timedelta(days=1)

    response = client.post(
        f"{WORKSPACE}assignments/{assignment.pk}/end/",
        {f"end-{assignment.pk}-end_date": yesterday.isoformat()},
    )

    assert response.status_code == 302
    assert officer.last_name not in client.get(PUBLIC).content.decode()
    assignment.refresh_from_db()
    assert assignment.end_date == yesterday
    history = client.get(WORKSPACE).content.decode()
    assert officer.display_name in history  # kept as history
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SectorAssignment),
        object_id=str(assignment.pk),
        action="update",
    ).get()
    assert entry.actor == client.user
    assert entry.changes == {"end_date": [None, yesterday.isoformat()]}


def test_an_assignment_cannot_end_before_it_starts(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    assignment = assignment_start(
        officer=OfficerFactory(), sector=Sector.objects.get(code="PRZ-01")
    )
    day_before = clock.today() - datetime.timedelta(days=1)
    response = client.post(
        f"{WORKSPACE}assignments/{assignment.pk}/end/",
        {f"end-{assignment.pk}-end_date": day_before.isoformat()},
    )
    assert response.status_code == 400
    assert "An assignment cannot end before it starts." in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.end_date is None


def test_an_end_date_that_is_not_a_date_is_refused(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    assignment = assignment_start(
        officer=OfficerFactory(), sector=Sector.objects.get(code="PRZ-01")
    )
    response = client.post(
        f"{WORKSPACE}assignments/{assignment.pk}/end/",
        {f"end-{assignment.pk}-end_date": "31.02.2026"},
    )
    assert response.status_code == 400
    assert "Enter a valid date." in response.content.decode()


def test_an_assignment_of_another_sector_is_not_found_here(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    other = SectorAssignment.objects.filter(sector__code="PRZ-02").first()
    response = client.post(
        f"{WORKSPACE}assignments/{other.pk}/end/",
        {f"end-{other.pk}-end_date": clock.today().isoformat()},
    )
    assert response.status_code == 404


def test_a_leader_cannot_assign_an_officer_outside_their_scope(client_as):
    client = client_as(Role.SECTOR_LEADER)
    outsider = current_officer_of("PEJ-01")
    response = assign(client, outsider)
    assert response.status_code == 400
    assert (
        f"No officer you may assign has the badge number {outsider.badge_number}."
        in response.content.decode()
    )
    assert not outsider.assignments.filter(sector__code="PRZ-01").exists()


def test_a_commander_cannot_assign_an_officer_of_another_station(client_as):
    client = client_as(Role.STATION_COMMANDER)
    outsider = OfficerFactory(station=Station.objects.get(code="SUH"))
    response = assign(client, outsider)
    assert response.status_code == 400
    assert (
        f"No officer you may assign has the badge number {outsider.badge_number}."
        in response.content.decode()
    )


def test_an_overlapping_assignment_is_refused_with_the_reason(client_as):
    client = client_as(Role.STATION_COMMANDER)
    officer = current_officer_of("PRZ-01")
    response = assign(client, officer)
    assert response.status_code == 400
    assert (
        f"{officer.full_name} is already assigned to sector PRZ-01 then."
        in response.content.decode()
    )


def test_the_badge_number_may_be_typed_in_any_case(client_as):
    client = client_as(Role.STATION_COMMANDER)
    officer = OfficerFactory(station=Station.objects.get(code="PRZ"))
    response = client.post(
        "/en/staff/sectors/PRZ-01/assign/",
        {
            "officer": f"  {officer.badge_number.lower()} ",
            "kind": "sector_leader",
            "start_date": clock.today().isoformat(),
        },
    )
    assert response.status_code == 302
    assert officer.assignments.get().kind == "sector_leader"


def test_an_empty_assign_form_is_refused(client_as):
    response = assign(client_as(Role.STATION_COMMANDER), None)
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_commander_proposes_a_change_that_the_directorate_sees(client_as):
    commander = client_as(Role.STATION_COMMANDER)
    response = commander.post(
        "/en/staff/sectors/PRZ-02/propose/",
        {"text": "  Move the boundary to the Bistrica river.  "},
    )
    assert response.status_code == 302
    proposal = SectorChangeProposal.objects.get()
    assert (proposal.sector.code, proposal.proposed_by, proposal.status) == (
        "PRZ-02",
        commander.user,
        "open",
    )
    assert proposal.text == "Move the boundary to the Bistrica river."
    dashboard = client_as(Role.DIRECTORATE_STAFF).get("/en/staff/").content.decode()
    assert "Move the boundary to the Bistrica river." in dashboard


def test_an_empty_proposal_is_refused(client_as):
    response = client_as(Role.STATION_COMMANDER).post(
        "/en/staff/sectors/PRZ-02/propose/", {"text": "   "}
    )
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not SectorChangeProposal.objects.exists()


def test_an_unknown_sector_is_not_found(client_as):
    response = client_as(Role.DIRECTORATE_STAFF).get("/en/staff/sectors/XXX-99/")
    assert response.status_code == 404


def test_the_sector_list_holds_only_the_commander_s_sectors(client_as):
    html = client_as(Role.STATION_COMMANDER).get("/en/staff/sectors/").content.decode()
    assert says(html, "12 sectors")
    assert "/en/staff/sectors/PRZ-10/" in html
    assert "/en/staff/sectors/SUH-01/" not in html


def test_the_sector_list_searches_codes(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    html = client.get("/en/staff/sectors/", {"q": "pej-0"}).content.decode()
    assert "/en/staff/sectors/PEJ-01/" in html
    assert "/en/staff/sectors/PRZ-01/" not in html


def test_an_assignment_that_has_ended_cannot_be_ended_again(client_as):
    client = client_as(Role.DIRECTORATE_STAFF)
    ended = assignment_start(
        officer=OfficerFactory(),
        sector=Sector.objects.get(code="PRZ-01"),
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2021, 1, 1),
    )
    response = client.post(
        f"{WORKSPACE}assignments/{ended.pk}/end/",
        {f"end-{ended.pk}-end_date": clock.today().isoformat()},
    )
    assert response.status_code == 400
    assert "This assignment has ended already." in response.content.decode()
    ended.refresh_from_db()
    assert ended.end_date == datetime.date(2021, 1, 1)
