"""ListedChoiceField: choices read once, validated without a query."""

from types import SimpleNamespace

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bashkesia.core.fields import ListedChoiceField

RED = SimpleNamespace(code="red", name="Red")
BLUE = SimpleNamespace(code="blue", name="Blue <dark>")


class ColourForm(forms.Form):
    colour = ListedChoiceField(required=False, empty_label="Any colour")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["colour"].set_objects([RED, BLUE], label=lambda item: item.name)


def test_it_cleans_to_the_chosen_object():
    form = ColourForm({"colour": "blue"})
    assert form.is_valid()
    assert form.cleaned_data["colour"] is BLUE


def test_an_empty_choice_is_none():
    form = ColourForm({"colour": ""})
    assert form.is_valid()
    assert form.cleaned_data["colour"] is None


def test_an_unknown_choice_is_refused_in_model_choice_field_words():
    form = ColourForm({"colour": "green"})
    assert not form.is_valid()
    assert form.errors["colour"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


def test_a_required_field_refuses_emptiness():
    field = ListedChoiceField(empty_label="-")
    field.set_objects([RED], label=lambda item: item.name)
    with pytest.raises(forms.ValidationError) as raised:
        field.clean("")
    assert raised.value.code == "required"


def test_it_renders_its_objects_escaped_with_the_chosen_one_selected():
    html = str(ColourForm({"colour": "blue"})["colour"])
    assert '<option value="">Any colour</option>' in html
    assert '<option value="red">Red</option>' in html
    assert '<option value="blue" selected>Blue &lt;dark&gt;</option>' in html


@pytest.mark.django_db
def test_neither_validating_nor_rendering_queries():
    with CaptureQueriesContext(connection) as captured:
        form = ColourForm({"colour": "red"})
        assert form.is_valid()
        str(form["colour"])
    assert captured.captured_queries == []
