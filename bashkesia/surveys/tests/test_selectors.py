import datetime

import pytest

from bashkesia.core import clock
from bashkesia.surveys import selectors
from bashkesia.surveys.selectors import Group, _suppress

from .factories import make_responses, make_survey, municipality, sectors_of

pytestmark = pytest.mark.django_db


def group(code, n):
    return Group(kind="sector", code=code, name=code, n=n, counts={}, share_count=0)


def test_suppress_hides_small_groups_and_their_complement():
    groups = [group("A", 30), group("B", 12), group("C", 3)]
    _suppress(groups, 10)
    assert [(g.code, g.suppressed, g.reason) for g in groups] == [
        ("A", False, ""),
        ("B", True, "complement"),
        ("C", True, "few"),
    ]


def test_suppress_keeps_groups_when_the_hidden_ones_are_enough_together():
    groups = [group("A", 30), group("B", 6), group("C", 5), group("D", 0)]
    _suppress(groups, 10)
    assert [g.suppressed for g in groups] == [False, True, True, True]
    assert groups[0].reason == ""


def test_results_by_sector_with_sample_sizes_and_suppression():
    survey = make_survey()
    first, second, third = sectors_of()[:3]
    make_responses(survey, first, 12, trust="tend_to", knows_officer="yes")
    make_responses(survey, first, 8, trust="none", knows_officer="no")
    make_responses(survey, second, 11, trust="complete")
    make_responses(survey, third, 4, trust="tend_not", knows_officer="yes")
    results = selectors.survey_results(survey=survey)
    assert results.respondents == 35
    trust = results.result("trust")
    assert trust.overall.n == 35
    assert trust.overall.share == pytest.approx(100 * 23 / 35)
    assert trust.overall.suppressed is False
    by_code = {g.code: g for g in trust.sectors}
    assert by_code[first.code].n == 20
    assert by_code[first.code].share == pytest.approx(60)
    # Third has 4 answers: hidden; second (11) hidden too, or 35 - 20 would
    # give third's answers away.
    assert by_code[third.code].suppressed and by_code[third.code].reason == "few"
    assert by_code[second.code].suppressed
    assert by_code[second.code].reason == "complement"
    assert by_code[second.code].share is None
    assert trust.distribution()[0] == (
        "complete",
        "trust completely",
        11,
        100 * 11 / 35,
    )
    knows = results.result("knows_officer")
    assert knows.overall.n == 24  # second sector's people did not answer it
    assert knows.overall.share_count == 16


def test_a_survey_with_fewer_answers_than_the_minimum_shows_nothing():
    survey = make_survey(minimum_sample=10)
    make_responses(survey, sectors_of()[0], 9, trust="tend_to")
    trust = selectors.survey_results(survey=survey).result("trust")
    assert trust.overall.suppressed
    assert trust.distribution() == []
    assert trust.distribution(reveal=True)[1][2] == 9
    assert all(g.suppressed for g in trust.sectors)


def test_kosovo_wide_results_by_municipality():
    survey = make_survey(municipality=None)
    make_responses(survey, sectors_of("PRZ")[0], 15, safe_night="very_unsafe")
    make_responses(survey, sectors_of("PRI")[0], 15, safe_night="fairly_safe")
    make_responses(survey, sectors_of("PEJ")[0], 2, safe_night="fairly_safe")
    night = selectors.survey_results(survey=survey).result("safe_night")
    by_code = {g.code: g for g in night.municipalities}
    assert night.overall.name == "all Kosovo"
    assert by_code["PEJ"].reason == "few"
    assert by_code["PRI"].suppressed != by_code["PRZ"].suppressed
    assert {g.parent for g in night.sectors} == {"PRZ", "PRI", "PEJ"}


def test_knows_sector_officer_answers_counts_the_window_of_all_surveys():
    first, second = make_survey(), make_survey(municipality=None)
    sector = sectors_of()[0]
    day = datetime.date(2026, 3, 10)
    make_responses(first, sector, 3, day=day, knows_officer="yes")
    make_responses(first, sector, 5, day=day, knows_officer="no")
    make_responses(second, sector, 2, day=day + datetime.timedelta(days=5),
                   knows_officer="yes", trust="tend_to")  # fmt: skip
    make_responses(second, sector, 4, day=day, trust="none")  # did not answer
    make_responses(first, sector, 7, day=day - datetime.timedelta(days=1),
                   knows_officer="yes")  # fmt: skip
    end = day + datetime.timedelta(days=5)
    assert selectors.knows_sector_officer_answers(start=day, end=end) == (5, 10)
    assert selectors.knows_sector_officer_answers(start=day, end=day) == (3, 8)
    assert selectors.trust_answers(start=day, end=end) == (2, 6)
    assert selectors.safe_after_dark_answers(start=day, end=end) == (0, 0)


def test_survey_open_for_sector_prefers_the_municipality_survey(today):
    sector = sectors_of()[0]
    assert selectors.survey_open_for_sector(sector=sector) is None
    national = make_survey(municipality=None)
    assert selectors.survey_open_for_sector(sector=sector) == national
    local = make_survey()
    assert selectors.survey_open_for_sector(sector=sector) == local
    make_survey(municipality=municipality("PRI"), is_published=False)
    today(clock.today() + datetime.timedelta(days=30))
    assert selectors.survey_open_for_sector(sector=sector) is None


def test_drafts_never_show_publicly():
    draft = make_survey(is_published=False)
    assert draft not in selectors.survey_list_public()
