"""Settings for a developer's machine: debug on, a throwaway secret."""

from .base import *

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
BASHKESIA_DEMO_LOGINS = True
STORAGES["staticfiles"] = {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
