from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ApiKey, Category, Concern, ConcernUpdate
from .open311.services import api_key_revoke


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


@admin.register(ApiKey)
class ApiKeyAdmin(admin.ModelAdmin):
    """Keys are made by ``manage.py create_api_key`` (the key is shown once);
    here they are listed and revoked."""

    list_display = ("name", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name",)
    readonly_fields = ("name", "key_hash", "created_at", "last_used_at", "revoked_at")
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # concerns keep the key that raised them

    @admin.action(description=_("Revoke the selected keys"))
    def revoke(self, request, queryset) -> None:
        keys = list(queryset.filter(revoked_at__isnull=True))
        for api_key in keys:
            api_key_revoke(api_key=api_key)
        self.message_user(
            request,
            ngettext("%(count)d key revoked.", "%(count)d keys revoked.", len(keys))
            % {"count": len(keys)},
            messages.SUCCESS,
        )
