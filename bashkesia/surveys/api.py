"""Surveys of safety and trust in the open API, /api/v1/.

Published surveys only, and their results with the same suppression as the
public page: a group with fewer answers than the survey's minimum (or one
that would let such a group be worked out) has no figures, only
``suppressed: true``.
"""

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from bashkesia.territory.api import MunicipalityRef, public_url

from . import selectors
from .selectors import Group, QuestionResult

router = Router(tags=["surveys"])


class Error(Schema):
    detail: str


class SurveyOut(Schema):
    slug: str
    title: str
    introduction: str
    municipality: MunicipalityRef | None
    opens_on: datetime.date
    closes_on: datetime.date
    status: str
    minimum_sample: int
    responses: int
    url: str
    results_url: str


class GroupOut(Schema):
    code: str
    name: str
    suppressed: bool
    n: int | None
    share: float | None
    counts: dict[str, int] | None


class AnswerOut(Schema):
    value: str
    label: str
    count: int
    percent: float


class QuestionOut(Schema):
    code: str
    text: str
    share_label: str
    overall: GroupOut
    answers: list[AnswerOut]
    municipalities: list[GroupOut]
    sectors: list[GroupOut]


class ResultsOut(Schema):
    survey: SurveyOut
    respondents: int
    questions: list[QuestionOut]


def _survey(request: HttpRequest, survey) -> dict:
    from django.urls import reverse

    return {
        "slug": survey.slug,
        "title": survey.title,
        "introduction": survey.introduction,
        "municipality": survey.municipality,
        "opens_on": survey.opens_on,
        "closes_on": survey.closes_on,
        "status": survey.status,
        "minimum_sample": survey.minimum_sample,
        "responses": survey.response_count,
        "url": public_url(request, survey),
        "results_url": request.build_absolute_uri(
            reverse("surveys:results", args=[survey.slug])
        ),
    }


def _group(group: Group) -> dict:
    if group.suppressed:
        return {
            "code": group.code,
            "name": group.name,
            "suppressed": True,
            "n": None,
            "share": None,
            "counts": None,
        }
    return {
        "code": group.code,
        "name": group.name,
        "suppressed": False,
        "n": group.n,
        "share": round(group.share, 1) if group.share is not None else None,
        "counts": group.counts,
    }


def _question(result: QuestionResult) -> dict:
    return {
        "code": result.question.code,
        "text": str(result.question.text),
        "share_label": str(result.question.share_label),
        "overall": _group(result.overall),
        "answers": [
            {"value": value, "label": label, "count": count, "percent": round(p, 1)}
            for value, label, count, p in result.distribution()
        ],
        "municipalities": [_group(group) for group in result.municipalities],
        "sectors": [_group(group) for group in result.sectors],
    }


@router.get("/surveys", response=list[SurveyOut], summary="Surveys of safety and trust")
def surveys(request: HttpRequest):
    """The published surveys (open, closed and coming), newest first."""
    return [_survey(request, s) for s in selectors.survey_list_public()]


@router.get(
    "/surveys/{slug}/results",
    response={200: ResultsOut, 404: Error},
    summary="A survey's results, small samples suppressed",
)
def survey_results(request: HttpRequest, slug: str):
    """Per question: the answers Kosovo-wide (or the municipality's), and
    the key share per municipality and per police sector with its sample
    size; groups with too few answers are ``suppressed`` without figures."""
    survey = selectors.survey_get_public(slug=slug)
    results = selectors.survey_results(survey=survey)
    return {
        "survey": _survey(request, survey),
        "respondents": results.respondents,
        "questions": [_question(result) for result in results.questions],
    }
