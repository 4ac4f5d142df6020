"""The community-policing figures, from the platform's own data: concerns
received and resolved, the median times to acknowledge and to resolve, the
share resolved within the target time, forum meetings held, active forums,
sector priorities set and acted on; per sector, station, region and Kosovo.

They are read from a monthly rollup, ``CommunityMonth`` (``services`` writes
it, ``selectors`` reads it): any range for any scope reads a few dozen rows.
How it stays fresh:

- ``manage.py refresh_community_figures`` (cron, daily) recomputes the
  current and previous month and every month whose concerns, meetings or
  priorities changed since it was computed (a concern resolved today counts
  in the month it was submitted); ``--all`` recomputes every month (after
  an import, a deletion, or a change of a category's target);
- a read whose range takes in the current month and finds its rollup older
  than ``FRESH_FOR`` (10 minutes) enqueues the same refresh as a background
  task (``stats.tasks.community_figures_refresh``, at most once per
  ``FRESH_FOR`` and process) and answers from the rollup as it is: a read
  never waits for a refresh;
- ``load_demo`` fills every month.
"""

from .histogram import DAYS_EDGES, HOURS_EDGES, histogram_median
from .selectors import CommunityFigures, community_figures, community_figures_recent
from .services import (
    community_months_all,
    community_months_changed,
    community_months_due,
    community_months_refresh,
)

__all__ = [
    "DAYS_EDGES",
    "HOURS_EDGES",
    "CommunityFigures",
    "community_figures",
    "community_figures_recent",
    "community_months_all",
    "community_months_changed",
    "community_months_due",
    "community_months_refresh",
    "histogram_median",
]
