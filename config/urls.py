"""Bearing's URLs: each app keeps its own, under a readable prefix."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("jobs.urls")),
    path("careers/", include("careers.urls")),
    path("admin/", admin.site.urls),
]
