"""Demo campaigns: eight awareness campaigns of the kinds the police runs
with its partners, over the last two years and the months ahead, with their
partners, regions, the demo calendar's campaign events, reach figures and
materials (a small PDF leaflet made with fpdf2 and a PNG poster made with
Pillow: nothing binary is kept in the repository).

``demo_campaigns_load()`` is idempotent: campaigns are updated in place by
their short address; materials and reach figures are written once. Dates are
relative to today, so that some campaigns run, some ended, one is upcoming.
"""

import datetime
import io
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from fpdf import FPDF
from PIL import Image, ImageDraw

from bashkesia.campaigns.models import Campaign, Channel, Material, Measure, ReachEntry
from bashkesia.campaigns.models import TargetGroup as T
from bashkesia.core import clock
from bashkesia.core.text import latin_to_cyrillic
from bashkesia.partners.models import Partner
from bashkesia.partnership.models import Event
from bashkesia.territory.models import Region

C = Channel


@dataclass
class Spec:
    slug: str
    titles: tuple[str, str, str]
    texts: tuple[str, str, str]
    days: tuple[int, int]  # start and end, in days from today
    groups: list[str]
    channels: list[str]
    regions: list[str]
    partners: list[str]
    published: bool = True
    events_titled: str = ""  # the demo calendar's campaign events (Albanian)
    colour: tuple[int, int, int] = (0, 70, 140)


