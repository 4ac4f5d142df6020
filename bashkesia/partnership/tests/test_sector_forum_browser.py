"""A citizen finds their local forum and its next meeting from their sector
page and adds the forum's meetings to their calendar, in each language."""

import re

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# What the pages say, per language: the sector page's heading, "next
# meeting", and the name of the forum's calendar feed.
WORDS = {
    "sq": ("Forumet e sigurisë këtu", "Takimi i radhës:", "Takimet dhe ngjarjet e "),
    "sr-latn": (
        "Forumi bezbednosti ovde",
        "Sledeći sastanak:",
        "Sastanci i događaji: ",
    ),
    "sr": ("Форуми безбедности овде", "Следећи састанак:", "Састанци и догађаји: "),
    "en": ("Safety forums here", "Next meeting:", "Meetings and events of "),
}
LOCALES = {"sq": "sq-AL", "sr-latn": "sr-Latn-RS", "sr": "sr-RS", "en": "en-GB"}


@pytest.mark.parametrize("language", ["sq", "sr-latn", "sr", "en"])
def test_a_citizen_adds_their_local_forums_meetings_to_their_calendar(
    browser_context, served_site, screenshot, language
):
    heading, next_meeting, calendar_name = WORDS[language]
    citizen = browser_context(locale=LOCALES[language]).new_page()
    citizen.goto(f"{served_site}/{language}/sectors/PRZ-01/")
    forums = citizen.locator("[data-sector-forums]")
    expect(forums.get_by_role("heading", level=2)).to_have_text(heading)
    # The demo schedules the next quarter: a forum of the sector has a
    # public meeting coming.
    item = forums.locator("li[data-forum]").filter(
        has=citizen.locator("[data-next-meeting]")
    )
    item = item.first
    expect(item.locator("[data-next-meeting]")).to_contain_text(next_meeting)
    meeting = item.locator("[data-next-meeting] a").inner_text().strip()
    name = item.get_by_role("heading", level=3).inner_text().strip()
    if language == "en":
        screenshot(citizen)

    item.get_by_role("link", name=name, exact=True).click()
    citizen.wait_for_url(re.compile(rf"/{language}/forums/(\d+)/$"))
    forum_pk = re.search(r"/forums/(\d+)/$", citizen.url)[1]
    main = citizen.locator("main")
    expect(main.get_by_role("heading", level=1)).to_contain_text(name)
    expect(citizen.locator("[data-upcoming] li").first).to_contain_text(meeting)

    feed = citizen.locator('[data-forum-calendar] a[type="text/calendar"]')
    href = feed.get_attribute("href")
    assert href == f"/events/forum/{forum_pk}.ics?lang={language}"
    response = citizen.request.get(served_site + href)
    assert response.status == 200
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.body())
    assert str(calendar["X-WR-CALNAME"]) == calendar_name + name
    confirmed = [
        str(vevent["SUMMARY"])
        for vevent in calendar.walk("VEVENT")
        if str(vevent["STATUS"]) == "CONFIRMED"
    ]
    assert meeting in confirmed

    citizen.locator("[data-forum-calendar] a").first.click()
    citizen.wait_for_url(re.compile(rf"/{language}/events/\?forum={forum_pk}$"))
    expect(citizen.locator("main")).to_contain_text(meeting)
