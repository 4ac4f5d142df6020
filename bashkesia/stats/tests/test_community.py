"""The community-policing figures: counted by hand on a made-up territory,
added up from sectors to Kosovo, kept fresh, and shown on the public sector
and station pages."""

import datetime
import re
import statistics
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from django.utils.formats import date_format
from django_tasks_db.models import DBTaskResult

from bashkesia.concerns.models import Category, Concern, Status
from bashkesia.concerns.services import tracking_code_new
from bashkesia.concerns.staff_selectors import concern_targets
from bashkesia.core import clock
from bashkesia.partnership.models import (
    Forum,
    ForumKind,
    ForumStatus,
    Meeting,
    SectorPriority,
)
from bashkesia.stats.community import (
    DAYS_EDGES,
    HOURS_EDGES,
    community_figures,
    community_figures_recent,
    community_months_changed,
    community_months_refresh,
    histogram_median,
)
from bashkesia.stats.community.histogram import histogram_from_cumulative
from bashkesia.stats.community.selectors import REFRESH_ENQUEUED
from bashkesia.stats.models import CommunityMonth
from bashkesia.stats.tasks import community_figures_refresh
from bashkesia.territory.models import Region, Sector, Station
from bashkesia.territory.tests.factories import (
    RegionFactory,
    SectorFactory,
    StationFactory,
)

LANGUAGES = ["sq", "sr-latn", "sr", "en"]
JANUARY, FEBRUARY, MARCH = (datetime.date(2025, month, 1) for month in (1, 2, 3))
FIRST_QUARTER = {"start": JANUARY, "end": datetime.date(2025, 3, 31)}
TASK = "bashkesia.stats.tasks.community_figures_refresh"


def at(day: str, hour: float = 9) -> datetime.datetime:
    """Return a moment in the site's time zone: ``at("2025-01-10", 9.5)``."""
    moment = datetime.datetime.fromisoformat(day) + datetime.timedelta(hours=hour)
    return timezone.make_aware(moment)


def category(code: str, resolve_within_days: int) -> Category:
    return Category.objects.create(
        code=code,
        kind=Category.Kind.POLICE,
        name_sq=code,
        name_sr_latn=code,
        name_sr=code,
        name_en=code,
        resolve_within_days=resolve_within_days,
    )


def concern(sector, kind, submitted, *, ack_hours=None, closed_days=None, status):
    return Concern.objects.create(
        tracking_code=tracking_code_new(),
        category=kind,
        description="Test",
        latitude=0.05,
        longitude=0.05,
        sector=sector,
        status=status,
        source=Concern.Source.WEB,
        submitted_at=submitted,
        acknowledged_at=(
            None
            if ack_hours is None
            else submitted + datetime.timedelta(hours=ack_hours)
        ),
        closed_at=(
            None
            if closed_days is None
            else submitted + datetime.timedelta(days=closed_days)
        ),
    )


def forum(kind, station, sectors, *, status=ForumStatus.ACTIVE, **dates):
    made = Forum.objects.create(
        kind=kind,
        status=status,
        municipality=station.municipality,
        station=station,
        name_sq=f"Forum {station.code}",
        name_sr_latn="Forum",
        name_sr="Форум",
        name_en="Forum",
        **dates,
    )
    made.sectors.set(sectors)
    return made


def meeting(of, when, status=Meeting.Status.HELD):
    return Meeting.objects.create(
        forum=of, title="Meeting", starts_at=when, status=status
    )


