"""The importer commands: every problem stops the whole file, with a message
naming the feature or line; good files create, then update in place."""

import json

import pytest
from django.core.management import CommandError, call_command

from bashkesia.officers.models import Officer
from bashkesia.territory.models import Municipality, Sector, Settlement

from .factories import RegionFactory, StationFactory, square

SELF_INTERSECTING = {
    "type": "Polygon",
    "coordinates": [[[0, 0], [0.1, 0.1], [0.1, 0], [0, 0.1], [0, 0]]],
}


def write_json(tmp_path, document, name="file.geojson"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def feature(geometry, **properties):
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def municipality(code="TSA", geometry=None, **extra):
    properties = {
        "code": code,
        "name_sq": "Testë",
        "name_sr_latn": "Testovo",
        "name_sr": "Тестово",
        "name_en": "Testa",
        "region": "TT",
        **extra,
    }
    return feature(geometry or square(0, 0, 1), **properties)


def sector(code="TST-01", geometry=None, station="TST", **extra):
    return feature(
        geometry or square(0, 0), code=code, station=station, name_sq="Qendra", **extra
    )


def rejected(command, path):
    with pytest.raises(CommandError) as error:
        call_command(command, path)
    return str(error.value)


# Municipalities


def test_municipalities_are_created_then_updated_in_place(db, tmp_path):
    RegionFactory()
    call_command(
        "import_municipalities", write_json(tmp_path, collection(municipality()))
    )
    created = Municipality.objects.get(code="TSA")
    renamed = municipality(name_en="Testa Town")
    call_command("import_municipalities", write_json(tmp_path, collection(renamed)))
    updated = Municipality.objects.get(code="TSA")
    assert (updated.pk, updated.name_en) == (created.pk, "Testa Town")


def test_unreadable_json_is_rejected(db, tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text("{not json", encoding="utf-8")
    message = rejected("import_municipalities", str(path))
    assert "is not valid JSON" in message
    assert "nothing was imported" in message


def test_a_missing_file_is_rejected(db, tmp_path):
    assert "cannot be read" in rejected(
        "import_municipalities", str(tmp_path / "no.json")
    )


def test_a_document_that_is_not_a_feature_collection_is_rejected(db, tmp_path):
    path = write_json(tmp_path, {"type": "Feature"})
    assert "not a GeoJSON FeatureCollection" in rejected("import_municipalities", path)


def test_a_self_intersecting_municipality_is_rejected_and_nothing_written(db, tmp_path):
    RegionFactory()
    before = Municipality.objects.count()
    path = write_json(
        tmp_path,
        collection(
            municipality("TSA"), municipality("TSB", geometry=SELF_INTERSECTING)
        ),
    )
    message = rejected("import_municipalities", path)
    assert "feature 2 (TSB): geometry is invalid: Self-intersection" in message
    assert Municipality.objects.count() == before


def test_a_point_is_not_a_municipality(db, tmp_path):
    RegionFactory()
    path = write_json(
        tmp_path,
        collection(municipality(geometry={"type": "Point", "coordinates": [0, 0]})),
    )
    assert "geometry is a Point, expected Polygon or MultiPolygon" in rejected(
        "import_municipalities", path
    )


def test_unknown_region_and_duplicate_codes_are_all_reported(db, tmp_path):
    RegionFactory()
    stray = municipality("TSC", geometry=square(3, 3))
    stray["properties"]["region"] = "ZZ"
    path = write_json(
        tmp_path,
        collection(
            municipality("TSA"), municipality("TSA", geometry=square(2, 2)), stray
        ),
    )
    message = rejected("import_municipalities", path)
    assert "feature 2 (TSA): duplicate code TSA, also feature 1 (TSA)" in message
    assert "feature 3 (TSC): unknown regional directorate 'ZZ'" in message


def test_overlapping_municipalities_are_rejected(db, tmp_path):
    RegionFactory()
    path = write_json(
        tmp_path,
        collection(
            municipality("TSA"), municipality("TSB", geometry=square(0.5, 0.5, 1))
        ),
    )
    assert "TSA: overlaps municipality TSB by" in rejected(
        "import_municipalities", path
    )


# Settlements

HEADER = (
    "name,alt_name_sr,lat,lon,feature_code,population,geonames_id,"
    "alt_name_sr_cyrl,municipality\n"
)


def write_csv(tmp_path, text):
    path = tmp_path / "settlements.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_settlements_are_created_then_updated_in_place(db, tmp_path):
    StationFactory()
    path = write_csv(tmp_path, HEADER + "Fshati,Selo,0.5,0.5,PPL,0,99000001,,TST\n")
    call_command("import_settlements", path)
    created = Settlement.objects.get(geonames_id=99000001)
    assert (created.name_sr_latn, created.name_sr) == ("Selo", "Село")
    path = write_csv(
        tmp_path, HEADER + "Fshati i Ri,Selo,0.5,0.5,PPL,10,99000001,,Testë\n"
    )
    call_command("import_settlements", path)
    updated = Settlement.objects.get(geonames_id=99000001)
    assert (updated.pk, updated.name_sq, updated.population) == (
        created.pk,
        "Fshati i Ri",
        10,
    )


def test_settlements_get_the_sector_their_point_lies_in(db, tmp_path):
    sector_in_file = collection(sector("TST-01"))
    StationFactory()
    call_command("import_sectors", write_json(tmp_path, sector_in_file))
    call_command(
        "import_settlements",
        write_csv(tmp_path, HEADER + "Fshati,Selo,0.05,0.05,PPL,0,99000002,,TST\n"),
    )
    assert Settlement.objects.get(geonames_id=99000002).sector.code == "TST-01"


def test_missing_columns_are_named(db, tmp_path):
    path = write_csv(tmp_path, "name,lat,lon\nX,1,2\n")
    message = rejected("import_settlements", path)
    assert (
        "line 1: missing columns: alt_name_sr, feature_code, population, "
        "geonames_id, municipality" in message
    )


def test_bad_rows_are_named_by_line_and_nothing_is_written(db, tmp_path):
    StationFactory()
    before = Settlement.objects.count()
    path = write_csv(
        tmp_path,
        HEADER
        + "Mirë,Dobro,0.5,0.5,PPL,0,99000010,,TST\n"
        + "Keq,Loše,north,0.5,PPL,0,99000011,,TST\n"
        + "Larg,Daleko,95,0.5,PPL,0,99000012,,TST\n"
        + "Dyfish,Dupli,0.5,0.5,PPL,0,99000010,,TST\n"
        + "Shkurt,Kratko,0.5\n",
    )
    message = rejected("import_settlements", path)
    assert "line 3: lat/lon are not numbers" in message
    assert "line 4: lat/lon are out of range" in message
    assert "line 5: duplicate geonames_id 99000010, also on line 2" in message
    assert "line 6: wrong number of fields" in message
    assert Settlement.objects.count() == before


def test_an_unknown_municipality_is_named(db, tmp_path):
    path = write_csv(
        tmp_path, HEADER + "Fshati,Selo,0.5,0.5,PPL,0,99000003,,Atlantis\n"
    )
    assert "GeoNames id 99000003 (Fshati): unknown municipality 'atlantis'" in rejected(
        "import_settlements", path
    )


def test_a_file_that_is_not_utf8_is_rejected(db, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (HEADER + "Fushë,Selo,0.5,0.5,PPL,0,99000004,,TST\n").encode("latin-1")
    )
    assert "is not UTF-8 text" in rejected("import_settlements", str(path))


# Sectors


def test_sectors_are_created_then_updated_in_place(db, tmp_path):
    StationFactory()
    call_command(
        "import_sectors",
        write_json(tmp_path, collection(sector(), sector("TST-02", square(0.1, 0)))),
    )
    created = Sector.objects.get(code="TST-02")
    assert created.municipality.code == "TST"
    assert created.area_km2 == pytest.approx(123.9, rel=0.01)
    moved = sector("TST-02", square(0.2, 0))
    call_command("import_sectors", write_json(tmp_path, collection(moved)))
    updated = Sector.objects.get(code="TST-02")
    assert updated.pk == created.pk
    assert updated.centre_longitude == pytest.approx(0.25)


def test_a_sector_outside_its_municipality_is_rejected(db, tmp_path):
    StationFactory()
    path = write_json(tmp_path, collection(sector(geometry=square(0.95, 0.95))))
    assert (
        "feature 1 (TST-01): lies 92.927 km² outside its municipality TST"
        in rejected("import_sectors", path)
    )


def test_overlapping_sectors_are_rejected(db, tmp_path):
    StationFactory()
    path = write_json(tmp_path, collection(sector(), sector("TST-02", square(0.05, 0))))
    assert "TST-01: overlaps sector TST-02 by 61.9" in rejected("import_sectors", path)


def test_a_sector_overlapping_a_stored_one_is_rejected(db, tmp_path):
    StationFactory()
    call_command("import_sectors", write_json(tmp_path, collection(sector("TST-01"))))
    path = write_json(tmp_path, collection(sector("TST-05", square(0.05, 0.05))))
    assert "TST-05: overlaps sector TST-01 by" in rejected("import_sectors", path)


def test_sectors_touching_within_the_tolerance_are_accepted(db, tmp_path):
    StationFactory()
    path = write_json(
        tmp_path, collection(sector(), sector("TST-02", square(0.0999999, 0)))
    )
    call_command("import_sectors", path)
    assert Sector.objects.filter(code__startswith="TST-").count() == 2


def test_duplicate_codes_unknown_station_and_bad_codes_are_all_reported(db, tmp_path):
    StationFactory()
    before = Sector.objects.count()
    path = write_json(
        tmp_path,
        collection(
            sector("TST-01"),
            sector("TST-01", square(0.3, 0.3)),
            sector("TST-03", square(0.5, 0.5), station="NOPE"),
            sector("bad code", square(0.7, 0.7)),
            sector("TST-04", SELF_INTERSECTING),
        ),
    )
    message = rejected("import_sectors", path)
    assert (
        "feature 2 (TST-01): duplicate code TST-01, also feature 1 (TST-01)" in message
    )
    assert "feature 3 (TST-03): unknown station 'NOPE'" in message
    assert "feature 4 (bad code): code must look like PRZ-03" in message
    assert "feature 5 (TST-04): geometry is invalid" in message
    assert Sector.objects.count() == before


def test_a_failed_import_keeps_everything_else_as_it_was(db, tmp_path):
    before = (
        Sector.objects.count(),
        Officer.objects.count(),
        Settlement.objects.exclude(sector=None).count(),
    )
    path = write_json(
        tmp_path, collection(sector("PRZ-01", square(0, 0), station="PRZ"))
    )
    rejected("import_sectors", path)
    after = (
        Sector.objects.count(),
        Officer.objects.count(),
        Settlement.objects.exclude(sector=None).count(),
    )
    assert after == before
    assert Sector.objects.get(code="PRZ-01").area_km2 > 1
