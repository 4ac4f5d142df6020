"""Forms of the partners: the public filter and the back office's record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Partner


class PartnerFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Partner.Kind.choices],
        required=False,
        error_messages={"invalid_choice": _("No kind of partner is called this.")},
    )


def _text(label, *, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=4000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PartnerForm(forms.Form):
    """A partner's record; the service judges what is missing."""

    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("Choose a kind")), *Partner.Kind.choices],
        required=False,
    )
    name_sq = forms.CharField(
        label=_("Name (Albanian)"), max_length=200, required=False
    )
    name_sr_latn = forms.CharField(
        label=_("Name (Serbian, Latin script)"),
        max_length=200,
        required=False,
        help_text=_("Empty: the Albanian name. The Cyrillic name is written from it."),
    )
    name_en = forms.CharField(
        label=_("Name (English)"),
        max_length=200,
        required=False,
        help_text=_("Empty: the Albanian name."),
    )
    acronym = forms.CharField(
        label=_("Acronym"),
        max_length=30,
        required=False,
        help_text=_("Such as OSCE or MPB."),
    )
    description_sq = _text(
        _("Who they are and what they do with the police (Albanian)")
    )
    description_sr_latn = _text(
        _("Who they are and what they do with the police (Serbian, Latin script)"),
        help_text=_("The Cyrillic text is written from it."),
    )
    description_en = _text(_("Who they are and what they do with the police (English)"))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    slug = forms.SlugField(
        label=_("Short address"),
        max_length=60,
        required=False,
        help_text=_(
            "The end of the partner's page address; empty: made from the name."
        ),
    )

    @classmethod
    def initial_from(cls, partner: Partner) -> dict:
        return {field: getattr(partner, field) for field in cls.base_fields}


class PartnerChoiceField(forms.ModelMultipleChoiceField):
    """Partners, ticked (a campaign's, a forum's)."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, partner: Partner) -> str:
        return partner.name
