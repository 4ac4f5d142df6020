"""How many concerns and messages one address may post per hour."""

from django.conf import settings

from bashkesia.core.ratelimits import allow

__all__ = ["allow", "messages_per_hour", "submissions_per_hour"]


def submissions_per_hour() -> int:
    return settings.BASHKESIA_CONCERNS_PER_HOUR


def messages_per_hour() -> int:
    return settings.BASHKESIA_CONCERN_MESSAGES_PER_HOUR
