"""Settings for the test suite: fast hashing, no manifest, every check on."""

import os
import tempfile
from pathlib import Path

from .base import *

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bashkesia-media-"))
BASHKESIA_TERRITORY_CHECK_SECONDS = 0
BASHKESIA_DEMO_LOGINS = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = os.path.join(
        tempfile.gettempdir(), "bashkesia-test.sqlite3"
    )
    DATABASES["default"]["TEST"] = {"NAME": None}
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="bashkesia-static-"))
