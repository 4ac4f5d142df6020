"""The seed list of concern categories (run by load_demo; editable in the admin)."""

from django.db import transaction

from .models import Category

# code, kind, sensitive, acknowledge (hours), resolve (days), names sq/sr-latn/en
SEED = [
    ("traffic-safety", "police", False, 24, 14,
     "Siguria në trafik dhe shpejtësia", "Bezbednost saobraćaja i brzina",
     "Traffic safety and speeding"),
    ("public-order-noise", "police", False, 12, 7,
     "Rendi publik dhe zhurma", "Javni red i buka", "Public order and noise"),
    ("drugs", "police", False, 24, 30, "Droga", "Droga", "Drugs"),
    ("suspicious-activity", "police", False, 12, 14,
     "Aktivitet i dyshimtë", "Sumnjive aktivnosti", "Suspicious activity"),
    ("theft-burglary", "police", False, 12, 30,
     "Vjedhje dhe vjedhje me thyerje", "Krađa i provala", "Theft and burglary"),
    ("vandalism", "police", False, 24, 30, "Vandalizëm", "Vandalizam", "Vandalism"),
    ("school-safety", "police", False, 24, 14,
     "Siguria në shkolla", "Bezbednost u školama", "School safety"),
    ("youth-at-risk", "police", True, 24, 30,
     "Të rinj në rrezik", "Mladi u riziku", "Youth at risk"),
    ("domestic-violence", "police", True, 2, 7,
     "Dhuna në familje", "Nasilje u porodici", "Domestic violence"),
    ("illegal-weapons", "police", False, 12, 30,
     "Armë të paligjshme", "Nelegalno oružje", "Illegal weapons"),
    ("stray-animals", "referral", False, 48, 30,
     "Kafshë endacake", "Napuštene životinje", "Stray animals"),
    ("street-lighting", "referral", False, 48, 30,
     "Ndriçimi publik", "Javna rasveta", "Street lighting"),
    ("other", "police", False, 48, 30, "Tjetër", "Ostalo", "Other"),
]  # fmt: skip


@transaction.atomic
def categories_seed() -> int:
    """Create the seed categories that are missing; keep edited ones."""
    from bashkesia.core.text import latin_to_cyrillic

    for order, (code, kind, sensitive, ack, resolve, sq, sr, en) in enumerate(SEED):
        if Category.objects.filter(code=code).exists():
            continue
        category = Category(
            code=code,
            kind=kind,
            is_sensitive=sensitive,
            acknowledge_within_hours=ack,
            resolve_within_days=resolve,
            name_sq=sq,
            name_sr_latn=sr,
            name_sr=latin_to_cyrillic(sr),
            name_en=en,
            order=order,
        )
        category.full_clean()
        category.save()
    return len(SEED)
