from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from bashkesia.core.photos import ACCEPTED_CONTENT_TYPES

from . import questions
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


class AnswerListField(forms.Field):
    """The values ticked for a question with several answers, unchecked:
    ``questions.answers_clean`` checks answers, with its own messages."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value) -> list[str]:
        if not value:
            return []
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value]


def answer_field(question: questions.Question) -> forms.Field:
    """Return the form field asking ``question``.

    Every field takes any text: the service checks the answers of the chosen
    category only, with the messages Open311 and the JSON API give too.
    """
    attrs = {"aria-required": "true"} if question.required else {}
    widget: forms.Widget
    if question.is_multiple:
        widget = forms.CheckboxSelectMultiple(choices=question.values)
    elif question.is_list:
        widget = forms.Select(attrs, choices=[("", "–"), *question.values])
    elif question.datatype == "number":
        widget = forms.NumberInput(attrs | {"step": "any"})
    elif question.datatype == "datetime":
        widget = forms.DateTimeInput(attrs | {"type": "datetime-local"})
    elif question.datatype == "text":
        widget = forms.Textarea(attrs | {"rows": 3})
    else:
        widget = forms.TextInput(attrs)
    field = AnswerListField if question.is_multiple else forms.CharField
    return field(
        label=question.label,
        required=False,
        help_text=question.description,
        widget=widget,
    )


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
        categories = category_list_public()
        self.fields["category"].queryset = categories
        # Formatted now, in the language of the request.
        self.fields["photos"].label = gettext("Photos (optional, up to %(count)s)") % {
            "count": MAX_PHOTOS
        }
        self.language = get_language() or settings.LANGUAGE_CODE
        # Every category's questions: without JavaScript all are shown, and
        # only those of the chosen category count.
        self.question_groups = []
        for category in categories:
            asked = questions.question_list(category, language=self.language)
            if not asked:
                continue
            for question in asked:
                self.fields[self.answer_name(category, question.code)] = answer_field(
                    question
                )
            self.question_groups.append((category, asked))

    @staticmethod
    def answer_name(category: Category, code: str) -> str:
        """Return the name of the field answering question ``code``."""
        return f"answer-{category.pk}-{code}"

    def question_fieldsets(self) -> list[dict]:
        """Return, for the template, each category asking questions with its
        ``fields``: ``(bound field, question)`` pairs in the questions' order."""
        return [
            {
                "category": category,
                "fields": [
                    (self[self.answer_name(category, question.code)], question)
                    for question in asked
                ],
            }
            for category, asked in self.question_groups
        ]

    def answers_given(self, category: Category) -> dict[str, list[str]]:
        """Return what was typed for ``category``'s questions, unchecked."""
        given = {}
        for grouped, asked in self.question_groups:
            if grouped.pk != category.pk:
                continue
            for question in asked:
                value = self.cleaned_data.get(self.answer_name(category, question.code))
                if value:
                    given[question.code] = value if isinstance(value, list) else [value]
        return given

    def clean(self) -> dict:
        super().clean()
        cleaned_data = self.cleaned_data
        category = cleaned_data.get("category")
        if category is not None:
            try:
                cleaned_data["answers"] = questions.answers_clean(
                    category, self.answers_given(category), language=self.language
                )
            except ValidationError as error:
                for code, problems in error.message_dict.items():
                    self.add_error(self.answer_name(category, code), problems)
        return cleaned_data


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


class PublicFilterForm(forms.Form):
    """The filters of a sector's public list of concerns."""

    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), ("open", _("Open")), ("closed", _("Closed"))],
        required=False,
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All categories"),
    )

    def __init__(self, *args, **kwargs) -> None:
        from .selectors import category_list_shown_publicly

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_list_shown_publicly()
        self.fields["category"].label_from_instance = lambda category: category.name
