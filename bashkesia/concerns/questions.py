"""A category's extra questions: the one place that reads them.

A category's ``questions`` is a list of ``{"code", "required", "label":
{language: text}}`` with, optionally, ``datatype`` (a GeoReport datatype;
``string`` when missing or unknown), ``datatype_description`` (text or per
language), ``order`` and, for the list datatypes, ``values``: ``[{"key",
"name": text or per language}]`` or plain strings.

Answers are ``{question code: [values]}``: a list even for one value, as
Open311's ``attribute[code][]`` sends them. Only ``multivaluelist`` takes
several values; answers to codes the category does not ask are dropped.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Category

LIST_DATATYPES = frozenset({"singlevaluelist", "multivaluelist"})
DATATYPES = frozenset({"string", "number", "datetime", "text"}) | LIST_DATATYPES
# The most characters one answer may have.
ANSWER_LIMIT = 1000
_NUMBER = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


@dataclass(frozen=True)
class Question:
    """One extra question of a category, in one language."""

    code: str
    label: str
    datatype: str = "string"
    required: bool = False
    order: int = 1
    description: str = ""
    values: tuple[tuple[str, str], ...] = ()

    @property
    def is_list(self) -> bool:
        return self.datatype in LIST_DATATYPES

    @property
    def is_multiple(self) -> bool:
        return self.datatype == "multivaluelist"

    def shown(self, value: str) -> str:
        """Return ``value`` as a person reads it: a list value by its name."""
        if self.is_list:
            return dict(self.values).get(value, value)
        if self.datatype == "datetime":
            return _moment_shown(value)
        return value


def text_in(value: Any, language: str) -> str:
    """Return a text given per language (or as one string) in ``language``."""
    if isinstance(value, dict):
        for code in (language, settings.LANGUAGE_CODE, "en"):
            if value.get(code):
                return str(value[code])
        return next((str(text) for text in value.values() if text), "")
    return "" if value is None else str(value)


def _values(raw: dict[str, Any], language: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for value in raw.get("values") or []:
        if isinstance(value, dict):
            key = str(value.get("key", ""))
            pairs.append((key, text_in(value.get("name"), language) or key))
        else:
            pairs.append((str(value), str(value)))
    return tuple(pairs)


def question_parse(raw: Any, *, language: str, position: int = 1) -> Question | None:
    """Return the question ``raw`` (one item of ``Category.questions``) in
    ``language``; ``None`` when it has no code. ``position`` is its place in
    the list, its order when it gives none."""
    if not isinstance(raw, dict) or not str(raw.get("code") or "").strip():
        return None
    code = str(raw["code"]).strip()
    datatype = raw.get("datatype") or "string"
    if datatype not in DATATYPES:
        datatype = "string"
    try:
        order = int(raw.get("order") or position)
    except (TypeError, ValueError):
        order = position
    return Question(
        code=code,
        label=text_in(raw.get("label"), language) or code,
        datatype=datatype,
        required=bool(raw.get("required")),
        order=order,
        description=text_in(raw.get("datatype_description"), language),
        values=_values(raw, language) if datatype in LIST_DATATYPES else (),
    )


def question_list(category: Category, *, language: str | None = None) -> list[Question]:
    """Return the category's questions in ``language`` (the active one when
    ``None``), in their order."""
    language = language or get_language() or settings.LANGUAGE_CODE
    found = []
    for position, raw in enumerate(category.questions or [], start=1):
        question = question_parse(raw, language=language, position=position)
        if question is not None:
            found.append(question)
    return sorted(found, key=lambda question: question.order)


def _given(values: str | Iterable[str] | None) -> list[str]:
    """Return the non-blank values of an answer, as text."""
    if values is None:
        return []
    if isinstance(values, str | int | float):
        values = [str(values)]
    return [str(value).strip() for value in values if str(value).strip()]


def _problem(question: Question, values: list[str]) -> str | None:
    """Return what is wrong with the (non-empty) answer to ``question``."""
    label = question.label
    if not question.is_multiple and len(values) > 1:
        return _("Give one answer to “%(question)s”.") % {"question": label}
    if question.is_list:
        keys = {key for key, _name in question.values}
        for value in values:
            if keys and value not in keys:
                return _("“%(value)s” is not an answer to “%(question)s”.") % {
                    "value": value,
                    "question": label,
                }
    elif question.datatype == "number":
        if not all(_NUMBER.match(value) for value in values):
            return _("The answer to “%(question)s” must be a number.") % {
                "question": label
            }
    elif question.datatype == "datetime" and not all(map(_moment, values)):
        return _("The answer to “%(question)s” must be a date and time.") % {
            "question": label
        }
    if any(len(value) > ANSWER_LIMIT for value in values):
        return _(
            "The answer to “%(question)s” is too long: at most %(count)s characters."
        ) % {"question": label, "count": ANSWER_LIMIT}
    return None


def _moment(value: str):
    try:
        return parse_datetime(value) or parse_date(value)
    except ValueError:
        return None


def _moment_shown(value: str) -> str:
    moment = _moment(value)
    if moment is None:
        return value
    if not hasattr(moment, "hour"):
        return formats.date_format(moment, "SHORT_DATE_FORMAT")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def answers_clean(
    category: Category,
    answers: Mapping[str, str | Iterable[str]] | None,
    *,
    language: str | None = None,
) -> dict[str, list[str]]:
    """Return the answers to ``category``'s questions, checked and cleaned.

    Free text loses its tags; blank values and answers to questions the
    category does not ask are dropped. Labels in the messages are in
    ``language`` (the active one when ``None``), as the messages are. Raise
    ``ValidationError`` keyed by question code with every problem: a
    required question unanswered, several answers to a one-answer question,
    a value a list does not offer, a number or date and time that is not one.
    """
    answers = answers or {}
    clean: dict[str, list[str]] = {}
    problems: dict[str, list[str]] = {}
    for question in question_list(category, language=language):
        values = _given(answers.get(question.code))
        if question.datatype in {"string", "text"}:
            values = [strip_tags(value).strip() for value in values]
            values = [value for value in values if value]
        if question.is_multiple:
            values = list(dict.fromkeys(values))
        if not values:
            if question.required:
                problems[question.code] = [
                    _("Answer “%(question)s”.") % {"question": question.label}
                ]
            continue
        problem = _problem(question, values)
        if problem:
            problems[question.code] = [problem]
            continue
        clean[question.code] = values
    if problems:
        raise ValidationError(problems)
    return clean


def answers_display(
    category: Category,
    answers: Mapping[str, Iterable[str]] | None,
    *,
    language: str | None = None,
) -> list[tuple[str, str]]:
    """Return stored answers as ``(label, value shown)`` pairs in ``language``
    (the active one when ``None``): the category's questions in their order,
    then answers to questions it no longer asks, labelled by their code."""
    answers = answers or {}
    shown = []
    asked = set()
    for question in question_list(category, language=language):
        asked.add(question.code)
        values = _given(answers.get(question.code))
        if values:
            shown.append(
                (question.label, ", ".join(question.shown(value) for value in values))
            )
    for code, given in answers.items():
        if code not in asked and _given(given):
            shown.append((code, ", ".join(_given(given))))
    return shown
