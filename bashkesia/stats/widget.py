"""The general-statistics widget on every public page: Kosovo's bulletin of
the published day, kept per process and read again only when the figures
change (the ``stats`` revision, checked at most once a second), so that a
page view costs no query for it."""

import threading
import time

from django.conf import settings

from bashkesia.core.revisions import revision_get

from . import selectors
from .services import STATS_REVISION


class Bulletin:
    """Hands out the published day's bulletin, reading it again when stale."""

    def __init__(self) -> None:
        self._value: selectors.DayFigures | None = None
        self._revision: str | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def get(self) -> selectors.DayFigures | None:
        interval = settings.BASHKESIA_TERRITORY_CHECK_SECONDS
        if self._revision is not None and time.monotonic() - self._checked_at < (
            interval
        ):
            return self._value
        with self._lock:
            revision = revision_get(name=STATS_REVISION)
            if revision != self._revision:
                day = selectors.published_day()
                self._value = (
                    selectors.bulletin_for_day(day=day) if day is not None else None
                )
                self._revision = revision
            self._checked_at = time.monotonic()
            return self._value

    def forget(self) -> None:
        with self._lock:
            self._revision = None


bulletin = Bulletin()
