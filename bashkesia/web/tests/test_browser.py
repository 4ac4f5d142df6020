"""Journeys in a real Chromium against the product served as in production:
find your sector by name, by map, by location, and without JavaScript."""

import json
import re

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_lands_on_the_albanian_home_page(page, served_site, screenshot):
    page.goto(served_site + "/")
    assert page.url == served_site + "/sq/"
    assert page.locator("html").get_attribute("lang") == "sq"
    assert "192" in page.locator(".emergency").inner_text()
    page.locator("#home-map[data-ready=true]").wait_for()
    assert page.locator("#home-map path").count() >= 38
    screenshot(page)


def test_typing_a_place_suggests_it_and_leads_to_its_sector(
    page, served_site, screenshot
):
    page.goto(served_site + "/en/")
    page.get_by_role("combobox").press_sequentially("Fushe Kosove", delay=30)
    suggestion = page.get_by_role("option", name=re.compile("Fushë Kosovë"))
    suggestion.first.click()
    page.wait_for_url(re.compile(r"/en/sectors/[A-Z]{3}-\d\d/$"))
    assert page.locator("h1").inner_text().startswith("Police sector")
    assert page.locator(".officer").count() >= 3
    page.locator("#sector-map[data-ready=true]").wait_for()
    assert page.locator("#sector-map path.leaflet-interactive").count() >= 2
    screenshot(page)


def test_the_suggestions_work_from_the_keyboard(page, served_site):
    page.goto(served_site + "/sr/")
    box = page.get_by_role("combobox")
    box.press_sequentially("Косово Поље", delay=30)
    page.get_by_role("option").first.wait_for()
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/sr/sectors/"))
    assert "Полицијски сектор" in page.locator("h1").inner_text()


def test_clicking_the_map_in_prizren_opens_a_prizren_sector(
    page, served_site, screenshot
):
    page.goto(served_site + "/en/")
    page.locator("#home-map[data-ready=true]").wait_for()
    point = page.evaluate(
        """() => {
            const map = document.getElementById('home-map').bashkesiaMap;
            map.setView([42.2139, 20.7397], 11, {animate: false});
            const p = map.latLngToContainerPoint([42.2139, 20.7397]);
            return {x: p.x, y: p.y};
        }"""
    )
    page.locator("#home-map").click(position=point)
    page.wait_for_url(re.compile(r"/en/sectors/PRZ-\d\d/$"))
    assert "Prizren" in page.locator(".breadcrumbs").inner_text()
    screenshot(page)


def test_use_my_location_opens_the_sector_where_i_stand(
    browser_context, served_site, screenshot
):
    context = browser_context(
        locale="en-GB",
        geolocation={"latitude": 42.6629, "longitude": 21.1655},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(served_site + "/en/")
    page.get_by_role("button", name="Use my location").click()
    page.wait_for_url(re.compile(r"/en/sectors/PRI-\d\d/$"))
    screenshot(page)


def test_switching_to_serbian_cyrillic_stays_on_the_sector_page(
    page, served_site, screenshot
):
    page.goto(served_site + "/sq/sectors/PRZ-02/")
    page.get_by_role("link", name="Српски").click()
    page.wait_for_url(served_site + "/sr/sectors/PRZ-02/")
    assert page.locator("html").get_attribute("lang") == "sr"
    assert "Полицијски сектор PRZ-02" in page.locator("h1").inner_text()
    screenshot(page)


def test_the_search_form_works_without_javascript(
    browser_context, served_site, screenshot
):
    page = browser_context(java_script_enabled=False).new_page()
    page.goto(served_site + "/sr-latn/")
    page.get_by_role("combobox").fill("Fushë Kosovë")
    page.get_by_role("button", name="Traži").click()
    page.wait_for_url(re.compile(r"/sr-latn/find/\?q="))
    page.get_by_role("link", name="Kosovo Polje").first.click()
    page.wait_for_url(re.compile(r"/sr-latn/sectors/OBI-\d\d/$"))
    assert page.locator(".officer").count() >= 3
    screenshot(page)


def test_a_region_page_draws_its_sectors(page, served_site, screenshot):
    page.goto(served_site + "/en/regions/prizren/")
    page.locator("#region-map[data-ready=true]").wait_for()
    assert page.locator("#region-map path.leaflet-interactive").count() > 20
    screenshot(page)


def test_a_developer_reads_the_api_docs_and_locates_a_sector(page, served_site):
    page.goto(served_site + "/api/v1/docs")
    page.get_by_text("/api/v1/locate").first.wait_for()
    page.goto(served_site + "/api/v1/locate?lat=42.2139&lon=20.7397")
    body = json.loads(page.locator("body").inner_text())
    assert body["code"] == "PRZ-01"
    assert body["officers"]


@pytest.mark.parametrize(
    "path", ["/sq/", "/sr/sectors/PRZ-01/", "/en/regions/prizren/"]
)
def test_pages_fit_a_360_pixel_phone_screen(browser_context, served_site, path):
    page = browser_context(viewport={"width": 360, "height": 740}).new_page()
    page.goto(served_site + path)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360


def test_the_finder_is_reachable_from_the_keyboard(page, served_site):
    page.goto(served_site + "/en/")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("() => document.activeElement.textContent") == "Skip to content"
    )
    page.keyboard.press("Enter")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "finder-q":
            break
    assert page.evaluate("() => document.activeElement.id") == "finder-q"
