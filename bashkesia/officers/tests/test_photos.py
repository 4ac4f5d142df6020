"""Officer photos: only real JPEG, PNG or WebP images, made small and clean."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from bashkesia.officers.services import officer_profile_update

from .factories import OfficerFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def image_upload(
    name: str = "photo.jpg",
    *,
    fmt: str = "JPEG",
    size: tuple[int, int] = (1600, 1200),
    mode: str = "RGB",
    exif: Image.Exif | None = None,
) -> SimpleUploadedFile:
    """Return an upload of a real image that Pillow draws here."""
    image = Image.new(mode, size, "red" if mode == "RGB" else 0)
    buffer = io.BytesIO()
    params = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **params)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def gps_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TestCam"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (42.0, 12.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (20.0, 44.0, 10.0),
    }
    return exif


def update(officer, **changes):
    fields = {
        "phone": officer.public_phone,
        "email": officer.public_email,
        "bio_sq": officer.bio_sq,
        "bio_sr_latn": officer.bio_sr_latn,
        "bio_sr": officer.bio_sr,
        "bio_en": officer.bio_en,
    }
    return officer_profile_update(officer=officer, **(fields | changes))


def stored(officer) -> tuple[Image.Image, bytes]:
    with default_storage.open(officer.photo.name) as file:
        data = file.read()
    return Image.open(io.BytesIO(data)), data


def test_a_photo_with_gps_is_stored_as_a_jpeg_without_any_metadata(db):
    upload = image_upload(exif=gps_exif())
    assert Image.open(io.BytesIO(upload.read())).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    officer = update(OfficerFactory(), photo=upload)
    image, data = stored(officer)
    assert image.format == "JPEG"
    assert dict(image.getexif()) == {}
    assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert "exif" not in image.info
    assert "icc_profile" not in image.info
    assert b"TestCam" not in data
    assert b"Exif" not in data


def test_a_photo_gets_a_random_name_under_officers(db):
    first = update(OfficerFactory(), photo=image_upload("me.jpg"))
    second = update(OfficerFactory(), photo=image_upload("me.jpg"))
    for officer in (first, second):
        assert officer.photo.name.startswith("officers/")
        assert officer.photo.name.endswith(".jpg")
        assert "me" not in officer.photo.name.removeprefix("officers/")
    assert first.photo.name != second.photo.name


def test_a_large_photo_is_scaled_to_800_keeping_its_shape(db):
    officer = update(OfficerFactory(), photo=image_upload(size=(1600, 1200)))
    assert stored(officer)[0].size == (800, 600)


def test_a_small_photo_is_not_enlarged(db):
    officer = update(OfficerFactory(), photo=image_upload(size=(300, 200)))
    assert stored(officer)[0].size == (300, 200)


def test_the_exif_orientation_is_applied_before_it_is_dropped(db):
    # Orientation 6: the camera was turned; the picture is shown turned 90°.
    upload = image_upload(size=(400, 200), exif=gps_exif(orientation=6))
    officer = update(OfficerFactory(), photo=upload)
    image = stored(officer)[0]
    assert image.size == (200, 400)
    assert dict(image.getexif()) == {}


@pytest.mark.parametrize(
    ("fmt", "mode", "name"),
    [
        ("PNG", "RGBA", "photo.png"),
        ("WEBP", "RGB", "photo.webp"),
        ("PNG", "P", "x.gif"),
    ],
)
def test_png_and_webp_photos_are_accepted_and_stored_as_jpeg(db, fmt, mode, name):
    # The last one is a PNG called .gif: the bytes decide, not the name.
    officer = update(OfficerFactory(), photo=image_upload(name, fmt=fmt, mode=mode))
    assert stored(officer)[0].format == "JPEG"


def test_a_gif_is_refused_as_the_wrong_type(db):
    with pytest.raises(ValidationError) as error:
        update(OfficerFactory(), photo=image_upload("photo.jpg", fmt="GIF", mode="P"))
    assert error.value.message_dict == {
        "photo": ["Only JPEG, PNG and WebP photos are accepted."]
    }


def test_a_file_that_is_not_an_image_is_refused(db):
    upload = SimpleUploadedFile("photo.jpg", b"%PDF-1.7 not a picture", "image/jpeg")
    with pytest.raises(ValidationError) as error:
        update(OfficerFactory(), photo=upload)
    assert error.value.message_dict == {
        "photo": ["This file is not an image, or it is damaged."]
    }


def test_a_damaged_image_is_refused(db):
    data = image_upload().read()
    upload = SimpleUploadedFile("photo.jpg", data[: len(data) // 3], "image/jpeg")
    with pytest.raises(ValidationError) as error:
        update(OfficerFactory(), photo=upload)
    assert error.value.message_dict == {
        "photo": ["This file is not an image, or it is damaged."]
    }


def test_a_photo_over_5_mb_is_refused(db):
    upload = SimpleUploadedFile("photo.jpg", b"\xff" * (5 * 1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        update(OfficerFactory(), photo=upload)
    assert error.value.message_dict == {
        "photo": ["The photo is too large: at most 5 MB."]
    }


def test_a_photo_over_20_megapixels_is_refused(db):
    upload = image_upload("big.png", fmt="PNG", mode="L", size=(5000, 4001))
    assert upload.size < 5 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        update(OfficerFactory(), photo=upload)
    assert error.value.message_dict == {
        "photo": ["The photo is too large: at most 20 megapixels."]
    }


def test_a_refused_photo_and_a_bad_field_are_reported_together_and_nothing_changes(
    db,
):
    officer = OfficerFactory(public_phone="+383 38 111 222")
    upload = SimpleUploadedFile("photo.jpg", b"nope", "image/jpeg")
    with pytest.raises(ValidationError) as error:
        update(officer, phone="+383 44 000 000", email="not-an-address", photo=upload)
    assert set(error.value.message_dict) == {"photo", "public_email"}
    officer.refresh_from_db()
    assert (officer.public_phone, officer.photo.name) == ("+383 38 111 222", "")


def test_a_new_photo_replaces_the_old_file_once_committed(
    db, django_capture_on_commit_callbacks
):
    officer = update(OfficerFactory(), photo=image_upload())
    old_name = officer.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        update(officer, photo=image_upload())
    assert officer.photo.name != old_name
    assert not default_storage.exists(old_name)
    assert default_storage.exists(officer.photo.name)


def test_removing_the_photo_deletes_its_file(db, django_capture_on_commit_callbacks):
    officer = update(OfficerFactory(), photo=image_upload())
    old_name = officer.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        update(officer, remove_photo=True)
    officer.refresh_from_db()
    assert officer.photo.name == ""
    assert not default_storage.exists(old_name)


def test_the_profile_fields_are_saved_trimmed(db):
    officer = update(
        OfficerFactory(),
        phone=" +383 38 123 456 ",
        email="arta@example.org",
        bio_sq="Patrulloj qytetin e vjetër.",
        bio_en=" Patrols the old town. ",
    )
    officer.refresh_from_db()
    assert (officer.public_phone, officer.public_email, officer.bio_en) == (
        "+383 38 123 456",
        "arta@example.org",
        "Patrols the old town.",
    )
