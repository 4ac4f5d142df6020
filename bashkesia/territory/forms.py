from django import forms
from django.utils.translation import gettext_lazy as _


class FinderSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Village, town or neighbourhood"),
        min_length=1,
        max_length=100,
        strip=True,
    )


class FinderLocateForm(forms.Form):
    lat = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)

    def clean(self):
        cleaned = super().clean()
        for name in ("lat", "lon"):
            value = cleaned.get(name)
            if value is not None and value != value:  # NaN
                self.add_error(name, _("Enter a number."))
        return cleaned
