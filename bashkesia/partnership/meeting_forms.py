"""Forms of the back office's meeting pages: a meeting, its attendance,
minutes, recommendations and action items, a KKSB's work plan and security
report.

Where the service words a problem better (an empty text, a count below 0),
the field is optional here and the service judges it.
"""

from django import forms
from django.utils.formats import date_format
from django.utils.text import Truncator, capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from .models import (
    TEXT_LIMIT,
    TITLE_LIMIT,
    ActionItem,
    AgeBand,
    Community,
    Gender,
    Meeting,
    Membership,
    Recommendation,
)
from .services.meetings import MINUTES_LIMIT, REFERENCE_LIMIT, REPORT_LIMIT

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
# The citizens counted at the door, by trait: (prefix, choices, legend).
CITIZEN_GROUPS = [
    ("gender", Gender, _("Citizens by gender")),
    ("community", Community, _("Citizens by community")),
    ("age_band", AgeBand, _("Citizens by age")),
]


def _datetime_field(label, *, required: bool = True) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=required,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
        ),
    )


def _date_field(label, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _text_field(label, *, limit: int = TEXT_LIMIT, rows: int = 3, help_text=""):
    """Return a text box whose emptiness the service judges (and words)."""
    return forms.CharField(
        label=label,
        max_length=limit,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "required": True}),
    )


def _line_field(label, *, limit: int = TITLE_LIMIT, help_text=""):
    return forms.CharField(
        label=label,
        max_length=limit,
        required=False,
        help_text=help_text,
        widget=forms.TextInput(attrs={"required": True}),
    )


def meeting_label(meeting: Meeting) -> str:
    """Return how a meeting is named in a list to choose from."""
    when = date_format(localtime(meeting.starts_at), "SHORT_DATETIME_FORMAT")
    return f"{when} · {meeting.title}"


class MeetingForm(forms.Form):
    title = _line_field(_("Title"))
    starts_at = _datetime_field(_("Starts"))
    ends_at = _datetime_field(_("Ends (optional)"), required=False)
    place = forms.CharField(
        label=_("Place"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=_("The address or building; or give an online link."),
    )
    online_link = forms.URLField(
        label=_("Online link"), required=False, assume_scheme="https"
    )
    is_public = forms.BooleanField(
        label=_("Open to the public (announced in the public calendar)"),
        required=False,
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=TEXT_LIMIT,
        required=False,
        help_text=_("One item a line."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        return {
            "title": meeting.title,
            "starts_at": localtime(meeting.starts_at),
            "ends_at": localtime(meeting.ends_at) if meeting.ends_at else None,
            "place": meeting.place,
            "online_link": meeting.online_link,
            "is_public": meeting.is_public,
            "agenda": meeting.agenda,
        }


class CancelForm(forms.Form):
    reason = _text_field(_("Why the meeting is cancelled (the public sees it)"))


class HeldForm(forms.Form):
    pass


class AttendanceForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Members present"),
        queryset=Membership.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    citizens_total = forms.IntegerField(
        label=_("Citizens present"),
        required=False,
        widget=forms.NumberInput(attrs={"min": 0}),
        help_text=_("Everyone who came who is not a member of the forum."),
    )

    def __init__(self, *args, members, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members
        self.fields["members"].label_from_instance = lambda member: (
            f"{member.name} · {member.get_role_display()}"
        )
        self.groups = []
        for prefix, choices, legend in CITIZEN_GROUPS:
            names = []
            for value, label in choices.choices:
                name = f"{prefix}_{value}"
                self.fields[name] = forms.IntegerField(
                    label=capfirst(label),
                    required=False,
                    widget=forms.NumberInput(attrs={"min": 0}),
                )
                names.append(name)
            self.groups.append((legend, names))

    def grouped_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        """Return the count fields of each trait, under their legend."""
        return [
            (legend, [self[name] for name in names]) for legend, names in self.groups
        ]

    def clean(self) -> dict:
        data = super().clean()
        data["citizens"] = self._citizens(data)
        return data

    @staticmethod
    def _citizens(data: dict) -> dict:
        """Return the counts as the service takes them (blank: not counted)."""
        counts: dict = {"total": data.get("citizens_total") or 0}
        for prefix, choices, _legend in CITIZEN_GROUPS:
            counts[prefix] = {
                value: data[f"{prefix}_{value}"]
                for value in choices.values
                if data.get(f"{prefix}_{value}") is not None
            }
        return counts

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        citizens = meeting.citizens or {}
        initial: dict = {
            "members": [member.pk for member in meeting.members_present.all()],
            "citizens_total": citizens.get("total"),
        }
        for prefix, _choices, _legend in CITIZEN_GROUPS:
            for value, count in (citizens.get(prefix) or {}).items():
                initial[f"{prefix}_{value}"] = count
        return initial


class MinutesDraftForm(forms.Form):
    text = _text_field(_("Minutes"), limit=MINUTES_LIMIT, rows=14)


class MinutesApproveForm(forms.Form):
    at_meeting = forms.ModelChoiceField(
        label=_("Approved at the meeting"),
        queryset=Meeting.objects.none(),
        empty_label=_("Choose the meeting"),
        help_text=_("A later meeting of the forum that has started."),
    )

    def __init__(self, *args, meetings, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = meetings
        self.fields["at_meeting"].label_from_instance = meeting_label


class MinutesCorrectForm(forms.Form):
    correction_note = _line_field(_("What the correction changes"))
    text = _text_field(_("Corrected minutes"), limit=MINUTES_LIMIT, rows=14)


class RecommendationForm(forms.Form):
    text = _text_field(_("Recommendation"))


class ActionItemForm(forms.Form):
    title = _line_field(_("Action"))
    owner = _line_field(
        _("Owner"), help_text=_("Who does it: a person, an office or an institution.")
    )
    deadline = _date_field(_("Deadline (optional)"), required=False)
    recommendation = forms.ModelChoiceField(
        label=_("On the recommendation"),
        queryset=Recommendation.objects.none(),
        required=False,
        empty_label=_("None in particular"),
    )

    def __init__(self, *args, recommendations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if recommendations is None:
            del self.fields["recommendation"]
        else:
            self.fields["recommendation"].queryset = recommendations
            self.fields["recommendation"].label_from_instance = lambda r: Truncator(
                r.text
            ).chars(80)


class ActionItemUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)
    text = _text_field(_("What happened"), rows=2)


class SecurityReportForm(forms.Form):
    text = _text_field(
        _("The station commander's security report"), limit=REPORT_LIMIT, rows=10
    )


class WorkPlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"))


class WorkPlanAdoptForm(forms.Form):
    assembly_reference = _line_field(
        _("The assembly's decision"),
        limit=REFERENCE_LIMIT,
        help_text=_("Its reference, e.g. 01-016/24."),
    )
    adopted_on = _date_field(_("Adopted on"))