class Place:
    """A made-up region TT: station A with substation B, station C.

    ======  =======  =============================================================
    sector  station  concerns (ack hours / closed days / status; target days)
    ======  =======  =============================================================
    a1      A        Jan 10: 2 h, 3 d, resolved (5: within)
                     Jan 20: 5 h, 8 d, resolved (5: late)
                     Feb 3: 30 h, in progress; Feb 14: submitted
    a2      A        Feb 1 00:30 (Jan 31 in UTC): 1 h, 9 d, resolved (10: within)
                     Mar 5: 0.25 h, 2 d, referred
    b1      B        Feb 10: 12 h, 12 d, resolved (10: late)
    c1      C        Mar 1: 48 h, exactly 5 d, resolved (5: within)
    ======  =======  =============================================================

    Forums: F1 KLSP of A covering a1 (held Jan 15, Feb 20; cancelled Mar 3;
    scheduled Mar 28); F2 EVSB of C covering c1 and a2 (held Mar 10); F3 KLSP
    of B covering b1, dissolved Feb 15 (held Jan 25); F4 of A only requested.
    Priorities: a1 issued Jan 5 acted on Feb 10; a1 issued Dec 20 acted on
    Jan 15; b1 issued Mar 1.
    """

    def __init__(self) -> None:
        self.region = RegionFactory()
        self.a = StationFactory(code="TSA")
        self.b = StationFactory(
            code="TSB",
            kind=Station.Kind.SUBSTATION,
            parent=self.a,
            municipality=self.a.municipality,
        )
        self.c = StationFactory(code="TSC", municipality=self.a.municipality)
        self.a1 = SectorFactory(code="TSA-01", station=self.a)
        self.a2 = SectorFactory(code="TSA-02", station=self.a)
        self.b1 = SectorFactory(code="TSB-01", station=self.b)
        self.c1 = SectorFactory(code="TSC-01", station=self.c)
        five, ten = category("test-five-days", 5), category("test-ten-days", 10)
        resolved = Status.RESOLVED
        self.concerns = [
            concern(self.a1, five, at("2025-01-10"), ack_hours=2, closed_days=3,
                    status=resolved),
            concern(self.a1, five, at("2025-01-20"), ack_hours=5, closed_days=8,
                    status=resolved),
            concern(self.a1, five, at("2025-02-03"), ack_hours=30,
                    status=Status.IN_PROGRESS),
            concern(self.a1, five, at("2025-02-14"), status=Status.SUBMITTED),
            concern(self.a2, ten, at("2025-02-01", 0.5), ack_hours=1, closed_days=9,
                    status=resolved),
            concern(self.a2, ten, at("2025-03-05"), ack_hours=0.25, closed_days=2,
                    status=Status.REFERRED),
            concern(self.b1, ten, at("2025-02-10"), ack_hours=12, closed_days=12,
                    status=resolved),
            concern(self.c1, five, at("2025-03-01"), ack_hours=48, closed_days=5,
                    status=resolved),
        ]  # fmt: skip
        established = {"established_on": datetime.date(2024, 6, 1)}
        f1 = forum(ForumKind.KLSP, self.a, [self.a1], **established)
        f2 = forum(ForumKind.EVSB, self.c, [self.c1, self.a2], **established)
        f3 = forum(
            ForumKind.KLSP,
            self.b,
            [self.b1],
            status=ForumStatus.DISSOLVED,
            established_on=datetime.date(2024, 1, 1),
            dissolved_on=datetime.date(2025, 2, 15),
        )
        forum(ForumKind.KLSP, self.a, [self.a1], status=ForumStatus.REQUESTED)
        meeting(f1, at("2025-01-15", 18))
        meeting(f1, at("2025-02-20", 18))
        meeting(f1, at("2025-03-03", 18), Meeting.Status.CANCELLED)
        meeting(f1, at("2025-03-28", 18), Meeting.Status.SCHEDULED)
        meeting(f2, at("2025-03-10", 18))
        meeting(f3, at("2025-01-25", 18))
        for sector, issued, acted in (
            (self.a1, "2025-01-05", "2025-02-10"),
            (self.a1, "2024-12-20", "2025-01-15"),
            (self.b1, "2025-03-01", None),
        ):
            SectorPriority.objects.create(
                sector=sector,
                issue="Issue",
                issue_date=datetime.date.fromisoformat(issued),
                action="Action" if acted else "",
                action_date=datetime.date.fromisoformat(acted) if acted else None,
                status=(
                    SectorPriority.Status.ADDRESSED
                    if acted
                    else SectorPriority.Status.CURRENT
                ),
            )


@pytest.fixture
def place(db, today):
    today(datetime.date(2025, 4, 10))
    made = Place()
    community_months_refresh(months=[datetime.date(2024, 12, 1), JANUARY, FEBRUARY,
                                      MARCH])  # fmt: skip
    return made


