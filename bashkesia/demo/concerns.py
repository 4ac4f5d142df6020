"""Made-up concerns and alerts, so that a demo's sector pages are not empty.

``load_demo`` adds them once (their ``idempotency_key`` starts with
``demo-``); the test suite's demo data leaves them out. They are written
directly, not through the services: a demo must not e-mail anybody.
"""

import datetime
import random

from django.db import transaction

from bashkesia.alerts.models import Alert
from bashkesia.concerns.models import (
    CLOSED_STATUSES,
    Category,
    Concern,
    ConcernUpdate,
    Status,
)
from bashkesia.concerns.services import tracking_code_new
from bashkesia.core import clock
from bashkesia.territory.models import Sector
from bashkesia.territory.selectors import sector_id_at_point

from .people import SERBIAN_MUNICIPALITIES

KEY_PREFIX = "demo-"

# category: (Albanian, Serbian) descriptions a resident might write.
TEXTS = {
    "traffic-safety": [
        ("Makinat kalojnë shumë shpejt pranë shkollës në mëngjes.",
         "Automobili voze prebrzo pored škole ujutru."),
        ("Mungon vija e këmbësorëve në kryqëzimin kryesor.",
         "Nema pešačkog prelaza na glavnoj raskrsnici."),
    ],
    "public-order-noise": [
        ("Muzikë e lartë çdo natë pas mesnate te kafeneja në qendër.",
         "Glasna muzika svake noći posle ponoći u kafiću u centru."),
    ],
    "drugs": [
        ("Të rinj mblidhen në parkun pas xhamisë dhe dyshojmë për drogë.",
         "Mladi se okupljaju u parku i sumnjamo na drogu."),
    ],
    "suspicious-activity": [
        ("Një veturë pa targa qëndron orë të tëra para shtëpive.",
         "Automobil bez tablica satima stoji ispred kuća."),
    ],
    "theft-burglary": [
        ("Në lagjen tonë u vodhën tri biçikleta këtë javë.",
         "U našem naselju su ove nedelje ukradena tri bicikla."),
        ("Dikush u përpoq të hapë derën e bodrumit natën.",
         "Neko je noću pokušao da otvori vrata podruma."),
    ],
    "vandalism": [
        ("Ndenjëset në park janë thyer sërish.",
         "Klupe u parku su ponovo polomljene."),
    ],
    "school-safety": [
        ("Para shkollës shiten cigare fëmijëve.",
         "Ispred škole se deci prodaju cigarete."),
    ],
    "illegal-weapons": [
        ("Natën e festës u dëgjuan të shtëna në ajër.",
         "U noći praznika čula se pucnjava u vazduh."),
    ],
    "stray-animals": [
        ("Një tufë qensh endacakë sulmon kalimtarët te tregu.",
         "Čopor pasa lutalica napada prolaznike kod pijace."),
    ],
    "street-lighting": [
        ("Rruga për te stacioni i autobusit është pa ndriçim prej një muaji.",
         "Put do autobuske stanice je mesec dana bez osvetljenja."),
    ],
}  # fmt: skip

# What the police answered, by the status it led to.
REPLIES = {
    Status.ACKNOWLEDGED: (
        "Faleminderit. Zyrtari i sektorit do ta shqyrtojë këtë javë.",
        "Hvala. Službenik sektora će to razmotriti ove nedelje.",
    ),
    Status.IN_PROGRESS: (
        "Patrullat kalojnë më shpesh në këtë vend.",
        "Patrole češće prolaze ovim mestom.",
    ),
    Status.RESOLVED: (
        "U zgjidh: u bë kontroll dhe u morën masa. Na shkruani nëse përsëritet.",
        "Rešeno: izvršena je kontrola i preduzete su mere. Javite ako se ponovi.",
    ),
    Status.REFERRED: (
        "I përcjellë komunës, që është përgjegjëse për këtë.",
        "Prosleđeno opštini, koja je za to nadležna.",
    ),
}
STEPS = {
    Status.SUBMITTED: [],
    Status.ACKNOWLEDGED: [Status.ACKNOWLEDGED],
    Status.IN_PROGRESS: [Status.ACKNOWLEDGED, Status.IN_PROGRESS],
    Status.RESOLVED: [Status.ACKNOWLEDGED, Status.IN_PROGRESS, Status.RESOLVED],
    Status.REFERRED: [Status.ACKNOWLEDGED, Status.REFERRED],
}
STATUS_WEIGHTS = {
    Status.SUBMITTED: 2,
    Status.ACKNOWLEDGED: 2,
    Status.IN_PROGRESS: 3,
    Status.RESOLVED: 5,
}

