def test_locate_prizren(client, db):
    response = client.get("/api/v1/locate?lat=42.2139&lon=20.7397")
    assert response.status_code == 200
    assert response.json()["code"] == "PRZ-01"
