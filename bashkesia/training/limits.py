"""How often one address may look a certificate up (pages and the API
together): enough for a person, too few to enumerate codes."""

from django.conf import settings
from django.http import HttpRequest

from bashkesia.core.audit import client_address
from bashkesia.core.ratelimits import allow


def lookups_allowed(request: HttpRequest) -> bool:
    """Count one certificate look-up from the request's address; return
    False once over the hourly limit."""
    return allow(
        action="certificate-lookup",
        address=client_address(request),
        limit=settings.BASHKESIA_CERTIFICATE_LOOKUPS_PER_HOUR,
    )
