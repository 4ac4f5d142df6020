"""Who may do what with the police's partners."""

from bashkesia.accounts.models import Role
from bashkesia.accounts.permissions import AnyUser, has_role

PARTNER_MANAGERS = (Role.DIRECTORATE_STAFF, Role.DIRECTOR_GENERAL)


def can_manage_partners(user: AnyUser) -> bool:
    """List, create, change and deactivate partners: directorate staff and
    the Director General (without a query: the menu asks on every page)."""
    return has_role(user, *PARTNER_MANAGERS)
