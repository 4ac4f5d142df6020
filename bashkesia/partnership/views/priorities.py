"""A sector's priorities in public: what the community asked the police to
tackle, and what the police did ("you said, we did"), current and past.

Linked concerns appear only as a count: never their codes, text or reporters.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bashkesia.territory.selectors import sector_get

from ..selectors import priorities as selectors

PAST_PER_PAGE = 20


@require_GET
def sector_priorities(request: HttpRequest, code: str) -> HttpResponse:
    sector = sector_get(code=code)
    past = Paginator(selectors.priority_list_past(sector=sector), PAST_PER_PAGE)
    context = {
        "sector": sector,
        "current": selectors.priority_list_current(sector=sector),
        "page_obj": past.get_page(request.GET.get("page")),
    }
    return render(request, "partnership/priorities/list.html", context)
