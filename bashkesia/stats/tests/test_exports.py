import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from bashkesia.stats.models import FIGURES, DailyStatistics
from bashkesia.stats.services import daily_statistics_correct
from bashkesia.territory.models import Station

from .public_figures import clear_statistics, days, publish

D = datetime.date
COLUMNS = ["day", "level", "code", *FIGURES, "corrected"]


@pytest.fixture(autouse=True)
def _no_statistics(db):
    clear_statistics()


def by_day(station, day):
    """Each station: the day of the month of every figure, tickets × 100."""
    values = dict.fromkeys(FIGURES, day.day)
    values["traffic_tickets"] = day.day * 100
    return values


@pytest.fixture
def november():
    return publish(days(D(2026, 11, 1), D(2026, 11, 30)), by_day)


@pytest.fixture
def corrected(november):
    """3 November of Prizren's station: arrests 3 → 5 after publication."""
    row = DailyStatistics.objects.select_related("station").get(
        station__code="PRZ", day=D(2026, 11, 3)
    )
    daily_statistics_correct(
        statistics=row,
        figures={"arrests": 5},
        reason="Two arrests entered late.",
        by=get_user_model().objects.get(username="directorate"),
    )
    return row


def download(client, extension, query, language="en"):
    return client.get(f"/{language}/statistics/download.{extension}{query}")


def test_csv_has_a_row_per_day_and_a_column_per_figure(client, november):
    stations = Station.objects.count()

    response = download(client, "csv", "?from=2026-11-01&to=2026-11-30")
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-XK-2026-11-01-2026-11-30.csv"'
    )
    assert rows[0] == COLUMNS
    assert len(rows) == 31
    assert rows[1] == [
        "2026-11-01",
        "national",
        "XK",
        *[
            str(stations * (100 if name == "traffic_tickets" else 1))
            for name in FIGURES
        ],
        "false",
    ]
    assert rows[30][0] == "2026-11-30"
    assert rows[30][3] == str(30 * stations)


def test_csv_of_a_station_marks_its_corrected_day(client, corrected):
    response = download(client, "csv", "?station=PRZ&from=2026-11-02&to=2026-11-04")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-PRZ-2026-11-02-2026-11-04.csv"'
    )
    assert [(r["day"], r["level"], r["code"]) for r in rows] == [
        ("2026-11-02", "station", "PRZ"),
        ("2026-11-03", "station", "PRZ"),
        ("2026-11-04", "station", "PRZ"),
    ]
    assert [r["arrests"] for r in rows] == ["2", "5", "4"]
    assert [r["corrected"] for r in rows] == ["false", "true", "false"]


def test_json_of_a_region_gives_the_rows_and_what_they_are(client, corrected):
    in_prizren = Station.objects.filter(municipality__region__code="PZ").count()

    response = download(client, "json", "?region=pz&from=2026-11-03&to=2026-12-31")
    data = json.loads(response.content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    # Cut at the published day, 30 November.
    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-PZ-2026-11-03-2026-11-30.json"'
    )
    assert data["level"] == "region"
    assert data["code"] == "PZ"
    assert (data["from"], data["to"]) == ("2026-11-03", "2026-11-30")
    assert data["published_day"] == "2026-11-30"
    assert data["columns"] == COLUMNS
    assert len(data["rows"]) == 28
    assert data["rows"][0] == {
        "day": "2026-11-03",
        "level": "region",
        "code": "PZ",
        **{
            name: in_prizren * (300 if name == "traffic_tickets" else 3)
            for name in FIGURES
        },
        "arrests": 3 * in_prizren + 2,
        "corrected": True,
    }
    assert data["rows"][1]["corrected"] is False


def test_xlsx_opens_with_the_same_rows(client, corrected):
    stations = Station.objects.count()

    response = download(client, "xlsx", "?from=2026-11-02&to=2026-11-03")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))

    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-XK-2026-11-02-2026-11-03.xlsx"'
    )
    assert list(rows[0]) == COLUMNS
    assert len(rows) == 3
    assert rows[1][0].date() == D(2026, 11, 2)
    assert rows[1][1:3] == ("national", "XK")
    assert rows[2][COLUMNS.index("arrests")] == 3 * stations + 2
    assert rows[2][COLUMNS.index("traffic_tickets")] == 300 * stations
    assert rows[1][-1] is False
    assert rows[2][-1] is True


def test_without_a_range_the_download_holds_the_last_30_published_days(
    client, november
):
    response = download(client, "csv", "")
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response["Content-Disposition"] == (
        'attachment; filename="statistics-XK-2026-11-01-2026-11-30.csv"'
    )
    assert [row[0] for row in rows[1:]] == [
        day.isoformat() for day in days(D(2026, 11, 1), D(2026, 11, 30))
    ]


def test_days_without_published_figures_give_only_the_header(client):
    response = download(client, "csv", "?from=2026-11-01&to=2026-11-30")

    assert response.status_code == 200
    assert response.content.decode() == ",".join(COLUMNS) + "\r\n"


@pytest.mark.parametrize("extension", ["csv", "json", "xlsx"])
def test_a_bad_choice_is_a_400_that_says_why(client, november, extension):
    response = download(client, extension, "?from=2026-11-30&to=2026-11-01")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "The first day (2026-11-30) comes after the last (2026-11-01)."
    )


def test_an_unknown_format_is_not_found(client, november):
    assert download(client, "pdf", "").status_code == 404
