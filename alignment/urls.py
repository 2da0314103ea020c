from django.urls import include, path

from alignment import next_views, views

app_name = "alignment"

# A job's own pages judge it, so they are here, under /jobs/ (adding, editing and deleting a
# job: jobs/urls.py).
jobs = [
    path("", views.job_list, name="job_list"),
    path("<int:pk>/", views.job_detail, name="job_detail"),
    path("<int:pk>/took-it/", views.job_took_it, name="job_took_it"),
]

# Your next job: the bridges toward a direction, under /next/.
bridges = [
    path("", next_views.next_job_page, name="next"),
    path("how/", next_views.how_bridges_work, name="next_how"),
    path("jobs/<int:pk>/occupation/", next_views.link_occupation, name="next_link"),
]

# The pages that set the person's jobs against their direction.
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/compare/", views.compare, name="compare"),
    path("story/", views.story_page, name="story"),
    path("scores/", views.how_scores_work, name="how_scores_work"),
    path("jobs/", include(jobs)),
    path("next/", include(bridges)),
]
