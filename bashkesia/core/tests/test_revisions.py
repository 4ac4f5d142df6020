from bashkesia.core.revisions import revision_bump, revision_get


def test_a_bump_gives_a_new_token_every_time(db):
    before = revision_get(name="test-body")
    revision_bump(name="test-body")
    first = revision_get(name="test-body")
    revision_bump(name="test-body")
    assert len({before, first, revision_get(name="test-body")}) == 3


def test_an_unknown_body_has_an_empty_token(db):
    assert revision_get(name="never-bumped") == ""
