"""Forms of the forums' public pages: filters, citizens' request for a KLSP,
following a request by its code."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bashkesia.core.widgets import FastSelect
from bashkesia.territory.models import Municipality, Settlement

from .models import TEXT_LIMIT, ForumKind
from .selectors.forums import (
    municipality_list_for_forms,
    settlement_list_in_municipality,
)


class MunicipalityField(forms.ModelChoiceField):
    """A municipality chosen by its code, named in the page's language."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("widget", FastSelect)
        super().__init__(
            queryset=Municipality.objects.none(), to_field_name="code", **kwargs
        )

    def label_from_instance(self, municipality: Municipality) -> str:
        return municipality.name


def kind_choices(empty_label) -> list:
    return [("", empty_label), *ForumKind.choices]


class ForumFilterForm(forms.Form):
    """The filters of the public list of forums."""

    municipality = MunicipalityField(
        label=_("Municipality"), required=False, empty_label=_("All municipalities")
    )
    kind = forms.ChoiceField(
        label=_("Kind of forum"),
        choices=kind_choices(_("All kinds")),
        required=False,
    )
    dissolved = forms.BooleanField(
        label=_("Also show dissolved forums"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_list_for_forms()


class RepresentationFilterForm(forms.Form):
    municipality = MunicipalityField(
        label=_("Municipality"), required=False, empty_label=_("All municipalities")
    )
    kind = forms.ChoiceField(
        label=_("Kind of forum"),
        choices=kind_choices(_("All kinds")),
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_list_for_forms()


class SettlementChoiceField(forms.ModelMultipleChoiceField):
    """Villages and neighbourhoods, ticked. Any settlement is accepted here
    (the service says when one lies outside the municipality); only the
    chosen municipality's are offered."""

    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, settlement: Settlement) -> str:
        if settlement.sector_id is None:
            return settlement.name
        return f"{settlement.name} ({settlement.sector.code})"


def settlement_choices(municipality: Municipality | None) -> list[tuple[int, str]]:
    if municipality is None:
        return []
    field = SettlementChoiceField(queryset=Settlement.objects.none())
    return [
        (settlement.pk, field.label_from_instance(settlement))
        for settlement in settlement_list_in_municipality(municipality=municipality)
    ]


def _required_text(label, *, max_length: int, rows: int = 0, **kwargs):
    """Return a text field whose emptiness the service judges (and words)."""
    attrs = {"aria-required": "true"}
    widget = (
        forms.Textarea(attrs=attrs | {"rows": rows})
        if rows
        else forms.TextInput(attrs=attrs)
    )
    return forms.CharField(
        label=label, max_length=max_length, required=False, widget=widget, **kwargs
    )


class KlspRequestForm(forms.Form):
    """Citizens' written request for a local public safety committee."""

    name = _required_text(
        _("Name of the committee"),
        max_length=200,
        help_text=_("For example the name of your village or neighbourhood."),
    )
    municipality = MunicipalityField(
        label=_("Municipality"), empty_label=_("Choose the municipality")
    )
    settlements = SettlementChoiceField(
        label=_("Villages and neighbourhoods the committee is for"),
        queryset=Settlement.objects.none(),
        required=False,
    )
    requesters = _required_text(
        _("Citizens who ask"),
        max_length=TEXT_LIMIT,
        rows=4,
        help_text=_("Their names, one a line: at least two."),
    )
    reasons = _required_text(
        _("Why your area needs a committee"),
        max_length=TEXT_LIMIT,
        rows=6,
        help_text=_(
            "The safety problems you see and what you would like to work on "
            "with the police. Do not write names of other people."
        ),
    )
    contact_name = _required_text(_("Contact person"), max_length=120)
    contact_email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("We write to it at every step of your request."),
    )
    contact_phone = forms.CharField(
        label=_("Telephone (optional)"), max_length=40, required=False
    )
    # A field people never see; robots fill it in.
    website = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_list_for_forms()
        # Choosing the municipality lists its villages (without JavaScript,
        # the page's "show its villages" button does).
        self.fields["municipality"].widget.attrs.update(
            {
                "hx-get": reverse("partnership:request-settlements"),
                "hx-trigger": "change",
                "hx-target": "#settlement-choices",
                "hx-swap": "outerHTML",
            }
        )
        self.fields["settlements"].queryset = Settlement.objects.select_related(
            "sector"
        ).defer("sector__boundary")
        self.municipality = self._chosen_municipality()
        self.fields["settlements"].widget.choices = settlement_choices(
            self.municipality
        )

    def _chosen_municipality(self) -> Municipality | None:
        field = self.fields["municipality"]
        value = (
            self.data.get(self.add_prefix("municipality")) if self.is_bound else None
        )
        value = value or self.initial.get("municipality")
        if isinstance(value, Municipality):
            return value
        if not value:
            return None
        return field.queryset.filter(code=str(value).upper()).first()


class RequestLookupForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)
