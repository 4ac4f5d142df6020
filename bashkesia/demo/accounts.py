"""Demo sign-ins, one per role, each with a fixed second-factor secret.

They work only where ``BASHKESIA_DEMO_LOGINS`` is on (the demo's .env), and
``manage.py demo_logins`` prints them with the current codes.
"""

import base64
import hashlib
from dataclasses import dataclass

import pyotp
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from bashkesia.accounts import services as account_services
from bashkesia.accounts.models import Account, Role, RoleGrant
from bashkesia.core import clock
from bashkesia.officers.models import Officer, SectorAssignment
from bashkesia.partnership.models import ForumKind, ForumStatus, MemberRole, Membership
from bashkesia.territory.models import Region, Station

PASSWORD = "bashkesia-demo"  # noqa: S105 (published demo login)


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    scope: str

    @property
    def totp_secret(self) -> str:
        digest = hashlib.sha256(f"bashkesia-demo-{self.username}".encode()).digest()
        return base64.b32encode(digest[:20]).decode()

    def current_code(self) -> str:
        return pyotp.TOTP(self.totp_secret).at(clock.now())


DEMO_LOGINS = [
    DemoLogin("officer", Role.SECTOR_OFFICER, "PRZ-01"),
    DemoLogin("leader", Role.SECTOR_LEADER, "PRZ-01"),
    DemoLogin("commander", Role.STATION_COMMANDER, "PRZ"),
    DemoLogin("coordinator", Role.REGIONAL_COORDINATOR, "PZ"),
    DemoLogin("directorate", Role.DIRECTORATE_STAFF, "Kosovo"),
    DemoLogin("director", Role.DIRECTOR_GENERAL, "Kosovo"),
    DemoLogin("clerk", Role.STATISTICS_CLERK, "PRZ"),
    DemoLogin("secretary", Role.FORUM_SECRETARY, "KKSB PRZ"),
    DemoLogin("trainer", Role.TRAINING_COORDINATOR, "Kosovo"),
    DemoLogin("admin", Role.ADMINISTRATOR, "system"),
]


def _officer_for(login: DemoLogin) -> Officer | None:
    if login.role in (Role.SECTOR_OFFICER, Role.SECTOR_LEADER):
        kind = (
            SectorAssignment.Kind.SECTOR_LEADER
            if login.role == Role.SECTOR_LEADER
            else SectorAssignment.Kind.SECTOR_OFFICER
        )
        assignment = (
            SectorAssignment.objects.filter(
                sector__code=login.scope, kind=kind, end_date__isnull=True
            )
            .select_related("officer")
            .order_by("officer__badge_number")
            .first()
        )
        return assignment.officer if assignment else None
    if login.role == Role.STATION_COMMANDER:
        return Officer.objects.filter(
            role=Role.STATION_COMMANDER, station__code=login.scope
        ).first()
    if login.role == Role.REGIONAL_COORDINATOR:
        return Officer.objects.filter(
            role=Role.REGIONAL_COORDINATOR, region__code=login.scope
        ).first()
    return None


def demo_secretary_seat_link() -> None:
    """Seat the demo "secretary" sign-in as the current secretary of the KKSB
    of Prizren, when both the account and the demo forums exist (whichever
    was loaded first)."""
    user = get_user_model().objects.filter(username="secretary").first()
    seat = (
        Membership.objects.filter(
            forum__is_demo=True,
            forum__kind=ForumKind.KKSB,
            forum__status=ForumStatus.ACTIVE,
            forum__municipality__code="PRZ",
            role=MemberRole.SECRETARY,
            end_date__isnull=True,
        )
        .order_by("-start_date", "-pk")
        .first()
    )
    if user is None or seat is None or seat.user_id == user.pk:
        return
    seat.user = user
    seat.save(update_fields=["user", "updated_at"])


def _secretary_role_grant(user: User) -> None:
    # The back office never grants this role by hand (``RoleGrant.clean``
    # refuses it): a secretary is appointed with a forum's seat. The demo
    # appoints one, so it writes the grant that goes with the seat itself.
    RoleGrant.objects.get_or_create(
        user=user,
        role=Role.FORUM_SECRETARY,
        station=None,
        region=None,
        revoked_at=None,
    )
    demo_secretary_seat_link()


def demo_accounts_ensure() -> None:
    """Create the demo accounts that are missing (existing ones stay as are)."""
    user_model = get_user_model()
    for login in DEMO_LOGINS:
        user = user_model.objects.filter(username=login.username).first()
        if user is None:
            user = account_services.user_create(
                username=login.username,
                email=f"{login.username}@demo.kosovopolice.invalid",
                password=PASSWORD,
                is_demo=True,
            )
        account, _ = Account.objects.get_or_create(user=user)
        account.is_demo = True
        account.totp_secret = login.totp_secret
        account.totp_confirmed_at = account.totp_confirmed_at or clock.now()
        account.save()
        officer = _officer_for(login)
        if officer is not None and officer.user_id != user.pk:
            account_services.officer_link_user(officer=officer, user=user)
        if login.role == Role.FORUM_SECRETARY:
            _secretary_role_grant(user)
            continue
        station = Station.objects.filter(code=login.scope).first()
        region = Region.objects.filter(code=login.scope).first()
        account_services.role_grant(
            user=user,
            role=login.role,
            station=station
            if login.role in (Role.STATION_COMMANDER, Role.STATISTICS_CLERK)
            else None,
            region=region if login.role == Role.REGIONAL_COORDINATOR else None,
        )
