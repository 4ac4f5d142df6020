"""The forums' services: the KLSP establishment chain in every order, setting
up a KKSB or an EVSB, dissolving, members, and who is told what."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from bashkesia.accounts.models import Account, Role, RoleGrant
from bashkesia.accounts.permissions import can_keep_forum_record
from bashkesia.accounts.services import user_create
from bashkesia.core import clock
from bashkesia.partnership import notifications
from bashkesia.partnership.models import (
    Event,
    Forum,
    ForumKind,
    ForumStatus,
    ForumStep,
    Meeting,
    MemberRole,
)
from bashkesia.partnership.services import meetings as meeting_services
from bashkesia.partnership.services.forums import (
    forum_create,
    forum_dissolve,
    forum_update,
    klsp_final_decide,
    klsp_station_decide,
    membership_add,
    membership_end,
    membership_update,
)
from bashkesia.territory.models import Sector

from .forums_helpers import (
    commander_of,
    forum_people,
    kksb_in,
    meeting_in,
    municipality,
    place,
    propose,
    refused,
    refused_with,
    station,
    steps,
    submit,
)

pytestmark = pytest.mark.django_db

Action = ForumStep.Action


@pytest.fixture
def people():
    return forum_people()


# Citizens' request


def test_citizens_request_a_klsp_for_the_station_of_their_villages():
    request = submit()
    forum = request.forum
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", request.tracking_code)
    assert (forum.kind, forum.status, forum.origin) == ("klsp", "requested", "citizens")
    assert forum.station.code == "PRZ"
    assert forum.municipality.code == "PRZ"
    assert set(forum.settlements.values_list("name_sq", flat=True)) == {
        "Atmagjë",
        "Billushë",
    }
    assert set(forum.sectors.values_list("code", flat=True)) == {"PRZ-02", "PRZ-04"}
    assert request.requester_names == [
        "Arbër Krasniqi",
        "Vlora Gashi",
        "Dritan Hoxha",
    ]
    assert steps(forum) == [Action.REQUESTED]
    assert forum.steps.get().by is None
    assert not forum.is_public


def test_one_name_written_in_albanian_serves_every_language():
    forum = submit(name="KLSP Atmagjë").forum
    assert forum.names == {
        "sq": "KLSP Atmagjë",
        "sr-latn": "KLSP Atmagjë",
        "sr": "КЛСП Атмађе",
        "en": "KLSP Atmagjë",
    }


def test_a_name_written_in_serbian_cyrillic_gets_its_latin_spelling():
    forum = submit(name="Комитет Богошевац", language="sr").forum
    assert forum.names == {
        "sq": "Komitet Bogoševac",
        "sr-latn": "Komitet Bogoševac",
        "sr": "Комитет Богошевац",
        "en": "Komitet Bogoševac",
    }


def test_a_name_written_in_serbian_latin_gets_its_cyrillic_spelling():
    forum = submit(name="Komitet Gornja Ljubinja", language="sr-latn").forum
    assert forum.name_sr == "Комитет Горња Љубиња"


def test_a_request_within_a_substations_sectors_goes_to_the_substation():
    forum = submit(settlements=[place("Dobrushtë"), place("Shkozë")]).forum
    assert forum.station.code == "PRZ-ZH"


def test_a_request_across_a_station_and_its_substation_goes_to_the_station():
    forum = submit(settlements=[place("Dobrushtë"), place("Atmagjë")]).forum
    assert forum.station.code == "PRZ"


def test_a_request_across_two_municipalities_is_refused():
    refused_with(
        lambda: submit(settlements=[place("Atmagjë"), place("Peqan", "SUH")]),
        {
            "settlements": [
                "The villages and neighbourhoods must all be in one municipality, "
                "Prizren."
            ]
        },
    )
    assert not Forum.objects.filter(name_sq="KLSP Atmagjë").exists()


def test_a_request_says_everything_missing_at_once():
    refused_with(
        lambda: submit(
            name=" ",
            settlements=[],
            requesters="Arbër Krasniqi\n\n",
            reasons="<b></b>",
            contact_name="",
        ),
        {
            "name": ["Give the committee a name, such as your village's."],
            "settlements": [
                "Choose the villages or neighbourhoods the committee is for."
            ],
            "requesters": [
                "Name at least two citizens who ask for the committee, one a line."
            ],
            "reasons": ["Say why your area needs a committee."],
            "contact_name": ["Name the person the police may contact."],
        },
    )


def test_a_request_with_a_bad_email_address_is_refused():
    refused_with(
        lambda: submit(contact_email="not-an-address"),
        {"contact_email": ["Enter a valid email address."]},
    )


# The station commander decides on a request


def test_the_station_approves_and_the_director_general_establishes_the_klsp(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    forum.refresh_from_db()
    assert forum.status == ForumStatus.AWAITING_APPROVAL
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    forum.refresh_from_db()
    assert forum.status == ForumStatus.ACTIVE
    assert forum.established_on == clock.today()
    assert forum.is_public
    assert steps(forum) == [
        Action.REQUESTED,
        Action.STATION_APPROVED,
        Action.APPROVED,
        Action.ESTABLISHED,
    ]
    by = dict(forum.steps.values_list("action", "by"))
    assert by[Action.STATION_APPROVED] == people.commander.pk
    assert by[Action.APPROVED] == people.director.pk


def test_the_station_rejects_a_request_with_a_reason(people):
    forum = submit().forum
    klsp_station_decide(
        forum=forum,
        by=people.commander,
        approve=False,
        reason="The village already has a committee with Billushë.",
    )
    forum.refresh_from_db()
    assert forum.status == ForumStatus.REJECTED
    assert forum.status_reason == "The village already has a committee with Billushë."
    step = forum.steps.get(action=Action.STATION_REJECTED)
    assert (step.by, step.reason) == (
        people.commander,
        "The village already has a committee with Billushë.",
    )


def test_the_station_cannot_reject_without_a_reason(people):
    forum = submit().forum
    refused_with(
        lambda: klsp_station_decide(
            forum=forum, by=people.commander, approve=False, reason=" "
        ),
        {"reason": ["Give the reason the requesters will read."]},
    )
    forum.refresh_from_db()
    assert forum.status == ForumStatus.REQUESTED


def test_the_station_cannot_approve_a_request_twice(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    refused(
        lambda: klsp_station_decide(forum=forum, by=people.commander, approve=True),
        "Only a request awaiting the station commander can be approved by the station.",
    )
    assert steps(forum).count(Action.STATION_APPROVED) == 1


def test_the_station_cannot_reject_a_request_it_approved(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    refused(
        lambda: klsp_station_decide(
            forum=forum, by=people.commander, approve=False, reason="Second thoughts."
        ),
        "Only a request awaiting the station commander can be rejected by the station.",
    )


def test_the_station_cannot_decide_on_its_own_proposal(people):
    forum = propose(people.commander)
    refused(
        lambda: klsp_station_decide(forum=forum, by=people.commander, approve=True),
        "Only a request awaiting the station commander can be approved by the station.",
    )


def test_the_station_cannot_approve_a_request_it_rejected(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=False, reason="No.")
    refused(
        lambda: klsp_station_decide(forum=forum, by=people.commander, approve=True),
        "Only a request awaiting the station commander can be approved by the station.",
    )


def test_the_commander_of_a_parent_station_decides_on_a_substations_request(people):
    forum = submit(settlements=[place("Dobrushtë")]).forum
    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.AWAITING_APPROVAL


@pytest.mark.parametrize(
    "who", ["other_commander", "director", "directorate", "coordinator", "officer"]
)
def test_only_the_commander_of_the_station_decides_on_a_request(people, who):
    forum = submit().forum
    for approve in (True, False):
        with pytest.raises(PermissionDenied) as error:
            klsp_station_decide(
                forum=forum, by=getattr(people, who), approve=approve, reason="No."
            )
        assert str(error.value) == (
            "Only the commander of the forum's station decides on the request."
        )
    assert Forum.objects.get(pk=forum.pk).status == ForumStatus.REQUESTED


# The Director General decides


def test_the_director_general_cannot_approve_before_the_station(people):
    forum = submit().forum
    refused(
        lambda: klsp_final_decide(forum=forum, by=people.director, approve=True),
        "Only a committee awaiting the Director General's approval can be approved.",
    )
    assert steps(forum) == [Action.REQUESTED]


def test_the_director_general_cannot_approve_a_rejected_request(people):
    forum = submit().forum
    klsp_station_decide(forum=forum, by=people.commander, approve=False, reason="No.")
    refused(
        lambda: klsp_final_decide(forum=forum, by=people.director, approve=True),
        "Only a committee awaiting the Director General's approval can be approved.",
    )


def test_the_director_general_cannot_approve_twice(people):
    forum = propose(people.commander)
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    refused(
        lambda: klsp_final_decide(forum=forum, by=people.director, approve=True),
        "Only a committee awaiting the Director General's approval can be approved.",
    )
    refused(
        lambda: klsp_final_decide(
            forum=forum, by=people.director, approve=False, reason="Too late."
        ),
        "Only a committee awaiting the Director General's approval can be rejected.",
    )
    assert steps(forum).count(Action.ESTABLISHED) == 1


def test_the_director_general_rejects_with_a_reason(people):
    forum = propose(people.commander)
    refused_with(
        lambda: klsp_final_decide(forum=forum, by=people.director, approve=False),
        {"reason": ["Give the reason the station and the requesters will read."]},
    )
    klsp_final_decide(
        forum=forum,
        by=people.director,
        approve=False,
        reason="The area is covered by the KLSP of Prizren.",
    )
    forum.refresh_from_db()
    assert forum.status == ForumStatus.REJECTED
    assert forum.established_on is None
    assert steps(forum) == [Action.PROPOSED, Action.REJECTED]


@pytest.mark.parametrize("who", ["commander", "directorate", "coordinator", "officer"])
def test_only_the_director_general_gives_final_approval(people, who):
    forum = propose(people.commander)
    with pytest.raises(PermissionDenied) as error:
        klsp_final_decide(forum=forum, by=getattr(people, who), approve=True)
    assert str(error.value) == "Only the Director General gives final approval."


def test_a_kksb_does_not_go_through_approval(people):
    kksb = kksb_in(people, "MAM")
    refused(
        lambda: klsp_final_decide(forum=kksb, by=people.director, approve=True),
        "Only a local public safety committee (KLSP) goes through approval.",
    )


# The commander proposes


def test_the_commander_proposes_a_klsp_that_awaits_the_director_general(people):
    forum = propose(people.commander, sectors=[Sector.objects.get(code="PRZ-11")])
    assert (forum.status, forum.origin) == ("awaiting_approval", "station")
    assert forum.security_analysis.startswith("Eleven burglaries")
    assert set(forum.sectors.values_list("code", flat=True)) == {"PRZ-04", "PRZ-11"}
    assert forum.steps.get().action == Action.PROPOSED
    assert forum.steps.get().by == people.commander


@pytest.mark.parametrize("who", ["other_commander", "director", "directorate"])
def test_only_the_stations_commander_proposes_a_klsp(people, who):
    with pytest.raises(PermissionDenied) as error:
        propose(getattr(people, who))
    assert str(error.value) == "Only the station's commander proposes a KLSP."


def test_a_proposal_needs_a_purpose_an_analysis_and_an_area(people):
    refused_with(
        lambda: propose(
            people.commander,
            name_sq="",
            purpose="",
            security_analysis="",
            settlements=[],
        ),
        {
            "name_sq": ["Give the committee a name."],
            "purpose": ["Say what the committee is for."],
            "security_analysis": ["Give the security analysis behind the proposal."],
            "settlements": [
                "Choose the villages, neighbourhoods or sectors the committee covers."
            ],
        },
    )


def test_a_proposal_stays_in_the_stations_area(people):
    refused_with(
        lambda: propose(people.commander, settlements=[place("Peqan", "SUH")]),
        {"settlements": ["The area must lie in Prizren."]},
    )
    refused_with(
        lambda: propose(people.commander, station=station("PRZ-ZH")),
        {"settlements": ["The area must lie in the sectors of your station."]},
    )


# KKSB and EVSB


def test_directorate_staff_set_up_a_kksb_at_the_main_station(people):
    forum = kksb_in(people, "PRZ", name_sr_latn="OSBZ Prizren", name_en="MCSC Prizren")
    assert (forum.kind, forum.status, forum.origin) == ("kksb", "active", "directorate")
    assert forum.station.code == "PRZ"
    assert forum.established_on == clock.today()
    assert forum.names == {
        "sq": "KKSB PRZ",
        "sr-latn": "OSBZ Prizren",
        "sr": "ОСБЗ Призрен",
        "en": "MCSC Prizren",
    }
    assert steps(forum) == [Action.ESTABLISHED]


def test_the_main_station_of_prishtina_is_its_first(people):
    assert kksb_in(people, "PRI").station.code == "PRI-JU"


def test_a_municipality_has_one_kksb(people):
    kksb_in(people, "PRZ")
    refused_with(
        lambda: forum_create(
            by=people.directorate,
            kind=ForumKind.KKSB,
            municipality=municipality("PRZ"),
            name_sq="KKSB Prizren 2",
        ),
        {
            "municipality": [
                "Prizren already has a municipal community safety council (KKSB): "
                "there is one per municipality."
            ]
        },
    )


def test_a_new_kksb_may_follow_a_dissolved_one(people):
    first = kksb_in(people, "PRZ")
    forum_dissolve(forum=first, by=people.directorate, reason="A new assembly.")
    second = forum_create(
        by=people.directorate,
        kind=ForumKind.KKSB,
        municipality=municipality("PRZ"),
        name_sq="KKSB Prizren",
    )
    assert second.status == ForumStatus.ACTIVE


def test_a_commander_sets_up_forums_in_their_station_only(people):
    evsb = forum_create(
        by=people.commander,
        kind=ForumKind.EVSB,
        municipality=municipality("PRZ"),
        station=station("PRZ"),
        name_sq="EVSB Shkolla",
        goal="Safe routes to the schools of Prizren.",
        partners="OSCE, the municipality",
        starts_on=datetime.date(2026, 3, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    assert (evsb.origin, evsb.goal) == (
        "station",
        "Safe routes to the schools of Prizren.",
    )
    with pytest.raises(PermissionDenied) as error:
        kksb_in(people, "SUH", by=people.commander)
    assert str(error.value) == (
        "Only directorate staff or the station's commander set up a forum."
    )


def test_an_evsb_needs_a_goal_and_dates_in_order(people):
    refused_with(
        lambda: forum_create(
            by=people.directorate,
            kind=ForumKind.EVSB,
            municipality=municipality("PRZ"),
            station=station("PRZ"),
            name_sq="EVSB",
            starts_on=datetime.date(2026, 3, 1),
            ends_on=datetime.date(2026, 2, 1),
        ),
        {
            "goal": ["Say what the action team sets out to do."],
            "ends_on": ["The project cannot end before it starts."],
        },
    )


def test_a_forum_needs_a_station_in_its_municipality(people):
    refused_with(
        lambda: forum_create(
            by=people.directorate,
            kind=ForumKind.EVSB,
            municipality=municipality("PRZ"),
            name_sq="EVSB",
            goal="A goal.",
        ),
        {"station": ["Choose the police station that looks after the forum."]},
    )
    refused_with(
        lambda: forum_create(
            by=people.directorate,
            kind=ForumKind.EVSB,
            municipality=municipality("PRZ"),
            station=station("SUH"),
            name_sq="EVSB",
            goal="A goal.",
        ),
        {"station": ["The station must be in Prizren."]},
    )


def test_a_klsp_is_not_set_up_directly(people):
    refused_with(
        lambda: forum_create(
            by=people.directorate,
            kind=ForumKind.KLSP,
            municipality=municipality("PRZ"),
            name_sq="KLSP",
        ),
        {
            "kind": [
                "A KLSP is requested by citizens or proposed by the station "
                "commander, then approved."
            ]
        },
    )


def test_a_forums_record_is_updated(people):
    forum = propose(people.commander)
    forum_update(
        forum=forum,
        by=people.commander,
        name_sq="KLSP Billushë e Re",
        purpose="Monthly meetings.",
        security_analysis="Updated.",
        settlements=[place("Billushë"), place("Atmagjë")],
        notice_days=10,
    )
    forum.refresh_from_db()
    assert (forum.name_sq, forum.notice_days, forum.purpose) == (
        "KLSP Billushë e Re",
        10,
        "Monthly meetings.",
    )
    assert forum.sectors.count() == 2
    with pytest.raises(PermissionDenied):
        forum_update(forum=forum, by=people.director, name_sq="X")


def test_a_rejected_forum_is_not_updated(people):
    forum = propose(people.commander)
    klsp_final_decide(forum=forum, by=people.director, approve=False, reason="No.")
    refused(
        lambda: forum_update(
            forum=forum,
            by=people.commander,
            name_sq="X",
            settlements=[place("Billushë")],
        ),
        "A forum that was not approved cannot be changed.",
    )


# Dissolving


def test_an_active_forum_is_dissolved_with_a_reason(people):
    forum = propose(people.commander)
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    refused_with(
        lambda: forum_dissolve(forum=forum, by=people.commander, reason=""),
        {"reason": ["Give the reason the forum is dissolved."]},
    )
    forum_dissolve(forum=forum, by=people.commander, reason="Merged with Atmagjë.")
    forum.refresh_from_db()
    assert (forum.status, forum.dissolved_on, forum.status_reason) == (
        "dissolved",
        clock.today(),
        "Merged with Atmagjë.",
    )
    assert steps(forum)[-1] == Action.DISSOLVED
    assert forum.is_public


def test_only_an_active_forum_is_dissolved(people):
    requested = submit().forum
    refused(
        lambda: forum_dissolve(forum=requested, by=people.commander, reason="No."),
        "Only an active forum can be dissolved.",
    )
    proposed = propose(people.commander)
    refused(
        lambda: forum_dissolve(forum=proposed, by=people.director, reason="No."),
        "Only an active forum can be dissolved.",
    )
    klsp_final_decide(forum=proposed, by=people.director, approve=True)
    forum_dissolve(forum=proposed, by=people.director, reason="Merged.")
    refused(
        lambda: forum_dissolve(forum=proposed, by=people.director, reason="Again."),
        "Only an active forum can be dissolved.",
    )


def test_only_the_police_in_charge_dissolve_a_forum(people):
    forum = kksb_in(people, "PRZ")
    for who in ("other_commander", "coordinator", "officer"):
        with pytest.raises(PermissionDenied) as error:
            forum_dissolve(forum=forum, by=getattr(people, who), reason="No.")
        assert str(error.value) == "You may not dissolve this forum."


def test_dissolving_cancels_the_forums_meetings_still_to_come(people):
    forum = kksb_in(people, "PRZ")
    keeper = people.directorate
    coming = meeting_in(forum, keeper, days=10, title="April meeting")
    closed = meeting_in(forum, keeper, days=12, is_public=False)
    started = meeting_in(forum, keeper, days=-1, title="Yesterday's meeting")
    held = meeting_services.meeting_mark_held(
        meeting=meeting_in(forum, keeper, days=-30), by=keeper
    )
    called_off = meeting_services.meeting_cancel(
        meeting=meeting_in(forum, keeper, days=20), reason="No room.", by=keeper
    )
    sequences = dict(Event.objects.values_list("meeting_id", "sequence"))

    # The commander dissolves it without keeping its record.
    assert not can_keep_forum_record(people.commander, forum)
    forum_dissolve(forum=forum, by=people.commander, reason="A new assembly.")

    statuses = dict(Meeting.objects.filter(forum=forum).values_list("pk", "status"))
    assert statuses == {
        coming.pk: "cancelled",
        closed.pk: "cancelled",
        started.pk: "scheduled",
        held.pk: "held",
        called_off.pk: "cancelled",
    }
    for meeting in (coming, closed):
        meeting.refresh_from_db()
        assert meeting.cancelled_reason == "A new assembly."
    called_off.refresh_from_db()
    assert called_off.cancelled_reason == "No room."
    # Calendars hear of it: the entry is cancelled, with a new SEQUENCE.
    event = Event.objects.get(meeting=coming)
    assert (event.is_cancelled, event.sequence) == (True, sequences[coming.pk] + 1)
    assert not Event.objects.filter(meeting=closed).exists()
    assert Event.objects.get(meeting=called_off).sequence == sequences[called_off.pk]
    assert Event.objects.get(meeting=started).is_cancelled is False


def test_the_meetings_stay_when_the_dissolution_fails(people, monkeypatch):
    forum = kksb_in(people, "PRZ")
    coming = meeting_in(forum, people.directorate, days=10)

    def fail(**kwargs):
        raise RuntimeError("mail queue down")

    monkeypatch.setattr(notifications, "commanders_notify_dissolved", fail)
    with pytest.raises(RuntimeError):
        forum_dissolve(forum=forum, by=people.directorate, reason="Merged.")
    forum.refresh_from_db()
    coming.refresh_from_db()
    assert (forum.status, coming.status) == ("active", "scheduled")
    assert Event.objects.get(meeting=coming).is_cancelled is False


# Members


def seat(forum: Forum, by, **changes):
    fields = {
        "forum": forum,
        "by": by,
        "name": "Besa Morina",
        "role": MemberRole.MEMBER,
        "start_date": datetime.date(2026, 1, 1),
        "gender": "female",
        "community": "albanian",
        "age_band": "under_25",
        "appointment_reference": "01-016/26",
    }
    fields.update(changes)
    return membership_add(**fields)


def test_a_member_takes_a_seat(people):
    forum = kksb_in(people, "PRZ")
    member = seat(
        forum, people.commander, organisation="Youth NGO", name_is_public=True
    )
    assert (member.name, member.public_name, member.organisation) == (
        "Besa Morina",
        "Besa Morina",
        "Youth NGO",
    )


def test_a_kksb_member_needs_the_assemblys_decision(people):
    forum = kksb_in(people, "PRZ")
    refused_with(
        lambda: seat(forum, people.directorate, appointment_reference=""),
        {
            "appointment_reference": [
                "A KKSB member is appointed by the municipal assembly: give the "
                "decision's reference."
            ]
        },
    )


def test_a_seat_cannot_end_before_it_starts(people):
    forum = propose(people.commander)
    refused_with(
        lambda: seat(
            forum,
            people.commander,
            start_date=datetime.date(2026, 3, 1),
            end_date=datetime.date(2026, 2, 1),
        ),
        {"end_date": ["A seat cannot end before it starts."]},
    )
    member = seat(forum, people.commander, start_date=datetime.date(2026, 3, 1))
    refused_with(
        lambda: membership_end(
            membership=member, by=people.commander, end_date=datetime.date(2026, 2, 1)
        ),
        {"end_date": ["A seat cannot end before it starts."]},
    )


def test_a_forum_has_one_chair_at_a_time(people):
    forum = propose(people.commander)
    chair = seat(forum, people.commander, role=MemberRole.CHAIR)
    refused_with(
        lambda: seat(forum, people.commander, name="Ilir", role=MemberRole.CHAIR),
        {
            "role": [
                "The forum already has a chair in that period: end their seat first."
            ]
        },
    )
    membership_end(
        membership=chair, by=people.commander, end_date=datetime.date(2026, 6, 30)
    )
    successor = seat(
        forum,
        people.commander,
        name="Ilir Berisha",
        role=MemberRole.CHAIR,
        start_date=datetime.date(2026, 7, 1),
    )
    assert successor.role == MemberRole.CHAIR
    refused_with(
        lambda: membership_update(
            membership=chair,
            by=people.commander,
            name="Besa Morina",
            role=MemberRole.CHAIR,
            start_date=datetime.date(2026, 1, 1),
            end_date=None,
        ),
        {
            "role": [
                "The forum already has a chair in that period: end their seat first."
            ]
        },
    )


def test_an_ended_seat_cannot_end_again(people, today):
    forum = propose(people.commander)
    member = seat(forum, people.commander)
    today(datetime.date(2026, 5, 1))
    membership_end(
        membership=member, by=people.commander, end_date=datetime.date(2026, 4, 1)
    )
    refused(
        lambda: membership_end(
            membership=member, by=people.commander, end_date=datetime.date(2026, 4, 2)
        ),
        "This seat has already ended.",
    )


def test_a_secretary_with_an_account_keeps_the_record_until_the_seat_ends(
    people, today
):
    today(datetime.date(2026, 2, 1))
    forum = kksb_in(people, "PRZ")
    secretary = user_create(username="t-secretary", email="sekretarja@example.org")
    member = seat(forum, people.directorate, role=MemberRole.SECRETARY, user=secretary)
    assert RoleGrant.objects.filter(
        user=secretary, role=Role.FORUM_SECRETARY, revoked_at__isnull=True
    ).exists()
    assert can_keep_forum_record(secretary, forum)
    today(datetime.date(2026, 9, 1))
    membership_end(
        membership=member, by=people.directorate, end_date=datetime.date(2026, 8, 31)
    )
    assert not RoleGrant.objects.filter(
        user=secretary, role=Role.FORUM_SECRETARY, revoked_at__isnull=True
    ).exists()
    secretary.__dict__.pop("_bashkesia_kept_forums", None)
    assert not can_keep_forum_record(secretary, forum)


def test_only_those_in_charge_change_members(people):
    forum = kksb_in(people, "PRZ")
    for who in ("other_commander", "coordinator", "officer", "director"):
        with pytest.raises(PermissionDenied) as error:
            seat(forum, getattr(people, who))
        assert str(error.value) == "You may not change this forum's members."


def test_a_dissolved_forum_takes_no_new_members(people):
    forum = kksb_in(people, "PRZ")
    forum_dissolve(forum=forum, by=people.directorate, reason="Merged.")
    refused(
        lambda: seat(forum, people.directorate),
        "A dissolved or rejected forum takes no new members.",
    )


# Who is told what


def sent(run_tasks) -> dict[str, list]:
    run_tasks()
    by_address: dict[str, list] = {}
    for message in mail.outbox:
        by_address.setdefault(message.to[0], []).append(message)
    mail.outbox.clear()
    return by_address


PRIVATE = ("Arbër", "Vlora", "Dritan", "arber@example.org", "+383 44 123 456")


def test_every_step_is_told_to_the_people_involved(people, run_tasks):
    Account.objects.filter(user=people.commander).update(language="en")
    Account.objects.filter(user=people.director).update(language="sr-latn")
    request = submit(language="en")
    code, forum = request.tracking_code, request.forum

    by_address = sent(run_tasks)
    to_requester = by_address["arber@example.org"][0]
    assert to_requester.subject == f"Your request for a KLSP {code}"
    assert f"/en/forums/requests/{code}/" in to_requester.body
    assert "Atmagjë, Billushë" in to_requester.body
    to_commander = by_address[people.commander.email][0]
    assert to_commander.subject == "Citizens ask for a KLSP: KLSP Atmagjë"
    assert f"/en/staff/forums/{forum.pk}/" in to_commander.body
    assert people.director.email not in by_address
    assert people.other_commander.email not in by_address
    for private in PRIVATE:
        assert private not in to_commander.body

    klsp_station_decide(forum=forum, by=people.commander, approve=True)
    by_address = sent(run_tasks)
    assert by_address["arber@example.org"][0].subject == (
        f"News on your request for a KLSP {code}"
    )
    assert "approved by the station commander" in (
        by_address["arber@example.org"][0].body
    )
    to_director = by_address[people.director.email][0]
    assert f"/sr-latn/staff/forums/{forum.pk}/" in to_director.body
    for private in PRIVATE:
        assert private not in to_director.body

    klsp_final_decide(forum=forum, by=people.director, approve=True)
    by_address = sent(run_tasks)
    assert "approved by the Director General" in (
        by_address["arber@example.org"][0].body
    )
    # The forum's name says it is a KLSP: the subject does not repeat it.
    assert by_address[people.commander.email][0].subject == (
        "The Director General approved KLSP Atmagjë"
    )


def test_a_rejection_tells_the_requesters_why_in_their_language(people, run_tasks):
    request = submit(language="sq")
    sent(run_tasks)
    klsp_station_decide(
        forum=request.forum,
        by=people.commander,
        approve=False,
        reason="Atmagjë is covered by the KLSP of Billushë.",
    )
    message = sent(run_tasks)["arber@example.org"][0]
    assert request.tracking_code in message.subject
    assert "Atmagjë is covered by the KLSP of Billushë." in message.body
    assert f"/sq/forums/requests/{request.tracking_code}/" in message.body


def test_the_director_generals_refusal_is_told_to_the_commander(people, run_tasks):
    forum = propose(people.commander)
    assert people.director.email in sent(run_tasks)
    klsp_final_decide(
        forum=forum, by=people.director, approve=False, reason="Covered already."
    )
    # In the commander's language: Albanian, the default.
    message = sent(run_tasks)[people.commander.email][0]
    assert message.subject == "Drejtori i Përgjithshëm nuk e miratoi KLSP Billushë"
    assert "Arsyeja e dhënë: Covered already." in message.body


@pytest.mark.parametrize(
    ("name", "language", "subject"),
    [
        ("Atmagjë e Billushë", "en", "The Director General approved the KLSP "),
        ("Komiteti Lokal – Atmagjë", "en", "The Director General approved "),
        ("Atmagjë e Billushë", "sr-latn", "Generalni direktor je odobrio LKJB "),
        ("LKJB Atmađa", "sr-latn", "Generalni direktor je odobrio "),
        ("ЛКЈБ Атмађа", "sr", "Генерални директор је одобрио "),
    ],
)
def test_the_approval_subject_names_the_kind_once(
    people, run_tasks, name, language, subject
):
    Account.objects.filter(user=people.commander).update(language=language)
    forum = propose(people.commander, name_sq=name, name_sr_latn=name)
    Forum.objects.filter(pk=forum.pk).update(name_sr=name)
    sent(run_tasks)
    klsp_final_decide(forum=forum, by=people.director, approve=True)
    message = sent(run_tasks)[people.commander.email][0]
    assert message.subject == subject + name


def test_the_commander_hears_in_their_language_that_their_forum_is_dissolved(
    people, run_tasks
):
    Account.objects.filter(user=people.commander).update(language="sr")
    forum = kksb_in(people, "PRZ", name_sr_latn="OSBZ Prizren")
    meeting_in(forum, people.directorate, days=10)
    sent(run_tasks)
    forum_dissolve(forum=forum, by=people.director, reason="Nova skupština.")
    by_address = sent(run_tasks)
    message = by_address[people.commander.email][0]
    assert message.subject == "Распуштен је форум ваше станице: ОСБЗ Призрен"
    assert message.body == (
        "Форум за безбедност ОСБЗ Призрен у општини Призрен, о коме брине "
        "Полицијска станица Призрен, распуштен је. Његови заказани састанци су "
        "отказани, а његова јавна страница наводи да је распуштен.\n\n"
        "Наведени разлог: Nova skupština.\n\n"
        f"Отворите га: http://127.0.0.1:8000/sr/staff/forums/{forum.pk}/"
    )
    assert people.other_commander.email not in by_address
    assert people.director.email not in by_address


def test_a_commander_who_dissolves_the_forum_is_not_told_of_it(people, run_tasks):
    forum = kksb_in(people, "PRZ")
    second = commander_of("PRZ", "t-prz-second-commander")
    sent(run_tasks)
    forum_dissolve(forum=forum, by=people.commander, reason="Merged.")
    by_address = sent(run_tasks)
    assert people.commander.email not in by_address
    assert by_address[second.email][0].subject == (
        "U shpërbë një forum i stacionit tuaj: KKSB PRZ"
    )


def test_requesters_without_an_address_get_no_mail(people, run_tasks):
    submit(contact_email="")
    assert "arber@example.org" not in sent(run_tasks)
