"""Back-office forms for officers, their public profiles and assignments."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from bashkesia.core import clock, photos

from .models import Officer, Rank, Role, SectorAssignment

phone_validator = RegexValidator(
    r"^[0-9+() .\-/]*$",
    _("Use only digits, spaces and + ( ) - / in a telephone number."),
)


def _today():
    # Looked up on each call, so that tests can move the clock.
    return clock.today()


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfficerCreateForm(forms.Form):
    badge_number = forms.CharField(label=_("Badge number"), max_length=12)
    rank = forms.ChoiceField(label=_("Rank"), choices=Rank.choices)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    first_name_cyrl = forms.CharField(
        label=_("First name (Cyrillic)"), max_length=80, required=False
    )
    last_name_cyrl = forms.CharField(
        label=_("Last name (Cyrillic)"), max_length=80, required=False
    )
    station = forms.ModelChoiceField(
        label=_("Police station"),
        queryset=None,
        error_messages={
            "invalid_choice": _("Choose one of the stations whose officers you manage.")
        },
    )
    public_phone = forms.CharField(
        label=_("Public telephone"),
        max_length=40,
        required=False,
        validators=[phone_validator],
    )
    public_email = forms.EmailField(label=_("Public e-mail"), required=False)

    def __init__(self, *args, stations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].queryset = stations

    def clean_badge_number(self) -> str:
        return self.cleaned_data["badge_number"].strip().upper()


class OfficerProfileForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_(
            "A JPEG, PNG or WebP image of at most 5 MB. It is made smaller and "
            "stripped of its metadata (such as the place it was taken)."
        ),
        widget=forms.FileInput(
            attrs={"accept": ",".join(sorted(photos.ACCEPTED_CONTENT_TYPES))}
        ),
    )
    remove_photo = forms.BooleanField(label=_("Remove the photo"), required=False)
    phone = forms.CharField(
        label=_("Public telephone"),
        max_length=40,
        required=False,
        validators=[phone_validator],
    )
    email = forms.EmailField(label=_("Public e-mail"), required=False)
    bio_sq = forms.CharField(
        label=_("Short bio in Albanian"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bio_sr_latn = forms.CharField(
        label=_("Short bio in Serbian (Latin)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bio_sr = forms.CharField(
        label=_("Short bio in Serbian (Cyrillic)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    bio_en = forms.CharField(
        label=_("Short bio in English"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def initial_for(cls, officer: Officer) -> dict[str, str]:
        return {
            "phone": officer.public_phone,
            "email": officer.public_email,
            "bio_sq": officer.bio_sq,
            "bio_sr_latn": officer.bio_sr_latn,
            "bio_sr": officer.bio_sr,
            "bio_en": officer.bio_en,
        }


class OfficerAccountForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username__iexact=username).first()
        if user is None:
            raise forms.ValidationError(
                _("No user has the username %(username)s."),
                params={"username": username},
                code="unknown_user",
            )
        return user


class BadgeChoiceField(forms.ModelChoiceField):
    """An officer typed as a badge number (any case) from a queryset."""

    def to_python(self, value):
        return super().to_python(value.strip().upper() if value else value)


class AssignmentStartForm(forms.Form):
    officer = BadgeChoiceField(
        label=_("Officer (badge number)"),
        queryset=None,
        to_field_name="badge_number",
        widget=forms.TextInput(attrs={"list": "officer-choices"}),
        error_messages={
            "invalid_choice": _(
                "No officer you may assign has the badge number %(value)s."
            )
        },
    )
    kind = forms.ChoiceField(label=_("As"), choices=SectorAssignment.Kind.choices)
    start_date = forms.DateField(label=_("From"), initial=_today, widget=_date_input())

    def __init__(self, *args, officers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers


class AssignmentEndForm(forms.Form):
    end_date = forms.DateField(label=_("Until"), initial=_today, widget=_date_input())
