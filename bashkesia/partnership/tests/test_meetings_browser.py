"""A forum secretary records a meeting in a real Chromium: signs in with the
second factor, schedules the meeting, records who came and drafts the
minutes; the next meeting approves them; the public meeting page shows them.

The demo sign-in "secretary" holds the forum secretary role and the current
secretary's seat of the KKSB of Prizren.
"""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser

MINUTES = "The council heard the residents of Arbana about the school road."


def local(moment: datetime.datetime) -> str:
    """Return ``moment`` as a datetime-local input takes it (the site's time
    zone, which the tests share)."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def schedule(page, title: str, starts: datetime.datetime) -> None:
    form = page.locator("#schedule")
    form.get_by_label("Title").fill(title)
    form.get_by_label("Starts").fill(local(starts))
    form.get_by_label("Place").fill("Salla e Kuvendit Komunal, Prizren")
    expect(form.get_by_label(re.compile("^Open to the public"))).to_be_checked()
    form.get_by_label("Agenda").fill("Security report\nThe school road")
    form.get_by_role("button", name="Schedule the meeting").click()
    page.wait_for_url(re.compile(r"/en/staff/meetings/\d+/$"))
    expect(page.locator("main")).to_contain_text(f"The meeting “{title}” is scheduled.")


def test_a_secretary_records_a_meeting_and_the_next_meeting_approves_its_minutes(
    browser_context, served_site, screenshot
):
    page = browser_context(locale="en-GB").new_page()
    sign_in(page, served_site, "secretary")

    page.goto(served_site + "/en/staff/forums/")
    forum_link = page.locator("main a[href^='/en/staff/forums/']").filter(
        has_text="Prizren"
    )
    forum_path = re.match(
        r"/en/staff/forums/\d+/", forum_link.first.get_attribute("href")
    ).group()
    page.goto(served_site + forum_path + "meetings/")

    now = datetime.datetime.now(datetime.UTC)
    schedule(page, "Extraordinary council meeting", now - datetime.timedelta(hours=3))
    # Scheduled after it began: the public had no notice, and the page says so.
    expect(page.locator("main")).to_contain_text("the public had no notice ahead of it")
    first_meeting = page.url
    page.get_by_role("button", name="Mark as held").click()
    expect(page.locator("main")).to_contain_text("The meeting is marked as held.")

    attendance = page.locator("#attendance")
    attendance.locator("input[type=checkbox]").first.check()
    attendance.get_by_label("Citizens present").fill("12")
    attendance.get_by_label("Woman", exact=True).fill("5")
    attendance.get_by_label("Man", exact=True).fill("7")
    attendance.get_by_role("button", name="Record the attendance").click()
    expect(page.locator("main")).to_contain_text("The attendance is recorded.")

    page.locator("#minutes").get_by_label("Minutes").fill(MINUTES)
    page.get_by_role("button", name="Save the draft").click()
    expect(page.locator("main")).to_contain_text(
        "Version 1 of the minutes is saved as a draft."
    )
    expect(page.locator("[data-draft]")).to_contain_text(MINUTES)

    page.goto(served_site + forum_path + "meetings/")
    schedule(page, "Council meeting of the week", now - datetime.timedelta(hours=1))
    page.goto(first_meeting)
    approve = page.locator("#approve")
    option = approve.locator("option", has_text="Council meeting of the week")
    approve.get_by_label("Approved at the meeting").select_option(
        option.get_attribute("value")
    )
    approve.get_by_role("button", name="Approve the minutes").click()
    expect(page.locator("main")).to_contain_text(
        "Version 1 of the minutes is approved."
    )
    screenshot(page)

    public_path = page.get_by_role("link", name="Public page").get_attribute("href")
    visitor = browser_context(locale="sq-AL").new_page()
    visitor.goto(served_site + public_path.replace("/en/", "/sq/", 1))
    main = visitor.locator("main")
    expect(main.locator("[data-minutes-text]")).to_contain_text(MINUTES)
    expect(main.locator("[data-citizens-total]")).to_have_text("12")
    expect(main.locator("[data-members-present]")).to_have_text("1")
    expect(main).to_contain_text("Council meeting of the week")
    screenshot(visitor)
