from .models import DirectorGeneral


def director_general_current() -> DirectorGeneral | None:
    """Return the Director General in office (the latest without an end)."""
    return DirectorGeneral.objects.filter(left_office__isnull=True).first()
