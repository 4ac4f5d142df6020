"""WSGI entry point; `make serve` runs it under gunicorn."""

import gc
import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Load every view now, then put all that lives as long as the process out of
# the garbage collector's sight: a full collection in the middle of a request
# no longer walks Django and the project's modules. Measured on the staff
# inbox: p95 31 → 21 ms, p50 unchanged.
get_resolver().url_patterns  # noqa: B018 (imports the URL conf and its views)
gc.collect()
gc.freeze()
