from django.urls import path

from . import next_views, views

app_name = "jobs"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/compare/", views.compare, name="compare"),
    path("story/", views.story_page, name="story"),
    path("jobs/", views.job_list, name="job_list"),
    path("jobs/add/", views.JobCreate.as_view(), name="job_add"),
    path("jobs/offers/add/", views.OfferCreate.as_view(), name="offer_add"),
    path("scores/", views.how_scores_work, name="how_scores_work"),
    path("jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/edit/", views.JobUpdate.as_view(), name="job_edit"),
    path("jobs/<int:pk>/add-skills/", views.job_add_skills, name="job_add_skills"),
    path("jobs/<int:pk>/took-it/", views.job_took_it, name="job_took_it"),
    path("jobs/<int:pk>/delete/", views.JobDelete.as_view(), name="job_delete"),
    # Your next job: the bridges toward a direction (jobs.next_views)
    path("next/", next_views.next_job_page, name="next"),
    path("next/how/", next_views.how_bridges_work, name="next_how"),
    path("next/jobs/<int:pk>/occupation/", next_views.link_occupation, name="next_link"),
]
