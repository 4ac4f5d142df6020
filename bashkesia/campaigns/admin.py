"""Campaigns in the admin: read only (the back office changes them through
its services, which check who may)."""

from django.contrib import admin

from .models import Campaign, Material, ReachEntry


class ReadOnly:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class MaterialInline(ReadOnly, admin.TabularInline):
    model = Material
    fields = ("title", "file", "kind", "size", "added_by")
    extra = 0


class ReachInline(ReadOnly, admin.TabularInline):
    model = ReachEntry
    fields = ("date", "channel", "measure", "number", "note", "recorded_by")
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ("title_sq", "starts_on", "ends_on", "is_published", "is_demo")
    list_filter = ("is_published", "is_demo", "regions")
    search_fields = ("title_sq", "title_sr_latn", "title_en", "slug")
    inlines = [MaterialInline, ReachInline]