def as_dict(figures) -> dict:
    return {
        name: getattr(figures, name)
        for name in (
            "concerns_received",
            "concerns_resolved",
            "share_within_target",
            "meetings_held",
            "active_forums",
            "priorities_set",
            "priorities_acted_on",
        )
    }


def test_a_sectors_figures_are_as_counted_by_hand(place):
    assert as_dict(community_figures(sector=place.a1, **FIRST_QUARTER)) == {
        "concerns_received": 4,
        "concerns_resolved": 2,
        "share_within_target": 0.5,
        "meetings_held": 2,
        "active_forums": 1,
        "priorities_set": 1,
        "priorities_acted_on": 2,
    }
    assert as_dict(community_figures(sector=place.a2, **FIRST_QUARTER)) == {
        "concerns_received": 2,
        "concerns_resolved": 1,
        "share_within_target": 1.0,
        "meetings_held": 1,
        "active_forums": 1,
        "priorities_set": 0,
        "priorities_acted_on": 0,
    }


def test_a_station_takes_in_its_substations_and_a_substation_stands_alone(place):
    assert as_dict(community_figures(station=place.a, **FIRST_QUARTER)) == {
        "concerns_received": 7,
        "concerns_resolved": 4,
        "share_within_target": 0.5,
        "meetings_held": 3,  # F1 twice, F3 once; F2 belongs to station C
        "active_forums": 1,  # F1: F3 was dissolved, F4 only requested
        "priorities_set": 2,
        "priorities_acted_on": 2,
    }
    assert as_dict(community_figures(station=place.b, **FIRST_QUARTER)) == {
        "concerns_received": 1,
        "concerns_resolved": 1,
        "share_within_target": 0.0,
        "meetings_held": 1,
        "active_forums": 0,
        "priorities_set": 1,
        "priorities_acted_on": 0,
    }
    assert as_dict(community_figures(station=place.c, **FIRST_QUARTER)) == {
        "concerns_received": 1,
        "concerns_resolved": 1,
        "share_within_target": 1.0,
        "meetings_held": 1,
        "active_forums": 1,
        "priorities_set": 0,
        "priorities_acted_on": 0,
    }


def test_the_figures_add_up_from_stations_to_the_region_and_to_kosovo(place):
    region = community_figures(region=place.region, **FIRST_QUARTER)
    assert as_dict(region) == {
        "concerns_received": 8,
        "concerns_resolved": 5,
        "share_within_target": 0.6,
        "meetings_held": 4,
        "active_forums": 2,
        "priorities_set": 2,
        "priorities_acted_on": 2,
    }
    main_stations = [place.a, place.c]  # A takes in B
    for name in ("concerns_received", "concerns_resolved", "meetings_held"):
        assert getattr(region, name) == sum(
            getattr(community_figures(station=station, **FIRST_QUARTER), name)
            for station in main_stations
        )
    kosovo = community_figures(**FIRST_QUARTER)
    regions = [
        community_figures(region=region, **FIRST_QUARTER)
        for region in Region.objects.all()
    ]
    for name in (
        "concerns_received",
        "concerns_resolved",
        "meetings_held",
        "active_forums",
        "priorities_set",
        "priorities_acted_on",
    ):
        assert getattr(kosovo, name) == sum(getattr(one, name) for one in regions)
    assert kosovo.concerns_received >= 8


def test_a_refresh_writes_every_scope_of_each_month_zeros_included(place):
    rows = CommunityMonth.objects.filter(month=MARCH)
    assert rows.filter(level="sector").count() == Sector.objects.count()
    assert rows.filter(level="station").count() == Station.objects.count()
    assert rows.filter(level="region").count() == Region.objects.count()
    assert rows.filter(level="kosovo").count() == 1
    empty = rows.get(level="sector", sector=place.b1)
    assert (empty.received, empty.hours_to_acknowledge) == (0, [])
    assert empty.priorities_set == 1


def test_concerns_count_in_the_local_month_they_were_submitted(place):
    # a2's first concern came at 00:30 on 1 February, 31 January in UTC.
    january = community_figures(sector=place.a2, start=JANUARY, end=JANUARY)
    february = community_figures(sector=place.a2, start=FEBRUARY, end=FEBRUARY)
    assert (january.concerns_received, february.concerns_received) == (0, 1)


