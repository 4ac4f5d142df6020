"""Demo partners: organisations the Kosovo Police works with in community
policing, described only by what they are generally known for.

``demo_partners_load()`` is idempotent: it updates the partners in place by
their short address.
"""

from bashkesia.core.text import latin_to_cyrillic
from bashkesia.partners.models import Partner

K = Partner.Kind

# (slug, kind, acronym, (sq, sr-latn, en), website, (sq, sr-latn, en))
PARTNERS = [
    ("osce", K.INTERNATIONAL, "OSBE",
     ("Misioni i OSBE-së në Kosovë", "Misija OEBS-a na Kosovu",
      "OSCE Mission in Kosovo"),
     "https://www.osce.org/mission-in-kosovo",
     ("Organizata për Siguri dhe Bashkëpunim në Evropë mbështet policimin në "
      "bashkësi në Kosovë: themelimin dhe trajnimin e komiteteve lokale për "
      "siguri publike dhe të këshillave komunalë, si dhe rishikimin vjetor të "
      "strategjisë.",
      "Organizacija za evropsku bezbednost i saradnju podržava policiju u "
      "zajednici na Kosovu: osnivanje i obuku lokalnih komiteta za javnu "
      "bezbednost i opštinskih saveta, kao i godišnji pregled strategije.",
      "The Organization for Security and Co-operation in Europe supports "
      "community policing in Kosovo: setting up and training local public "
      "safety committees and municipal councils, and the yearly review of "
      "the strategy.")),
    ("icitap", K.INTERNATIONAL, "ICITAP",
     ("Programi Ndërkombëtar i Ndihmës për Trajnimin në Hetime Kriminale "
      "(ICITAP)",
      "Međunarodni program pomoći u obuci za krivične istrage (ICITAP)",
      "International Criminal Investigative Training Assistance Program"),
     "https://www.justice.gov/criminal/criminal-icitap",
     ("Program i Departamentit të Drejtësisë së SHBA-së që ndihmon zhvillimin "
      "e policisë; ka bashkëprojektuar ekipet vepruese për siguri në bashkësi "
      "(EVSB).",
      "Program Ministarstva pravde SAD koji pomaže razvoj policije; "
      "učestvovao je u osmišljavanju akcionih timova za bezbednost u "
      "zajednici.",
      "A programme of the US Department of Justice that assists police "
      "development; it helped design the community safety action teams "
      "(EVSB).")),
    ("mpb", K.GOVERNMENTAL, "MPB",
     ("Ministria e Punëve të Brendshme", "Ministarstvo unutrašnjih poslova",
      "Ministry of Internal Affairs"),
     "https://mpb.rks-gov.net",
     ("Ministria përgjegjëse për policinë dhe sigurinë publike; bashkë me "
      "Ministrinë e Administrimit të Pushtetit Lokal ka nxjerrë udhëzimin "
      "administrativ për këshillat komunalë për siguri në bashkësi.",
      "Ministarstvo nadležno za policiju i javnu bezbednost; sa "
      "Ministarstvom lokalne samouprave izdalo je administrativno uputstvo o "
      "opštinskim savetima za bezbednost u zajednici.",
      "The ministry responsible for the police and public safety; with the "
      "Ministry of Local Government Administration it issued the "
      "administrative instruction on municipal community safety councils.")),
    ("aksp", K.GOVERNMENTAL, "AKSP",
     ("Akademia e Kosovës për Siguri Publike",
      "Kosovska akademija za javnu bezbednost",
      "Kosovo Academy for Public Safety"),
     "https://aksp.rks-gov.net",
     ("Akademia në Vushtrri trajnon policinë dhe agjencitë e tjera të "
      "sigurisë publike; aty ndodhet Zyra Koordinuese për Siguri në Bashkësi, "
      "që trajnon anëtarët e forumeve.",
      "Akademija u Vučitrnu obučava policiju i druge agencije javne "
      "bezbednosti; u njoj je Koordinaciona kancelarija za bezbednost u "
      "zajednici, koja obučava članove foruma.",
      "The academy in Vushtrri trains the police and the other public safety "
      "agencies; it houses the Community Safety Coordination Office, which "
      "trains forum members.")),
    ("undp", K.INTERNATIONAL, "UNDP",
     ("Programi i Kombeve të Bashkuara për Zhvillim",
      "Program Ujedinjenih nacija za razvoj",
      "United Nations Development Programme"),
     "https://www.undp.org/kosovo",
     ("Programi i OKB-së për zhvillim, i njohur për mbështetjen e sigurisë në "
      "bashkësi dhe të kontrollit të armëve të vogla dhe të lehta.",
      "Razvojni program UN-a, poznat po podršci bezbednosti u zajednici i "
      "kontroli malog i lakog oružja.",
      "The UN's development programme, known for supporting community safety "
      "and the control of small arms and light weapons.")),
    ("komuna-prishtine", K.MUNICIPAL, "",
     ("Komuna e Prishtinës", "Opština Priština", "Municipality of Pristina"),
     "https://prishtinaonline.com",
     ("Kryetari i komunës kryeson Këshillin Komunal për Siguri në Bashkësi; "
      "komuna bashkëpunon me policinë në fushata dhe në sigurinë e shkollave.",
      "Predsednik opštine predsedava Opštinskim savetom za bezbednost u "
      "zajednici; opština sarađuje s policijom u kampanjama i bezbednosti "
      "škola.",
      "The mayor chairs the Municipal Community Safety Council; the "
      "municipality works with the police on campaigns and school safety.")),
    ("komuna-prizren", K.MUNICIPAL, "",
     ("Komuna e Prizrenit", "Opština Prizren", "Municipality of Prizren"),
     "https://kk.rks-gov.net/prizren",
     ("Kryetari i komunës kryeson Këshillin Komunal për Siguri në Bashkësi; "
      "komuna bashkëpunon me policinë në fushata dhe në sigurinë e shkollave.",
      "Predsednik opštine predsedava Opštinskim savetom za bezbednost u "
      "zajednici; opština sarađuje s policijom u kampanjama i bezbednosti "
      "škola.",
      "The mayor chairs the Municipal Community Safety Council; the "
      "municipality works with the police on campaigns and school safety.")),
    ("komuna-mitrovice-veri", K.MUNICIPAL, "",
     ("Komuna e Mitrovicës së Veriut", "Opština Severna Mitrovica",
      "Municipality of North Mitrovica"),
     "https://kk.rks-gov.net/mitroviceveriore",
     ("Komuna bashkëpunon me policinë në Këshillin Komunal për Siguri në "
      "Bashkësi dhe në fushatat për sigurinë e banorëve.",
      "Opština sarađuje s policijom u Opštinskom savetu za bezbednost u "
      "zajednici i u kampanjama za bezbednost građana.",
      "The municipality works with the police in the Municipal Community "
      "Safety Council and on campaigns for residents' safety.")),
    ("kcss", K.NON_GOVERNMENTAL, "QKSS",
     ("Qendra Kosovare për Studime të Sigurisë",
      "Kosovski centar za bezbednosne studije",
      "Kosovar Centre for Security Studies"),
     "https://qkss.org",
     ("Organizatë kërkimore joqeveritare që studion sigurinë dhe policimin "
      "në Kosovë.",
      "Nevladina istraživačka organizacija koja proučava bezbednost i rad "
      "policije na Kosovu.",
      "A non-governmental research organisation that studies security and "
      "policing in Kosovo.")),
    ("kwn", K.NON_GOVERNMENTAL, "RrGK",
     ("Rrjeti i Grave të Kosovës", "Mreža žena Kosova", "Kosovo Women's Network"),
     "https://womensnetwork.org",
     ("Rrjet i organizatave të grave, i njohur për punën kundër dhunës në "
      "familje dhe dhunës me bazë gjinore.",
      "Mreža ženskih organizacija, poznata po radu protiv nasilja u porodici "
      "i rodno zasnovanog nasilja.",
      "A network of women's organisations, known for its work against "
      "domestic and gender-based violence.")),
    ("save-the-children", K.NON_GOVERNMENTAL, "",
     ("Save the Children në Kosovë", "Save the Children na Kosovu",
      "Save the Children in Kosovo"),
     "https://kosovo.savethechildren.net",
     ("Organizatë ndërkombëtare për të drejtat dhe mbrojtjen e fëmijëve, "
      "edhe në internet.",
      "Međunarodna organizacija za prava i zaštitu dece, i na internetu.",
      "An international organisation for children's rights and protection, "
      "online too.")),
]  # fmt: skip


