"""The benchmark's settings: Bearing's own, plus a baseline page only the benchmark serves."""

import os

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"].append(BASE_DIR / "bench" / "templates")  # noqa: F405
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

# A copy of the benchmark's database with 10,000 other people (bench/run.py, bench/router.py).
if os.environ.get("BENCH_CROWDED_URL"):
    import dj_database_url

    DATABASES["crowded"] = {  # noqa: F405
        **DATABASES["default"],  # noqa: F405
        **dj_database_url.parse(os.environ["BENCH_CROWDED_URL"]),
    }
    DATABASE_ROUTERS = ["bench.router.Router"]

# "off": no rendered page is reused, so every request does the work of the first request
# just after a change of the person's data (what did not change is still not read again).
if os.environ.get("BENCH_CACHE") == "off":
    BEARING_PAGE_CACHE = False
