"""Django admin for the territory. Sector boundaries change through
``import_sectors`` (which validates tiling); the admin edits the rest."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Region, Sector, Settlement, Station

NAME_FIELDS = ("name_sq", "name_sr_latn", "name_sr", "name_en")


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_sq", "name_sr_latn", "name_en", "slug")
    search_fields = ("code", *NAME_FIELDS)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("code", "name_sq", "name_sr_latn", "region")
    list_filter = ("region",)
    search_fields = ("code", *NAME_FIELDS)
    readonly_fields = ("boundary",)


@admin.register(Station)
class StationAdmin(admin.ModelAdmin):
    list_display = ("code", "name_sq", "kind", "municipality", "parent", "is_demo")
    list_filter = ("kind", "municipality__region", "is_demo")
    search_fields = ("code", *NAME_FIELDS)
    list_select_related = ("municipality", "parent")
    autocomplete_fields = ("municipality", "parent")


class SettlementInline(admin.TabularInline):
    model = Settlement
    fields = ("name_sq", "name_sr_latn", "feature_code", "latitude", "longitude")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_sq", "station", "municipality", "area_km2", "is_demo")
    list_filter = ("municipality__region", "is_demo")
    search_fields = ("code", *NAME_FIELDS)
    list_select_related = ("station", "municipality")
    readonly_fields = (
        "municipality",
        "boundary",
        "centre_latitude",
        "centre_longitude",
        "area_km2",
    )
    autocomplete_fields = ("station",)
    inlines = [SettlementInline]
    fieldsets = (
        (None, {"fields": ("code", *NAME_FIELDS, "station", "description", "is_demo")}),
        (
            _("Boundary (change it with manage.py import_sectors)"),
            {
                "fields": (
                    "municipality",
                    "centre_latitude",
                    "centre_longitude",
                    "area_km2",
                    "boundary",
                ),
                "classes": ("collapse",),
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        # Sectors are created by the importer, which checks the tiling.
        return ("code", *self.readonly_fields) if obj else self.readonly_fields

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Settlement)
class SettlementAdmin(admin.ModelAdmin):
    list_display = ("name_sq", "name_sr_latn", "name_sr", "municipality", "sector")
    list_filter = ("feature_code", "municipality")
    search_fields = ("name_sq", "name_sr_latn", "name_sr", "search_text")
    list_select_related = ("municipality", "sector")
    readonly_fields = ("sector", "search_text")
    autocomplete_fields = ("municipality",)
