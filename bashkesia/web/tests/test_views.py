def test_the_root_redirects_to_the_browser_language(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="sr-Latn")
    assert response.status_code == 302
    assert response["Location"] == "/sr-latn/"


def test_the_root_defaults_to_albanian(client, db):
    response = client.get("/")
    assert response["Location"] == "/sq/"


def test_the_home_page_names_the_emergency_number(client, db):
    for language in ("sq", "sr-latn", "sr", "en"):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert "192" in response.content.decode()


def test_an_unknown_page_is_404(client, db):
    assert client.get("/sq/no-such-page/").status_code == 404
