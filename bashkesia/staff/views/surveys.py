"""Surveys of safety and trust in the back office: the list, creating and
editing a draft, publishing and closing, the results with suppressed
figures shown, the anonymous responses as CSV."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bashkesia.accounts.decorators import staff_view
from bashkesia.core import clock
from bashkesia.surveys import permissions, selectors, services
from bashkesia.surveys.models import Survey
from bashkesia.surveys.questions import QUESTIONS
from bashkesia.surveys.views import results_context, results_params

from .common import form_errors_from, paginate

TEXT_FIELDS = [
    "title_sq",
    "title_sr_latn",
    "title_sr",
    "title_en",
    "introduction_sq",
    "introduction_sr_latn",
    "introduction_sr",
    "introduction_en",
]


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = [
            "slug",
            *TEXT_FIELDS,
            "municipality",
            "opens_on",
            "closes_on",
            "minimum_sample",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
            **{
                name: forms.Textarea(attrs={"rows": 3})
                for name in TEXT_FIELDS
                if name.startswith("introduction")
            },
        }
        help_texts = {
            "slug": gettext_lazy(
                "The survey's address: lower-case letters, digits and hyphens."
            ),
            "minimum_sample": gettext_lazy(
                "A result with fewer answers than this is not shown to the public."
            ),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.queryset = permissions.survey_municipalities(user)
        field.label_from_instance = lambda municipality: municipality.name
        if permissions.may_run_national_surveys(user):
            field.empty_label = gettext_lazy("All Kosovo")
        else:
            field.required = True
            field.empty_label = gettext_lazy("Choose a municipality")

    def validate_unique(self) -> None:
        # The service checks everything, with its own messages.
        return None

    def _post_clean(self) -> None:
        return None


def _in_scope(request: HttpRequest) -> None:
    if not permissions.uses_surveys_back_office(request.user):
        raise PermissionDenied


@staff_view
@require_GET
def survey_list(request: HttpRequest) -> HttpResponse:
    _in_scope(request)
    surveys = selectors.survey_list_for_staff(user=request.user)
    return render(
        request, "staff/surveys/list.html", {"page_obj": paginate(request, surveys)}
    )


@staff_view
@require_http_methods(["GET", "POST"])
def survey_create(request: HttpRequest) -> HttpResponse:
    _in_scope(request)
    today = clock.today()
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        initial={"opens_on": today, "minimum_sample": 10},
    )
    context = {"form": form, "creating": True}
    if request.method == "GET":
        return render(request, "staff/surveys/form.html", context)
    if not form.is_valid():
        return render(request, "staff/surveys/form.html", context, status=400)
    try:
        survey = services.survey_create(by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/surveys/form.html", context, status=400)
    messages.success(
        request,
        _("The survey “%(title)s” is saved as a draft.") % {"title": survey.title},
    )
    return redirect("staff:survey-detail", pk=survey.pk)


@staff_view
@require_http_methods(["GET", "POST"])
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get_for_staff(user=request.user, pk=pk)
    if survey.status != Survey.Status.DRAFT:
        messages.error(
            request,
            _("Only a draft survey can be changed; this one is already published."),
        )
        return redirect("staff:survey-detail", pk=survey.pk)
    form = SurveyForm(
        request.POST if request.method == "POST" else None,
        instance=survey,
        user=request.user,
    )
    context = {"form": form, "survey": survey, "creating": False}
    if request.method == "GET":
        return render(request, "staff/surveys/form.html", context)
    if not form.is_valid():
        return render(request, "staff/surveys/form.html", context, status=400)
    try:
        services.survey_update(survey=survey, by=request.user, **form.cleaned_data)
    except ValidationError as error:
        form_errors_from(form, error)
        return render(request, "staff/surveys/form.html", context, status=400)
    messages.success(request, _("The survey is saved."))
    return redirect("staff:survey-detail", pk=survey.pk)


def _detail(
    request: HttpRequest, survey: Survey, *, status: int = 200, error: str = ""
) -> HttpResponse:
    results = selectors.survey_results(survey=survey)
    params = results_params(request, results)
    if not params.is_valid():
        context = {"survey": survey, "params": params, "results": None}
        status = 400
    else:
        context = results_context(survey, results, params, reveal=True)
    context["error"] = error
    return render(request, "staff/surveys/detail.html", context, status=status)


@staff_view
@require_GET
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = selectors.survey_get_for_staff(user=request.user, pk=pk)
    return _detail(request, survey)


def _act(request: HttpRequest, pk: int, service, done: str) -> HttpResponse:
    survey = selectors.survey_get_for_staff(user=request.user, pk=pk)
    try:
        service(survey=survey, by=request.user)
    except ValidationError as error:
        return _detail(request, survey, status=400, error=" ".join(error.messages))
    messages.success(request, done)
    return redirect("staff:survey-detail", pk=survey.pk)


@staff_view
@require_POST
def survey_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        services.survey_publish,
        _("The survey is published: it takes answers from its first day."),
    )


@staff_view
@require_POST
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request, pk, services.survey_close, _("The survey is closed to answers.")
    )


@staff_view
@require_GET
def survey_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The anonymous responses, one a row: day, place, answers, profile."""
    survey = selectors.survey_get_for_staff(user=request.user, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="survey-{survey.slug}-responses.csv"'
    )
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.writer(response)
    codes = [question.code for question in QUESTIONS]
    writer.writerow(
        [
            "submitted_on",
            "municipality",
            "sector",
            *codes,
            "gender",
            "age_band",
            "community",
        ]
    )
    for row in selectors.response_list_for_export(survey=survey):
        # The day only: the time of day could help recognise someone.
        writer.writerow(
            [
                row.submitted_at.date().isoformat(),
                row.municipality.code,
                row.sector.code,
                *[getattr(row, code) for code in codes],
                row.gender,
                row.age_band,
                row.community,
            ]
        )
    return response
