"""People of the back-office tests: one user per role, scoped in Prizren.

Users are made as the product makes them (``user_create``, ``role_grant``,
``officer_link_user``, a forum's seat) on top of the demo data: station PRZ
(with substations PRZ-ZH and PRZ-SR) of the Prizren region (PZ).
"""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.test import Client

from bashkesia.accounts.decorators import SESSION_VERIFIED
from bashkesia.accounts.models import Role
from bashkesia.accounts.services import officer_link_user, role_grant, user_create
from bashkesia.core import clock
from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.officers.services import assignment_start
from bashkesia.officers.tests.factories import OfficerFactory
from bashkesia.partnership.models import Forum, ForumKind, ForumStatus, MemberRole
from bashkesia.partnership.services.forums import forum_create, membership_add
from bashkesia.territory.models import Municipality, Region, Sector, Station

STAFF_LANGUAGES = ["sq", "sr-latn", "sr", "en"]
ANONYMOUS = "anonymous"
NO_ROLE = "no_role"
ROLES = [
    Role.SECTOR_OFFICER,
    Role.SECTOR_LEADER,
    Role.STATION_COMMANDER,
    Role.REGIONAL_COORDINATOR,
    Role.DIRECTORATE_STAFF,
    Role.DIRECTOR_GENERAL,
    Role.STATISTICS_CLERK,
    Role.FORUM_SECRETARY,
    Role.ADMINISTRATOR,
    NO_ROLE,
    ANONYMOUS,
]
# The roles whose users are officers, with a public profile of their own.
OFFICER_ROLES = [
    Role.SECTOR_OFFICER,
    Role.SECTOR_LEADER,
    Role.STATION_COMMANDER,
    Role.REGIONAL_COORDINATOR,
    Role.DIRECTORATE_STAFF,
]


def sign_in(client: Client, user) -> Client:
    """Sign ``user`` in as if they had passed the second factor."""
    client.force_login(user)
    session = client.session
    session[SESSION_VERIFIED] = True
    session.save()
    return client


def says(html: str, text: str) -> bool:
    """Return whether ``text`` stands in ``html`` as whole words."""
    return re.search(rf"(?<![\w]){re.escape(text)}(?![\w])", html) is not None


def current_on_today() -> Q:
    """Return the condition "current today" on an officer's assignments."""
    day = clock.today()
    return Q(assignments__start_date__lte=day) & (
        Q(assignments__end_date__isnull=True) | Q(assignments__end_date__gte=day)
    )


def current_officer_of(code: str) -> Officer:
    """Return a demo officer now assigned to sector ``code``."""
    return (
        SectorAssignment.objects.filter(
            sector__code=code,
            kind=SectorAssignment.Kind.SECTOR_OFFICER,
            end_date__isnull=True,
        )
        .select_related("officer")
        .order_by("officer__badge_number")
        .first()
        .officer
    )


def make_person(role: str, username: str | None = None):
    """Return a user holding ``role`` in the Prizren scope (None: anonymous).

    Officers of the sector roles serve in PRZ-01 (the leader leads it);
    the commander commands PRZ, the coordinator the PZ region, the clerk
    counts for PRZ; the forum secretary holds, as the demo "secretary" does,
    the secretary's seat of the KKSB of Prizren (which brings the role).
    """
    if role == ANONYMOUS:
        return None
    username = username or f"t-{role}"
    user = user_create(username=username, email=f"{username}@example.org")
    prz = Station.objects.get(code="PRZ")
    since = clock.today() - datetime.timedelta(days=30)
    officer_fields = {
        Role.SECTOR_OFFICER: {"station": prz},
        Role.SECTOR_LEADER: {"station": prz},
        Role.STATION_COMMANDER: {"station": prz},
        Role.REGIONAL_COORDINATOR: {"station": None, "region": prz_region()},
        Role.DIRECTORATE_STAFF: {"station": None},
    }
    if role in officer_fields:
        officer = OfficerFactory(role=role, **officer_fields[role])
        if role in (Role.SECTOR_OFFICER, Role.SECTOR_LEADER):
            assignment_start(
                officer=officer,
                sector=Sector.objects.get(code="PRZ-01"),
                kind=role,
                start_date=since,
            )
        # Linking grants sector officers and leaders their role.
        officer_link_user(officer=officer, user=user)
    scopes = {
        Role.STATION_COMMANDER: {"station": prz},
        Role.REGIONAL_COORDINATOR: {"region": prz_region()},
        Role.DIRECTORATE_STAFF: {},
        Role.DIRECTOR_GENERAL: {},
        Role.STATISTICS_CLERK: {"station": prz},
        Role.ADMINISTRATOR: {},
    }
    if role in scopes:
        role_grant(user=user, role=role, **scopes[role])
    if role == Role.FORUM_SECRETARY:
        membership_add(
            forum=prz_kksb(),
            by=demo_user("directorate"),
            name="Drita Berisha",
            role=MemberRole.SECRETARY,
            start_date=since,
            appointment_reference="01-016/24",
            user=user,
        )
    user.refresh_from_db()
    return user


def demo_user(username: str):
    return get_user_model().objects.get(username=username)


def prz_kksb() -> Forum:
    """Return the KKSB of Prizren, set up by the directorate when missing
    (the test database holds no partnership demo data)."""
    forum = Forum.objects.filter(
        kind=ForumKind.KKSB, status=ForumStatus.ACTIVE, municipality__code="PRZ"
    ).first()
    if forum is None:
        forum = forum_create(
            by=demo_user("directorate"),
            kind=ForumKind.KKSB,
            municipality=Municipality.objects.get(code="PRZ"),
            name_sq="Këshilli Komunal për Siguri në Bashkësi – Prizren",
            name_sr_latn="Opštinski savet za bezbednost u zajednici – Prizren",
            name_en="Prizren Municipal Community Safety Council",
        )
    return forum


def prz_region() -> Region:
    return Region.objects.get(code="PZ")


@pytest.fixture
def person(db):
    return make_person


@pytest.fixture
def client_as(db):
    """Return a factory: a test client signed in (verified) as a new user of
    the role, or anonymous."""

    def make(role: str, username: str | None = None) -> Client:
        client = Client()
        user = make_person(role, username)
        if user is not None:
            sign_in(client, user)
        client.user = user
        return client

    return make
