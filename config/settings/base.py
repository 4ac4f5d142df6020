"""Settings shared by every environment; read the environment only here."""

import importlib.util
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("BASHKESIA_VAR_DIR", BASE_DIR / "var"))

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "bashkesia.core.admin_apps.BashkesiaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "bashkesia.core",
    "bashkesia.accounts",
    "bashkesia.territory",
    "bashkesia.officers",
    "bashkesia.notifications",
    "bashkesia.concerns",
    "bashkesia.subscriptions",
    "bashkesia.alerts",
    "bashkesia.partnership",
    "bashkesia.stats",
    "bashkesia.partners",
    "bashkesia.campaigns",
    "bashkesia.surveys",
    "bashkesia.training",
    "bashkesia.strategy",
    "bashkesia.staff",
    "bashkesia.api",
    "bashkesia.demo",
    "bashkesia.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bashkesia.accounts.middleware.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "bashkesia.accounts.middleware.SessionGuardMiddleware",
    "bashkesia.core.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bashkesia.web.context_processors.site",
                "bashkesia.stats.context_processors.statistics",
            ],
        },
    },
]


SQLITE_OPTIONS = {
    # WAL lets readers run beside the writer; IMMEDIATE transactions and a busy
    # timeout make concurrent writers wait their turn instead of failing.
    "init_command": (
        "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_from_environment(default_sqlite_path: Path) -> dict[str, Any]:
    """Return the default database: DATABASE_URL, else SQLite in WAL mode."""
    url = os.environ.get("DATABASE_URL")
    if url:
        config = dict(
            dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        )
        if config["ENGINE"] == "django.db.backends.sqlite3":
            options: dict[str, Any] = dict(SQLITE_OPTIONS)
            options.update(config.get("OPTIONS") or {})  # type: ignore[call-overload]
            config["OPTIONS"] = options
        return config
    default_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": default_sqlite_path,
        "OPTIONS": dict(SQLITE_OPTIONS),
    }


DATABASES = {"default": database_from_environment(VAR_DIR / "bashkesia.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"  # noqa: E501
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["bashkesia.accounts.backends.UsernameOrEmailBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "staff:dashboard"
# Sessions end after 30 minutes without a request (renewed at most once a
# minute by accounts.middleware.SlidingSessionMiddleware).
SESSION_COOKIE_AGE = int(os.environ.get("BASHKESIA_SESSION_MINUTES", "30")) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Demo accounts (made by load_demo) may sign in only where this is on; `make
# setup` switches it on in .env for the demo.
BASHKESIA_DEMO_LOGINS = os.environ.get("BASHKESIA_DEMO_LOGINS", "") == "1"

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("DJANGO_EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DJANGO_DEFAULT_FROM_EMAIL", "Bashkësia <no-reply@bashkesia.invalid>"
)

# Where the site is reached, for the links in e-mails.
BASHKESIA_SITE_URL = os.environ.get(
    "BASHKESIA_SITE_URL", "http://127.0.0.1:8000"
).rstrip("/")

# Background tasks (e-mail) wait in the database for `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# Languages: Albanian is the default; Serbian in both scripts; English.
LANGUAGE_CODE = "sq"
LANGUAGES = [
    ("sq", _("Albanian")),
    ("sr-latn", _("Serbian (Latin)")),
    ("sr", _("Serbian (Cyrillic)")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Belgrade"
USE_TZ = True

STATIC_URL = "/static/"


# Leaflet comes from the django-leaflet package, which ships it as static files.
# Only its files are used: installing the app would pull in GeoDjango (GDAL).
def _package_dir(name: str) -> Path:
    """Return where a package lives, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"The package {name} is not installed.")
    return Path(next(iter(spec.submodule_search_locations)))


STATICFILES_DIRS = [_package_dir("leaflet") / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# How often (seconds) a server process asks the database whether the territory
# (sectors, officers) changed since it built its in-memory locator. Zero asks on
# every lookup.
BASHKESIA_TERRITORY_CHECK_SECONDS = float(
    os.environ.get("BASHKESIA_TERRITORY_CHECK_SECONDS", "1")
)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bashkesia",
        "TIMEOUT": 3600,
    }
}

# The public site.
BASHKESIA_EMERGENCY_NUMBER = "192"
# Concerns and messages one address may post per hour (then 429).
BASHKESIA_CONCERNS_PER_HOUR = int(os.environ.get("BASHKESIA_CONCERNS_PER_HOUR", "10"))
BASHKESIA_CONCERN_MESSAGES_PER_HOUR = int(
    os.environ.get("BASHKESIA_CONCERN_MESSAGES_PER_HOUR", "30")
)
# Citizens' requests for a KLSP one address may send per hour (then 429).
BASHKESIA_FORUM_REQUESTS_PER_HOUR = int(
    os.environ.get("BASHKESIA_FORUM_REQUESTS_PER_HOUR", "5")
)
# Requests to follow a sector one address may make per hour (then 429).
BASHKESIA_SUBSCRIPTIONS_PER_HOUR = int(
    os.environ.get("BASHKESIA_SUBSCRIPTIONS_PER_HOUR", "10")
)
# Certificate look-ups (page and API together) one address may make per hour.
BASHKESIA_CERTIFICATE_LOOKUPS_PER_HOUR = int(
    os.environ.get("BASHKESIA_CERTIFICATE_LOOKUPS_PER_HOUR", "30")
)
# Answers one address may give to one survey (a household, an office).
BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS = int(
    os.environ.get("BASHKESIA_SURVEY_ANSWERS_PER_ADDRESS", "25")
)
BASHKESIA_DIRECTORATE_PHONE = os.environ.get(
    "BASHKESIA_DIRECTORATE_PHONE", "038 5080 ext. 1250"
)
BASHKESIA_DIRECTORATE_EMAIL = os.environ.get("BASHKESIA_DIRECTORATE_EMAIL", "")
# The police's public social channels, shown in every page's footer.
BASHKESIA_SOCIAL_LINKS = [
    ("Facebook", "https://www.facebook.com/PoliciaeKosoves"),
    ("Instagram", "https://www.instagram.com/policiaekosoves/"),
    ("X", "https://x.com/PoliciaKosoves"),
    ("YouTube", "https://www.youtube.com/@PoliciaeKosoves"),
]
# Background tiles of every map; an empty URL draws outlines on a plain map.
BASHKESIA_MAP_TILES: dict[str, Any] = {
    "url": os.environ.get(
        "BASHKESIA_MAP_TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    ),
    "attribution": os.environ.get(
        "BASHKESIA_MAP_TILES_ATTRIBUTION", "© OpenStreetMap contributors"
    ),
    "max_zoom": 19,
}


def _origin(url: str) -> str:
    parts = urlsplit(url.replace("{s}.", ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


# Content-Security-Policy: no inline scripts, everything from this site but
# map tiles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"]
        + ([_origin(BASHKESIA_MAP_TILES["url"])] if BASHKESIA_MAP_TILES["url"] else []),
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
