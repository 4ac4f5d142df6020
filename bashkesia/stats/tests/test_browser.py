"""A clerk enters a day, the region confirms it, the home page's widget shows
it and the statistics page charts it."""

import datetime
import re

import pytest

from bashkesia.accounts.tests.browser import sign_in
from bashkesia.core import clock

pytestmark = pytest.mark.browser

FIGURES = {
    "Fatal accidents": "1",
    "Accidents with injuries": "4",
    "Accidents without injuries": "7",
    "Traffic tickets issued": "211",
    "Arrests": "3",
    "In custody": "2",
    "Police detention": "1",
    "Sent to serve sentence": "0",
}


def test_a_clerk_s_day_is_confirmed_and_published(
    browser_context, served_site, screenshot
):
    # The demo leaves Prizren station's yesterday for its clerk to enter.
    yesterday = clock.today() - datetime.timedelta(days=1)
    clerk = browser_context(locale="en-GB").new_page()
    sign_in(clerk, served_site, "clerk")
    clerk.get_by_role("link", name="Open the daily statistics").click()
    clerk.wait_for_url(re.compile(r"/en/staff/statistics/$"))
    # The day not entered yet is listed, and its link fills station and day.
    clerk.get_by_role(
        "link", name=re.compile(rf"^{yesterday.isoformat()} · PRZ ")
    ).click()
    clerk.wait_for_url(re.compile(r"/en/staff/statistics/new/"))
    for label, value in FIGURES.items():
        clerk.get_by_label(label, exact=True).fill(value)
    clerk.get_by_role("button", name="Enter").click()
    clerk.wait_for_url(re.compile(r"/en/staff/statistics/\d+/$"))
    assert "provisional" in clerk.locator("main").inner_text()
    day_url = clerk.url
    screenshot(clerk)

    # Not public yet: the widget still shows the day before.
    visitor = browser_context(locale="en-GB").new_page()
    visitor.goto(served_site + "/en/")
    widget = visitor.locator(".stats-widget")
    assert (yesterday - datetime.timedelta(days=1)).isoformat() in widget.inner_text()

    coordinator = browser_context(locale="en-GB").new_page()
    sign_in(coordinator, served_site, "coordinator")
    coordinator.goto(day_url)
    coordinator.get_by_role("button", name="Confirm and publish").click()
    coordinator.wait_for_url(re.compile(r"/en/staff/statistics/\d+/$"))
    assert "confirmed" in coordinator.locator("main").inner_text().lower()

    # The widget reads the figures again within a second of the change.
    def widget_shows_yesterday() -> bool:
        visitor.goto(served_site + "/en/")
        return (
            f"General statistics: {yesterday.isoformat()}"
            in visitor.locator(".stats-widget").inner_text()
        )

    for _attempt in range(20):
        if widget_shows_yesterday():
            break
        visitor.wait_for_timeout(250)
    else:
        pytest.fail("The widget never showed the confirmed day.")
    screenshot(visitor)

    visitor.locator(".stats-widget").get_by_role(
        "link", name=f"General statistics: {yesterday.isoformat()}"
    ).click()
    visitor.wait_for_url(re.compile(r"/en/statistics/"))
    visitor.get_by_label("Police station").select_option(value="PRZ")
    visitor.get_by_label("Figure to chart").select_option(value="traffic_tickets")
    visitor.get_by_role("button", name="Show").click()
    visitor.wait_for_url(re.compile(r"station=PRZ"))
    main = visitor.locator("main")
    assert main.locator("svg[role=img]").first.is_visible()
    # The daily chart's table holds the clerk's day.
    main.get_by_text("The figures of the chart as a table").click()
    row = main.locator("tr", has_text=re.compile(r"\b211\b")).first
    assert row.is_visible()
    screenshot(visitor)
