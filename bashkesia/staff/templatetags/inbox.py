"""The inbox's rows, written in Python.

The inbox lists a page of concerns on every visit of every officer; through
the template engine its rows were a fifth of the page's time (measured by
``make bench``, part e). Same HTML as a template would write, escaped by
``format_html``.
"""

import datetime
from collections.abc import Iterable

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import Truncator, capfirst
from django.utils.timesince import timesince
from django.utils.translation import gettext as _

from bashkesia.concerns.staff_selectors import InboxRow, Targets

register = template.Library()


@register.simple_tag
def inbox_rows(
    rows: Iterable[InboxRow], inbox_url: str, now: datetime.datetime
) -> SafeString:
    """Return the ``<tr>`` of each row; links are ``inbox_url`` + code."""
    sensitive = format_html(' <span class="badge">{}</span>', _("sensitive"))
    marks = _Marks()
    return format_html_join(
        "\n",
        '<tr data-concern="{}"><td><a href="{}{}/">{}</a><br>'
        '<span class="small muted">{}</span></td><td>{}{}</td><td>{}</td>'
        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                (concern := row.concern).tracking_code,
                inbox_url,
                concern.tracking_code,
                concern.tracking_code,
                Truncator(concern.description).chars(80),
                concern.category.name,
                sensitive if concern.category.is_sensitive else "",
                concern.sector.code,
                capfirst(row.status_label),
                timesince(concern.submitted_at, now),
                marks.render(row.targets),
                concern.assigned_to.display_name if concern.assigned_to else "",
            )
            for row in rows
        ),
    )


class _Marks:
    """The overdue and late marks of a row (texts translated once a page)."""

    def __init__(self) -> None:
        self.acknowledge_overdue = format_html(
            '<strong class="badge" data-overdue="acknowledge">{}</strong>',
            _("Not acknowledged in time"),
        )
        self.acknowledged_late = format_html(
            '<span class="badge" data-late="acknowledge">{}</span>',
            _("Acknowledged late"),
        )
        self.resolve_overdue = format_html(
            '<strong class="badge" data-overdue="resolve">{}</strong>',
            _("Not resolved in time"),
        )
        self.closed_late = format_html(
            '<span class="badge" data-late="resolve">{}</span>', _("Closed late")
        )

    def render(self, targets: Targets) -> SafeString:
        parts = []
        if targets.acknowledge_overdue:
            parts.append(self.acknowledge_overdue)
        elif targets.acknowledged_late:
            parts.append(self.acknowledged_late)
        if targets.resolve_overdue:
            parts.append(self.resolve_overdue)
        elif targets.closed_late:
            parts.append(self.closed_late)
        return SafeString(" ".join(parts))