SPECS = [
    Spec(
        "drive-safely",
        ("Ngas me kujdes", "Vozi pažljivo", "Drive safely"),
        ("Fushatë kombëtare për shpejtësinë, rripin e sigurimit dhe telefonin "
         "gjatë vozitjes: kontrolle në rrugë, biseda me shoferët dhe "
         "fletëpalosje.",
         "Nacionalna kampanja o brzini, pojasu i telefonu u vožnji: kontrole "
         "na putu, razgovori s vozačima i leci.",
         "A national campaign on speed, seat belts and phones at the wheel: "
         "roadside checks, talks with drivers and leaflets."),
        (-280, 90), [T.DRIVERS, T.GENERAL_PUBLIC],
        [C.TV, C.RADIO, C.SOCIAL_MEDIA, C.LEAFLETS, C.BILLBOARDS], [],
        ["mpb", "komuna-prishtine"], events_titled="Java e sigurisë në trafik",
    ),
    Spec(
        "safe-schools",
        ("Shkolla të sigurta", "Bezbedne škole", "Safe schools"),
        ("Policët e sektorëve vizitojnë shkollat: bullizmi, rruga për në "
         "shkollë dhe kujt t'i drejtohen nxënësit.",
         "Sektorski policajci posećuju škole: vršnjačko nasilje, put do škole "
         "i kome se učenici mogu obratiti.",
         "Sector officers visit schools: bullying, the way to school and whom "
         "pupils can turn to."),
        (-450, -190), [T.CHILDREN_YOUTH, T.PARENTS, T.STUDENTS],
        [C.SCHOOLS, C.LEAFLETS, C.COMMUNITY_MEETINGS], ["PR", "PZ"],
        ["komuna-prishtine", "komuna-prizren", "osce"],
        colour=(20, 110, 60),
    ),
    Spec(
        "lay-down-the-weapons",
        ("Ulni armët", "Spustite oružje", "Lay down the weapons"),
        ("Fushatë për dorëzimin vullnetar të armëve të paligjshme në stacionet "
         "policore, pa pasoja për ata që i dorëzojnë brenda afatit.",
         "Kampanja za dobrovoljnu predaju nelegalnog oružja u policijskim "
         "stanicama, bez posledica za one koji ga predaju u roku.",
         "A campaign for handing in illegal weapons at police stations "
         "voluntarily, without consequences within the deadline."),
        (-700, -520), [T.GENERAL_PUBLIC],
        [C.TV, C.RADIO, C.PRESS, C.COMMUNITY_MEETINGS], [],
        ["undp", "mpb"], colour=(120, 60, 20),
    ),
    Spec(
        "break-the-silence",
        ("Thyej heshtjen", "Prekini tišinu", "Break the silence"),
        ("Ndërgjegjësim kundër dhunës në familje: ku kërkohet ndihmë, si "
         "raportohet dhuna dhe si mbrohen viktimat.",
         "Podizanje svesti o nasilju u porodici: gde potražiti pomoć, kako "
         "prijaviti nasilje i kako se štite žrtve.",
         "Awareness of domestic violence: where to find help, how to report "
         "violence and how victims are protected."),
        (-60, 85), [T.WOMEN, T.GENERAL_PUBLIC],
        [C.SOCIAL_MEDIA, C.COMMUNITY_MEETINGS, C.LEAFLETS], [],
        ["kwn", "osce"], events_titled="16 ditë aktivizëm kundër dhunës ndaj grave",
        colour=(110, 30, 110),
    ),
    Spec(
        "safe-online",
        ("Të sigurt në internet", "Bezbedni na internetu", "Safe online"),
        ("Fëmijët dhe prindërit mësojnë si mbrohen nga ngacmimi dhe "
         "mashtrimet në internet dhe si i raportojnë.",
         "Deca i roditelji uče kako da se zaštite od uznemiravanja i prevara "
         "na internetu i kako da ih prijave.",
         "Children and parents learn how to protect themselves from "
         "harassment and scams online, and how to report them."),
        (-400, -250), [T.CHILDREN_YOUTH, T.PARENTS],
        [C.SCHOOLS, C.SOCIAL_MEDIA, C.WEBSITE], ["PR", "PZ", "PE"],
        ["save-the-children"], colour=(0, 110, 130),
    ),
    Spec(
        "say-no-to-drugs",
        ("Thuaj jo drogës", "Reci ne drogama", "Say no to drugs"),
        ("Parandalimi i përdorimit të drogave te të rinjtë, me shkollat dhe "
         "prindërit.",
         "Prevencija upotrebe droga kod mladih, sa školama i roditeljima.",
         "Preventing drug use among young people, with schools and parents."),
        (30, 200), [T.CHILDREN_YOUTH, T.PARENTS],
        [C.SCHOOLS, C.SOCIAL_MEDIA], ["GJ", "PE"], ["kcss"], published=False,
    ),
    Spec(
        "warm-and-safe",
        ("Ngrohje e sigurt", "Bezbedno grejanje", "Warm and safe"),
        ("Këshilla për dimër: sobat, oxhaqet dhe monoksidi i karbonit; "
         "vizita te të moshuarit që jetojnë vetëm.",
         "Saveti za zimu: peći, dimnjaci i ugljen-monoksid; posete starijima "
         "koji žive sami.",
         "Winter advice: stoves, chimneys and carbon monoxide; visits to "
         "elderly people who live alone."),
        (-20, 100), [T.ELDERLY, T.COMMUNITIES, T.GENERAL_PUBLIC],
        [C.RADIO, C.COMMUNITY_MEETINGS, C.LEAFLETS], ["MV"],
        ["komuna-mitrovice-veri"], colour=(160, 60, 0),
    ),
    Spec(
        "celebrate-without-gunfire",
        ("Festa pa të shtëna", "Praznici bez pucnjave",
         "Celebrate without gunfire"),
        ("Para festave të fundvitit: armët dhe fishekzjarret e paligjshme nuk "
         "janë për festim. Dorëzojini vullnetarisht në stacion.",
         "Pred novogodišnje praznike: oružje i nelegalna pirotehnika nisu za "
         "slavlje. Predajte ih dobrovoljno u stanici.",
         "Before the New Year holidays: weapons and illegal fireworks are not "
         "for celebrating. Hand them in at a station voluntarily."),
        (-5, 35), [T.GENERAL_PUBLIC, T.CHILDREN_YOUTH, T.BUSINESSES],
        [C.TV, C.SOCIAL_MEDIA, C.LEAFLETS], [], ["mpb", "undp"],
        events_titled="Festa pa të shtëna", colour=(150, 20, 30),
    ),
]  # fmt: skip

# Reach figures per campaign: (days after the start, channel, measure, number)
REACH = [
    (10, C.LEAFLETS, Measure.LEAFLETS_DISTRIBUTED, 4200),
    (20, C.COMMUNITY_MEETINGS, Measure.MEETINGS_HELD, 14),
    (25, C.COMMUNITY_MEETINGS, Measure.PEOPLE_REACHED, 860),
    (30, C.SOCIAL_MEDIA, Measure.POSTS_VIEWS, 52000),
    (40, C.SCHOOLS, Measure.SCHOOLS_VISITED, 23),
    (45, C.SCHOOLS, Measure.PEOPLE_REACHED, 2900),
]


