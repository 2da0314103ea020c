from django.urls import path

from . import views

app_name = "sharing"

urlpatterns = [
    path("account/sharing/", views.links, name="links"),
    path("account/sharing/<int:pk>/revoke/", views.link_revoke, name="link_revoke"),
    path("account/tokens/", views.tokens, name="tokens"),
    path("account/tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
]
