import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, reset_queries
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from bashkesia.stats import context_processors
from bashkesia.stats.charts import number
from bashkesia.stats.models import BULLETIN_FIGURES, FIGURES, DailyStatistics, Figure
from bashkesia.stats.services import (
    daily_statistics_confirm,
    daily_statistics_correct,
    daily_statistics_enter,
    daily_totals_rebuild,
)
from bashkesia.stats.widget import bulletin
from bashkesia.territory.models import Station

from .public_figures import clear_statistics, publish

D = datetime.date
LANGUAGES = ["sq", "sr-latn", "sr", "en"]


@pytest.fixture(autouse=True)
def _no_statistics(db):
    clear_statistics()


@pytest.fixture
def directorate():
    return get_user_model().objects.get(username="directorate")


def counting(station, day):
    """Fatal accidents 1, injury accidents 2, … in custody 6 per station;
    tickets 40."""
    values = {name: n for n, name in enumerate(FIGURES, start=1)}
    values["traffic_tickets"] = 40
    return values


def widget(html: str) -> str | None:
    found = re.search(r'<aside class="stats-widget".*?</aside>', html, re.S)
    return found.group(0) if found else None


def figures_shown(box: str) -> dict[str, str]:
    return dict(
        re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", box, re.S),
    )


def heading(language: str, day: str) -> str:
    with translation.override(language):
        return gettext("General statistics: %(day)s") % {"day": day}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_shows_the_published_days_six_figures(client, language):
    publish([D(2026, 11, 29), D(2026, 11, 30)], counting)
    stations = Station.objects.count()

    html = client.get(f"/{language}/").content.decode()
    box = widget(html)

    assert box is not None
    assert heading(language, "2026-11-30") in box
    assert f'href="/{language}/statistics/"' in box
    with translation.override(language):
        expected = {
            str(capfirst(Figure(name).label)): number(
                stations * counting(None, None)[name]
            )
            for name in BULLETIN_FIGURES
        }
    assert figures_shown(box) == expected
    # The press figures are not in the bulletin.
    assert len(figures_shown(box)) == 6


def test_the_widget_writes_numbers_as_the_language_does(client):
    publish([D(2026, 11, 30)], counting)
    tickets = 40 * Station.objects.count()

    english = figures_shown(widget(client.get("/en/").content.decode()))
    albanian = widget(client.get("/sq/").content.decode())

    assert english["Traffic tickets issued"] == f"{tickets:,}"
    assert f"<dd>{tickets:,}</dd>".replace(",", ".") in albanian


def test_the_widget_is_hidden_while_nothing_is_published(client):
    # Every station but one confirmed: the day is not published.
    stations = list(Station.objects.select_related("municipality"))
    publish([D(2026, 11, 30)], counting, stations=stations[1:])

    html = client.get("/en/").content.decode()

    assert widget(html) is None
    assert "stats/statistics.css" not in html


def test_the_widget_moves_to_a_day_once_its_last_station_is_confirmed(
    client, directorate
):
    stations = list(Station.objects.select_related("municipality"))
    publish([D(2026, 11, 29)], counting)
    publish([D(2026, 11, 30)], counting, stations=stations[1:])
    row = daily_statistics_enter(
        station=stations[0],
        day=D(2026, 11, 30),
        figures=counting(None, None),
        by=directorate,
    )
    assert heading("en", "2026-11-29") in widget(client.get("/en/").content.decode())

    daily_statistics_confirm(statistics=row, by=directorate)

    box = widget(client.get("/en/").content.decode())
    assert heading("en", "2026-11-30") in box
    assert figures_shown(box)["Arrests"] == number(5 * len(stations))


def test_the_widget_shows_a_correction_of_the_published_day(client, directorate):
    publish([D(2026, 11, 30)], counting)
    stations = Station.objects.count()
    client.get("/en/")
    row = DailyStatistics.objects.select_related("station").get(
        station__code="PRZ", day=D(2026, 11, 30)
    )

    daily_statistics_correct(
        statistics=row, figures={"arrests": 7}, reason="Miscounted.", by=directorate
    )

    box = widget(client.get("/en/").content.decode())
    assert figures_shown(box)["Arrests"] == number(5 * stations + 2)
    assert "Some figures of this day were corrected after publication." in box


def queries_of(client, path: str) -> tuple[str, list[str]]:
    """Return a page and the SQL of its queries."""
    # A request empties the query log, which the capture counts from.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        html = client.get(path).content.decode()
    return html, [query["sql"] for query in queries.captured_queries]


@override_settings(BASHKESIA_TERRITORY_CHECK_SECONDS=3600)
def test_a_warm_page_view_costs_no_query_for_the_widget(client):
    client.get("/en/about/")  # the session, the memo: warm
    without, without_queries = queries_of(client, "/en/about/")
    publish([D(2026, 11, 30)], counting)
    bulletin.forget()
    _, cold_queries = queries_of(client, "/en/about/")
    shown, shown_queries = queries_of(client, "/en/about/")

    assert widget(without) is None
    assert widget(shown) is not None
    assert [sql for sql in cold_queries if "stats_dailytotal" in sql]
    assert len(shown_queries) == len(without_queries)
    assert not [sql for sql in shown_queries if "stats_" in sql or "revision" in sql]


def test_the_widget_is_read_only_when_the_page_shows_it(monkeypatch):
    calls = []
    monkeypatch.setattr(bulletin, "get", lambda: calls.append(1))
    request = RequestFactory().get("/en/")

    context = context_processors.statistics(request)

    assert calls == []
    assert not context["stats_widget"]
    assert calls == [1]


def test_back_office_pages_do_not_show_the_widget(client, sign_in):
    publish([D(2026, 11, 30)], counting)

    html = sign_in("directorate").get("/en/staff/").content.decode()

    assert "Back office" in html
    assert widget(html) is None


def test_the_widget_is_outside_the_cached_fragments_of_sector_pages(client):
    publish([D(2026, 11, 29)], counting)
    first = client.get("/en/sectors/PRZ-01/").content.decode()

    publish([D(2026, 11, 30)], counting)
    second = client.get("/en/sectors/PRZ-01/").content.decode()

    assert heading("en", "2026-11-29") in widget(first)
    assert heading("en", "2026-11-30") in widget(second)


def test_demo_figures_are_labelled_in_the_widget_and_on_the_page(client, today):
    today(datetime.date(2026, 12, 5))
    clear_statistics()
    rows = publish([datetime.date(2026, 12, 4)])
    DailyStatistics.objects.filter(pk=rows[0].pk).update(is_demo=True)
    daily_totals_rebuild()
    home = client.get("/en/").content.decode()
    assert "Demonstration data: these figures are made up." in home
    page = client.get("/en/statistics/").content.decode()
    assert "Demonstration data: the daily figures shown here are made up" in page


def test_real_figures_carry_no_demo_label(client, today):
    today(datetime.date(2026, 12, 5))
    clear_statistics()
    publish([datetime.date(2026, 12, 4)])
    assert "Demonstration data" not in client.get("/en/").content.decode()
    assert "Demonstration data" not in client.get("/en/statistics/").content.decode()
