from django.contrib import admin

from core.admin import OwnedAdmin
from jobs.models import Job, JobBenefit, JobSkill


class JobSkillInline(admin.TabularInline):
    model = JobSkill
    raw_id_fields = ["skill"]
    extra = 0


class JobBenefitInline(admin.TabularInline):
    model = JobBenefit
    extra = 0


@admin.register(Job)
class JobAdmin(OwnedAdmin):
    list_display = [
        "title",
        "employer",
        "owner",
        "stage",
        "employment_type",
        "started_on",
        "ended_on",
    ]
    list_filter = ["stage", "employment_type", "schedule"]
    search_fields = ["title", "employer", "description", "owner__username"]
    date_hierarchy = "started_on"
    raw_id_fields = ["owner", "goals", "contacts"]
    inlines = [JobSkillInline, JobBenefitInline]
