"""Verification codes: unambiguous, and matched however they are typed."""

from bashkesia.training.codes import ALPHABET, code_new, code_normalise


def test_a_new_code_has_the_prefix_and_two_groups_of_unambiguous_characters():
    code = code_new()
    prefix, first, second = code.split("-")
    assert prefix == "KSC" and len(first) == len(second) == 4
    assert set(first + second) <= set(ALPHABET)
    assert not set("01OIL") & set(ALPHABET)


def test_a_code_is_matched_without_regard_to_case_dashes_spaces_or_prefix():
    for typed in ("KSC-7F3K-9Q2M", "ksc7f3k9q2m", " 7f3k 9q2m ", "KSC 7F3K–9Q2M"):
        assert code_normalise(typed) == "KSC-7F3K-9Q2M"


def test_what_cannot_be_a_code_is_none():
    for typed in ("", "KSC-7F3K-9Q2", "KSC-7F3K-9Q2MM", "KSC-0F3K-9Q2M", "hello"):
        assert code_normalise(typed) is None
