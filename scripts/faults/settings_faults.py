"""`make faults` only: Bearing's settings plus a throwaway app whose migrations are applied
to the serving database while gunicorn (which runs plain config.settings) keeps serving."""

from config.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "faultsapp"]  # noqa: F405
