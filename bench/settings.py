"""The benchmark's settings: Bearing's own, plus a baseline page only the benchmark serves."""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"].append(BASE_DIR / "bench" / "templates")  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

# "off": no rendered page is reused, so every request does the work of the first request
# just after a change of the person's data (what did not change is still not read again).
if os.environ.get("BENCH_CACHE") == "off":
    BEARING_PAGE_CACHE = False
