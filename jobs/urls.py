from django.urls import path

from jobs import views

app_name = "jobs"

# Adding, changing and deleting jobs and offers; the pages that show them, scored, are the
# alignment app's (alignment/urls.py), under the same /jobs/ prefix.
urlpatterns = [
    path("jobs/add/", views.JobCreate.as_view(), name="job_add"),
    path("jobs/offers/add/", views.OfferCreate.as_view(), name="offer_add"),
    path("jobs/<int:pk>/edit/", views.JobUpdate.as_view(), name="job_edit"),
    path("jobs/<int:pk>/add-skills/", views.job_add_skills, name="job_add_skills"),
    path("jobs/<int:pk>/delete/", views.JobDelete.as_view(), name="job_delete"),
]
