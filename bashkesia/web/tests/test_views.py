import pytest

from bashkesia.web.models import DirectorGeneral

LANGUAGES = ["sq", "sr-latn", "sr", "en"]


def test_the_root_redirects_to_the_browser_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sr-Latn")
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/"


def test_the_root_defaults_to_albanian(client, db):
    response = client.get("/")
    assert response["Location"] == "/sq/"


@pytest.mark.parametrize(
    ("language", "motto"),
    [
        ("sq", "Policia është Populli dhe Populli është Policia."),
        ("sr-latn", "Policija je narod i narod je policija."),
        ("sr", "Полиција је народ и народ је полиција."),
        ("en", "The police is the people and the people is the police."),
    ],
)
def test_the_home_page_has_the_motto_the_finder_and_192(client, db, language, motto):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert motto in html
    assert "data-finder" in html
    assert "192" in html
    assert f'hreflang="{language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", ["about/", "contact/", "director-general/", "find/"])
def test_every_page_has_a_title_and_description_in_each_language(
    client, db, language, page
):
    html = client.get(f"/{language}/{page}").content.decode()
    assert f'<html lang="{language}">' in html
    assert '<meta name="description"' in html
    assert "<title>" in html


def test_the_language_links_stay_on_the_same_page(client, db):
    html = client.get("/en/sectors/PRZ-01/").content.decode()
    for language in LANGUAGES:
        assert f'href="/{language}/sectors/PRZ-01/"' in html


def test_the_contact_page_gives_the_directorate_phone_and_192(client, db):
    html = client.get("/en/contact/").content.decode()
    assert "038 5080 ext. 1250" in html
    assert "In an emergency call 192." in html


def test_the_director_general_page_shows_the_biography_in_the_language(client, db):
    html = client.get("/sr/director-general/").content.decode()
    assert "Агим Бериша" in html
    assert "Генерални директор полиције руководи" in html


def test_a_new_director_general_replaces_the_page(client, db):
    DirectorGeneral.objects.update(left_office="2026-01-01")
    DirectorGeneral.objects.create(
        name="Drita Krasniqi", in_office="2026-01-02", biography_sq="Biografia."
    )
    html = client.get("/en/director-general/").content.decode()
    assert "Drita Krasniqi" in html
    assert "Biografia." in html  # English falls back to Albanian


def test_without_a_director_general_the_page_says_so(client, db):
    DirectorGeneral.objects.all().delete()
    html = client.get("/en/director-general/").content.decode()
    assert "has not been published yet" in html


def test_pages_send_a_strict_content_security_policy(client, db):
    policy = client.get("/en/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_an_unknown_page_is_404(client, db):
    assert client.get("/sq/no-such-page/").status_code == 404


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("web/img/favicon.svg")
