"""A reporter updates an activity's progress in the back office and the
public strategy page shows the new percentage."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest

from bashkesia.accounts.tests.browser import sign_in

pytestmark = pytest.mark.browser


def test_a_reporter_s_update_shows_on_the_public_page(
    browser_context, served_site, screenshot
):
    officer = browser_context(locale="en-GB").new_page()
    sign_in(officer, served_site, "officer")
    officer.goto(served_site + "/en/staff/")
    # Reporters find their activities on the dashboard (the menu's
    # "Strategy" is the editors').
    officer.get_by_role("link", name="All the activities you report on").click()
    officer.wait_for_url(re.compile(r"/en/staff/strategy/$"))
    officer.get_by_role("link", name="2.1.1", exact=True).click()
    officer.wait_for_url(re.compile(r"/en/staff/strategy/activities/\d+/$"))
    officer.get_by_label("Status").select_option("in_progress")
    officer.get_by_label("Progress (%)").fill("77")
    officer.get_by_label("Note").fill("Two more sectors staffed.")
    officer.get_by_role("button", name="Record the update").click()
    officer.wait_for_url(re.compile(r"/en/staff/strategy/activities/\d+/$"))
    assert "Activity 2.1.1 updated: 77%." in officer.locator("main").inner_text()
    assert "Two more sectors staffed." in officer.locator("main").inner_text()
    screenshot(officer)

    visitor = browser_context(locale="en-GB").new_page()
    visitor.goto(served_site + "/en/")
    visitor.locator(".main-nav").get_by_role("link", name="Strategy").click()
    visitor.wait_for_url(re.compile(r"/en/strategy/$"))
    assert "Illustrative content" in visitor.locator("main").inner_text()
    visitor.get_by_role("link", name=re.compile(r"^Objective 2: ")).click()
    visitor.wait_for_url(re.compile(r"/en/strategy/[\w-]+/objectives/2/$"))
    row = visitor.locator('tr[data-activity="2.1.1"]')
    assert "77%" in row.inner_text()
    assert "in progress" in row.inner_text()
    assert "activity 2.1.1 moved" in visitor.locator("main").inner_text()
    assert "to 77%" in visitor.locator("main").inner_text()
    screenshot(visitor)


# The directorate imports a strategy from a workbook; the yearly review of
# this year shows its activity as imported (the import dates the change of
# progress today).

YEAR = datetime.datetime.now(ZoneInfo("Europe/Belgrade")).year
IMPORT_SHEETS = {
    "strategy": [
        ["slug", "title_sq", "title_en", "start_year", "end_year", "published"],
        ["browser-plan", "Plani i shfletuesit", "Browser plan", 2021, YEAR + 2, "yes"],
    ],
    "objectives": [["number", "title_sq", "title_en"], ["1", "Besimi", "Trust"]],
    "sub_objectives": [
        ["number", "title_sq", "title_en"],
        ["1.1", "Policët e sektorit", "Sector officers"],
    ],
    "activities": [
        [
            "number",
            "sub_objective",
            "description_sq",
            "responsible_unit",
            "start",
            "end",
            "status",
            "progress",
        ],
        [
            "1.1",
            "1.1",
            "Takime mujore në çdo sektor",
            "DPBP",
            f"{YEAR}-01-01",
            f"{YEAR}-12-31",
            "in_progress",
            60,
        ],
    ],
}


def _workbook(path, sheets: dict) -> str:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return str(path)


def test_the_directorate_imports_a_strategy_and_its_review_shows_it(
    browser_context, served_site, console_errors, screenshot, tmp_path
):
    import copy

    bad_sheets = copy.deepcopy(IMPORT_SHEETS)
    bad_sheets["objectives"][1][0] = "x"
    bad_sheets["activities"][1][-2:] = ["completed", 90]
    bad = _workbook(tmp_path / "bad.xlsx", bad_sheets)
    good = _workbook(tmp_path / "good.xlsx", IMPORT_SHEETS)

    staff = browser_context(locale="en-GB").new_page()
    sign_in(staff, served_site, "directorate")
    staff.goto(served_site + "/en/staff/strategy/")
    staff.get_by_role("link", name="Import a strategy").click()
    staff.wait_for_url(re.compile(r"/en/staff/strategy/import/$"))

    staff.get_by_label("Workbook or CSV files").set_input_files(bad)
    staff.get_by_role("button", name="Import", exact=True).click()
    staff.wait_for_load_state()
    console_errors.clear()  # the 400 of the refused upload
    assert "Nothing was imported: the file has 3 problems." in (
        staff.get_by_role("alert").inner_text()
    )
    rows = [
        [cell.strip() for cell in row.locator("td").all_inner_texts()]
        for row in staff.locator("#import-problems tbody tr").all()
    ]
    assert rows == [
        ["objectives", "2", "number", "“x” is not a number such as 3."],
        [
            "sub_objectives",
            "2",
            "number",
            "There is no objective 1: add it to the sheet “objectives”.",
        ],
        ["activities", "2", "progress", "A completed activity is at 100%."],
    ]
    screenshot(staff)

    staff.get_by_label("Workbook or CSV files").set_input_files(good)
    staff.get_by_role("button", name="Import", exact=True).click()
    staff.wait_for_url(re.compile(r"/en/staff/strategy/browser-plan/$"))
    assert "The strategy browser-plan was imported: 4 new rows" in (
        staff.locator("main").inner_text()
    )

    visitor = browser_context(locale="en-GB").new_page()
    visitor.goto(served_site + f"/en/strategy/browser-plan/review/{YEAR}/")
    assert (
        visitor.get_by_role("heading", level=1).inner_text() == f"Yearly review {YEAR}"
    )
    row = visitor.locator('#review-due tr[data-activity="1.1"]')
    assert "Takime mujore në çdo sektor" in row.inner_text()
    assert "DPBP" in row.inner_text()
    assert "in progress" in row.inner_text()
    assert "60%" in row.inner_text()
    for name, path, kind in (
        ("Download as PDF", "review.pdf", "application/pdf"),
        ("Download as XLSX", "review.xlsx", "spreadsheetml"),
    ):
        link = visitor.get_by_role("link", name=name)
        href = link.get_attribute("href")
        assert href == f"/en/strategy/browser-plan/review/{YEAR}/{path}"
        response = visitor.request.get(served_site + href)
        assert response.status == 200
        assert kind in response.headers["content-type"]
    screenshot(visitor)
