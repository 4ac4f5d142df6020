from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bashkesia.territory.selectors import region_list


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"regions": region_list()})
