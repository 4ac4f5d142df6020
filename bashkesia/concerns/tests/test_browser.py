"""A citizen raises an anonymous concern with a photo and follows it by code;
the sector's officer answers and resolves it; the citizen reopens it."""

import io
import re

import pytest
from PIL import Image

from bashkesia.demo.accounts import DEMO_LOGINS

pytestmark = pytest.mark.browser


def photo_file(tmp_path):
    path = tmp_path / "graffiti.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "purple").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


def test_a_citizen_raises_an_anonymous_concern_and_follows_it(
    browser_context, served_site, tmp_path, screenshot
):
    page = browser_context(locale="en-GB").new_page()
    page.goto(served_site + "/en/sectors/PRZ-01/")
    page.get_by_role("link", name="Raise a concern with this sector").click()
    page.locator("#concern-map[data-ready=true]").wait_for()
    assert "This is not for emergencies" in page.locator("main").inner_text()
    page.get_by_label("What is it about?").select_option(label="Vandalism")
    page.get_by_label("What worries you?").fill("Graffiti on the school wall again.")
    page.get_by_label("Photos (optional, up to 3)").set_input_files(
        photo_file(tmp_path)
    )
    page.get_by_role("button", name="Send the concern").click()
    page.wait_for_url(re.compile(r"/en/concerns/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/$"))
    code = page.locator("[data-tracking-code]").inner_text()
    assert "PRZ-01" in page.locator("main").inner_text()
    screenshot(page)

    other = browser_context(locale="en-GB").new_page()
    other.goto(served_site + "/en/concerns/")
    other.get_by_label("Tracking code").fill(code.lower())
    other.get_by_role("button", name="Open").click()
    other.wait_for_url(re.compile(rf"/en/concerns/{code}/$"))
    assert "Graffiti on the school wall again." in other.locator("main").inner_text()


def test_a_concern_can_be_placed_by_clicking_the_map(browser_context, served_site):
    page = browser_context(locale="en-GB").new_page()
    page.goto(served_site + "/en/concerns/new/")
    page.locator("#concern-map[data-ready=true]").wait_for()
    point = page.evaluate(
        """() => {
            const map = document.getElementById('concern-map').bashkesiaMap;
            map.setView([42.6591, 20.2883], 12, {animate: false});
            const p = map.latLngToContainerPoint([42.6591, 20.2883]);
            return {x: p.x, y: p.y};
        }"""
    )
    page.locator("#concern-map").click(position=point)
    assert page.locator("input[name=lat]").input_value().startswith("42.6")
    page.get_by_label("What is it about?").select_option(label="Public order and noise")
    page.get_by_label("What worries you?").fill("Noise from a bar at night.")
    page.get_by_role("button", name="Send the concern").click()
    page.wait_for_url(re.compile(r"/en/concerns/[A-Z0-9-]{14}/$"))
    assert "PEJ-" in page.locator("main").inner_text()


def sign_in(page, base, username):
    login = next(login for login in DEMO_LOGINS if login.username == username)
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill(username)
    page.get_by_label("Password").fill("bashkesia-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/en/accounts/second-factor/"))
    page.get_by_label("Code from your authenticator app").fill(login.current_code())
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/en/staff/$"))


def test_citizen_and_officer_hold_a_conversation_to_resolution(
    browser_context, served_site, screenshot
):
    citizen = browser_context(locale="en-GB").new_page()
    citizen.goto(served_site + "/en/concerns/new/?sector=PRZ-01")
    citizen.locator("#concern-map[data-ready=true]").wait_for()
    citizen.get_by_label("What is it about?").select_option(
        label="Traffic safety and speeding"
    )
    citizen.get_by_label("What worries you?").fill("Cars speed past the school gate.")
    citizen.get_by_role("button", name="Send the concern").click()
    citizen.wait_for_url(re.compile(r"/en/concerns/[A-Z0-9-]{14}/$"))
    code = citizen.locator("[data-tracking-code]").inner_text()

    officer = browser_context(locale="en-GB").new_page()
    sign_in(officer, served_site, "leader")
    officer.goto(served_site + "/en/staff/concerns/")
    officer.get_by_role("link", name=code).click()
    officer.locator("#reply textarea").fill(
        "We will check speeds there tomorrow morning."
    )
    officer.locator("#reply button").click()
    officer.locator("#resolve textarea").fill("Speed checks every school morning now.")
    officer.locator("#resolve button").click()
    officer.wait_for_load_state()
    screenshot(officer)

    citizen.reload()
    text = citizen.locator("main").inner_text()
    assert "We will check speeds there tomorrow morning." in text
    assert "Resolved" in text
    citizen.get_by_label("Why is it not solved?").fill("They still speed at 8:00.")
    citizen.get_by_role("button", name="Reopen the concern").click()
    citizen.wait_for_load_state()
    assert "Reopened" in citizen.locator("main").inner_text()
