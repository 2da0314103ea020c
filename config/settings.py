"""Bearing's settings: one module, every deployment difference read from the environment."""

import os
import sys
import zlib
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" are yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
# The test run (pytest) is development too: it never serves anybody.
TESTING = env_bool("TESTING") or "pytest" in sys.modules
# A development key, public in this file, so that `make run` and the tests need no set-up.
# Anything else (DEBUG off: `make serve`, gunicorn, commands run as in production) refuses to
# start without a strong key of its own: with a known or guessable key anybody could forge
# sessions and password reset links.
DEVELOPMENT_KEY = "django-insecure-bearing-development-key-change-me"
KEY_LENGTH = 50  # as Django's deployment check asks
KEY_COMPRESSED = 40  # bytes: a random key of 50 characters packs to more (42 even if digits)


def weak_key(key):
    """Why `key` is too weak to sign anything in production, or "" when it is strong enough.

    A key that zlib packs into fewer than KEY_COMPRESSED bytes repeats itself ("xxxx…",
    "k3yk3y…"): 50 random characters pack to 42 bytes or more, hex or base64 to 47 or more
    (measured over 20,000 keys each)."""
    if key.startswith("django-insecure"):
        return (
            "SECRET_KEY is a published key (one starting django-insecure, as Django's "
            "project template and Bearing's development key do): anybody can read it."
        )
    if len(key) < KEY_LENGTH:
        return f"SECRET_KEY has {len(key)} characters; Bearing needs at least {KEY_LENGTH}."
    if len(zlib.compress(key.encode(), 9)) < KEY_COMPRESSED:
        return "SECRET_KEY repeats itself (as xxxx… or abcabc… do), so it is easy to guess."
    return ""


SECRET_KEY = os.environ.get("SECRET_KEY", "").strip()
if not (DEBUG or TESTING):
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG off Bearing needs a secret key of its own: "
            "set SECRET_KEY in the environment to a long random string, for example the "
            "output of: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. "
            "(`make serve` makes one for you in .secret_key. For development, DEBUG=1 "
            "uses a built-in key.)"
        )
    if weak := weak_key(SECRET_KEY):
        raise ImproperlyConfigured(
            f"{weak} With DEBUG off Bearing refuses to start with a weak key: set SECRET_KEY "
            "to a long random string, for example the output of: python3 -c 'import "
            "secrets; print(secrets.token_urlsafe(50))'."
        )
elif not SECRET_KEY:
    SECRET_KEY = DEVELOPMENT_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    # Bearing's apps, each standing only on those above it in this list.
    "core",
    "accounts",
    "careers",
    "jobs",
    "alignment",
    "portability",
    "sharing",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.LoginRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.middleware.NoNulInQueryMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.NoStoreForSignedInMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.debug",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database (PostgreSQL in
# production). Persistent connections with health checks survive a database restart.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite connections are cheap and not thread-safe to share across requests.
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Local memory by default; a shared Redis when several app servers run (README: Scaling out).
# Cached pages are keyed by each person's data version, so either stays correct.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bearing"}
    )
}
# Rendered dashboards reused until the person's data changes (core.cache); off only to
# measure the work of a page computed afresh (bench/).
BEARING_PAGE_CACHE = env_bool("BEARING_PAGE_CACHE", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's checks, in Bearing's own words (accounts/passwords.py).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.NotLikeYou"},
    {"NAME": "accounts.passwords.MinimumLength"},
    {"NAME": "accounts.passwords.NotCommon"},
    {"NAME": "accounts.passwords.NotOnlyDigits"},
]

# How long a "Try the demo" account lives: its links and tokens stop then, and the daily
# housekeeping deletes it (docs/demo.md).
BEARING_DEMO_LIFETIME = timedelta(days=1)

# Every deletion by age, in the order `manage.py housekeeping` runs them (core.housekeeping):
# each a function of the app whose rows it deletes.
BEARING_HOUSEKEEPING = [
    "demo.housekeeping.old_demos",
    "core.housekeeping.expired_sessions",
    "core.housekeeping.lock_out_counts",
    "core.housekeeping.login_records",
    "core.housekeeping.failed_login_records",
    "core.housekeeping.rate_limit_counts",
    "portability.housekeeping.waiting_imports",
    "core.housekeeping.form_tokens",
    "sharing.housekeeping.ended_links",
    "core.housekeeping.ended_tokens",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "alignment:dashboard"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail: printed to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=bool(EMAIL_HOST))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bearing <noreply@bearing.local>")

MESSAGE_TAGS = {40: "danger"}

# -- Security -------------------------------------------------------------------------------
# HTTPS=1 where Bearing is served over HTTPS (behind a proxy that sets X-Forwarded-Proto):
# redirect to HTTPS, HSTS, and secure, __Secure- prefixed cookies. Off by default so that
# `make run` and `make serve` work on http://127.0.0.1:8000.
HTTPS = env_bool("HTTPS", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SESSION_COOKIE_NAME = "__Secure-sessionid"
    CSRF_COOKIE_NAME = "__Secure-csrftoken"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = HTTPS
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Brute force: 5 failed log-ins for one username from one address lock that pair out for
# 15 minutes (django-axes); a success resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
# The same failures count on the forms that ask for the password again (change email,
# change password, delete the account): they go through authenticate() too.

# How many reverse proxies stand in front of Bearing, each appending the address it saw to
# X-Forwarded-For. 0 (unset): the client is the connection's address and the header is
# ignored. The log-in lock-out and every rate limit find the client this one way.
BEARING_TRUSTED_PROXIES = int(os.environ.get("BEARING_TRUSTED_PROXIES") or "0")
if BEARING_TRUSTED_PROXIES < 0:
    raise ImproperlyConfigured("BEARING_TRUSTED_PROXIES is a number of proxies: 0 or more.")
AXES_CLIENT_IP_CALLABLE = "core.clients.client_address"

# No inline script or style anywhere: every page's JavaScript and CSS are static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
}
