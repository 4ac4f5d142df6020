from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bashkesia.core.photos import ACCEPTED_CONTENT_TYPES

from .models import DESCRIPTION_LIMIT, Category
from .services import MAX_PHOTOS


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, category: Category) -> str:
        return category.name


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget",
            MultiplePhotoInput(
                attrs={"accept": ",".join(sorted(ACCEPTED_CONTENT_TYPES))}
            ),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [
                super(MultiplePhotoField, self).clean(item, initial) for item in data
            ]
        return [super().clean(data, initial)] if data else []


class ConcernForm(forms.Form):
    category = CategoryChoiceField(
        label=_("What is it about?"),
        queryset=Category.objects.none(),
        empty_label=_("Choose a category"),
    )
    description = forms.CharField(
        label=_("What worries you?"),
        max_length=DESCRIPTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Where, when, what you saw. Do not write names of other people."),
    )
    place = forms.CharField(
        label=_("Village, town or neighbourhood"),
        max_length=100,
        required=False,
        help_text=_("Or click the map to put a pin where it is."),
    )
    lat = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=-90, max_value=90
    )
    lon = forms.FloatField(
        required=False, widget=forms.HiddenInput, min_value=-180, max_value=180
    )
    photos = MultiplePhotoField(required=False)
    anonymous = forms.TypedChoiceField(
        label=_("Who you are"),
        choices=[
            ("1", _("Stay anonymous: the police will not know who I am")),
            ("0", _("Give my name and contact")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Name"), max_length=120, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=40, required=False)
    consent_to_contact = forms.BooleanField(
        label=_("The police may contact me about this concern"), required=False
    )
    # A field people never see; robots fill it in.
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={
        "tabindex": "-1", "autocomplete": "off"}))  # fmt: skip

    def __init__(self, *args, **kwargs) -> None:
        from .selectors import category_list_public

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_list_public()
        # Formatted now, in the language of the request.
        self.fields["photos"].label = gettext("Photos (optional, up to %(count)s)") % {
            "count": MAX_PHOTOS
        }


class ReporterMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Add information"),
        max_length=DESCRIPTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReopenForm(forms.Form):
    text = forms.CharField(
        label=_("Why is it not solved?"),
        max_length=DESCRIPTION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)
