from django.contrib.auth import views as auth_views
from django.urls import path

from . import completion, kept, views
from .forms import NewPasswordForm

urlpatterns = [
    path("", views.home, name="home"),
    path("account/", views.account, name="account"),
    path("account/email/", views.change_email, name="account_email"),
    path("account/export.json", views.export_json, name="account_export_json"),
    path("account/export.csv", views.export_csv, name="account_export_csv"),
    path("account/resume.json", views.export_resume, name="account_export_resume"),
    path("account/import/", views.import_upload, name="account_import"),
    path("account/import/preview/", views.import_preview, name="account_import_preview"),
    path("account/import/confirm/", views.import_confirm, name="account_import_confirm"),
    path("account/import/cancel/", views.import_cancel, name="account_import_cancel"),
    path("account/import/matching/", views.import_matching, name="account_import_matching"),
    path("account/import/complete/", completion.job_list, name="account_import_complete"),
    path(
        "account/import/complete/<int:pk>/",
        completion.complete_job,
        name="account_import_complete_job",
    ),
    path("account/delete/", views.delete, name="account_delete"),
    path("account/send-again/", kept.send_again, name="send_again"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/demo/", views.try_demo, name="try_demo"),
    path("accounts/demo/end/", views.end_demo, name="end_demo"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("accounts/password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=NewPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
