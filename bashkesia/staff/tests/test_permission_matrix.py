"""Roles × actions × scope: each role may do exactly what issue 4's table says.

Scope (see conftest): the sector officer serves in PRZ-01, the sector leader
leads PRZ-01, the commander commands PRZ (whose substations are PRZ-ZH and
PRZ-SR), the coordinator coordinates the Prizren region (PZ, which also holds
SUH), the clerk counts for PRZ, the forum secretary keeps the record of the
KKSB of Prizren (its secretary's seat). PEJ is a station of another region.

A permitted read answers 200, a permitted write redirects (302) back into the
back office; anything else is 403 for a signed-in user (400 where the only way
in is a form choice outside their scope) and a redirect to the sign-in page for
an anonymous one.
"""

import datetime
import re
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from bashkesia.accounts.models import Role
from bashkesia.core import clock
from bashkesia.officers.models import Officer
from bashkesia.partnership.models import (
    Forum,
    ForumKind,
    ForumStatus,
    Problem,
    SectorPriority,
)
from bashkesia.partnership.services.meetings import (
    meeting_mark_held,
    meeting_schedule,
)
from bashkesia.territory.models import Sector, Station

from .conftest import (
    ANONYMOUS,
    NO_ROLE,
    OFFICER_ROLES,
    ROLES,
    current_officer_of,
    demo_user,
    prz_kksb,
)

OFFICER = Role.SECTOR_OFFICER
LEADER = Role.SECTOR_LEADER
COMMANDER = Role.STATION_COMMANDER
COORDINATOR = Role.REGIONAL_COORDINATOR
DIRECTORATE = Role.DIRECTORATE_STAFF
DIRECTOR = Role.DIRECTOR_GENERAL
CLERK = Role.STATISTICS_CLERK
SECRETARY = Role.FORUM_SECRETARY
ADMIN = Role.ADMINISTRATOR
STAFF_ROLES = [role for role in ROLES if role not in (NO_ROLE, ANONYMOUS)]
KOSOVO_READERS = {DIRECTORATE, DIRECTOR}


@dataclass
class Action:
    """One thing to try: a request, and the roles allowed to do it."""

    name: str
    allowed: set[str]
    path: str  # may name {own}, {station_officer}, {other_officer}
    data: dict = field(default_factory=dict)  # a POST when given
    roles: list[str] = field(default_factory=lambda: ROLES)
    # Refusals that are not 403: a choice outside the user's scope is bad input.
    refused_with: dict[str, int] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return "post" if self.data else "get"


def profile_data() -> dict:
    return {
        "phone": "+383 38 123 456",
        "email": "",
        "bio_sq": "",
        "bio_sr_latn": "",
        "bio_sr": "",
        "bio_en": "",
    }


def assign_data() -> dict:
    return {
        "officer": "{prz01_officer}",
        "kind": "sector_leader",
        "start_date": "{today}",
    }


def officer_data(station: str) -> dict:
    return {
        "badge_number": "TN0001",
        "rank": "officer",
        "role": "sector_officer",
        "first_name": "Arta",
        "last_name": "Hoxha",
        "station": "{station:" + station + "}",
    }


def decision_data(prefix: str) -> dict:
    return {f"{prefix}-decision": "approve", f"{prefix}-reason": ""}


def meeting_data() -> dict:
    return {
        "schedule-title": "Monthly meeting",
        "schedule-starts_at": "{next_month}",
        "schedule-place": "Salla e Kuvendit Komunal",
        "schedule-is_public": "on",
    }


def problem_action_data() -> dict:
    return {
        "add-description": "Patrol the school road at 7:30.",
        "add-owner": "Sector officers",
        "add-status": "planned",
    }


# Who sees a forum's record at all; the others do not find it (404).
FORUM_STRANGERS = {OFFICER, LEADER, CLERK, ADMIN}
KKSB_STRANGERS = {role: 404 for role in FORUM_STRANGERS}
KLSP_STRANGERS = {role: 404 for role in (*FORUM_STRANGERS, SECRETARY)}


def alert_data(sector: str) -> dict:
    return {
        "sector": sector,
        "kind": "alert",
        "title": "Burglaries at night",
        "body": "Lock doors and windows; call 192 if you see anything.",
        "shown_until": "{today}",
    }


