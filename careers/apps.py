from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers"

    def ready(self):
        from . import signals  # noqa: F401 - connects the data-version receivers
