"""A citizen raises an anonymous concern with a photo and follows it by code;
the sector's officer answers and resolves it; the citizen reopens it."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from bashkesia.accounts.tests.browser import sign_in

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


def test_a_citizen_answers_the_questions_of_the_category_chosen(
    browser_context, served_site, console_errors, screenshot
):
    page = browser_context(locale="en-GB").new_page()
    page.goto(served_site + "/en/concerns/new/?sector=PRZ-01")
    page.locator("#concern-map[data-ready=true]").wait_for()
    shots = page.get_by_label("Were shots fired?")
    expect(shots).to_be_hidden()
    page.get_by_label("What is it about?").select_option(label="Illegal weapons")
    expect(shots).to_be_visible()
    expect(page.get_by_label("When does it happen most?")).to_be_hidden()
    page.get_by_label("What worries you?").fill("A man shows a pistol at the market.")
    page.get_by_label("A handgun").check()
    # The required question left out: the page says so next to it.
    page.get_by_role("button", name="Send the concern").click()
    expect(page.locator(".field-error")).to_have_text("Answer “Were shots fired?”.")
    console_errors.clear()  # the 400 of that answer
    expect(page.get_by_label("A handgun")).to_be_checked()
    page.get_by_label("Were shots fired?").select_option(label="I do not know")
    page.get_by_role("button", name="Send the concern").click()
    page.wait_for_url(re.compile(r"/en/concerns/[A-Z0-9-]{14}/$"))
    answers = page.locator("[data-answers]")
    expect(answers).to_contain_text("Were shots fired?")
    expect(answers).to_contain_text("I do not know")
    expect(answers).to_contain_text("A handgun")
    screenshot(page)


def test_the_questions_work_without_javascript(browser_context, served_site):
    page = browser_context(locale="en-GB", java_script_enabled=False).new_page()
    page.goto(served_site + "/en/concerns/new/")
    expect(page.get_by_role("button", name="Use my location")).to_be_hidden()
    page.get_by_label("What is it about?").select_option(label="Stray animals")
    page.get_by_label("What worries you?").fill("A pack of dogs by the school.")
    page.get_by_label("How many animals?").fill("6")
    # Another category's question, answered by mistake, does not count.
    page.get_by_label("Were shots fired?").select_option(label="Yes")
    page.get_by_label("Village, town or neighbourhood").fill("Prizren")
    page.get_by_role("button", name="Send the concern").click()
    page.wait_for_url(re.compile(r"/en/concerns/[A-Z0-9-]{14}/$"))
    answers = page.locator("[data-answers]")
    expect(answers).to_contain_text("How many animals?")
    expect(answers).not_to_contain_text("Were shots fired?")


def test_use_my_location_pins_the_concern_where_i_stand(
    browser_context, served_site, screenshot
):
    context = browser_context(locale="en-GB")
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 42.6629, "longitude": 21.1655})
    page = context.new_page()
    page.goto(served_site + "/en/concerns/new/")
    page.locator("#concern-map[data-ready=true]").wait_for()
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("[data-pin-status]")).to_contain_text(
        "Pin placed at your location, in police sector PRI-"
    )
    assert page.locator("input[name=lat]").input_value() == "42.662900"
    assert page.locator("input[name=lon]").input_value() == "21.165500"
    screenshot(page)


def test_use_my_location_outside_kosovo_says_so_and_pins_nothing(
    browser_context, served_site, console_errors
):
    context = browser_context(locale="en-GB")
    context.grant_permissions(["geolocation"])
    context.set_geolocation({"latitude": 44.8, "longitude": 20.4})
    page = context.new_page()
    page.goto(served_site + "/en/concerns/new/")
    page.locator("#concern-map[data-ready=true]").wait_for()
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("[data-pin-status]")).to_have_text(
        "Your location is outside Kosovo. Type the place or click the map instead."
    )
    assert page.locator("input[name=lat]").input_value() == ""
    console_errors.clear()  # the locate API's 404


def test_use_my_location_refused_by_the_browser_says_so(browser_context, served_site):
    page = browser_context(locale="en-GB").new_page()  # no permission granted
    page.goto(served_site + "/en/concerns/new/")
    page.locator("#concern-map[data-ready=true]").wait_for()
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("[data-pin-status]")).to_have_text(
        "Your browser did not share your location. Type the place or click the "
        "map instead."
    )
    assert page.locator("input[name=lat]").input_value() == ""
