"""Suite-wide fixtures: the demo data set, the clock, a served site, Chromium."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop in the test thread; Django would
# then refuse database calls in the tests that follow a browser test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from bashkesia.territory.locator import locator


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo data once; each test then runs in a rolled-back transaction."""
    from bashkesia.demo.loader import demo_load

    with django_db_blocker.unblock():
        demo_load()


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Messages raised outside a request are English in tests (requests pick
    their own language from the URL or Accept-Language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_locator():
    locator.invalidate()
    yield
    locator.invalidate()


@pytest.fixture(autouse=True)
def _fresh_statistics_widget():
    """Each test reads the published day's bulletin afresh (the memo
    outlives the rolled-back transaction that held its figures)."""
    from django.core.cache import cache

    from bashkesia.stats.widget import bulletin

    bulletin.forget()
    # Cached statistics pages are keyed by a revision the rolled-back
    # transaction may reuse ("" when never set).
    cache.clear()


@pytest.fixture
def sign_in(client, db):
    """Sign ``client`` in as a user (a demo username or a User), second factor
    passed; return the client."""
    from django.contrib.auth import get_user_model

    from bashkesia.accounts.decorators import SESSION_VERIFIED

    def as_user(user):
        if isinstance(user, str):
            user = get_user_model().objects.get(username=user)
        client.force_login(user)
        session = client.session
        session[SESSION_VERIFIED] = True
        session.save()
        return client

    return as_user


@pytest.fixture
def run_tasks(db):
    """Run the background tasks waiting in the database, as ``db_worker`` would;
    ``run_tasks(deferred=True)`` also runs those due later (retries). Return
    how many ran."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="pytest",
        excluded_queue_names=[],
    )

    def run(*, deferred: bool = False) -> int:
        count = 0
        while count < 10_000:
            waiting = (
                DBTaskResult.objects.filter(status=TaskResultStatus.READY)
                if deferred
                else DBTaskResult.objects.ready()
            )
            task = waiting.order_by("enqueued_at").first()
            if task is None:
                break
            task.claim(worker.worker_id)
            worker.run_task(task)
            count += 1
        return count

    return run


@pytest.fixture
def today(monkeypatch):
    """Move the clock: ``today(date)`` makes the app believe it is that day."""
    from bashkesia.core import clock

    def move(day):
        monkeypatch.setattr(clock, "today", lambda: day)
        return day

    return move


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


def pytest_collection_modifyitems(config, items):
    if chromium_path():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError("REQUIRE_BROWSER=1 but Chromium was not found.")
    skip = pytest.mark.skip(reason="Chromium not found")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


ROOT = Path(__file__).resolve().parent


def _site_database_url(tmp: Path) -> str:
    """Return a database for the served site, apart from the test database."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp / 'site.sqlite3'}"
    import psycopg

    base, _, _ = url.rpartition("/")
    # One database per pytest-xdist worker.
    name = "bashkesia_site_" + os.environ.get("PYTEST_XDIST_WORKER", "main")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name}")
        connection.execute(f"CREATE DATABASE {name}")
    return f"{base}/{name}"


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """Run the product as `make serve` does (gunicorn, production settings)
    on its own demo database; yield its base URL."""
    tmp = tmp_path_factory.mktemp("site")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="served-site-test-key-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=_site_database_url(tmp),
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        BASHKESIA_VAR_DIR=str(tmp),
        # No network here: maps draw their outlines without background tiles.
        BASHKESIA_MAP_TILES_URL="",
        DJANGO_HTTPS="0",
        BASHKESIA_DEMO_LOGINS="1",
        # The load test posts hundreds of concerns from one address.
        BASHKESIA_CONCERNS_PER_HOUR="100000",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    for command in (
        ["migrate", "-v0"],
        ["collectstatic", "--no-input", "-v0"],
        ["load_demo"],
    ):
        subprocess.run(
            [*manage, *command],
            env=env,
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/regions", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.2)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS_DIR", ROOT / "var" / "test-artifacts"))


@pytest.fixture
def console_errors():
    """Console errors of the test's pages; a test expecting a 4xx clears it."""
    return []


@pytest.fixture
def browser_context(browser, console_errors):
    """Return a factory of browser contexts, closed after the test; pages in
    them fail the test on any console error (a CSP violation among them)."""
    contexts, errors = [], console_errors

    def make(**options):
        options.setdefault("locale", "sq-AL")
        context = browser.new_context(**options)
        context.set_default_timeout(15000)
        context.on(
            "page",
            lambda page: page.on(
                "console",
                lambda message: (
                    errors.append(message.text) if message.type == "error" else None
                ),
            ),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert errors == []


@pytest.fixture
def page(browser_context):
    return browser_context().new_page()


@pytest.fixture
def screenshot(request):
    """Save a screenshot of a page as a test artifact, named after the test."""

    def save(page) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{request.node.name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
