"""E-mail goes out in the background, after the commit, and is retried."""

import smtplib

import pytest
from django.core import mail
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bashkesia.notifications import tasks
from bashkesia.notifications.services import email_enqueue

pytestmark = pytest.mark.django_db


def test_a_message_waits_for_the_worker(run_tasks):
    email_enqueue(to="a@example.org", subject="Hello", body="Body")
    assert mail.outbox == []
    assert run_tasks() == 1
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert mail.outbox[0].extra_headers["Auto-Submitted"] == "auto-generated"
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers


def test_a_message_of_a_rolled_back_transaction_is_never_sent(run_tasks):
    class Refused(Exception):
        pass

    with pytest.raises(Refused), transaction.atomic():
        email_enqueue(to="a@example.org", subject="Hello", body="Body")
        raise Refused
    assert run_tasks() == 0
    assert mail.outbox == []


def test_a_failed_send_is_retried_later_then_given_up(monkeypatch, run_tasks, caplog):
    attempts = []

    def fail(self, fail_silently=False):
        attempts.append(self.to)
        raise smtplib.SMTPServerDisconnected("the server went away")

    monkeypatch.setattr(tasks.EmailMessage, "send", fail)
    email_enqueue(to="a@example.org", subject="Hello", body="Body")
    assert run_tasks() == 1
    # The next attempt waits a minute: not run now.
    assert run_tasks() == 0
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after is not None
    # Run the retries as their time comes: 1 + 5 retries, then it gives up.
    assert run_tasks(deferred=True) == len(tasks.RETRY_DELAYS)
    assert len(attempts) == 1 + len(tasks.RETRY_DELAYS)
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 6
    assert "not sent after 6 attempts" in caplog.text


def test_a_retry_that_succeeds_sends_once(monkeypatch, run_tasks):
    calls = []
    real_send = tasks.EmailMessage.send

    def flaky(self, fail_silently=False):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("connection refused")
        return real_send(self, fail_silently)

    monkeypatch.setattr(tasks.EmailMessage, "send", flaky)
    email_enqueue(to="a@example.org", subject="Hello", body="Body")
    run_tasks()
    run_tasks(deferred=True)
    assert len(mail.outbox) == 1
