"""A trainee's certificate: the trainer records the completion of a member
of the latest held session and issues the certificate; a visitor verifies
it by its code on the public page."""

import re

import pytest
from playwright.sync_api import expect

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_the_trainer_issues_a_certificate_that_a_visitor_verifies(
    browser_context, served_site, screenshot, console_errors
):
    trainer = browser_context(locale="en-GB").new_page()
    sign_in(trainer, served_site, "trainer")
    trainer.goto(served_site + "/en/staff/")
    trainer.get_by_role("navigation", name="Back office").get_by_role(
        "link", name="Training"
    ).click()
    trainer.wait_for_url(re.compile(r"/en/staff/training/$"))
    # The latest past session: its attendance recorded, completions pending.
    trainer.locator("h2:has-text('Past sessions') + table a").first.click()
    row = trainer.locator("tr[data-enrolment]:has([data-status=attended])").first
    name = row.locator("td").first.inner_text()
    row.get_by_role("button", name="Completed").click()
    expect(trainer.get_by_role("status")).to_contain_text(
        f"{name} completed the course."
    )
    row = trainer.locator(f"tr[data-enrolment]:has(td:text-is('{name}'))")
    row.get_by_label("Language of the certificate").select_option("en")
    row.get_by_role("button", name="Issue the certificate").click()
    message = trainer.get_by_role("status")
    expect(message).to_contain_text(f"is issued to {name}.")
    code = re.search(r"KSC-[0-9A-Z]{4}-[0-9A-Z]{4}", message.inner_text()).group()
    screenshot(trainer)

    visitor = browser_context(locale="en-GB").new_page()
    visitor.goto(served_site + "/en/")
    visitor.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Training"
    ).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(
        "Training of safety forum members"
    )
    visitor.get_by_label("Verification code").fill(code.lower().replace("-", " "))
    visitor.get_by_role("button", name="Verify").click()
    visitor.wait_for_url(re.compile(rf"/en/training/certificates/verify/{code}/$"))
    expect(visitor.locator("[data-verdict=valid]")).to_contain_text(
        "This certificate is valid."
    )
    expect(visitor.locator("[data-holder]")).to_have_text(name)

    visitor.goto(served_site + "/en/training/certificates/verify/KSC-2222-2222/")
    expect(visitor.locator("[data-verdict=unknown]")).to_be_visible()
    console_errors.clear()  # the unknown code's page is a 404, as it should be
