"""Partners for tests."""

from bashkesia.partners.models import Partner


def make_partner(
    slug: str = "test-partner",
    *,
    kind: str = Partner.Kind.NON_GOVERNMENTAL,
    name: str = "Test Partner",
    is_active: bool = True,
) -> Partner:
    return Partner.objects.create(
        slug=slug,
        kind=kind,
        name_sq=f"{name} (sq)",
        name_sr_latn=f"{name} (sr)",
        name_sr=f"{name} (ср)",
        name_en=name,
        description_sq="Përshkrim.",
        description_en="A description.",
        is_active=is_active,
    )


def make_forum(code: str = "PRZ"):
    """Return a new active KKSB of municipality ``code`` (a demo one is
    dissolved first)."""
    from bashkesia.partnership.models import Forum, ForumKind, ForumStatus
    from bashkesia.territory.models import Municipality, Station

    Forum.objects.filter(kind=ForumKind.KKSB, municipality__code=code).update(
        status=ForumStatus.DISSOLVED
    )
    return Forum.objects.create(
        kind=ForumKind.KKSB,
        status=ForumStatus.ACTIVE,
        municipality=Municipality.objects.get(code=code),
        station=Station.objects.filter(municipality__code=code, parent=None).first(),
        name_sq=f"KKSB {code}",
        name_sr_latn=f"OSBZ {code}",
        name_sr=f"ОСБЗ {code}",
        name_en=f"KKSB {code}",
    )
