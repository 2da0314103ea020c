"""The benchmark's settings: Bearing's own, plus a baseline page only the benchmark serves."""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"].append(BASE_DIR / "bench" / "templates")  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

# "off" measures every request as cold: nothing is reused between requests.
if os.environ.get("BENCH_CACHE") == "off":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
