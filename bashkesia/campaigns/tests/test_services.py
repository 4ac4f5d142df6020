import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from bashkesia.campaigns import services
from bashkesia.campaigns.models import Campaign, Material, ReachEntry
from bashkesia.partners.tests.helpers import make_partner
from bashkesia.partnership.models import Event
from bashkesia.territory.models import Municipality, Region

from .helpers import (
    TODAY,
    campaign_fields,
    coordinator_of,
    make_campaign,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(today):
    today(TODAY)


def user(username):
    return get_user_model().objects.get(username=username)


def test_directorate_creates_a_national_draft_with_four_language_theme():
    partner = make_partner()
    campaign = services.campaign_create(
        by=user("directorate"), partners=[partner], **campaign_fields()
    )
    assert campaign.is_published is False
    assert campaign.slug == "drive-safely-2026"
    assert (campaign.title_sq, campaign.title_sr_latn, campaign.title_en) == (
        "Ngas me kujdes",
        "Vozi pažljivo",
        "Drive safely",
    )
    assert campaign.title_sr == "Вози пажљиво"
    assert list(campaign.regions.all()) == []
    assert list(campaign.partners.all()) == [partner]
    assert campaign.created_by == user("directorate")


def test_a_second_campaign_of_the_same_theme_gets_its_own_address():
    services.campaign_create(by=user("directorate"), **campaign_fields())
    second = services.campaign_create(by=user("directorate"), **campaign_fields())
    assert second.slug == "drive-safely-2026-2"


def test_every_problem_is_reported_at_once_and_nothing_is_written():
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            by=user("directorate"),
            **campaign_fields(
                title_sq=" ",
                target_groups=[],
                channels=["pigeons"],
                ends_on=TODAY - datetime.timedelta(days=1),
            ),
        )
    assert error.value.message_dict == {
        "title_sq": ["Give the campaign's theme in Albanian."],
        "target_groups": ["Choose at least one target group."],
        "channels": ["Choose from the list."],
        "ends_on": ["The campaign cannot end before it starts."],
    }
    assert not Campaign.objects.exists()


def test_an_inactive_partner_cannot_join_a_campaign():
    gone = make_partner("gone", is_active=False)
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            by=user("directorate"), partners=[gone], **campaign_fields()
        )
    assert error.value.message_dict == {
        "partners": ["An inactive partner cannot join a campaign."]
    }


def test_an_inactive_partner_already_in_a_campaign_stays_when_it_changes():
    partner = make_partner("later-gone")
    campaign = services.campaign_create(
        by=user("directorate"), partners=[partner], **campaign_fields()
    )
    partner.is_active = False
    partner.save()
    services.campaign_update(
        campaign=campaign,
        by=user("directorate"),
        partners=[partner],
        **campaign_fields(title_en="Drive safely, please"),
    )
    campaign.refresh_from_db()
    assert campaign.title_en == "Drive safely, please"
    assert list(campaign.partners.all()) == [partner]


def _event(day: datetime.date) -> Event:
    municipality = Municipality.objects.get(code="PRZ")
    starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))
    return Event.objects.create(
        kind=Event.Kind.CAMPAIGN,
        title="Road safety day",
        starts_at=starts,
        place="Sheshi",
        municipality=municipality,
    )


def test_linked_events_must_fall_within_the_campaign():
    inside, outside = _event(TODAY), _event(TODAY + datetime.timedelta(days=90))
    campaign = services.campaign_create(
        by=user("directorate"), events=[inside], **campaign_fields()
    )
    assert list(campaign.events.all()) == [inside]
    with pytest.raises(ValidationError) as error:
        services.campaign_update(
            campaign=campaign,
            by=user("directorate"),
            events=[inside, outside],
            **campaign_fields(),
        )
    assert error.value.message_dict == {
        "events": [
            "The event “Road safety day” does not fall within the campaign's period."
        ]
    }


