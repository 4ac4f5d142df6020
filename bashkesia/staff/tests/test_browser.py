"""A sector officer's journey in a real Chromium: sign in with the second
factor, see their sectors, update their phone, see it on the public page."""

import re

import pytest

from bashkesia.accounts.tests.browser import fresh_code, sign_in
from bashkesia.demo.accounts import DEMO_LOGINS

pytestmark = pytest.mark.browser


def test_a_sector_officer_updates_their_phone_and_the_public_page_shows_it(
    browser_context, served_site, screenshot
):
    login = next(login for login in DEMO_LOGINS if login.username == "officer")
    page = browser_context(locale="en-GB").new_page()
    page.goto(served_site + "/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill("officer")
    page.get_by_label("Password").fill("bashkesia-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/en/accounts/second-factor/"))
    page.get_by_label("Code from your authenticator app").fill(fresh_code(login))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/en/staff/$"))
    assert page.get_by_role("link", name=re.compile("PRZ-01")).count() >= 1

    page.get_by_role("link", name="Edit my public profile").click()
    page.get_by_label("Public telephone").fill("+383 44 765 432")
    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_load_state()
    screenshot(page)

    page.goto(served_site + "/en/sectors/PRZ-01/")
    assert "+383 44 765 432" in page.locator("main").inner_text()


def test_a_wrong_password_keeps_the_visitor_out(page, served_site, console_errors):
    page.goto(served_site + "/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill("wrong-user")
    page.get_by_label("Password").fill("wrong")
    page.get_by_role("button", name="Sign in").click()
    assert "The username or password is not right." in page.locator("main").inner_text()
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 "
        "(Bad Request)"
    ]
    console_errors.clear()


def test_a_commander_s_proposal_is_decided_by_the_directorate(
    browser_context, served_site, screenshot, console_errors
):
    commander = browser_context(locale="en-GB").new_page()
    sign_in(commander, served_site, "commander")
    commander.goto(served_site + "/en/staff/sectors/PRZ-02/")
    commander.get_by_label("What should change, and why").fill(
        "Move the boundary to the Lumbardhi river."
    )
    commander.get_by_role("button", name="Send the proposal").click()
    commander.wait_for_load_state()
    assert "Your proposal was sent to the directorate." in commander.content()

    directorate = browser_context(locale="en-GB").new_page()
    sign_in(directorate, served_site, "directorate")
    directorate.get_by_role(
        "link", name="Decide the proposals, and read the decided ones"
    ).click()
    directorate.wait_for_url(re.compile(r"/en/staff/proposals/$"))
    proposal = directorate.locator("article", has_text="Lumbardhi")
    proposal.get_by_label("Decline").check()
    proposal.get_by_role("button", name="Decide").click()
    directorate.wait_for_load_state()
    # Declining needs a reason: the form says so and keeps the choice.
    proposal = directorate.locator("article", has_text="Lumbardhi")
    assert "Say why the proposal is declined" in proposal.inner_text()
    assert console_errors == [
        "Failed to load resource: the server responded with a status of 400 "
        "(Bad Request)"
    ]
    console_errors.clear()  # the 400 was expected
    proposal.get_by_label("Accept").check()
    proposal.get_by_label("Answer to the commander").fill(
        "Agreed: we redraw PRZ-02 in the admin this week."
    )
    proposal.get_by_role("button", name="Decide").click()
    directorate.wait_for_url(re.compile(r"/en/staff/proposals/$"))
    assert "Sector PRZ-02: decided" in directorate.content()
    screenshot(directorate)

    commander.goto(served_site + "/en/staff/sectors/PRZ-02/")
    main = commander.locator("main").inner_text()
    assert "Agreed: we redraw PRZ-02 in the admin this week." in main
    assert "accepted" in main
