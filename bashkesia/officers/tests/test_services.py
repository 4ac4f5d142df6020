import datetime

import pytest
from django.core.exceptions import ValidationError

from bashkesia.officers.models import SectorAssignment
from bashkesia.officers.selectors import assignment_list_current, officers_by_sector
from bashkesia.officers.services import assignment_end, assignment_start, officer_upsert
from bashkesia.territory.tests.factories import SectorFactory

from .factories import OfficerFactory

DAY = datetime.date(2026, 3, 1)


def test_an_officer_is_created_then_updated_by_badge_number(db):
    first = officer_upsert(
        badge_number="T90001", rank="officer", role="sector_officer",
        first_name="Arta", last_name="Gashi",
    )  # fmt: skip
    again = officer_upsert(
        badge_number="T90001", rank="sergeant", role="sector_leader",
        first_name="Arta", last_name="Gashi",
    )  # fmt: skip
    assert (again.pk, again.rank) == (first.pk, "sergeant")


def test_an_invalid_officer_is_refused_and_not_saved(db):
    with pytest.raises(ValidationError) as error:
        officer_upsert(
            badge_number="T90002", rank="general", role="sector_officer",
            first_name="Arta", last_name="Gashi", public_email="not-an-address",
        )  # fmt: skip
    assert set(error.value.message_dict) == {"rank", "public_email"}


def test_an_assignment_starts_today_by_default_and_ends_keeping_history(db, today):
    today(DAY)
    officer, sector = OfficerFactory(), SectorFactory()
    assignment = assignment_start(officer=officer, sector=sector)
    assert assignment.start_date == DAY
    assert list(assignment_list_current(sector_ids=[sector.id])) == [assignment]
    assignment_end(assignment=assignment, end_date=DAY)
    today(DAY + datetime.timedelta(days=1))
    assert list(assignment_list_current(sector_ids=[sector.id])) == []
    assert SectorAssignment.objects.filter(officer=officer).count() == 1


def test_an_assignment_cannot_end_before_it_starts(db):
    with pytest.raises(ValidationError) as error:
        assignment_start(
            officer=OfficerFactory(), sector=SectorFactory(),
            start_date=DAY, end_date=DAY - datetime.timedelta(days=1),
        )  # fmt: skip
    assert error.value.message_dict["end_date"] == [
        "An assignment cannot end before it starts."
    ]


def test_overlapping_assignments_to_one_sector_are_refused(db):
    officer, sector = (
        OfficerFactory(first_name="Arta", last_name="Gashi"),
        SectorFactory(),
    )
    assignment_start(officer=officer, sector=sector, start_date=DAY)
    with pytest.raises(ValidationError) as error:
        assignment_start(
            officer=officer, sector=sector, start_date=DAY + datetime.timedelta(days=3)
        )
    assert error.value.messages == [
        f"Arta Gashi is already assigned to sector {sector.code} then."
    ]


def test_the_same_assignment_twice_is_one_assignment(db):
    officer, sector = OfficerFactory(), SectorFactory()
    first = assignment_start(officer=officer, sector=sector, start_date=DAY)
    assert assignment_start(officer=officer, sector=sector, start_date=DAY) == first


def test_future_and_past_assignments_are_not_current(db, today):
    today(DAY)
    sector = SectorFactory()
    assignment_start(
        officer=OfficerFactory(),
        sector=sector,
        start_date=DAY + datetime.timedelta(days=1),
    )
    assignment_start(
        officer=OfficerFactory(), sector=sector,
        start_date=DAY - datetime.timedelta(days=90),
        end_date=DAY - datetime.timedelta(days=1),
    )  # fmt: skip
    current = assignment_start(officer=OfficerFactory(), sector=sector, start_date=DAY)
    assert officers_by_sector(sector_ids=[sector.id])[sector.id] == [current]


def test_officers_out_of_service_are_not_shown(db):
    sector = SectorFactory()
    assignment_start(
        officer=OfficerFactory(is_active=False), sector=sector, start_date=DAY
    )
    assert officers_by_sector(sector_ids=[sector.id]) == {}