def demo_partners_load() -> int:
    """Write the demo partners (in place) and name some of them in the demo
    forums; return how many partners there are."""
    for slug, kind, acronym, names, website, texts in PARTNERS:
        sq, sr_latn, en = names
        d_sq, d_sr_latn, d_en = texts
        Partner.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "acronym": acronym,
                "name_sq": sq,
                "name_sr_latn": sr_latn,
                "name_sr": latin_to_cyrillic(sr_latn),
                "name_en": en,
                "description_sq": d_sq,
                "description_sr_latn": d_sr_latn,
                "description_sr": latin_to_cyrillic(d_sr_latn),
                "description_en": d_en,
                "website": website,
                "is_active": True,
            },
        )
    demo_forum_partners_link()
    return len(PARTNERS)


def demo_forum_partners_link() -> int:
    """Name partners in some demo forums: each municipality in its KKSB, the
    OSCE in a few KLSPs, ICITAP in a few EVSBs; return how many links."""
    from bashkesia.partnership.models import Forum, ForumKind, ForumStatus

    partners = {p.slug: p for p in Partner.objects.filter(slug__in=["osce", "icitap"])}
    links = 0
    for slug, code in (
        ("komuna-prishtine", "PRI"),
        ("komuna-prizren", "PRZ"),
        ("komuna-mitrovice-veri", "MIV"),
    ):
        partner = Partner.objects.filter(slug=slug).first()
        kksb = Forum.objects.filter(
            kind=ForumKind.KKSB, status=ForumStatus.ACTIVE, municipality__code=code
        ).first()
        if partner and kksb:
            kksb.partner_organisations.add(partner)
            links += 1
    for slug, kind in (("osce", ForumKind.KLSP), ("icitap", ForumKind.EVSB)):
        if slug not in partners:
            continue
        forums = Forum.objects.filter(
            kind=kind, status=ForumStatus.ACTIVE, is_demo=True
        ).order_by("pk")[:5]
        for forum in forums:
            forum.partner_organisations.add(partners[slug])
            links += 1
    return links
