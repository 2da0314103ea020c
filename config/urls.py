"""Bearing's URLs: each app keeps its own, under a readable prefix."""

from django.contrib import admin
from django.urls import include, path

from config import api

urlpatterns = [
    path("", include("accounts.urls")),  # the landing page, accounts/…, account/…
    path("", include("careers.urls")),  # careers/, about/
    path("", include("jobs.urls")),  # jobs/add/, jobs/<id>/edit/…
    path("", include("alignment.urls")),  # dashboard/, story/, scores/, jobs/, next/
    path("", include("portability.urls")),  # account/export…, account/import/…
    path("", include("sharing.urls")),  # account/sharing/, shared/<token>/
    path("", include("demo.urls")),  # accounts/demo/
    path("api/v1/", api.urls()),  # every app's endpoints, one OpenAPI document (config.api)
    path("admin/", admin.site.urls),
]

# The API answers errors as JSON with a `detail`; every other page with the site's templates.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.not_found"
handler500 = "config.errors.server_error"
