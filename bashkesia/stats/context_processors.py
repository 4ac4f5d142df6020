"""The general-statistics widget in every public page's layout."""

import datetime
from dataclasses import dataclass

from django.db import DatabaseError
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import charts
from .models import BULLETIN_FIGURES, Figure
from .widget import bulletin

# The back office has the public layout too, but not the widget.
HIDDEN_IN = {"staff", "admin"}


@dataclass(frozen=True)
class Widget:
    """The published day and its six national figures, written for the
    reader's language: (label, number) pairs in the bulletin's order."""

    day: datetime.date
    figures: list[tuple[str, str]]
    corrected: bool
    is_demo: bool


def _widget() -> Widget | None:
    try:
        day = bulletin.get()
    except DatabaseError:
        # An error page is drawn without the widget rather than not at all.
        return None
    if day is None:
        return None
    return Widget(
        day=day.day,
        figures=[
            (str(Figure(name).label), charts.number(day[name]))
            for name in BULLETIN_FIGURES
        ],
        corrected=day.corrected,
        is_demo=day.is_demo,
    )


def statistics(request: HttpRequest) -> dict:
    """Give the layout ``stats_widget``: the published day's bulletin (None
    when nothing is published), read only if the page shows it, from the
    per-process memo (no query on a warm page view)."""
    match = getattr(request, "resolver_match", None)
    if match is not None and HIDDEN_IN & set(match.namespaces):
        return {}
    return {"stats_widget": SimpleLazyObject(_widget)}
