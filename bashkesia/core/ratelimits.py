"""Limits per address on what anonymous people may post (cache counters)."""

from django.core.cache import cache


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
