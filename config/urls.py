"""Bearing's URLs: each app keeps its own, under a readable prefix."""

from django.contrib import admin
from django.urls import include, path

from .api import api

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("jobs.urls")),
    path("", include("careers.urls")),  # its own prefixes: careers/, about/
    path("", include("sharing.urls")),  # account/sharing/, account/tokens/, shared/<token>/
    path("api/v1/", api.urls),  # every app's endpoints, one OpenAPI document (config.api)
    path("admin/", admin.site.urls),
]

# The API answers errors as JSON with a `detail`; every other page with the site's templates.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
