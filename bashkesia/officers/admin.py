from django.contrib import admin

from .models import Officer, SectorAssignment


class SectorAssignmentInline(admin.TabularInline):
    model = SectorAssignment
    fields = ("sector", "kind", "start_date", "end_date")
    autocomplete_fields = ("sector",)
    extra = 0


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = (
        "badge_number",
        "last_name",
        "first_name",
        "rank",
        "role",
        "station",
        "is_active",
        "is_demo",
    )
    list_filter = (
        "role",
        "rank",
        "is_active",
        "is_demo",
        "station__municipality__region",
    )
    search_fields = ("badge_number", "first_name", "last_name", "last_name_cyrl")
    list_select_related = ("station",)
    autocomplete_fields = ("station", "region")
    inlines = [SectorAssignmentInline]


@admin.register(SectorAssignment)
class SectorAssignmentAdmin(admin.ModelAdmin):
    list_display = ("officer", "sector", "kind", "start_date", "end_date")
    list_filter = ("kind", "sector__municipality__region")
    search_fields = ("officer__last_name", "officer__badge_number", "sector__code")
    list_select_related = ("officer", "sector")
    autocomplete_fields = ("officer", "sector")
    date_hierarchy = "start_date"
