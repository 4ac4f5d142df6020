"""A sector officer's journey in a real Chromium: open a problem, make it a
priority of the sector, record what was done, and read it on the sector's
public page ("you said, we did")."""

import re
import uuid

import pytest

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_an_officer_turns_a_problem_into_a_priority_the_public_reads(
    browser_context, served_site, screenshot
):
    run = uuid.uuid4().hex[:6]
    issue = f"Speeding past the primary school ({run})"
    done = f"Speed checks at school time, twice a week ({run})"
    page = browser_context(locale="en-GB").new_page()
    sign_in(page, served_site, "officer")

    page.goto(served_site + "/en/staff/problems/new/")
    page.get_by_label("Sector").select_option("PRZ-01")
    page.get_by_label("Problem", exact=True).fill(f"Cars race at 8:00 ({run})")
    page.get_by_label("What was observed").fill("Cars at 70 km/h; three near misses.")
    page.get_by_role("button", name="Open the problem").click()
    page.wait_for_url(re.compile(r"/en/staff/problems/\d+/$"))
    assert "is open, at the scanning stage." in page.locator("main").inner_text()

    page.get_by_label("Issue, as the public reads it").fill(issue)
    page.get_by_role("button", name="Publish as a priority").click()
    page.wait_for_load_state()
    assert "now a priority on the public page of sector PRZ-01" in (
        page.locator("main").inner_text()
    )

    page.get_by_role("link", name=re.compile(re.escape(issue[:40]))).click()
    page.wait_for_url(re.compile(r"/en/staff/priorities/\d+/$"))
    page.get_by_label("What the police did").fill(done)
    page.get_by_role("button", name="Record what was done").click()
    page.wait_for_load_state()
    screenshot(page)

    page.goto(served_site + "/en/sectors/PRZ-01/")
    section = page.locator("section.sector-priorities")
    assert issue in section.inner_text()
    assert done in section.inner_text()
    section.get_by_role("link", name="All the sector's priorities").click()
    page.wait_for_url(re.compile(r"/en/sectors/PRZ-01/priorities/$"))
    assert issue in page.locator("main").inner_text()
