"""Forms of the events calendar: the public filters and the back office's
community event."""

from itertools import groupby

from django import forms
from django.utils.translation import gettext_lazy as _

from bashkesia.territory.models import Municipality, Sector
from bashkesia.territory.selectors import municipality_list, sector_list

from .models import TEXT_LIMIT, TITLE_LIMIT, Event, Forum
from .selectors.events import forum_list_active_in, forum_list_for_calendar
from .services.events import COMMUNITY_KINDS

DATETIME_INPUT = "%Y-%m-%dT%H:%M"


def _sector_choices(sectors) -> list:
    """Return sectors grouped by municipality for a select's optgroups."""
    return [
        (municipality, [(s.code, f"{s.code} {s.name}") for s in group])
        for municipality, group in groupby(sectors, key=lambda s: s.municipality.name)
    ]


class EventFilterForm(forms.Form):
    """The public calendar's filters; every one optional."""

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All municipalities"),
        error_messages={"invalid_choice": _("No municipality has this code.")},
    )
    sector = forms.ChoiceField(
        label=_("Police sector"),
        required=False,
        error_messages={"invalid_choice": _("No police sector has this code.")},
    )
    forum = forms.ModelChoiceField(
        label=_("Safety forum"),
        queryset=Forum.objects.none(),
        required=False,
        empty_label=_("All forums"),
        error_messages={
            "invalid_choice": _("No public forum has this number."),
            "invalid_pk_value": _("No public forum has this number."),
        },
    )
    past = forms.BooleanField(label=_("Show past events"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipality_list()
        self.fields["municipality"].label_from_instance = lambda m: m.name
        sectors = sorted(
            sector_list(), key=lambda sector: (sector.municipality.name, sector.code)
        )
        self._sectors = {sector.code: sector for sector in sectors}
        self.fields["sector"].choices = [
            ("", _("All sectors")),
            *_sector_choices(self._sectors.values()),
        ]
        self.fields["forum"].queryset = forum_list_for_calendar()
        self.fields["forum"].label_from_instance = lambda forum: (
            f"{forum.name} ({forum.municipality.name})"
        )

    def clean_sector(self) -> Sector | None:
        code = self.cleaned_data["sector"]
        return self._sectors[code] if code else None


class EventForm(forms.Form):
    """A community event, as the back office publishes or changes it."""

    sector = forms.ModelChoiceField(
        label=_("Police sector"),
        queryset=Sector.objects.none(),
        to_field_name="code",
        empty_label=_("Choose a sector"),
        help_text=_("The event shows on this sector's page and in its calendar."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[(kind.value, kind.label) for kind in COMMUNITY_KINDS],
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_LIMIT)
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What happens there and who it is for. It is public."),
    )
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        input_formats=[DATETIME_INPUT],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=DATETIME_INPUT
        ),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends"),
        required=False,
        input_formats=[DATETIME_INPUT],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=DATETIME_INPUT
        ),
    )
    place = forms.CharField(
        label=_("Place"),
        max_length=TITLE_LIMIT,
        required=False,
        help_text=_("An address or a place people know, e.g. the school's yard."),
    )
    online_link = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("For an event held online (or streamed)."),
    )
    forum = forms.ModelChoiceField(
        label=_("Safety forum"),
        queryset=Forum.objects.none(),
        required=False,
        empty_label=_("No forum"),
        help_text=_("The forum that holds the event with the police, if any."),
    )

    def __init__(self, *args, sectors, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors
        self.fields["sector"].label_from_instance = lambda sector: (
            f"{sector.code} {sector.name}"
        )
        self.fields["forum"].queryset = forum_list_active_in(
            municipality_ids=sectors.values("municipality_id")
        )
        self.fields["forum"].label_from_instance = lambda forum: (
            f"{forum.name} ({forum.municipality.name})"
        )

    @classmethod
    def initial_from(cls, event: Event) -> dict:
        return {
            "sector": event.sector.code if event.sector else None,
            "kind": event.kind,
            "title": event.title,
            "description": event.description,
            "starts_at": event.starts_at,
            "ends_at": event.ends_at,
            "place": event.place,
            "online_link": event.online_link,
            "forum": event.forum_id,
        }
