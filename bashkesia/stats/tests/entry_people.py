"""Who enters and confirms in the tests of entry, import and the write API,
on top of the demo data: the demo ``clerk`` (Prizren station PRZ, with its
substations PRZ-ZH and PRZ-SR), ``coordinator`` (the Prizren region PZ, which
also holds SUH) and ``directorate``; PEJ is a station of another region.
The demo leaves PRZ's yesterday not entered; every other day is confirmed."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from bashkesia.accounts.models import Role
from bashkesia.accounts.services import role_grant, user_create
from bashkesia.core import clock
from bashkesia.stats.models import FIGURES
from bashkesia.territory.models import Region, Station


def yesterday() -> datetime.date:
    return clock.today() - datetime.timedelta(days=1)


def demo_user(username: str) -> User:
    return get_user_model().objects.get(username=username)


def person(role: str, *, station: str | None = None, region: str | None = None) -> User:
    """Return a new user holding ``role`` at the station or region code."""
    username = f"t-{role}-{station or region or 'kosovo'}".lower()
    user = user_create(username=username, email=f"{username}@example.org")
    role_grant(
        user=user,
        role=role,
        station=Station.objects.get(code=station) if station else None,
        region=Region.objects.get(code=region) if region else None,
    )
    return get_user_model().objects.get(pk=user.pk)


def other_coordinator() -> User:
    return person(Role.REGIONAL_COORDINATOR, region="PE")


def figures(**changes: int | str) -> dict[str, int | str]:
    """A plausible station day (``changes`` on top)."""
    values: dict[str, int | str] = dict(
        zip(FIGURES, (0, 2, 3, 85, 2, 1, 0, 0), strict=True)
    )
    values.update(changes)
    return values
