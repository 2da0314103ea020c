from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import kept, views
from accounts.forms import NewPasswordForm

# The person's API tokens, under /account/tokens/.
tokens = [
    path("", views.tokens, name="tokens"),
    path("<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]

# The person's own account, under /account/.
account = [
    path("", views.account, name="account"),
    path("email/", views.change_email, name="account_email"),
    path("tokens/", include(tokens)),
    path("delete/", views.delete, name="account_delete"),
    path("send-again/", kept.send_again, name="send_again"),
]

# Django's password pages, with Bearing's forms and addresses, under /accounts/password/.
password = [
    path("change/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path("reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

# Signing up, in and out, under /accounts/.
sign_in = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", include(password)),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("account/", include(account)),
    path("accounts/", include(sign_in)),
]
