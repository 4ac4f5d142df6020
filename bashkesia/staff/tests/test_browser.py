"""A sector officer's journey in a real Chromium: sign in with the second
factor, see their sectors, update their phone, see it on the public page."""

import re

import pytest

from bashkesia.accounts.tests.browser import fresh_code
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
