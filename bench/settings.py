"""Production settings plus a bare JSON view (``bench/floor_urls.py``).

Only the URLconf differs from ``config.settings.production``: the API runs
through the same middleware, database and server as ``make serve``.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"
