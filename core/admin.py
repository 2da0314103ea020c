"""The admin's base for a person's rows: a change bumps the owner's data version, and a row never
changes owner."""

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from core.models import bump_data_version


class OwnedAdmin(admin.ModelAdmin):
    """A person's rows in the admin: each change bumps the owner's data version, and a
    row's owner is set when it is made and never changed (moving a row to another person
    would leave the first person's cached pages showing it)."""

    def get_readonly_fields(
        self, request: HttpRequest, obj: Model | None = None
    ) -> list[str] | tuple[str, ...]:
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "owner"] if obj is not None else fields

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        bump_data_version(obj.owner_id)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        bump_data_version(obj.owner_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet) -> None:
        owners = set(queryset.values_list("owner_id", flat=True))
        super().delete_queryset(request, queryset)
        for owner_id in owners:
            bump_data_version(owner_id)
