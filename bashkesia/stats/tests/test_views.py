import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext

from bashkesia.stats import views
from bashkesia.stats.models import DailyStatistics, Figure
from bashkesia.stats.services import daily_statistics_correct
from bashkesia.territory.models import Station

from .public_figures import clear_statistics, days, publish

D = datetime.date
LANGUAGES = ["sq", "sr-latn", "sr", "en"]
PUBLISHED = D(2026, 11, 30)


@pytest.fixture(autouse=True)
def _no_statistics(db):
    clear_statistics()


@pytest.fixture
def november():
    """Every station's figures from 25 October to 30 November 2026 (a week
    before November for the averages) and of November 2025."""
    publish(days(D(2025, 11, 1), D(2025, 11, 30)))
    return publish(days(D(2026, 10, 25), PUBLISHED))


def page(client, query="", language="en"):
    response = client.get(f"/{language}/statistics/{query}")
    return response, response.content.decode()


def text(html: str) -> str:
    """The page's text, tags and extra spaces left out."""
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def day(value: datetime.date) -> str:
    """The day as the English page writes it."""
    with translation.override("en"):
        return date_format(value, "DATE_FORMAT")


def in_language(language: str, message: str, **values) -> str:
    with translation.override(language):
        return gettext(message) % values if values else gettext(message)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_shows_the_last_30_days_in_each_language(client, november, language):
    response, html = page(client, language=language)

    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        title = gettext("General statistics")
        published = date_format(PUBLISHED, "DATE_FORMAT")
        first = date_format(D(2026, 11, 1), "DATE_FORMAT")
        labels = [str(label) for label in Figure.labels]
        headings = [
            gettext("Month by month"),
            gettext("The same period last year"),
            gettext("Regional directorates compared"),
        ]
    assert f"<h1>{title}</h1>" in html
    assert f'<time datetime="2026-11-30">{published}</time>' in html
    assert first in html
    for label in [*labels, *headings]:
        assert label[0].upper() + label[1:] in text(html) or label in text(html)
    assert html.count('role="img"') == 4  # days, months, regions, per 10,000
    assert 'style="' not in html  # the Content-Security-Policy forbids it


def test_by_default_the_totals_are_those_of_the_last_30_published_days(
    client, november
):
    stations = Station.objects.count()
    _, html = page(client)
    shown = text(html)

    assert f"Kosovo · {day(D(2026, 11, 1))} to {day(PUBLISHED)}" in shown
    assert "(30 days with figures)" in shown
    # Ten tickets a station a day; one of every other figure.
    assert f"Traffic tickets issued {30 * stations * 10:,} {stations * 10:,}.0" in (
        shown
    )
    assert f"Fatal accidents {30 * stations:,} {stations}.0" in shown
    daily = html[html.index('id="daily-heading"') : html.index('id="monthly-heading"')]
    assert len(re.findall(r'<th scope="row">\s*<time', daily)) == 30


def test_the_totals_are_written_as_the_language_writes_numbers(client, november):
    tickets = 30 * Station.objects.count() * 10

    _, html = page(client, language="sq")

    assert f"{tickets:,}".replace(",", ".") in html


def test_a_single_day_shows_its_figures_and_their_7_day_average(client, november):
    stations = Station.objects.count()

    response, html = page(client, "?day=2026-11-15")
    shown = text(html)

    assert response.status_code == 200
    assert f"Kosovo · {day(D(2026, 11, 15))}" in shown
    assert f"Arrests {stations} {stations}.0" in shown
    assert 'id="daily-heading"' not in html
    assert f"{day(D(2026, 11, 15))} beside {day(D(2025, 11, 15))}" in shown


def test_a_range_after_the_published_day_is_cut_and_says_so(client, november):
    _, html = page(client, "?from=2026-11-20&to=2026-12-10")
    shown = text(html)

    assert f"{day(D(2026, 11, 20))} to {day(PUBLISHED)}" in shown
    assert f"Figures after {day(PUBLISHED)} are not published yet." in shown


def test_a_regional_directorate_compares_its_stations(client, november):
    stations = Station.objects.filter(municipality__region__code="PZ")

    response, html = page(client, "?region=PZ&from=2026-11-01&to=2026-11-07")
    shown = text(html)

    assert response.status_code == 200
    assert f"Regional Police Directorate Prizren · {day(D(2026, 11, 1))}" in shown
    assert "Police stations of Regional Police Directorate Prizren compared" in shown
    for station in stations:
        assert f"{station.name_en} 7" in shown  # one injury accident a day
    assert '<tr class="current">' in html
    assert html.count('role="img"') == 5


def test_a_station_shows_its_own_figures(client, november):
    station = Station.objects.get(code="PRZ")

    response, html = page(client, "?station=prz&from=2026-11-01&to=2026-11-10")
    shown = text(html)

    assert response.status_code == 200
    assert (
        f"{station.name_en} · {day(D(2026, 11, 1))} to {day(D(2026, 11, 10))}" in shown
    )
    assert "Arrests 10 1.0" in shown
    assert "station=PRZ" in html


