"""Who is told what, in which language, when a concern moves; never the
reporter's identity or words to anybody else."""

import pytest
from django.core import mail

from bashkesia.accounts.models import Account
from bashkesia.concerns.models import Category
from bashkesia.concerns.services import (
    concern_acknowledge,
    concern_assign,
    concern_reopen,
    concern_reply,
    concern_reporter_message,
    concern_resolve,
    concern_submit,
)
from bashkesia.officers.models import Officer
from bashkesia.staff.tests.conftest import make_person

pytestmark = pytest.mark.django_db

# In sector PRZ-01, where make_person's sector officer and leader serve.
PRZ_01 = {"latitude": 42.2139, "longitude": 20.7397}


@pytest.fixture
def officers():
    """The sector officer and leader of PRZ-01, with accounts and addresses."""
    return make_person("sector_officer"), make_person("sector_leader")


def raise_concern(**extra):
    fields = {
        "category": Category.objects.get(code="public-order-noise"),
        "description": "Loud music at the house of Agim Gashi every night.",
        "source": "web",
        **PRZ_01,
    }
    fields.update(extra)
    concern, _created = concern_submit(**fields)
    return concern


def sent(run_tasks) -> dict[str, list]:
    run_tasks()
    by_address: dict[str, list] = {}
    for message in mail.outbox:
        by_address.setdefault(message.to[0], []).append(message)
    mail.outbox.clear()
    return by_address


def test_a_new_concern_tells_the_reporter_and_the_sector_officers(officers, run_tasks):
    officer, leader = officers
    Account.objects.filter(user=officer).update(language="en")
    concern = raise_concern(
        is_anonymous=False,
        reporter_name="Arta Berisha",
        reporter_email="arta@example.org",
        consent_to_contact=True,
        language="sq",
    )
    assert concern.sector.code == "PRZ-01"
    by_address = sent(run_tasks)
    assert {"arta@example.org", officer.email, leader.email} <= set(by_address)
    to_reporter = by_address["arta@example.org"][0]
    assert concern.tracking_code in to_reporter.body
    assert f"/sq/concerns/{concern.tracking_code}/" in to_reporter.body
    to_officer = by_address[officer.email][0]
    assert to_officer.subject == f"New concern {concern.tracking_code}"
    assert f"/en/staff/concerns/{concern.tracking_code}/" in to_officer.body
    assert "Public order and noise" in to_officer.body
    # The officer's message says who and what only behind the sign-in.
    for private in ("Arta", "arta@example.org", "Agim", "Loud music"):
        assert private not in to_officer.body
        assert private not in to_officer.subject


def test_an_anonymous_concern_is_news_for_the_sectors_officers_only(
    officers, run_tasks
):
    concern = raise_concern()
    working_here = set(
        Officer.objects.filter(
            assignments__sector=concern.sector,
            assignments__end_date__isnull=True,
            user__isnull=False,
        ).values_list("user__email", flat=True)
    )
    assert {officers[0].email, officers[1].email} <= working_here
    assert set(sent(run_tasks)) == working_here


def test_officers_get_e_mail_in_the_language_they_work_in(officers, run_tasks):
    officer, _leader = officers
    Account.objects.filter(user=officer).update(language="sr")
    concern = raise_concern()
    message = sent(run_tasks)[officer.email][0]
    assert f"/sr/staff/concerns/{concern.tracking_code}/" in message.body
    assert "Нова" in message.subject


def test_the_reporter_hears_of_public_replies_and_status_changes_only(
    officers, run_tasks
):
    officer, _leader = officers
    concern = raise_concern(
        is_anonymous=False, reporter_email="arta@example.org", language="en"
    )
    sent(run_tasks)

    concern_acknowledge(concern=concern, by=officer)
    message = sent(run_tasks)["arta@example.org"][0]
    assert message.subject == f"News on your concern {concern.tracking_code}"
    assert "Status: acknowledged" in message.body

    concern_reply(
        concern=concern, by=officer, text="Internal: check the permit.", public=False
    )
    assert "arta@example.org" not in sent(run_tasks)

    concern_reply(
        concern=concern, by=officer, text="A patrol passes tonight.", public=True
    )
    message = sent(run_tasks)["arta@example.org"][0]
    assert "A patrol passes tonight." in message.body
    assert officer.username not in message.body

    concern_resolve(concern=concern, by=officer, text="The owner was warned.")
    message = sent(run_tasks)["arta@example.org"][0]
    assert "Status: resolved" in message.body
    assert "The owner was warned." in message.body


def test_the_reporters_message_goes_to_the_assigned_officer_only(officers, run_tasks):
    officer, leader = officers
    concern = raise_concern()
    sent(run_tasks)
    concern_assign(
        concern=concern, officer=Officer.objects.get(user=officer), by=leader
    )
    concern_reporter_message(concern=concern, text="It happened again tonight.")
    by_address = sent(run_tasks)
    assert list(by_address) == [officer.email]
    message = by_address[officer.email][0]
    assert "shtoi informacion" in message.body  # in Albanian, their language
    assert "tonight" not in message.body


def test_a_reopened_concern_is_news_for_its_officers(officers, run_tasks):
    officer, leader = officers
    concern = raise_concern()
    concern_resolve(concern=concern, by=officer, text="Done.")
    sent(run_tasks)
    concern_reopen(concern=concern, text="Still loud every night.")
    by_address = sent(run_tasks)
    assert {officer.email, leader.email} <= set(by_address)
    assert "u rihap" in by_address[officer.email][0].subject


def test_a_concern_refused_for_bad_input_tells_nobody(officers, run_tasks):
    with pytest.raises(Exception):  # noqa: B017 (the ValidationError's kind is tested elsewhere)
        raise_concern(description="")
    assert run_tasks() == 0