ALERTS = [
    (Alert.Kind.ALERT, "Vjedhje në shtëpi gjatë ditës",
     "Këtë javë u raportuan vjedhje në shtëpi gjatë orëve të punës. Mbyllni "
     "dyert dhe dritaret dhe lajmëroni në 192 çdo lëvizje të dyshimtë."),
    (Alert.Kind.NOTICE, "Takim me banorët të enjten në ora 18",
     "Zyrtarët e sektorit ju ftojnë në shkollën e lagjes për të folur për "
     "sigurinë në trafik pranë shkollave."),
]  # fmt: skip


def _place(rng: random.Random, sector: Sector) -> tuple[float, float]:
    """A point of the sector near its centre."""
    for _ in range(5):
        lat = sector.centre_latitude + rng.uniform(-0.004, 0.004)
        lon = sector.centre_longitude + rng.uniform(-0.004, 0.004)
        if sector_id_at_point(lat=lat, lon=lon) == sector.pk:
            return lat, lon
    return sector.centre_latitude, sector.centre_longitude


@transaction.atomic
def demo_concerns_load(seed: int = 2026) -> int:
    """Add the demo concerns and alerts unless they are there; return how
    many concerns were added."""
    if Concern.objects.filter(idempotency_key__startswith=KEY_PREFIX).exists():
        return 0
    rng = random.Random(seed)
    categories = {c.code: c for c in Category.objects.filter(code__in=TEXTS)}
    now = clock.now()
    added = 0
    sectors = Sector.objects.filter(is_demo=True).select_related("municipality")
    for sector in sectors.order_by("code"):
        serbian = sector.municipality.code in SERBIAN_MUNICIPALITIES
        for _ in range(rng.choice([0, 1, 2, 2, 3])):
            code = rng.choice(sorted(categories))
            text = rng.choice(TEXTS[code])[1 if serbian else 0]
            status = rng.choices(
                list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values())
            )[0]
            if categories[code].kind == Category.Kind.REFERRAL and status in (
                Status.IN_PROGRESS,
                Status.RESOLVED,
            ):
                status = Status.REFERRED
            submitted = now - datetime.timedelta(
                days=rng.uniform(1, 60), minutes=rng.randint(0, 600)
            )
            latitude, longitude = _place(rng, sector)
            concern = Concern.objects.create(
                tracking_code=tracking_code_new(),
                category=categories[code],
                description=text,
                public_description=text if rng.random() < 0.8 else "",
                latitude=latitude,
                longitude=longitude,
                sector=sector,
                status=status,
                language="sr-latn" if serbian else "sq",
                source=Concern.Source.WEB,
                idempotency_key=f"{KEY_PREFIX}{added}",
                submitted_at=submitted,
                referred_to=(
                    ("Opština" if serbian else "Komuna")
                    if status == Status.REFERRED
                    else ""
                ),
            )
            updates = [
                ConcernUpdate(
                    concern=concern,
                    kind=ConcernUpdate.Kind.STATUS,
                    to_status=Status.SUBMITTED,
                    is_public=True,
                    at=submitted,
                )
            ]
            moment, previous = submitted, Status.SUBMITTED
            for step in STEPS[status]:
                moment += datetime.timedelta(hours=rng.uniform(2, 72))
                updates.append(
                    ConcernUpdate(
                        concern=concern,
                        kind=ConcernUpdate.Kind.STATUS,
                        from_status=previous,
                        to_status=step,
                        text=REPLIES[step][1 if serbian else 0],
                        is_public=True,
                        at=min(moment, now),
                    )
                )
                previous = step
            ConcernUpdate.objects.bulk_create(updates)
            if STEPS[status]:
                concern.acknowledged_at = updates[1].at
            if status in CLOSED_STATUSES:
                concern.closed_at = updates[-1].at
            concern.save(update_fields=["acknowledged_at", "closed_at"])
            added += 1
    for sector in sectors.filter(municipality__code="PRI").order_by("code")[:4]:
        for kind, title, body in ALERTS:
            Alert.objects.create(
                sector=sector,
                kind=kind,
                title=title,
                body=body,
                published_at=now - datetime.timedelta(days=1),
                shown_until=clock.today() + datetime.timedelta(days=14),
            )
    return added
