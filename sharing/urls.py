from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("account/sharing/", views.links, name="links"),
    path("account/sharing/<int:pk>/revoke/", views.link_revoke, name="link_revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
]
