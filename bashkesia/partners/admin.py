"""Partners in the admin: read only (the back office changes them through
its services, which check who may)."""

from django.contrib import admin

from .models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ("name_sq", "acronym", "kind", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name_sq", "name_sr_latn", "name_en", "acronym", "slug")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
