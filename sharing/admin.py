from django.contrib import admin

from core.models import AccessToken
from sharing.models import ShareLink


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    """Links as their owners see them; the token itself is nowhere to be seen."""

    list_display = ["label", "owner", "created_at", "expires_at", "last_opened_at", "revoked_at"]
    readonly_fields = ["owner", "token_hash", "created_at", "last_opened_at", "times_opened"]

    def has_add_permission(self, request):
        return False  # made by their owner, who alone ever sees the token


@admin.register(AccessToken)
class AccessTokenAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "hint",
        "owner",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    readonly_fields = ["owner", "token_hash", "hint", "created_at", "expires_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
