"""Form fields for choices read once, as a list."""

from collections.abc import Callable, Iterable
from typing import Any

from django import forms

from .widgets import FastSelect


class ListedChoiceField(forms.ChoiceField):
    """Choose one of a list of objects by a key (a code); cleans to the object.

    A ``ModelChoiceField`` reads its queryset when it renders (through a
    server-side cursor on PostgreSQL: three round trips) and once more to
    validate a value. This field is given the objects read already
    (``set_objects``), renders them and validates against them: no query of
    its own. Its error is ``ModelChoiceField``'s, in the same words.
    """

    default_error_messages = forms.ModelChoiceField.default_error_messages
    widget = FastSelect

    def __init__(self, *, key: str = "code", empty_label="", **kwargs) -> None:
        super().__init__(choices=[("", empty_label)], **kwargs)
        self.key = key
        self.empty_label = empty_label
        self.objects: dict[str, Any] = {}

    def set_objects(self, objects: Iterable, label: Callable[[Any], str]) -> None:
        """Offer ``objects``, each shown as ``label(object)``."""
        self.objects = {str(getattr(item, self.key)): item for item in objects}
        self.choices = [
            ("", self.empty_label),
            *((key, label(item)) for key, item in self.objects.items()),
        ]

    def validate(self, value) -> None:
        if value in self.empty_values:
            super().validate(value)  # "required" when it is
        elif value not in self.objects:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )

    def clean(self, value):
        """Return the chosen object, or None."""
        return self.objects.get(super().clean(value))