def test_a_range_is_taken_in_whole_months(place):
    figures = community_figures(
        sector=place.a1,
        start=datetime.date(2025, 1, 20),
        end=datetime.date(2025, 1, 25),
    )
    assert (figures.start, figures.end) == (JANUARY, datetime.date(2025, 1, 31))
    assert figures.concerns_received == 2
    # A range that takes in today ends today.
    now = community_figures(sector=place.a1, start=MARCH, end=datetime.date(2025, 4, 1))
    assert now.end == datetime.date(2025, 4, 10)


def test_within_target_is_what_concern_targets_says(place):
    figures = community_figures(region=place.region, **FIRST_QUARTER)
    resolved = [c for c in place.concerns if c.status == Status.RESOLVED]
    within = [
        c
        for c in resolved
        if not concern_targets(concern=c, now=clock.now()).closed_late
    ]
    assert figures.concerns_resolved == len(resolved) == 5
    assert figures.share_within_target == len(within) / len(resolved) == 0.6


def _bucket_width(value: float, edges) -> float:
    for low, high in zip(edges, edges[1:], strict=False):
        if low <= value < high:
            return high - low
    raise AssertionError(value)


def test_medians_come_from_the_histogram_within_a_bucket_of_the_exact_median(
    place,
):
    figures = community_figures(region=place.region, **FIRST_QUARTER)
    acknowledged = [
        (c.acknowledged_at - c.submitted_at).total_seconds() / 3600
        for c in place.concerns
        if c.acknowledged_at
    ]
    resolved = [
        (c.closed_at - c.submitted_at).total_seconds() / 86400
        for c in place.concerns
        if c.status == Status.RESOLVED
    ]
    for estimate, values, edges in (
        (figures.median_hours_to_acknowledge, acknowledged, HOURS_EDGES),
        (figures.median_days_to_resolve, resolved, DAYS_EDGES),
    ):
        exact = statistics.median(values)
        assert abs(estimate - exact) <= _bucket_width(exact, edges)
    assert figures.median_hours_to_acknowledge == 5.0  # 4 + (3.5 - 3) / 1 * 2
    assert figures.median_days_to_resolve == 7.75  # 7 + (2.5 - 2) / 2 * 3


def test_a_histogram_median_handles_nothing_and_the_open_last_bucket():
    assert histogram_median([], HOURS_EDGES) is None
    last = [0] * (len(HOURS_EDGES) - 1) + [3]
    assert histogram_median(last, HOURS_EDGES) == HOURS_EDGES[-1]
    assert histogram_from_cumulative([1, 1, 3], 4) == [1, 0, 2, 1]
    assert histogram_from_cumulative([0, 0, 0], 0) == []


def test_no_concern_means_no_median_and_no_share(place):
    figures = community_figures(sector=place.b1, start=MARCH, end=MARCH)
    assert figures.concerns_received == 0
    assert figures.median_hours_to_acknowledge is None
    assert figures.median_days_to_resolve is None
    assert figures.share_within_target is None
    assert figures.percent_within_target is None


def test_active_forums_are_counted_on_the_last_day_of_the_period(place):
    january = community_figures(station=place.b, start=JANUARY, end=JANUARY)
    march = community_figures(station=place.b, start=MARCH, end=MARCH)
    assert (january.active_forums, march.active_forums) == (1, 0)


def test_several_scopes_or_a_range_backwards_are_refused(place):
    with pytest.raises(ValueError, match="at most one"):
        community_figures(region=place.region, sector=place.a1, **FIRST_QUARTER)
    with pytest.raises(ValueError, match="ends before it starts"):
        community_figures(start=MARCH, end=JANUARY)


def test_the_command_recomputes_the_months_changed_since_they_were_computed(place):
    assert community_months_changed() == []
    late = place.concerns[2]  # a1, 3 February, in progress
    late.status, late.closed_at = (
        Status.RESOLVED,
        late.submitted_at + (datetime.timedelta(days=4)),
    )
    late.save()
    assert community_months_changed() == [FEBRUARY]
    out = StringIO()
    call_command("refresh_community_figures", stdout=out)
    # February, and the current and previous month (today is 10 April).
    assert "3 months refreshed (2025-02 to 2025-04)" in out.getvalue()
    assert community_figures(sector=place.a1, **FIRST_QUARTER).concerns_resolved == 3
    assert community_months_changed() == []


