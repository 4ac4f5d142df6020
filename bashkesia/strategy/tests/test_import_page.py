"""The back office's import page and template: directorate staff and the
Director General only; problems listed by sheet, row and column."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from bashkesia.strategy.models import Activity, Strategy

from .import_files import csv_file, partners, sheets, with_cell, xlsx

pytestmark = pytest.mark.django_db
PAGE = "/en/staff/strategy/import/"
TEMPLATE = "/en/staff/strategy/import/template.xlsx"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def _partners(db):
    partners()


@pytest.mark.parametrize("lang", ["sq", "sr-latn", "sr", "en"])
@pytest.mark.parametrize("username", ["directorate", "director"])
def test_editors_see_the_page(sign_in, username, lang):
    response = sign_in(username).get(f"/{lang}/staff/strategy/import/")
    assert response.status_code == 200
    assert f"/{lang}/staff/strategy/import/template.xlsx" in response.content.decode()


@pytest.mark.parametrize("username", ["officer", "commander", "coordinator"])
def test_other_staff_are_refused(sign_in, username):
    client = sign_in(username)
    assert client.get(PAGE).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    response = client.post(PAGE, {"files": upload("plan.xlsx", xlsx(sheets()))})
    assert response.status_code == 403
    assert not Strategy.objects.filter(slug="plan-2021-2025").exists()


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert "/accounts/" in response["Location"] or "login" in response["Location"]


def test_a_good_workbook_is_imported(sign_in):
    client = sign_in("directorate")
    response = client.post(PAGE, {"files": upload("plan.xlsx", xlsx(sheets()))})
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/strategy/plan-2021-2025/"
    assert Activity.objects.filter(strategy__slug="plan-2021-2025").count() == 2


def test_problems_are_listed_and_nothing_is_written(sign_in):
    client = sign_in("director")
    data = with_cell("activities", 3, "end", "2022-12-01")
    response = client.post(PAGE, {"files": upload("plan.xlsx", xlsx(data))})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was imported: the file has 1 problem." in html
    assert "<td>activities</td>" in html and "<td>3</td>" in html
    assert "<td>end</td>" in html
    assert "The end comes before the start." in html
    assert not Strategy.objects.filter(slug="plan-2021-2025").exists()


def test_a_file_of_another_type_is_refused(sign_in):
    response = sign_in("directorate").post(
        PAGE, {"files": upload("plan.docx", b"PK\x03\x04")}
    )
    assert response.status_code == 400
    assert "Upload an XLSX workbook or CSV files, not “plan.docx”." in (
        response.content.decode()
    )


def test_no_file_is_refused(sign_in):
    response = sign_in("directorate").post(PAGE, {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_single_activities_csv_updates_the_chosen_strategy(sign_in):
    client = sign_in("directorate")
    client.post(PAGE, {"files": upload("plan.xlsx", xlsx(sheets()))})
    rows = [["number", "sub_objective", "description_sq"], ["2.5", "2.1", "Fushata"]]
    response = client.post(
        PAGE,
        {
            "files": upload("activities.csv", csv_file(rows)),
            "strategy": "plan-2021-2025",
        },
    )
    assert response.status_code == 302
    assert Activity.objects.filter(strategy__slug="plan-2021-2025").count() == 3


def test_the_template_lists_every_sheet(sign_in):
    response = sign_in("directorate").get(TEMPLATE)
    assert response.status_code == 200
    assert 'filename="strategy-import.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "instructions",
        "strategy",
        "objectives",
        "sub_objectives",
        "activities",
        "indicators",
        "measurements",
    ]
    assert workbook["instructions"]["A1"].value == (
        "Import of a strategy and its action plan"
    )
    assert [c.value for c in workbook["objectives"][1]] == [
        "number",
        "title_sq",
        "title_sr_latn",
        "title_en",
        "weight",
    ]
