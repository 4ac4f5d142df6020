from django.contrib import admin

from .models import Category, Concern, ConcernUpdate


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = (
        "code", "name_en", "kind", "is_sensitive", "acknowledge_within_hours",
        "resolve_within_days", "is_active", "order",
    )  # fmt: skip
    list_filter = ("kind", "is_sensitive", "is_active")
    list_editable = ("order", "is_active")
    search_fields = ("code", "name_sq", "name_sr_latn", "name_en")


class ConcernUpdateInline(admin.TabularInline):
    model = ConcernUpdate
    fields = ("at", "kind", "from_status", "to_status", "is_public", "text", "author")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Concern)
class ConcernAdmin(admin.ModelAdmin):
    """Read-only here: concerns change through the back office's services."""

    list_display = ("tracking_code", "category", "sector", "status", "submitted_at")
    list_filter = ("status", "category", "source")
    search_fields = ("tracking_code",)
    list_select_related = ("category", "sector")
    inlines = [ConcernUpdateInline]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
