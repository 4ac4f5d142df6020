"""Uploaded photos (officers, concerns): check, then re-encode as a clean JPEG.

The upload is trusted for nothing: its type is what Pillow finds in the bytes
(never the name or the declared content type), and the stored file is a new
JPEG made from the pixels alone, so no metadata (EXIF, GPS, XMP, ICC, comments)
survives.
"""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 20_000_000
MAX_SIDE = 800
JPEG_QUALITY = 85
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Only a hint for the browser's file chooser; the bytes decide.
ACCEPTED_CONTENT_TYPES = {"image/jpeg", "image/png", "image/webp"}


def _not_an_image() -> ValidationError:
    return ValidationError(
        _("This file is not an image, or it is damaged."), code="not_an_image"
    )


def _open(upload) -> Image.Image:
    upload.seek(0)
    try:
        image = Image.open(upload)
    except Image.DecompressionBombError as error:
        raise _too_many_pixels() from error
    except (UnidentifiedImageError, OSError) as error:
        raise _not_an_image() from error
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Only JPEG, PNG and WebP photos are accepted."), code="wrong_type"
        )
    if image.width * image.height > MAX_PIXELS:
        raise _too_many_pixels()
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as error:
        raise _not_an_image() from error
    return image


def _too_many_pixels() -> ValidationError:
    return ValidationError(
        _("The photo is too large: at most %(megapixels)s megapixels.")
        % {"megapixels": MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )


def _flatten(image: Image.Image) -> Image.Image:
    """Return ``image`` in RGB, transparent parts on white."""
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def photo_prepare(upload) -> ContentFile:
    """Return the upload as a JPEG of at most 800×800 with no metadata.

    ``upload`` is a file object with a ``size`` (an ``UploadedFile``). The
    EXIF orientation is applied before it is dropped; the aspect ratio is
    kept. The file gets a random name. Raise ``ValidationError`` when the
    upload is larger than 5 MB or 20 megapixels, not an image, or not a JPEG,
    PNG or WebP image.
    """
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is too large: at most %(megabytes)s MB.")
            % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    image = _open(upload)
    image = ImageOps.exif_transpose(image) or image
    image = _flatten(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # Only the pixels go into the new file: no exif, icc_profile or comment.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{secrets.token_hex(16)}.jpg")
