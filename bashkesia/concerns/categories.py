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


# Extra questions of some categories, by category code: (code, datatype,
# required, label sq/sr-latn/en, values as (key, sq, sr-latn, en)).
YES_NO = [("yes", "Po", "Da", "Yes"), ("no", "Jo", "Ne", "No")]
QUESTIONS = {
    "traffic-safety": [
        ("when", "singlevaluelist", False,
         "Kur ndodh më shpesh?", "Kada se najčešće dešava?",
         "When does it happen most?",
         [("morning", "Në mëngjes", "Ujutru", "In the morning"),
          ("daytime", "Gjatë ditës", "Tokom dana", "During the day"),
          ("evening", "Në mbrëmje", "Uveče", "In the evening"),
          ("night", "Natën", "Noću", "At night")]),
        ("near-school", "singlevaluelist", False,
         "A është afër një shkolle?", "Da li je blizu škole?",
         "Is it near a school?", YES_NO),
    ],
    "theft-burglary": [
        ("happened", "singlevaluelist", False,
         "A ka ndodhur tashmë?", "Da li se to već desilo?",
         "Did it already happen?",
         [("yes", "Po, ka ndodhur", "Da, desilo se", "Yes, it happened"),
          ("attempt", "Dikush u përpoq", "Neko je pokušao", "Someone tried"),
          ("feared", "Jo, por kam frikë se do të ndodhë",
           "Ne, ali se plašim da će se desiti", "No, but I fear it will")]),
        ("when", "datetime", False,
         "Kur ndodhi?", "Kada se desilo?", "When did it happen?", []),
    ],
    "illegal-weapons": [
        ("shots", "singlevaluelist", True,
         "A pati të shtëna?", "Da li je bilo pucnjave?", "Were shots fired?",
         [*YES_NO, ("unknown", "Nuk e di", "Ne znam", "I do not know")]),
        ("seen", "multivaluelist", False,
         "Çfarë patë?", "Šta ste videli?", "What did you see?",
         [("handgun", "Armë dore", "Pištolj", "A handgun"),
          ("long-gun", "Armë të gjata", "Puška", "A rifle or shotgun"),
          ("explosives", "Eksplozivë", "Eksploziv", "Explosives")]),
    ],
    "stray-animals": [
        ("count", "number", True,
         "Sa kafshë janë?", "Koliko ima životinja?", "How many animals?", []),
        ("aggressive", "singlevaluelist", False,
         "A janë agresive?", "Da li su agresivne?", "Are they aggressive?",
         YES_NO),
    ],
}  # fmt: skip


def _texts(sq: str, sr_latn: str, en: str) -> dict[str, str]:
    from bashkesia.core.text import latin_to_cyrillic

    return {"sq": sq, "sr-latn": sr_latn, "sr": latin_to_cyrillic(sr_latn), "en": en}


def seed_questions(code: str) -> list[dict]:
    """Return the seed questions of the category ``code`` as stored."""
    questions = []
    for key, datatype, required, sq, sr, en, values in QUESTIONS.get(code, []):
        question = {
            "code": key,
            "datatype": datatype,
            "required": required,
            "label": _texts(sq, sr, en),
        }
        if values:
            question["values"] = [
                {"key": value, "name": _texts(*names)} for value, *names in values
            ]
        questions.append(question)
    return questions


@transaction.atomic
def categories_seed() -> int:
    """Create the seed categories that are missing; keep edited ones, only
    giving the seed questions to those that ask none."""
    from bashkesia.core.text import latin_to_cyrillic

    for order, (code, kind, sensitive, ack, resolve, sq, sr, en) in enumerate(SEED):
        existing = Category.objects.filter(code=code).first()
        if existing is not None:
            if not existing.questions and QUESTIONS.get(code):
                existing.questions = seed_questions(code)
                existing.full_clean()
                existing.save(update_fields=["questions", "updated_at"])
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
            questions=seed_questions(code),
            order=order,
        )
        category.full_clean()
        category.save()
    return len(SEED)
