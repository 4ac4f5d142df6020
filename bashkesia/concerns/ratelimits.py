"""Limits per address on what anonymous people may post (cache counters)."""

from django.conf import settings
from django.core.cache import cache


def submissions_per_hour() -> int:
    return settings.BASHKESIA_CONCERNS_PER_HOUR


def messages_per_hour() -> int:
    return settings.BASHKESIA_CONCERN_MESSAGES_PER_HOUR


def allow(*, action: str, address: str | None, limit: int, window: int = 3600) -> bool:
    """Count one ``action`` from ``address``; return False once over ``limit``."""
    if not address:
        return True
    key = f"ratelimit:{action}:{address}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
