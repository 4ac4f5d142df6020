"""The yearly review of a published strategy: a printable page, and the same
as PDF and XLSX. A year outside the strategy's period is not found (404)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bashkesia.core import clock

from . import exports, selectors
from .review import YearReview, review_years, year_review


def _review(slug: str, year: int) -> YearReview:
    strategy = selectors.strategy_get_published(slug=slug)
    return year_review(strategy=strategy, year=year, today=clock.today())


def review(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    found = _review(slug, year)
    return render(
        request,
        "strategy/review.html",
        {
            "review": found,
            "strategy": found.strategy,
            "years": review_years(found.strategy),
            "as_of_text": exports.as_of_text(found),
        },
    )


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def review_pdf(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    found = _review(slug, year)
    return _attachment(
        exports.review_pdf(found),
        "application/pdf",
        exports.review_filename(found, "pdf"),
    )


def review_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    found = _review(slug, year)
    return _attachment(
        exports.review_xlsx(found),
        exports.XLSX_TYPE,
        exports.review_filename(found, "xlsx"),
    )
