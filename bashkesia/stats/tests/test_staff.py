"""The back office's statistics pages: the list of days, entering a day, a
day's page with its history, correcting and confirming, importing a file.

The demo clerk enters Prizren (PRZ and its substations), the coordinator
confirms the Prizren region, the commander has no statistics to see."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from bashkesia.stats.importers import COLUMNS
from bashkesia.stats.models import FIGURES, Correction, DailyStatistics
from bashkesia.stats.services import daily_statistics_enter

from .entry_people import figures, yesterday

pytestmark = pytest.mark.django_db
LIST = "/en/staff/statistics/"
NEW = "/en/staff/statistics/new/"
IMPORT = "/en/staff/statistics/import/"
CONFIRM_MANY = "/en/staff/statistics/confirm/"


def detail(statistics: DailyStatistics) -> str:
    return f"/en/staff/statistics/{statistics.pk}/"


def before_yesterday() -> datetime.date:
    return yesterday() - datetime.timedelta(days=1)


def row(code: str, day: datetime.date) -> DailyStatistics:
    return DailyStatistics.objects.get(station__code=code, day=day)


def provisional(code: str = "PRZ") -> DailyStatistics:
    """Return the station's yesterday, entered by the system (provisional)."""
    DailyStatistics.objects.filter(station__code=code, day=yesterday()).delete()
    from bashkesia.territory.models import Station

    return daily_statistics_enter(
        station=Station.objects.get(code=code),
        day=yesterday(),
        figures=figures(),
        by=None,
    )


def form_data(station: str = "PRZ", day: datetime.date | None = None, **changes):
    return {
        "station": station,
        "day": (day or yesterday()).isoformat(),
        **figures(**changes),
    }


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def assert_sent_to_sign_in(response) -> None:
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")


# The list


def test_the_clerk_sees_their_stations_days_and_the_day_left_to_enter(sign_in):
    response = sign_in("clerk").get(LIST)
    assert response.status_code == 200
    page = text(response)
    assert 'href="/en/staff/statistics/"' in page  # in the menu
    assert "Days not entered yet" in page
    assert f"?station=PRZ&amp;day={yesterday().isoformat()}" in page
    rows = list(response.context["page_obj"])
    assert [(item.day, item.station.code) for item in rows[:3]] == [
        (yesterday(), "PRZ-SR"),
        (yesterday(), "PRZ-ZH"),
        (before_yesterday(), "PRZ"),
    ]
    assert response.context["page_obj"].paginator.count == 3 * 1096 - 1
    assert response.context["confirmable"] == []


def test_the_coordinator_sees_the_region_and_may_confirm_what_is_shown(sign_in):
    entered = provisional()
    response = sign_in("coordinator").get(LIST + "?status=provisional")
    assert response.status_code == 200
    assert [item.pk for item in response.context["page_obj"]] == [entered.pk]
    assert response.context["confirmable"] == [entered.pk]
    assert "Confirm and publish the 1 provisional day shown" in text(response)
    assert "Days not entered yet" not in text(response)


def test_the_list_filters_by_station_month_range_and_status(sign_in):
    client = sign_in("clerk")
    month = before_yesterday().replace(day=1)
    response = client.get(LIST, {"station": "PRZ-ZH", "month": month.strftime("%Y-%m")})
    assert response.status_code == 200
    days = sorted(item.day for item in response.context["page_obj"])
    assert {item.station.code for item in response.context["page_obj"]} == {"PRZ-ZH"}
    # Every day of the month up to yesterday.
    assert days[0] == month
    assert all((day.year, day.month) == (month.year, month.month) for day in days)
    assert len(days) == (days[-1] - month).days + 1
    assert days[-1] in (
        yesterday(),
        (month + datetime.timedelta(days=31)).replace(day=1)
        - datetime.timedelta(days=1),
    )
    response = client.get(
        LIST,
        {
            "start": before_yesterday().isoformat(),
            "end": before_yesterday().isoformat(),
        },
    )
    assert response.context["page_obj"].paginator.count == 3


