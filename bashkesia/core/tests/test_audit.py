"""Every change to officers, assignments, sectors, stations, users and roles
lands in the audit trail: who, when, from where, what from what to what."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from bashkesia.accounts.services import role_grant, role_revoke, user_create
from bashkesia.core.audit import acting_as
from bashkesia.core.models import AuditEntry
from bashkesia.officers.models import Officer
from bashkesia.officers.services import assignment_end, assignment_start
from bashkesia.territory.models import Sector, Station
from bashkesia.territory.services import station_upsert


@pytest.fixture
def actor(db):
    return get_user_model().objects.get(username="directorate")


def last_entry(obj) -> AuditEntry:
    return AuditEntry.objects.filter(
        content_type__model=obj._meta.model_name, object_id=str(obj.pk)
    ).first()


def test_an_officer_change_records_who_from_where_and_what(actor):
    officer = Officer.objects.order_by("pk").first()
    old_phone = officer.public_phone
    with acting_as(actor, "10.1.2.3"):
        officer.public_phone = "+383 38 123 456"
        officer.save()
    entry = last_entry(officer)
    assert (entry.actor, entry.address, entry.action) == (actor, "10.1.2.3", "update")
    assert entry.changes == {"public_phone": [old_phone, "+383 38 123 456"]}


def test_assignments_are_recorded_from_start_to_end(actor):
    officer = Officer.objects.order_by("pk").first()
    sector = Sector.objects.get(code="PRZ-02")
    with acting_as(actor, "10.1.2.3"):
        assignment = assignment_start(
            officer=officer, sector=sector, start_date=datetime.date(2026, 1, 1)
        )
        assignment_end(assignment=assignment, end_date=datetime.date(2026, 2, 1))
    entries = AuditEntry.objects.filter(
        content_type__model="sectorassignment", object_id=str(assignment.pk)
    ).order_by("id")
    assert [e.action for e in entries] == ["create", "update"]
    assert entries[1].changes == {"end_date": [None, "2026-02-01"]}


def test_sector_and_station_changes_are_recorded(actor):
    sector = Sector.objects.get(code="PRZ-01")
    with acting_as(actor):
        sector.name_en = "Prizren Old Town"
        sector.save()
        station = Station.objects.get(code="PRZ")
        station_upsert(
            code="PRZ",
            names={"name_sq": station.name_sq, "name_sr_latn": station.name_sr_latn,
                   "name_sr": station.name_sr, "name_en": station.name_en},
            municipality=station.municipality,
            latitude=station.latitude,
            longitude=station.longitude,
            telephone="+383 29 000 000",
            is_demo=True,
        )  # fmt: skip
    assert last_entry(sector).changes["name_en"][1] == "Prizren Old Town"
    assert last_entry(station).changes["telephone"] == ["192", "+383 29 000 000"]


def test_users_and_roles_are_recorded_but_never_passwords(actor):
    with acting_as(actor):
        user = user_create(
            username="drita", email="drita@example.org", password="Pw-12345678"
        )
        grant = role_grant(user=user, role="director_general", granted_by=actor)
        role_revoke(grant=grant)
    created = AuditEntry.objects.filter(
        content_type__model="user", object_id=str(user.pk)
    )
    assert created.first().action == "create"
    assert all("password" not in entry.changes for entry in created)
    grant_entries = AuditEntry.objects.filter(
        content_type__model="rolegrant", object_id=str(grant.pk)
    )
    assert {e.action for e in grant_entries} == {"create", "update"}


def test_geometry_changes_are_recorded_as_a_fingerprint(actor):
    sector = Sector.objects.get(code="PRZ-03")
    with acting_as(actor):
        sector.boundary = {**sector.boundary}
        sector.boundary["coordinates"] = [
            list(reversed(sector.boundary["coordinates"][0]))
        ]
        sector.save()
    before, after = last_entry(sector).changes["boundary"]
    assert before.startswith("<") and "sha256" in after


def test_audit_entries_are_never_changed_or_deleted(db):
    entry = AuditEntry.objects.first()
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


def test_changes_made_in_a_request_name_the_signed_in_user(sign_in):
    client = sign_in("directorate")
    officer = Officer.objects.filter(station__code="PRZ").order_by("pk").first()
    client.post(
        f"/en/admin/officers/officer/{officer.pk}/change/",
        {
            "badge_number": officer.badge_number,
            "rank": officer.rank,
            "role": officer.role,
            "first_name": officer.first_name,
            "last_name": "Changed",
            "station": officer.station_id,
            "is_active": "on",
            "assignments-TOTAL_FORMS": "0",
            "assignments-INITIAL_FORMS": "0",
        },  # fmt: skip
        REMOTE_ADDR="10.20.30.40",
    )
    entry = last_entry(officer)
    assert entry.actor.username == "directorate"
    assert entry.address == "10.20.30.40"
    assert entry.changes["last_name"][1] == "Changed"
