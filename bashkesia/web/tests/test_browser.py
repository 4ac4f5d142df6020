"""Journeys in a real Chromium against the product served as in production."""

import json

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_lands_on_the_albanian_home_page(page, served_site):
    page.goto(served_site + "/")
    assert page.url == served_site + "/sq/"
    assert page.locator("html").get_attribute("lang") == "sq"
    assert "192" in page.locator("main").inner_text()


def test_a_developer_reads_the_api_docs_and_locates_a_sector(page, served_site):
    page.goto(served_site + "/api/v1/docs")
    page.get_by_text("/api/v1/locate").first.wait_for()
    page.goto(served_site + "/api/v1/locate?lat=42.2139&lon=20.7397")
    body = json.loads(page.locator("body").inner_text())
    assert body["code"] == "PRZ-01"
    assert body["officers"]
