"""Back-office forms: filters, users and roles, sector change proposals."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from bashkesia.accounts.models import Role
from bashkesia.territory.models import Region, Station

from .models import SectorChangeProposal


class OfficerFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or badge number"), max_length=100, required=False)
    station = forms.ModelChoiceField(
        label=_("Police station"),
        queryset=Station.objects.none(),
        required=False,
        empty_label=_("All stations"),
    )

    def __init__(self, *args, stations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations


class SectorFilterForm(forms.Form):
    q = forms.CharField(label=_("Code or name"), max_length=100, required=False)


class AuditFilterForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Kind of record"),
        queryset=ContentType.objects.none(),
        required=False,
        empty_label=_("All kinds"),
    )
    user = forms.CharField(label=_("Username"), max_length=150, required=False)

    def __init__(self, *args, kinds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = kinds
        self.fields["kind"].label_from_instance = lambda kind: kind.name


class UserSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name, username or e-mail"), max_length=100, required=False
    )


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip()


# Forum secretaries are appointed with their forums, never here.
GRANTABLE_ROLES = [
    (value, label) for value, label in Role.choices if value != Role.FORUM_SECRETARY
]


class RoleGrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=GRANTABLE_ROLES)
    station = forms.ModelChoiceField(
        label=_("Police station"),
        queryset=Station.objects.order_by("code"),
        required=False,
        help_text=_("For a station commander, or a statistics clerk of a station."),
    )
    region = forms.ModelChoiceField(
        label=_("Regional directorate"),
        queryset=Region.objects.order_by("code"),
        required=False,
        help_text=_("For a regional coordinator, or a statistics clerk of a region."),
    )

    def __init__(self, *args, roles: list[str], **kwargs) -> None:
        """Offer ``roles`` alone (``permissions.roles_grantable_by``)."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            (value, label) for value, label in GRANTABLE_ROLES if value in roles
        ]


class SectorChangeProposalForm(forms.Form):
    text = forms.CharField(
        label=_("What should change, and why"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_text(self) -> str:
        return self.cleaned_data["text"].strip()


class ProposalFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *SectorChangeProposal.Status.choices],
        required=False,
    )


class SectorChangeDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(
        label=_("Answer to the commander"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required to decline. On accepting, say what happens next: the "
            "directorate changes the sector's boundary or name in the admin."
        ),
    )
