"""Signing in: password, lockout, the TOTP second factor, recovery codes,
password reset, signing out everywhere."""

import datetime
import re

import pyotp
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client, override_settings

from bashkesia.accounts import security
from bashkesia.accounts.decorators import SESSION_VERIFIED
from bashkesia.accounts.services import role_grant, user_create
from bashkesia.core import clock

LOGIN = "/en/accounts/login/"
SECOND = "/en/accounts/second-factor/"
NOW = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def now(monkeypatch):
    """Freeze the clock at ``NOW``; ``now(delta)`` moves it on."""
    moment = {"at": NOW}
    monkeypatch.setattr(clock, "now", lambda: moment["at"])

    def move(delta=datetime.timedelta(0)):
        moment["at"] = moment["at"] + delta
        return moment["at"]

    return move


@pytest.fixture
def staff_user(db):
    user = user_create(
        username="arta", email="arta@example.org", password="Correct-horse-9"
    )
    role_grant(user=user, role="directorate_staff")
    return user


def post_login(client, username="arta", password="Correct-horse-9", **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def test_the_sign_in_page_is_in_each_language(client, db):
    for language in ("sq", "sr-latn", "sr", "en"):
        response = client.get(f"/{language}/accounts/login/")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(client, staff_user):
    response = post_login(client, password="nope")
    assert response.status_code == 400
    assert "The username or password is not right." in response.content.decode()


def test_an_empty_form_is_refused(client, db):
    response = client.post(LOGIN, {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


@pytest.mark.parametrize(
    "username", ["arta", "ARTA", "arta@example.org", "Arta@Example.org"]
)
def test_staff_sign_in_by_username_or_e_mail_then_the_second_factor(
    client, staff_user, username
):
    response = post_login(client, username=username)
    assert response.status_code == 302
    assert response["Location"].startswith(SECOND)
    assert client.get("/en/staff/").status_code == 302  # not verified yet


def test_first_sign_in_enrols_the_second_factor_with_a_qr_code(client, staff_user, now):
    post_login(client)
    page = client.get(SECOND).content.decode()
    assert "<svg" in page
    secret = re.search(r"data-totp-secret>([A-Z2-7]+)<", page).group(1)
    wrong = client.post(SECOND, {"code": "000000"})
    assert wrong.status_code == 400
    assert "That code is not right." in wrong.content.decode()
    code = pyotp.TOTP(secret).at(NOW)
    response = client.post(SECOND, {"code": code, "next": "/en/staff/"})
    assert response.status_code == 200
    codes = re.findall(r"<code>(\d{5}-\d{5})</code>", response.content.decode())
    assert len(codes) == 10
    assert client.session[SESSION_VERIFIED] is True


def enrolled(user, secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"):
    account = security.account_for(user)
    account.totp_secret = secret
    account.totp_confirmed_at = NOW
    account.save()
    return account, pyotp.TOTP(secret)


def test_a_code_signs_in_once_and_cannot_be_replayed(client, staff_user, now):
    _, totp = enrolled(staff_user)
    post_login(client)
    response = client.post(SECOND, {"code": totp.at(NOW), "next": "/en/staff/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/"
    other = Client()
    post_login(other)
    replay = other.post(SECOND, {"code": totp.at(NOW)})
    assert replay.status_code == 400
    assert "That code is not right, or it was used already." in replay.content.decode()


def test_a_recovery_code_works_once(client, staff_user, now):
    account, _ = enrolled(staff_user)
    codes = security.recovery_codes_renew(account=account)
    post_login(client)
    assert client.post(SECOND, {"code": codes[0]}).status_code == 302
    second = Client()
    post_login(second)
    assert second.post(SECOND, {"code": codes[0]}).status_code == 400


def test_five_failures_lock_the_account_until_a_stated_time(client, staff_user, now):
    for _ in range(5):
        assert post_login(client, password="nope").status_code == 400
    response = post_login(client)  # even the right password
    assert response.status_code == 429
    assert "Too many failed attempts to sign in. You can try again after" in (
        response.content.decode()
    )
    now(datetime.timedelta(minutes=16))
    assert post_login(client).status_code == 302


def test_many_failures_from_one_address_lock_that_address(client, staff_user, now):
    for index in range(20):
        post_login(client, username=f"guess{index}", password="nope")
    assert post_login(client).status_code == 429
    other = Client(REMOTE_ADDR="10.9.8.7")
    assert post_login(other).status_code == 302


def test_wrong_codes_count_towards_the_lockout(client, staff_user, now):
    enrolled(staff_user)
    post_login(client)
    for _ in range(5):
        client.post(SECOND, {"code": "123456"})
    assert client.post(SECOND, {"code": "123456"}).status_code == 429


@override_settings(BASHKESIA_DEMO_LOGINS=False)
def test_demo_accounts_cannot_sign_in_where_demo_logins_are_off(client, db):
    response = post_login(client, username="officer", password="bashkesia-demo")
    assert response.status_code == 403
    assert "Demo accounts cannot sign in on this server." in response.content.decode()


def test_a_demo_account_signs_in_with_its_published_key(client, db, now):
    from bashkesia.demo.accounts import DEMO_LOGINS

    login = next(login for login in DEMO_LOGINS if login.username == "officer")
    post_login(client, username="officer", password="bashkesia-demo")
    response = client.post(SECOND, {"code": login.current_code(), "next": "/en/staff/"})
    assert response["Location"] == "/en/staff/"


def test_password_reset_by_e_mail(client, staff_user):
    response = client.post(
        "/en/accounts/password-reset/", {"email": "arta@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/en/accounts/password-reset/\S+/)", mail.outbox[0].body
    )
    form_page = client.get(link.group(1), follow=True)
    action = form_page.redirect_chain[-1][0]
    done = client.post(
        action,
        {"new_password1": "A-new-long-pass-42", "new_password2": "A-new-long-pass-42"},
    )
    assert done.status_code == 302
    assert (
        get_user_model()
        .objects.get(pk=staff_user.pk)
        .check_password("A-new-long-pass-42")
    )


def test_password_reset_for_an_unknown_address_says_the_same(client, db):
    response = client.post(
        "/en/accounts/password-reset/", {"email": "nobody@example.org"}
    )
    assert response.status_code == 302
    assert mail.outbox == []


def test_sign_out_everywhere_ends_every_session(staff_user, now):
    first, second = Client(), Client()
    for client in (first, second):
        client.force_login(staff_user)
        session = client.session
        session["bashkesia_signed_in_at"] = NOW.timestamp() - 60
        session[SESSION_VERIFIED] = True
        session.save()
    assert second.get("/en/staff/").status_code == 200
    first.post("/en/accounts/logout-everywhere/")
    response = second.get("/en/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def test_signing_out_needs_a_post(client, staff_user):
    assert client.get("/en/accounts/logout/").status_code == 405


def test_sessions_end_after_thirty_idle_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60


def test_a_used_session_is_renewed_at_most_once_a_minute(client, staff_user, now):
    from django.contrib.sessions.models import Session

    client.force_login(staff_user)
    client.get("/en/")
    key = client.cookies[settings_name()].value

    def expiry():
        return Session.objects.get(session_key=key).expire_date

    first = expiry()
    now(datetime.timedelta(seconds=30))
    response = client.get("/en/")
    assert settings_name() not in response.cookies  # not written again
    assert expiry() == first
    now(datetime.timedelta(seconds=31))
    response = client.get("/en/")
    assert settings_name() in response.cookies
    assert expiry() > first


def test_a_visitor_without_a_session_is_not_given_one(client, db):
    response = client.get("/en/")
    assert settings_name() not in response.cookies


def settings_name():
    from django.conf import settings

    return settings.SESSION_COOKIE_NAME


def test_passwords_are_hashed_with_argon2():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_the_next_address_must_stay_on_this_site(client, staff_user):
    response = post_login(client, next="https://evil.example/")
    assert "evil.example" not in response["Location"]
