"""The public side of surveys: the list, answering one, the thanks, the
results (small samples suppressed)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.core.audit import client_address
from bashkesia.stats import charts
from bashkesia.territory.models import Sector
from bashkesia.territory.selectors import sector_get_at_point, settlement_search

from . import selectors, services
from .forms import AnswerForm, ResultsForm
from .models import Survey
from .selectors import QuestionResult, SurveyResults

COOKIE_SALT = "bashkesia.surveys"
COOKIE_AGE = 400 * 24 * 3600  # as long as browsers keep a cookie


def cookie_name(survey: Survey) -> str:
    return f"survey-{survey.pk}"


def answered_token(request: HttpRequest, survey: Survey) -> str | None:
    """Return the token of the browser's signed cookie for ``survey``: it
    answered already. None when it has none (or a forged one)."""
    return request.get_signed_cookie(
        cookie_name(survey), default=None, salt=COOKIE_SALT
    )


@require_GET
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = list(selectors.survey_list_public())
    return render(
        request,
        "surveys/list.html",
        {
            "open_surveys": [s for s in surveys if s.is_open],
            "result_surveys": [
                s
                for s in surveys
                if s.status in (Survey.Status.OPEN, Survey.Status.CLOSED)
            ],
        },
    )


def _sector(form: AnswerForm, survey: Survey) -> Sector | None:
    """Return the sector the respondent gave: chosen, located or named."""
    data = form.cleaned_data
    if data.get("sector"):
        return selectors.survey_sectors(survey=survey).get(code=data["sector"])
    if data.get("lat") is not None and data.get("lon") is not None:
        sector = sector_get_at_point(lat=data["lat"], lon=data["lon"])
        if sector is None:
            form.add_error(
                "sector", _("Your location is outside Kosovo: choose your sector.")
            )
        return sector
    place = (data.get("place") or "").strip()
    if place:
        found = [s for s in settlement_search(query=place, limit=5) if s.sector]
        if not found:
            form.add_error(
                "place", _("No village, town or neighbourhood has that name.")
            )
            return None
        return found[0].sector
    form.add_error(
        "sector",
        _(
            "Say where you live: choose your sector, type your village or use "
            "your location."
        ),
    )
    return None


@require_http_methods(["GET", "POST"])
def survey_answer(request: HttpRequest, slug: str) -> HttpResponse:
    survey = selectors.survey_get_public(slug=slug)
    token = answered_token(request, survey)
    form = AnswerForm(request.POST if request.method == "POST" else None, survey=survey)
    context = {"survey": survey, "form": form, "answered": token is not None}
    if request.method == "GET":
        return render(request, "surveys/answer.html", context)
    if not survey.is_open:
        context["error"] = (
            _("This survey is closed and takes no more answers.")
            if survey.status == Survey.Status.CLOSED
            else _("This survey is not open yet.")
        )
        return render(request, "surveys/answer.html", context, status=400)
    if not form.is_valid():
        return render(request, "surveys/answer.html", context, status=400)
    if form.cleaned_data["website"]:
        # A robot filled in the hidden field: pretend nothing happened.
        context["form"] = AnswerForm(survey=survey)
        return render(request, "surveys/answer.html", context, status=400)
    sector = _sector(form, survey)
    if sector is None:
        return render(request, "surveys/answer.html", context, status=400)
    new_token = token or secrets.token_urlsafe(24)
    try:
        services.response_submit(
            survey=survey,
            sector=sector,
            answers=form.answers(),
            profile=form.profile(),
            token=new_token,
            address=client_address(request),
        )
    except ValidationError as error:
        status = 400
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                target = field if field in form.fields else None
                for problem in problems:
                    form.add_error(target, problem)
        else:
            context["error"] = " ".join(error.messages)
            if error.code == "too_many":
                status = 429
            elif error.code == "already_answered":
                status = 409
        return render(request, "surveys/answer.html", context, status=status)
    response = redirect("surveys:thanks", slug=survey.slug)
    response.set_signed_cookie(
        cookie_name(survey),
        new_token,
        salt=COOKIE_SALT,
        max_age=COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        # Every language's address of the survey sees it.
        path="/",
    )
    return response


@require_GET
def survey_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    survey = selectors.survey_get_public(slug=slug)
    return render(request, "surveys/thanks.html", {"survey": survey})


def place_chart(result: QuestionResult, groups, chart_id: str, title: str):
    """Return the bar chart of a key share across places (shown ones)."""
    return charts.bar_chart(
        chart_id=chart_id,
        title=title,
        description=_(
            "Share in percent, per place; places with too few answers are left out."
        ),
        bars=[
            charts.Bar(label=group.name, value=round(group.share, 1))
            for group in groups
            if group.share is not None
        ],
    )


def results_context(
    survey: Survey, results: SurveyResults, params: ResultsForm, reveal: bool = False
) -> dict:
    """Return the charts and tables of the results page (public or staff)."""
    code = params.cleaned_data.get("question") or "safe_night"
    compared = results.result(code)
    questions = []
    for index, result in enumerate(results.questions):
        distribution = result.distribution(reveal)
        questions.append(
            {
                "result": result,
                "distribution": distribution,
                "chart": charts.bar_chart(
                    chart_id=f"question-{index}",
                    title=str(result.question.text),
                    description=_("Share of each answer, in percent."),
                    bars=[
                        charts.Bar(label=label, value=round(percent, 1))
                        for _value, label, _count, percent in distribution
                    ],
                )
                if distribution
                else None,
            }
        )
    municipality = params.cleaned_data.get("municipality") or ""
    sectors = compared.sectors
    if survey.is_national:
        sectors = (
            [group for group in sectors if group.parent == municipality]
            if municipality
            else []
        )
    return {
        "survey": survey,
        "results": results,
        "questions": questions,
        "params": params,
        "compared": compared,
        "municipality_chart": place_chart(
            compared,
            compared.municipalities,
            "places-municipalities",
            _("%(share)s, by municipality") % {"share": compared.question.share_label},
        )
        if survey.is_national
        else None,
        "sector_groups": sectors,
        "sector_chart": place_chart(
            compared,
            sectors,
            "places-sectors",
            _("%(share)s, by police sector") % {"share": compared.question.share_label},
        )
        if sectors
        else None,
    }


def results_params(request: HttpRequest, results: SurveyResults) -> ResultsForm:
    """Return the bound (maybe invalid) choices of the results page."""
    municipalities = {
        group.code: group.name
        for result in results.questions
        for group in result.municipalities
    }
    return ResultsForm(
        request.GET or {},
        municipalities=sorted(municipalities.items(), key=lambda item: item[1]),
    )


@require_GET
def survey_results(request: HttpRequest, slug: str) -> HttpResponse:
    survey = selectors.survey_get_public(slug=slug)
    results = selectors.survey_results(survey=survey)
    params = results_params(request, results)
    if not params.is_valid():
        return render(
            request,
            "surveys/results.html",
            {"survey": survey, "params": params, "results": None},
            status=400,
        )
    return render(
        request, "surveys/results.html", results_context(survey, results, params)
    )
