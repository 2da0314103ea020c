"""The job side's pages: the dashboard."""

from django.shortcuts import render


def dashboard(request):
    """The signed-in person's home: their job history set against their direction."""
    return render(request, "jobs/dashboard.html")
