"""Background tasks that send e-mail, retried when sending fails.

Tasks live in the database (django-tasks-db) and are run by
``manage.py db_worker`` (``make serve`` starts one beside the web server).
A task enqueued inside a transaction is stored with it: it exists, and runs,
only once that transaction commits.
"""

import datetime
import logging

from django.core.mail import EmailMessage
from django_tasks import task

from bashkesia.core import clock

logger = logging.getLogger(__name__)

# After the first try fails: again after 1 minute, 5, 30, 2 hours, 12 hours.
RETRY_DELAYS = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
]


@task()
def email_send(
    *, to: str, subject: str, body: str, headers: dict[str, str], attempt: int = 1
) -> None:
    """Send one message; when that fails, enqueue the next attempt and re-raise.

    The failed attempt stays in the task list with its error; after the last
    retry the failure is logged as an error for someone to look into.
    """
    try:
        EmailMessage(subject, body, None, [to], headers=headers).send()
    except Exception:
        if attempt <= len(RETRY_DELAYS):
            email_send.using(run_after=clock.now() + RETRY_DELAYS[attempt - 1]).enqueue(
                to=to, subject=subject, body=body, headers=headers, attempt=attempt + 1
            )
        else:
            logger.error(
                "E-mail %r to %s not sent after %s attempts", subject, to, attempt
            )
        raise
