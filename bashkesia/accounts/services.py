"""Every write to users, their roles and their officer link."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bashkesia.core import clock
from bashkesia.officers.models import Officer
from bashkesia.territory.models import Region, Station

from .models import Account, Role, RoleGrant

# Roles whose holders also run the Django admin (reference data, users).
ADMIN_ROLES = {Role.DIRECTORATE_STAFF, Role.ADMINISTRATOR}


@transaction.atomic
def user_create(
    *,
    username: str,
    email: str,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    is_demo: bool = False,
) -> User:
    """Create a user; without a password, they choose one by password reset."""
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is taken.")})
    if email and user_model.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Another account has this e-mail address.")})
    user = user_model(
        username=username, email=email, first_name=first_name, last_name=last_name
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    Account.objects.create(user=user, is_demo=is_demo)
    return user


def _sync_admin_flags(user: User) -> None:
    wants_admin = RoleGrant.objects.filter(
        user=user, role__in=ADMIN_ROLES, revoked_at__isnull=True
    ).exists()
    if user.is_staff != wants_admin or user.is_superuser != wants_admin:
        user.is_staff = user.is_superuser = wants_admin
        user.save(update_fields=["is_staff", "is_superuser"])


@transaction.atomic
def role_grant(
    *,
    user: User,
    role: str,
    station: Station | None = None,
    region: Region | None = None,
    granted_by: User | None = None,
) -> RoleGrant:
    """Give ``user`` a role in a scope (the same active grant is returned)."""
    existing = RoleGrant.objects.filter(
        user=user, role=role, station=station, region=region, revoked_at__isnull=True
    ).first()
    if existing is not None:
        return existing
    grant = RoleGrant(
        user=user, role=role, station=station, region=region, granted_by=granted_by
    )
    grant.full_clean()
    grant.save()
    _sync_admin_flags(user)
    return grant


@transaction.atomic
def role_revoke(*, grant: RoleGrant) -> RoleGrant:
    grant.revoked_at = clock.now()
    grant.save(update_fields=["revoked_at", "updated_at"])
    _sync_admin_flags(grant.user)
    return grant


@transaction.atomic
def officer_link_user(*, officer: Officer, user: User | None) -> Officer:
    """Link an officer to the account they sign in with (or unlink)."""
    if user is not None:
        other = Officer.objects.filter(user=user).exclude(pk=officer.pk).first()
        if other is not None:
            raise ValidationError(
                _("This account already belongs to officer %(badge)s.")
                % {"badge": other.badge_number}
            )
    officer.user = user
    officer.full_clean()
    officer.save(update_fields=["user", "updated_at"])
    if user is not None:
        role = (
            Role.SECTOR_LEADER
            if officer.role == Role.SECTOR_LEADER
            else Role.SECTOR_OFFICER
        )
        if officer.role in (Role.SECTOR_OFFICER, Role.SECTOR_LEADER):
            role_grant(user=user, role=role)
    return officer
