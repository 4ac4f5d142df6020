"""What every part of the partnership demo needs: the territory and people
already loaded, read once, the clock, the random source and small helpers."""

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, models
from django.utils import timezone

from bashkesia.concerns.models import Concern
from bashkesia.core import clock
from bashkesia.core.text import latin_to_cyrillic
from bashkesia.demo import people
from bashkesia.officers.models import Officer, Role, SectorAssignment
from bashkesia.partnership.models import AgeBand, Community, Gender
from bashkesia.territory.models import Municipality, Sector, Settlement, Station

from . import texts

# Serbian is the language of the demo content where Serbs are the majority,
# and in Novo Brdo, whose municipality is led by a Serb.
SERBIAN = people.SERBIAN_MUNICIPALITIES | {"NOB"}
TOWN_CODES = ("PPLA", "PPLC")
# Made-up names that happen to be those of well-known people.
REAL_PEOPLE = {"Enver Hoxha", "Vjosa Osmani"}
DEMO_USERNAMES = ("commander", "director", "officer", "leader", "secretary")


def cyrl(text: str) -> str:
    return latin_to_cyrillic(text)


@dataclass
class Place:
    """Where something happens, named in both content languages."""

    sq: str
    sr: str
    is_town: bool

    def name(self, lang: int) -> str:
        return (self.sq, self.sr)[lang]


@dataclass
class Context:
    rng: random.Random
    today: datetime.date
    now: datetime.datetime
    municipalities: list[Municipality]
    sectors: list[Sector]
    sectors_of: dict[int, list[Sector]]
    settlements_of: dict[int, list[Settlement]]  # by sector
    main_station: dict[int, Station]  # by municipality
    commander: dict[int, Officer]  # by station
    officers_of: dict[int, list[Officer]]  # sector officers, by sector
    leader_of: dict[int, Officer]  # by sector
    users: dict[str, models.Model]
    municipality_code: dict[int, str]
    concerns_of: dict[int, list[Concern]] = field(default_factory=dict)

    # Language

    def lang(self, municipality: Municipality) -> int:
        """Return 0 for Albanian content, 1 for Serbian."""
        return 1 if municipality.code in SERBIAN else 0

    def office(self, municipality: Municipality, lang: int) -> str:
        """Return the municipality as an institution ("Komuna e Prizrenit")."""
        if lang:
            return f"Opština {municipality.name_sr_latn}"
        return texts.MUNICIPALITY_OFFICE_SQ[municipality.code]

    def municipality_name(self, municipality: Municipality, lang: int) -> str:
        return municipality.name_sr_latn if lang else municipality.name_sq

    # Places

    def sector_place(self, sector: Sector) -> Place:
        """Return the place a sector is named after (its main settlement),
        and whether it is a town."""
        settlements = self.settlements_of.get(sector.pk, [])
        if not settlements:
            municipality = sector.municipality
            return Place(municipality.name_sq, municipality.name_sr_latn, True)
        town = any(s.feature_code in TOWN_CODES for s in settlements)
        return Place(sector.name_sq, sector.name_sr_latn, town)

    def well_named(self, settlement: Settlement) -> bool:
        """Return whether a settlement's name suits a forum: a town's does;
        a village in an Albanian area has an Albanian name of its own (the
        data falls back to the Serbian one) and is not a hamlet called after
        a family or a community ("... Mahala")."""
        if settlement.feature_code in TOWN_CODES:
            return True
        if "mahal" in settlement.name_sq.lower():
            return False
        serbian = self.municipality_code[settlement.municipality_id] in SERBIAN
        return serbian or settlement.name_sq != settlement.name_sr_latn

    # Time

    def at(self, day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
        """Return ``day`` at that local time, timezone-aware."""
        return timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, minute))
        )

    def weekday_near(self, day: datetime.date, weekdays=(0, 1, 2, 3)) -> datetime.date:
        """Return the first day on or after ``day`` that is one of
        ``weekdays`` (Monday = 0)."""
        while day.weekday() not in weekdays:
            day += datetime.timedelta(days=1)
        return day

    def days_ago(self, low: int, high: int) -> datetime.date:
        return self.today - datetime.timedelta(days=self.rng.randint(low, high))

    # People

    def person(self, community: str, gender: str) -> str:
        """Return a made-up full name fitting the community and gender."""
        rng = self.rng
        woman = gender == Gender.FEMALE
        lists = {
            Community.SERB: (
                people.SERBIAN_MEN,
                people.SERBIAN_WOMEN,
                people.SERBIAN_SURNAMES,
            ),
            Community.TURKISH: (
                people.TURKISH_MEN,
                people.TURKISH_WOMEN,
                people.TURKISH_SURNAMES,
            ),
            Community.BOSNIAK: texts.BOSNIAK_NAMES,
            Community.GORANI: texts.GORANI_NAMES,
            Community.ROMA: texts.ROMA_NAMES,
            Community.OTHER: texts.CROAT_NAMES,
        }
        men, women, surnames = lists.get(
            community,
            (people.ALBANIAN_MEN, people.ALBANIAN_WOMEN, people.ALBANIAN_SURNAMES),
        )
        while True:
            name = f"{rng.choice(women if woman else men)} {rng.choice(surnames)}"
            if name not in REAL_PEOPLE:
                return name

    def community(self, municipality: Municipality, *, majority: bool) -> str:
        """Return a community of the municipality: its majority one, or one
        drawn by the weights of ``texts.COMMUNITY_MIX``."""
        mix = texts.COMMUNITY_MIX[municipality.code]
        if majority:
            return next(iter(mix))
        return self.rng.choices(list(mix), weights=list(mix.values()))[0]

    def minorities(self, municipality: Municipality) -> list[str]:
        return list(texts.COMMUNITY_MIX[municipality.code])[1:]

    def gender(self, share_of_women: float) -> str:
        return Gender.FEMALE if self.rng.random() < share_of_women else Gender.MALE

    def age_band(self) -> str:
        roll = self.rng.random()
        if roll < 0.06:
            return AgeBand.YOUTH
        if roll < 0.88:
            return AgeBand.ADULT
        return AgeBand.SENIOR

    def user_id(self, username: str) -> int | None:
        user = self.users.get(username)
        return user.pk if user is not None else None


