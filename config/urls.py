"""Bearing's URLs: each app keeps its own, under a readable prefix."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("jobs.urls")),
    path("", include("careers.urls")),  # its own prefixes: careers/, api/v1/occupations/…
    path("admin/", admin.site.urls),
]
