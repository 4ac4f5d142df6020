"""Campaigns, users and uploads for tests."""

import datetime
import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bashkesia.accounts.models import Role, RoleGrant
from bashkesia.campaigns.models import Campaign
from bashkesia.territory.models import Region

TODAY = datetime.date(2026, 6, 15)


def make_campaign(
    slug: str = "test-campaign",
    *,
    regions: list[str] = (),
    published: bool = True,
    starts_on: datetime.date = TODAY - datetime.timedelta(days=10),
    ends_on: datetime.date = TODAY + datetime.timedelta(days=10),
    title: str = "Test campaign",
    partners=(),
) -> Campaign:
    campaign = Campaign.objects.create(
        slug=slug,
        title_sq=f"{title} sq",
        title_sr_latn=f"{title} sr",
        title_sr=f"{title} ср",
        title_en=title,
        description_sq="Përshkrimi i fushatës.",
        description_en="The campaign's description.",
        target_groups=["drivers"],
        channels=["radio", "leaflets"],
        starts_on=starts_on,
        ends_on=ends_on,
        is_published=published,
    )
    campaign.regions.set(Region.objects.filter(code__in=regions))
    campaign.partners.set(partners)
    return campaign


def coordinator_of(code: str, username: str = "coord-test"):
    """Return a new regional coordinator of region ``code``."""
    user = get_user_model().objects.create_user(username=username, password="x")
    RoleGrant.objects.create(
        user=user, role=Role.REGIONAL_COORDINATOR, region=Region.objects.get(code=code)
    )
    return user


def png_upload(name: str = "poster.png", size=(40, 30), exif: bool = False):
    image = Image.new("RGB", size, (200, 20, 20))
    buffer = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCameraMaker"
        image.save(buffer, format="JPEG", exif=data)
        return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name: str = "leaflet.pdf"):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Drive safely")
    return SimpleUploadedFile(name, bytes(pdf.output()), content_type="application/pdf")


def campaign_fields(**overrides) -> dict:
    fields = {
        "title_sq": "Ngas me kujdes",
        "title_sr_latn": "Vozi pažljivo",
        "title_en": "Drive safely",
        "description_sq": "Fushatë për shoferët.",
        "target_groups": ["drivers"],
        "channels": ["radio"],
        "starts_on": TODAY,
        "ends_on": TODAY + datetime.timedelta(days=30),
    }
    fields.update(overrides)
    return fields
