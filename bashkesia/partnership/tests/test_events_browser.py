"""A sector officer publishes a "meet your sector officers" event; a citizen
finds it from their sector page and adds it to their calendar."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_a_citizen_adds_their_sector_officers_event_to_their_calendar(
    browser_context, served_site, screenshot, tmp_path
):
    # Within the hour: the soonest event of the sector, whatever the demo
    # data plans there, so that the sector page lists it.
    now = timezone.localtime()
    starts = now.replace(second=0, microsecond=0) + datetime.timedelta(
        minutes=65 - now.minute % 5
    )
    ends = starts + datetime.timedelta(hours=1)
    officer = browser_context(locale="en-GB").new_page()
    sign_in(officer, served_site, "officer")
    officer.locator(".staff-nav").get_by_role("link", name="Events").click()
    officer.wait_for_url(re.compile(r"/en/staff/events/$"))
    officer.get_by_role("link", name="Publish an event").click()
    officer.get_by_label("Police sector").select_option("PRZ-01")
    officer.get_by_label("Kind").select_option("meet_officers")
    officer.get_by_label("Title").fill("Coffee with your sector officers")
    officer.get_by_label("Description").fill("Bring your questions about the area.")
    officer.get_by_label("Starts").fill(starts.strftime("%Y-%m-%dT%H:%M"))
    officer.get_by_label("Ends").fill(ends.strftime("%Y-%m-%dT%H:%M"))
    officer.get_by_label("Place").fill("Shadërvan square")
    officer.get_by_role("button", name="Publish").click()
    officer.wait_for_url(re.compile(r"/en/staff/events/$"))
    assert "is on the public calendar" in officer.locator("main").inner_text()

    citizen = browser_context(locale="en-GB", accept_downloads=True).new_page()
    citizen.goto(served_site + "/en/sectors/PRZ-01/")
    next_events = citizen.locator(".sector-events")
    assert "Coffee with your sector officers" in next_events.inner_text()
    next_events.get_by_role("link", name="Coffee with your sector officers").click()
    citizen.wait_for_url(re.compile(r"/en/events/\d+/$"))
    text = citizen.locator("main").inner_text()
    assert "Shadërvan square" in text
    assert starts.strftime("%H:%M") in text
    screenshot(citizen)
    with citizen.expect_download() as download:
        citizen.get_by_role("link", name="Add to my calendar").click()
    path = Path(tmp_path / "event.ics")
    download.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Coffee with your sector officers"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert str(vevent["LOCATION"]) == "Shadërvan square"

    citizen.goto(served_site + "/en/events/?sector=PRZ-01")
    assert "Coffee with your sector officers" in citizen.locator("main").inner_text()