def test_a_bad_filter_is_400_and_says_why(sign_in):
    response = sign_in("clerk").get(
        LIST, {"start": "2024-05-02", "end": "2024-05-01", "station": "PEJ"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["end"] == ["The last day cannot come before the first day."]
    assert errors["station"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


def test_those_without_statistics_are_refused(sign_in, client):
    for username in ("commander", "director", "officer"):
        signed_in = sign_in(username)
        assert signed_in.get(LIST).status_code == 403
        assert 'href="/en/staff/statistics/"' not in text(signed_in.get("/en/staff/"))
    client.logout()
    assert_sent_to_sign_in(client.get(LIST))


# Entering a day


def test_the_enter_form_offers_the_clerk_s_stations_and_yesterday(sign_in):
    response = sign_in("clerk").get(NEW)
    assert response.status_code == 200
    form = response.context["form"]
    assert [s.code for s in form.fields["station"].queryset] == [
        "PRZ",
        "PRZ-SR",
        "PRZ-ZH",
    ]
    assert form.initial["day"] == yesterday().isoformat()
    assert list(form.fields)[2:] == list(FIGURES)


def test_the_clerk_enters_a_day(sign_in):
    response = sign_in("clerk").post(NEW, form_data(), follow=True)
    statistics = row("PRZ", yesterday())
    assert response.redirect_chain == [(detail(statistics), 302)]
    assert statistics.status == "provisional"
    assert statistics.entered_by.username == "clerk"
    assert statistics.figures() == figures()
    assert (
        f"The figures of Prizren Police Station for {yesterday().isoformat()} "
        "are entered: provisional until the regional directorate confirms them."
    ) in text(response)


def test_bad_figures_are_400_with_each_field_s_message(sign_in):
    response = sign_in("clerk").post(
        NEW, form_data(arrests=-2, fatal_accidents=40, in_custody="x")
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["arrests"] == ["The number of arrests cannot be negative."]
    assert errors["fatal_accidents"] == [
        "40 fatal accidents in one station in one day is not possible (at most "
        "30): check the number."
    ]
    assert errors["in_custody"] == ["“x” is not a whole number."]
    assert "The figures were not entered" in text(response)
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_a_day_entered_already_today_and_another_station_are_400(sign_in):
    client = sign_in("clerk")
    response = client.post(NEW, form_data("PRZ-ZH"))
    assert response.status_code == 400
    assert response.context["form"].errors["day"] == [
        f"The figures of {row('PRZ-ZH', yesterday()).station.name} for "
        f"{yesterday().isoformat()} are entered already: correct them instead."
    ]
    today = yesterday() + datetime.timedelta(days=1)
    response = client.post(NEW, form_data(day=today))
    assert response.status_code == 400
    assert response.context["form"].errors["day"] == [
        "Figures are entered for a day that is over."
    ]
    response = client.post(NEW, form_data("PEJ"))
    assert response.status_code == 400
    assert response.context["form"].errors["station"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


def test_the_form_speaks_the_user_s_language(sign_in):
    response = sign_in("clerk").post("/sq/staff/statistics/new/", {"day": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["station"] == [
        "Kjo fushë është e domosdoshme."
    ]


def test_only_those_who_enter_see_the_form(sign_in, client):
    assert sign_in("coordinator").get(NEW).status_code == 403
    assert sign_in("coordinator").post(NEW, form_data()).status_code == 403
    assert sign_in("commander").get(NEW).status_code == 403
    client.logout()
    assert_sent_to_sign_in(client.get(NEW))


# A day's page, correcting and confirming


def test_a_day_s_page_shows_figures_status_people_and_history(sign_in):
    corrected = Correction.objects.select_related("statistics__station").first()
    statistics = corrected.statistics
    response = sign_in("directorate").get(detail(statistics))
    assert response.status_code == 200
    page = text(response)
    assert "confirmed" in page
    assert "corrected after publication" in page
    assert f"{corrected.old_value} → {corrected.new_value}" in page
    assert corrected.reason in page
    assert "clerk" in page
    assert "coordinator" in page
    assert "Correct the figures" in page
    assert "Confirm and publish" not in page


def test_the_clerk_sees_their_day_but_not_another_station_s(sign_in):
    client = sign_in("clerk")
    assert client.get(detail(row("PRZ-SR", yesterday()))).status_code == 200
    response = client.get(detail(row("PEJ", yesterday())))
    assert response.status_code == 403
    assert client.get("/en/staff/statistics/999999999/").status_code == 404


def test_the_commander_and_the_anonymous_do_not_see_a_day(sign_in, client):
    statistics = row("PRZ-SR", yesterday())
    assert sign_in("commander").get(detail(statistics)).status_code == 403
    client.logout()
    assert_sent_to_sign_in(client.get(detail(statistics)))


def test_a_published_day_needs_a_reason_to_be_corrected(sign_in):
    statistics = row("PRZ-SR", yesterday())
    response = sign_in("clerk").post(
        detail(statistics) + "correct/",
        {**statistics.figures(), "arrests": statistics.arrests + 1, "reason": ""},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["reason"] == [
        "Say why published figures change: the public sees the correction."
    ]
    assert not statistics.corrections.exists()


def test_the_clerk_corrects_a_published_day_and_the_history_shows_it(sign_in):
    statistics = row("PRZ-SR", yesterday())
    old = statistics.arrests
    response = sign_in("clerk").post(
        detail(statistics) + "correct/",
        {**statistics.figures(), "arrests": old + 4, "reason": "A late report."},
        follow=True,
    )
    assert response.redirect_chain == [(detail(statistics), 302)]
    page = text(response)
    assert "1 figure corrected." in page
    assert f"{old} → {old + 4}" in page
    assert "A late report." in page
    statistics.refresh_from_db()
    assert statistics.arrests == old + 4
    assert statistics.corrected_at is not None


def test_bad_figures_in_a_correction_are_400(sign_in):
    statistics = provisional()
    response = sign_in("clerk").post(
        detail(statistics) + "correct/",
        {**statistics.figures(), "traffic_tickets": "-5", "reason": ""},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["traffic_tickets"] == [
        "The number of traffic tickets issued cannot be negative."
    ]


def test_the_coordinator_does_not_correct(sign_in):
    statistics = row("PRZ-SR", yesterday())
    response = sign_in("coordinator").post(
        detail(statistics) + "correct/", {**statistics.figures(), "reason": "x"}
    )
    assert response.status_code == 403


def test_the_coordinator_confirms_a_provisional_day(sign_in):
    statistics = provisional()
    client = sign_in("coordinator")
    page = text(client.get(detail(statistics)))
    assert "Confirm and publish" in page
    assert "Correct the figures" not in page
    response = client.post(detail(statistics) + "confirm/", follow=True)
    assert response.redirect_chain == [(detail(statistics), 302)]
    assert (
        f"The figures of Prizren Police Station for {yesterday().isoformat()} are "
        "confirmed and published."
    ) in text(response)
    statistics.refresh_from_db()
    assert statistics.status == "confirmed"
    assert statistics.confirmed_by.username == "coordinator"


def test_confirming_a_confirmed_day_is_400(sign_in):
    statistics = row("PRZ-SR", yesterday())
    response = sign_in("coordinator").post(detail(statistics) + "confirm/")
    assert response.status_code == 400
    assert response.context["confirm_error"] == (
        f"The figures of {statistics.station.name} for {yesterday().isoformat()} "
        "are confirmed already."
    )


def test_the_clerk_does_not_confirm(sign_in):
    statistics = provisional()
    client = sign_in("clerk")
    assert "Confirm and publish" not in text(client.get(detail(statistics)))
    assert client.post(detail(statistics) + "confirm/").status_code == 403
    statistics.refresh_from_db()
    assert statistics.status == "provisional"


# Confirming all the days shown


def test_the_coordinator_confirms_every_provisional_day_shown(sign_in):
    days = [provisional("PRZ"), provisional("SUH")]
    response = sign_in("coordinator").post(
        CONFIRM_MANY,
        {"statistics": [d.pk for d in days], "next": LIST + "?status=provisional"},
        follow=True,
    )
    assert response.redirect_chain == [(LIST + "?status=provisional", 302)]
    assert "2 days confirmed and published." in text(response)
    assert not DailyStatistics.objects.filter(status="provisional").exists()


def test_confirming_days_outside_the_region_is_refused(sign_in):
    days = [provisional("PRZ"), provisional("PEJ")]
    response = sign_in("coordinator").post(
        CONFIRM_MANY, {"statistics": [d.pk for d in days]}
    )
    assert response.status_code == 403
    assert DailyStatistics.objects.filter(status="provisional").count() == 2


def test_confirming_nothing_says_so(sign_in):
    response = sign_in("coordinator").post(
        CONFIRM_MANY, {"statistics": ["x"], "next": "https://example.org/"}, follow=True
    )
    assert response.redirect_chain == [(LIST, 302)]
    assert "No provisional day was chosen: nothing confirmed." in text(response)


def test_the_clerk_confirms_nothing_at_once(sign_in):
    statistics = provisional()
    response = sign_in("clerk").post(CONFIRM_MANY, {"statistics": [statistics.pk]})
    assert response.status_code == 403


# Importing a file


def upload(*lines: str, name: str = "daily.csv") -> SimpleUploadedFile:
    content = "\n".join([",".join(COLUMNS), *lines]) + "\n"
    return SimpleUploadedFile(name, content.encode(), content_type="text/csv")


def csv_line(code: str, day: datetime.date, **changes) -> str:
    values = figures(**changes)
    return ",".join([code, day.isoformat(), *(str(values[n]) for n in FIGURES)])


def test_the_clerk_imports_a_file(sign_in):
    client = sign_in("clerk")
    assert client.get(IMPORT).status_code == 200
    sr = row("PRZ-SR", yesterday())
    changed = {**sr.figures(), "arrests": sr.arrests + 1}
    response = client.post(
        IMPORT,
        {
            "file": upload(
                csv_line("PRZ", yesterday()),
                ",".join(
                    [
                        "PRZ-SR",
                        yesterday().isoformat(),
                        *(str(changed[n]) for n in FIGURES),
                    ]
                ),
            )
        },
        follow=True,
    )
    assert response.redirect_chain == [(LIST, 302)]
    assert "daily.csv imported: 1 days entered, 1 corrected, 0 unchanged." in text(
        response
    )
    assert row("PRZ", yesterday()).entered_by.username == "clerk"
    assert sr.corrections.get().reason == "Re-imported from daily.csv"


def test_a_bad_file_shows_every_problem_and_writes_nothing(sign_in):
    response = sign_in("clerk").post(
        IMPORT,
        {
            "file": upload(
                csv_line("PRZ", yesterday()),
                csv_line("PEJ", before_yesterday(), arrests=-1),
            )
        },
    )
    assert response.status_code == 400
    assert [(p.line, p.column, p.message) for p in response.context["problems"]] == [
        (3, "station", "You do not enter the figures of Peja Police Station."),
        (3, "arrests", "The number of arrests cannot be negative."),
    ]
    page = text(response)
    assert "Nothing was imported: the file has 2 problems." in page
    assert "<td>3</td> <td>arrests</td>" in page
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_an_import_without_a_file_is_400(sign_in):
    response = sign_in("clerk").post(IMPORT, {})
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["This field is required."]


def test_only_those_who_enter_import(sign_in, client):
    assert sign_in("coordinator").get(IMPORT).status_code == 403
    assert sign_in("commander").post(IMPORT, {"file": upload()}).status_code == 403
    client.logout()
    assert_sent_to_sign_in(client.get(IMPORT))
