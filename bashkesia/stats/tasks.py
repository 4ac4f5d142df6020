"""Background tasks of the statistics (django-tasks, run by ``db_worker``)."""

import logging

from django_tasks import task

from bashkesia.core import clock

from .community.months import month_start
from .community.selectors import FRESH_FOR
from .community.services import community_months_due, community_months_refresh
from .models import CommunityMonth

logger = logging.getLogger(__name__)


@task()
def community_figures_refresh() -> None:
    """Recompute the community-policing rollup's due months: the current and
    the previous one, and those changed since they were computed.

    Enqueued by a read that finds the current month's rollup stale
    (``stats.community.selectors``), at most once per ``FRESH_FOR`` by each
    server process; the first of several such tasks does the work, the
    others find the month fresh and stop. ``refresh_community_figures`` does
    the same from cron, unconditionally.
    """
    recently = clock.now() - FRESH_FOR / 2
    if CommunityMonth.objects.filter(
        level=CommunityMonth.Level.KOSOVO,
        month=month_start(clock.today()),
        refreshed_at__gt=recently,
    ).exists():
        return
    months = community_months_due()
    rows = community_months_refresh(months=months)
    logger.info("Community figures: %s months refreshed, %s rows", len(months), rows)
