"""The back office's forms for sector priorities and problems (SARA).

Texts whose emptiness a service judges are optional here, so that the
service's own words explain what is missing.
"""

import re

from django import forms
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from bashkesia.core.widgets import FastSelect

from .models import TEXT_LIMIT, TITLE_LIMIT, Problem, ProblemAction, SectorPriority
from .selectors.problems import ALL, OPEN

_SEPARATORS = re.compile(r"[\s,;]+")


def _sector_label(sector) -> str:
    return f"{sector.code} {sector.name}"


def _text(label, *, rows: int = 3, help_text="", required_in_browser=True):
    attrs: dict = {"rows": rows}
    if required_in_browser:
        attrs["required"] = True
    return forms.CharField(
        label=label,
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs=attrs),
        help_text=help_text,
    )


def _date(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


def _codes_help_text() -> str:
    # The example is a placeholder: a code stays in Latin letters in Cyrillic.
    return _(
        "Tracking codes of the sector's concerns, e.g. %(example)s, separated by "
        "commas or spaces."
    ) % {"example": "ABCD-EFGH-JKLM"}


_codes_help = lazy(_codes_help_text, str)


class ConcernCodesField(forms.CharField):
    """Tracking codes of concerns, separated by spaces, commas or lines;
    cleaned to a list of codes (the service checks each)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", _("Linked concerns"))
        kwargs.setdefault("help_text", _codes_help())
        super().__init__(required=False, max_length=2000, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def clean(self, value) -> list[str]:  # type: ignore[override]
        text = super().clean(value)
        return [code for code in _SEPARATORS.split(text) if code]


# Priorities


PRIORITY_STATUS_FILTER = [("", _("All")), *SectorPriority.Status.choices]


class PriorityFilterForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("All my sectors"),
        widget=FastSelect,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=PRIORITY_STATUS_FILTER,
        required=False,
        widget=FastSelect,
    )

    def __init__(self, *args, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = _sector_label


class PriorityCreateForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=None,
        to_field_name="code",
        empty_label=_("Choose a sector"),
        widget=FastSelect,
    )
    issue = _text(
        _("Issue"),
        help_text=_(
            "What the community asked the police to tackle, in words for the "
            "public page: no names, addresses or telephone numbers."
        ),
    )
    issue_date = _date(_("Agreed on"))
    concerns = ConcernCodesField()
    meeting = forms.ModelChoiceField(
        label=_("Agreed at the meeting"),
        queryset=None,
        required=False,
        empty_label=_("Not at a forum meeting"),
        widget=FastSelect,
    )
    problem = forms.ModelChoiceField(
        label=_("Comes from the problem"),
        queryset=None,
        required=False,
        empty_label=_("No problem"),
        widget=FastSelect,
    )

    def __init__(self, *args, sectors, meetings, problems, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = _sector_label
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: (
            f"{timezone.localdate(meeting.starts_at).isoformat()} · "
            f"{meeting.forum.name} · {meeting.title}"
        )
        self.fields["problem"].queryset = problems
        self.fields["problem"].label_from_instance = lambda problem: (
            f"{problem.sector.code} · {problem.title}"
        )


class PriorityEditForm(forms.Form):
    issue = PriorityCreateForm.base_fields["issue"]
    concerns = ConcernCodesField()


class PriorityActionForm(forms.Form):
    action = _text(
        _("What the police did"),
        help_text=_("Shown on the sector's page under “we did”."),
    )
    action_date = _date(_("Done on"))


class PriorityCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Close the priority as"),
        choices=[
            (SectorPriority.Status.ADDRESSED, _("addressed: the police did it")),
            (SectorPriority.Status.DROPPED, _("no longer a priority")),
        ],
        widget=forms.RadioSelect,
    )


# Problems


STAGE_FILTER = [
    (OPEN, _("Open (not closed)")),
    *Problem.Stage.choices,
    (ALL, _("All")),
]


class ProblemFilterForm(forms.Form):
    station = forms.ModelChoiceField(
        label=_("Station"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("All my stations"),
        widget=FastSelect,
    )
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=None,
        to_field_name="code",
        required=False,
        empty_label=_("All my sectors"),
        widget=FastSelect,
    )
    stage = forms.ChoiceField(
        label=_("Stage"), choices=STAGE_FILTER, required=False, widget=FastSelect
    )

    def __init__(self, *args, stations, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations
        self.fields["station"].label_from_instance = lambda station: (
            f"{station.code} {station.name}"
        )
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = _sector_label


class ProblemOpenForm(forms.Form):
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=None,
        to_field_name="code",
        empty_label=_("Choose a sector"),
        widget=FastSelect,
    )
    title = forms.CharField(
        label=_("Problem"),
        max_length=TITLE_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"required": True}),
        help_text=_("A short name, e.g. “Speeding past the school on the main road”."),
    )
    scanning = _text(
        _("What was observed"),
        rows=5,
        help_text=_("Scanning: what happens, where, when, to whom, how often."),
    )
    concerns = ConcernCodesField()

    def __init__(self, *args, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = _sector_label


class ProblemEditForm(forms.Form):
    title = ProblemOpenForm.base_fields["title"]
    scanning = ProblemOpenForm.base_fields["scanning"]
    concerns = ConcernCodesField()
    analysis = _text(
        _("Analysis"),
        rows=5,
        required_in_browser=False,
        help_text=_(
            "Why it happens: the places, the people affected and involved, the "
            "times, what the partners know."
        ),
    )
    assessment = _text(
        _("Assessment"),
        rows=4,
        required_in_browser=False,
        help_text=_("Did the response work?"),
    )
    measured_how = _text(
        _("Measured how"),
        rows=3,
        required_in_browser=False,
        help_text=_("E.g. concerns and incidents before and after, a survey."),
    )
    result = forms.ChoiceField(
        label=_("Result"),
        choices=[("", _("Not assessed yet")), *Problem.Result.choices],
        required=False,
    )


class ProblemAdvanceForm(forms.Form):
    to = forms.ChoiceField(choices=Problem.Stage.choices, widget=forms.HiddenInput)


class ProblemActionForm(forms.Form):
    description = forms.CharField(
        label=_("Action"),
        max_length=TITLE_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"required": True}),
    )
    owner = forms.CharField(
        label=_("Owner"),
        max_length=TITLE_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"required": True}),
        help_text=_("Who answers for it: an officer, a unit, an institution."),
    )
    partner = forms.CharField(
        label=_("Partner"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=_("E.g. the municipality, a school, an NGO."),
    )
    due_date = _date(_("Due"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ProblemAction.Status.choices,
        initial=ProblemAction.Status.PLANNED,
    )


class ProblemPublishForm(forms.Form):
    issue = _text(
        _("Issue, as the public reads it"),
        help_text=_(
            "Shown on the sector's page: no names, addresses or telephone "
            "numbers. The problem's concerns are counted there, never shown."
        ),
    )
    issue_date = _date(_("Agreed on"))
