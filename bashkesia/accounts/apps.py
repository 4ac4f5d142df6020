from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "bashkesia.accounts"
    verbose_name = _("Accounts and roles")

    def ready(self) -> None:
        from bashkesia.core.audit import audit

        from .models import Account, RoleGrant

        audit(RoleGrant, Account)