def test_a_coordinator_creates_campaigns_only_in_their_region():
    coordinator = user("coordinator")  # Prizren
    prizren, prishtina = Region.objects.get(code="PZ"), Region.objects.get(code="PR")
    campaign = services.campaign_create(
        by=coordinator, regions=[prizren], **campaign_fields()
    )
    assert list(campaign.regions.all()) == [prizren]
    with pytest.raises(ValidationError) as error:
        services.campaign_create(
            by=coordinator, regions=[prizren, prishtina], **campaign_fields()
        )
    assert error.value.message_dict == {
        "regions": ["You may choose only the regional directorate you coordinate."]
    }
    with pytest.raises(ValidationError) as error:
        services.campaign_create(by=coordinator, **campaign_fields())
    assert error.value.message_dict == {
        "regions": [
            "Choose your regional directorate: national campaigns are managed by "
            "the directorate."
        ]
    }


@pytest.mark.parametrize("username", ["officer", "commander", "clerk", "secretary"])
def test_other_roles_may_not_create_campaigns(username):
    with pytest.raises(PermissionDenied):
        services.campaign_create(by=user(username), **campaign_fields())


def test_a_coordinator_may_not_change_a_national_campaign():
    campaign = make_campaign()
    with pytest.raises(PermissionDenied):
        services.campaign_update(
            campaign=campaign, by=user("coordinator"), **campaign_fields()
        )
    with pytest.raises(PermissionDenied):
        services.campaign_publish(campaign=campaign, by=user("coordinator"))


def test_publish_and_unpublish():
    campaign = make_campaign(published=False)
    director = user("director")
    services.campaign_publish(campaign=campaign, by=director)
    campaign.refresh_from_db()
    assert campaign.is_published and campaign.published_at is not None
    with pytest.raises(ValidationError) as error:
        services.campaign_publish(campaign=campaign, by=director)
    assert error.value.messages == ["This campaign is already published."]
    services.campaign_unpublish(campaign=campaign, by=director)
    campaign.refresh_from_db()
    assert not campaign.is_published
    with pytest.raises(ValidationError) as error:
        services.campaign_unpublish(campaign=campaign, by=director)
    assert error.value.messages == ["This campaign is not published."]


def test_a_campaign_without_a_description_is_not_published():
    campaign = make_campaign(published=False)
    campaign.description_sq = ""
    campaign.save()
    with pytest.raises(ValidationError) as error:
        services.campaign_publish(campaign=campaign, by=user("directorate"))
    assert error.value.messages == [
        "Describe the campaign in Albanian before publishing it."
    ]


def test_a_pdf_material_is_kept_and_an_image_is_re_encoded_without_metadata():
    campaign = make_campaign()
    pdf = services.material_add(
        campaign=campaign, by=user("directorate"), title="Leaflet", upload=pdf_upload()
    )
    assert (pdf.kind, pdf.content_type) == ("pdf", "application/pdf")
    assert pdf.file.read().startswith(b"%PDF-")
    photo = services.material_add(
        campaign=campaign,
        by=user("directorate"),
        title="Photo",
        upload=png_upload("photo.jpg", exif=True),
    )
    assert (photo.kind, photo.content_type, photo.extension) == (
        "image",
        "image/jpeg",
        "jpg",
    )
    stored = Image.open(photo.file)
    assert stored.getexif() == {}
    assert b"SecretCameraMaker" not in photo.file.open("rb").read()
    poster = services.material_add(
        campaign=campaign, by=user("directorate"), title="Poster", upload=png_upload()
    )
    assert poster.content_type == "image/png"
    assert poster.file.name.startswith("campaigns/") and poster.size > 0


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf at all"),
            "Only PDF documents and PNG, JPEG or WebP images are accepted.",
        ),
        (
            SimpleUploadedFile("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
            "Only PDF documents and PNG, JPEG or WebP images are accepted.",
        ),
        (
            SimpleUploadedFile("cut.pdf", b"%PDF-1.4\n1 0 obj\n"),
            "This PDF document is damaged.",
        ),
        (
            SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)),
            "The file is too large: at most 10 MB.",
        ),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(upload, message):
    campaign = make_campaign()
    with pytest.raises(ValidationError) as error:
        services.material_add(
            campaign=campaign, by=user("directorate"), title="File", upload=upload
        )
    assert error.value.message_dict == {"file": [message]}
    assert not Material.objects.exists()