def test_the_figure_to_chart_is_chosen(client, november):
    _, html = page(client, "?figure=traffic_tickets")

    assert '-title">Traffic tickets issued per day, Kosovo</title>' in html
    assert '-title">Traffic tickets issued per month, Kosovo</title>' in html
    assert '<option value="traffic_tickets" selected>' in html


def test_corrections_after_publication_are_marked_and_listed(client, november):
    directorate = get_user_model().objects.get(username="directorate")
    row = DailyStatistics.objects.select_related("station").get(
        station__code="PRZ", day=D(2026, 11, 12)
    )
    daily_statistics_correct(
        statistics=row,
        figures={"arrests": 3},
        reason="Two arrests of the night shift were missing.",
        by=directorate,
    )
    corrected_on = day(timezone.localdate())

    _, html = page(client, "?figure=arrests")
    shown = text(html)

    assert (
        f"{day(D(2026, 11, 12))}, {row.station.name_en}: arrests corrected from 1 to 3 "
        f"on {corrected_on}. Reason: Two arrests of the night shift were missing."
    ) in shown
    assert html.count('<a href="#corrections-heading">corrected</a>') == 1
    assert "Some of these figures were corrected after publication" in shown


def test_the_downloads_select_the_same_days(client, november):
    _, html = page(client, "?region=PZ&from=2026-11-01&to=2026-11-07")

    for extension in ("csv", "json", "xlsx"):
        assert (
            f'href="/en/statistics/download.{extension}'
            f'?from=2026-11-01&amp;to=2026-11-07&amp;region=PZ"'
        ) in html


def test_without_published_figures_the_page_says_so(client):
    response, html = page(client)

    assert response.status_code == 200
    assert "No figures are published yet." in html
    assert 'role="img"' not in html


@pytest.mark.parametrize(
    ("query", "message", "values"),
    [
        (
            "?day=yesterday",
            "“%(value)s” is not a day: write it as YYYY-MM-DD.",
            {"value": "yesterday"},
        ),
        (
            "?from=2026-1-5",
            "“%(value)s” is not a day: write it as YYYY-MM-DD.",
            {"value": "2026-1-5"},
        ),
        (
            "?to=2026-02-30",
            "%(value)s is not a day of the calendar.",
            {"value": "2026-02-30"},
        ),
        (
            "?day=2026-13-01",
            "%(value)s is not a day of the calendar.",
            {"value": "2026-13-01"},
        ),
        (
            "?day=1850-01-01",
            "Choose a day between %(first)s and %(last)s.",
            {"first": "1900-01-01", "last": "2100-12-31"},
        ),
        (
            "?from=2026-11-10&to=2026-11-01",
            "The first day (%(start)s) comes after the last (%(end)s).",
            {"start": "2026-11-10", "end": "2026-11-01"},
        ),
        (
            "?from=2016-11-01&to=2026-11-01",
            "Choose at most %(years)s years at a time.",
            {"years": 10},
        ),
        (
            "?day=2026-11-01&from=2026-10-01",
            "Choose a single day or a range (from, to), not both.",
            {},
        ),
        (
            "?region=ZZ",
            "No regional directorate has the code “%(code)s”.",
            {"code": "ZZ"},
        ),
        (
            "?station=NOPE",
            "No police station has the code “%(code)s”.",
            {"code": "NOPE"},
        ),
        (
            "?figure=murders",
            "“%(value)s” is none of the figures: choose one from the list.",
            {"value": "murders"},
        ),
    ],
)
@pytest.mark.parametrize("language", ["en", "sr"])
def test_bad_input_is_a_400_that_says_why(client, query, message, values, language):
    response, html = page(client, query, language=language)

    assert response.status_code == 400
    assert in_language(language, message, **values) in unescape(html)
    assert 'role="alert"' in html
    assert 'role="img"' not in html


def test_a_station_outside_the_chosen_directorate_is_a_400(client):
    response, html = page(client, "?region=PE&station=PRZ")
    station = Station.objects.get(code="PRZ")

    assert response.status_code == 400
    assert f"{station.name_en} is not in Regional Police Directorate Peja." in unescape(
        html
    )


def test_ten_years_less_a_day_is_the_longest_range(client, november):
    response, html = page(client, "?from=2016-12-01&to=2026-11-30")

    assert response.status_code == 200
    assert 'id="chart-daily"' in html
    assert "(67 days with figures)" in text(html)


def test_a_long_series_leaves_its_table_to_the_downloads(client, november, monkeypatch):
    monkeypatch.setattr(views, "DAILY_TABLE_DAYS", 60)

    _, html = page(client, "?from=2025-01-01&to=2026-11-30")

    assert "The table of the 67 days is in the downloads." in text(html)
    assert "The figures of the chart as a table" not in html


def test_the_navigation_links_to_the_page(client):
    _, html = page(client)

    assert '<a href="/en/statistics/">Statistics</a>' in html
