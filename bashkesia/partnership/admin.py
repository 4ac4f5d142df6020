"""Partnership records in the admin: read only.

Forums, meetings, priorities and problems change through the back office,
whose services check who may do what and record every step.
"""

from django.contrib import admin
from django.db import models

from .models import (
    Event,
    Forum,
    ForumStep,
    Meeting,
    Membership,
    Minutes,
    Problem,
    SectorPriority,
)


class ReadOnlyMixin:
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ForumStepInline(ReadOnlyMixin, admin.TabularInline):
    model = ForumStep
    fields = ("at", "action", "by", "reason")
    extra = 0


class MembershipInline(ReadOnlyMixin, admin.TabularInline):
    model = Membership
    fields = ("name", "role", "organisation", "start_date", "end_date")
    extra = 0


@admin.register(Forum)
class ForumAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("name_sq", "kind", "municipality", "station", "status")
    list_filter = ("kind", "status", "municipality__region")
    search_fields = ("name_sq", "name_sr_latn", "name_en")
    list_select_related = ("municipality", "station")
    inlines = [MembershipInline, ForumStepInline]


class MinutesInline(ReadOnlyMixin, admin.TabularInline):
    model = Minutes
    fk_name = "meeting"
    fields = ("version", "status", "drafted_at", "approved_at", "approved_at_meeting")
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("title", "forum", "starts_at", "status", "is_public")
    list_filter = ("status", "is_public", "forum__kind")
    search_fields = ("title", "forum__name_sq")
    list_select_related = ("forum",)
    date_hierarchy = "starts_at"
    inlines = [MinutesInline]


@admin.register(Event)
class EventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("title", "kind", "starts_at", "municipality", "is_cancelled")
    list_filter = ("kind", "is_cancelled", "municipality__region")
    search_fields = ("title",)
    list_select_related = ("municipality",)
    date_hierarchy = "starts_at"


@admin.register(SectorPriority)
class SectorPriorityAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("__str__", "sector", "issue_date", "status")
    list_filter = ("status",)
    search_fields = ("issue", "sector__code")
    list_select_related = ("sector",)


@admin.register(Problem)
class ProblemAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("title", "station", "sector", "stage", "result")
    list_filter = ("stage", "result")
    search_fields = ("title", "sector__code")
    list_select_related = ("station", "sector")
