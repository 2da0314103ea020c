"""Root pytest configuration: what must be true before any test module is imported."""

import os

# Playwright runs an event loop in the test thread; Django would otherwise refuse the
# synchronous database calls that the browser tests' fixtures make beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
