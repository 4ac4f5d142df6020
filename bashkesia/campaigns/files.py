"""Campaign materials: check an upload, then store a clean copy.

The upload is trusted for nothing: its type is what its bytes say (never the
name or the declared content type). A PDF is kept as it came; an image is
re-encoded from its pixels alone (in its own format: PNG, JPEG or WebP), so
no metadata (EXIF, GPS, XMP, ICC, comments) survives.
"""

import io
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from bashkesia.core.photos import MAX_PIXELS

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2400
IMAGE_FORMATS = {
    "PNG": ("png", "image/png"),
    "JPEG": ("jpg", "image/jpeg"),
    "WEBP": ("webp", "image/webp"),
}
# Only a hint for the browser's file chooser; the bytes decide.
ACCEPT = "application/pdf,image/png,image/jpeg,image/webp"


@dataclass(frozen=True)
class CleanFile:
    content: ContentFile
    kind: str
    content_type: str
    size: int


def _wrong_type() -> ValidationError:
    return ValidationError(
        _("Only PDF documents and PNG, JPEG or WebP images are accepted."),
        code="wrong_type",
    )


def _image(upload) -> CleanFile:
    upload.seek(0)
    image: Image.Image
    try:
        image = Image.open(upload)
        image_format = image.format
        if image_format not in IMAGE_FORMATS:
            raise _wrong_type()
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(
                _("The image is too large: at most %(megapixels)s megapixels.")
                % {"megapixels": MAX_PIXELS // 1_000_000},
                code="too_many_pixels",
            )
        image.load()
    except Image.DecompressionBombError as error:
        raise _wrong_type() from error
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as error:
        raise _wrong_type() from error
    image = ImageOps.exif_transpose(image) or image
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    mode = "RGBA" if image_format != "JPEG" and "A" in image.getbands() else "RGB"
    # Only the pixels go into the new file: no exif, icc_profile or comment.
    clean = Image.new(mode, image.size)
    clean.paste(image.convert(mode))
    extension, content_type = IMAGE_FORMATS[image_format]
    buffer = io.BytesIO()
    options = {"quality": 88} if image_format in ("JPEG", "WEBP") else {}
    clean.save(buffer, format=image_format, optimize=True, **options)
    data = buffer.getvalue()
    return CleanFile(
        ContentFile(data, name=f"{secrets.token_hex(16)}.{extension}"),
        kind="image",
        content_type=content_type,
        size=len(data),
    )


def _pdf(upload) -> CleanFile:
    upload.seek(0)
    data = upload.read()
    # A PDF ends with its trailer; a truncated one is refused.
    if b"%%EOF" not in data[-2048:]:
        raise ValidationError(_("This PDF document is damaged."), code="damaged")
    return CleanFile(
        ContentFile(data, name=f"{secrets.token_hex(16)}.pdf"),
        kind="pdf",
        content_type="application/pdf",
        size=len(data),
    )


def material_file_prepare(upload) -> CleanFile:
    """Return a clean copy of an uploaded material, ready to store.

    ``upload`` is a file object with a ``size`` (an ``UploadedFile``). Raise
    ``ValidationError`` when it is empty, larger than 10 MB, or neither a
    PDF document nor a PNG, JPEG or WebP image.
    """
    if upload is None or not upload.size:
        raise ValidationError(_("Choose a file to upload."), code="required")
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is too large: at most %(megabytes)s MB.")
            % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(b"%PDF-"):
        return _pdf(upload)
    return _image(upload)
