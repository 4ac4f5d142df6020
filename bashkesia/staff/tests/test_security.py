"""Security of one's own account: sign out everywhere, new recovery codes."""

from bashkesia.accounts import security
from bashkesia.accounts.models import Role


def test_the_security_page_offers_signing_out_everywhere(client_as):
    html = client_as(Role.SECTOR_OFFICER).get("/en/staff/security/").content.decode()
    assert 'action="/en/accounts/logout-everywhere/"' in html
    assert 'action="/en/staff/security/recovery-codes/"' in html


def test_signing_out_everywhere_ends_the_session(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    assert client.post("/en/accounts/logout-everywhere/").status_code == 302
    assert client.get("/en/staff/").status_code == 302


def test_new_recovery_codes_are_shown_once_and_replace_the_old(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    account = security.account_for(client.user)
    old = security.recovery_codes_renew(account=account)
    response = client.post("/en/staff/security/recovery-codes/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert account.recovery_codes.count() == 10
    new = [code.code_hash for code in account.recovery_codes.all()]
    assert all(code not in html for code in new)  # only hashes are kept
    assert not security.recovery_code_use(account=account, code=old[0])
    shown = html.split("<code>")[1].split("</code>")[0]
    assert security.recovery_code_use(account=account, code=shown)


def test_recovery_codes_are_made_only_by_post(client_as):
    client = client_as(Role.SECTOR_OFFICER)
    assert client.get("/en/staff/security/recovery-codes/").status_code == 405
