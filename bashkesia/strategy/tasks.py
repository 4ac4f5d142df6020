"""Background tasks of the strategy (django-tasks, run by ``db_worker``)."""

import logging

from django_tasks import task

from .services.indicators import indicators_recalculate

logger = logging.getLogger(__name__)


@task()
def strategy_indicators_recalculate() -> None:
    """Recalculate the computed indicators, as ``recalculate_indicators``
    does from cron; enqueued after the directorate adds or changes a
    computed indicator."""
    result = indicators_recalculate()
    logger.info(
        "Computed indicators: %s written, %s updated, %s unchanged",
        result.created,
        result.updated,
        result.unchanged,
    )
