"""Daily figures from CSV: every row checked first (errors by line and
column, nothing written), then entered or corrected at once; the command."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from bashkesia.stats.importers import (
    COLUMNS,
    ImportProblem,
    StatisticsImportRejected,
    daily_statistics_import,
)
from bashkesia.stats.models import FIGURES, Correction, DailyStatistics

from .entry_people import demo_user, figures, yesterday

pytestmark = pytest.mark.django_db
HEADER = ",".join(COLUMNS)


def line(station: str, day: datetime.date | str, **changes) -> str:
    values = figures(**changes)
    day = day.isoformat() if isinstance(day, datetime.date) else day
    return ",".join([station, day, *(str(values[name]) for name in FIGURES)])


def line_of(statistics: DailyStatistics, **changes: int) -> str:
    """Return the line of an entered station day, ``changes`` on top."""
    values = {**statistics.figures(), **changes}
    return ",".join(
        [
            statistics.station.code,
            statistics.day.isoformat(),
            *(str(values[name]) for name in FIGURES),
        ]
    )


def csv_file(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode()


def before_yesterday() -> datetime.date:
    return yesterday() - datetime.timedelta(days=1)


def existing(code: str, day: datetime.date) -> DailyStatistics:
    return DailyStatistics.objects.get(station__code=code, day=day)


def problems(data: bytes, *, by=None) -> list[tuple[int, str, str]]:
    """Return the problems of importing ``data`` (as tuples), checking that
    nothing was written."""
    count = DailyStatistics.objects.count()
    corrections = Correction.objects.count()
    with pytest.raises(StatisticsImportRejected) as raised:
        daily_statistics_import(data=data, file_name="daily.csv", by=by)
    assert DailyStatistics.objects.count() == count
    assert Correction.objects.count() == corrections
    return [(p.line, p.column, p.message) for p in raised.value.problems]


def test_new_days_are_entered_changed_ones_corrected_and_the_rest_left_alone():
    zh = existing("PRZ-ZH", before_yesterday())
    sr = existing("PRZ-SR", before_yesterday())
    data = csv_file(
        line("PRZ", yesterday()),
        line_of(zh, arrests=zh.arrests + 2).lower(),
        line_of(sr),
    )
    result = daily_statistics_import(
        data=data, file_name="daily.csv", by=demo_user("clerk")
    )
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)
    entered = existing("PRZ", yesterday())
    assert entered.status == DailyStatistics.Status.PROVISIONAL
    assert entered.entered_by.username == "clerk"
    assert entered.figures() == figures()
    [correction] = Correction.objects.filter(statistics=zh)
    assert (correction.figure, correction.new_value - correction.old_value) == (
        "arrests",
        2,
    )
    assert correction.reason == "Re-imported from daily.csv"
    assert correction.public is True
    assert not Correction.objects.filter(statistics=sr).exists()


def test_a_file_with_a_byte_order_mark_and_blank_lines_is_read():
    data = "\ufeff".encode() + csv_file("", line("PRZ", yesterday()), "")
    result = daily_statistics_import(data=data, file_name="bom.csv", by=None)
    assert (result.created, result.updated, result.unchanged) == (1, 0, 0)
    assert existing("PRZ", yesterday()).entered_by is None


def test_importing_the_same_file_again_changes_nothing_and_then_updates():
    first = csv_file(line("PRZ", yesterday()))
    daily_statistics_import(data=first, file_name="a.csv", by=None)
    again = daily_statistics_import(data=first, file_name="a.csv", by=None)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    changed = csv_file(line("PRZ", yesterday(), arrests=9))
    third = daily_statistics_import(data=changed, file_name="b.csv", by=None)
    assert (third.created, third.updated, third.unchanged) == (0, 1, 0)
    statistics = existing("PRZ", yesterday())
    assert statistics.arrests == 9
    assert DailyStatistics.objects.filter(station__code="PRZ", day=yesterday()).count()
    [correction] = statistics.corrections.all()
    assert (correction.old_value, correction.new_value, correction.public) == (
        2,
        9,
        False,
    )


def test_unknown_and_out_of_scope_stations_are_refused():
    data = csv_file(
        line("XYZ", yesterday()),
        line("PEJ", before_yesterday()),
        line("", before_yesterday()),
    )
    assert problems(data, by=demo_user("clerk")) == [
        (2, "station", "No police station has the code “XYZ”."),
        (3, "station", "You do not enter the figures of Peja Police Station."),
        (4, "station", "Give the station's code."),
    ]


def test_bad_and_future_days_are_refused():
    today = yesterday() + datetime.timedelta(days=1)
    data = csv_file(
        line("PRZ", "2024-13-01"),
        line("PRZ", "04/12/2024"),
        line("PRZ", today),
        line("PRZ", "2007-06-30"),
        line("PRZ", ""),
    )
    assert problems(data) == [
        (2, "day", "“2024-13-01” is not a day; write it as YYYY-MM-DD."),
        (3, "day", "“04/12/2024” is not a day; write it as YYYY-MM-DD."),
        (4, "day", "Figures are entered for a day that is over."),
        (5, "day", "Figures are taken from 2008-01-01 on."),
        (6, "day", "“” is not a day; write it as YYYY-MM-DD."),
    ]


def test_bad_figures_are_refused_by_line_and_column():
    data = csv_file(
        line("PRZ", yesterday(), arrests="two"),
        line("PRZ-ZH", yesterday(), in_custody=-1, injury_accidents="1.5"),
        line("PRZ-SR", yesterday(), fatal_accidents=31, traffic_tickets=""),
    )
    assert problems(data) == [
        (2, "arrests", "“two” is not a whole number."),
        (3, "injury_accidents", "“1.5” is not a whole number."),
        (3, "in_custody", "The number of in custody cannot be negative."),
        (
            4,
            "fatal_accidents",
            "31 fatal accidents in one station in one day is not possible (at "
            "most 30): check the number.",
        ),
        (4, "traffic_tickets", "Give the number of traffic tickets issued."),
    ]


def test_a_station_day_twice_in_the_file_is_refused():
    data = csv_file(
        line("PRZ", yesterday()),
        line("PRZ-SR", yesterday()),
        line("prz", yesterday(), arrests=3),
    )
    assert problems(data) == [
        (
            4,
            "day",
            f"The figures of PRZ for {yesterday().isoformat()} are on line 2 already.",
        )
    ]


def test_missing_unknown_and_repeated_columns_are_refused():
    header = "station,day,fatal_accidents,injury_accidents,noninjury_accidents,"
    header += "traffic_tickets,arrests,in_custody,police_detention,weather,arrests"
    assert problems(csv_file(line("PRZ", yesterday()), header=header)) == [
        (
            1,
            "weather",
            "Unknown column: the columns are " + HEADER + ".",
        ),
        (1, "arrests", "This column is named twice."),
        (1, "sent_to_serve_sentence", "This column is missing."),
    ]


def test_a_line_longer_than_the_header_is_refused():
    assert problems(csv_file(line("PRZ", yesterday()) + ",7")) == [
        (2, "11", "This line has 11 values; the header names 10.")
    ]


def test_a_short_line_misses_its_last_figures():
    short = ",".join(line("PRZ", yesterday()).split(",")[:-2])
    assert problems(csv_file(short)) == [
        (2, "police_detention", "Give the number of police detention."),
        (2, "sent_to_serve_sentence", "Give the number of sent to serve sentence."),
    ]


def test_an_empty_file_a_header_alone_and_other_encodings_are_refused():
    assert problems(b"") == [
        (
            1,
            "-",
            "The file is empty: its first line names the columns (" + HEADER + ").",
        )
    ]
    assert problems(csv_file()) == [(2, "-", "The file has a header but no figures.")]
    latin = csv_file(line("PRZ", yesterday())) + "Prizren,Përmbledhje\n".encode(
        "latin-1"
    )
    assert problems(latin) == [
        (3, "-", "The file is not UTF-8 text: save it as CSV UTF-8.")
    ]


def test_every_problem_is_reported_and_a_good_row_is_not_written():
    data = csv_file(
        line("PRZ", yesterday()),
        line("XYZ", "yesterday", arrests=-3),
    )
    assert problems(data) == [
        (3, "station", "No police station has the code “XYZ”."),
        (3, "day", "“yesterday” is not a day; write it as YYYY-MM-DD."),
        (3, "arrests", "The number of arrests cannot be negative."),
    ]
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_a_problem_reads_line_column_message():
    assert str(ImportProblem(4, "arrests", "Bad.")) == "line 4, column arrests: Bad."


# The command


def test_the_command_imports_and_prints_the_counts(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_bytes(
        csv_file(
            line("PRZ", yesterday()),
            line_of(existing("PEJ", before_yesterday()), arrests=80),
        )
    )
    out = StringIO()
    call_command("import_daily_stats", str(path), stdout=out)
    assert out.getvalue() == (f"{path}: 1 day(s) entered, 1 corrected, 0 unchanged.\n")
    assert existing("PRZ", yesterday()).entered_by is None
    assert existing("PEJ", before_yesterday()).arrests == 80
    [correction] = existing("PEJ", before_yesterday()).corrections.all()
    assert correction.corrected_by is None
    assert correction.reason == "Re-imported from daily.csv"


def test_the_command_prints_every_problem_and_exits_non_zero(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(
        csv_file(line("PRZ", yesterday()), line("PEJ", yesterday(), arrests=-1))
    )
    with pytest.raises(CommandError) as raised:
        call_command("import_daily_stats", str(path), "--user", "clerk")
    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f"{path}: nothing was imported, 2 problem(s):\n"
        "line 3, column station: You do not enter the figures of Peja Police "
        "Station.\n"
        "line 3, column arrests: The number of arrests cannot be negative."
    )
    assert not DailyStatistics.objects.filter(
        station__code="PRZ", day=yesterday()
    ).exists()


def test_the_command_as_a_user_records_them(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_bytes(csv_file(line("PRZ", yesterday())))
    call_command("import_daily_stats", str(path), "--user", "clerk", stdout=StringIO())
    assert existing("PRZ", yesterday()).entered_by.username == "clerk"


def test_the_command_refuses_an_unknown_user_and_a_missing_file(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_bytes(csv_file(line("PRZ", yesterday())))
    with pytest.raises(CommandError, match="^There is no user nobody.$"):
        call_command("import_daily_stats", str(path), "--user", "nobody")
    with pytest.raises(CommandError, match="cannot be read: No such file"):
        call_command("import_daily_stats", str(tmp_path / "missing.csv"))
