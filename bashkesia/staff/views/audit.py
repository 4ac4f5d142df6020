"""The audit trail, read-only: who changed what, when, from where."""

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from bashkesia.accounts import permissions
from bashkesia.accounts.decorators import staff_view
from bashkesia.core.models import AuditEntry

from .. import selectors
from ..forms import AuditFilterForm
from .common import paginate

AUDIT_PER_PAGE = 50


def _field_label(entry: AuditEntry, name: str) -> str:
    model = entry.content_type.model_class()
    if model is None:
        return name
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def changes_of(entry: AuditEntry) -> list[tuple[str, object, object]]:
    """Return an entry's changes as (field label, old value, new value)."""
    return [
        (_field_label(entry, name), values[0], values[1])
        for name, values in sorted(entry.changes.items())
        if isinstance(values, list) and len(values) == 2
    ]


@staff_view
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_audit(request.user):
        raise PermissionDenied(_("You cannot read the audit trail."))
    form = AuditFilterForm(request.GET, kinds=selectors.audit_kinds())
    kind, username, status = None, "", 200
    if form.is_valid():
        kind, username = form.cleaned_data["kind"], form.cleaned_data["user"]
    else:
        status = 400
    page_obj = paginate(
        request,
        selectors.audit_entry_list(content_type=kind, username=username),
        per_page=AUDIT_PER_PAGE,
    )
    rows = [(entry, changes_of(entry)) for entry in page_obj]
    return render(
        request,
        "staff/audit_list.html",
        {"form": form, "page_obj": page_obj, "rows": rows},
        status=status,
    )
