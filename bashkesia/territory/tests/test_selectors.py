import pytest

from bashkesia.territory.selectors import (
    sector_get,
    sector_get_at_point,
    settlement_search,
)


@pytest.mark.parametrize(
    "query",
    [
        "Fushe Kosove",
        "Fushë Kosovë",
        "Kosovo Polje",
        "Косово Поље",
        "fushë",
        "KOSOVO P",
    ],
)
def test_search_finds_fushe_kosove_first_in_any_spelling_or_script(db, query):
    results = settlement_search(query=query)
    assert results[0].name_sq == "Fushë Kosovë"


def test_search_matches_word_prefixes_in_both_languages(db):
    names = {s.name_sq for s in settlement_search(query="Gjak", limit=50)}
    assert "Gjakovë" in names
    names = {s.name_sq for s in settlement_search(query="Đakov", limit=50)}
    assert "Gjakovë" in names


def test_search_ranks_towns_before_villages_with_the_same_prefix(db):
    results = settlement_search(query="Prizren", limit=5)
    assert results[0].feature_code == "PPLA"


def test_search_for_nothing_returns_nothing(db):
    assert settlement_search(query="  --  ") == []
    assert settlement_search(query="Xyzzyville") == []


def test_search_respects_the_limit(db):
    assert len(settlement_search(query="a", limit=7)) == 7


def test_sector_codes_are_found_in_any_case(db):
    assert sector_get(code="prz-01").code == "PRZ-01"


def test_a_point_in_prizren_is_in_a_prizren_sector(db):
    sector = sector_get_at_point(lat=42.2139, lon=20.7397)
    assert sector.municipality.code == "PRZ"


def test_a_point_in_belgrade_is_in_no_sector(db):
    assert sector_get_at_point(lat=44.8125, lon=20.4612) is None
