"""Bearing's URLs plus the benchmark's baseline page."""

from django.shortcuts import render
from django.urls import include, path


def baseline(request):
    """A minimal signed-in page rendering base.html: what every other page is measured by."""
    return render(request, "bench/baseline.html")


urlpatterns = [
    path("bench/baseline/", baseline, name="bench_baseline"),
    path("", include("config.urls")),
]
