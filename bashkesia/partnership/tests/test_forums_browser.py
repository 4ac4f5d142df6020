"""A KLSP established end to end: citizens ask for one, the station commander
approves, the Director General approves, and the forum's page is public."""

import re

import pytest
from playwright.sync_api import expect

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_citizens_request_a_klsp_that_the_commander_and_director_approve(
    browser_context, served_site, screenshot
):
    citizen = browser_context(locale="en-GB").new_page()
    citizen.goto(served_site + "/en/")
    citizen.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Forums"
    ).click()
    citizen.get_by_role("link", name="Ask for a committee in your area").click()
    assert "This is not for emergencies" in citizen.locator("main").inner_text()
    citizen.get_by_label("Name of the committee").fill("KLSP Atmagjë e Billushë")
    citizen.get_by_label("Municipality").select_option(label="Prizren")
    # htmx lists the municipality's villages as soon as it is chosen.
    citizen.get_by_label("Atmagjë (PRZ-02)").check()
    citizen.get_by_label("Billushë (PRZ-04)").check()
    citizen.get_by_label("Citizens who ask").fill(
        "Arbër Krasniqi\nVlora Gashi\nDritan Hoxha"
    )
    citizen.get_by_label("Why your area needs a committee").fill(
        "Cars speed through both villages at night and the school road is dark."
    )
    citizen.get_by_label("Contact person").fill("Arbër Krasniqi")
    citizen.get_by_role("button", name="Send the request").click()
    citizen.wait_for_url(
        re.compile(r"/en/forums/requests/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/$")
    )
    code = citizen.locator("[data-tracking-code]").inner_text()
    expect(citizen.locator("[data-status]")).to_have_text(
        "Requested, awaiting the station commander"
    )
    assert "Vlora Gashi" not in citizen.locator("main").inner_text()

    commander = browser_context(locale="en-GB").new_page()
    sign_in(commander, served_site, "commander")
    commander.goto(served_site + "/en/staff/forums/")
    commander.locator("[data-waiting]").get_by_role(
        "link", name="KLSP Atmagjë e Billushë"
    ).click()
    expect(commander.locator("[data-requesters]")).to_contain_text("Vlora Gashi")
    commander.locator("#station-decision").get_by_label("Approve").check()
    commander.locator("#station-decision").get_by_role(
        "button", name="Record the decision"
    ).click()
    expect(commander.get_by_role("status")).to_contain_text(
        "The request is approved and goes to the Director General."
    )

    director = browser_context(locale="en-GB").new_page()
    sign_in(director, served_site, "director")
    director.goto(served_site + "/en/staff/forums/")
    director.locator("[data-waiting]").get_by_role(
        "link", name="KLSP Atmagjë e Billushë"
    ).click()
    director.locator("#final-decision").get_by_label("Approve").check()
    director.locator("#final-decision").get_by_role(
        "button", name="Record the decision"
    ).click()
    expect(director.get_by_role("status")).to_contain_text(
        "The committee is established and shown on the public site."
    )
    screenshot(director)

    citizen.goto(served_site + "/en/forums/requests/")
    citizen.get_by_label("Tracking code").fill(code.lower())
    citizen.get_by_role("button", name="Open").click()
    expect(citizen.locator("[data-status]")).to_have_text("Active")
    steps = citizen.locator("[data-steps] li strong")
    expect(steps).to_have_text(
        [
            "Requested by citizens",
            "Approved by the station commander",
            "Approved by the Director General",
            "Established",
        ]
    )
    citizen.get_by_role("link", name="The committee's page").click()
    citizen.locator("#forum-map[data-ready=true]").wait_for()
    main = citizen.locator("main")
    expect(main.get_by_role("heading", level=1)).to_contain_text(
        "KLSP Atmagjë e Billushë"
    )
    expect(main).to_contain_text("PRZ-02")
    for private in ("Arbër", "Vlora Gashi", "Dritan Hoxha"):
        assert private not in main.inner_text()
    screenshot(citizen)

    citizen.goto(served_site + "/en/forums/?municipality=PRZ&kind=klsp")
    expect(citizen.get_by_role("link", name="KLSP Atmagjë e Billushë")).to_be_visible()
