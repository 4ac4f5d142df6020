"""Signing a demo user in, in a real browser, for the journeys of every app."""

import re
import time

from bashkesia.demo.accounts import DEMO_LOGINS, DemoLogin

# The journeys of a test run share one served site, and the site refuses a
# second-factor code it has seen before (no replay): remember what we used.
_used: dict[str, str] = {}


def fresh_code(login: DemoLogin) -> str:
    """Return the user's current code, waiting for the next one if this run
    has already used it."""
    code = login.current_code()
    while _used.get(login.username) == code:
        time.sleep(0.5)
        code = login.current_code()
    _used[login.username] = code
    return code


def sign_in(page, base: str, username: str) -> None:
    """Sign ``username`` (a demo login) in with the second factor; land on
    the back office's dashboard."""
    login = next(login for login in DEMO_LOGINS if login.username == username)
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("Username or e-mail").fill(username)
    page.get_by_label("Password").fill("bashkesia-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/en/accounts/second-factor/"))
    page.get_by_label("Code from your authenticator app").fill(fresh_code(login))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(re.compile(r"/en/staff/$"))
