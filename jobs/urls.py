from django.urls import path

from . import views

app_name = "jobs"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/compare/", views.compare, name="compare"),
    path("story/", views.story_page, name="story"),
    path("jobs/", views.job_list, name="job_list"),
    path("jobs/add/", views.JobCreate.as_view(), name="job_add"),
    path("jobs/<int:pk>/", views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/edit/", views.JobUpdate.as_view(), name="job_edit"),
    path("jobs/<int:pk>/delete/", views.JobDelete.as_view(), name="job_delete"),
]
