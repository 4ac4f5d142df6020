"""Form widgets that render without the template engine where it is slow."""

import html

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString


class FastSelect(forms.Select):
    """A ``<select>`` written in Python, the same HTML as Django's.

    Django renders every option through a template, and builds a dictionary
    per option first: with a few dozen options that is most of a filter
    form's time (measured on the inbox, bench/inbox.py). This walks the
    choices once and writes each option as a string.
    """

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attributes = {"name": name, **self.build_attrs(self.attrs, attrs)}
        if self.allow_multiple_selected:
            attributes["multiple"] = True
        wanted = {str(v) for v in self.format_value(value)}
        state = {"selected": False}
        parts = []
        for option_value, option_label in self.choices:
            if isinstance(option_label, list | tuple):
                options = "".join(
                    self._option(value, label, wanted, state)
                    for value, label in option_label
                )
                parts.append(
                    f'<optgroup label="{_escape(option_value)}">{options}</optgroup>'
                )
            else:
                parts.append(self._option(option_value, option_label, wanted, state))
        return SafeString(f"<select{_attributes(attributes)}>{''.join(parts)}</select>")

    def _option(self, value, label, wanted: set[str], state: dict) -> str:
        text = "" if value is None else str(value)
        # Like Django: only the first match is selected in a single select.
        selected = text in wanted and (
            self.allow_multiple_selected or not state["selected"]
        )
        if selected:
            state["selected"] = True
        mark = " selected" if selected else ""
        return f'<option value="{_escape(text)}"{mark}>{_escape(label)}</option>'


def _escape(text) -> str:
    """``conditional_escape`` without its wrapping: safe strings stay as they
    are, the rest is escaped."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


def _attributes(attributes: dict) -> SafeString:
    """Attributes in their order, as Django's ``attrs.html`` writes them."""
    return SafeString(
        "".join(
            format_html(" {}", name)
            if value is True
            else format_html(' {}="{}"', name, value)
            for name, value in attributes.items()
            if value is not False and value is not None
        )
    )
