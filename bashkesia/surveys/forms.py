"""The public answering form and the results page's choices."""

from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from bashkesia.partnership.models import AgeBand, Community, Gender

from .models import Survey
from .questions import QUESTIONS
from .selectors import survey_sectors

NOT_SAID = ("", _("I prefer not to say"))


def _profile_choices(choices) -> list:
    return [NOT_SAID, *[(v, label) for v, label in choices if v != "undisclosed"]]


class AnswerForm(forms.Form):
    """The standard questions, the respondent's place and an optional
    profile. Every question may be skipped (the service wants one answer at
    least); the place is required, given one of three ways."""

    sector = forms.ChoiceField(label=_("Your police sector"), required=False)
    place = forms.CharField(
        label=_("Or type your village, town or neighbourhood"),
        max_length=100,
        required=False,
    )
    lat = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=-90, max_value=90
    )
    lon = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=-180, max_value=180
    )
    gender = forms.ChoiceField(
        label=_("You are"), choices=_profile_choices(Gender.choices), required=False
    )
    age_band = forms.ChoiceField(
        label=_("Your age"), choices=_profile_choices(AgeBand.choices), required=False
    )
    community = forms.ChoiceField(
        label=_("Your community"),
        choices=_profile_choices(Community.choices),
        required=False,
    )
    # A field people never see; robots fill it in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={
        "tabindex": "-1", "autocomplete": "off"}))  # fmt: skip

    def __init__(self, *args, survey: Survey, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        sectors = list(survey_sectors(survey=survey))
        if survey.is_national:
            choices: list = [("", _("Choose your sector"))]
            for municipality, grouped in groupby(sectors, lambda s: s.municipality):
                choices.append(
                    (
                        municipality.name,
                        [(s.code, f"{s.code} {s.name}") for s in grouped],
                    )
                )
        else:
            choices = [("", _("Choose your sector"))] + [
                (s.code, f"{s.code} {s.name}") for s in sectors
            ]
        self.fields["sector"].choices = choices
        for question in QUESTIONS:
            self.fields[question.code] = forms.ChoiceField(
                label=question.text,
                choices=list(question.choices.choices),
                required=False,
                widget=forms.RadioSelect,
            )

    def question_fields(self) -> list[forms.BoundField]:
        return [self[question.code] for question in QUESTIONS]

    def answers(self) -> dict[str, str]:
        return {q.code: self.cleaned_data.get(q.code, "") for q in QUESTIONS}

    def profile(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name, "")
            for name in ("gender", "age_band", "community")
        }


class ResultsForm(forms.Form):
    """Which key share the places are compared on, and (Kosovo-wide
    surveys) which municipality's sectors are shown."""

    question = forms.ChoiceField(
        label=_("Compare places on"),
        choices=[(q.code, q.share_label) for q in QUESTIONS],
        required=False,
    )
    municipality = forms.ChoiceField(
        label=_("Sectors of the municipality"), choices=[], required=False
    )

    def __init__(self, *args, municipalities: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [
            ("", _("Choose a municipality")),
            *municipalities,
        ]
