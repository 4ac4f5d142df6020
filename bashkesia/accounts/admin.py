from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Account, ApiToken, RoleGrant, SignInAttempt
from .tokens import api_token_revoke


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


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made by ``manage.py create_api_token`` (the key is shown
    once); here they are listed and revoked."""

    list_display = ("name", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("name", "user__username")
    readonly_fields = (
        "user", "name", "key_hash", "created_at", "last_used_at", "revoked_at",
    )  # fmt: skip
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # kept: who could write, and until when

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset) -> None:
        tokens = list(queryset.filter(revoked_at__isnull=True))
        for token in tokens:
            api_token_revoke(token=token)
        self.message_user(
            request,
            ngettext(
                "%(count)d token revoked.", "%(count)d tokens revoked.", len(tokens)
            )
            % {"count": len(tokens)},
            messages.SUCCESS,
        )
