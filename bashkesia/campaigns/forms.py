"""Forms of campaigns: the public filters and the back office's campaign,
material and reach figure."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bashkesia.partners.models import Partner
from bashkesia.partners.selectors import partner_choices
from bashkesia.partnership.models import Event
from bashkesia.territory.models import Region

from .files import ACCEPT
from .models import TEXT_LIMIT, TITLE_LIMIT, Campaign, Channel, Measure, TargetGroup
from .selectors import event_choices_for_campaigns

PERIODS = [
    ("", _("Any time")),
    ("current", _("Running now")),
    ("upcoming", _("Upcoming")),
    ("past", _("Ended")),
]


class RegionField(forms.ModelChoiceField):
    def label_from_instance(self, region: Region) -> str:
        return region.name


class CampaignFilterForm(forms.Form):
    """The public list's filters; every one optional."""

    theme = forms.CharField(label=_("Theme"), max_length=100, required=False)
    period = forms.ChoiceField(
        label=_("When"),
        choices=PERIODS,
        required=False,
        error_messages={
            "invalid_choice": _("Choose running now, upcoming or ended campaigns.")
        },
    )
    region = RegionField(
        label=_("Regional directorate"),
        queryset=Region.objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("All of Kosovo"),
        error_messages={"invalid_choice": _("No regional directorate has this code.")},
    )
    target_group = forms.ChoiceField(
        label=_("Target group"),
        choices=[("", _("Everyone")), *TargetGroup.choices],
        required=False,
        error_messages={"invalid_choice": _("No target group is called this.")},
    )


class RegionsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, region: Region) -> str:
        return region.name


class PartnersField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, partner) -> str:
        return partner.name


class EventsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, event: Event) -> str:
        return f"{event.starts_at:%Y-%m-%d} · {event.title} ({event.municipality.name})"


def _text(label, *, limit: int = TEXT_LIMIT, help_text="") -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CampaignForm(forms.Form):
    """A campaign as staff create or change it; the service judges what is
    missing and who may choose which regions."""

    title_sq = forms.CharField(
        label=_("Theme (Albanian)"), max_length=TITLE_LIMIT, required=False
    )
    title_sr_latn = forms.CharField(
        label=_("Theme (Serbian, Latin script)"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=_("The Cyrillic text is written from it."),
    )
    title_en = forms.CharField(
        label=_("Theme (English)"), max_length=TITLE_LIMIT, required=False
    )
    description_sq = _text(_("Description (Albanian)"))
    description_sr_latn = _text(_("Description (Serbian, Latin script)"))
    description_en = _text(_("Description (English)"))
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(
        label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"})
    )
    regions = RegionsField(
        label=_("Regional directorates"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("None: all of Kosovo."),
    )
    partners = PartnersField(
        label=_("Partners"), queryset=Partner.objects.none(), required=False
    )
    events = EventsField(
        label=_("Linked events"),
        queryset=Event.objects.none(),
        required=False,
        help_text=_("Community events of the campaign, from the public calendar."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    slug = forms.SlugField(
        label=_("Short address"),
        max_length=80,
        required=False,
        help_text=_(
            "The end of the campaign's page address; empty: made from the theme."
        ),
    )

    def __init__(self, *args, regions, campaign: Campaign | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regions"].queryset = regions.order_by("code")
        partners = Q(pk__in=partner_choices().values("pk"))
        events = Q(pk__in=event_choices_for_campaigns().values("pk"))
        if campaign is not None:
            # What the campaign has already stays choosable.
            partners |= Q(campaigns=campaign)
            events |= Q(campaigns=campaign)
        self.fields["partners"].queryset = (
            Partner.objects.filter(partners).distinct().order_by("kind", "name_sq")
        )
        self.fields["events"].queryset = (
            Event.objects.filter(events)
            .distinct()
            .select_related("municipality")
            .defer("municipality__boundary")
            .order_by("-starts_at", "pk")
        )

    @classmethod
    def initial_from(cls, campaign: Campaign) -> dict:
        initial = {
            field: getattr(campaign, field)
            for field in cls.base_fields
            if field not in ("regions", "partners", "events")
        }
        initial["regions"] = list(campaign.regions.values_list("pk", flat=True))
        initial["partners"] = list(campaign.partners.values_list("pk", flat=True))
        initial["events"] = list(campaign.events.values_list("pk", flat=True))
        return initial


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT, required=False)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("A PDF document or a PNG, JPEG or WebP image, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )


class ReachForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    measure = forms.ChoiceField(label=_("What was counted"), choices=Measure.choices)
    number = forms.IntegerField(label=_("Number"), min_value=0, max_value=100_000_000)
    note = forms.CharField(label=_("Note"), max_length=TITLE_LIMIT, required=False)