def _leaflet_pdf(title: str, text: str) -> bytes:
    # Helvetica, built into every PDF reader, holds the Albanian letters (ë,
    # ç); embedding Noto Sans would cost a second a leaflet.
    pdf = FPDF(format=(148, 210))  # A5
    pdf.add_page()
    pdf.set_font("helvetica", "", 20)
    pdf.multi_cell(0, 10, title)
    pdf.ln(4)
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, text)
    pdf.ln(6)
    pdf.set_font("helvetica", "", 9)
    pdf.multi_cell(0, 5, "Policia e Kosovës - Policija Kosova - Kosovo Police")
    return bytes(pdf.output())


def _poster_png(colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (600, 850), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 560, 810), outline=(255, 255, 255), width=8)
    draw.ellipse((200, 250, 400, 450), fill=(255, 255, 255))
    draw.rectangle((120, 600, 480, 640), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _material(campaign: Campaign, title: str, data: bytes, ext: str) -> Material:
    kind, content_type = (
        ("pdf", "application/pdf") if ext == "pdf" else ("image", "image/png")
    )
    material = Material(
        campaign=campaign,
        title=title,
        kind=kind,
        content_type=content_type,
        size=len(data),
    )
    material.file.save(f"{secrets.token_hex(16)}.{ext}", ContentFile(data), save=False)
    material.save()
    return material


def _events(spec: Spec, starts: datetime.date, ends: datetime.date) -> list[Event]:
    if not spec.events_titled:
        return []
    return [
        event
        for event in Event.objects.filter(
            is_demo=True, title__in=[spec.events_titled, _sr_title(spec)]
        )
        if starts <= event.starts_at.date() <= ends
    ]


def _sr_title(spec: Spec) -> str:
    # The demo calendar writes the Serbian title where Serbs are the majority.
    from bashkesia.demo.partnership import texts

    for (sq, sr), _text in texts.CAMPAIGNS:
        if sq == spec.events_titled:
            return sr
    return spec.events_titled


@transaction.atomic
def demo_campaigns_load() -> int:
    """Write the demo campaigns (in place); return how many there are."""
    today = clock.today()
    partners = {p.slug: p for p in Partner.objects.all()}
    regions = {r.code: r for r in Region.objects.all()}
    for spec in SPECS:
        starts = today + datetime.timedelta(days=spec.days[0])
        ends = today + datetime.timedelta(days=spec.days[1])
        (sq, sr_latn, en), (d_sq, d_sr_latn, d_en) = spec.titles, spec.texts
        campaign, created = Campaign.objects.update_or_create(
            slug=spec.slug,
            defaults={
                "title_sq": sq,
                "title_sr_latn": sr_latn,
                "title_sr": latin_to_cyrillic(sr_latn),
                "title_en": en,
                "description_sq": d_sq,
                "description_sr_latn": d_sr_latn,
                "description_sr": latin_to_cyrillic(d_sr_latn),
                "description_en": d_en,
                "target_groups": [str(g) for g in spec.groups],
                "channels": [str(c) for c in spec.channels],
                "starts_on": starts,
                "ends_on": ends,
                "is_published": spec.published,
                "published_at": clock.now() if spec.published else None,
                "is_demo": True,
            },
        )
        campaign.regions.set(
            [regions[code] for code in spec.regions if code in regions]
        )
        campaign.partners.set([partners[s] for s in spec.partners if s in partners])
        campaign.events.set(_events(spec, starts, ends))
        if not campaign.materials.exists():
            _material(campaign, f"{sq}: fletëpalosje", _leaflet_pdf(sq, d_sq), "pdf")
            _material(campaign, f"{sq}: poster", _poster_png(spec.colour), "png")
        if not campaign.reach.exists():
            ReachEntry.objects.bulk_create(
                ReachEntry(
                    campaign=campaign,
                    date=starts + datetime.timedelta(days=offset),
                    channel=channel,
                    measure=measure,
                    number=number,
                )
                for offset, channel, measure, number in REACH
                if starts + datetime.timedelta(days=offset) <= min(today, ends)
                and channel in spec.channels
            )
    return len(SPECS)
