"""A category's extra questions: reading them, checking answers, showing them."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from bashkesia.concerns.categories import QUESTIONS, categories_seed, seed_questions
from bashkesia.concerns.models import Category
from bashkesia.concerns.questions import (
    Question,
    answers_clean,
    answers_display,
    question_list,
    question_parse,
    text_in,
)

PLATE = {
    "code": "plate",
    "required": True,
    "label": {"sq": "Targa e automjetit", "en": "Number plate"},
    "datatype_description": {"en": "As written on the plate"},
}
WHEN = {
    "code": "when",
    "datatype": "singlevaluelist",
    "label": {"sq": "Kur ndodh?", "en": "When does it happen?"},
    "values": [
        {"key": "day", "name": {"sq": "Ditën", "en": "By day"}},
        {"key": "night", "name": {"sq": "Natën", "en": "At night"}},
    ],
}
SEEN = {
    "code": "seen",
    "datatype": "multivaluelist",
    "label": {"en": "What did you see?"},
    "values": [
        {"key": "car", "name": {"en": "A car"}},
        {"key": "bike", "name": {"en": "A motorbike"}},
    ],
}
COUNT = {"code": "count", "datatype": "number", "label": {"en": "How many?"}}
AT = {"code": "at", "datatype": "datetime", "label": {"en": "When was it?"}}
NOTE = {"code": "note", "datatype": "text", "label": {"en": "Anything else?"}}


def category(*questions) -> Category:
    """An unsaved category asking ``questions``: nothing here reads the
    database."""
    return Category(code="test", kind="police", questions=list(questions))


def problems(questions, answers) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        answers_clean(category(*questions), answers, language="en")
    return error.value.message_dict


# Reading questions


def test_a_question_is_read_in_a_language_with_its_defaults():
    assert question_parse(PLATE, language="en") == Question(
        code="plate",
        label="Number plate",
        datatype="string",
        required=True,
        order=1,
        description="As written on the plate",
    )
    when = question_parse(WHEN, language="sq", position=2)
    assert (when.label, when.order, when.values) == (
        "Kur ndodh?",
        2,
        (("day", "Ditën"), ("night", "Natën")),
    )
    assert when.is_list and not when.is_multiple


def test_a_missing_label_falls_back_to_albanian_then_english_then_the_code():
    assert question_parse(PLATE, language="sr").label == "Targa e automjetit"
    assert question_parse(SEEN, language="sq").label == "What did you see?"
    assert question_parse({"code": "x"}, language="en").label == "x"
    assert text_in("plain", "sr") == "plain"
    assert text_in(None, "en") == ""


def test_an_unknown_datatype_is_a_string_and_a_question_without_code_is_skipped():
    colour = question_parse({"code": "a", "datatype": "colour"}, language="en")
    assert colour.datatype == "string"
    assert question_parse({"label": {"en": "No code"}}, language="en") is None
    assert question_parse("not a question", language="en") is None


def test_questions_come_in_their_order():
    asked = category({**COUNT, "order": 5}, {**AT, "order": "x"}, NOTE, {"code": ""})
    assert [q.code for q in question_list(asked, language="en")] == [
        "at",
        "note",
        "count",
    ]


def test_plain_string_values_are_their_own_names():
    question = question_parse(
        {"code": "c", "datatype": "singlevaluelist", "values": ["red", "blue"]},
        language="en",
    )
    assert question.values == (("red", "red"), ("blue", "blue"))


# Checking answers, one datatype after another


def test_valid_answers_of_every_datatype_are_cleaned():
    asked = category(PLATE, WHEN, SEEN, COUNT, AT, NOTE)
    clean = answers_clean(
        asked,
        {
            "plate": [" 01-234-AB "],
            "when": ["night"],
            "seen": ["car", "bike", "car"],
            "count": ["3"],
            "at": ["2025-05-01T21:30"],
            "note": ["<b>Loud</b> and fast", ""],
            "unknown": ["dropped"],
        },
        language="en",
    )
    assert clean == {
        "plate": ["01-234-AB"],
        "when": ["night"],
        "seen": ["car", "bike"],
        "count": ["3"],
        "at": ["2025-05-01T21:30"],
        "note": ["Loud and fast"],
    }


def test_one_value_may_be_given_as_text_and_blank_answers_are_dropped():
    asked = category(PLATE, WHEN, COUNT)
    clean = answers_clean(asked, {"plate": "AB", "when": [" "], "count": []})
    assert clean == {"plate": ["AB"]}


def test_a_required_question_must_be_answered():
    assert problems([PLATE, WHEN], {"when": ["day"]}) == {
        "plate": ["Answer “Number plate”."]
    }
    assert problems([PLATE], {"plate": ["  ", "<i></i>"]}) == {
        "plate": ["Answer “Number plate”."]
    }
    assert problems([PLATE], None) == {"plate": ["Answer “Number plate”."]}


@pytest.mark.parametrize(
    ("question", "values", "message"),
    [
        (WHEN, ["noon"], "“noon” is not an answer to “When does it happen?”."),
        (WHEN, ["day", "night"], "Give one answer to “When does it happen?”."),
        (SEEN, ["car", "tank"], "“tank” is not an answer to “What did you see?”."),
        (COUNT, ["three"], "The answer to “How many?” must be a number."),
        (COUNT, ["nan"], "The answer to “How many?” must be a number."),
        (COUNT, ["1_000"], "The answer to “How many?” must be a number."),
        (COUNT, ["1", "2"], "Give one answer to “How many?”."),
        (AT, ["yesterday"], "The answer to “When was it?” must be a date and time."),
        (AT, ["2025-02-30"], "The answer to “When was it?” must be a date and time."),
        (
            NOTE,
            ["x" * 1001],
            "The answer to “Anything else?” is too long: at most 1000 characters.",
        ),
    ],
)
def test_a_bad_answer_is_refused_with_its_message(question, values, message):
    assert problems([question], {question["code"]: values}) == {
        question["code"]: [message]
    }


@pytest.mark.parametrize(
    ("question", "value"),
    [
        (COUNT, "2.5"),
        (COUNT, "-1"),
        (COUNT, "1e3"),
        (AT, "2025-05-01"),
        (AT, "2025-05-01T21:30:00+02:00"),
        (NOTE, "x" * 1000),
    ],
)
def test_a_good_answer_is_kept_as_given(question, value):
    assert answers_clean(category(question), {question["code"]: [value]}) == {
        question["code"]: [value]
    }


def test_every_problem_is_told_at_once_in_the_active_language():
    asked = category(PLATE, WHEN, COUNT)
    with translation.override("sq"), pytest.raises(ValidationError) as error:
        answers_clean(asked, {"when": ["noon"], "count": ["x"]})
    assert set(error.value.message_dict) == {"plate", "when", "count"}
    # The label is in the language asked for (Albanian here).
    assert "Targa e automjetit" in error.value.message_dict["plate"][0]


def test_a_list_question_without_values_takes_any_answer():
    free = {"code": "c", "datatype": "singlevaluelist", "label": {"en": "C"}}
    assert answers_clean(category(free), {"c": ["anything"]}) == {"c": ["anything"]}


# Showing answers


def test_answers_are_shown_by_label_and_value_name_in_the_language():
    asked = category(PLATE, WHEN, SEEN, COUNT)
    answers = {
        "when": ["night"],
        "plate": ["01-234-AB"],
        "seen": ["car", "bike"],
        "retired": ["kept"],
    }
    assert answers_display(asked, answers, language="en") == [
        ("Number plate", "01-234-AB"),
        ("When does it happen?", "At night"),
        ("What did you see?", "A car, A motorbike"),
        ("retired", "kept"),
    ]
    assert answers_display(asked, answers, language="sq")[1] == ("Kur ndodh?", "Natën")
    assert answers_display(asked, {}, language="en") == []


def test_a_date_and_time_answer_is_shown_in_the_local_format():
    with translation.override("en"):
        shown = answers_display(category(AT), {"at": ["2025-05-01T21:30"]})
    assert shown == [("When was it?", "05/01/2025 9:30 p.m.")]


# The seed questions


def test_the_seed_questions_are_valid_in_every_language():
    for code in QUESTIONS:
        for language in ("sq", "sr-latn", "sr", "en"):
            asked = question_list(category(*seed_questions(code)), language=language)
            assert asked
            assert all(q.label != q.code for q in asked)
            assert all(name != key for q in asked for key, name in q.values)
    labels = seed_questions("traffic-safety")[0]["label"]
    assert labels == {
        "sq": "Kur ndodh më shpesh?",
        "sr-latn": "Kada se najčešće dešava?",
        "sr": "Када се најчешће дешава?",
        "en": "When does it happen most?",
    }


def test_seeding_fills_empty_questions_and_keeps_edited_ones(db):
    categories_seed()
    Category.objects.filter(code="traffic-safety").update(questions=[])
    Category.objects.filter(code="theft-burglary").update(questions=[PLATE])
    categories_seed()
    assert Category.objects.get(code="traffic-safety").questions == (
        seed_questions("traffic-safety")
    )
    assert Category.objects.get(code="theft-burglary").questions == [PLATE]
    assert Category.objects.get(code="drugs").questions == []
