"""A citizen answers the open Prishtinë survey, choosing their place, sees
the thank-you page, and a second attempt from the same browser is refused."""

import re

import pytest
from playwright.sync_api import expect

from bashkesia.demo.surveys import PRISHTINA_SLUG

pytestmark = pytest.mark.browser


def test_a_citizen_answers_a_survey_once(browser_context, served_site, screenshot):
    page = browser_context(locale="en-GB").new_page()
    page.goto(served_site + "/en/surveys/")
    page.locator("#open-heading + ul").get_by_role(
        "link", name=re.compile("How safe do you feel in")
    ).click()
    page.wait_for_url(re.compile(rf"/en/surveys/{PRISHTINA_SLUG}/$"))
    sector = page.get_by_label("Your police sector")
    first = sector.locator("option").nth(1)
    code = first.get_attribute("value")
    sector.select_option(code)
    page.get_by_role(
        "group", name=re.compile("walking alone in your neighbourhood after dark")
    ).get_by_label("a bit unsafe").check()
    page.get_by_role(
        "group", name="How much do you trust the Kosovo Police?"
    ).get_by_label("tend to trust").check()
    page.get_by_role(
        "group", name="Do you know the sector officer of your neighbourhood?"
    ).get_by_label("no").check()
    page.get_by_label("Your age").select_option("25_64")
    page.get_by_role("button", name="Send my answers").click()
    page.wait_for_url(re.compile(rf"/en/surveys/{PRISHTINA_SLUG}/thanks/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you for your answers"
    )
    screenshot(page)

    page.goto(served_site + f"/en/surveys/{PRISHTINA_SLUG}/")
    expect(page.locator("[data-already-answered]")).to_contain_text(
        "You have already answered this survey from this browser."
    )
    assert page.locator("form[data-survey-form]").count() == 0

    page.get_by_role("link", name="See the results").first.click()
    page.wait_for_url(re.compile(rf"/en/surveys/{PRISHTINA_SLUG}/results/$"))
    expect(page.locator("svg.chart").first).to_be_visible()
