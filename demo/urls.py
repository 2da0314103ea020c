from django.urls import path

from demo import views

urlpatterns = [
    path("accounts/demo/", views.try_demo, name="try_demo"),
    path("accounts/demo/end/", views.end_demo, name="end_demo"),
]
