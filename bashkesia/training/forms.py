"""The public's forms: a certificate's code to verify."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .codes import code_normalise


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("As printed on the certificate, such as KSC-7F3K-9Q2M."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _(
                    "A verification code has eight letters and digits after "
                    "KSC, such as KSC-7F3K-9Q2M."
                )
            )
        return code
