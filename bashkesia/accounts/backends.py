from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UsernameOrEmailBackend(ModelBackend):
    """Sign in with a username or an e-mail address (any case)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        User = get_user_model()  # noqa: N806
        field = "email__iexact" if "@" in username else "username__iexact"
        user = User._default_manager.filter(**{field: username.strip()}).first()
        if user is None:
            # Spend the time of a hash so that timing does not tell names apart.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        """The signed-in user of a request, with their account (read by the
        session guard on every request) in the same query."""
        User = get_user_model()  # noqa: N806
        user = (
            User._default_manager.select_related("account").filter(pk=user_id).first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