def test_the_command_with_all_recomputes_every_month(place):
    CommunityMonth.objects.all().delete()
    out = StringIO()
    call_command("refresh_community_figures", "--all", stdout=out)
    # From the first priority, 20 December 2024, to April 2025.
    assert "5 months refreshed (2024-12 to 2025-04)" in out.getvalue()
    assert (
        community_figures(region=place.region, **FIRST_QUARTER).concerns_received == 8
    )


def _enqueued() -> int:
    return DBTaskResult.objects.filter(task_path=TASK).count()


def test_a_stale_current_month_is_refreshed_in_the_background(
    place, today, monkeypatch, run_tasks, django_capture_on_commit_callbacks
):
    today(datetime.date(2025, 3, 20))
    cache.delete(REFRESH_ENQUEUED)
    concern(place.c1, Category.objects.get(code="test-ten-days"), at("2025-03-18"),
            status=Status.SUBMITTED)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        fresh = community_figures(station=place.c, start=MARCH, end=MARCH)
    assert (fresh.concerns_received, _enqueued()) == (1, 0)  # refreshed just now
    later = clock.now() + datetime.timedelta(minutes=11)
    monkeypatch.setattr(clock, "now", lambda: later)
    with django_capture_on_commit_callbacks(execute=True):
        stale = community_figures(station=place.c, start=MARCH, end=MARCH)
        community_figures(station=place.c, start=MARCH, end=MARCH)
    assert (stale.concerns_received, _enqueued()) == (1, 1)  # once, not twice
    run_tasks()
    assert (
        community_figures(station=place.c, start=MARCH, end=MARCH).concerns_received
        == 2
    )
    # A task that finds the month refreshed just now (by another) stops.
    concern(place.c1, Category.objects.get(code="test-ten-days"), at("2025-03-19"),
            status=Status.SUBMITTED)  # fmt: skip
    community_figures_refresh.call()
    assert (
        community_figures(station=place.c, start=MARCH, end=MARCH).concerns_received
        == 2
    )


def test_a_past_range_never_asks_for_a_refresh(
    place, django_capture_on_commit_callbacks
):
    cache.delete(REFRESH_ENQUEUED)
    with django_capture_on_commit_callbacks(execute=True):
        community_figures(**FIRST_QUARTER)
    assert _enqueued() == 0


# The public pages


@pytest.fixture
def prizren(db):
    """Three concerns raised in PRZ-01 three hours ago: two acknowledged after
    1.5 hours, one of them resolved."""
    sector = Sector.objects.get(code="PRZ-01")
    kind = Category.objects.order_by("pk").first()
    submitted = clock.now() - datetime.timedelta(hours=3)
    concern(sector, kind, submitted, status=Status.SUBMITTED)
    concern(sector, kind, submitted, ack_hours=1.5, status=Status.ACKNOWLEDGED)
    concern(sector, kind, submitted, ack_hours=1.5, closed_days=0.1,
            status=Status.RESOLVED)  # fmt: skip
    community_months_refresh(months=[timezone.localdate(submitted), clock.today()])
    cache.clear()  # the sector page's fragments are cached for the day
    return sector


FIGURES = re.compile(r'class="community-figures".*?</dl>', re.S)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["/sectors/PRZ-01/", "/stations/PRZ/"])
def test_sector_and_station_pages_show_their_figures(client, prizren, language, url):
    response = client.get(f"/{language}{url}")
    assert response.status_code == 200
    block = FIGURES.search(response.content.decode())
    assert block is not None
    numbers = [int(n) for n in re.findall(r"<dd>\s*(\d+)\s*</dd>", block.group())]
    assert numbers[:2] == [3, 1]  # received, resolved


def test_the_figures_say_what_they_are_in_english(client, prizren):
    html = client.get("/en/sectors/PRZ-01/").content.decode()
    figures = community_figures_recent(sector=prizren)
    assert "Community policing in figures" in html
    assert f"From {date_format(figures.start)} to {date_format(figures.end)}." in html
    assert "about 1.5 hours" in html
    assert "less than a day" in html
    assert "100% of those resolved" in html