def test_a_material_needs_a_title_and_a_file():
    campaign = make_campaign()
    with pytest.raises(ValidationError) as error:
        services.material_add(
            campaign=campaign, by=user("directorate"), title="", upload=None
        )
    assert error.value.message_dict == {
        "title": ["Give the material a title."],
        "file": ["Choose a file to upload."],
    }


def test_removing_a_material_deletes_its_file(django_capture_on_commit_callbacks):
    campaign = make_campaign()
    material = services.material_add(
        campaign=campaign, by=user("directorate"), title="Poster", upload=png_upload()
    )
    storage, name = material.file.storage, material.file.name
    with django_capture_on_commit_callbacks(execute=True):
        services.material_remove(material=material, by=user("directorate"))
    assert not Material.objects.exists()
    assert not storage.exists(name)


def test_reach_figures_and_their_rules():
    campaign = make_campaign()
    entry = services.reach_add(
        campaign=campaign,
        by=user("directorate"),
        date=TODAY,
        channel="leaflets",
        measure="leaflets_distributed",
        number=1200,
        note="<b>Prizren</b> market",
    )
    assert (entry.number, entry.note) == (1200, "Prizren market")
    with pytest.raises(ValidationError) as error:
        services.reach_add(
            campaign=campaign,
            by=user("directorate"),
            date=TODAY + datetime.timedelta(days=1),
            channel="fax",
            measure="likes",
            number=-1,
        )
    assert error.value.message_dict == {
        "date": ["The date cannot be in the future."],
        "channel": ["Choose the channel from the list."],
        "measure": ["Choose what was counted from the list."],
        "number": ["Give a number of zero or more."],
    }
    with pytest.raises(ValidationError) as error:
        services.reach_add(
            campaign=campaign,
            by=user("directorate"),
            date=campaign.starts_on - datetime.timedelta(days=1),
            channel="radio",
            measure="people_reached",
            number=5,
        )
    assert error.value.message_dict == {
        "date": ["The date falls before the campaign started."]
    }
    assert ReachEntry.objects.count() == 1


def test_coordinators_add_reach_to_national_and_their_regions_campaigns():
    coordinator = user("coordinator")  # Prizren
    other = coordinator_of("PR")
    national = make_campaign("national")
    prizren = make_campaign("prizren", regions=["PZ"])
    figure = {"date": TODAY, "channel": "radio", "measure": "broadcasts", "number": 3}
    services.reach_add(campaign=national, by=coordinator, **figure)
    services.reach_add(campaign=prizren, by=coordinator, **figure)
    services.reach_add(campaign=national, by=other, **figure)
    with pytest.raises(PermissionDenied):
        services.reach_add(campaign=prizren, by=other, **figure)
    with pytest.raises(PermissionDenied):
        services.reach_add(campaign=national, by=user("officer"), **figure)
    assert ReachEntry.objects.count() == 3


def test_a_coordinator_removes_only_their_own_figure_of_a_national_campaign():
    national = make_campaign("national")
    figure = {"date": TODAY, "channel": "radio", "measure": "broadcasts", "number": 3}
    mine = services.reach_add(campaign=national, by=user("coordinator"), **figure)
    theirs = services.reach_add(campaign=national, by=user("directorate"), **figure)
    with pytest.raises(PermissionDenied):
        services.reach_remove(entry=theirs, by=user("coordinator"))
    services.reach_remove(entry=mine, by=user("coordinator"))
    assert list(ReachEntry.objects.all()) == [theirs]
