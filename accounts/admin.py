from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth.models import User

from accounts.forms import AdminLoginForm
from core.models import bump_data_version

admin.site.unregister(User)
admin.site.login_form = AdminLoginForm


@admin.register(User)
class UserAdmin(auth_admin.UserAdmin):
    """Django's user admin; a change bumps the person's data version, as the dashboard
    greets them by name."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        bump_data_version(obj.pk)
