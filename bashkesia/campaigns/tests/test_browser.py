"""Directorate staff create a campaign with a material and a reach figure,
publish it, and the public finds it on /campaigns/ and on its partner's
page."""

import re

import pytest

from bashkesia.accounts.tests.browser import sign_in

from .helpers import png_upload

pytestmark = pytest.mark.browser


def test_a_published_campaign_reaches_the_public_and_its_partner(
    browser_context, served_site, screenshot, tmp_path
):
    staff = browser_context(locale="en-GB").new_page()
    sign_in(staff, served_site, "directorate")
    staff.locator(".staff-nav").get_by_role("link", name="Campaigns").click()
    staff.wait_for_url(re.compile(r"/en/staff/campaigns/$"))
    staff.get_by_role("link", name="Create a campaign").click()
    staff.get_by_label("Theme (Albanian)").fill("Biçikleta e sigurt")
    staff.get_by_label("Theme (English)").fill("Cycle safely")
    staff.get_by_label("Description (Albanian)").fill("Kaska dhe dritat.")
    staff.get_by_label("children and youth").check()
    staff.get_by_label("schools", exact=True).check()
    staff.get_by_label("Starts").fill("2026-01-10")
    staff.get_by_label("Ends").fill("2026-12-20")
    staff.get_by_label("Kosovo Academy for Public Safety").check()
    staff.get_by_role("button", name="Save").click()
    staff.wait_for_url(re.compile(r"/en/staff/campaigns/cycle-safely-2026/$"))

    poster = tmp_path / "poster.png"
    poster.write_bytes(png_upload().read())
    staff.get_by_label("Title").fill("Poster")
    staff.get_by_label("File").set_input_files(str(poster))
    staff.get_by_role("button", name="Upload").click()
    staff.wait_for_url(re.compile(r"/en/staff/campaigns/cycle-safely-2026/$"))
    assert "“Poster” is added." in staff.locator("main").inner_text()

    staff.get_by_label("Date").fill("2026-02-01")
    staff.get_by_label("Channel").select_option("schools")
    staff.get_by_label("What was counted").select_option("schools_visited")
    staff.get_by_label("Number").fill("12")
    staff.get_by_role("button", name="Record").click()
    staff.wait_for_url(re.compile(r"/en/staff/campaigns/cycle-safely-2026/$"))
    staff.get_by_role("button", name="Publish").click()
    assert "is published" in staff.locator("main").inner_text()

    citizen = browser_context(locale="en-GB").new_page()
    citizen.goto(served_site + "/en/campaigns/?theme=cycle")
    citizen.get_by_role("link", name="Cycle safely").click()
    citizen.wait_for_url(re.compile(r"/en/campaigns/cycle-safely-2026/$"))
    reach = citizen.locator("[data-reach]").inner_text()
    assert "Schools visited" in reach and "12" in reach
    assert citizen.get_by_role("link", name="Poster").is_visible()
    screenshot(citizen)
    citizen.locator("[data-partners]").get_by_role(
        "link", name="Kosovo Academy for Public Safety"
    ).click()
    citizen.wait_for_url(re.compile(r"/en/partners/aksp/$"))
    campaigns = citizen.locator("[data-work=campaigns]").inner_text()
    assert "Cycle safely" in campaigns