def officer_gender(officer: Officer) -> str:
    women = (
        set(people.ALBANIAN_WOMEN)
        | set(people.SERBIAN_WOMEN)
        | set(people.TURKISH_WOMEN)
    )
    return Gender.FEMALE if officer.first_name in women else Gender.MALE


def officer_community(officer: Officer) -> str:
    if officer.first_name in people.SERBIAN_MEN + people.SERBIAN_WOMEN:
        return Community.SERB
    if officer.first_name in people.TURKISH_MEN + people.TURKISH_WOMEN:
        return Community.TURKISH
    return Community.ALBANIAN


def context_load(seed: int) -> Context:
    """Read the territory, officers, demo users and concerns once."""
    # Boundaries are large GeoJSON documents the demo does not need.
    municipalities = list(Municipality.objects.defer("boundary").order_by("code"))
    by_id = {m.pk: m for m in municipalities}
    sectors = list(
        Sector.objects.defer("boundary", "description")
        .select_related("station")
        .order_by("code")
    )
    sectors_of: dict[int, list[Sector]] = defaultdict(list)
    for sector in sectors:
        sector.municipality = by_id[sector.municipality_id]
        sectors_of[sector.municipality_id].append(sector)
    settlements_of: dict[int, list[Settlement]] = defaultdict(list)
    for settlement in (
        Settlement.objects.filter(sector__isnull=False)
        .only(
            "name_sq",
            "name_sr_latn",
            "feature_code",
            "population",
            "geonames_id",
            "sector_id",
            "municipality_id",
        )
        .order_by("geonames_id")
    ):
        settlements_of[settlement.sector_id].append(settlement)
    stations = list(Station.objects.order_by("code"))
    main_station: dict[int, Station] = {}
    for municipality in municipalities:
        own = [s for s in stations if s.code == municipality.code]
        if own:
            main_station[municipality.pk] = own[0]
        else:
            first = sectors_of[municipality.pk][0]
            main_station[municipality.pk] = first.station
    commander = {
        officer.station_id: officer
        for officer in Officer.objects.filter(role=Role.STATION_COMMANDER).order_by(
            "-badge_number"
        )
    }
    officers_of: dict[int, list[Officer]] = defaultdict(list)
    leader_of: dict[int, Officer] = {}
    assignments = (
        SectorAssignment.objects.filter(end_date__isnull=True)
        .select_related("officer")
        .order_by("sector_id", "officer__badge_number")
    )
    for assignment in assignments:
        if assignment.kind == SectorAssignment.Kind.SECTOR_LEADER:
            leader_of.setdefault(assignment.sector_id, assignment.officer)
        else:
            officers_of[assignment.sector_id].append(assignment.officer)
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=DEMO_USERNAMES)
    }
    concerns_of: dict[int, list[Concern]] = defaultdict(list)
    for concern in (
        Concern.objects.filter(
            category__is_sensitive=False, is_hidden=False, sector__isnull=False
        )
        .select_related("category")
        .only("sector_id", "category__code")
        .order_by("pk")
    ):
        concerns_of[concern.sector_id].append(concern)
    now = clock.now()
    return Context(
        rng=random.Random(seed),
        today=clock.today(),
        now=now,
        municipalities=municipalities,
        sectors=sectors,
        sectors_of=sectors_of,
        settlements_of=settlements_of,
        main_station=main_station,
        commander=commander,
        officers_of=officers_of,
        leader_of=leader_of,
        users=users,
        municipality_code={m.pk: m.code for m in municipalities},
        concerns_of=concerns_of,
    )


def backdate(objects: list, moments: list[datetime.datetime]) -> None:
    """Give freshly created rows the ``created_at`` of when they happened
    (``auto_now_add`` stamped them with the time of the load).

    One prepared UPDATE run for every row: ``bulk_update`` builds a CASE
    expression per batch, many times slower on thousands of rows.
    """
    if not objects:
        return
    model = type(objects[0])
    meta = model._meta
    field = meta.get_field("created_at")
    table = connection.ops.quote_name(meta.db_table)
    created = connection.ops.quote_name("created_at")
    updated = connection.ops.quote_name("updated_at")
    key = connection.ops.quote_name(meta.pk.column)
    rows = []
    for obj, moment in zip(objects, moments, strict=True):
        obj.created_at = obj.updated_at = moment
        value = field.get_db_prep_value(moment, connection)
        rows.append((value, value, obj.pk))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {created} = %s, {updated} = %s WHERE {key} = %s",  # noqa: S608 (names quoted, values bound)
            rows,
        )
