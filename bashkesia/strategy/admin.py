"""The strategy in the admin: read only.

The plan changes through the back office, whose services check who may do
what and keep each activity's timeline.
"""

from django.contrib import admin

from .models import (
    Activity,
    ActivityUpdate,
    Indicator,
    Measurement,
    Objective,
    Strategy,
    SubObjective,
)


class ReadOnlyMixin:
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Strategy)
class StrategyAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("slug", "title_sq", "start_year", "end_year", "published")
    list_filter = ("published", "is_illustrative")


@admin.register(Objective)
class ObjectiveAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("number", "title_sq", "strategy", "weight")
    list_filter = ("strategy",)


@admin.register(SubObjective)
class SubObjectiveAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("number", "title_sq", "objective", "weight")


class ActivityUpdateInline(ReadOnlyMixin, admin.TabularInline):
    model = ActivityUpdate
    fields = ("at", "by", "old_status", "new_status", "old_progress", "new_progress")
    extra = 0


@admin.register(Activity)
class ActivityAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("number", "strategy", "status", "progress", "responsible_unit")
    list_filter = ("strategy", "status")
    search_fields = ("number", "description_sq", "description_en")
    inlines = [ActivityUpdateInline]


class MeasurementInline(ReadOnlyMixin, admin.TabularInline):
    model = Measurement
    fields = ("period_start", "period_end", "value", "computed", "entered_by", "at")
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ("code", "name_sq", "strategy", "source", "frequency")
    list_filter = ("strategy", "source", "frequency")
    inlines = [MeasurementInline]
