"""What every page's layout needs: languages, contacts, channels, attribution."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.text import capfirst
from django.utils.translation import get_language_info


def site(request: HttpRequest) -> dict:
    path = request.get_full_path()
    return {
        # Each language named in itself, so that a reader finds their own.
        "language_links": [
            (
                code,
                capfirst(get_language_info(code)["name_local"]),
                translate_url(path, code),
            )
            for code, _name in settings.LANGUAGES
        ],
        "emergency_number": settings.BASHKESIA_EMERGENCY_NUMBER,
        "directorate_phone": settings.BASHKESIA_DIRECTORATE_PHONE,
        "directorate_email": settings.BASHKESIA_DIRECTORATE_EMAIL,
        "social_links": settings.BASHKESIA_SOCIAL_LINKS,
        "map_tiles": settings.BASHKESIA_MAP_TILES,
    }
