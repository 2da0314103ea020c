from django.urls import path

from portability import completion, views

# A history out (the export) and in (the imports), on the account's pages.
urlpatterns = [
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
]
