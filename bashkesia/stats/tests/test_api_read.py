"""GET /api/v1/stats/daily and daily.csv: the published day, a day, a range;
Kosovo, a region, a station; every bad input a 400 with a detail."""

import csv
import datetime
import io

import pytest

from bashkesia.stats.models import FIGURES
from bashkesia.territory.models import Region, Station

from .public_figures import clear_statistics, days, publish

pytestmark = pytest.mark.django_db

FIRST = datetime.date(2026, 11, 1)
LAST = datetime.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _english(client):
    """Answers in English unless a test asks otherwise (Albanian is the
    default)."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def november(today):
    """Every station's November 2026 published: one of each figure a day
    (tickets ten)."""
    today(datetime.date(2026, 12, 5))
    clear_statistics()
    publish(days(FIRST, LAST))


def stations_in(region_code: str) -> int:
    return Station.objects.filter(municipality__region__code=region_code).count()


def test_without_a_date_the_published_day_for_kosovo(client, november):
    body = client.get("/api/v1/stats/daily").json()
    stations = Station.objects.count()
    assert body["level"] == "national"
    assert body["published"] == "2026-11-30"
    assert body["from"] == body["to"] == "2026-11-30"
    assert body["days"] == [
        {
            "date": "2026-11-30",
            "corrected": False,
            **{
                name: stations * (10 if name == "traffic_tickets" else 1)
                for name in FIGURES
            },
        }
    ]


def test_a_day_of_a_region(client, november):
    region = Region.objects.order_by("code").first()
    body = client.get(
        f"/api/v1/stats/daily?date=2026-11-10&region={region.code}"
    ).json()
    assert body["level"] == "region"
    assert body["region"] == region.code
    assert body["days"][0]["arrests"] == stations_in(region.code)


def test_a_range_of_a_station_with_totals(client, november):
    body = client.get(
        "/api/v1/stats/daily?from=2026-11-01&to=2026-11-07&station=prz"
    ).json()
    assert body["level"] == "station"
    assert body["station"] == "PRZ"
    assert [day["date"] for day in body["days"]] == [
        f"2026-11-0{n}" for n in range(1, 8)
    ]
    assert body["totals"]["traffic_tickets"] == 70


def test_days_after_the_published_day_have_no_figures(client, november):
    body = client.get("/api/v1/stats/daily?from=2026-11-29&to=2026-12-03").json()
    assert [day["date"] for day in body["days"]] == ["2026-11-29", "2026-11-30"]


def test_the_csv_has_a_row_per_day_and_a_column_per_figure(client, november):
    response = client.get("/api/v1/stats/daily.csv?from=2026-11-01&to=2026-11-30")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        'filename="statistics-XK-2026-11-01-2026-11-30.csv"'
        in (response["Content-Disposition"])
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 30
    assert list(rows[0]) == ["date", *FIGURES, "corrected"]
    assert rows[0]["date"] == "2026-11-01"
    assert int(rows[0]["in_custody"]) == Station.objects.count()


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("date=2026-13-01", "date: 2026-13-01 is not a day of the calendar."),
        ("date=2026-02-30", "date: 2026-02-30 is not a day of the calendar."),
        ("date=yesterday", "date: “yesterday” is not a day: write it as YYYY-MM-DD."),
        ("date=5.12.2026", "date: “5.12.2026” is not a day: write it as YYYY-MM-DD."),
        (
            "from=2026-11-30&to=2026-11-01",
            "The first day (2026-11-30) comes after the last (2026-11-01).",
        ),
        ("from=2010-01-01&to=2026-01-01", "Choose at most 10 years at a time."),
        ("from=2026-11-01", "A range needs both from and to."),
        (
            "date=2026-11-01&from=2026-11-01&to=2026-11-02",
            "Ask for a date or a range (from, to), not both.",
        ),
        ("region=ZZ", "No regional directorate has the code “ZZ”."),
        ("station=NOPE", "No police station has the code “NOPE”."),
        ("region=PR&station=PRZ", "Ask for a region or a station, not both."),
    ],
)
@pytest.mark.parametrize("path", ["/api/v1/stats/daily", "/api/v1/stats/daily.csv"])
def test_bad_input_is_a_400_with_a_detail(client, november, path, query, detail):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response.json() == {"detail": detail}


def test_nothing_published_yet_is_a_404(client, today):
    today(datetime.date(2026, 12, 5))
    clear_statistics()
    response = client.get("/api/v1/stats/daily")
    assert response.status_code == 404
    assert response.json() == {"detail": "No day's figures are published yet."}


def test_errors_speak_the_reader_s_language(client, november):
    response = client.get(
        "/api/v1/stats/daily?date=2026-13-01", HTTP_ACCEPT_LANGUAGE="sq"
    )
    assert response.status_code == 400
    assert response.json()["detail"].startswith("date: 2026-13-01 ")
    assert response.json()["detail"] != (
        "date: 2026-13-01 is not a day of the calendar."
    )
