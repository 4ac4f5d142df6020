"""Sign-in policy: lockout after failed attempts, the TOTP second factor."""

import datetime
import secrets

import pyotp
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import Max

from bashkesia.core import clock

from .models import Account, RecoveryCode, SignInAttempt

LOCKOUT_WINDOW = datetime.timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
RECOVERY_CODES = 10
TOTP_ISSUER = "Bashkësia"


def lockout_until(*, username: str, address: str | None) -> datetime.datetime | None:
    """Return when sign-in reopens for this account or address, if locked.

    An account is locked after ``MAX_FAILURES_PER_ACCOUNT`` failures within
    ``LOCKOUT_WINDOW`` (since its last success), an address after
    ``MAX_FAILURES_PER_ADDRESS``; the lock lifts ``LOCKOUT_WINDOW`` after the
    last failure.
    """
    now = clock.now()
    since = now - LOCKOUT_WINDOW
    username = username.strip().lower()
    checks = [
        (SignInAttempt.objects.filter(username=username), MAX_FAILURES_PER_ACCOUNT)
    ]
    if address:
        checks.append(
            (SignInAttempt.objects.filter(address=address), MAX_FAILURES_PER_ADDRESS)
        )
    until = None
    for attempts, limit in checks:
        last_success = attempts.filter(succeeded=True).aggregate(id=Max("id"))["id"]
        failures = attempts.filter(succeeded=False, at__gte=since)
        if last_success:
            failures = failures.filter(id__gt=last_success)
        if failures.count() >= limit:
            last = failures.aggregate(at=Max("at"))["at"]
            candidate = last + LOCKOUT_WINDOW
            until = max(until, candidate) if until else candidate
    return until


def attempt_record(*, username: str, address: str | None, succeeded: bool) -> None:
    SignInAttempt.objects.create(
        username=username.strip().lower(),
        address=address,
        succeeded=succeeded,
        at=clock.now(),
    )


def account_for(user) -> Account:
    account, _ = Account.objects.get_or_create(user=user)
    return account


def account_language_set(user, *, language: str) -> None:
    """Remember the language the user works in, for the e-mails they get."""
    account_for(user)
    Account.objects.filter(user=user).exclude(language=language).update(
        language=language
    )


def demo_login_refused(user) -> bool:
    """Demo accounts sign in only where demo logins are switched on."""
    account = Account.objects.filter(user=user).first()
    return bool(account and account.is_demo and not settings.BASHKESIA_DEMO_LOGINS)


def totp_provisioning_uri(account: Account) -> str:
    return pyotp.TOTP(account.totp_secret).provisioning_uri(
        name=account.user.get_username(), issuer_name=TOTP_ISSUER
    )


@transaction.atomic
def totp_enrolment_start(*, account: Account) -> Account:
    """Give an account without a second factor a secret to enrol with."""
    if not account.totp_secret:
        account.totp_secret = pyotp.random_base32()
        account.save(update_fields=["totp_secret", "updated_at"])
    return account


def _totp_step(account: Account, code: str) -> int | None:
    """Return the time step ``code`` is valid for (±1 step), or None."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(account.totp_secret)
    now = clock.now()
    for drift in (0, -1, 1):
        moment = now + datetime.timedelta(seconds=30 * drift)
        if secrets.compare_digest(totp.at(moment), code):
            return totp.timecode(moment)
    return None


@transaction.atomic
def totp_confirm(*, account: Account, code: str) -> list[str] | None:
    """Confirm enrolment with a first code; return new recovery codes, or
    None when the code is wrong."""
    step = _totp_step(account, code)
    if step is None:
        return None
    account.totp_confirmed_at = clock.now()
    account.totp_last_step = step
    account.save(update_fields=["totp_confirmed_at", "totp_last_step", "updated_at"])
    return recovery_codes_renew(account=account)


@transaction.atomic
def totp_verify(*, account: Account, code: str) -> bool:
    """Check a code at sign-in; a code is accepted only once."""
    account = Account.objects.select_for_update().get(pk=account.pk)
    step = _totp_step(account, code)
    if step is None or step <= account.totp_last_step:
        return False
    account.totp_last_step = step
    account.save(update_fields=["totp_last_step", "updated_at"])
    return True


@transaction.atomic
def recovery_codes_renew(*, account: Account) -> list[str]:
    """Replace the account's recovery codes; return them (shown once)."""
    account.recovery_codes.all().delete()
    codes = [
        f"{secrets.randbelow(10**5):05d}-{secrets.randbelow(10**5):05d}"
        for _ in range(RECOVERY_CODES)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(account=account, code_hash=make_password(code)) for code in codes
    )
    return codes


@transaction.atomic
def recovery_code_use(*, account: Account, code: str) -> bool:
    code = code.strip()
    for recovery in account.recovery_codes.select_for_update().filter(used_at=None):
        if check_password(code, recovery.code_hash):
            recovery.used_at = clock.now()
            recovery.save(update_fields=["used_at"])
            return True
    return False


@transaction.atomic
def sign_out_everywhere(*, user) -> None:
    """End every session of the user, this one included."""
    account = account_for(user)
    account.sessions_valid_after = clock.now()
    account.save(update_fields=["sessions_valid_after", "updated_at"])
