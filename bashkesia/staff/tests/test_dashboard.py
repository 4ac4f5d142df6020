"""The dashboard: each role's scope, its station's figures, and a navigation
that offers only what the user may use."""

import re

import pytest
from django.db.models import Q

from bashkesia.accounts.models import Role
from bashkesia.officers.models import Officer
from bashkesia.officers.tests.factories import OfficerFactory
from bashkesia.staff.models import SectorChangeProposal
from bashkesia.staff.services import sector_change_propose
from bashkesia.territory.models import Sector, Station

from .conftest import STAFF_LANGUAGES, current_on_today


def html_of(client, url="/en/staff/"):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_the_dashboard_is_in_each_language(client_as, language):
    html = html_of(client_as(Role.SECTOR_OFFICER), f"/{language}/staff/")
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/staff/sectors/PRZ-01/"' in html


def figure(html: str, name: str) -> int:
    return int(re.search(rf'data-figure="{name}">\s*(\d+)\s*<', html).group(1))


def test_a_sector_officer_sees_their_sector_with_its_officers_count(client_as):
    html = html_of(client_as(Role.SECTOR_OFFICER))
    count = (
        Officer.objects.filter(
            current_on_today(), assignments__sector__code="PRZ-01", is_active=True
        )
        .distinct()
        .count()
    )
    assert '<a href="/en/staff/sectors/PRZ-01/">PRZ-01' in html
    assert f'<td data-officer-count="PRZ-01">{count}</td>' in html
    assert "/en/staff/sectors/PRZ-02/" not in html
    assert "Edit my public profile" in html


def test_the_navigation_shows_a_sector_officer_only_what_they_may_use(client_as):
    html = html_of(client_as(Role.SECTOR_OFFICER))
    assert 'href="/en/staff/officers/"' in html
    assert 'href="/en/staff/security/"' in html
    assert 'href="/en/staff/audit/"' not in html
    assert 'href="/en/staff/users/"' not in html
    assert 'href="/en/admin/"' not in html


def test_the_navigation_shows_directorate_staff_the_audit_users_and_admin(client_as):
    html = html_of(client_as(Role.DIRECTORATE_STAFF))
    for url in ("/en/staff/audit/", "/en/staff/users/", "/en/admin/"):
        assert f'href="{url}"' in html


def test_a_statistics_clerk_sees_their_days_and_no_sectors_or_officers(client_as):
    html = html_of(client_as(Role.STATISTICS_CLERK))
    assert "No sector is in your scope." not in html
    assert "My sectors" not in html
    assert 'data-figure="statistics-missing"' in html
    assert 'href="/en/staff/statistics/"' in html
    assert 'href="/en/staff/officers/"' not in html
    assert 'href="/en/staff/sectors/"' not in html


def test_a_station_commander_sees_their_station_s_figures(client_as):
    prz = Station.objects.get(code="PRZ")
    family = Q(station=prz) | Q(station__parent=prz)
    in_service = Officer.objects.filter(family, is_active=True)
    unassigned_before = in_service.exclude(
        pk__in=Officer.objects.filter(current_on_today())
    ).count()
    OfficerFactory(station=prz)  # in service, never assigned
    html = html_of(client_as(Role.STATION_COMMANDER))  # the commander: unassigned
    assert f"My station: {prz.name_en}" in html
    assert figure(html, "sectors") == Sector.objects.filter(family).count() == 12
    assert figure(html, "officers") == in_service.count()
    assert figure(html, "unassigned") == unassigned_before + 2


def test_kosovo_wide_readers_are_offered_the_whole_sector_list(client_as):
    html = html_of(client_as(Role.DIRECTOR_GENERAL))
    total = Sector.objects.count()
    assert f'<a href="/en/staff/sectors/">All {total} sectors in my scope</a>' in html


def test_directorate_staff_see_open_sector_proposals(client_as, person):
    commander = person(Role.STATION_COMMANDER)
    sector_change_propose(
        sector=Sector.objects.get(code="PRZ-03"),
        proposed_by=commander,
        text="Split the sector at the river.",
    )
    closed = sector_change_propose(
        sector=Sector.objects.get(code="PRZ-04"), proposed_by=commander, text="Old one."
    )
    SectorChangeProposal.objects.filter(pk=closed.pk).update(status="declined")
    html = html_of(client_as(Role.DIRECTORATE_STAFF))
    assert "Split the sector at the river." in html
    assert "Old one." not in html
    assert "Open proposals to change sectors" not in html_of(
        client_as(Role.DIRECTOR_GENERAL, "t-dg2")
    )


@pytest.mark.parametrize("language", STAFF_LANGUAGES)
def test_every_back_office_page_opens_in_each_language(client_as, language):
    client = client_as(Role.DIRECTORATE_STAFF)
    badge = Officer.objects.get(user=client.user).badge_number
    pages = [
        "",
        "sectors/",
        "sectors/PRZ-01/",
        "officers/",
        "officers/?page=2",
        "officers/new/",
        f"officers/{badge}/",
        f"officers/{badge}/edit/",
        f"officers/{badge}/account/",
        "audit/",
        "audit/?page=2",
        "users/",
        "users/new/",
        f"users/{client.user.pk}/",
        "security/",
    ]
    for page in pages:
        html = html_of(client, f"/{language}/staff/{page}")
        assert f'<html lang="{language}">' in html, page
