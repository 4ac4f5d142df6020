"""Importing a strategy: every kind of bad row refused with its sheet, row
and column, nothing written on a refusal, and a re-import updating in
place."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied

from bashkesia.strategy.import_sheets import ImportProblem, StrategyImportRejected
from bashkesia.strategy.import_template import import_template_xlsx
from bashkesia.strategy.importers import strategy_import
from bashkesia.strategy.models import (
    Activity,
    ActivityUpdate,
    Indicator,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)

from .import_files import (
    HEADERS,
    csv_file,
    partners,
    sheets,
    with_cell,
    xlsx,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _partners(db):
    partners()


def directorate() -> User:
    return User.objects.get(username="directorate")


def run(data: dict, *, by=None, name="plan.xlsx", strategy=None):
    return strategy_import(files=[(name, xlsx(data))], by=by, strategy=strategy)


def refused(data: dict, **options) -> list[ImportProblem]:
    before = (Strategy.objects.count(), ActivityUpdate.objects.count())
    with pytest.raises(StrategyImportRejected) as rejected:
        run(data, **options)
    assert (Strategy.objects.count(), ActivityUpdate.objects.count()) == before
    return rejected.value.problems


def where(problems: list[ImportProblem]) -> list[tuple]:
    return [(p.sheet, p.row, p.column, p.message) for p in problems]


def test_a_workbook_creates_the_strategy_and_every_part():
    result = run(sheets(), by=directorate())
    strategy = Strategy.objects.get(slug="plan-2021-2025")
    assert result.created_strategy and result.strategy == strategy
    assert (strategy.start_year, strategy.end_year) == (2021, 2025)
    assert strategy.is_illustrative and strategy.published
    assert strategy.title_sr == "Интегрисана стратегија 2021–2025"
    assert [o.number for o in strategy.objectives.all()] == ["1", "2"]
    assert Objective.objects.get(strategy=strategy, number="1").weight == Decimal(2)
    assert Objective.objects.get(strategy=strategy, number="2").weight is None
    sub = SubObjective.objects.get(objective__strategy=strategy, number="2.1")
    assert sub.title_en == "Forums" and sub.position == 1
    first = Activity.objects.get(strategy=strategy, number="1.1")
    assert first.sub_objective.number == "1.1"
    assert (first.status, first.progress) == ("in_progress", 40)
    assert first.start == datetime.date(2022, 1, 1)
    assert sorted(p.slug for p in first.partners.all()) == ["icitap", "osce"]
    assert first.description_sr == "Састанци у сектору"
    second = Activity.objects.get(strategy=strategy, number="2.4")
    assert (second.status, second.progress) == ("not_started", 0)
    # The progress the file gives is dated in the activity's timeline.
    update = first.updates.get()
    assert (update.old_progress, update.new_progress) == (0, 40)
    assert update.note == "Imported from plan.xlsx"
    assert update.by == directorate()
    indicator = Indicator.objects.get(strategy=strategy, code="I-1")
    assert indicator.objective.number == "1"
    assert indicator.target == Decimal("70.50")
    assert Indicator.objects.get(strategy=strategy, code="I-2.4").activity == second
    measurement = Measurement.objects.get(indicator=indicator)
    assert measurement.value == Decimal("58.00") and measurement.note == "Anketa"
    assert measurement.entered_by == directorate() and not measurement.computed
    counts = {sheet: vars(c) for sheet, c in result.counts.items()}
    assert counts["activities"] == {"created": 2, "updated": 0, "unchanged": 0}
    assert counts["measurements"] == {"created": 2, "updated": 0, "unchanged": 0}


def test_a_re_import_updates_in_place_without_duplicating():
    run(sheets())
    strategy = Strategy.objects.get(slug="plan-2021-2025")
    again = run(sheets())
    assert not again.created_strategy
    assert {s: vars(c) for s, c in again.counts.items()} == {
        sheet: {"created": 0, "updated": 0, "unchanged": count}
        for sheet, count in (
            ("strategy", 1),
            ("objectives", 2),
            ("sub_objectives", 2),
            ("activities", 2),
            ("indicators", 2),
            ("measurements", 2),
        )
    }
    changed = with_cell("activities", 2, "progress", 70)
    changed["activities"][1][HEADERS["activities"].index("partners")] = "osce"
    changed["objectives"][2][1] = "Parandalimi i krimit"
    changed["measurements"][1][3] = 61
    result = run(changed, name="plan-v2.xlsx")
    assert vars(result.counts["activities"]) == {
        "created": 0,
        "updated": 1,
        "unchanged": 1,
    }
    assert Strategy.objects.filter(slug="plan-2021-2025").count() == 1
    assert strategy.objectives.count() == 2
    assert Activity.objects.filter(strategy=strategy).count() == 2
    assert Indicator.objects.filter(strategy=strategy).count() == 2
    assert Measurement.objects.filter(indicator__strategy=strategy).count() == 2
    activity = Activity.objects.get(strategy=strategy, number="1.1")
    assert activity.progress == 70
    assert [p.slug for p in activity.partners.all()] == ["osce"]
    assert [
        (u.old_progress, u.new_progress, u.note) for u in activity.updates.all()
    ] == [
        (40, 70, "Imported from plan-v2.xlsx"),
        (0, 40, "Imported from plan.xlsx"),
    ]
    assert strategy.objectives.get(number="2").title_sq == "Parandalimi i krimit"
    assert Measurement.objects.get(indicator__code="I-1").value == Decimal("61.00")


def test_a_blank_status_and_progress_keep_the_activitys():
    run(sheets())
    data = with_cell("activities", 2, "status", "")
    data["activities"][1][HEADERS["activities"].index("progress")] = ""
    run(data)
    activity = Activity.objects.get(strategy__slug="plan-2021-2025", number="1.1")
    assert (activity.status, activity.progress) == ("in_progress", 40)


def test_a_missing_column_is_named():
    data = sheets()
    data["indicators"] = [
        [
            cell
            for i, cell in enumerate(row)
            if i != HEADERS["indicators"].index("target")
        ]
        for row in data["indicators"]
    ]
    assert where(refused(data)) == [
        ("indicators", 1, "target", "This column is missing.")
    ]


def test_an_unknown_column_is_named():
    data = sheets()
    data["objectives"][0][1] = "tittle_sq"
    problems = where(refused(data))
    assert problems[0][:3] == ("objectives", 1, "tittle_sq")
    assert problems[0][3].startswith("Unknown column: the columns of this sheet are")
    assert problems[1] == ("objectives", 1, "title_sq", "This column is missing.")


def test_a_bad_number_is_refused_at_its_cell():
    assert where(refused(with_cell("indicators", 3, "baseline", "shumë"))) == [
        ("indicators", 3, "baseline", "“shumë” is not a number; write it as 12.5.")
    ]


def test_a_bad_year_is_refused():
    assert where(refused(with_cell("strategy", 2, "end_year", "2o25"))) == [
        ("strategy", 2, "end_year", "“2o25” is not a year from 2000 to 2100.")
    ]


def test_an_unknown_parent_is_refused():
    data = sheets()
    data["sub_objectives"].append(["6.1", "Pa objektiv", ""])
    data["activities"][2][1] = "2.9"
    data["indicators"][2][2] = "7.7"
    assert where(refused(data)) == [
        (
            "sub_objectives",
            4,
            "number",
            "There is no objective 6: add it to the sheet “objectives”.",
        ),
        (
            "activities",
            3,
            "sub_objective",
            "There is no sub-objective “2.9”: add it to the sheet “sub_objectives”.",
        ),
        (
            "indicators",
            3,
            "number",
            "There is no activity “7.7” in the file or the strategy.",
        ),
    ]


def test_an_activity_numbered_under_another_objective_is_refused():
    assert where(refused(with_cell("activities", 3, "number", "1.9"))) == [
        (
            "activities",
            3,
            "number",
            "The number of an activity of objective 2 begins with “2.”.",
        ),
        (
            "indicators",
            3,
            "number",
            "There is no activity “2.4” in the file or the strategy.",
        ),
    ]


def test_a_duplicate_number_or_code_is_refused_with_the_first_row():
    data = sheets()
    data["objectives"].append(["2", "Sërish", "", "", ""])
    data["activities"].append(list(data["activities"][1]))
    data["indicators"].append(list(data["indicators"][1]))
    assert where(refused(data)) == [
        ("objectives", 4, "number", "Objective 2 is on row 3 already."),
        ("activities", 4, "number", "Activity 1.1 is on row 2 already."),
        ("indicators", 4, "code", "Indicator I-1 is on row 2 already."),
    ]


def test_a_malformed_number_is_refused():
    assert where(refused(with_cell("sub_objectives", 2, "number", "1-1"))) == [
        ("sub_objectives", 2, "number", "“1-1” is not a number such as 2.3."),
        (
            "activities",
            2,
            "sub_objective",
            "There is no sub-objective “1.1”: add it to the sheet “sub_objectives”.",
        ),
    ]


def test_an_end_before_the_start_is_refused():
    assert where(refused(with_cell("activities", 2, "end", "2021-12-31"))) == [
        ("activities", 2, "end", "The end comes before the start.")
    ]


def test_a_bad_date_is_refused():
    assert where(refused(with_cell("activities", 2, "start", "31/02/2022"))) == [
        (
            "activities",
            2,
            "start",
            "“31/02/2022” is not a date; write it as YYYY-MM-DD.",
        )
    ]


@pytest.mark.parametrize("progress", [150, -5, "half"])
def test_progress_out_of_range_is_refused(progress):
    assert where(refused(with_cell("activities", 2, "progress", progress))) == [
        ("activities", 2, "progress", "Progress is a percentage from 0 to 100.")
    ]


def test_a_completed_activity_below_100_is_refused():
    assert where(refused(with_cell("activities", 2, "status", "completed"))) == [
        ("activities", 2, "progress", "A completed activity is at 100%.")
    ]


def test_an_unknown_status_is_refused():
    problems = where(refused(with_cell("activities", 2, "status", "done")))
    assert problems == [
        (
            "activities",
            2,
            "status",
            "“done” is not one of not_started, in_progress, completed, delayed, "
            "cancelled.",
        )
    ]


def test_an_unknown_partner_is_refused():
    assert where(refused(with_cell("activities", 2, "partners", "osce, unmik"))) == [
        ("activities", 2, "partners", "No partner has the short address “unmik”.")
    ]


def test_a_target_against_the_direction_is_refused():
    problems = where(refused(with_cell("indicators", 2, "direction", "decrease")))
    assert problems == [
        (
            "indicators",
            2,
            "target",
            "The target is above the baseline: choose 'increase' as the direction "
            "or check the figures.",
        )
    ]


def test_a_measurement_of_a_part_of_a_year_is_refused_for_a_yearly_indicator():
    assert where(refused(with_cell("measurements", 2, "period_end", "2022-03-31"))) == [
        (
            "measurements",
            2,
            "period_start",
            "The period must be one whole yearly period.",
        )
    ]


def test_a_measurement_of_a_computed_indicator_is_refused():
    data = sheets()
    data["indicators"][0] += ["source", "formula"]
    data["indicators"][1] += ["computed", "active_klsps"]
    data["indicators"][2] += ["", ""]
    assert where(refused(data)) == [
        (
            "measurements",
            2,
            "indicator",
            "This indicator is computed from the platform's data, not entered.",
        )
    ]


def test_a_future_period_is_refused(today):
    today(datetime.date(2022, 6, 1))
    assert where(refused(sheets())) == [
        ("measurements", 3, "period_start", "The period has not begun yet.")
    ]


def test_an_unknown_sheet_is_refused():
    data = sheets()
    data["budget"] = [["line", "amount"]]
    assert where(refused(data)) == [
        (
            "budget",
            None,
            "",
            "Unknown sheet “budget”: the sheets are strategy, objectives, "
            "sub_objectives, activities, indicators, measurements.",
        )
    ]


def test_problems_of_every_sheet_are_listed_and_nothing_is_written():
    data = with_cell("strategy", 2, "slug", "Plan 2021")
    data["objectives"][1][1] = ""
    data["activities"][2][HEADERS["activities"].index("progress")] = 101
    assert where(refused(data)) == [
        (
            "strategy",
            2,
            "slug",
            "Use lowercase letters, digits and hyphens, such as strategy-2021-2025.",
        ),
        ("objectives", 2, "title_sq", "Give the objective a title."),
        ("activities", 3, "progress", "Progress is a percentage from 0 to 100."),
    ]
    assert not Objective.objects.filter(strategy__slug="plan-2021-2025").exists()


def test_a_refused_re_import_leaves_the_strategy_as_it_was():
    run(sheets())
    data = with_cell("activities", 2, "progress", 90)
    data["activities"][2][HEADERS["activities"].index("partners")] = "nobody"
    refused(data)
    activity = Activity.objects.get(strategy__slug="plan-2021-2025", number="1.1")
    assert activity.progress == 40


def test_a_file_without_a_strategy_sheet_needs_a_chosen_strategy():
    assert where(refused(sheets(strategy=None))) == [
        (
            "",
            None,
            "",
            "The file has no sheet “strategy”: add it, or choose the strategy the "
            "file updates.",
        )
    ]


def test_a_chosen_strategy_must_be_the_files():
    run(sheets())
    other = run(with_cell("strategy", 2, "slug", "other-plan")).strategy
    assert where(refused(sheets(), strategy=other)) == [
        (
            "strategy",
            2,
            "slug",
            "The file is for the strategy plan-2021-2025, not other-plan.",
        )
    ]


def test_csv_files_one_per_sheet_import_like_a_workbook():
    data = sheets()
    files = [(f"{name}.csv", csv_file(rows)) for name, rows in data.items()]
    result = strategy_import(files=files, by=None)
    assert result.strategy.slug == "plan-2021-2025"
    assert Activity.objects.filter(strategy=result.strategy).count() == 2
    assert Measurement.objects.filter(indicator__strategy=result.strategy).count() == 2


def test_a_single_activities_csv_updates_the_chosen_strategy():
    strategy = run(sheets()).strategy
    rows = [
        ["number", "sub_objective", "description_sq", "status", "progress"],
        ["1.1", "1.1", "Takime në sektor", "completed", "100"],
        ["2.5", "2.1", "Fushata në shkolla", "", ""],
    ]
    result = strategy_import(
        files=[("veprimtarite.csv", csv_file(rows, delimiter=";"))],
        by=directorate(),
        strategy=strategy,
    )
    assert vars(result.counts["activities"]) == {
        "created": 1,
        "updated": 1,
        "unchanged": 0,
    }
    first = Activity.objects.get(strategy=strategy, number="1.1")
    assert (first.status, first.progress) == ("completed", 100)
    # Columns the file leaves out are kept.
    assert first.responsible_unit == "DPBP" and first.partners.count() == 2
    assert Activity.objects.get(
        strategy=strategy, number="2.5"
    ).sub_objective.number == ("2.1")


def test_a_csv_that_is_not_utf8_is_refused():
    rows = "number,sub_objective,description_sq\n1.1,1.1,Takim në sektor\n"
    with pytest.raises(StrategyImportRejected) as rejected:
        strategy_import(files=[("activities.csv", rows.encode("cp1250"))], by=None)
    assert [str(p) for p in rejected.value.problems] == [
        "“activities.csv” is not UTF-8 text: save it as CSV UTF-8."
    ]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            [("plan.pdf", b"%PDF-1.4")],
            "Upload an XLSX workbook or CSV files (.xlsx or .csv), not plan.pdf.",
        ),
        (
            [("plan.xlsx", b"not a workbook")],
            "“plan.xlsx” is not an XLSX workbook: save it as Excel Workbook.",
        ),
        ([], "Choose a file to import."),
    ],
)
def test_a_file_of_another_kind_is_refused(files, message):
    with pytest.raises(StrategyImportRejected) as rejected:
        strategy_import(files=files, by=None)
    assert [str(p) for p in rejected.value.problems] == [message]


def test_only_editors_import():
    officer = User.objects.get(username="officer")
    with pytest.raises(PermissionDenied):
        run(sheets(), by=officer)
    assert not Strategy.objects.filter(slug="plan-2021-2025").exists()


def test_the_template_imports_as_it_is():
    result = strategy_import(files=[("template.xlsx", import_template_xlsx())], by=None)
    assert result.strategy.slug == "strategy-2026-2030"
    activity = Activity.objects.get(strategy=result.strategy, number="1.1")
    assert activity.progress == 25
    assert [p.slug for p in activity.partners.all()] == ["osce"]
