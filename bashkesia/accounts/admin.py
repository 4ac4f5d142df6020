from django.contrib import admin

from .models import Account, RoleGrant, SignInAttempt


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "station", "region", "revoked_at")
    list_filter = ("role", "revoked_at")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("station", "region")
    raw_id_fields = ("user", "granted_by")


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("user", "totp_confirmed_at", "sessions_valid_after", "is_demo")
    search_fields = ("user__username",)
    # The second factor's secret is never shown or edited here.
    fields = ("user", "totp_confirmed_at", "sessions_valid_after", "is_demo")
    readonly_fields = ("user", "totp_confirmed_at")


@admin.register(SignInAttempt)
class SignInAttemptAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "address", "succeeded")
    list_filter = ("succeeded",)
    search_fields = ("username", "address")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
