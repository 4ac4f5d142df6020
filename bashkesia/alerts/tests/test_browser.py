"""An officer warns their sector; a resident reads it and follows the sector."""

import datetime
import re

import pytest

from bashkesia.concerns.tests.test_browser import sign_in
from bashkesia.core import clock

pytestmark = pytest.mark.browser


def test_an_officer_warns_the_sector_and_a_resident_follows_it(
    browser_context, served_site, screenshot
):
    officer = browser_context(locale="en-GB").new_page()
    sign_in(officer, served_site, "officer")
    officer.get_by_role("link", name="Alerts").click()
    officer.get_by_role("link", name="Publish an alert").click()
    officer.get_by_label("Sector", exact=True).select_option(value="PRZ-01")
    officer.get_by_label("Title", exact=True).fill("Car break-ins near the stadium")
    officer.get_by_label("Text", exact=True).fill(
        "Four cars were broken into this week. Leave nothing inside."
    )
    until = clock.today() + datetime.timedelta(days=10)
    officer.get_by_label("Shown on the sector's page until").fill(until.isoformat())
    officer.get_by_role("button", name="Publish").click()
    officer.wait_for_url(re.compile(r"/en/staff/alerts/$"))
    assert "Published to sector PRZ-01" in officer.locator("main").inner_text()
    screenshot(officer)

    resident = browser_context(locale="sq-AL").new_page()
    resident.goto(served_site + "/sq/sectors/PRZ-01/")
    alerts = resident.locator(".sector-alerts")
    assert "Car break-ins near the stadium" in alerts.inner_text()
    resident.get_by_label("Adresa juaj e e-mailit").fill("banore@example.org")
    resident.get_by_role("button", name="Ndiqeni këtë sektor").click()
    resident.wait_for_url(re.compile(r"/sq/sectors/PRZ-01/follow/sent/$"))
    assert "lidhje" in resident.locator("main").inner_text()
    screenshot(resident)
