"""The yearly review: figures as they stood at the end of the year, the
page in four languages, its PDF and XLSX opened and read, and the 404s."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from openpyxl import load_workbook

from bashkesia.partnership.tests.test_meetings_pdf import pdf_text
from bashkesia.strategy.exports import review_lines, review_pdf, review_xlsx
from bashkesia.strategy.importers import strategy_import
from bashkesia.strategy.models import Activity, ActivityUpdate, Strategy
from bashkesia.strategy.review import year_review

from .import_files import partners, sheets, xlsx

pytestmark = pytest.mark.django_db
URL = "/{lang}/strategy/plan-2021-2025/review/{year}/"


def _at(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(day + " 12:00"))


@pytest.fixture
def strategy(db) -> Strategy:
    """The import files' strategy (published, illustrative), activity 1.1
    moved to 40% in 2022 by the import, then to 100% in 2023."""
    partners()
    strategy = strategy_import(files=[("plan.xlsx", xlsx(sheets()))], by=None).strategy
    first = Activity.objects.get(strategy=strategy, number="1.1")
    ActivityUpdate.objects.filter(activity=first).update(at=_at("2022-05-10"))
    ActivityUpdate.objects.create(
        activity=first,
        at=_at("2023-02-01"),
        old_progress=40,
        new_progress=100,
        old_status="in_progress",
        new_status="completed",
        note="Mbaroi",
    )
    first.status, first.progress = "completed", 100
    first.save(update_fields=["status", "progress"])
    return strategy


def test_the_review_takes_the_figures_at_the_end_of_the_year(strategy):
    review = year_review(strategy=strategy, year=2022, today=datetime.date(2024, 3, 1))
    assert review.as_of == datetime.date(2022, 12, 31) and review.year_over
    # 1.1 stood at 40% at the end of 2022; 2.4 had not started.
    assert [(n.objective.number, n.progress) for n in review.objectives] == [
        ("1", Decimal(40)),
        ("2", Decimal(0)),
    ]
    # Objective 1 weighs 2, objective 2 takes the mean weight (2): (40+0)/2.
    assert review.progress == Decimal(20)
    assert [
        (d.activity.number, d.status, d.progress, d.overdue) for d in review.due
    ] == [("1.1", "in_progress", 40, True)]
    assert [(u.activity.number, u.new_progress) for u in review.timeline] == [
        ("1.1", 40)
    ]
    assert [(e.indicator.code, e.value, e.achievement) for e in review.indicators] == [
        ("I-1", Decimal("58.00"), Decimal("8") / Decimal("20.5") * 100),
        ("I-2.4", None, None),
    ]
    assert [(p.partner.slug, p.activities) for p in review.partners] == [
        ("icitap", ["1.1"]),
        ("osce", ["1.1"]),
    ]


def test_the_next_year_shows_the_completion_and_its_own_activities(strategy):
    review = year_review(strategy=strategy, year=2023, today=datetime.date(2024, 3, 1))
    assert [(d.activity.number, d.status, d.overdue) for d in review.due] == [
        ("2.4", "not_started", True)
    ]
    assert review.objectives[0].progress == Decimal(100)
    assert [(u.old_progress, u.new_progress, u.note) for u in review.timeline] == [
        (40, 100, "Mbaroi")
    ]
    assert review.indicators[1].value == Decimal("120.00")
    assert review.partners == []


def test_a_year_under_way_is_taken_as_of_today(strategy):
    review = year_review(strategy=strategy, year=2023, today=datetime.date(2023, 1, 15))
    assert review.as_of == datetime.date(2023, 1, 15) and not review.year_over
    assert review.objectives[0].progress == Decimal(40)
    assert review.timeline == []


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("sq", None),
        ("sr-latn", None),
        ("sr", None),
        ("en", "Yearly review 2022"),
    ],
)
def test_the_review_page_renders_in_four_languages(client, strategy, lang, heading):
    response = client.get(URL.format(lang=lang, year=2022))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html or f'lang="{lang}"' in html
    assert "data-illustrative" in html
    assert f"/{lang}/strategy/plan-2021-2025/review/2022/review.pdf" in html
    assert f"/{lang}/strategy/plan-2021-2025/review/2022/review.xlsx" in html
    assert 'data-activity="1.1"' in html and 'data-indicator="I-1"' in html
    assert "@media print" not in html  # the print rules are in review.css
    if heading:
        assert heading in html
        assert (
            "Activities due this year: 1, of which 0 completed and 1 overdue." in html
        )


@pytest.mark.parametrize(
    "path",
    [
        "/en/strategy/plan-2021-2025/review/2020/",
        "/en/strategy/plan-2021-2025/review/2026/",
        "/en/strategy/plan-2021-2025/review/2026/review.pdf",
        "/en/strategy/plan-2021-2025/review/2020/review.xlsx",
        "/en/strategy/plan-2021-2025/review/twenty/",
        "/en/strategy/plan-2021-2025/review/20x2/",
        "/en/strategy/no-such-plan/review/2022/",
    ],
)
def test_a_year_outside_the_period_or_malformed_is_not_found(client, strategy, path):
    assert client.get(path).status_code == 404


def test_an_unpublished_strategy_has_no_public_review(client, strategy):
    Strategy.objects.filter(pk=strategy.pk).update(published=False)
    assert client.get(URL.format(lang="en", year=2022)).status_code == 404


def test_the_pdf_holds_the_review(client, strategy):
    with translation.override("sr"):
        review = year_review(
            strategy=strategy, year=2022, today=datetime.date(2024, 3, 1)
        )
        document = review_pdf(review, compress=False)
    text = "\n".join(pdf_text(document))
    assert "Интегрисана стратегија 2021–2025" in text
    assert "58" in text and "I-1" in text
    assert document.startswith(b"%PDF")
    response = client.get(URL.format(lang="en", year=2022) + "review.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="plan-2021-2025-review-2022.pdf"' in response["Content-Disposition"]
    )


def test_the_pdf_lines_say_the_strategy_is_illustrative(strategy):
    review = year_review(strategy=strategy, year=2022, today=datetime.date(2024, 3, 1))
    texts = [line.text for line in review_lines(review)]
    assert texts[:3] == [
        "Integrated strategy 2021–2025",
        "Yearly review 2022",
        "Illustrative content: the objectives, activities and figures of this "
        "strategy are made up for demonstration and are not the police's real plan.",
    ]
    assert "Progress of the whole strategy: 20%" in texts
    assert "1. Trust — 40%" in texts
    assert any(
        t.startswith("1.1 Meetings") or t.startswith("1.1 Takime") for t in texts
    )
    assert "ICITAP: activities 1.1" in texts


def test_the_xlsx_has_a_sheet_per_part(client, strategy):
    response = client.get(URL.format(lang="en", year=2022) + "review.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "summary",
        "objectives",
        "activities",
        "indicators",
        "timeline",
        "partners",
    ]
    for sheet in workbook.worksheets:
        assert sheet["A2"].value.startswith("Illustrative content")
    summary = {
        row[0]: row[1]
        for row in workbook["summary"].iter_rows(min_row=4, values_only=True)
    }
    assert summary["Progress of the whole strategy (%)"] == 20
    assert summary["Due and overdue"] == 1
    objectives = list(workbook["objectives"].iter_rows(min_row=4, values_only=True))
    assert objectives[0] == ("objective", "1", "Trust", 40)
    assert objectives[1] == ("sub-objective", "1.1", "Sector officers", 40)
    activity = next(workbook["activities"].iter_rows(min_row=4, values_only=True))
    assert activity[0] == "1.1" and activity[5:] == ("in progress", 40, "yes")
    indicator = next(workbook["indicators"].iter_rows(min_row=4, values_only=True))
    assert indicator[0] == "I-1" and indicator[8] == 58 and indicator[9] == "2022"
    assert indicator[10] == 39
    timeline = next(workbook["timeline"].iter_rows(min_row=4, values_only=True))
    assert timeline[1:6] == ("1.1", "not started", 0, "in progress", 40)
    partners_rows = list(workbook["partners"].iter_rows(min_row=4, values_only=True))
    assert partners_rows == [("ICITAP", "1.1"), ("OSBE", "1.1")]


def test_a_real_strategy_says_when_its_figures_stand(strategy):
    Strategy.objects.filter(pk=strategy.pk).update(is_illustrative=False)
    strategy.refresh_from_db()
    review = year_review(strategy=strategy, year=2022, today=datetime.date(2024, 3, 1))
    workbook = load_workbook(io.BytesIO(review_xlsx(review)))
    assert workbook["summary"]["A2"].value.startswith("Figures at the end of the year")
    assert not any("Illustrative" in line.text for line in review_lines(review))


# The command


def test_the_command_imports_and_reports(tmp_path, capsys):
    partners()
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx(sheets()))
    call_command("import_strategy", str(path), "--user", "directorate")
    out = capsys.readouterr().out
    assert "Strategy plan-2021-2025 created." in out
    assert "activities: 2 new, 0 changed, 0 unchanged." in out
    update = ActivityUpdate.objects.get(activity__number="1.1")
    assert update.by == User.objects.get(username="directorate")


def test_the_command_prints_every_problem_and_fails(tmp_path):
    partners()
    data = sheets()
    data["activities"][1][9] = 140
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx(data))
    with pytest.raises(CommandError) as failed:
        call_command("import_strategy", str(path), "--language", "en")
    assert str(failed.value).endswith(
        "nothing was imported, 1 problem(s):\n"
        "sheet activities, row 2, column progress: "
        "Progress is a percentage from 0 to 100."
    )
    assert not Strategy.objects.filter(slug="plan-2021-2025").exists()


def test_the_command_refuses_a_user_who_does_not_edit_the_strategy(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx(sheets()))
    with pytest.raises(CommandError, match="Only directorate staff"):
        call_command("import_strategy", str(path), "--user", "officer")


def test_the_strategy_page_links_each_years_review(client, strategy):
    html = client.get("/sq/strategy/plan-2021-2025/").content.decode()
    for year in range(2021, 2026):
        assert f'href="/sq/strategy/plan-2021-2025/review/{year}/"' in html
