"""Helpers every back-office view shares."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PER_PAGE = 25


def form_errors_from(
    form: forms.Form, error: ValidationError, fields: dict[str, str] | None = None
) -> None:
    """Put a service's ``ValidationError`` on ``form``.

    ``fields`` renames the service's (model) fields to the form's; errors of
    fields the form does not have go to the form as a whole.
    """
    fields = fields or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        name = fields.get(name, name)
        if name == NON_FIELD_ERRORS or name not in form.fields:
            form.add_error(None, errors)
        else:
            form.add_error(name, errors)


def paginate(request: HttpRequest, items, per_page: int = PER_PAGE) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get("page"))
