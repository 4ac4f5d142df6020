"""200 concurrent submissions through the served product (gunicorn, SQLite or
PostgreSQL as the suite runs): each stored exactly once, none failing."""

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

pytestmark = pytest.mark.browser  # needs the served site, like the journeys

SUBMISSIONS = 200


def submit(base: str, index: int) -> tuple[int, str]:
    body = json.dumps(
        {
            "category": "vandalism",
            "description": f"Load test concern number {index}.",
            "lat": 42.2139 + (index % 10) * 0.001,
            "lon": 20.7397,
        }
    ).encode()
    request = urllib.request.Request(
        base + "/api/v1/concerns",
        data=body,
        headers={
            "Content-Type": "application/json",
            "Idempotency-Key": f"load-{index}",
        },
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read())["tracking_code"]


def test_two_hundred_concurrent_submissions_are_each_stored_once(served_site):
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda i: submit(served_site, i), range(SUBMISSIONS)))
    assert [status for status, _ in results] == [201] * SUBMISSIONS
    codes = {code for _, code in results}
    assert len(codes) == SUBMISSIONS
    # A retry of each returns the same concern: nothing stored twice.
    again = [submit(served_site, i)[1] for i in range(0, SUBMISSIONS, 20)]
    assert again == [results[i][1] for i in range(0, SUBMISSIONS, 20)]
    for code in list(codes)[:20]:
        with urllib.request.urlopen(
            f"{served_site}/api/v1/concerns/{code}"
        ) as response:
            assert json.loads(response.read())["tracking_code"] == code
