"""Importing a strategy in the back office: the upload page (directorate
staff and the Director General; anyone else 403) listing every problem by
sheet, row and column, and the template workbook to fill in."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from bashkesia.accounts.decorators import staff_view
from bashkesia.strategy import importers, permissions, selectors
from bashkesia.strategy.import_sheets import MAX_BYTES
from bashkesia.strategy.import_template import import_template_xlsx

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_FILES = len(importers.SHEETS)


class _MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class _MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget",
            _MultipleFileInput(attrs={"accept": ".xlsx,.csv", "multiple": True}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        if isinstance(data, list | tuple):
            data = None  # nothing chosen: the field says it is required
        return [single(data, initial)]


class StrategyImportForm(forms.Form):
    files = _MultipleFileField(
        label=gettext_lazy("Workbook or CSV files"),
        help_text=gettext_lazy(
            "One XLSX workbook with the sheets strategy, objectives, "
            "sub_objectives, activities, indicators (and measurements), or CSV "
            "files named after their sheets."
        ),
    )
    strategy = forms.ModelChoiceField(
        label=gettext_lazy("Strategy the files update"),
        help_text=gettext_lazy(
            "Only for files without a sheet “strategy”, such as a single "
            "activities CSV."
        ),
        queryset=selectors.strategy_list_all(),
        to_field_name="slug",
        required=False,
    )

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                _("Upload at most %(count)s files.") % {"count": MAX_FILES}
            )
        for upload in uploads:
            extension = upload.name.lower().rsplit(".", 1)[-1]
            if extension not in ("xlsx", "csv"):
                raise ValidationError(
                    _("Upload an XLSX workbook or CSV files, not “%(file)s”.")
                    % {"file": upload.name}
                )
            if upload.size > MAX_BYTES:
                raise ValidationError(
                    _("“%(file)s” is larger than %(size)s MB.")
                    % {"file": upload.name, "size": MAX_BYTES // (1024 * 1024)}
                )
        return uploads


def _only_editors(request: HttpRequest) -> None:
    if not permissions.edits_strategy(request.user):
        raise PermissionDenied(
            _("Only directorate staff and the Director General import a strategy.")
        )


@staff_view
@require_http_methods(["GET", "POST"])
def strategy_import(request: HttpRequest) -> HttpResponse:
    _only_editors(request)
    posted = request.method == "POST"
    form = StrategyImportForm(
        request.POST if posted else None, request.FILES if posted else None
    )
    context: dict = {"form": form, "problems": []}
    if not posted:
        return render(request, "staff/strategy/import.html", context)
    if not form.is_valid():
        return render(request, "staff/strategy/import.html", context, status=400)
    uploads = form.cleaned_data["files"]
    try:
        result = importers.strategy_import(
            files=[(upload.name, upload.read()) for upload in uploads],
            by=request.user,
            strategy=form.cleaned_data["strategy"],
        )
    except importers.StrategyImportRejected as rejected:
        context["problems"] = rejected.problems
        return render(request, "staff/strategy/import.html", context, status=400)
    counts = result.counts
    messages.success(
        request,
        _(
            "The strategy %(strategy)s was imported: %(created)s new rows, "
            "%(updated)s changed, %(unchanged)s unchanged."
        )
        % {
            "strategy": result.strategy.slug,
            "created": sum(c.created for c in counts.values()),
            "updated": sum(c.updated for c in counts.values()),
            "unchanged": sum(c.unchanged for c in counts.values()),
        },
    )
    return redirect("staff:strategy-detail", slug=result.strategy.slug)


@staff_view
@require_GET
def strategy_import_template(request: HttpRequest) -> HttpResponse:
    _only_editors(request)
    response = HttpResponse(import_template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="strategy-import.xlsx"'
    return response