ACTIONS = [
    Action("view the dashboard", set(STAFF_ROLES), "/en/staff/"),
    Action("open the security page", set(STAFF_ROLES), "/en/staff/security/"),
    Action("list the officers in scope", set(STAFF_ROLES), "/en/staff/officers/"),
    Action(
        "view their own sector",
        {OFFICER, LEADER, COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/sectors/PRZ-01/",
    ),
    Action(
        "view another sector of the same station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/sectors/PRZ-02/",
    ),
    Action(
        "view a sector of a substation of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/sectors/PRZ-10/",
    ),
    Action(
        "view a sector of another station of the region",
        {COORDINATOR} | KOSOVO_READERS,
        "/en/staff/sectors/SUH-01/",
    ),
    Action(
        "view a sector of another region",
        KOSOVO_READERS,
        "/en/staff/sectors/PEJ-01/",
    ),
    Action(
        "assign an officer in their own sector",
        {LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/sectors/PRZ-01/assign/",
        assign_data(),
    ),
    Action(
        "assign an officer in another sector of the same station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/sectors/PRZ-02/assign/",
        assign_data(),
    ),
    Action(
        "assign an officer in a sector of another station",
        {DIRECTORATE},
        "/en/staff/sectors/PEJ-01/assign/",
        assign_data(),
    ),
    Action(
        "propose a change to a sector of the station",
        {COMMANDER},
        "/en/staff/sectors/PRZ-02/propose/",
        {"text": "Follow the river, not the road."},
    ),
    Action(
        "open the form for a new officer",
        {COMMANDER, DIRECTORATE},
        "/en/staff/officers/new/",
    ),
    Action(
        "create an officer in their own station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/officers/new/",
        officer_data("PRZ"),
    ),
    Action(
        "create an officer in another station",
        {DIRECTORATE},
        "/en/staff/officers/new/",
        officer_data("PEJ"),
        refused_with={COMMANDER: 400},
    ),
    Action(
        "view an officer of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/officers/{station_officer}/",
    ),
    Action(
        "view an officer of another region",
        KOSOVO_READERS,
        "/en/staff/officers/{other_officer}/",
    ),
    Action(
        "edit their own public profile",
        set(OFFICER_ROLES),
        "/en/staff/officers/{own}/edit/",
        profile_data(),
        roles=OFFICER_ROLES,
    ),
    Action(
        "edit the profile of an officer of the station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/officers/{station_officer}/edit/",
        profile_data(),
    ),
    Action(
        "edit the profile of an officer of another region",
        {DIRECTORATE},
        "/en/staff/officers/{other_officer}/edit/",
        profile_data(),
    ),
    Action(
        "open an officer's account link",
        {DIRECTORATE},
        "/en/staff/officers/{station_officer}/account/",
    ),
    Action(
        "list the alerts of the sectors in scope",
        {OFFICER, LEADER, COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/alerts/",
    ),
    Action(
        "open the form for a new alert",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/alerts/new/",
    ),
    Action(
        "publish an alert to their own sector",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/alerts/new/",
        alert_data("PRZ-01"),
    ),
    Action(
        "publish an alert to another sector of the station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/alerts/new/",
        alert_data("PRZ-02"),
        refused_with={OFFICER: 400, LEADER: 400},
    ),
    Action(
        "publish an alert to a sector of another region",
        {DIRECTORATE},
        "/en/staff/alerts/new/",
        alert_data("PEJ-01"),
        refused_with={OFFICER: 400, LEADER: 400, COMMANDER: 400},
    ),
    # Partnership (issue 6). A forum, priority or problem out of scope is not
    # found (404) rather than refused: its very existence is the station's.
    Action(
        "list the forums in scope",
        {COMMANDER, COORDINATOR, SECRETARY} | KOSOVO_READERS,
        "/en/staff/forums/",
    ),
    Action("open the form to propose a KLSP", {COMMANDER}, "/en/staff/forums/propose/"),
    Action(
        "open the form to set up a KKSB or an EVSB",
        {COMMANDER, DIRECTORATE},
        "/en/staff/forums/new/",
    ),
    Action(
        "open the record of a forum of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/forums/{forum:PRZ-01}/",
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "open the record of a forum of another region",
        KOSOVO_READERS,
        "/en/staff/forums/{forum:PEJ-01}/",
        refused_with={
            role: 404
            for role in (
                OFFICER,
                LEADER,
                COMMANDER,
                COORDINATOR,
                CLERK,
                SECRETARY,
                ADMIN,
            )
        },
    ),
    Action(
        "open the record of the forum whose record they keep",
        {COMMANDER, COORDINATOR, SECRETARY} | KOSOVO_READERS,
        "/en/staff/forums/{kksb}/",
        refused_with=KKSB_STRANGERS,
    ),
    Action(
        "list the meetings of a forum of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/forums/{forum:PRZ-01}/meetings/",
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "edit a forum of the station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/forums/{forum:PRZ-01}/edit/",
        refused_with=KLSP_STRANGERS,
    ),
    # The KLSP chain: the station commander decides on citizens' request,
    # the Director General gives final approval.
    Action(
        "decide on citizens' request for a KLSP in the station",
        {COMMANDER},
        "/en/staff/forums/{request:PRZ-01}/station-decision/",
        decision_data("station"),
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "give a KLSP final approval",
        {DIRECTOR},
        "/en/staff/forums/{awaiting:PRZ-01}/final-decision/",
        decision_data("final"),
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "dissolve a forum of the station",
        {COMMANDER} | KOSOVO_READERS,
        "/en/staff/forums/{forum:PRZ-01}/dissolve/",
        {"dissolve-reason": "Merged with the committee next door."},
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "dissolve the forum whose record they keep",
        {COMMANDER} | KOSOVO_READERS,
        "/en/staff/forums/{kksb}/dissolve/",
        {"dissolve-reason": "A new municipal assembly."},
        refused_with=KKSB_STRANGERS,
    ),
    # A forum's record: its secretary (or chair) keeps it, and the directorate.
    Action(
        "schedule a meeting of the forum whose record they keep",
        {SECRETARY, DIRECTORATE},
        "/en/staff/forums/{kksb}/meetings/",
        meeting_data(),
        refused_with=KKSB_STRANGERS,
    ),
    Action(
        "schedule a meeting of another forum of the station",
        {DIRECTORATE},
        "/en/staff/forums/{forum:PRZ-01}/meetings/",
        meeting_data(),
        refused_with=KLSP_STRANGERS,
    ),
    Action(
        "record the attendance of a meeting of the forum whose record they keep",
        {SECRETARY, DIRECTORATE},
        "/en/staff/meetings/{kksb_meeting}/attendance/",
        {"attendance-citizens_total": "12", "attendance-gender_female": "5"},
        refused_with=KKSB_STRANGERS,
    ),
    Action(
        "draft the minutes of a meeting of the forum whose record they keep",
        {SECRETARY, DIRECTORATE},
        "/en/staff/meetings/{kksb_meeting}/minutes/",
        {"minutes-text": "The council heard the station's security report."},
        refused_with=KKSB_STRANGERS,
    ),
    Action(
        "list the priorities of the sectors in scope",
        {OFFICER, LEADER, COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/priorities/",
    ),
    Action(
        "open the form for a new priority",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/priorities/new/",
    ),
    Action(
        "open a priority of another sector of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/priorities/{priority:PRZ-02}/",
    ),
    Action(
        "change a priority of their own sector",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/priorities/{priority:PRZ-01}/edit/",
        {"edit-issue": "Speeding past the primary school.", "edit-concerns": ""},
    ),
    Action(
        "change a priority of another sector of the station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/priorities/{priority:PRZ-02}/edit/",
        {"edit-issue": "Speeding past the primary school.", "edit-concerns": ""},
    ),
    Action(
        "list the problems in scope",
        {OFFICER, LEADER, COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/problems/",
    ),
    Action(
        "open the form for a new problem",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/problems/new/",
    ),
    Action(
        "open a problem of another sector of the station",
        {COMMANDER, COORDINATOR} | KOSOVO_READERS,
        "/en/staff/problems/{problem:PRZ-02}/",
    ),
    Action(
        "open a problem of another region",
        KOSOVO_READERS,
        "/en/staff/problems/{problem:PEJ-01}/",
    ),
    Action(
        "work a problem of their own sector",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/problems/{problem:PRZ-01}/actions/",
        problem_action_data(),
    ),
    Action(
        "work a problem of another sector of the station",
        {COMMANDER, DIRECTORATE},
        "/en/staff/problems/{problem:PRZ-02}/actions/",
        problem_action_data(),
    ),
    Action(
        "work a problem of another region",
        {DIRECTORATE},
        "/en/staff/problems/{problem:PEJ-01}/actions/",
        problem_action_data(),
    ),
    Action(
        "list the community events of their sectors",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/events/",
    ),
    Action(
        "open the form for a new community event",
        {OFFICER, LEADER, COMMANDER, DIRECTORATE},
        "/en/staff/events/new/",
    ),
    Action("read the audit trail", {DIRECTORATE, ADMIN}, "/en/staff/audit/"),
    Action("list users and roles", {DIRECTORATE, ADMIN}, "/en/staff/users/"),
    Action(
        "create a user",
        {DIRECTORATE, ADMIN},
        "/en/staff/users/new/",
        {"username": "t-newcomer", "email": "t-newcomer@example.org"},
    ),
]


def case_id(action: Action, role: str) -> str:
    verdict = "may" if role in action.allowed else "may-not"
    return f"{role}-{verdict}-{action.name.replace(' ', '-')}"


CASES = [
    pytest.param(action, role, id=case_id(action, role))
    for action in ACTIONS
    for role in action.roles
]


# The KLSPs made for an action, by the status they are in.
KLSP_STATUSES = {
    "forum": ForumStatus.ACTIVE,
    "request": ForumStatus.REQUESTED,
    "awaiting": ForumStatus.AWAITING_APPROVAL,
}


def _record(kind: str, code: str) -> int:
    """Return a KLSP (active, requested by citizens or awaiting final
    approval), priority or problem of sector ``code`` (made here: the test
    database holds no partnership demo data)."""
    sector = Sector.objects.select_related("station").get(code=code)
    if kind in KLSP_STATUSES:
        forum = Forum.objects.create(
            kind=ForumKind.KLSP,
            status=KLSP_STATUSES[kind],
            name_sq=f"KLSP {code}",
            name_sr_latn=f"LKJB {code}",
            name_sr=f"ЛКЈБ {code}",
            name_en=f"KLSP {code}",
            municipality_id=sector.municipality_id,
            station=sector.station,
        )
        forum.sectors.add(sector)
        return forum.pk
    if kind == "priority":
        return SectorPriority.objects.create(
            sector=sector, issue="Speeding", issue_date=clock.today()
        ).pk
    return Problem.objects.create(
        station=sector.station, sector=sector, title="Burglaries"
    ).pk


def fill(value: str, own: Officer | None) -> str:
    """Fill an action's placeholders with records of the demo data."""
    if "{" not in value:
        return value
    if value.startswith("{station:"):
        return str(Station.objects.get(code=value[9:-1]).pk)
    record = re.search(
        r"\{(forum|request|awaiting|priority|problem):([A-Z]+-\d+)\}", value
    )
    if record:
        kind, code = record.groups()
        value = value.replace(record.group(0), str(_record(kind, code)))
    if "{kksb}" in value:
        value = value.replace("{kksb}", str(prz_kksb().pk))
    if "{kksb_meeting}" in value:
        value = value.replace("{kksb_meeting}", str(_kksb_meeting_held()))
    return value.format(
        own=own.badge_number if own else "NONE",
        station_officer=current_officer_of("PRZ-02").badge_number,
        other_officer=current_officer_of("PEJ-01").badge_number,
        prz01_officer=current_officer_of("PRZ-01").badge_number,
        today=clock.today().isoformat(),
        next_month=timezone.localtime(clock.now() + datetime.timedelta(days=30))
        .replace(hour=18, minute=0)
        .strftime("%Y-%m-%dT%H:%M"),
    )


def _kksb_meeting_held() -> int:
    """Return a meeting of the KKSB of Prizren held three days ago."""
    directorate = demo_user("directorate")
    meeting, _warning = meeting_schedule(
        forum=prz_kksb(),
        title="Monthly meeting",
        starts_at=clock.now() - datetime.timedelta(days=3),
        place="Salla e Kuvendit Komunal",
        by=directorate,
    )
    return meeting_mark_held(meeting=meeting, by=directorate).pk


@pytest.mark.parametrize(("action", "role"), CASES)
def test_each_role_may_do_exactly_what_the_table_says(client_as, action, role):
    client = client_as(role)
    own = Officer.objects.filter(user=client.user).first() if client.user else None
    path = fill(action.path, own)
    data = {key: fill(value, own) for key, value in action.data.items()}
    response = client.post(path, data) if data else client.get(path)

    if role == ANONYMOUS:
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    elif role not in action.allowed:
        assert response.status_code == action.refused_with.get(role, 403)
    elif action.method == "post":
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"].startswith("/en/staff/")
    else:
        assert response.status_code == 200


def test_a_station_commander_cannot_create_an_officer_in_another_station(client_as):
    client = client_as(COMMANDER)
    data = {key: fill(value, None) for key, value in officer_data("PEJ").items()}
    response = client.post("/en/staff/officers/new/", data)
    assert response.status_code == 400
    assert "Choose one of the stations whose officers you manage." in (
        response.content.decode()
    )
    assert not Officer.objects.filter(badge_number="TN0001").exists()


def test_directorate_staff_create_officers_in_any_station(client_as):
    client = client_as(DIRECTORATE)
    data = {key: fill(value, None) for key, value in officer_data("PEJ").items()}
    response = client.post("/en/staff/officers/new/", data)
    assert response.status_code == 302
    assert Officer.objects.get(badge_number="TN0001").station.code == "PEJ"


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/sq/staff/officers/")
    assert response.status_code == 302
    assert response["Location"] == "/sq/accounts/login/?next=/sq/staff/officers/"


def test_a_signed_in_user_without_a_role_is_refused(client, person):
    client.force_login(person(NO_ROLE))
    assert client.get("/en/staff/").status_code == 403


def test_a_staff_user_without_the_second_factor_is_sent_to_it(client, person):
    client.force_login(person(DIRECTORATE))
    response = client.get("/en/staff/audit/")
    assert response.status_code == 302
    assert (
        response["Location"]
        == "/en/accounts/second-factor/?next=%2Fen%2Fstaff%2Faudit%2F"
    )
