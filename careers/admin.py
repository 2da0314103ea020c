from django.contrib import admin

from accounts.models import Profile
from careers.models import (
    CareerDirection,
    CareerGoal,
    Contact,
    DirectionSkill,
    DirectionValue,
    Learning,
    Skill,
)
from core.admin import OwnedAdmin


class DirectionSkillInline(admin.TabularInline):
    model = DirectionSkill
    autocomplete_fields = ["skill"]
    extra = 0


class DirectionValueInline(admin.TabularInline):
    model = DirectionValue
    extra = 0


@admin.register(CareerDirection)
class CareerDirectionAdmin(OwnedAdmin):
    list_display = ["title", "owner", "status", "started_on", "ended_on"]
    list_filter = ["status"]
    search_fields = ["title", "statement", "owner__username"]
    inlines = [DirectionSkillInline, DirectionValueInline]
    raw_id_fields = ["owner"]


@admin.register(CareerGoal)
class CareerGoalAdmin(OwnedAdmin):
    list_display = ["title", "owner", "direction", "status", "priority", "target_date"]
    list_filter = ["status", "priority"]
    search_fields = ["title", "description", "owner__username"]
    raw_id_fields = ["owner", "direction"]


@admin.register(Skill)
class SkillAdmin(OwnedAdmin):
    list_display = ["name", "owner"]
    search_fields = ["name", "owner__username"]
    raw_id_fields = ["owner"]


@admin.register(Learning)
class LearningAdmin(OwnedAdmin):
    list_display = ["title", "owner", "kind", "provider", "started_on", "completed_on"]
    list_filter = ["kind"]
    search_fields = ["title", "provider", "owner__username"]
    raw_id_fields = ["owner", "skills"]


@admin.register(Contact)
class ContactAdmin(OwnedAdmin):
    list_display = ["name", "owner", "context", "last_contacted_on"]
    search_fields = ["name", "context", "notes", "owner__username"]
    raw_id_fields = ["owner"]


@admin.register(Profile)
class ProfileAdmin(OwnedAdmin):
    list_display = ["owner", "currency"]
    list_filter = ["currency"]
    search_fields = ["owner__username"]
    raw_id_fields = ["owner"]
