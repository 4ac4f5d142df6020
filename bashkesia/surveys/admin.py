"""Surveys in the admin: read only; staff run them in the back office, and
responses are never changed."""

from django.contrib import admin

from .models import Response, Survey


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("slug", "title_sq", "municipality", "opens_on", "closes_on")
    list_filter = ("is_published",)
    search_fields = ("slug", "title_sq", "title_en")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ("survey", "sector", "submitted_at")
    list_filter = ("survey",)
    list_select_related = ("survey", "sector")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
