"""Times as histograms: counts per bucket of fixed edges, which add up across
sectors and months; a median is interpolated within its bucket.

A histogram of ``edges`` (ascending, the first 0) has one count per edge:
bucket ``i`` holds the times from ``edges[i]`` up to (not including)
``edges[i + 1]``, the last one everything from the last edge on. Changing
the edges means recomputing every month (``refresh_community_figures
--all``).
"""

from collections.abc import Sequence

# Hours from submission to acknowledgement (the targets are 1 to 72 hours).
HOURS_EDGES: tuple[float, ...] = (
    0, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, 120, 168, 240, 336, 720,
)  # fmt: skip
# Days from submission to resolution (the targets are 3 to 30 days).
DAYS_EDGES: tuple[float, ...] = (
    0, 0.5, 1, 2, 3, 4, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365,
)  # fmt: skip


def histogram_from_cumulative(below: Sequence[int], total: int) -> list[int]:
    """Return the counts per bucket from ``below[k]``, how many times are
    below ``edges[k + 1]``, and ``total``; empty when ``total`` is 0."""
    if not total:
        return []
    bounds = [0, *below, total]
    return [high - low for low, high in zip(bounds, bounds[1:], strict=False)]


def histogram_add(total: list[int], counts: Sequence[int]) -> list[int]:
    """Add ``counts`` to ``total`` in place (either may be shorter); return it."""
    if len(total) < len(counts):
        total.extend([0] * (len(counts) - len(total)))
    for index, count in enumerate(counts):
        total[index] += count
    return total


def histogram_median(counts: Sequence[int], edges: Sequence[float]) -> float | None:
    """Return the median of a histogram, interpolated linearly within the
    bucket it falls in (the lower edge of the last, open bucket), or None
    when it counts nothing."""
    size = sum(counts)
    if not size:
        return None
    half = size / 2
    below = 0
    for index, count in enumerate(counts):
        if count and below + count >= half:
            low = edges[index]
            if index + 1 >= len(edges):
                return float(low)
            high = edges[index + 1]
            return low + (half - below) / count * (high - low)
        below += count
    return float(edges[len(counts) - 1])  # not reached: the counts add up
