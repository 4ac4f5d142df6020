"""The in-process sector locator: point to sector through an STRtree.

Every server process keeps one ``SectorIndex`` built from the sectors in the
database. The index remembers the territory revision it was built from; the
``locator`` rebuilds it when another process (or this one) bumps the revision.
"""

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from django.conf import settings
from numpy.typing import ArrayLike

from bashkesia.core.revisions import revisions_get

TERRITORY = "territory"
# Bodies of data the memoised responses also derive from (a sector's
# priorities and next events, kept by the partnership app): a new token of
# one of them empties the memo, and leaves the tree as it is.
COMMUNITY = "community"
MEMO_SOURCES = (COMMUNITY,)


@dataclass(eq=False)
class SectorIndex:
    """Sectors in code order, with an STRtree over their polygons.

    A point on a border shared by several sectors goes to the one whose code
    sorts first, so every answer is deterministic.
    """

    ids: np.ndarray
    codes: list[str]
    geometries: np.ndarray
    revision: str = ""
    # Derived data (serialised responses, ...) that lives as long as the index
    # and the tokens of ``MEMO_SOURCES`` it was derived from.
    memo: dict[Any, Any] = field(default_factory=dict)
    memo_tokens: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        shapely.prepare(self.geometries)
        self.tree = shapely.STRtree(self.geometries)

    @classmethod
    def build(
        cls, rows: Iterable[tuple[int, str, dict]], *, revision: str = ""
    ) -> "SectorIndex":
        """Build from ``(id, code, GeoJSON geometry)`` rows."""
        ordered = sorted(rows, key=lambda row: row[1])
        return cls(
            ids=np.array([row[0] for row in ordered], dtype=np.int64),
            codes=[row[1] for row in ordered],
            geometries=np.array(
                [shapely.geometry.shape(row[2]) for row in ordered], dtype=object
            ),
            revision=revision,
        )

    def __len__(self) -> int:
        return len(self.codes)

    def locate(self, lon: float, lat: float) -> int | None:
        """Return the id of the sector covering the point, or None."""
        hits = self.tree.query(shapely.Point(lon, lat), predicate="intersects")
        if len(hits) == 0:
            return None
        return int(self.ids[hits.min()])

    def locate_many(self, lons: ArrayLike, lats: ArrayLike) -> np.ndarray:
        """Return sector ids for many points at once; -1 where none covers."""
        points = shapely.points(np.asarray(lons), np.asarray(lats))
        point_index, geometry_index = self.tree.query(points, predicate="intersects")
        best = np.full(len(points), np.iinfo(np.int64).max, dtype=np.int64)
        np.minimum.at(best, point_index, geometry_index)
        found = best != np.iinfo(np.int64).max
        result = np.full(len(points), -1, dtype=np.int64)
        result[found] = self.ids[best[found]]
        return result


class Locator:
    """Hands out the current ``SectorIndex``, rebuilding it when stale."""

    def __init__(self) -> None:
        self._index: SectorIndex | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def index(self) -> SectorIndex:
        index = self._index
        interval = settings.BASHKESIA_TERRITORY_CHECK_SECONDS
        if index is not None and time.monotonic() - self._checked_at < interval:
            return index
        with self._lock:
            tokens = revisions_get(names=[TERRITORY, *MEMO_SOURCES])
            revision = tokens.pop(TERRITORY)
            if self._index is None or self._index.revision != revision:
                self._index = self._build(revision)
            elif self._index.memo_tokens != tokens:
                self._index.memo.clear()
            self._index.memo_tokens = tokens
            self._checked_at = time.monotonic()
            return self._index

    def forget_memo(self) -> None:
        """Forget the memoised responses; the tree stays."""
        with self._lock:
            if self._index is not None:
                self._index.memo.clear()

    def invalidate(self) -> None:
        """Forget the index; the next lookup rebuilds it."""
        with self._lock:
            self._index = None

    @staticmethod
    def _build(revision: str) -> SectorIndex:
        from .models import Sector

        rows = Sector.objects.values_list("id", "code", "boundary")
        return SectorIndex.build(rows, revision=revision)


locator = Locator()
